"""Attribution lines strip removes are kept as ``notices`` of kind ``attribution``.

A reproduced article's source line ("Via <outlet>", "Credit: <name> / <outlet>", "<Outlet>, <date>")
looks like a short residue line to the structural rules and is removed with them; without it the
copyright stage loses the passage's anchor. The label stays (the text does not change); the
notice record carries the line's raw span and this rule, so the copyright stage reads it with
the same guards as a kept attribution line. Only a line next to a run of prose paragraphs on
one side (within one blank line) is recorded; a line after a short caption line is a photo credit.
"""

from __future__ import annotations

import re
from typing import Any

from ...rules import declare
from ...text import sentences
from ...text import words as words_

ATTRIBUTION_NOTICE = declare("strip.attribution_notice", stage="strip",
        why="a removed short line naming a source beside a run of prose paragraphs is the passage's attribution",
        params=["attribution_notices.enabled", "attribution_notices.max_words", "attribution_notices.patterns",
                "attribution_notices.min_paragraphs", "attribution_notices.prose_min_words",
                "attribution_notices.max_blank_lines"])

SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["enabled", "max_words", "patterns", "min_paragraphs", "prose_min_words", "max_blank_lines"],
    "properties": {
        "enabled": {"type": "boolean"},
        "max_words": {"type": "integer", "minimum": 1},
        "patterns": {"type": "array", "items": {"type": "string"}},
        "min_paragraphs": {"type": "integer", "minimum": 1},
        "prose_min_words": {"type": "integer", "minimum": 1},
        "max_blank_lines": {"type": "integer", "minimum": 0},
    },
}


def _prose(text: str, min_words: int) -> bool:
    t = text.strip()
    return "\n" not in t and words_.count_runs_upto(t, min_words) >= min_words \
        and bool(sentences.ENDS_LIKE_SENTENCE.search(t))


def _near(raw: str | None, a: dict[str, Any], b: dict[str, Any], max_blank: int) -> bool:
    """Two blocks within ``max_blank`` blank lines of each other (HTML: adjacent blocks)."""
    if raw is None:
        return True
    gap = raw[a["raw_end"]:b["raw_start"]]
    return "<" in gap or gap.count("\n") <= max_blank + 1


def find(blocks: list[dict[str, Any]], texts: list[str], labels: list[tuple[str, str]],
         notices: list[dict[str, Any]], raw: str | None, cfg: dict[str, Any]) -> list[dict[str, Any]]:
    """Attribution notices for removed one-line blocks next to a run of kept prose paragraphs."""
    if not cfg["enabled"]:
        return []
    pats = [re.compile(p) for p in cfg["patterns"]]
    noticed = {b for n in notices for b in n["blocks"]}
    k, pw, blank = int(cfg["min_paragraphs"]), int(cfg["prose_min_words"]), int(cfg["max_blank_lines"])

    def prose_run(i: int, step: int) -> bool:
        j, prev = i + step, i
        for _ in range(k):
            if not (0 <= j < len(blocks)) or labels[j][0] != "content" or not _prose(texts[j], pw):
                return False
            a, b = (blocks[prev], blocks[j]) if step > 0 else (blocks[j], blocks[prev])
            if not _near(raw, a, b, blank):
                return False
            prev, j = j, j + step
        return True

    out = []
    for i, b in enumerate(blocks):
        t = texts[i].strip()
        if labels[i][0] != "boilerplate" or b["id"] in noticed or not t or "\n" in t:
            continue
        if words_.count_runs_upto(t, cfg["max_words"] + 1) > cfg["max_words"] or not any(p.search(t) for p in pats):
            continue
        above, below = prose_run(i, -1), prose_run(i, 1)
        if not above and below and i > 0 and labels[i - 1][0] == "content" and not _prose(texts[i - 1], pw) \
                and _near(raw, blocks[i - 1], b, 0):
            continue       # right under a short caption line: the photo's credit, not the article's
        if not (above or below):
            continue
        out.append({"kind": "attribution", "rule": ATTRIBUTION_NOTICE, "raw_start": b["raw_start"],
                    "raw_end": b["raw_end"], "text": texts[i], "blocks": [b["id"]],
                    "prose": "both" if above and below else ("above" if above else "below")})
    return out
