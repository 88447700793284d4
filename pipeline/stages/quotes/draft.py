"""A quotation under construction, and small text tests shared by the forms."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


TERMINAL = '.!?:"\')]…'


@dataclass(slots=True)   # one per quotation of a huge document
class Draft:
    """A quotation under construction (offsets in the clean text)."""

    kind: str
    start: int
    end: int
    rule: str
    units: tuple[int, int] = (-1, -1)        # first and last unit of a structure (-1: inline)
    speaker: dict[str, Any] | None = None
    pronoun: dict[str, Any] | None = None    # an unresolved pronoun speaker
    cue: dict[str, Any] | None = None
    source: dict[str, Any] | None = None
    ref_number: str | None = None
    parent: "Draft | None" = None
    rules: list[str] = field(default_factory=list)
    para: int = 0
    mark_span: Any = None


def _footnotes(text: str) -> list[Any]:
    from ...quoting.textual import FOOTNOTE_RE

    return list(FOOTNOTE_RE.finditer(text))


def _footnotes_in(text: str) -> bool:
    return bool(_footnotes(text))


def _username_like(name: str) -> bool:
    """A poster's name before "said:"/"wrote:" (no function words, at most four words)."""
    ws = name.split()
    stop = {"he", "she", "they", "it", "we", "i", "you", "in", "on", "at", "of", "the", "a", "an", "and", "as",
            "to", "that", "this", "who", "which", "also", "then", "has", "had", "have", "was", "is"}
    return 1 <= len(ws) <= 4 and not any(w.lower() in stop for w in ws)


_TITLE_SMALL = {"and", "the", "for", "nor", "but", "yet", "via", "per", "off", "out"}


def _title_like(s: str) -> bool:
    """A title or name in quote marks ("Black Garden", "REPORT ON THE FLOOD"), not a quotation. A
    full stop inside the closing mark is American punctuation ('a copy of "Summer Rain."'): a
    sentence of title-case words with no verb-like lower-case word is still a title."""
    ws = re.findall(r"[A-Za-z][\w'’-]*", s)
    # "How Not to Die"; a lower-case three-letter word other than a title's small words ("bet", "her"
    # of 'Then I'll bet on her.') is a sentence's word: a title would capitalise it
    long = [w for w in ws if len(w) > 3 or len(w) == 3 and w.lower() not in _TITLE_SMALL] \
        or [w for w in ws if len(w) == 3]
    stop = re.search(r"[.!?]\s*$", s)
    if stop and (not s.rstrip().endswith(".") or len(ws) > 6 or re.search(r"[.!?,;:]", s.rstrip()[:-1])):
        return False
    return bool(long) and len(ws) <= 12 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


NOUN_FRAME_RE = re.compile(r"(?:\b(?:the|a|an|this|these|those|his|her|its|their|our|my|your|whole)|\w['’]s)\s*$",
                           re.IGNORECASE)


def _noun_framed(before: str) -> bool:
    """A determiner or possessive right before the opening mark ('today's "millennial gray couch"',
    'the whole "turn the plot into satire"'): the quoted words are a noun phrase of the sentence, a
    term or a label being named, not words given as someone's."""
    return bool(NOUN_FRAME_RE.search(before[-40:]))
