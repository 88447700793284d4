"""The literal text a regular expression cannot match without: a cheap, exact pre-check.

Why: most of the strip stage's block-rule time went to regular expressions searched over
blocks they cannot match (a cookie rule over a heading). Every match of a pattern contains one
of its *needles* (read from the parsed pattern: a run of literal characters every match must
pass through, or one per branch of an alternation), so a block whose case-folded text holds
none of them is skipped without running the pattern. Comparisons are case-insensitive, which
only ever lets more blocks through; the four non-ASCII letters that ``re`` matches to ASCII
ones under ``(?i)`` are folded first (``FOLD``), so no match is ever skipped.
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

# non-ASCII characters that re's case-insensitive matching equates with ASCII letters
FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _worth_checking(run: str) -> bool:
    """A letter or digit alone occurs in nearly every block; a symbol alone ("©") seldom does."""
    return len(run) >= 2 or (len(run) == 1 and not run.isalnum() and not run.isspace())


def fold(text: str) -> str:
    """The text the needles are looked for in."""
    return (text if text.isascii() else text.translate(FOLD)).lower()


def needles(patterns: list[str] | tuple[str, ...]) -> tuple[str, ...] | None:
    """Strings one of which occurs (case-folded) in any match of any of ``patterns``; None when
    some pattern has no such guarantee (then it must always run)."""
    out: list[str] = []
    for p in patterns:
        try:
            found = _required(list(_parser.parse(p)))
        except Exception:  # noqa: BLE001 - re's private parser changed: no pre-check, the pattern always runs
            return None
        if found is None:
            return None
        out.extend(found)
    return tuple(dict.fromkeys(out))


def _caseless_safe(code: int) -> bool:
    """A literal we may compare case-folded: ASCII, or a character without case."""
    ch = chr(code)
    return code < 128 or ch.lower() == ch.upper() == ch


def _required(seq: list[tuple[Any, Any]]) -> list[str] | None:
    """Needles of a parsed sequence: the best of its items' (a literal run, a group, a repeat
    taken at least once, an alternation whose every branch has needles)."""
    options: list[list[str]] = []
    run: list[str] = []
    for op, av in seq + [(None, None)]:
        if op is C.LITERAL and _caseless_safe(av):
            run.append(chr(av).lower())
            continue
        if run and _worth_checking("".join(run)):
            options.append(["".join(run)])
        run = []
        found = None
        if op is C.SUBPATTERN:
            found = _required(list(av[-1]))
        elif op is C.ATOMIC_GROUP:
            found = _required(list(av))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
            found = _required(list(av[2]))
        elif op is C.BRANCH:
            branches = [_required(list(b)) for b in av[1]]
            if all(b is not None for b in branches):
                found = [n for b in branches for n in b]  # type: ignore[union-attr]
        if found:
            options.append(found)
    if not options:
        return None
    return max(options, key=lambda ns: (min(len(n) for n in ns), -len(ns)))


def may_match(needles_: tuple[str, ...] | None, folded: str) -> bool:
    if needles_ is None:
        return True
    for n in needles_:  # a plain loop: any() over a generator costs more than the checks
        if n in folded:
            return True
    return False
