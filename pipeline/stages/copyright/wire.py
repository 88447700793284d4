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
from .text import Para, content_words, is_running_text, rx

WIRE_DATELINE = declare(
    "copyright.wire_dateline", stage="copyright",
    why="a paragraph opening with a wire dateline (PLACE (AGENCY) —) begins an agency's story reproduced on the page",
    params=["reprint.wire_dateline_pattern"])
BARE_DATELINE = declare(
    "copyright.bare_dateline", stage="copyright",
    why="a paragraph opening with a news dateline (PLACE — , PLACE, Month D — ) in the middle of the page's running "
        "text, on other words than the text above it, begins a news story set into the page",
    params=["reprint.bare_dateline_pattern", "reprint.bare_dateline_max_shared", "reprint.bare_dateline_min_words",
            "reprint.bare_dateline_header_lines",
            "reprint.cohesion.window", "reprint.cohesion.window_words"])


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


def bare_datelines(paras: list[Para], cfg: dict[str, Any]) -> dict[int, dict[str, Any]]:
    """Paragraphs opening with a dateline that names no agency, set into other running text: the
    paragraphs above (past the story's headline, byline and date lines) are running text on other words (Jaccard of content words below
    ``bare_dateline_max_shared``). A page's own story opens with its dateline under its own header, with no
    running text of another topic above it, and is never read here."""
    rcfg = cfg["reprint"]
    ccfg = rcfg["cohesion"]
    pattern = rx(rcfg["bare_dateline_pattern"])

    def window(ks: range) -> set[str]:
        out: set[str] = set()
        n = total = 0
        for k in ks:
            if n >= ccfg["window"] and total >= ccfg["window_words"]:
                break
            if not is_running_text(paras[k], rcfg["prose_min_words"]):
                break
            out |= content_words(paras[k].text, ccfg["min_letters"])
            n, total = n + 1, total + paras[k].words
        return out

    out = {}
    for k, p in enumerate(paras):
        if not (pattern.match(p.text.lstrip()) and k + 1 < len(paras) and (is_running_text(p, rcfg["prose_min_words"]) or (
                p.words >= rcfg["bare_dateline_min_words"] and is_running_text(paras[k + 1], rcfg["prose_min_words"])))):
            continue       # (a lede of one short sentence over the story's running text is its first paragraph)
        above = k - 1
        for _ in range(rcfg["bare_dateline_header_lines"]):   # the story's headline, byline and date line
            if above >= 0 and not is_running_text(paras[above], rcfg["prose_min_words"]) \
                    and len(paras[above].lines) == 1 and paras[above].words <= rcfg["headline_max_words"]:
                above -= 1
        host, story = window(range(above, -1, -1)), window(range(k + 1, len(paras)) if k else range(0))
        story |= content_words(p.text, ccfg["min_letters"])
        if not host or len(host & story) / max(1, len(host | story)) >= rcfg["bare_dateline_max_shared"]:
            continue
        out[k] = {"what": f"news dateline ({BARE_DATELINE})", "cue": "dateline", "outlet": None,
                  "who": None, "date": None, "date_text": None, "punct_only": False}
    return out
