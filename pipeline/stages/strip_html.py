"""HTML structure rules for the strip stage: navigation, footers, asides and link lists.

Decides from what extract recorded for each block (ancestor tag/class/id tokens and the
share of its text inside links). Only blocks still labelled ``content`` are considered, so
the text rules' decisions (and their notices) stand.
"""

from __future__ import annotations

from typing import Any

from .strip import words

DEFAULT_TOKENS = ("nav", "footer", "aside", "menu", "breadcrumb", "breadcrumbs", "cookie", "sidebar", "share", "social")


def apply(ctx: Any, blocks: list[dict[str, Any]], texts: list[str], labels: list[tuple[str, str]], cfg: dict[str, Any]) -> None:
    tokens = set(cfg.get("boilerplate_context_tokens", DEFAULT_TOKENS))
    max_link_density = float(cfg.get("max_link_density", 0.6))
    for i, b in enumerate(blocks):
        if labels[i][0] != "content":
            continue
        ctx_tokens = set(b.get("context", []))
        if ctx_tokens & tokens:
            labels[i] = ("boilerplate", "strip.html.structure")
            continue
        n = len(texts[i].strip())
        if n and b.get("link_chars", 0) / n > max_link_density and words(texts[i]) < 40:
            labels[i] = ("boilerplate", "strip.html.link_density")
