"""Lists at the edge of a text dump's body (strip stage, text dumps).

``strip.text.list_tail``: the body rules score a bulleted line as furniture unless it is a
sentence, so a body that ends in a list (a product's features, a recipe's steps, an article's
closing points) is cut inside it, and the list sections right under it ("What's new?" over
"* Lighter, more breathable mesh upper"; "Details" over "* Heel-to-toe drop: 10mm") are dropped
with the footer. From the body's last line on, the bulleted items that read as phrases (several
words, most of them after the first in lower case, or "Label: value"), each block of them
optionally under a short heading of its own, belong to the body; the first line that is
neither ends it. A menu's entries are capitalised names ("+ New & Featured", "* Men"), so a
block of them stops the tail.
"""

from __future__ import annotations

import re
from typing import Any

from ...rules import declare
from ...text import words

LIST_TAIL = declare("strip.text.list_tail", stage="strip", kind="text",
                    why="bulleted items that read as phrases right after a page's body (its list going on, a feature"
                        " or details list under a short heading) are its text; a menu's entries are capitalised names",
                    params=["text.list_tail_min_words", "text.list_tail_lower_share", "text.list_tail_heading_words",
                            "text.list_tail_min_items", "text.list_tail_colon_words"])

BULLET = re.compile(r"^\s*([*•·\-–+>o]|\d{1,3}[.)])\s+")   # a bulleted or numbered item (also text_dump's)
_LETTER_WORD = words.LETTERS
_FIELD = re.compile(r"^[^\W\d_][^:]{0,40}:\s+\S")   # "Weight: 297g"
_HEADING_STOP = re.compile(r"[.,;:!]\s*$")           # a heading does not end like a sentence or a clause
_SENTENCE_END = re.compile(r"[.!?:]\s*$")


def bulleted_phrase(text: str, min_words: int, lower_share: float) -> bool:
    """A bulleted or numbered item that reads as a phrase: at least ``min_words`` words (two at
    least), and at least ``lower_share`` of the words after its first in lower case ("* Same day
    shipping if ordered by 4PM", not "* Travel Guides"). The body rules (``text_dump``) and the
    list tail read an item alike."""
    m = BULLET.match(text)
    if not m:
        return False
    ws = _LETTER_WORD.findall(text[m.end():])
    if len(ws) < max(2, min_words):
        return False
    return sum(1 for w in ws[1:] if w[0].islower()) >= lower_share * (len(ws) - 1)


def phrase_item(text: str, min_words: int, lower_share: float) -> bool:
    """A bulleted item that reads as a phrase or a field, not a menu entry."""
    m = BULLET.match(text)
    return bool(m) and (_FIELD.match(text[m.end():].strip()) is not None or bulleted_phrase(text, min_words, lower_share))


def tail(texts: list[str], idx: list[int], last_pos: int, n_words: dict[int, int], cfg: dict[str, Any]) -> list[int]:
    """The lines (indices of ``texts``) of the list tail after position ``last_pos`` in ``idx``
    (the body's last line): blocks of at least ``list_tail_min_items`` phrase items, each block
    right after the body or the block before, or under one short heading there."""
    n_min = int(cfg["list_tail_min_items"])
    if n_min <= 0:
        return []
    min_words, share = int(cfg["list_tail_min_words"]), float(cfg["list_tail_lower_share"])
    head_max = int(cfg["list_tail_heading_words"])
    item = {}

    def is_item(i: int) -> bool:
        if i not in item:
            item[i] = phrase_item(texts[i], min_words, share)
        return item[i]

    out: list[int] = []
    pos = last_pos + 1
    # the body's last line announces a list ("Check all features in the on-premise version:"):
    # the short lines right under it are its items, bulleted or not
    colon_max = int(cfg["list_tail_colon_words"])
    if colon_max and last_pos >= 0 and texts[idx[last_pos]].rstrip().endswith(":"):
        while pos < len(idx) and idx[pos] - idx[pos - 1] == 1 and 0 < n_words[idx[pos]] <= colon_max \
                and not _SENTENCE_END.search(texts[idx[pos]]):
            out.append(idx[pos])
            pos += 1
        return out
    # the body's own list going on: its last line is a bulleted item
    continuing = last_pos >= 0 and BULLET.match(texts[idx[last_pos]]) is not None
    while pos < len(idx):
        start = pos
        heading = []
        i = idx[pos]
        if not continuing and not BULLET.match(texts[i]) and 0 < n_words[i] <= head_max \
                and not _HEADING_STOP.search(texts[i]) and i - idx[pos - 1] == 1:
            heading = [i]
            pos += 1
        block = []
        # a line another rule took (a button, a menu entry) between two items ends the list
        while pos < len(idx) and is_item(idx[pos]) and idx[pos] - idx[pos - 1] == 1:
            block.append(idx[pos])
            pos += 1
        if len(block) < (1 if continuing else n_min):
            pos = start
            break
        out.extend(heading + block)
        continuing = False
    return out
