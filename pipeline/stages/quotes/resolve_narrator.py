"""Resolver helper: the narrator of 'I said', the document's named author or a narrator who names themself
(mixed into the pronoun resolver, `resolve_pronoun.py`)."""

from __future__ import annotations

import re
from typing import Any

from .registry import register
from ...rules import declare

SPEAKER_NARRATOR = declare("quotes.speaker.narrator", stage="quotes",
        why="'I said' outside any structure is the document's named author (a byline) or the narrator who names themself ('My name is X'), else no one")

SPEAKER_SELF_INTRODUCED = declare("quotes.speaker.self_introduction", stage="quotes",
        why="a quotation that opens 'I am NAME' / 'My name is NAME' is NAME's: the speaker names themself")

_SELF_NAMED = re.compile(r"(?<![\w'’])[Mm]y\s+name\s+(?:is|was)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
# "that I, Tobias Marchbank, clerk to ...": a name of two or three capitalised words in apposition to "I"
_I_NAMED = re.compile(r"(?<![\w'’])I,\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}),")
# the quoted words open with the speaker's own name: "I am Tobias Wren," / "I'm Jonah, by the way" / "My name is X."
_INTRO = re.compile(r"\s*(?:I\s+am|I['’]m|[Mm]y\s+name\s+is|[Mm]y\s+name['’]s)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
                    r"(?=\s*(?:[,.!;]|$))")


# "Nathaniel Brisco, sir, at your service.": the formula of a self-introduction after the name
_AT_SERVICE = re.compile(r"\s*(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}),\s+(?:(?:sir|madam|ma['’]am|miss|my\s+lady|my\s+lord),\s+)?"
                         r"at\s+your\s+service\b")


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
        """'My name is Tobiah Quell, and ...' or 'that I, Tobias Marchbank, clerk to ...' in the narration
        (outside quotation marks), or '"I am Tobias Wren," said I' (a quotation the narrator's "I" tags):
        the narrator names themself, one person (names that are parts of the longest one: "Wilhelmina"
        and "Wilhelmina Strand"); two people, or a name inside another speaker's quotation: no one."""
        found = []
        for rx in (_SELF_NAMED, _I_NAMED):
            for m in rx.finditer(self.text):
                pi = self.paragraph_of(m.start())
                if any(a <= m.start() < b for a, b in self._quoted_ranges(pi)):
                    continue   # a character introducing themself speaks of their own "I", not the narrator's
                found.append((m.start("name"), m.group("name")))
        for d in self.drafts:   # the narrator's own words, tagged "said I"
            if d.pronoun is not None and d.pronoun["pronoun"] == "i" and d.parent is None and d.kind == "inline":
                m = _INTRO.match(self.text, d.start, d.end)
                if m:
                    found.append((m.start("name"), m.group("name")))
        # the phrase says a name follows: no name list needed, but no place or body (the small model
        # tags unfamiliar names ORG: the phrase is the evidence)
        found = [(s0, n) for s0, n in found
                 if not any(w in self.finder.titles or w in self.finder.org_words or w in self.finder.outlet_words
                            for w in n.lower().split())]
        if not found:
            return None
        s0, name = max(found, key=lambda x: (len(x[1].split()), -x[0]))
        words = set(name.lower().split())
        if any(not set(n.lower().split()) <= words for _, n in found):
            return None   # two different people name themselves
        # a hard-wrapped page may break the name over a line ("I, Tobias / Marchbank,"): the span keeps it
        return self.span_rec(s0, s0 + len(name), name=" ".join(name.split()), type="person", rule=SPEAKER_NARRATOR)

    @register(SPEAKER_SELF_INTRODUCED, order=91)
    def self_introductions(self) -> None:
        """'"I'm Jonah, by the way," he said.': a quotation (not nested) whose words open with the
        speaker's own name after "I am" / "I'm" / "My name is" (or "NAME, sir, at your service") is that person's, whatever a pronoun
        resolved to; a named tag ("said Kit") is left as it is (the text then says both). A quotation
        before it that the beat between them made the same turn (`beat_after`) is that person's too."""
        for d in self.drafts:
            if d.kind != "inline" or d.parent is not None:
                continue
            m = _INTRO.match(self.text, d.start, d.end) or _AT_SERVICE.match(self.text, d.start, d.end)
            if not m or d.speaker is not None and d.speaker.get("rule") not in (None, SPEAKER_NARRATOR) \
                    and d.pronoun is None:
                continue
            name = m.group("name")
            if any(w in self.finder.titles or w in self.finder.org_words or w in self.finder.outlet_words
                   or w in self.finder.person_nouns for w in name.lower().split()):
                continue
            d.speaker = self.span_rec(m.start("name"), m.end("name"), name=name, type="person", rule=SPEAKER_SELF_INTRODUCED)
            d.rules.append(SPEAKER_SELF_INTRODUCED)
            from .resolve_turns import SPEAKER_BEAT_AFTER

            for a in self.drafts:   # '"..." He folded the paper. "My name is X."': the first quotation is the same turn
                if a is not d and a.para == d.para and a.end <= d.start and a.parent is None \
                        and SPEAKER_BEAT_AFTER in a.rules:
                    a.speaker = dict(d.speaker)
                    a.rules.append(SPEAKER_SELF_INTRODUCED)
