"""Who else is in the scene: a he/she found by the pronoun resolver is dropped when the scene of
dialogue holds a second person the pronoun fits and the text does not tell them apart (mixed into
the pronoun resolver, `resolve_pronoun.py`). Abstention only: these rules never name a speaker."""

from __future__ import annotations

from typing import Any

from ...rules import declare

SCENE_RIVAL = declare("quotes.speaker.scene_rival", stage="quotes",
        why="in a scene of dialogue, a pronoun whose nearest fitting name stands before another's turn, or an action "
            "beat's pronoun with one fitting name in the window, settles nothing when a second fitting person took part "
            "in the scene (named or speaking within scene_window paragraphs, no scene break between): no speaker",
        params=["scene_window", "pronoun_window"])


class SceneRivals:
    def scene_start(self, pi: int) -> int:
        """The first paragraph of the scene around paragraph pi as far as who is present goes:
        `scene_window` paragraphs back (more than the pronoun window: a person who spoke six
        paragraphs ago is still in the room), never over a scene break."""
        lo = max(0, pi - self.cfg["scene_window"])
        for pj in range(pi, lo - 1, -1):
            if self._scene_break(pj):
                return pj + 1
        return lo

    def _one_person(self, a: str, b: str) -> bool:
        """Two names of one person: as the turn resolver reads them (a shared surname, honorifics of one
        gender), or a one-word name that is a word of the other ("Ines" and "Ines Barreto")."""
        if self._same_person(a, b):
            return True
        (ba, ga), (bb, gb) = self._person_key(a), self._person_key(b)
        wa, wb = ba.split(), bb.split()
        return not (ga and gb and ga != gb) and (len(wa) == 1 and wa[0] in wb or len(wb) == 1 and wb[0] in wa)

    def scene_rival(self, own: int, pos: int, pronoun: str, name: str) -> bool:
        """A person other than `name` whom the pronoun fits took part in the scene of paragraph own
        before pos: named outside quotation marks with a fitting gender, or the speaker of a quotation
        there (of fitting or, in a scene of dialogue, unknown gender: a name the model tags PERSON
        without a gender may be a place, a speaker is a person)."""
        lo, dialogue = self.scene_start(own), self.in_dialogue(own, self.cfg["scene_window"])
        named = [n for pj in range(lo, own + 1) for s0, n in self.person_mentions(pj) if s0 < pos]
        spoke = [x.speaker["name"] for x in self.drafts if x.speaker and x.speaker.get("type") == "person"
                 and x.start < pos and lo <= x.para <= own]
        for other, may_be_unknown in [(n, False) for n in named] + [(n, dialogue) for n in spoke]:
            if self._one_person(other, name) or not self.gender_fits(other, pronoun):
                continue
            if self.person_gender(other) is not None or may_be_unknown:
                return True
        return False

    def turn_between(self, pi: int, own: int, name: str) -> bool:
        """A paragraph strictly between pi and own holds a quotation that is not `name`'s (no speaker or
        another's): a turn of dialogue passed on after the candidate spoke or acted."""
        return any(pi < x.para < own and x.parent is None and not (x.speaker and self._one_person(x.speaker.get("name") or "", name))
                   for x in self.drafts)

    def rival_blocks(self, d: Any, pi: int, own: int, name: str, pronoun: str) -> bool:
        """The nearest fitting name (in paragraph pi before the pronoun's paragraph own) is no answer
        when another's turn stands between and a second fitting person is in the scene
        ('"He asked me to burn them." / "You have read them, then." / "I have not!" she cried', two
        women present): the turn may have passed to either."""
        if pi == own or not self.in_dialogue(own, self.cfg["scene_window"]) or not self.turn_between(pi, own, name):
            return False
        if not self.scene_rival(own, d.pronoun["start"], pronoun, name):
            return False
        d.rules.append(SCENE_RIVAL)
        return True

    def beat_rival(self, d: Any, got: dict[str, Any] | None, pronoun: str) -> dict[str, Any] | None:
        """An action beat's he/she with one fitting name in the pronoun window: none when a second
        fitting person took part in the scene before it ("When he had gone, she put her mug down."
        with two women at the table, one of them last named five paragraphs back)."""
        if got is None or not self.scene_rival(d.para, d.pronoun["start"], pronoun, got["name"]):
            return got
        d.rules.append(SCENE_RIVAL)
        return None
