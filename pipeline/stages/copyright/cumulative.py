"""Cumulative use: the extracts a page takes from one source add up (``copyright.cumulative``).

Why: ten short quotations from one newspaper can reproduce as much of it as one long one.
Every source the page takes from (a quotation's outlet, an organisation quoted, the outlet of a
reproduced passage) gets a total; past the limits in ``copyright.cumulative`` (the UK
fair-dealing rule of thumb: one extract of at most 400 words, or several totalling at most 800
with none over 300) each of that source's extracts becomes a candidate. Separate quotations stay
separate candidates: they are never merged into one "run".
"""

from __future__ import annotations

import bisect
from typing import Any

from .signals import Candidate, sig
from .text import count_words


_CLOSING = " \t\n\"”»’'"    # what may stand between a quotation and the line after it


def _key(name: str) -> str:
    words = name.lower().replace("’", "'").split()
    return " ".join(words[1:] if words and words[0] == "the" else words)


def _quote_source(q: dict[str, Any]) -> str | None:
    src = q.get("source") or {}
    if isinstance(src, dict) and src.get("outlet"):
        return str(src["outlet"])
    sp = q.get("speaker") or {}
    if isinstance(sp, dict) and sp.get("type") == "organisation" and sp.get("name"):
        return str(sp["name"])
    return None


def _intro_follows(text: str, end: int, intros: list[int]) -> bool:
    """An introduction line starts at ``end`` or after only closing marks and spaces (``intros``
    sorted; found by bisection, not a slice to each line: a huge document has thousands of both)."""
    j = end
    while j < len(text) and text[j] in _CLOSING:
        j += 1
    k = bisect.bisect_left(intros, end)
    return k < len(intros) and intros[k] <= j


def source_totals(quotes: list[dict[str, Any]], structural: list[Candidate], text: str,
                  cfg: dict[str, Any]) -> tuple[list[dict[str, Any]], list[Candidate]]:
    """Per-source totals (every source, for the record) and the candidates of sources over the limits."""
    rcfg = cfg["cumulative"]
    extracts: dict[str, list[tuple[int, int, int, str, dict[str, Any] | None]]] = {}
    names: dict[str, str] = {}
    # an introduction line a reproduced passage opens with ("X reports:") names the text after it, never
    # the paragraph before it (the quotation stage may read the line as that paragraph's attribution)
    intros = sorted(e["start"] for c in structural for e in c.evidence if e["what"] == "introduction line")
    for q in sorted((q for q in quotes if not q.get("parent")), key=lambda q: (q["start"], q["id"])):
        if _intro_follows(text, q["end"], intros):
            continue
        name = _quote_source(q)
        if name:
            k = _key(name)
            names.setdefault(k, name)
            words = int(q.get("words") or count_words(q.get("text", "")))
            extracts.setdefault(k, []).append((q["start"], q["end"], words, q["id"], q))
    for c in structural:
        if c.outlet:
            k = _key(c.outlet)
            names.setdefault(k, c.outlet)
            inside = [e for e in extracts.get(k, []) if c.start <= e[0] and e[1] <= c.end]
            extracts[k] = [e for e in extracts.get(k, []) if e not in inside]
            extracts[k].append((c.start, c.end, count_words(text[c.start:c.end]), c.rule, None))
    totals: list[dict[str, Any]] = []
    cands: list[Candidate] = []
    for k in sorted(extracts):
        ex = sorted(extracts[k])
        total = sum(e[2] for e in ex)
        largest = max(e[2] for e in ex)
        several = len(ex) > 1
        over = (total > rcfg["several_total_max_words"] or largest > rcfg["several_each_max_words"]) if several \
            else largest > rcfg["single_max_words"]
        totals.append({"source": names[k], "extracts": len(ex), "words": total, "largest": largest,
                       "over_limit": over})
        if not (over and several):
            continue   # one extract over the limit is the long-quotation or reprint rule's to flag
        for s, e, words, ident, q in ex:
            if q is None:
                continue       # a reproduced passage already has its own flag
            cands.append(Candidate(
                rule=rcfg["id"], kind="quotation", start=s, end=e,
                signals={"source_total_words": sig(total, rcfg["several_total_max_words"]),
                         "source_extracts": sig(len(ex), 2),
                         "largest_extract_words": sig(largest, rcfg["several_each_max_words"])},
                why=f"one of {len(ex)} extracts from one source totalling {total} words, past the fair-dealing "
                    f"rule of thumb (several extracts: at most {rcfg['several_total_max_words']} words in all, "
                    f"none over {rcfg['several_each_max_words']})",
                outlet=names[k], quotations=[ident]))
    return totals, cands
