"""Stage 5, copyright: flag passages to summarise instead of reproduce, with evidence.

(Skeleton: flags nothing yet.)
"""

from __future__ import annotations

from typing import Any

NAME = "copyright"
REQUIRES = ("strip", "normalise", "quotes")
LIBRARIES: tuple[str, ...] = ()

CONFIG_SCHEMA: dict[str, Any] = {"type": "object"}


def run(ctx: Any, cfg: dict[str, Any]) -> dict[str, Any]:
    return {"flags": []}
