"""Stage 4, quotes: quotations with speaker, cue, source, date, reference and interpolations.

(Skeleton: finds no quotations yet.)
"""

from __future__ import annotations

from typing import Any

NAME = "quotes"
REQUIRES = ("extract", "strip", "normalise")
LIBRARIES = ("spacy",)

CONFIG_SCHEMA: dict[str, Any] = {"type": "object"}


def run(ctx: Any, cfg: dict[str, Any]) -> dict[str, Any]:
    return {"model": cfg.get("model"), "quotations": [], "references": [], "attribution_lines": []}
