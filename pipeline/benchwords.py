"""The WCXB benchmark's own metric for ``make bench-quality``: bag-of-words F1 per page.

The clean text of each page is compared with the benchmark's ground-truth main text
(``wcxb-dev/main_content/<id>.txt``): tokens are lower-cased ``\\w+`` runs, counted as a
multiset; precision, recall and F1 per page, averaged over pages. trafilatura with default
options is scored the same way on the same HTML pages in the same run, as the reference.

The 300 development pages are split once into a tuning half and a frozen half
(``benchmarks/wcxb_split.txt``, by a hash of the id): error analysis looks at the tuning half
only, so that the frozen half still says how a change does on pages nobody looked at.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path
from typing import Any, Callable

from .text.words import BENCHMARK_TOKEN  # the benchmark's own tokenisation, not our word

SPLIT_FILE = Path(__file__).resolve().parent.parent / "benchmarks" / "wcxb_split.txt"
HALVES = ("tuning", "frozen")


def half_of(page_id: str) -> str:
    """The half a page belongs to: the parity of the first byte of the SHA-1 of its id."""
    return HALVES[hashlib.sha1(page_id.encode("utf-8")).digest()[0] % 2]


def write_split(ids: list[str], path: Path = SPLIT_FILE) -> None:
    lines = ["# WCXB dev split: id<TAB>half (tuning: error analysis allowed; frozen: report only)"]
    lines += [f"{i}\t{half_of(i)}" for i in sorted(ids)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def load_split(path: Path = SPLIT_FILE) -> dict[str, str]:
    """id -> half, from the committed list (pages missing from it fall back to the hash rule)."""
    out: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                pid, half = line.split("\t")
                out[pid] = half
    return out


def page_types(bench: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    index = bench / "wcxb-dev" / "index.tsv"
    for line in index.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) >= 2:
            out[cols[0]] = cols[1]
    return out


def tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in BENCHMARK_TOKEN.findall(text or ""))


def prf(pred: str, gold: str) -> tuple[float, float, float]:
    """Bag-of-words precision, recall and F1 of one page (both empty: 1.0; one empty: 0.0)."""
    p, g = tokens(pred), tokens(gold)
    if not p and not g:
        return 1.0, 1.0, 1.0
    common = sum((p & g).values())
    prec = common / sum(p.values()) if p else 0.0
    rec = common / sum(g.values()) if g else 0.0
    f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f


def gold_texts(bench: Path, ids: list[str]) -> dict[str, str]:
    folder = bench / "wcxb-dev" / "main_content"
    return {i: (folder / f"{i}.txt").read_text(encoding="utf-8") for i in ids if (folder / f"{i}.txt").exists()}


def trafilatura_texts(bench: Path, ids: list[str]) -> dict[str, str]:
    """trafilatura 2.x, default options, on the raw HTML of each page (bytes, as a user would)."""
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    out = {}
    for i in ids:
        path = bench / "wcxb-dev" / "raw" / f"{i}.html"
        if path.exists():
            out[i] = trafilatura.extract(path.read_bytes()) or ""
    return out


def score(systems: dict[str, dict[str, str]], gold: dict[str, str]) -> dict[str, dict[str, tuple[float, float, float]]]:
    """system -> id -> (P, R, F), on the pages every system has."""
    ids = sorted(set(gold).intersection(*[set(s) for s in systems.values()]))
    return {name: {i: prf(texts[i], gold[i]) for i in ids} for name, texts in systems.items()}


def _mean(vals: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    n = len(vals) or 1
    return tuple(sum(v[k] for v in vals) / n for k in range(3))  # type: ignore[return-value]


def table(scores: dict[str, dict[str, tuple[float, float, float]]], groups: dict[str, Callable[[str], bool]]) -> str:
    """Mean F1 / P / R of every system in every group of pages (one row per group)."""
    names = list(scores)
    head = "pages".ljust(24) + "n".rjust(4) + "".join(f"  {n[:18]:>18} F1/P/R" for n in names)
    lines = [head]
    for label, member in groups.items():
        ids = [i for i in next(iter(scores.values())) if member(i)]
        if not ids:
            continue
        row = label.ljust(24) + str(len(ids)).rjust(4)
        for n in names:
            p, r, f = _mean([scores[n][i] for i in ids])
            row += f"  {f:.3f}/{p:.3f}/{r:.3f}".rjust(25)
        lines.append(row)
    return "\n".join(lines)


def groups_for(types: dict[str, str], split: dict[str, str]) -> dict[str, Callable[[str], bool]]:
    """All pages, each half, and each page type within each half."""
    out: dict[str, Callable[[str], bool]] = {"all": lambda i: True}
    for h in HALVES:
        out[h] = lambda i, h=h: split.get(i, half_of(i)) == h
    for h in HALVES:
        for t in sorted(set(types.values())):
            out[f"  {h}/{t}"] = lambda i, h=h, t=t: split.get(i, half_of(i)) == h and types.get(i) == t
    return out


def page_id(document: str) -> str:
    return Path(document).stem


def report(bench: Path, dumps: dict[str, dict[str, dict[str, Any]]]) -> tuple[str, dict[str, Any]]:
    """Word F1 of every wcxb part (``dumps``: part -> document -> prediction dump) and of
    trafilatura on the HTML pages, as a printed table and as JSON numbers."""
    if not (bench / "wcxb-dev" / "main_content").is_dir():
        return "(no wcxb-dev/main_content: word F1 not measured)", {}
    systems: dict[str, dict[str, str]] = {}
    for part, docs in dumps.items():
        systems[f"ours {part}"] = {page_id(d): dump.get("clean_text") or "" for d, dump in docs.items()}
    ids = sorted(set().union(*[set(s) for s in systems.values()])) if systems else []
    systems["trafilatura html"] = trafilatura_texts(bench, ids)
    if "ours wcxb-text" in systems:
        systems["text dump unchanged"] = {
            i: (bench / "wcxb-dev" / "raw_text" / f"{i}.txt").read_text(encoding="utf-8")
            for i in ids if (bench / "wcxb-dev" / "raw_text" / f"{i}.txt").exists()}
    gold = gold_texts(bench, ids)
    scores = score(systems, gold)
    split = load_split()
    groups = groups_for(page_types(bench), split)
    text = "== word F1 (WCXB metric: bag of words per page, mean over pages)\n" + table(scores, groups)
    js = {name: {label: dict(zip(("precision", "recall", "f1"), _mean([s[i] for i in s if member(i)])))
                 for label, member in groups.items()} for name, s in scores.items()}
    return text, js


def line_scores_by_half(ev: Any, metrics: tuple[str, ...] = ("boilerplate_removed", "content_kept")) -> str:
    """The line-level figures (found / total over gold fragments) of each half."""
    split = load_split()
    lines = []
    for h in HALVES:
        cells = []
        for m in metrics:
            found = total = 0
            for d in ev.documents:
                if split.get(page_id(d.document), half_of(page_id(d.document))) == h:
                    found += d.scores[m].found
                    total += d.scores[m].total
            cells.append(f"{m} {found / total:.3f} ({found}/{total})" if total else f"{m} n/a")
        lines.append(f"  {h} half: " + ", ".join(cells))
    return "\n".join(lines)
