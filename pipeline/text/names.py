"""Names: the honorifics before a person's name ("Mr", "Dr."), with the ``honorifics`` lexicon.

``honorific_prefix``: honorifics each followed by a full stop or a space ("Dr. Jane Roe",
"Mr Roe"). The quotes stage tells a titled name from its title with it; the corpus step drops
them to compare names across documents ("Mr. Berg" and "Berg" are one speaker).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable


# The corpus step's short list (it reads no stage's config): honorifics common to every register.
CORPUS_HONORIFICS = ("mr", "mrs", "ms", "miss", "dr", "prof", "sir", "col", "gen", "lt", "capt", "rev")


@lru_cache(maxsize=16)
def _prefix(honorifics: tuple[str, ...], tail: str) -> re.Pattern[str]:
    return re.compile(r"^(?:(?:" + "|".join(re.escape(t) for t in honorifics) + r")" + tail + r")+", re.IGNORECASE)


def honorific_prefix(honorifics: Iterable[str]) -> re.Pattern[str]:
    """Leading honorifics, each ending in a full stop (and space) or a space."""
    return _prefix(tuple(honorifics), r"(?:\.\s*|\s+)")
