"""Stage 6, publish: the clean text with flagged passages replaced by placeholders.

(Skeleton: renders the clean text as it is.)
"""

from __future__ import annotations

from typing import Any

NAME = "publish"
REQUIRES = ("normalise", "quotes", "copyright")
LIBRARIES: tuple[str, ...] = ()
TEXT_SUFFIX = ".md"

CONFIG_SCHEMA: dict[str, Any] = {"type": "object"}


def run(ctx: Any, cfg: dict[str, Any]) -> dict[str, Any]:
    return {"markdown": ctx.outputs["normalise"]["text"], "placeholders": []}


def render(payload: dict[str, Any]) -> str:
    return payload["markdown"]
