"""Values built from a config value (a lexicon, a table) once per loaded config, not once per call.

Why: config sections are plain dicts and lists, so ``functools.lru_cache`` cannot key on them; a
derived structure (a regex alternation, a word index) is kept with the object it came from, and
that object is held while cached so that its ``id`` is never reused for another.
"""

from __future__ import annotations

from typing import Any, Callable, TypeVar

T = TypeVar("T")
_CACHE: dict[tuple[int, str], tuple[Any, Any]] = {}
_MAX = 256   # configs loaded in one process (tests load many): past this the cache starts again


def derived(source: Any, name: str, build: Callable[[Any], T]) -> T:
    """``build(source)``, computed once per ``source`` object and ``name``."""
    key = (id(source), name)
    hit = _CACHE.get(key)
    if hit is None or hit[0] is not source:
        if len(_CACHE) >= _MAX:
            _CACHE.clear()
        hit = _CACHE[key] = (source, build(source))
    return hit[1]
