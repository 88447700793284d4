"""Resolver: he/she/it/they speakers to the nearest compatible named antecedent, or none."""

from __future__ import annotations

import re
from typing import Any

from .draft import TERMINAL, Draft
from .registry import register
from .person_gender import PersonGender
from .resolve_narrator import NarratorResolver
from .resolve_scene import SPEAKER_REPLY
from ...rules import declare
from ...text import sentences

_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")   # a word written in lower case

# the rules this module applies: declared once here, used through these constants
SPEAKER_REPORTED = declare("quotes.speaker.reported", stage="quotes",
        why="a speaker named in reported speech around the quotation")
SPEAKER_PRONOUN = declare("quotes.speaker.pronoun", stage="quotes",
                          why="a pronoun speaker is the one compatible named person before it, else none",
                          params=["unknown_gender_pronouns", "place_heads"])


def _same_person(a: str, b: str) -> bool:
    """Two names of one person: the same last word ("Henrik Vasquez-Lund", "Vasquez-Lund")."""
    wa, wb = a.split(), b.split()
    return bool(wa and wb) and wa[-1].lower() == wb[-1].lower()


class PronounResolver(NarratorResolver, PersonGender):
    @register(SPEAKER_PRONOUN, order=90)
    def resolve_pronouns(self) -> None:
        from ...quoting.speakers import PRONOUNS  # noqa: F401

        self.drafts.sort(key=lambda d: (d.start, -d.end))
        history: list[tuple[int, dict[str, Any]]] = []   # (paragraph, named speaker)
        window = self.cfg["pronoun_window"]
        reported = self.reported_speakers()
        for d in self.drafts:
            while reported and reported[0][0] < d.start:
                history.append(reported.pop(0)[1:])
            if d.pronoun is not None:
                pr = d.pronoun["pronoun"]
                want = {"he": "person", "she": "person", "it": "organisation", "they": "organisation"}.get(pr)
                found, own = None, None
                if pr in ("i", "we") and d.parent is not None and d.parent.speaker:
                    found = d.parent.speaker
                elif pr == "i" and d.parent is None:
                    found = self.first_person_writer(d)   # the writer of the article, comment or post it stands in
                    own = found.get("rule") if found is not None else None   # comment author or narrator: its rule made the speaker
                elif want == "person" and d.pronoun.get("strict"):
                    found, want = self.only_compatible_person(d, pr), None   # an action beat's he/she
                elif want == "person":
                    found, stop = self.antecedent_in_sentence(d.pronoun["start"])
                    if found is not None and not self.gender_fits(found["name"], pr):
                        found = None
                    if stop:
                        want = None  # "told a guy on a plane ..., he responded": an unnamed antecedent
                    elif found is None and pr in ("he", "she"):
                        found = self.nearest_compatible_person(d, pr, history)
                        want = None   # one compatible person or none: no fallback to a mere earlier speaker
                if want and found is None:
                    for para, sp in reversed(history):
                        if d.para - para > window or para < self.window_start(d.para):
                            break
                        if sp["type"] == want or (want == "organisation" and sp["type"] == "outlet"):
                            found = sp
                            break
                    if found is None and want == "person":
                        found = self.sole_person_before(d)
                if pr not in ("i", "we") and self.other_voice(d, found):
                    found = None   # another writer's person (quotes.speaker.voice_boundary)
                if found is not None and pr not in ("i", "we") and d.parent is not None and d.parent.speaker \
                        and d.parent.start <= d.pronoun["start"] < d.parent.end \
                        and _same_person(found["name"], d.parent.speaker["name"]):
                    found = None   # inside X's words, "he"/"she" is someone else: X says "I"
                if found is not None and pr in ("he", "she") and found.get("type") == "person":
                    from ...quoting.gender import pronoun_gender

                    words = self.finder.title_re.sub("", found["name"]).split()
                    if words and self.person_gender(found["name"]) is None:
                        self.__dict__.setdefault("learned", {})[words[-1].lower()] = pronoun_gender(pr)
                if found is not None:
                    d.speaker = {**{k: found[k] for k in ("name", "type", "start", "end", "raw_start", "raw_end")},
                                 "rule": own or SPEAKER_PRONOUN, "pronoun": {k: d.pronoun[k] for k in
                                                                            ("start", "end", "raw_start", "raw_end")} | {"text": d.pronoun["name"]}}
                    d.rules.append(SPEAKER_PRONOUN)
                    if own and own not in d.rules:
                        d.rules.append(own)
                    if found.get("rule") == SPEAKER_REPLY:
                        d.rules.append(SPEAKER_REPLY)
            if d.speaker is not None and d.speaker.get("type") in ("person", "organisation", "outlet"):
                history.append((d.para, d.speaker))

    def person_mentions(self, pi: int) -> list[tuple[int, str]]:
        """(offset, name) of the persons named in paragraph pi outside quotation marks: PERSON
        entities and the document's known person names (surnames the model tags otherwise)."""
        cache = self.__dict__.setdefault("_mentions", {})
        if pi in cache:
            return cache[pi]
        doc, base = self.docs[pi], self.paragraphs[pi]["start"]
        quoted = self._quoted_ranges(pi)
        # the words of a block quotation, letter or interview are the speaker's, not the narrative's
        quoted += [(d.start, d.end) for d in self.structures_at.get(self.region(base), ()) if d.kind != "inline"]   # those over pi
        quoted += self.header_lines(pi)   # a post's or review's header names its writer, no one spoken of
        from ...quoting.gender import first_name
        out: list[tuple[int, str]] = []
        seen: set[int] = set()
        for e in doc.ents:
            if e.label_ == "PERSON" and "\n" not in e.text and not re.search(r"[/|@]", e.text) and not self.placed_entity(e) \
                    and not (e.root.dep_ in ("compound", "amod") and e.root.head.i >= e.end
                             and e.root.head.pos_ in ("NOUN", "PROPN")):
                # a name modifying a noun ("the Alice McCall Mysteria Midi Dress") is a brand, not a person here
                ts = list(e)
                k = e.start - 1     # a first name the model left out of the entity ("Ana [Lucia Torres]") is the name's
                while k >= 0 and doc[k].pos_ == "PROPN" and doc[k].dep_ == "compound" and e.start <= doc[k].head.i < e.end \
                        and doc[k].text[:1].isupper() and first_name(doc[k].text) is not None \
                        and doc[k].lower_.rstrip(".") not in self.finder.titles \
                        and doc[k].lower_.rstrip(".") not in self.finder.honorifics:   # "Judge" is a title here
                    ts.insert(0, doc[k])
                    k -= 1
                # the honorific before the name tells two Pembertons apart
                while k >= 0 and doc[k].lower_.rstrip(".") in self.finder.honorifics:
                    ts.insert(0, doc[k])
                    k -= 1
                while ts[-1].i + 2 < len(doc) and ts[-1].whitespace_ == "" and doc[ts[-1].i + 1].text == "-" \
                        and doc[ts[-1].i + 1].whitespace_ == "" and doc[ts[-1].i + 2].is_alpha:
                    ts += [doc[ts[-1].i + 1], doc[ts[-1].i + 2]]   # "Hyun-ah" tagged "Hyun": the name is the whole word
                s0 = base + ts[0].idx
                if not any(a <= s0 < b for a, b in quoted):
                    out.append((s0, doc.text[ts[0].idx:ts[-1].idx + len(ts[-1])]))
                    seen.update(t.i for t in ts)
        from ...quoting.gender import first_name

        lead = self.finder.honorifics | set(self.finder.titles) | set(self.gender_honorifics)   # "Aunt Ines" tagged ORG: Ines
        ents = [e[1:] if e[0].pos_ == "DET" else e for e in doc.ents]   # "the Squire": the article opens no name
        mid_body = {i for e in ents if len(e) >= 2 and e.label_ in ("ORG", "GPE", "FAC", "LOC", "PRODUCT")
                    and e[0].lower_.rstrip(".") not in lead for i in range(e.start + 1, e.end)}   # "Valley Line Coaches": no "Line"
        k = 0
        while k < len(doc):   # names the small model misses: a run of proper nouns opening with a first name
            t = doc[k]
            if t.i in seen or t.i in mid_body or not t.text[:1].isupper() or t.pos_ != "PROPN" and not self.mistagged_name(t):
                k += 1
                continue
            j = k
            while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and doc[j + 1].text[:1].isupper() \
                    and doc[j + 1].i not in seen and j - k < 3 and not doc[j].whitespace_ == "":
                j += 1
            modifier = any(doc[x].dep_ == "compound" and doc[x].head.i > j and doc[x].head.pos_ in ("NOUN", "PROPN")
                           for x in range(k, j + 1))   # "Alice McCall Mysteria Ruffled Midi Dress": a brand
            # a lone first name in any role ("I found Tomasz on the wall"), unless the model tags it a place or body
            lone_ok = t.ent_type_ in ("", "PERSON") and t.lower_ not in self.finder.non_persons \
                and t.dep_ != "pobj"   # "flew to Florence": after a preposition a first name is as often a place
            # "Paris Baguette": a run opening with a word the document tags as a place is no name
            placed = j > k and t.ent_type_ in ("GPE", "LOC", "FAC") and t.lower_ in self.finder.non_persons
            # "his cousin Hugo": a name in apposition to a person noun, whatever the model's tag
            named = t.dep_ == "appos" and t.head.lower_ in self.finder.person_nouns | set(self.cfg["gender_nouns"])
            # "Stanley Street", "the Kestrel Museum": a run ending in a place's or body's head noun names no person
            placed = placed or j > k and doc[j].lower_ in self.place_heads() \
                or k > 0 and doc[k - 1].pos_ == "DET"   # "the Squire", "a Boston fund": an article opens no first name
            if (j > k or t.dep_ == "nsubj" or lone_ok or named) and not modifier and not placed and self.cfg["first_name_gender"] \
                    and first_name(t.text) is not None:
                s0 = base + t.idx
                if not any(a <= s0 < b for a, b in quoted):
                    out.append((s0, doc.text[t.idx:doc[j].idx + len(doc[j])]))
                    seen.update(range(k, j + 1))
            # "Superintendent Marcus X": a run opening with no first name may hold a name after its first word
            k = j + 1 if k in seen or j == k or first_name(t.text) is not None \
                or t.lower_.rstrip(".") in self.finder.honorifics else k + 1   # "Mr Aldous": the honorific's own rule below
        # a word of a body's name of two or more words ("Zettler Digital") is not its namesake person
        in_body = {i for e in doc.ents if len(e) >= 2 and e.label_ in ("ORG", "GPE", "FAC", "NORP", "LOC", "PRODUCT")
                   and e[0].lower_.rstrip(".") not in self.finder.honorifics   # "Ms Chaudhary-Lane" tagged ORG: a person
                   for i in range(e.start, e.end)}
        persons, runs = self.finder.persons | self.single_names(), self.run_surnames()
        for t in doc:
            s0 = base + t.idx
            alone = not (t.i and doc[t.i - 1].pos_ == "PROPN" and doc[t.i - 1].text[:1].isupper()
                         and doc[t.i - 1].lower_.rstrip(".") not in self.finder.honorifics)   # "Ms X" is X alone
            if t.i not in seen and (t.pos_ == "PROPN" or t.text[:1].isupper() and t.pos_ in ("NOUN", "INTJ", "ADJ", "X")) \
                    and (t.lower_ in persons or t.lower_ in runs and alone) and t.i not in in_body \
                    and t.lower_ not in self.place_heads() \
                    and not any(a <= s0 < b for a, b in quoted):
                prev = doc[t.i - 1] if t.i else None
                name = t.text if prev is None or prev.lower_.rstrip(".") not in self.finder.honorifics \
                    else doc.text[prev.idx:t.idx + len(t)]
                out.append((s0 if name == t.text else base + prev.idx, name))
        out.sort()
        cache[pi] = out
        return out

    def place_heads(self) -> set[str]:
        """Head nouns that end the name of a place, building, body or publication, never a person's
        (built once per document: it is read for every capitalised word)."""
        heads = self.__dict__.get("_place_heads")
        if heads is None:
            heads = self._place_heads = set(self.cfg["place_heads"]) | set(self.cfg["outlet_body_heads"]) \
                | self.finder.org_words | self.finder.outlet_words
        return heads

    def single_names(self) -> set[str]:
        """One-word names the model tags PERSON in the parsed paragraphs ("Inspector Haldane" gives
        "Haldane"), more often than anything else, never written in lower case in the document (a
        common word tagged once as a name would be): persons where the parser later reads the word
        as a noun ("Haldane glanced at his sergeant")."""
        if "_single_names" in self.__dict__:
            return self._single_names
        votes: dict[str, list[int]] = {}
        for _, doc in self.docs.parsed():
            for e in doc.ents:
                if len(e) == 1 and e.text[:1].isupper() and e.text.isalpha():   # "the Dailylook box": a brand
                    brand = e.root.dep_ == "compound" and e.root.head.i >= e.end
                    votes.setdefault(e.text.lower(), [0, 0])[e.label_ != "PERSON" or brand] += 1
        lower = self.lower_words()
        self._single_names = {w for w, (yes, no) in votes.items() if yes > no and w not in lower
                              and w not in self.finder.non_persons and w not in self.finder.honorifics}
        return self._single_names

    def lower_words(self) -> set[str]:
        """The words the document writes in lower case, read once per document: a word seen so is a
        common word, not a name (``setdefault`` would scan the whole text on every call)."""
        if "_lower_words" not in self.__dict__:
            self._lower_words = set(_LOWER_WORD.findall(self.text))
        return self._lower_words

    def nearest_compatible_person(self, d: Any, pronoun: str, history: list[Any]) -> dict[str, Any] | None:
        """The nearest paragraph (this one first, before the pronoun) that names a person whose
        gender (honorific, first name; unknown fits both) fits the pronoun decides: its one fitting person, or, of
        several, none: no guess."""
        from ...quoting.gender import pronoun_gender

        want = pronoun_gender(pronoun)
        pos = d.pronoun["start"]
        own = self.paragraph_of(pos)   # the pronoun's paragraph (a block's cue line is before the block)
        for pi in range(own, self.window_start(own) - 1, -1):
            ptext = self.text[self.paragraphs[pi]["start"]:self.paragraphs[pi]["end"]].strip()
            if pi != own and (len(ptext.split()) < 6 and not self.spans_by_para.get(pi) or ptext[-1:] not in TERMINAL):
                continue  # a credit or caption line ("Amr Dalsh / Reuters") is no antecedent; a short turn of dialogue is one
            people: dict[tuple[str, str | None], tuple[int, str]] = {}
            for s0, name in self.person_mentions(pi):
                if s0 >= pos:
                    continue
                g = self.person_gender(name)
                key = (name.split()[-1].lower().strip(".,"), g if name.split()[0].lower().rstrip(".") in self.finder.honorifics else None)
                if key not in people or len(name) > len(people[key][1]):
                    people[key] = (s0, name)
            # a bare surname joins the gendered names with that surname ("Aldous" beside Mr and Mrs
            # Aldous is one of them, not a third person)
            for (sur, hg) in [k for k in people if k[1] is None]:
                gendered = [k for k in people if k[0] == sur and k[1] is not None]
                if gendered:
                    people.pop((sur, None))
            fits = []
            for (sur, hg), (s0, name) in sorted(people.items(), key=lambda kv: kv[1]):
                g = hg or self.person_gender(name)
                if want is None or g is None or g == want:
                    fits.append((g == want, s0, name))
            if not fits:
                if pi == own and self.unknown_subject_before(pi, pos):
                    role = self.role_subject(pi, pos)   # "The council leader said ... she added": her, if named so
                    if role is not None and self.gender_fits(role["name"], pronoun):
                        return role
                    # "Christen received ...; she shared": a subject the model cannot name is nearer
                    return self.beat_antecedent(pi, pos, pronoun)[1]   # "My uncle winked.": him, if named so
                decided, got = self.beat_antecedent(pi, pos, pronoun) if pi == own else (False, None)
                if decided:
                    return got   # 'A porter came out. "...?" he called': the unnamed porter is nearer
                if pi != own and self.unknown_subject_before(pi, pos, want):
                    # "A young man came in. ... 'Is this seat taken?' he asked": the unnamed man is nearer;
                    # "My uncle winked at me." names him if the text introduced him so ("my uncle Bartholomew")
                    return self.described_subject(pi, pos, pronoun)
                continue
            pick = fits[0] if len(fits) == 1 else None   # several fit: no speaker (no guess)
            if pick is None:
                return None
            known, s0, name = pick
            if self.indefinite_speaker_between(own, s0 + len(name) if pi == own else -1, pos):
                return None   # 'At X Hall, a nurse said ... "...," she said': the unnamed nurse is nearer
            if not known and want is not None and not self.cfg["unknown_gender_pronouns"]:
                return None   # "Dr. Ananya Sastri": a name the text gives no gender takes no he/she
            if self.pronoun_commands(pi, s0, pronoun, d.pronoun["start"]):
                return None   # "He offered one to Kessler": that "he" is another man, who fits too
            if self.described_rival(pi, pos, pronoun, s0):
                return None   # "Owain laughed, and his father scowled": two men, one named
            if pi != own and self.replies_to(d, pi, name, own):
                return self.other_person(d, name, pronoun, own)   # '"...," said Walter. / "...," he replied': not Walter
            if pi != own and self.other_turn(d, pi, name, pronoun, own):
                return None
            if self.rival_blocks(d, pi, own, name, pronoun):
                return None   # another's turn between, a second fitting person in the scene (resolve_rivals.py)
            return self.span_rec(s0, s0 + len(name), name=name, type="person")
        return None

    def indefinite_speaker_between(self, pi: int, lo: int, pos: int) -> bool:
        """Paragraph pi, between lo and pos and outside quotation marks, has a reporting verb whose
        subject is an unnamed person brought in with "a"/"an" ("a volunteer with the Red Cross said"):
        a nearer antecedent than any name before it."""
        doc, base = self.docs[pi], self.paragraphs[pi]["start"]
        quoted = self._quoted_ranges(pi)
        for t in doc:
            x = base + t.idx
            if not (lo <= x < pos) or t.pos_ != "NOUN" or any(a <= x < b for a, b in quoted) \
                    or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children) \
                    or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in t.children):
                continue   # "a replacement operator, Valley Line Coaches, had agreed": named beside it
            # the subject, or a subject the parser hung on the phrase before a verb left without one
            verb = t.head if t.dep_ == "nsubj" else t.sent.root if t.dep_ == "appos" \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.sent.root.children) else None
            if verb is not None and verb.pos_ != "NOUN" and self.finder._is_verb(verb):
                return True
        return False

    def other_turn(self, d: Any, pi: int, name: str, pronoun: str, own: int) -> bool:
        """'Dorothea ... "Who is it from?"' then a new paragraph '"Read it and see," she said' with
        Winifred named before: the nearest fitting name is the previous turn's speaker, and the new
        paragraph of dialogue is as often the other woman's turn (her answer); with a second fitting
        person in the window the pronoun does not settle who speaks (no guess)."""
        from .action_beat import ACTION_BEAT

        key = self.finder.title_re.sub("", name).split()[-1:]
        # a turn of dialogue: the previous paragraph's quotation asked a question, or a beat gave it
        # its speaker (news runs one speaker over paragraphs with "she said"; fiction passes the turn)
        spoke = any(x.para == pi and x.speaker and x is not d
                    and self.finder.title_re.sub("", x.speaker.get("name") or "").split()[-1:] == key
                    and (self.text[x.start:x.end].rstrip(" \"'").endswith("?") or x.speaker.get("rule") == ACTION_BEAT
                         or pi == own - 1 and self.in_dialogue(own))
                    for x in self.drafts)
        if not spoke or d.para != own:
            return False
        for pj in range(pi - 1, self.window_start(own) - 1, -1):
            ptext = self.text[self.paragraphs[pj]["start"]:self.paragraphs[pj]["end"]].strip()
            if len(ptext.split()) < 6 or ptext[-1:] not in TERMINAL:
                continue   # a byline or credit line ("By Harriet Coombe") names no one in the scene
            for _, other in self.person_mentions(pj):
                if self.finder.title_re.sub("", other).split()[-1:] != key and self.gender_fits(other, pronoun) \
                        and (self.person_gender(other) is not None or self.in_dialogue(own)):
                    return True
        return False

    def unknown_subject_before(self, pi: int, pos: int, gender: Any = False) -> bool:
        """A subject in paragraph pi before pos that may be the pronoun's person but is no name we
        know: a proper noun not tagged as a place or body, or a person noun ("the ferryman"). With
        `gender` (an earlier paragraph): only a singular person noun whose gender (`gender_nouns`) fits or is unknown."""
        from ...quoting.speakers import lemma

        doc, base = self.docs[pi], self.paragraphs[pi]["start"]
        genders = self.cfg["gender_nouns"]

        def person_noun(t: Any) -> bool:   # "the ferryman, a stooped man": an unnamed person
            low = lemma(t).lower()
            if gender is not False and (t.tag_ != "NN" or genders.get(low, gender) != gender):
                return False
            return t.pos_ == "NOUN" and (low in self.finder.person_nouns or low in self.finder.titles
                                         or low.endswith(("man", "woman")) and len(low) > 5)

        quoted = self._quoted_ranges(pi)

        def outside(t: Any) -> bool:   # a subject inside the quoted words ("your mother cut it") is not the narrative's
            return not any(a <= base + t.idx < b for a, b in quoted)

        return any(t.dep_ == "nsubj" and base + t.idx < pos and outside(t) and (
            gender is False and t.pos_ == "PROPN" and t.text[:1].isupper()
            and t.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART")
            and t.lower_ not in self.finder.non_persons and t.lower_ not in self.finder.persons
            or person_noun(t) or any(c.dep_ == "appos" and person_noun(c) for c in t.children)) for t in doc) \
            or any(t.dep_ == "nsubjpass" and base + t.idx < pos and outside(t) and person_noun(t) for t in doc)   # "The doctor was shown in"

    def only_compatible_person(self, d: Any, pronoun: str) -> dict[str, Any] | None:
        """The one person named in the pronoun window (before the pronoun) whose gender fits it; two or
        more (two women for "she"), or a fitting person of unknown gender beside one: none. The
        pronoun's own paragraph decides first ('"...," said Mrs. Okafor. She unfolded the page.':
        the one fitting person named before it there)."""
        own = self.paragraph_of(d.pronoun["start"])
        got = self._only_fitting(d, pronoun, own, own)
        if got is not None:
            return got
        return self.beat_rival(d, self._only_fitting(d, pronoun, self.window_start(d.para), d.para), pronoun)

    def _only_fitting(self, d: Any, pronoun: str, first: int, last: int) -> dict[str, Any] | None:
        pos, people = d.pronoun["start"], {}
        for pi in range(first, last + 1):
            for s0, name in self.person_mentions(pi):
                if s0 < pos:
                    key = self.finder.title_re.sub("", name).split()[-1:] or [name]
                    people.setdefault((key[0].lower(), name.split()[0].lower().rstrip(".")
                                       if name.split()[0].lower().rstrip(".") in self.finder.honorifics else None),
                                      (s0, name))
        for sur, hon in [k for k in people if k[1] is None]:
            if any(k[0] == sur and k[1] is not None for k in people):
                people.pop((sur, None))   # "Harrow" joins "Mrs. Harrow" (or is ambiguous with Mr. Harrow too)
        fits = [v for v in people.values() if self.gender_fits(v[1], pronoun)]
        if len(fits) != 1:
            return None
        s0, name = fits[0]
        if not self.cfg["unknown_gender_pronouns"] and self.person_gender(name) is None:
            return None   # a lone name of unknown gender: no he/she
        return self.span_rec(s0, s0 + len(name), name=name, type="person")

    def antecedent_in_sentence(self, pos: int) -> tuple[dict[str, Any] | None, bool]:
        """A he/she cue's antecedent in its own sentence, before it and outside quotation marks:
        the nearest person named there ("Henry David Thoreau is as relevant as ever when he
        writes"). (None, True) when an unnamed person ("a guy", "a mother") is nearer: the
        pronoun then names no one, and no earlier paragraph may lend it a name."""
        import bisect

        from ...quoting.speakers import lemma

        pi = bisect.bisect_right(self.para_starts, pos) - 1
        if pi < 0:
            return None, False
        doc, base = self.docs[pi], self.paragraphs[pi]["start"]
        quoted = self._quoted_ranges(pi) + self.header_lines(pi)   # a post's or review's header: its writer

        def in_quote(x: int) -> bool:
            return any(a <= x < b for a, b in quoted)

        lo = base
        for stop, begins in sentences.boundaries(self.text[base:pos], self.finder.honorifics):
            if not in_quote(base + stop):
                lo = base + begins
        persons = self.finder.persons
        cands: list[tuple[int, Any]] = []      # person mentions: full names of the document, or their surnames
        for t in doc:
            s0 = base + t.idx
            first = t.i
            while first >= 2 and doc[first - 1].text == "-" and not doc[first - 1].whitespace_ \
                    and not doc[first - 2].whitespace_ and doc[first - 2].pos_ == "PROPN":
                first -= 2   # "Adeyinka-Clarke": the tokenizer's three pieces are one surname
            word = doc[first:t.i + 1].text.lower()
            if t.pos_ == "PROPN" and word in persons and lo <= base + doc[first].idx < pos and not in_quote(s0) \
                    and not (t.i + 1 < len(doc) and (doc[t.i + 1].pos_ == "PROPN" or doc[t.i + 1].text == "-"
                                                     and not t.whitespace_)):
                while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].text[:1].isupper():
                    first -= 1
                cands.append((base + doc[first].idx, doc[first:t.i + 1]))
        last = max((s0 for s0, _ in cands), default=-1)
        for t in doc:
            s0 = base + t.idx
            if lo <= s0 < pos and s0 > last and not in_quote(s0) and t.lower_ in self.finder.person_nouns \
                    and t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another", "some")
                                                 for c in t.children):
                return None, True
            if lo <= s0 < pos and s0 > last and not in_quote(s0) and t.tag_ == "NNS" \
                    and lemma(t).lower() in self.finder.person_nouns:
                return None, True   # "when the two men shook hands, he said": which of them is not said
        subjects = [c for c in cands if c[1][-1].dep_ in ("nsubj", "nsubjpass")]
        names = {c[1][-1].lower_ for c in cands}
        pick = subjects[-1] if subjects else (cands[-1] if len(names) == 1 else None)
        if pick is None:
            return None, False
        ent = pick[1]
        rec = self.span_rec(base + ent.start_char, base + ent.end_char,
                            name=ent.text.strip(), type="person")
        return rec, False

    def reported_speakers(self) -> list[tuple[int, int, dict[str, Any]]]:
        """Named subjects of reporting verbs anywhere (reported speech too: "said X, CEO of Y"):
        antecedents for later pronoun speakers."""
        out = []
        for pi, doc in self.docs.parsed():
            base = self.paragraphs[pi]["start"]
            for t in doc:
                if t.pos_ in ("VERB", "AUX") and self.finder._is_verb(t):   # the tag first: no lemma of a noun
                    sp = self.finder._subject(t, SPEAKER_REPORTED)
                    if sp is not None and sp.pronoun is None and sp.type == "person":
                        out.append((base + t.idx, pi, self.speaker_rec(sp, base)))
        return out

    def sole_person_before(self, d: Draft) -> dict[str, Any] | None:
        """A pronoun with no earlier named speaker: the one PERSON named in the paragraphs before."""
        people: dict[str, Any] = {}
        for pi in range(self.window_start(d.para), d.para + 1):
            doc, base = self.docs[pi], self.paragraphs[pi]["start"]
            ptext = self.text[self.paragraphs[pi]["start"]:self.paragraphs[pi]["end"]].strip()
            if len(ptext.split()) < 6 or ptext[-1:] not in TERMINAL:
                continue  # a credit or caption line ("Amr Dalsh / Reuters") is no antecedent
            heads = self.header_lines(pi)
            for e in doc.ents:
                if e.label_ == "PERSON" and base + e.end_char <= d.start and not re.search(r"[/|]", e.text) \
                        and not any(a <= base + e.start_char < b for a, b in heads):
                    key = e.text.split()[-1].lower()
                    if key not in people or len(e.text) > len(people[key][0].text):
                        people[key] = (e, base)
        if len(people) == 1:
            e, base = next(iter(people.values()))
            return self.person_rec(e, base)
        return None
