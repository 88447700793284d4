"""``pipeline evaluate``: score processed documents against gold files (../shared/GOLD_FORMAT.md).

The scorer reads only the *prediction dump* of each document (the format at the end of
GOLD_FORMAT.md), built here from the stage records, so that what is scored is exactly what
``--dump-predictions`` writes and any other scorer can check the numbers. Every metric is a
count ``found/total``; totals add the counts of all documents (micro average). A metric is
``n/a`` (never 0, never 1) when it cannot be measured: see ``docs/EVALUATION.md``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .errors import InputError

# --------------------------------------------------------------------------- metrics
# name -> (stage whose output it reads, record kind that shows the stage is built, meaning)
METRICS: dict[str, tuple[str, str, str]] = {
    "boilerplate_removed": ("normalise", "", "gold boilerplate fragments absent from the clean text"),
    "content_kept": ("normalise", "", "gold content fragments present in the clean text"),
    "reference_accuracy": ("quotes", "references", "footnote numbers resolved to an entry containing the gold fragment"),
    "quotation_recall": ("quotes", "quotations", "required gold quotations found (a prediction contains `start`)"),
    "quotation_precision": ("quotes", "quotations", "predictions that match some gold quotation (optional ones included)"),
    "extent": ("quotes", "quotations", "found gold quotations with `end` whose match also contains `end`"),
    "speaker_accuracy": ("quotes", "quotations", "found required gold quotations with the right speaker (or none when null)"),
    "source_accuracy": ("quotes", "quotations", "found gold quotations with `source` whose match names one of them"),
    "date_accuracy": ("quotes", "quotations", "found gold quotations with `date` whose match has that date"),
    "quotation_reference_accuracy": ("quotes", "quotations",
                                     "found gold quotations with `reference` whose match resolves to that entry"),
    "interpolations_marked": ("quotes", "quotations", "gold interpolations marked as insertions inside a quotation"),
    "flag_recall": ("copyright", "flags", "gold `copyright.flag` passages covered (start and end) by one flag"),
    "false_flags": ("copyright", "flags", "gold `copyright.keep` quotations covered by a flag (lower is better)"),
    "corpus_links": ("corpus", "", "gold `same_quotation` links found as one corpus quotation entry"),
}
LOWER_IS_BETTER = frozenset({"false_flags"})
DOC_METRICS = tuple(m for m in METRICS if m != "corpus_links")
STAGE_FOLDERS = {"normalise": "03_normalise", "quotes": "04_quotes", "copyright": "05_copyright"}

# --------------------------------------------------------------------------- normalisation
_DOUBLE = "“”„‟«»″"
_SINGLE = "‘’‚‛`´′"
_DASHES = "‐‑‒–—―−"
_TABLE = {**{ord(c): '"' for c in _DOUBLE}, **{ord(c): "'" for c in _SINGLE},
          **{ord(c): "-" for c in _DASHES}, ord("…"): "..."}
_SPACE = re.compile(r"\s+")


def normalise(text: str | None) -> str:
    """GOLD_FORMAT.md's comparison form: NFKC, one double quote, one apostrophe, one dash,
    `...`, single spaces, case-folded. The mark table is applied before and after NFKC, so
    that marks NFKC would decompose (``″`` to two primes, ``´`` to a space and an accent)
    still become the listed character."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text.translate(_TABLE)).translate(_TABLE)
    return _SPACE.sub(" ", text).strip().casefold()


def occurs(fragment: str | None, text: str | None) -> bool:
    """A fragment occurs in a text when its normalised form is a substring of the text's."""
    frag = normalise(fragment)
    return bool(frag) and frag in normalise(text)


def contains_words(name: str | None, wanted: str) -> bool:
    """``name`` contains ``wanted`` as whole words (after normalisation)."""
    w = normalise(wanted)
    return bool(w) and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", normalise(name)) is not None


# --------------------------------------------------------------------------- scores
@dataclass
class Score:
    """``found`` of ``total``; ``na`` names why the metric cannot be measured."""

    found: int = 0
    total: int = 0
    na: str | None = None

    @property
    def value(self) -> float | None:
        if self.na or self.total == 0:
            return None
        return self.found / self.total

    def reason(self) -> str | None:
        if self.na:
            return self.na
        if self.total == 0:
            return "nothing to score"
        return None

    def add(self, other: "Score") -> None:
        self.found += other.found
        self.total += other.total

    def text(self) -> str:
        v = self.value
        return "n/a" if v is None else f"{v:.3f} ({self.found}/{self.total})"

    def as_json(self) -> dict[str, Any]:
        return {"value": None if self.value is None else round(self.value, 6), "found": self.found,
                "total": self.total, "na": self.reason()}


@dataclass
class Miss:
    document: str
    metric: str
    gold: str
    nearest: str

    def line(self) -> str:
        return f"{self.document}  {self.metric}: {_short(self.gold)!r}\n    nearest: {self.nearest}"


@dataclass
class DocScore:
    document: str
    scores: dict[str, Score]
    misses: list[Miss] = field(default_factory=list)


def _short(text: str, n: int = 90) -> str:
    text = _SPACE.sub(" ", text or "").strip()
    return text if len(text) <= n else text[: n - 1] + "…"


# --------------------------------------------------------------------------- scoring one dump
def _found_in_any(items: Iterable[str], wanted: str) -> bool:
    frag = normalise(wanted)
    return bool(frag) and any(frag in normalise(t) for t in items)


def _names(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v is not None]
    return [str(value)]


def score_dump(gold: dict[str, Any], dump: dict[str, Any], document: str = "",
               explain: bool = False, where: Callable[[str], str] | None = None) -> DocScore:
    """Every per-document metric of GOLD_FORMAT.md for one gold file and one prediction dump.

    Pure counts: a metric with nothing to score has total 0. ``explain`` collects misses with
    the nearest prediction (slower: it searches the clean text and predictions); ``where``
    says which extracted block holds a fragment and how the strip stage labelled it.
    """
    s = {m: Score() for m in DOC_METRICS}
    misses: list[Miss] = []
    clean = normalise(dump.get("clean_text") or "")
    preds = list(dump.get("quotations") or [])
    ptexts = [normalise(q.get("text")) for q in preds]
    refs = {str(k): v for k, v in (dump.get("references") or {}).items()}
    flags = [normalise(f.get("text")) for f in dump.get("flags") or []]

    def miss(metric: str, gold_text: str, nearest: Callable[[], str]) -> None:
        if explain:
            misses.append(Miss(document, metric, gold_text, nearest()))

    for frag in gold.get("boilerplate") or []:
        s["boilerplate_removed"].total += 1
        if normalise(frag) in clean:
            miss("boilerplate_removed", frag, lambda f=frag: "still in the clean text: " + _context(clean, normalise(f))
                 + (f"; {where(f)}" if where else ""))
        else:
            s["boilerplate_removed"].found += 1
    for frag in gold.get("content") or []:
        s["content_kept"].total += 1
        if normalise(frag) in clean:
            s["content_kept"].found += 1
        else:
            miss("content_kept", frag, lambda f=frag: (f"{where(f)}; " if where else "")
                 + "clean text has: " + _nearest_passage(clean, normalise(f)))

    gold_refs = {str(k): v for k, v in (gold.get("references") or {}).items()}
    for num, frag in gold_refs.items():
        s["reference_accuracy"].total += 1
        if occurs(frag, refs.get(num)):
            s["reference_accuracy"].found += 1
        else:
            miss("reference_accuracy", f"[{num}] {frag}",
                 lambda n=num: f"entry {n}: {_short(refs[n])!r}" if n in refs else f"no entry {n}")

    gold_quotes = list(gold.get("quotations") or [])
    matched_pred = [False] * len(preds)
    for gq in gold_quotes:
        start = normalise(gq.get("start"))
        matches = [i for i, t in enumerate(ptexts) if start and start in t]
        for i in matches:
            matched_pred[i] = True
        optional = bool(gq.get("optional"))
        label = gq.get("start") or ""
        if not optional:
            s["quotation_recall"].total += 1
            if matches:
                s["quotation_recall"].found += 1
            else:
                miss("quotation_recall", label, lambda st=start: _nearest_quote(preds, ptexts, st, clean))
        if not matches or optional:  # optional quotations are never penalised: attributes not scored
            continue
        mq = [preds[i] for i in matches]
        if gq.get("end"):
            end = normalise(gq["end"])
            s["extent"].total += 1
            if any(end in ptexts[i] for i in matches):
                s["extent"].found += 1
            else:
                miss("extent", f"{label} … {gq['end']}",
                     lambda: "predicted: " + " | ".join(repr(_tail(ptexts[i])) for i in matches))
        if "speaker" in gq:
            s["speaker_accuracy"].total += 1
            wanted = gq["speaker"]
            if wanted is None:
                ok = any(not q.get("speaker") for q in mq)
            else:
                ok = any(contains_words(q.get("speaker"), w) for q in mq for w in _names(wanted))
            if ok:
                s["speaker_accuracy"].found += 1
            else:
                miss("speaker_accuracy", f"{label} (speaker {wanted})",
                     lambda: "predicted speaker: " + ", ".join(repr(q.get("speaker")) for q in mq))
        if gq.get("source") is not None:
            s["source_accuracy"].total += 1
            if any(occurs(w, q.get("source")) for q in mq for w in _names(gq["source"])):
                s["source_accuracy"].found += 1
            else:
                miss("source_accuracy", f"{label} (source {gq['source']})",
                     lambda: "predicted source: " + ", ".join(repr(q.get("source")) for q in mq))
        if gq.get("date") is not None:
            s["date_accuracy"].total += 1
            if any(str(q.get("date") or "") == str(gq["date"]) for q in mq):
                s["date_accuracy"].found += 1
            else:
                miss("date_accuracy", f"{label} (date {gq['date']})",
                     lambda: "predicted date: " + ", ".join(repr(q.get("date")) for q in mq))
        if gq.get("reference") is not None:
            num = str(gq["reference"])
            s["quotation_reference_accuracy"].total += 1
            if any(_resolves(q.get("reference_text"), num, gold_refs, refs) for q in mq):
                s["quotation_reference_accuracy"].found += 1
            else:
                miss("quotation_reference_accuracy", f"{label} (reference {num})",
                     lambda: "predicted reference: " + ", ".join(repr(_short(q.get("reference_text") or "", 60))
                                                                 for q in mq))
    for i, t in enumerate(ptexts):
        s["quotation_precision"].total += 1
        if matched_pred[i]:
            s["quotation_precision"].found += 1
        else:
            miss("quotation_precision", preds[i].get("text") or "", lambda: "no gold quotation starts inside it")

    marked = [ins for q in preds for ins in (q.get("interpolations") or [])]
    for frag in gold.get("interpolations") or []:
        s["interpolations_marked"].total += 1
        if _found_in_any(marked, frag):
            s["interpolations_marked"].found += 1
        else:
            miss("interpolations_marked", frag, lambda: "marked: " + (", ".join(map(repr, marked[:8])) or "none"))

    cr = gold.get("copyright") or {}
    for item in cr.get("flag") or []:
        s["flag_recall"].total += 1
        st, en = normalise(item.get("start")), normalise(item.get("end") or item.get("start"))
        if any(st and st in f and en in f for f in flags):
            s["flag_recall"].found += 1
        else:
            miss("flag_recall", f"{item.get('start')} … {item.get('end')}",
                 lambda st=st: "nearest flag: " + _nearest_flag(flags, st))
    for frag in cr.get("keep") or []:
        s["false_flags"].total += 1
        if _found_in_any(flags, frag):
            s["false_flags"].found += 1
            miss("false_flags", frag, lambda f=frag: "flagged in: " + _nearest_flag(flags, normalise(f)))
    return DocScore(document, s, misses)


def _resolves(pred_text: str | None, num: str, gold_refs: dict[str, str], refs: dict[str, str]) -> bool:
    """The predicted reference is the entry of that number: it contains the gold fragment of
    that number, or (when the gold lists no fragment for it) equals the document's entry."""
    if not pred_text:
        return False
    if num in gold_refs:
        return occurs(gold_refs[num], pred_text)
    return num in refs and normalise(pred_text) == normalise(refs[num])


def _tail(text: str, n: int = 60) -> str:
    return text if len(text) <= n else "…" + text[-n:]


def _context(clean: str, frag: str, width: int = 40) -> str:
    i = clean.find(frag)
    return repr(clean[max(0, i - width): i + len(frag) + width]) if i >= 0 else "?"


def _nearest_passage(clean: str, frag: str) -> str:
    """The clean-text passage sharing the longest run of characters with ``frag``."""
    import difflib

    if not clean:
        return "(empty clean text)"
    m = difflib.SequenceMatcher(None, frag, clean, autojunk=False).find_longest_match(0, len(frag), 0, len(clean))
    if m.size < 8:
        return "nothing similar"
    a = max(0, m.b - m.a - 10)
    return f"{repr(_short(clean[a: a + len(frag) + 20], 140))} (longest shared run {m.size} chars)"


def _similar(a: str, b: str) -> int:
    import difflib

    return difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def _nearest_quote(preds: list[dict[str, Any]], ptexts: list[str], start: str, clean: str) -> str:
    where = "in the clean text" if start in clean else "NOT in the clean text"
    if not preds:
        return f"{where}; no predictions"
    best = max(range(len(preds)), key=lambda i: (_similar(start, ptexts[i]), -i))
    q = preds[best]
    return f"{where}; nearest prediction: {_short(q.get('text') or '', 100)!r} (speaker {q.get('speaker')!r})"


def _nearest_flag(flags: list[str], frag: str) -> str:
    if not flags:
        return "no flags"
    best = max(flags, key=lambda f: _similar(frag, f))
    return repr(_short(best, 100))


# --------------------------------------------------------------------------- reading the records
def read_stage(processed: Path, stage: str, doc_id: str) -> dict[str, Any] | None:
    path = processed / STAGE_FOLDERS[stage] / f"{doc_id}.json"
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: unreadable stage output: {exc}") from None


def build_dump(normalised: dict[str, Any] | None, quotes: dict[str, Any] | None,
               copyright_: dict[str, Any] | None) -> dict[str, Any]:
    """The prediction dump of GOLD_FORMAT.md from the stage records of one document."""
    clean = (normalised or {}).get("text") or ""
    refs: dict[str, str] = {}
    for r in (quotes or {}).get("references") or []:
        refs.setdefault(str(r.get("number")), r.get("text") or "")
    quotations = []
    for q in (quotes or {}).get("quotations") or []:
        src = q.get("source") or {}
        quotations.append({
            "text": q.get("text") or "",
            "speaker": (q.get("speaker") or {}).get("name"),
            "source": src.get("outlet") or src.get("author"),
            "date": src.get("date"),
            "reference_text": (q.get("reference") or {}).get("text"),
            "interpolations": [i.get("text") or "" for i in q.get("interpolations") or []],
        })
    flags = []
    for f in (copyright_ or {}).get("flags") or []:
        why = ": ".join(x for x in (f.get("rule"), f.get("reason")) if x)
        flags.append({"text": clean[f.get("start", 0): f.get("end", 0)], "why": why})
    return {"clean_text": clean, "references": refs, "quotations": quotations, "flags": flags}


def _block_finder(processed: Path, doc_id: str) -> Callable[[str], str]:
    """For misses: the extracted block that holds a fragment and the strip decision on it."""
    ext = processed / "01_extract" / f"{doc_id}.json"
    strip = processed / "02_strip" / f"{doc_id}.json"
    blocks = json.loads(ext.read_text(encoding="utf-8")).get("blocks") or [] if ext.exists() else []
    decisions = {}
    if strip.exists():
        decisions = {d.get("block"): d for d in json.loads(strip.read_text(encoding="utf-8")).get("decisions") or []}
    texts = [(b.get("id"), normalise(b.get("text"))) for b in blocks]

    def where(fragment: str) -> str:
        frag = normalise(fragment)
        for probe, how in ((frag, "in"), (frag[:40], "starts in")):
            hits = [bid for bid, t in texts if probe and probe in t]
            if hits:
                d = decisions.get(hits[0], {})
                return f"{how} block {hits[0]} ({d.get('label', '?')} by {d.get('rule', '?')})"
        return "in no single extracted block"
    return where


# --------------------------------------------------------------------------- gold files
@dataclass
class GoldDoc:
    path: Path
    document: str
    data: dict[str, Any]


def load_gold(gold_dir: Path) -> tuple[list[GoldDoc], dict[str, Any]]:
    """Per-document gold files (sorted by document name) and ``corpus.yaml`` (or ``{}``)."""
    import yaml

    if not gold_dir.is_dir():
        raise InputError(f"{gold_dir}: no such gold folder")
    docs: list[GoldDoc] = []
    corpus: dict[str, Any] = {}
    for path in sorted(gold_dir.glob("*.y*ml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise InputError(f"{path}: unreadable gold file: {str(exc).splitlines()[0]}") from None
        if path.stem == "corpus":
            corpus = data or {}
            continue
        if not isinstance(data, dict) or not data.get("document"):
            raise InputError(f"{path}: gold file has no 'document' key naming its raw file")
        docs.append(GoldDoc(path, str(data["document"]), data))
    docs.sort(key=lambda g: g.document)
    return docs, corpus


# --------------------------------------------------------------------------- whole evaluation
@dataclass
class Evaluation:
    documents: list[DocScore]
    totals: dict[str, Score]
    dumps: dict[str, dict[str, Any]]
    skipped: list[str]
    misses: list[Miss] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "metrics": {m: {"meaning": METRICS[m][2], "lower_is_better": m in LOWER_IS_BETTER} for m in METRICS},
            "total": {m: sc.as_json() for m, sc in self.totals.items()},
            "documents": {d.document: {m: sc.as_json() for m, sc in d.scores.items()} for d in self.documents},
            "not_processed": self.skipped,
        }


def evaluate(gold_dir: Path, processed: Path, explain: bool = False) -> Evaluation:
    """Score every gold file whose document was processed (its extract output exists)."""
    from .store import doc_id_for

    if not processed.is_dir():
        raise InputError(f"{processed}: no such processed folder")
    gold_docs, corpus_gold = load_gold(gold_dir)
    docs: list[DocScore] = []
    dumps: dict[str, dict[str, Any]] = {}
    skipped: list[str] = []
    present: dict[str, dict[str, bool]] = {}
    built: dict[str, bool] = {"": True, "references": False, "quotations": False, "flags": False}
    for g in gold_docs:
        doc_id = doc_id_for(g.document)
        if not (processed / "01_extract" / f"{doc_id}.json").exists():
            skipped.append(g.document)
            continue
        recs = {st: read_stage(processed, st, doc_id) for st in STAGE_FOLDERS}
        present[g.document] = {st: recs[st] is not None for st in STAGE_FOLDERS}
        dump = build_dump(recs["normalise"], recs["quotes"], recs["copyright"])
        built["references"] |= bool(dump["references"])
        built["quotations"] |= bool(dump["quotations"])
        built["flags"] |= bool(dump["flags"])
        dumps[g.document] = dump
        where = _block_finder(processed, doc_id) if explain else None
        docs.append(score_dump(g.data, dump, g.document, explain, where))
    totals = {m: Score() for m in METRICS}
    for d in docs:
        for m, sc in d.scores.items():
            stage, kind, _ = METRICS[m]
            if not present[d.document][stage]:
                sc.na = f"no {STAGE_FOLDERS[stage]} output"
            elif not built[kind]:
                sc.na = f"{stage} stage produced no {kind} on any document (not built)"
            else:
                totals[m].add(sc)
    for m in DOC_METRICS:
        reasons = {d.scores[m].na for d in docs if d.scores[m].na}
        if totals[m].total == 0 and reasons:
            totals[m].na = sorted(reasons)[0]
    if not docs:
        for m in DOC_METRICS:
            totals[m].na = "no gold document was processed"
    totals["corpus_links"] = score_corpus_links(corpus_gold, processed, {d.document for d in docs})
    misses = [ms for d in docs for ms in d.misses if d.scores[ms.metric].na is None]
    return Evaluation(docs, totals, dumps, skipped, misses)


def score_corpus_links(corpus_gold: dict[str, Any], processed: Path, scored: set[str]) -> Score:
    """Share of ``same_quotation`` links found: one corpus entry whose occurrences include, in
    every listed document, a quotation containing the fragment. Links naming a document that
    was not processed are not scored."""
    from .store import doc_id_for

    links = [lk for lk in corpus_gold.get("same_quotation") or []
             if all(str(d) in scored for d in lk.get("documents") or [])]
    path = processed / "corpus" / "quotations.jsonl"
    if not path.exists():
        return Score(0, len(links), "no corpus/quotations.jsonl")
    entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not entries:
        return Score(0, len(links), "corpus index has no quotations (not built)")
    texts: dict[str, str] = {}  # quotation id -> text, from 04_quotes
    for doc in {str(d) for lk in links for d in lk.get("documents") or []}:
        for q in (read_stage(processed, "quotes", doc_id_for(doc)) or {}).get("quotations") or []:
            texts[q.get("id")] = q.get("text") or ""
    score = Score(0, len(links))
    for lk in links:
        frag = normalise(lk.get("fragment"))
        wanted = {doc_id_for(str(d)) for d in lk.get("documents") or []}
        for e in entries:
            have = set()
            for occ in e.get("occurrences") or []:
                text = texts.get(occ.get("quotation"), e.get("text") or "")
                if frag and frag in normalise(text):
                    have.add(doc_id_for(str(occ.get("document"))))
            if wanted <= have:
                score.found += 1
                break
    return score


# --------------------------------------------------------------------------- output
def format_table(ev: Evaluation, columns_max: int = 3) -> str:
    """Metrics as rows; the total first, then each document (as columns when there are few
    documents, else as blocks of rows without the document's n/a metrics)."""
    names = [d.document for d in ev.documents]
    width = max(len(m) for m in METRICS) + 2
    lines = []
    if len(names) <= columns_max:
        rows = [["metric", "TOTAL", *names]]
        for m in METRICS:
            rows.append([m, ev.totals[m].text()] + [d.scores[m].text() if m in d.scores else "" for d in ev.documents])
        widths = [max(len(r[i]) for r in rows) + 2 for i in range(len(rows[0]))]
        lines += ["".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    else:
        dw = max(len(n) for n in ["document", "TOTAL", *names]) + 2
        lines.append("document".ljust(dw) + "metric".ljust(width) + "value")
        blocks = [("TOTAL", ev.totals)] + [(d.document, d.scores) for d in ev.documents]
        for name, scores in blocks:
            for m, sc in scores.items():
                if name == "TOTAL" or sc.value is not None:  # a document's n/a rows are noise
                    lines.append(name.ljust(dw) + m.ljust(width) + sc.text())
    if ev.skipped:
        lines.append(f"not processed (not scored): {', '.join(ev.skipped)}")
    na = {m: sc.reason() for m, sc in ev.totals.items() if sc.value is None}
    for m, why in na.items():
        lines.append(f"n/a {m}: {why}")
    return "\n".join(lines)


def format_misses(ev: Evaluation, metrics: Iterable[str] | None = None, limit: int | None = None) -> str:
    wanted = set(metrics) if metrics else None
    rows = [ms for ms in ev.misses if wanted is None or ms.metric in wanted]
    out = [f"misses ({len(rows)}):"] + [ms.line() for ms in rows[:limit]]
    if limit is not None and len(rows) > limit:
        out.append(f"... {len(rows) - limit} more")
    return "\n".join(out)


def write_dumps(ev: Evaluation, folder: Path) -> None:
    from .store import atomic_write_text, dumps

    for name, dump in ev.dumps.items():
        atomic_write_text(folder / f"{Path(name).name}.json", dumps(dump))


# --------------------------------------------------------------------------- command
def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gold", type=Path, default=Path("tests/gold"), help="folder of gold files (default: tests/gold)")
    p.add_argument("--processed", type=Path, default=Path("processed"),
                   help="output folder of `pipeline run` (default: processed)")
    p.add_argument("--json", type=Path, default=None, help="also write the numbers to this JSON file")
    p.add_argument("--dump-predictions", type=Path, default=None, metavar="DIR",
                   help="write each document's prediction dump (GOLD_FORMAT.md) to DIR/<raw name>.json")
    p.add_argument("--show-misses", nargs="?", const="all", default=None, metavar="METRICS",
                   help="list each miss with the nearest prediction (optionally only these comma-separated metrics)")


def main(args: argparse.Namespace) -> int:
    explain = args.show_misses is not None
    ev = evaluate(args.gold, args.processed, explain=explain)
    print(format_table(ev))
    if explain:
        metrics = None if args.show_misses == "all" else [m.strip() for m in args.show_misses.split(",")]
        print()
        print(format_misses(ev, metrics))
    if args.json:
        from .store import atomic_write_text, dumps

        atomic_write_text(args.json, dumps(ev.as_json()))
    if args.dump_predictions:
        write_dumps(ev, args.dump_predictions)
    if not ev.documents:
        print(f"error: no gold document of {args.gold} was processed in {args.processed}", file=sys.stderr)
        return 2
    return 0


COMMANDS = {
    "evaluate": ("score processed documents against gold files (GOLD_FORMAT.md)", add_arguments, main),
}
