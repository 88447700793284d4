"""Character-level rules of the quotes stage: lines, quote-mark pairs, footnote markers, reference
lists, editorial insertions and attribution lines. No model here: these run first, because the
sentence splitter cuts inside quotations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..text import words as _words
from ..rules import declare

# the rules this module applies: declared once here, used through these constants
MARKS_PAIRED = declare("quotes.marks.paired", stage="quotes", why="text between a pair of quote marks is a quotation",
        params=["inline_min_words"])
MARKS_UNBALANCED = declare("quotes.marks.unbalanced", stage="quotes",
        why="an opening mark with no close runs to the paragraph's end (a quotation continued over paragraphs)")
INTERPOLATION_BRACKETS = declare("quotes.interpolation.brackets", stage="quotes",
        why="square brackets inside a quotation are the editor's, not the speaker's")
INTERPOLATION_NOTE = declare("quotes.interpolation.note", stage="quotes",
        why="a parenthesised editor's or translator's note inside a quotation",
        params=["note_words"])

FOOTNOTE_RE = re.compile(r"\[(\d{1,3})\]")
WORD_RE = _words.WORD
words = _words.count


@dataclass(slots=True)   # one per line of a huge document
class Unit:
    """One line of the clean text (a paragraph, or a line of a multi-line paragraph)."""

    index: int
    para: int
    start: int
    end: int
    text: str
    first_in_para: bool
    last_in_para: bool
    tags: dict[str, Any] = field(default_factory=dict)

    @property
    def bare(self) -> str:
        """The text without footnote markers, stripped."""
        return FOOTNOTE_RE.sub("", self.text).strip()


def split_units(text: str, paragraphs: list[dict[str, Any]]) -> list[Unit]:
    units: list[Unit] = []
    for pi, p in enumerate(paragraphs):
        pos = p["start"]
        pieces = text[p["start"]:p["end"]].split("\n")
        for li, piece in enumerate(pieces):
            s = pos + (len(piece) - len(piece.lstrip()))
            e = pos + len(piece.rstrip())
            if e > s:
                units.append(Unit(len(units), pi, s, e, text[s:e], li == 0, li == len(pieces) - 1))
            pos += len(piece) + 1
    for u in units:  # first/last among non-empty lines of the paragraph
        u.first_in_para = u.index == 0 or units[u.index - 1].para != u.para
        u.last_in_para = u.index == len(units) - 1 or units[u.index + 1].para != u.para
    return units



def unit_paragraphs(units: list[Unit]) -> list[list[Unit]]:
    """The units grouped by paragraph, in order: the forms that read a document paragraph by
    paragraph (an interview's turns, a letter's body and signature) share one grouping."""
    paras: list[list[Unit]] = []
    for u in units:
        if u.first_in_para or not paras:
            paras.append([u])
        else:
            paras[-1].append(u)
    return paras

# ------------------------------------------------------------------------------ quote marks
@dataclass(slots=True)   # one per pair of quotation marks
class MarkSpan:
    open: int            # offset of the opening mark
    close: int | None    # offset of the closing mark; None when never closed
    start: int           # quoted words (inside the marks)
    end: int
    rule: str


def pair_marks(text: str, start: int, end: int, marks: str = '"') -> list[MarkSpan]:
    """Pair double quote marks in text[start:end] by their side (opening marks follow space or
    start, closing marks precede space, punctuation or end); a mark with space on both sides takes
    the side the state needs. A never-closed opening mark runs to the next opening mark or the end.
    """
    out: list[MarkSpan] = []
    pending: int | None = None
    for m in re.finditer("[" + re.escape(marks) + "]", text[start:end]):
        i = start + m.start()
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if before.isdigit() and not after.isalnum():  # 12" (inches)
            continue
        opening = (before.isspace() or before in "([{-–—/:") and not after.isspace()
        closing = not before.isspace() and (after.isspace() or after in ".,;:!?)]-–—'" or i + 1 >= end)
        if before in "([{" or i == start:
            closing = False
        if pending is None:
            if closing and not opening:
                continue  # a closing mark with no opening: the opening is missing; leave it
            pending = i
        else:
            if opening and not closing and after.isalnum() and before.isspace():
                out.append(_span(text, pending, None, i, MARKS_UNBALANCED))
                pending = i
            else:
                out.append(_span(text, pending, i, i, MARKS_PAIRED))
                pending = None
    if pending is not None:
        out.append(_span(text, pending, None, end, MARKS_UNBALANCED))
    return [s for s in out if s.end > s.start]


def _span(text: str, o: int, c: int | None, stop: int, rule: str) -> MarkSpan:
    s, e = o + 1, stop
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return MarkSpan(o, c, s, e, rule)


def wholly_quoted(unit: Unit, spans: list[MarkSpan]) -> MarkSpan | None:
    """The span whose marks enclose the whole unit (bar trailing punctuation and markers)."""
    head = len(unit.text) - len(unit.text.lstrip(" "))
    for s in spans:
        if s.open != unit.start + head:
            continue
        tail = FOOTNOTE_RE.sub("", unit.text[(s.close if s.close is not None else s.end) - unit.start + 1:])
        if s.close is not None and not re.sub(r"[\s.,;:!?)\-–—]", "", tail):
            return s
    return None


# ------------------------------------------------------------------------------ references
REF_LINE_RE = re.compile(r"^\s*\^?\s*\[?(\d{1,3})[.)\]]?\s+((?:\^\s*)?(?:\d{1,3}\.\d{1,2}\s+)+|(?:\^\s*)?(?:[a-z]\s+){2,})?(\S.*)$")


def reference_lines(units: list[Unit]) -> dict[int, tuple[str, str, int, int]]:
    """Numbered reference entries: unit index -> (number, text, start, end). A run of at least two
    lines numbered 1, 2, 3 ... (MediaWiki back-links like "6.0 6.1" or "^ a b" skipped)."""
    cands: dict[int, tuple[str, str, int, int]] = {}
    for u in units:
        m = REF_LINE_RE.match(u.text)
        if m and words(m.group(3)) >= 2:
            cands[u.index] = (m.group(1), m.group(3).strip(), u.start + m.start(3), u.end)
    out: dict[int, tuple[str, str, int, int]] = {}
    run: list[int] = []
    for i in sorted(cands):
        if run and i == run[-1] + 1 and int(cands[i][0]) == int(cands[run[-1]][0]) + 1:
            run.append(i)
        else:
            if len(run) >= 2:
                out.update({j: cands[j] for j in run})
            run = [i]
    if len(run) >= 2:
        out.update({j: cands[j] for j in run})
    return out


# ------------------------------------------------------------------------------ insertions
def interpolations(text: str, start: int, end: int, note_words: list[str]) -> list[tuple[int, int, str]]:
    """Editorial insertions inside a quotation: square brackets (not footnote markers) and
    parenthesised site notes ("(... - X note)")."""
    out: list[tuple[int, int, str]] = []
    seg = text[start:end]
    for m in re.finditer(r"\[[^\[\]\n]{1,200}\]", seg):
        if FOOTNOTE_RE.fullmatch(m.group(0)) or m.group(0).lower() in ("[edit]",):
            continue
        out.append((start + m.start(), start + m.end(), INTERPOLATION_BRACKETS))
    note = "|".join(re.escape(w) for w in note_words)
    for m in re.finditer(r"\([^()\n]{1,300}?(?:\s[-–—]\s?|\s)[^()\n]{0,60}\b(?:" + note + r")\.?\)", seg, re.IGNORECASE):
        out.append((start + m.start(), start + m.end(), INTERPOLATION_NOTE))
    return sorted(out)
