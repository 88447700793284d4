"""Compose a BLIND held-out copyright split: 60 pages from the frozen half of wcxb-dev.

Why: every dev split so far was written by people who had read the copyright stage, so its
wordings may have leaked into the rules (and the rules into the splits). This one was written
without reading the stage, its config, its tests, its doc or the dev splits' wordings
(benchmarks/COPYRIGHT_BLIND.md says what was read). Four reproduction forms (a whole article of
another outlet, a long excerpt in a host's post, a complete letter, an interview under a notice)
and ~40% controls that must not be flagged. Host and source pages come from the frozen half of
benchmarks/copyright_compose.py (hash parity 1), read in place at run time and never copied into
the project; each host page is used once and each source paragraph at most once (a text repeated
across pages would be a cross-document copy). Gold is labelled by construction in the layout of
../shared/GOLD_FORMAT.md (`copyright.flag` start/end, `copyright.keep` fragments).

    python -m benchmarks.copyright_blind --out /tmp/cr-blind
    pipeline run --raw /tmp/cr-blind/blind/raw --out /tmp/cr-blind-out/blind
    python -m benchmarks.copyright_blind --score /tmp/cr-blind --processed /tmp/cr-blind-out
    python -m benchmarks.copyright_blind --check /tmp/cr-blind --processed /tmp/cr-blind-out  # gold in clean text?
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import yaml

from . import copyright_blind_words as W
from .copyright_compose import _h, prose_paragraphs, sentences, title_of

SPLIT = "blind"
JOBS = [("a_whole_article", 9), ("b_long_excerpt", 9), ("c_letter", 9), ("d_interview", 9),
        ("k_short_quote", 4), ("k_fair_use", 4), ("k_own_footer", 3), ("k_public_domain", 3),
        ("k_cc_by", 3), ("k_press_release", 4), ("k_own_interview", 3)]
A_KINDS = ["originally", "reprinted", "copyright", "wire", "byline"]
C_KINDS = ["open", "editor", "resignation"]
PLACES = ["top", "middle", "bottom"]
CHUNK = 8             # most paragraphs one page takes from a source article
EDGE = "“”\"'‘’()[]«»—–-*> "


# --------------------------------------------------------------------------- fragments for the gold
def head(s: str, n: int = 7) -> str:
    return " ".join(s.split()[:n]).strip(EDGE)


def tail(s: str, n: int = 7) -> str:
    return " ".join(s.split()[-n:]).strip(EDGE).rstrip(".,;:!?").strip(EDGE)


def mid(s: str, n: int = 8) -> str:
    w = s.split()
    return " ".join(w[3:3 + n]).strip(EDGE).rstrip(".,;:!?").strip(EDGE)


# --------------------------------------------------------------------------- pages
def insertion_points(bench: Path, pid: str) -> list[tuple[int, str]]:
    """The host's own prose paragraphs found in its text dump: (line index, paragraph), in page order."""
    lines = (bench / "raw_text" / f"{pid}.txt").read_text(encoding="utf-8").split("\n")
    keys: dict[str, int] = {}
    for i, ln in enumerate(lines):
        if len(ln.split()) >= 15:
            keys.setdefault(" ".join(ln.split())[:60], i)
    own = prose_paragraphs((bench / "main_content" / f"{pid}.txt").read_text(encoding="utf-8"))
    return sorted({(keys[p[:60]], p) for p in own if p[:60] in keys and len(p.split()) >= 20})


def frozen_pages(bench: Path, n_hosts: int) -> tuple[list[str], list[str], dict[str, str]]:
    """Hosts and source articles of the frozen half, disjoint; and each page's site name."""
    rows = [ln.split("\t") for ln in (bench / "index.tsv").read_text().splitlines()[1:] if ln.strip()]
    site = {r[0]: r[2].split("/")[2].removeprefix("www.") if len(r) > 2 and "//" in r[2] else r[0] for r in rows}
    srcs, hosts = [], []
    for pid, ptype, *_ in rows:
        if _h("copyright-compose:" + pid) % 2 == 0:
            continue                      # the dev half: never used here
        n = len(prose_paragraphs((bench / "main_content" / f"{pid}.txt").read_text(encoding="utf-8")))
        if ptype == "article" and n >= CHUNK:
            srcs.append((n, pid))
        elif len(insertion_points(bench, pid)) >= 2:
            hosts.append(pid)
    srcs.sort()
    while len(hosts) < n_hosts and srcs:          # the shortest articles become hosts when hosts run short
        _, pid = srcs.pop(0)
        if len(insertion_points(bench, pid)) >= 2:
            hosts.append(pid)
    return sorted(hosts), sorted(p for _, p in srcs), site


def source_bank(bench: Path, srcs: list[str]) -> tuple[list[tuple[str, list[str]]], list[tuple[str, str]]]:
    """Long chunks (source, paragraphs) taken round-robin over the sources, and the leftover single paragraphs."""
    per = {s: prose_paragraphs((bench / "main_content" / f"{s}.txt").read_text(encoding="utf-8")) for s in srcs}
    chunks, singles, k = [], [], 0
    while True:
        took = False
        for s in srcs:
            ps = per[s][k * CHUNK:(k + 1) * CHUNK]
            if len(ps) == CHUNK:
                chunks.append((s, ps))
                took = True
            elif ps:
                singles += [(s, p) for p in ps]
        if not took:
            break
        k += 1
    return chunks, singles


def styled_quote(rng: random.Random, paras: list[str]) -> list[str]:
    """Block-quote markers, quotation marks paragraph by paragraph, or no mark at all (a flattened <blockquote>)."""
    style = rng.choice(["marker", "marks", "plain"])
    if style == "marker":
        return ["> " + p for p in paras]
    if style == "marks":
        return ["“" + p for p in paras[:-1]] + ["“" + paras[-1] + "”"]
    return list(paras)


# --------------------------------------------------------------------------- the forms
def form_a(rng, chunk, title, ctx):
    o, (d, y), who = W.outlet(rng), W.date(rng), W.person(rng)
    kind = A_KINDS[ctx["i"] % len(A_KINDS)]
    pre, post = W.article_credit(rng, kind, o, d, y, who)
    paras = chunk[:rng.randint(5, CHUNK)]
    block = ([title] if title else []) + pre + paras + post
    return block, [{"start": head(paras[0]), "end": tail(paras[-1])}], [], kind


def form_b(rng, chunk, title, ctx):
    o, (d, _), who = W.outlet(rng), W.date(rng), W.person(rng)
    paras = chunk[:rng.randint(3, 6)]
    block = [W.excerpt_intro(rng, who, o, title), *styled_quote(rng, paras), W.excerpt_source(rng, who, o, d, title)]
    if rng.random() < 0.5:
        block.append(W.host_reaction(rng))
    return block, [{"start": head(paras[0]), "end": tail(paras[-1])}], [], "excerpt"


def form_c(rng, chunk, title, ctx):
    o, (d, _), who = W.outlet(rng), W.date(rng), W.person(rng)
    kind = C_KINDS[ctx["i"] % len(C_KINDS)]
    org = rng.choice(W.ORG).format(P=W.place(rng))
    intro, salute, sign = W.letter_frame(rng, kind, o, d, who, org)
    v = ctx["i"] // len(C_KINDS)
    opener, closer = W.LETTER_OPEN[kind][v], W.LETTER_CLOSE[kind][(v + 1) % 3]
    body = chunk[:rng.randint(2, 4)]
    block = [*intro, salute, opener, *body, closer, *sign]
    return block, [{"start": head(opener), "end": tail(closer)}], [], kind


def qa(rng, answers, ql, al):
    qs = rng.sample(W.QUESTIONS, len(answers))
    out = []
    for q, a in zip(qs, answers):
        out += [f"{ql} {q}", f"{al} {a}"]
    return qs, out


def form_d(rng, chunk, title, ctx):
    o, (d, y), asker, guest = W.outlet(rng), W.date(rng), W.person(rng), W.person(rng)
    pre, post = W.interview_notice(rng, o, d, y)
    ql, al = W.interview_labels(rng, asker, guest)
    answers = chunk[:rng.randint(3, 5)]
    qs, lines = qa(rng, answers, ql, al)
    block = [W.interview_intro(rng, asker, guest, o), *pre, *lines, *post]
    return block, [{"start": head(qs[0]), "end": tail(answers[-1])}], [], "notice"


def control_long(rng, chunk, title, ctx):
    """A long third-party text that may be reproduced: public domain, CC BY, a press release."""
    form, o, (d, _), who = ctx["form"], W.outlet(rng), W.date(rng), W.person(rng)
    paras = chunk[:rng.randint(3, 6)]
    if form == "k_public_domain":
        pre, post = W.public_domain(rng, d)
    elif form == "k_cc_by":
        pre, post = W.cc_by(rng, o, who)
    else:
        company = rng.choice(W.COMPANY).format(P=W.place(rng))
        pre, post, dateline = W.press_release(rng, company, d, who)
        paras = [dateline + paras[0], *paras[1:]]
    block = ([title] if title else []) + pre + paras + post
    return block, [], [mid(paras[0]), mid(paras[-1])], form[2:]


def control_own_interview(rng, chunk, title, ctx):
    asker, guest = W.person(rng), W.person(rng)
    ql, al = W.interview_labels(rng, asker, guest)
    answers = chunk[:rng.randint(3, 4)]
    _, lines = qa(rng, answers, ql, al)
    intro = [W.interview_intro(rng, f"{ctx['site']}'s {asker}", guest, None)]
    if rng.random() < 0.5:
        intro.append("This conversation has been edited for length and clarity.")
    return [*intro, *lines], [], [mid(answers[0]), mid(answers[-1])], "own"


LONG = {"a_whole_article": form_a, "b_long_excerpt": form_b, "c_letter": form_c, "d_interview": form_d,
        "k_public_domain": control_long, "k_cc_by": control_long, "k_press_release": control_long,
        "k_own_interview": control_own_interview}


def short_line(rng: random.Random, singles: list[tuple[str, str]], fair_use: bool) -> tuple[list[str], str, str]:
    """A short attributed quotation (one sentence) or a fair-use excerpt (one short paragraph) and its keep fragment."""
    while singles:
        src, p = singles.pop(0)
        o, (d, _), who = W.outlet(rng), W.date(rng), W.person(rng)
        if fair_use:
            ss = sentences(p)[:2]
            ex = " ".join(ss)
            if not 20 <= len(ex.split()) <= 70:
                continue
            return ([W.excerpt_intro(rng, who, o, None), *styled_quote(rng, [ex]),
                     W.excerpt_source(rng, who, o, d, None)], mid(ex), src)
        ss = [s for s in sentences(p) if 8 <= len(s.split()) <= 35]
        if ss:
            return [W.short_quote(rng, who, o, d, ss[0])], mid(ss[0], 7), src
    raise RuntimeError("no source paragraph left for a short quotation")


# --------------------------------------------------------------------------- building
def build(bench: Path, out: Path, limit: int | None = None) -> int:
    """Write the split (or its first `limit` pages: the same pages as in the full split) and return the page count."""
    from pipeline.evaluate.normal import normalise
    rng = random.Random("copyright-blind")
    total = sum(n for _, n in JOBS)
    hosts, srcs, site = frozen_pages(bench, total)
    rng.shuffle(hosts)
    chunks, singles = source_bank(bench, srcs)
    rng.shuffle(singles)
    jobs = [(f, i) for f, n in JOBS for i in range(n)]
    rng.shuffle(jobs)                   # page names carry no form: the order is drawn
    raw, gold = out / SPLIT / "raw", out / SPLIT / "gold"
    raw.mkdir(parents=True, exist_ok=True)
    gold.mkdir(parents=True, exist_ok=True)
    meta = {}
    for n, (form, i) in enumerate(jobs):
        if limit is not None and n >= limit:
            break
        host = hosts[n]
        lines = (bench / "raw_text" / f"{host}.txt").read_text(encoding="utf-8").split("\n")
        pts = insertion_points(bench, host)
        ctx = {"i": i, "form": form, "site": site[host]}
        pieces: dict[int, list[str]] = {}       # line index -> paragraphs inserted before that line
        keep: list[str] = []
        flag: list[dict[str, str]] = []
        src, kind, place = "", "", rng.choice(PLACES)
        if form in LONG:
            src, chunk = chunks.pop(0)
            title = title_of(bench / "raw" / f"{src}.html") if form != "c_letter" else None
            title = title.strip(" |–—-") if title else None
            block, flag, keep, kind = LONG[form](rng, chunk, title, ctx)
            k = rng.randint(0, len(pts) - 2)
            at = {"top": pts[0][0], "middle": pts[k + 1][0], "bottom": pts[-1][0] + 1}[place]
            pieces[at] = block
            if place != "top":
                keep.append(tail(pts[k if place == "middle" else -1][1], 6))
            if place != "bottom":
                keep.append(head(pts[0 if place == "top" else k + 1][1], 6))
        elif form == "k_own_footer":
            place, kind = "bottom", "footer"
            pieces[pts[-1][0] + 1] = W.own_footer(rng, site[host], W.date(rng)[1])
            keep += [head(pts[0][1], 6), tail(pts[-1][1], 6)]
        near = next(iter(pieces), None)          # short quotations go as far from the reproduced text as the page allows
        free = [j for j, _ in pts if j not in pieces and j + 1 not in pieces]
        free.sort(key=lambda j: (-abs(j - near), j) if near is not None else (0, j))
        n_short = {"k_short_quote": 2, "k_fair_use": 1}.get(form, 1 if form in LONG and rng.random() < 0.5 else 0)
        for j in sorted(free[:n_short]) if near is not None else [*free[:1], *free[1:][-1:]][:n_short]:
            block, frag, s2 = short_line(rng, singles, form == "k_fair_use")
            pieces[j + 1] = block
            keep.append(frag)
            kind = kind or ("excerpt" if form == "k_fair_use" else "quote")
            src = src or s2
        text_lines: list[str] = []
        for j, ln in enumerate(lines + [""]):
            if j in pieces:
                text_lines += ["", *"\n\n".join(pieces[j]).split("\n"), ""]
            if j < len(lines):
                text_lines.append(ln)
        text = "\n".join(text_lines)
        norm = normalise(text)
        for frag in [f for fl in flag for f in fl.values()] + keep:
            if not frag or normalise(frag) not in norm:
                raise RuntimeError(f"page {n} ({form}): gold fragment {frag!r} not in the page")
        name = f"{SPLIT}_{n:02d}_{host}"
        (raw / f"{name}.txt").write_text(text, encoding="utf-8")
        g = {"document": f"{name}.txt", "copyright": {"flag": flag, "keep": keep}}
        (gold / f"{name}.yaml").write_text(yaml.safe_dump(g, allow_unicode=True, sort_keys=False), encoding="utf-8")
        place = place if form in LONG or form == "k_own_footer" else ""    # short quotations go beside host paragraphs
        meta[name] = {"form": form, "kind": kind, "place": place, "host": host, "source": src}
    (out / SPLIT / "forms.json").write_text(json.dumps(meta, indent=1, sort_keys=True))
    return len(meta)


# --------------------------------------------------------------------------- scoring
def score(root: Path, processed_root: Path) -> dict[str, list[int]]:
    """Flag recall and false flags per form and per form/kind, as GOLD_FORMAT.md scores them."""
    from pipeline.evaluate import evaluate
    meta = json.loads((root / SPLIT / "forms.json").read_text())
    ev = evaluate(root / SPLIT / "gold", processed_root / SPLIT)
    per: dict[str, list[int]] = {}
    for d in ev.documents:
        m = meta[Path(d.document).stem]
        for metric in ("flag_recall", "false_flags"):
            s = d.scores[metric]
            for key in ("all", m["form"], f"{m['form']}/{m['kind']}"):
                c = per.setdefault(f"{key}.{metric}", [0, 0])
                c[0] += s.found
                c[1] += s.total
    return per


def check(root: Path, processed_root: Path) -> list[str]:
    """Gold fragments missing from the clean text (after strip and normalise; the copyright stage is not read)."""
    from pipeline.evaluate.normal import normalise
    from pipeline.evaluate.records import read_stage
    from pipeline.store import doc_id_for
    missing = []
    for gp in sorted((root / SPLIT / "gold").glob("*.yaml")):
        g = yaml.safe_load(gp.read_text(encoding="utf-8"))
        rec = read_stage(processed_root / SPLIT, "normalise", doc_id_for(g["document"]))
        if rec is None:
            missing.append(f"{g['document']}: not processed")
            continue
        clean = normalise(rec.get("text") or "")
        cr = g["copyright"]
        for frag in [f for fl in cr["flag"] for f in fl.values()] + cr["keep"]:
            if normalise(frag) not in clean:
                missing.append(f"{g['document']}: {frag!r}")
    return missing


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=Path("/work/shared/bench/wcxb-dev"))
    ap.add_argument("--out", type=Path, default=Path("/tmp/cr-blind"))
    ap.add_argument("--score", type=Path, help="composed folder to score")
    ap.add_argument("--check", type=Path, help="composed folder whose gold to look for in the clean text")
    ap.add_argument("--processed", type=Path, help="folder holding blind/ (the output of `pipeline run`)")
    a = ap.parse_args()
    if a.score:
        per = score(a.score, a.processed)
        for k in sorted(per):
            print(f"{SPLIT}\t{k}\t{per[k][0]}/{per[k][1]}")
        return 0
    if a.check:
        missing = check(a.check, a.processed)
        print("\n".join(missing) or "every gold fragment is in the clean text")
        return 1 if missing else 0
    print({SPLIT: build(a.bench, a.out)})
    return 0


if __name__ == "__main__":
    sys.exit(main())
