"""Addressed speakers: a quotation that addresses a person by name or title at the start or end of
its words, set off by a comma ("Doctor, the pump has stopped." / "You are late, Tomasz.") is spoken
to that person, never by them. Checked once over every resolved speaker (action beat, continuity,
pronoun, tag): a speaker the quotation addresses is dropped (no guess at the other person)."""

from __future__ import annotations

import re
from typing import Any

from ...rules import declare

SPEAKER_ADDRESSED = declare("quotes.speaker.addressed", stage="quotes",
        why="a quotation whose words address a person by name or title (a vocative set off by a comma at "
            "their start or end) is spoken to that person, not by them: that speaker is dropped")
_WORD = r"[A-Z][\w'’.-]*"
LEADING = re.compile(rf"^\W*(?P<v>{_WORD}(?:\s+{_WORD}){{0,2}})\s*,\s")
TRAILING = re.compile(rf",\s*(?P<v>{_WORD}(?:\s+{_WORD}){{0,2}})\W*$")


class AddressResolver:
    def addressed_forms(self, name: str) -> set[str]:
        """The forms a person named `name` is addressed by: each name word, the honorific with the
        surname, the title noun an abbreviated title stands for ("Dr." -> doctor), lower case."""
        words = [w.strip(",") for w in name.split() if w.strip(",")]
        while words and words[0].lower() in ("the", "a", "an", "his", "her", "my", "our", "their"):
            words.pop(0)   # "the doctor" is addressed as "Doctor"
        hon = self.finder.honorifics
        abbrev = {k.lower().rstrip("."): v.lower() for k, v in self.cfg["title_abbreviations"].items()}
        forms: set[str] = set()
        lead = []
        while words and words[0].lower().rstrip(".") in hon:
            lead.append(words.pop(0))
        if not words:
            return forms
        forms.update(w.lower() for w in words if w.lower() not in ("the", "a", "an", "his", "her", "my", "our", "their"))
        forms.add(" ".join(words).lower())
        for h in lead:
            key = h.lower().rstrip(".")
            forms.add(f"{key} {words[-1].lower()}")
            forms.add(key if key not in abbrev else abbrev[key])   # "Doctor" for "Dr. Sastri", "Captain"
        return forms

    def addresses(self, quoted: str, name: str) -> bool:
        forms = self.addressed_forms(name)
        if not forms:
            return False
        for rx in (LEADING, TRAILING):
            m = rx.search(quoted)
            if m is None:
                continue
            v = " ".join(w.rstrip(".").lower() for w in m.group("v").split())
            words = v.split()
            if v in forms or (len(words) == 2 and words[0] in self.finder.honorifics and " ".join(words) in forms):
                return True
        return False

    def drop_addressed_speakers(self) -> None:
        from .resolve_narrator import SPEAKER_SELF_INTRODUCED

        for d in self.drafts:
            sp = d.speaker
            if sp is None or sp.get("type") not in ("person", "description") or not sp.get("name") \
                    or sp.get("rule") == SPEAKER_SELF_INTRODUCED:
                continue   # "Nathaniel Brisco, sir, at your service": the name opening a self-introduction is no vocative
            if self.addresses(self.text[d.start:d.end].strip('"'), sp["name"]):
                d.speaker = None
                d.rules.append(SPEAKER_ADDRESSED)
