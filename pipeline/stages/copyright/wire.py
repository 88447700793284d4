"""Wire-service datelines: "WASHINGTON (AP) — " opening a paragraph marks the story as an agency's.

Why: news agencies (AP, Reuters, AFP and their many regional peers) open every story with the
place in capitals, the agency in parentheses and a dash; sites that run agency copy keep that
dateline and often nothing else names the source. It is read by its shape, never from a list of
agencies: the passage runs from the headline above it (if any) to where the voice or the
vocabulary changes, as after an introduction line.
"""

from __future__ import annotations

from typing import Any

from ...rules import declare
from .text import Para, rx

WIRE_DATELINE = declare(
    "copyright.wire_dateline", stage="copyright",
    why="a paragraph opening with a wire dateline (PLACE (AGENCY) —) begins an agency's story reproduced on the page",
    params=["reprint.wire_dateline_pattern"])


def wire_datelines(paras: list[Para], cfg: dict[str, Any]) -> dict[int, dict[str, Any]]:
    """Paragraphs opening with a wire dateline, each with the anchor it gives (the agency as outlet)."""
    pattern = rx(cfg["reprint"]["wire_dateline_pattern"])
    out = {}
    for k, p in enumerate(paras):
        m = pattern.match(p.text.lstrip())
        if m:
            out[k] = {"what": f"wire dateline ({WIRE_DATELINE})", "cue": "dateline", "outlet": m.group("agency").strip(),
                      "who": None, "date": None, "date_text": None, "punct_only": False}
    return out
