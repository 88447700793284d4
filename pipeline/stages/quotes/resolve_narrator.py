"""Resolver helper: the narrator of 'I said', the document's named author or a narrator who names themself
(mixed into the pronoun resolver, `resolve_pronoun.py`)."""

from __future__ import annotations

import re
from typing import Any

from ...rules import declare

SPEAKER_NARRATOR = declare("quotes.speaker.narrator", stage="quotes",
        why="'I said' outside any structure is the document's named author (a byline) or the narrator who names themself ('My name is X'), else no one")

_SELF_NAMED = re.compile(r"(?<![\w'’])[Mm]y\s+name\s+(?:is|was)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")


class NarratorResolver:
    def narrator(self) -> dict[str, Any] | None:
        """The document's named author: a byline "By Jane Smith" among its first lines (`byline_pattern`),
        the name a person (PERSON-tagged or opening with a first name). None otherwise."""
        from ...quoting.gender import first_name

        if "_narrator" in self.__dict__:
            return self._narrator
        self._narrator = None
        rx = re.compile(self.cfg["byline_pattern"])
        if len({m.group("name") for m in (rx.match(u.bare) for u in self.units) if m}) > 1:
            return None   # several bylines (a forum thread, comments): whose "I" is not one author's
        for u in self.units[:12]:
            m = rx.match(u.bare)
            if not m:
                continue
            name = m.group("name").strip()
            s0 = u.start + u.text.find(name)
            if self.cfg["first_name_gender"] and first_name(name.split()[0]) is not None \
                    or name.lower() in self.finder.persons:
                self._narrator = self.span_rec(s0, s0 + len(name), name=name, type="person",
                                               rule=SPEAKER_NARRATOR)
            break
        else:
            self._narrator = self.self_named_narrator()
        return self._narrator

    def self_named_narrator(self) -> dict[str, Any] | None:
        """'My name is Tobiah Quell, and ...' in the narration (outside quotation marks): the narrator
        names themself, the one such name of the document (two, or one inside a quotation: no one)."""
        found = {}
        for m in _SELF_NAMED.finditer(self.text):
            pi = self.paragraph_of(m.start())
            if any(a <= m.start() < b for a, b in self._quoted_ranges(pi)):
                continue   # a character introducing themself speaks of their own "I", not the narrator's
            name = m.group("name")   # the phrase says a name follows: no name list needed, but no place or body
            low = name.lower().split()   # the small model tags unfamiliar names ORG: the phrase is the evidence
            if not any(w in self.finder.titles or w in self.finder.org_words or w in self.finder.outlet_words for w in low):
                found.setdefault(name.split()[-1].lower(), (m.start("name"), name))
        if len(found) != 1:
            return None
        s0, name = next(iter(found.values()))
        return self.span_rec(s0, s0 + len(name), name=name, type="person", rule=SPEAKER_NARRATOR)
