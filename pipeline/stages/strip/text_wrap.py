"""Hard-wrapped paragraphs in a text dump: a saved e-text or e-mail cut at a fixed width.

Why: line by line, a wrapped sentence has no end and reads as furniture, which cut a story's
last paragraphs off (``strip.text.main_body`` reads such a run of lines as one).
"""

from __future__ import annotations

import re
from typing import Any

from ...text import sentences

_RUNS_ON = re.compile(r"[^\W_]$|[,'’\"”\-—]$")      # a line cut mid-sentence ends after a word
_GOES_ON = re.compile(r"^[^\W_]|^[\"“‘'(]")            # and the next one opens with one


def wrapped_runs(blocks: list[dict[str, Any]], texts: list[str], idx: list[int], lo: int, hi: int) -> list[list[int]]:
    """Runs of lines of one paragraph (``blocks[i]["para"]``) that continue one sentence: lines of
    one width (each before the last at least ``lo`` characters and 3/4 of the longest, none over
    ``hi``), each cut after a word with no sentence end and the next opening with one. ``lo`` 0: none."""
    groups: list[list[int]] = []
    for i in idx:   # a line that ends a sentence ends a run: a wrapped sentence runs on
        if groups and blocks[i]["para"] == blocks[groups[-1][-1]]["para"] \
                and not sentences.ENDS_WITH_CLAUSE_STOP.search(texts[groups[-1][-1]]):
            groups[-1].append(i)
        else:
            groups.append([i])
    out: list[list[int]] = []
    for g in groups:
        if lo <= 0 or len(g) < 2:
            continue
        lines = [texts[i].strip() for i in g]
        sizes = [len(t) for t in lines]
        if max(sizes) <= hi and min(sizes[:-1]) >= max(lo, 0.75 * max(sizes)) \
                and all(_RUNS_ON.search(t) for t in lines[:-1]) and all(_GOES_ON.match(t) for t in lines[1:]):
            out.append(g)
    return out
