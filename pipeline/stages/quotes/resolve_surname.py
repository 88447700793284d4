"""Shared surnames: a speaker named by a bare surname that two or more people of the document carry
("Her daughter, Sakura Oyama-Falk" beside "Ingrid Oyama-Falk"; two unrelated councilmembers Torres)
does not say which of them spoke. Checked once over every resolved speaker: such a speaker is
dropped (no guess at the main subject); an honorific ("Ms. Torres") or a first name keeps it."""

from __future__ import annotations

from ...rules import declare

# what may differ between a paragraph's text and a name's word read from it: case, "'s" cut out
_LOOSE = str.maketrans("", "", "\u2019's")


def loose(text: str) -> str:
    """text case-folded without apostrophes and the letter s: a word of a name read from a text
    (case aside, "'s" dropped) is, so reduced, a substring of the text so reduced."""
    return text.casefold().translate(_LOOSE)

SPEAKER_SHARED_SURNAME = declare("quotes.speaker.shared_surname", stage="quotes",
        why="a bare surname that several people of the document carry does not say which of them spoke: the speaker is dropped")


class SharedSurnameResolver:
    def shared_surnames(self, wanted: set[str]) -> set[str]:
        """Of the surnames `wanted` (lower case), those that full names opening with different first
        names end in, in the narration ("Farmer Gethin X" and "Gethin X" are one person; "Tribune
        Lund" names none). Only paragraphs whose text holds one of them are read (and parsed, in one
        batch): a name's words are the paragraph's, and only full names of two words or more count,
        which the persons found by the paragraphs parsed so far never give."""
        from ...quoting.gender import first_name

        names: dict[str, set[str]] = {}
        lead = self.finder.honorifics | set(self.finder.titles)
        keys = {loose(w) for w in wanted}
        holding = [pi for pi, t in enumerate(self.docs.texts) if any(k in loose(t) for k in keys)]
        self.docs.parse_all(holding)
        for pi in holding:
            for _, name in self.person_mentions(pi):
                words = [w for w in name.replace("’s", "").replace("'s", "").split()
                         if w.lower().rstrip(".") not in lead]
                if len(words) >= 2 and all(w[:1].isupper() for w in words) and first_name(words[0]) is not None:
                    names.setdefault(words[-1].lower(), set()).add(" ".join(words).lower())
        shared = set()
        for surname, full in names.items():
            # "Rosa Maria Delgado" and "Maria Delgado" may be one person: only names neither of which ends the other
            distinct = [n for n in full if not any(m != n and m.endswith(" " + n) for m in full)]
            if len({n.split()[0] for n in distinct}) >= 2:
                shared.add(surname)
        return shared

    def drop_shared_surnames(self) -> None:
        bare = [d for d in self.drafts if d.speaker is not None and d.speaker.get("type") == "person"
                and d.speaker.get("name") and len(d.speaker["name"].split()) == 1]
        if not bare:
            return
        shared = self.shared_surnames({d.speaker["name"].lower() for d in bare})
        for d in bare:
            if d.speaker["name"].lower() in shared:
                d.speaker = None
                d.rules.append(SPEAKER_SHARED_SURNAME)
