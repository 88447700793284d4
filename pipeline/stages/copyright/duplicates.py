"""The same page saved twice is one document, not two copies of each other.

Why: users save a page as HTML and again as a text dump; cross-document copy detection then
finds every passage of each in the other and flags both as "copied passage", pointing at each
other. When the passages shared with one other document cover most of this document's running
text (and most of the other's), the two are duplicates: the stage records the pair once, as a
document signal (the canonical document is the first by name), and drops the copy flags between
them. Works on plain match records ``{document, start, end, words}`` (clean-text spans) and the
other documents' word counts, so the corpus step that finds matches (pipeline/corpus_copies.py)
can call it; the copyright stage applies it when a match carries ``document_words``.
"""

from __future__ import annotations

from typing import Any


def merge_spans(spans: list[tuple[int, int]]) -> list[list[int]]:
    """The union of ``spans`` as sorted, non-overlapping ``[start, end]`` pairs."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return merged


def _covered(spans: list[tuple[int, int]], positions: list[int]) -> int:
    """Words of the document (word start ``positions``) inside any of ``spans``."""
    merged = merge_spans(spans)
    import bisect
    count = 0
    for s, e in merged:
        count += bisect.bisect_left(positions, e) - bisect.bisect_left(positions, s)
    return count


def duplicate_documents(doc_id: str, word_starts: list[int], matches: list[dict[str, Any]],
                        other_words: dict[str, int], min_share: float) -> list[dict[str, Any]]:
    """The documents this one duplicates: shared passages cover ``min_share`` of both documents' words.

    ``word_starts`` are the clean-text offsets of this document's words; ``other_words`` the word
    counts of the other documents (the corpus step knows them; a document of unknown size is never
    judged a duplicate: a page wholly contained in a longer one is a copy).
    """
    total = len(word_starts)
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for m in matches:
        by_doc.setdefault(m["document"], []).append(m)
    out = []
    for other in sorted(by_doc):
        ms = by_doc[other]
        mine = _covered([(m["start"], m["end"]) for m in ms], word_starts)
        shared = sum(int(m["words"]) for m in ms)
        theirs = other_words.get(other)
        share_mine = round(mine / total, 4) if total else 0.0
        # both sides: a page wholly contained in a longer one copied it; it is not the same page saved twice
        share_theirs = round(min(1.0, shared / theirs), 4) if theirs else None
        if share_theirs is not None and share_mine >= min_share and share_theirs >= min_share:
            canonical = min(doc_id, other)
            out.append({"document": other, "share_of_this": share_mine, "share_of_other": share_theirs,
                        "threshold": min_share, "canonical": canonical,
                        "reported_here": canonical != doc_id})
    return out


def drop_copies_of_duplicates(cands: list[Any], duplicates: list[dict[str, Any]]) -> list[Any]:
    """Copy candidates that only point at a duplicate of this document are not copies."""
    dup = {d["document"] for d in duplicates}
    return [c for c in cands if not (c.documents and set(c.documents) <= dup)]
