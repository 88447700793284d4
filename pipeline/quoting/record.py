"""The speaker a cue gives: a name (or pronoun, or description) with its span, type and rule."""

from __future__ import annotations

from dataclasses import dataclass

PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "organisation", "we": "any", "i": "self"}


@dataclass
class Speaker:
    name: str
    start: int
    end: int
    type: str
    rule: str
    pronoun: str | None = None
    cue: tuple[str, int, int] | None = None
