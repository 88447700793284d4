"""Editors' requests that stand in for a missing section (``strip.section_stub_request``).

A wiki or draft page leaves a section it has not written with a heading and a single
instruction to editors: "Goltz account" / "Add the account from his diary." The request is
recognised by its shape, not its words: the only line of its section (a heading above it, a
heading or the end below it), opening with an editing imperative, and naming its section
(it repeats a word of the heading). A recipe's "Add the flour" under "Method" does not name
its heading and is followed by more steps, so it stays.
"""

from __future__ import annotations

from typing import Any, Callable

from ...text import words
from ...rules import declare

# the rules this module applies: declared once here, used through these constants
SECTION_STUB_REQUEST = declare("strip.section_stub_request", stage="strip",
        why="an 'Add ...' request alone under a heading it names stands in for a missing section",
        params=["section_stub"])

_WORD = words.LETTERS


def apply(texts: list[str], labels: list[tuple[str, str]], is_heading: Callable[[int], bool],
          cfg: dict[str, Any]) -> None:
    if not cfg["enabled"]:
        return
    verbs = frozenset(v.casefold() for v in cfg["verbs"])
    max_words = int(cfg["max_words"])
    kept = [i for i, (lab, _) in enumerate(labels) if lab == "content"]
    for pos, i in enumerate(kept):
        ws = [w.casefold() for w in _WORD.findall(texts[i])]
        if ws[:1] == ["please"]:
            ws = ws[1:]
        if not ws or ws[0] not in verbs or len(ws) > max_words or pos == 0:
            continue
        above = kept[pos - 1]
        below = kept[pos + 1] if pos + 1 < len(kept) else None
        if not is_heading(above) or is_heading(i) or (below is not None and not is_heading(below)):
            continue
        named = {w.casefold() for w in _WORD.findall(texts[above]) if len(w) >= 4} - verbs
        if named & set(ws[1:]):
            labels[i] = ("boilerplate", SECTION_STUB_REQUEST)
