"""Recall rules of the own HTML decider (``html_decide.py``): main text the running text's
element test leaves out although it belongs to the text.

- Code blocks: a ``pre`` under the running text's element is the text's (a tutorial's example),
  judged by the element's ancestors only, since the running text's own ``p`` is not a code
  block's; a listing longer than a screen (a pasted build log) is not.
- Siblings: running text in an element next to the text's element (a site builder's one ``div``
  per text block, an intro above the article's body) continues the text when nothing but a few
  short blocks stands between them.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ...rules import declare

OWN_CODE = declare("strip.html.own.code", stage="strip", kind="html",
        why="a code block under the running text's element is the text's example, unless a listing longer than a screen",
        params=["html.own.code_kinds", "html.own.code_max_lines", "html.own.container_share"])
OWN_SIBLING = declare("strip.html.own.sibling", stage="strip", kind="html",
        why="running text in an element next to the running text's element continues the text",
        params=["html.own.sibling_max_gap", "html.own.sibling_max_missing", "html.own.sibling_sides", "html.own.container_share"])

_TOKEN = re.compile(r"[a-z]+")


def _own_tokens(block: dict[str, Any]) -> frozenset[str]:
    """The tokens of the block's own element, as its tag path's last step shows them."""
    path = block.get("tag_path") or ""
    return frozenset(_TOKEN.findall(path.rsplit(">", 1)[-1].lower()))


def container_tokens(blocks: list[dict[str, Any]], sizes: list[int], running: list[bool], share: float,
                     ancestors_only: bool) -> frozenset[str]:
    """The tokens over at least ``share`` of the running text's characters (the running text's
    element); with ``ancestors_only``, not counting each block's own element."""
    total = sum(s for s, a in zip(sizes, running) if a)
    under: Counter[str] = Counter()
    for b, s, a in zip(blocks, sizes, running):
        if a:
            own = _own_tokens(b) if ancestors_only else frozenset()
            for t in b.get("context", ()):
                if t not in own:
                    under[t] += s
    return frozenset(t for t, c in under.items() if total and c >= share * total)


def code_blocks(blocks: list[dict[str, Any]], texts: list[str], sizes: list[int], running: list[bool],
                kept: list[bool], eligible: list[bool], cfg: dict[str, Any]) -> set[int]:
    """Code blocks (``code_kinds``) under the running text's ancestors, of at most
    ``code_max_lines`` non-blank lines, not yet kept; ``eligible``: neither links, furniture nor comments."""
    max_lines, kinds = int(cfg["code_max_lines"]), frozenset(cfg["code_kinds"])
    if not max_lines or not any(running):
        return set()
    tokens = container_tokens(blocks, sizes, running, float(cfg["container_share"]), True)
    return {i for i, b in enumerate(blocks)
            if not kept[i] and eligible[i] and b.get("kind") in kinds and tokens.issubset(b.get("context", ()))
            and 0 < sum(1 for line in texts[i].splitlines() if line.strip()) <= max_lines}


def siblings(blocks: list[dict[str, Any]], sizes: list[int], running: list[bool], kept: list[bool],
             inside: list[bool], prose: list[bool], stopper: list[bool], cfg: dict[str, Any]) -> set[int]:
    """Prose blocks outside the running text's element, before its first kept block or after its
    last (``sibling_sides``), each within ``sibling_max_gap`` blocks of kept or taken text; a block of links, furniture
    or comments stops the walk. A sibling lacks at most ``sibling_max_missing`` of the element's
    tokens: a sidebar or a related-posts list lies in another part of the page."""
    max_gap, max_missing = int(cfg["sibling_max_gap"]), int(cfg["sibling_max_missing"])
    idx = [i for i, (k, s) in enumerate(zip(kept, inside)) if k and s]
    if not max_gap or not idx or not any(running):
        return set()
    tokens = container_tokens(blocks, sizes, running, float(cfg["container_share"]), True)
    out: set[int] = set()
    sides = frozenset(cfg["sibling_sides"])
    for start, step in [(s, d) for side, s, d in (("before", idx[0] - 1, -1), ("after", idx[-1] + 1, 1)) if side in sides]:
        gap, i = 0, start
        while 0 <= i < len(blocks) and gap <= max_gap and not stopper[i]:
            if prose[i] and not inside[i] and len(tokens.difference(blocks[i].get("context", ()))) <= max_missing:
                out.add(i)
                gap = 0
            elif sizes[i]:
                gap += 1
            i += step
    return out
