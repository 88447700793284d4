"""Names: the honorifics before a person's name ("Mr", "Dr."), with the ``honorifics`` lexicon.

Two prefix patterns, for two readers:

- ``honorific_prefix``: honorifics each followed by a full stop or a space ("Dr. Jane Roe",
  "Mr Roe"): the quotes stage tells a titled name from its title with it.
- ``leading_honorifics``: honorifics with an optional full stop and optional space: the corpus
  step drops them to compare names across documents ("Mr. Berg" and "Berg" are one speaker).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable


# The corpus step's own short list, kept apart from the ``honorifics`` lexicon on purpose: with its
# loose pattern (no space needed after the honorific) the lexicon's "Fr" would eat "Francois";
# joining the two needs a word boundary, which changes how speakers merge (a behaviour change).
CORPUS_HONORIFICS = ("mr", "mrs", "ms", "miss", "dr", "prof", "sir", "col", "gen", "lt", "capt", "rev")


@lru_cache(maxsize=16)
def _prefix(honorifics: tuple[str, ...], tail: str) -> re.Pattern[str]:
    return re.compile(r"^(?:(?:" + "|".join(re.escape(t) for t in honorifics) + r")" + tail + r")+", re.IGNORECASE)


def honorific_prefix(honorifics: Iterable[str]) -> re.Pattern[str]:
    """Leading honorifics, each ending in a full stop (and space) or a space."""
    return _prefix(tuple(honorifics), r"(?:\.\s*|\s+)")


def leading_honorifics(honorifics: Iterable[str]) -> re.Pattern[str]:
    """Leading honorifics, each with an optional full stop and optional space."""
    return _prefix(tuple(honorifics), r"\.?\s*")


def drop_honorifics(name: str, honorifics: Iterable[str]) -> str:
    """``name`` without its leading honorifics (``leading_honorifics``)."""
    return leading_honorifics(honorifics).sub("", name)
