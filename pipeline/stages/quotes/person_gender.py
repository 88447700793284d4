"""A person's gender for the pronoun rules: honorific, first name, the narration's words, or what an
earlier he/she resolved to this person alone said (split from resolve_pronoun, which uses it)."""

from __future__ import annotations

from typing import Any


class PersonGender:
    """Mixin of the Builder: reads self.cfg, self.finder, self.text and self.gender_honorifics."""

    def person_gender(self, name: str) -> str | None:
        """A person's gender: honorific, first name, else what an earlier he/she that resolved to this
        person alone said (`learned`, by surname)."""
        from ...quoting.gender import described_genders, name_gender, surname_gender

        g = name_gender(name, self.gender_honorifics, self.cfg["first_name_gender"])
        bare = self.finder.title_re.sub("", name).split()
        last = bare[-1:]
        if g is None and len(bare) == 1:
            g = surname_gender(bare[0], self.text, set(self.finder.titles) | self.finder.honorifics, self.cfg["first_name_gender"])
        if g is None and last:
            if "_described" not in self.__dict__:   # "a tall man called Osei": the narration's word for the person
                self._described = described_genders(self.text, self.cfg["gender_nouns"])
            g = self._described.get(last[0].lower())
        if g is None and last:   # "Mrs. Sastri" or "her sister Ananya" elsewhere in the text
            from ...quoting.gender import text_genders

            if "_text_genders" not in self.__dict__:
                self._text_genders = text_genders(self.text, self.gender_honorifics)
            words = self.finder.title_re.sub("", name).split()   # by its first name, else its surname
            g = (self._text_genders.get(words[0].lower()) or self._text_genders.get(words[-1].lower())) if words else None
        if g is None:
            g = self.__dict__.setdefault("learned", {}).get(last[0].lower() if last else "")
        return g

    def gender_fits(self, name: str, pronoun: str) -> bool:
        from ...quoting.gender import pronoun_gender

        want = pronoun_gender(pronoun)
        got = self.person_gender(name)
        return want is None or got is None or got == want

    def mistagged_name(self, t: Any) -> bool:
        """'Winifred read it twice', 'Cecily got up': a capitalised subject the small model tags ADJ or
        NOUN (or ADV, names in -ly, modifying the verb right after it) is a first name when the name list knows it and the document never writes the word in lower case (a
        common word used as a name, "Hope", would appear so somewhere; a name does not)."""
        from ...quoting.gender import first_name

        if t.dep_ != "nsubj" and not (t.dep_ == "advmod" and t.head.i == t.i + 1 and t.head.pos_ == "VERB") \
                or t.pos_ not in ("ADJ", "NOUN", "X", "ADV") or not t.is_alpha or t.ent_type_ not in ("", "PERSON") \
                or not self.cfg["first_name_gender"] or first_name(t.text) is None:
            return False
        lower = self.lower_words()
        return t.lower_ not in lower
