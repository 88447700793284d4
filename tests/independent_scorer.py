"""A second scorer, written only from ../shared/GOLD_FORMAT.md (it imports nothing from
``pipeline``): it reads a gold file and a prediction dump and returns, per metric, the pair
(found, total). The round-trip test checks that ``pipeline evaluate`` gives the same counts
from the dump it writes, so the dump is a complete, faithful record of what was scored.

Readings of GOLD_FORMAT.md where it leaves a choice (the same as docs/EVALUATION.md):
- the quote-mark, apostrophe, dash and ellipsis maps are applied before and after NFKC
  (NFKC would otherwise turn ``″`` and ``´`` into other characters before they are mapped);
  fragments are compared with leading and trailing white space removed;
- when several predictions match a gold quotation, its end is right if any matching prediction
  has it; its speaker, source, date and reference are those of the most specific match (the
  shortest text, the earliest on a tie); `speaker_wrong` counts a named speaker that is not right;
- optional quotations only count for precision (never penalised: no attribute is scored);
- an interpolation is marked when it occurs in one of the dump's interpolations;
- a flag covers a passage when one flag's text contains both its start and its end;
- a quotation's reference is right when its reference text contains the gold fragment of that
  number (or, if the gold has none, equals the dump's entry of that number).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

SWAP = {}
for ch in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033":
    SWAP[ch] = '"'
for ch in "\u2018\u2019\u201a\u201b\u0060\u00b4\u2032":
    SWAP[ch] = "'"
for ch in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212":
    SWAP[ch] = "-"
SWAP["\u2026"] = "..."


def _swap(text: str) -> str:
    return "".join(SWAP.get(ch, ch) for ch in text)


def norm(text: Any) -> str:
    if text is None:
        return ""
    text = _swap(unicodedata.normalize("NFKC", _swap(str(text))))
    return " ".join(text.split()).casefold()


def inside(fragment: Any, text: Any) -> bool:
    f = norm(fragment)
    return f != "" and f in norm(text)


def whole_words(name: Any, wanted: Any) -> bool:
    w, n = norm(wanted), norm(name)
    if not w:
        return False
    pos = n.find(w)
    while pos >= 0:
        before = n[pos - 1] if pos > 0 else " "
        after = n[pos + len(w)] if pos + len(w) < len(n) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            return True
        pos = n.find(w, pos + 1)
    return False


def as_list(v: Any) -> list[Any]:
    if v is None:
        return []
    return list(v) if isinstance(v, (list, tuple)) else [v]


def score(gold: dict[str, Any], dump: dict[str, Any]) -> dict[str, tuple[int, int]]:
    """Counts (found, total) for every per-document metric."""
    out: dict[str, list[int]] = {}

    def tally(metric: str, ok: bool) -> None:
        pair = out.setdefault(metric, [0, 0])
        pair[0] += int(bool(ok))
        pair[1] += 1

    clean = dump.get("clean_text") or ""
    for frag in gold.get("boilerplate") or []:
        tally("boilerplate_removed", not inside(frag, clean))
    for frag in gold.get("content") or []:
        tally("content_kept", inside(frag, clean))

    entries = {str(k): v for k, v in (dump.get("references") or {}).items()}
    gold_refs = {str(k): v for k, v in (gold.get("references") or {}).items()}
    for number, frag in gold_refs.items():
        tally("reference_accuracy", number in entries and inside(frag, entries[number]))

    preds = dump.get("quotations") or []
    used = set()
    for g in gold.get("quotations") or []:
        hits = [q for q in preds if inside(g.get("start"), q.get("text"))]
        used.update(id(q) for q in hits)
        if g.get("optional"):
            continue
        tally("quotation_recall", bool(hits))
        if not hits:
            continue
        if g.get("end"):
            tally("extent", any(inside(g["end"], q.get("text")) for q in hits))
        q = min(hits, key=lambda h: len(h.get("text") or ""))  # most specific; min keeps the earliest on a tie
        if "speaker" in g:
            if g["speaker"] is None:
                right = not q.get("speaker")
            else:
                right = any(whole_words(q.get("speaker"), n) for n in as_list(g["speaker"]))
            tally("speaker_accuracy", right)
            tally("speaker_wrong", not right and bool(q.get("speaker")))
        if g.get("source") is not None:
            tally("source_accuracy", any(inside(n, q.get("source")) for n in as_list(g["source"])))
        if g.get("date") is not None:
            tally("date_accuracy", bool(q.get("date")) and str(q.get("date")) == str(g["date"]))
        if g.get("reference") is not None:
            num = str(g["reference"])
            got = q.get("reference_text")
            if not got:
                ok = False
            elif num in gold_refs:
                ok = inside(gold_refs[num], got)
            else:
                ok = num in entries and norm(got) == norm(entries[num])
            tally("quotation_reference_accuracy", ok)
    for q in preds:
        tally("quotation_precision", id(q) in used)

    marked = [m for q in preds for m in q.get("interpolations") or []]
    for frag in gold.get("interpolations") or []:
        tally("interpolations_marked", any(inside(frag, m) for m in marked))

    flags = [f.get("text") for f in dump.get("flags") or []]
    cr = gold.get("copyright") or {}
    for p in cr.get("flag") or []:
        end = p.get("end") or p.get("start")
        tally("flag_recall", any(inside(p.get("start"), f) and inside(end, f) for f in flags))
    for frag in cr.get("keep") or []:
        tally("false_flags", any(inside(frag, f) for f in flags))
    return {k: (v[0], v[1]) for k, v in out.items()}
