"""Keep rules for the strip stage: short lines that structure rules would drop but that carry
attribution, so they are content ("Keep headings, reference lists and attribution lines").

- ``strip.keep.attribution_line``: a short line with a date right after a paragraph of running
  text: the outlet/date line under an excerpt ("(Daily Courier 02. 03.2019.)").
- ``strip.keep.signature``: a valediction ("Yours sincerely,") and the short lines of the
  signature block under it.

They only overturn decisions of the structural rules (body detection, link density, trailing
fragments): a block removed by a pattern rule (a counter, a copyright notice) stays removed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_NUM_DATE = r"\b\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*(?:\d{4}|\d{2})\b"


@lru_cache(maxsize=8)
def _date_regex(months: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    return re.compile(rf"{_NUM_DATE}|\b(?:\d{{1,2}}\s+)?(?:{names})\.?\s+(?:\d{{1,2}},?\s+)?\d{{4}}\b", re.I)


def apply(blocks: list[dict[str, Any]], texts: list[str], labels: list[tuple[str, str]],
          pattern_rules: set[str], cfg: dict[str, Any]) -> None:
    if not cfg.get("enabled", True):
        return
    date = _date_regex(tuple(cfg.get("months", [])))
    max_words = int(cfg.get("attribution_max_words", 25))
    prose_words = int(cfg.get("prose_min_words", 12))
    valedictions = {v.casefold() for v in cfg.get("valedictions", [])}
    sig_lines = int(cfg.get("signature_max_lines", 5))
    sig_words = int(cfg.get("signature_max_words", 8))

    def structural(i: int) -> bool:
        lab, rule = labels[i]
        return lab == "boilerplate" and rule not in pattern_rules and not rule.startswith(tuple(pattern_rules))

    for i, text in enumerate(texts):
        t = text.strip()
        if not t:
            continue
        n = len(t.split())
        if structural(i) and n <= max_words and date.search(t) and _after_prose(texts, labels, i, prose_words):
            labels[i] = ("content", "strip.keep.attribution_line")
        if t.rstrip(",").casefold() in valedictions:
            if structural(i):
                labels[i] = ("content", "strip.keep.signature")
            para = blocks[i]["para"]
            for j in range(i + 1, min(len(texts), i + 1 + sig_lines)):
                if blocks[j]["para"] != para or len(texts[j].split()) > sig_words:
                    break
                if structural(j):
                    labels[j] = ("content", "strip.keep.signature")


def _after_prose(texts: list[str], labels: list[tuple[str, str]], i: int, min_words: int) -> bool:
    """The nearest earlier non-empty line is running text that was kept (or is itself kept)."""
    for j in range(i - 1, max(-1, i - 3), -1):
        t = texts[j].strip()
        if not t:
            continue
        return labels[j][0] == "content" and len(t.split()) >= min_words
    return False
