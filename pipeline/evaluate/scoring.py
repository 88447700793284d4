"""Scores of one gold file against one prediction dump: counts per metric, and misses with the nearest prediction."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from .normal import _SPACE, contains_words, normalise, occurs


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
    "speaker_wrong": ("quotes", "quotations",
                      "found required gold quotations with a named speaker that is not a right one (lower is better)"),
    "source_accuracy": ("quotes", "quotations", "found gold quotations with `source` whose match names one of them"),
    "date_accuracy": ("quotes", "quotations", "found gold quotations with `date` whose match has that date"),
    "quotation_reference_accuracy": ("quotes", "quotations",
                                     "found gold quotations with `reference` whose match resolves to that entry"),
    "interpolations_marked": ("quotes", "quotations", "gold interpolations marked as insertions inside a quotation"),
    "flag_recall": ("copyright", "flags", "gold `copyright.flag` passages covered (start and end) by one flag"),
    "false_flags": ("copyright", "flags", "gold `copyright.keep` quotations covered by a flag (lower is better)"),
    "corpus_links": ("corpus", "", "gold `same_quotation` links found as one corpus quotation entry"),
}
LOWER_IS_BETTER = frozenset({"false_flags", "speaker_wrong"})
DOC_METRICS = tuple(m for m in METRICS if m != "corpus_links")
STAGE_FOLDERS = {"normalise": "03_normalise", "quotes": "04_quotes", "copyright": "05_copyright"}


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
        # speaker, source, date, reference: the most specific match (shortest text, earliest on a tie)
        best = min(matches, key=lambda i: (len(preds[i].get("text") or ""), i))
        q = preds[best]
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
            s["speaker_wrong"].total += 1
            wanted = gq["speaker"]
            named = bool(q.get("speaker"))
            ok = not named if wanted is None else any(contains_words(q.get("speaker"), w) for w in _names(wanted))
            if ok:
                s["speaker_accuracy"].found += 1
            else:
                miss("speaker_accuracy", f"{label} (speaker {wanted})",
                     lambda: f"predicted speaker: {q.get('speaker')!r}")
                if named:
                    s["speaker_wrong"].found += 1
                    miss("speaker_wrong", f"{label} (speaker {wanted})", lambda: f"predicted speaker: {q.get('speaker')!r}")
        if gq.get("source") is not None:
            s["source_accuracy"].total += 1
            if any(occurs(w, q.get("source")) for w in _names(gq["source"])):
                s["source_accuracy"].found += 1
            else:
                miss("source_accuracy", f"{label} (source {gq['source']})",
                     lambda: f"predicted source: {q.get('source')!r}")
        if gq.get("date") is not None:
            s["date_accuracy"].total += 1
            if str(q.get("date") or "") == str(gq["date"]):
                s["date_accuracy"].found += 1
            else:
                miss("date_accuracy", f"{label} (date {gq['date']})", lambda: f"predicted date: {q.get('date')!r}")
        if gq.get("reference") is not None:
            num = str(gq["reference"])
            s["quotation_reference_accuracy"].total += 1
            if _resolves(q.get("reference_text"), num, gold_refs, refs):
                s["quotation_reference_accuracy"].found += 1
            else:
                miss("quotation_reference_accuracy", f"{label} (reference {num})",
                     lambda: f"predicted reference: {_short(q.get('reference_text') or '', 60)!r}")
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
