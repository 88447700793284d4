"""Table cells repeated down a text dump: a listing's widget printed in a column beside every record.

Why: a dump of a table-laid listing puts each record's button or status text ("Want to Read",
"Error rating book. Refresh and try again.") in a column beside the record's own text, on the
same line, so no line rule can take it without the record. A first or last cell (set apart by
three spaces or more), holding a word, whose text recurs as a cell in at least ``repeated_cell_min_count`` lines
of the page is the layout's, not the record's: it is removed on its own, as inline residue.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ...rules import declare

TEXT_REPEATED_CELL = declare("strip.text.repeated_cell", stage="strip", kind="text",
        why="a first or last table cell whose text recurs beside many records is the layout's widget, not the record's text",
        params=["text.repeated_cell_min_count", "text.repeated_cell_max_words"])

_GAP = re.compile(r"\s{3,}")   # a column gap as a text dump lays a table out (two spaces: a sentence's)
_WORD3 = re.compile(r"[^\W\d_]{3}")   # a label has a word; a code prompt ("...") or a box-drawing edge has none


def _cells(text: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a line (its text between column gaps, outer white space left out)."""
    out: list[tuple[int, int]] = []
    pos = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    for m in _GAP.finditer(text, pos, end):
        out.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out


def spans(texts: list[str], cfg: dict[str, Any]) -> dict[int, tuple[int, int]]:
    """Line index -> the span (start, end) of its text to remove: a repeated first or last cell
    with the column gap beside it (the last cell tried first; one span a line)."""
    min_count = int(cfg["repeated_cell_min_count"])
    max_words = int(cfg["repeated_cell_max_words"])
    if min_count <= 0:
        return {}
    cells = [_cells(t) for t in texts]
    counts = Counter(texts[i][a:b].casefold() for i, cs in enumerate(cells) for a, b in cs)
    out: dict[int, tuple[int, int]] = {}
    for i, cs in enumerate(cells):
        if len(cs) < 2:
            continue
        text = texts[i]
        for k, start, end in ((len(cs) - 1, cs[-2][1], len(text)), (0, 0, cs[1][0])):
            a, b = cs[k]
            cell = text[a:b]
            if counts[cell.casefold()] >= min_count and len(cell.split()) <= max_words and _WORD3.search(cell):
                out[i] = (start, end)
                break
    return out
