"""GOLD_FORMAT.md's comparison form and the tests on it (substring, whole words)."""

from __future__ import annotations

import re
import unicodedata


# --------------------------------------------------------------------------- normalisation
_DOUBLE = "“”„‟«»″"
_SINGLE = "‘’‚‛`´′"
_DASHES = "‐‑‒–—―−"
_TABLE = {**{ord(c): '"' for c in _DOUBLE}, **{ord(c): "'" for c in _SINGLE},
          **{ord(c): "-" for c in _DASHES}, ord("…"): "..."}
_SPACE = re.compile(r"\s+")


def normalise(text: str | None) -> str:
    """GOLD_FORMAT.md's comparison form: NFKC, one double quote, one apostrophe, one dash,
    `...`, single spaces, case-folded. The mark table is applied before and after NFKC, so
    that marks NFKC would decompose (``″`` to two primes, ``´`` to a space and an accent)
    still become the listed character."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text.translate(_TABLE)).translate(_TABLE)
    return _SPACE.sub(" ", text).strip().casefold()


def occurs(fragment: str | None, text: str | None) -> bool:
    """A fragment occurs in a text when its normalised form is a substring of the text's."""
    frag = normalise(fragment)
    return bool(frag) and frag in normalise(text)


def contains_words(name: str | None, wanted: str) -> bool:
    """``name`` contains ``wanted`` as whole words (after normalisation)."""
    w = normalise(wanted)
    return bool(w) and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", normalise(name)) is not None
