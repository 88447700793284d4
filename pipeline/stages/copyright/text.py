"""Text helpers for the copyright stage: paragraphs, words, headings, dates.

Kept apart from the rules so each rule reads as its signal; everything here is generic
(patterns and word lists come from the ``copyright`` config section).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from statistics import median
from typing import Any

from ...text import sentences, words
from ...text.dates import find_all as find_dates, parse as parse_date

WORD_RE = words.WORD
TERMINAL = sentences.TERMINAL


@dataclass(slots=True)   # one per paragraph of a huge document
class Para:
    """One paragraph of the clean text (offsets in the clean text)."""

    id: str
    start: int
    end: int
    text: str
    kind: str = "line"
    words: int = 0
    lines: list[str] = field(default_factory=list)


count_words = words.count


# a text dump's Markdown heading ("# Title", "## Title", a title over a line of "=" or "-"): the rules
# read the title without its marks
MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+(?=\S)")
UNDERLINE = re.compile(r"\n[ \t]*(=+|-+)[ \t]*$")


def paragraphs(norm: dict[str, Any]) -> list[Para]:
    text = norm["text"]
    out = []
    for p in norm.get("paragraphs", []):
        t = text[p["start"]:p["end"]]
        if "\n" not in t.strip() and MARKDOWN_HEADING.match(t.lstrip()):
            t = MARKDOWN_HEADING.sub("", t.lstrip())     # (the span stays the paragraph's, marks included)
        elif t.strip().count("\n") == 1 and (u := UNDERLINE.search(t.rstrip())) and len(u.group(1)) >= 3:
            t = t.rstrip()[:u.start()]
        out.append(Para(p["id"], p["start"], p["end"], t, p.get("kind", "line"), count_words(t),
                        [ln.strip() for ln in t.split("\n") if ln.strip()]))
    return out


@lru_cache(maxsize=256)
def rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def any_match(patterns: list[str], text: str) -> re.Match[str] | None:
    for p in patterns:
        m = rx(p).search(text)
        if m:
            return m
    return None


def is_heading(p: Para, cfg: dict[str, Any]) -> bool:
    """A section title: the normaliser's kind if it says so, else a short line without final punctuation."""
    if p.kind == "heading":
        return True
    if p.kind not in ("line", "paragraph") or len(p.lines) != 1:
        return False
    t = p.text.strip()
    if not t or p.words > cfg["max_words"] or t.endswith(TERMINAL + (":", ";", ",")):
        return False
    if parse_date(t, cfg["months"]) is not None and count_words(t) <= 6:
        return False  # a date line, not a title
    return t[0].isupper() or t[0].isdigit()


SENTENCE_END = sentences.END
MAX_WORDS_PER_SENTENCE = 100  # a "paragraph" of 200 words without a full stop is a list run together
LIST_LINE = re.compile(r"^\s*([*+•·o-]|\d{1,3}[.)])\s")


def is_running_text(p: Para, min_words: int, min_words_per_line: float = 8.0) -> bool:
    """Prose: ends like a sentence (or is long), in lines of sentence length, not a list or menu."""
    t = p.text.rstrip()
    if not t or p.words < 3 or not (t.endswith(TERMINAL) or p.words >= min_words):
        return False
    lines = p.lines or [t]
    listy = sum(1 for ln in lines if LIST_LINE.match(ln))
    sentences = max(1, len(SENTENCE_END.findall(t)) + (0 if t.endswith(TERMINAL) else 1))
    return (listy * 2 <= len(lines) and p.words / len(lines) >= min_words_per_line
            and p.words / sentences <= MAX_WORDS_PER_SENTENCE)


def prose_share(paras: list[Para], min_words: int) -> float:
    """Share of the words of ``paras`` that stand in running-text paragraphs (not menus, lists, labels)."""
    total = sum(p.words for p in paras)
    prose = sum(p.words for p in paras if is_running_text(p, min_words))
    return round(prose / total, 4) if total else 0.0


# ------------------------------------------------------------------------------ dates
def is_date_line(p: Para, cfg: dict[str, Any]) -> tuple[str | None, str] | None:
    """A paragraph that is only a date (optionally a place or weekday before it)."""
    if len(p.lines) != 1 or p.words > cfg["date_line_max_words"]:
        return None
    found = find_dates(p.text, cfg["months"])
    if not found:
        return None
    s, e, iso, txt = found[0]
    rest = (p.text[:s] + p.text[e:]).strip(" ,.-–—\t")
    return (iso, txt) if count_words(rest) <= 3 else None


# ------------------------------------------------------------------------------ passage ends
def content_words(text: str, min_letters: int) -> set[str]:
    """Lower-cased words of at least ``min_letters`` letters: content words, without a stop list."""
    return {w.lower() for w in words.letter_words(text, min_letters)}


def cut_at_vocabulary_change(paras: list[Para], run: list[int], ccfg: dict[str, Any],
                             floor: float, relative: bool = False, depth: bool = False) -> tuple[list[int], float]:
    """Where a run of running text stops being the passage: the first sharp change of vocabulary.

    ``run`` lists paragraph indexes in the order of travel (from the anchor outwards). At each
    boundary the content words of the passage's nearest paragraphs are compared (Jaccard) with
    those of the next ones, as TextTiling compares blocks; the run is cut at the first boundary
    below ``floor`` (an inserted article and the host's paragraph share almost none). Returns the
    kept indexes and the lowest value seen inside them. ``relative`` (a run nothing closes): a boundary
    far below the median of the passage's own boundaries so far ends it too. (Weighting words by their inverse
    paragraph frequency in the page was tried: it cuts articles whose topic words fill them.) ``depth`` (a
    closed passage travelled back from its attribution, under a lowered ``floor``): that relative drop ends
    it too where the boundary is also below the ordinary ``min_shared``, once enough of its words have been
    compared (a headline within reach lowers the floor; the passage's own cohesion lifts it back).
    """
    words = {k: content_words(paras[k].text, ccfg["min_letters"]) for k in run}

    def block(ks: list[int]) -> set[str]:
        """At least ``window`` paragraphs and ``window_words`` words (short paragraphs say little each)."""
        out: set[str] = set()
        total = 0
        for n, k in enumerate(ks):
            if n >= ccfg["window"] and total >= ccfg["window_words"]:
                break
            out |= words[k]
            total += paras[k].words
        return out

    def jaccard(a: set[str], b: set[str]) -> float:
        return len(a & b) / max(1, len(a | b))

    def share(n: int) -> float:
        return jaccard(block(run[:n][::-1]), block(run[n:]))

    low = 1.0
    seen: list[float] = []
    for n in range(ccfg["after_paragraphs"], len(run)):
        if not relative and sum(paras[k].words for k in run[:n]) < ccfg["window_words"]:
            continue       # a closed passage: too few of its words yet to compare vocabularies
        s = share(n)
        # a boundary far below the passage's own cohesion so far is a change of text too (TextTiling's depth)
        drop = (relative or depth) and len(seen) >= ccfg["relative_after"] and s < ccfg["relative_drop"] * median(seen)
        if depth and not relative:
            drop = drop and s < ccfg["min_shared"]    # (below the ordinary floor too: a lowered floor is lifted, not replaced)
        if drop and depth and not relative and not s < floor:
            if n == len(run) - 1:
                break      # one paragraph left before the run's own end (a headline): an article's lede shares little
            if share(n + 1) < s:
                n += 1     # the deeper valley one paragraph on is the boundary (TextTiling cuts at the deepest point)
        if s < floor or drop:
            # the paragraph at the boundary goes to the side whose vocabulary it shares more (a windowed
            # share falls a paragraph early when the passage's last paragraph sits in the next window)
            # (by at least ``boundary_margin`` words: one shared word is chance)
            while (relative or depth) and n + 1 < len(run) and _leans_back(words[run[n]], block(run[:n][::-1]),
                                                                block(run[n + 1:]), ccfg["boundary_margin"]):
                n += 1
            return run[:n], round(low, 4)
        low = min(low, s)
        seen.append(s)
    return run, round(low, 4)


def _leans_back(para: set[str], before: set[str], after: set[str], margin: int) -> bool:
    """A paragraph shares ``margin`` times more content words with the passage than with what follows,
    and at least ``margin`` of them."""
    back = len(para & before)
    return back >= margin and back > margin * len(para & after)


# ------------------------------------------------------------------------------ lines and quote marks
OPEN_QUOTES = "\"“«„‘'"
CLOSE_QUOTES = "\"”»’'"


def unquoted_line(t: str) -> str:
    """A text dump's blockquote line ("> (via <outlet>)") reads as the line itself."""
    return rx(r"^\s*>\s?").sub("", t, count=1)


def unwrapped(t: str) -> str:
    """A line wholly in parentheses or square brackets, without them ("(via X)" -> "via X")."""
    m = rx(r"^\s*[(\[](?P<inner>[^()\[\]]{3,})[)\]]\.?\s*$").match(t)
    return m.group("inner").strip() if m else t


def unemphasised(t: str) -> str:
    """A line set in italics or bold ("*Source: X*", "_By NAME_") reads as the line itself."""
    m = rx(r"^\s*(\*{1,2}|_)(?P<inner>\S.*?\S)\1\s*$").match(t)
    return m.group("inner") if m else t


def opens_quotation(text: str) -> bool:
    """A paragraph that opens with a quotation it does not close within its own text: the quotation
    goes on after it, or the paragraph is all quotation. One whose opening quotation closes and the
    writer's words go on ("…," as well as …) is a paragraph of the passage, not where it starts."""
    t = text.strip()
    if t[:1] not in OPEN_QUOTES:
        return False
    if t[-1:] in CLOSE_QUOTES:
        return True
    pairs = {"“": "”", "«": "»", "‘": "’"}
    if t[0] in pairs:
        return t.count(t[0]) > t.count(pairs[t[0]])
    return t.count(t[0]) % 2 == 1


def opens_unclosed(text: str) -> bool:
    """A paragraph that opens with a quote mark and does not end with one (a quotation running on)."""
    t = text.strip()
    return t[:1] in OPEN_QUOTES and t[-1:] not in CLOSE_QUOTES


def quoted_paragraphs_end(paras: list[Para], j: int) -> bool:
    """Paragraph ``j`` ends a quotation of several paragraphs in the printer's convention: each paragraph
    opens with a quote mark, only the last closes ("…  / "… / "…")."""
    t = paras[j].text.strip()
    return (t[:1] in OPEN_QUOTES and t[-1:] in CLOSE_QUOTES and j > 0
            and opens_unclosed(paras[j - 1].text))


def closes_quotation(text: str) -> bool:
    """A last paragraph that closes a quotation opened before it (a quoted passage ends here); one that
    quotes someone within itself ("…," she said. "…") ends an article's paragraph, not a quotation."""
    t = text.rstrip()
    if t[-1:] not in CLOSE_QUOTES:
        return False
    if t[-1] == "”":
        return t.count("”") > t.count("“")
    if t[-1] == "»":
        return t.count("»") > t.count("«")
    if t[-1] == '"':
        return t.count('"') % 2 == 1
    return "‘" not in t      # ’ after a paragraph that opens no ‘ closes one opened before it


def with_attribution_lines(paras: list[Para], lines: list[dict[str, Any]], clean: Any) -> list[Para]:
    """The paragraphs with strip's attribution notices back in place as one-line paragraphs of no
    width (at the clean position of the removed line), so that they anchor like kept lines."""
    out = list(paras)
    for n in sorted(lines, key=lambda n: n["raw_start"]):
        pos = clean.from_raw_pos(n["raw_start"])
        if any(p.start < pos < p.end for p in out):
            continue       # inside a kept paragraph: no line of its own
        line = " ".join(n["text"].split())
        k = sum(1 for p in out if p.end <= pos)
        out.insert(k, Para(n["id"], pos, pos, line, f"attribution:{n['prose']}", count_words(line), [line]))
    return out
