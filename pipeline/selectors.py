"""W3C Web Annotation selectors for a record's raw span (https://www.w3.org/TR/annotation-model/).

Every record's ``raw_start``/``raw_end`` count code points of the decoded raw text, which is
exactly what a ``TextPositionSelector`` counts, so the position selector is the span itself.
The ``TextQuoteSelector`` carries the span's text with ``CONTEXT`` code points on each side, so
a tool can re-anchor the annotation by text when positions drift (a re-saved page).

Both address the raw file read as text (HTML markup included: a span of an HTML page may
contain tags), not a browser's rendering of it. Records in the stage outputs do not carry
selectors: they are built here, at export time, from the span and the raw text (the span is
the single source of truth; nothing is stored twice).
"""

from __future__ import annotations

from typing import Any

CONTEXT = 32   # code points of prefix and suffix


def _check(raw_text: str, start: int, end: int) -> None:
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(raw_text)):
        raise ValueError(f"span {start}-{end} is not inside a raw text of {len(raw_text)} characters")


def position_selector(raw_text: str, start: int, end: int) -> dict[str, Any]:
    _check(raw_text, start, end)
    return {"type": "TextPositionSelector", "start": start, "end": end}


def quote_selector(raw_text: str, start: int, end: int, context: int = CONTEXT) -> dict[str, Any]:
    _check(raw_text, start, end)
    return {"type": "TextQuoteSelector", "exact": raw_text[start:end],
            "prefix": raw_text[max(0, start - context):start], "suffix": raw_text[end:end + context]}


def selectors(raw_text: str, start: int, end: int) -> list[dict[str, Any]]:
    """Both selectors of a span (a list: the W3C model lets a target give alternatives)."""
    return [position_selector(raw_text, start, end), quote_selector(raw_text, start, end)]


def for_record(raw_text: str, record: dict[str, Any]) -> list[dict[str, Any]]:
    return selectors(raw_text, record["raw_start"], record["raw_end"])


def resolve_position(raw_text: str, sel: dict[str, Any]) -> tuple[int, int]:
    _check(raw_text, sel["start"], sel["end"])
    return sel["start"], sel["end"]


def resolve_quote(raw_text: str, sel: dict[str, Any]) -> tuple[int, int] | None:
    """Where a quote selector anchors: the first occurrence of prefix+exact+suffix (the prefix
    and suffix may be cut at the text's ends), or ``None``."""
    exact, prefix, suffix = sel["exact"], sel.get("prefix", ""), sel.get("suffix", "")
    i = raw_text.find(prefix + exact + suffix)
    if i >= 0:
        return i + len(prefix), i + len(prefix) + len(exact)
    return None
