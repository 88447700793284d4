"""Resolver: a bare role noun ("the senator said") names the one person the document gave that role.

"Senator Maria Lopez ..." or "Jonas Weber, a senator from ..." earlier in the document, and no
other person with that role: the speaker is that person, cited at the earlier mention. Two such
people, or none: the role stays as written (no guess).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ...rules import declare
from .registry import register

# the rule this module applies: declared once here, used through this constant
SPEAKER_ROLE = declare("quotes.speaker.role_noun", stage="quotes",
        why="'the senator' stands for the one person the document named with that role before",
        params=["titles", "first_name_gender", "place_heads"])

SPEAKER_DESCRIPTION = declare("quotes.speaker.description", stage="quotes",
        why="'her brother' or 'the old manservant' stands for the one person the document introduced so ('her brother Anselm')",
        params=["person_nouns", "titles", "first_name_gender", "title_abbreviations"])

SPEAKER_DESCRIPTION_WRITTEN = declare("quotes.speaker.description_as_written", stage="quotes",
        why="in a scene of dialogue, 'said the mate' that the text never ties to a name names the speaker as the text does",
        params=["person_nouns", "titles", "pronoun_window"])

SPEAKER_KIN = declare("quotes.speaker.kin_description", stage="quotes",
        why="'her mother said' stands for the one person whose daughter the text introduced ('Mrs. X ... Her daughter Y')",
        params=["kin_inverse", "gender_nouns"])

_UP = "A-ZÀ-ÖØ-Þ"   # a capital letter, Latin-1 ones too ("Ó Briain", "Émile")
_NAME = rf"[{_UP}][\w'’-]*\.?(?:\s+[{_UP}][\w'’-]*\.?){{0,3}}"
_CAPITALISED_RUN = re.compile(rf"(?:[ \t]+[{_UP}][\w'’-]*\.?)+")   # the capitalised words a name runs on with


@lru_cache(maxsize=64)
def _patterns(role: str, short: tuple[str, ...] = ()) -> tuple[re.Pattern[str], ...]:
    r = re.escape(role)
    # "Sen. Maria Lopez" gives the role "senator" as "Senator Maria Lopez" does: the abbreviation
    # capitalised, with its full stop, right before the name
    abbr = "".join(rf"|{re.escape(a[:1].upper() + a[1:])}\.\s+" for a in short)
    # "Senator Maria Lopez", "the council leader, Maria Lopez", "a spokeswoman for the Rescue Service, Anjali Desrosiers"
    # "the county's director of education, Piotr Nwachukwu": a remit in lower case, a word or two, is a body too
    body = r"(?:for|of|at)\s+(?:the\s+)?(?P<body>[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|and|&)){0,5}" \
           r"|[a-z][\w'’-]*(?:\s+(?:and\s+)?[a-z][\w'’-]*)?),\s+"
    before = re.compile(rf"(?<![\w-])(?:(?i:{r}),?\s+{abbr}|(?i:{r})\s+{body})(?P<name>{_NAME})")
    appos = re.compile(rf"(?P<name>{_NAME}),\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,3}}?(?i:{r})(?![\w-])")   # "Lopez, a senator"
    # "Minister of the Environment Liv Aasen": no comma, so the body is one word and the name must open
    # with a first name (the caller's _person_suffix, not appositive)
    one_word_body = re.compile(rf"(?<![\w-])(?i:{r})\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w'’&-]*\s+(?P<name>{_NAME})")
    return before, appos, one_word_body


class RoleResolver:
    @register(SPEAKER_ROLE)
    def role_noun(self, speaker: dict[str, Any]) -> dict[str, Any]:
        role = speaker["name"]
        words = role.split()   # "the senator", "the council leader": a title noun after lower-case modifiers
        owner = None
        if len(words) >= 2 and re.fullmatch(r"[a-z]+['’]s", words[0]):
            # "the service's spokeswoman": the role of a body the introduction names (or an organisation word)
            owner, words = words[0][:-2].rstrip("'’"), words[1:]
            role = " ".join(words)
        if not 1 <= len(words) <= 3 or not all(w.isalpha() for w in words) or not role.islower() \
                or words[-1] not in self.finder.titles \
                or not re.search(r"(?i)\bthe\s+$", self.text[max(0, speaker["start"] - 8):speaker["start"]]):
            return speaker
        head = self.text[:speaker["start"] - 4]
        found: dict[str, tuple[int, int, str]] = {}   # surname -> (start, end, name), longest form
        short = tuple(a for a, full in self.cfg["title_abbreviations"].items() if full == words[-1]) if len(words) == 1 else ()
        for n, rx in enumerate(_patterns(role, short)):
            for m in rx.finditer(head):   # right after the role ("union chief Tadhg Ó Briain") a proper run is a name
                got = self._person_suffix(m.group("name"), m.start("name"), appositive=n == 0)
                body = m.groupdict().get("body") or ""
                if got is not None and owner is not None and body and owner not in body.lower() \
                        and owner not in self.finder.org_words:
                    continue   # "the council's spokeswoman" is not the police's
                if got is not None:
                    key = got[2].split()[-1].strip(".").lower()
                    if key not in found or len(got[2]) > len(found[key][2]):
                        found[key] = got
        if len(found) != 1:
            return speaker
        s, e, name = next(iter(found.values()))
        out = self.span_rec(s, e, name=name, type="person", rule=SPEAKER_ROLE)
        out["role"] = {k: speaker[k] for k in ("start", "end", "raw_start", "raw_end")} | {"text": role}
        if "cue" in speaker:
            out["cue"] = speaker["cue"]
        return out

    def role_subject(self, pi: int, pos: int) -> dict[str, Any] | None:
        """The person a "the <title>" subject before pos in paragraph pi stands for ("The council
        leader said ... 'X,' she added"), through role_noun; None when there is no such subject or it
        resolves to no one."""
        doc, base = self.docs[pi], self.paragraphs[pi]["start"]
        subj = [t for t in doc if t.dep_ == "nsubj" and base + t.idx < pos and t.pos_ == "NOUN"
                and t.lower_ in self.finder.titles and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)]
        if not subj:
            return None
        t = subj[-1]
        mods = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
        first = mods[0] if mods and mods[-1].i == t.i - 1 else t
        s0, e0 = base + first.idx, base + t.idx + len(t)
        got = self.role_noun(self.span_rec(s0, e0, name=self.text[s0:e0].lower(), type="person"))
        return got if got.get("rule") == SPEAKER_ROLE else None

    def speaker_of(self, sp: Any, base: int) -> dict[str, Any] | None:
        """The record of a speaker the parse found: a description ("her brother", "the old
        manservant") only as the one person the document introduced with it, else none."""
        rec = self.speaker_rec(sp, base)
        return self.described_person(rec) if rec.get("type") == "description" else rec

    @register(SPEAKER_DESCRIPTION)
    def described_person(self, speaker: dict[str, Any]) -> dict[str, Any] | None:
        words = speaker["name"].lower().split()
        noun = words[-1]
        # "the young man" is not "a stout man called X": the tag's own modifiers must be in the introduction
        mods = [w for w in words[:-1] if w.isalpha() and w not in ("his", "her", "their", "my", "our", "your", "its")]
        found: dict[str, tuple[int, int, str]] = {}
        last = speaker["name"].split()[-1]
        for end, got, said in self._introductions(last if last[:1].isupper() and last.lower() == noun else noun):
            if end <= speaker["start"] and all(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", said.lower()) for w in mods):
                key = got[2].split()[-1].strip(".").lower()
                if key not in found or len(got[2]) > len(found[key][2]):
                    found[key] = got
        rule = SPEAKER_DESCRIPTION
        if not found:
            found, rule = self._kin_of_introduced(noun, speaker["start"]), SPEAKER_KIN
        if not found:
            found = self._spouse(speaker)
        if not found and speaker.get("type") == "description":   # kept for description_as_written, after the turns
            self.unnamed_descriptions[speaker["start"]] = speaker
        if len(found) != 1:
            return None   # two people so described: no speaker
        s, e, name = next(iter(found.values()))
        out = self.span_rec(s, e, name=name, type="person", rule=rule)
        out["role"] = {k: speaker[k] for k in ("start", "end", "raw_start", "raw_end")} | {"text": speaker["name"]}
        if "cue" in speaker:
            out["cue"] = speaker["cue"]
        return out

    @register(SPEAKER_DESCRIPTION_WRITTEN, order=93)
    def descriptions_as_written(self) -> None:
        """'"He likes you," the boy said.' in a scene of dialogue (bare turns around it, a convention of
        fiction): a definite description in the quotation's tag that the text never introduced with a
        name ("the boy", "her mother", "the old woman") is the speaker as the text names it, for the
        quotation it tags and the other part of a split quotation ('"A," said the mate, "B."'). Only
        lower-case words after "the" or a possessive pronoun; in news, an unnamed role stays no speaker."""
        stash = self.unnamed_descriptions
        if not stash:
            return
        starts = sorted(stash)
        for d in self.drafts:
            if d.speaker is not None or d.pronoun is not None or d.kind != "inline" or d.parent is not None:
                continue
            p0, p1 = self.paragraphs[d.para]["start"], self.paragraphs[d.para]["end"]
            near = [x for x in starts if p0 <= x < p1 and self._tags(d, stash[x])]
            if len(near) != 1 or not self.in_dialogue(d.para):
                continue
            desc = stash[near[0]]
            det = re.search(r"(?i)\b(?:the|his|her|their|my|our)\s+$", self.text[max(p0, desc["start"] - 7):desc["start"]])
            s0 = desc["start"] - len(det.group(0)) if det else desc["start"]
            name = self.text[s0:desc["end"]]
            words = name.split()
            if not 2 <= len(words) <= 4 or words[0].lower() not in ("the", "his", "her", "their", "my", "our") \
                    or not all(w.isalpha() and w.islower() for w in words[1:]):
                continue
            if self._named_candidate(d.para, desc["start"], words[-1]):
                continue   # "the old woman" may be the Ilse named just before: which one the text does not say
            d.speaker = self.span_rec(s0, desc["end"], name=name, type="person", rule=SPEAKER_DESCRIPTION_WRITTEN)
            d.rules.append(SPEAKER_DESCRIPTION_WRITTEN)

    def _named_candidate(self, pi: int, before: int, noun: str) -> bool:
        """A person named (outside quotation marks) in the pronoun window before `before` whom the
        description's noun could describe: of its gender ("woman", "mother"), or of any gender."""
        gender = self.cfg["gender_nouns"].get(noun)
        for pj in range(self.window_start(pi), pi + 1):
            for s0, name in self.person_mentions(pj):
                if s0 < before and (gender is None or self.person_gender(name) in (None, gender)):
                    return True
        return False

    def _tags(self, d: Any, desc: dict[str, Any]) -> bool:
        """The description stands in the quotation's tag: right after it or right before it in its
        sentence, with no other quotation, sentence end or more than four words between."""
        if desc["start"] >= d.end:
            gap = self.text[d.end:desc["start"]]
        elif desc["end"] <= d.start:
            gap = self.text[desc["end"]:d.start]
            if re.fullmatch(r"[\s\w]{0,20}?[.!]\s*[\"'“‘«]?", gap) and re.match(r"\s*[.!]", gap) \
                    and re.search(r"[,!?][\"'”’»]\s*(?:\S+\s+){1,3}$", self.text[max(0, desc["start"] - 40):desc["start"]]):
                return True   # '"A," replied the steward. "B."': the tag between them gives B to him too
        else:
            return False
        gap = gap.strip(" \n\"'“”‘’«»")
        return '"' not in gap and not re.search(r"[.!?;]", gap) and len(gap.split()) <= 4

    def _kin_of_introduced(self, noun: str, before: int) -> dict[str, tuple[int, int, str]]:
        """'Mrs. Okafor came in. Her daughter Adaeze was peeling potatoes.' ... '"...," her mother
        said': the tag's kinship noun is the inverse (`kin_inverse`) of one the text introduced a
        person with, and the one person of the tag noun's gender named before that introduction in its
        paragraph (her/his must agree; "their" leaves it to the gender) is the speaker. Surname ->
        name of each such person; the caller takes it only when there is exactly one."""
        inverse = self.cfg["kin_inverse"].get(noun)
        gender = self.cfg["gender_nouns"].get(noun)
        if not inverse or gender is None:
            return {}
        kin = "|".join(re.escape(k) for k in inverse)
        rx = re.compile(rf"(?<![\w-])(?P<poss>[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{kin}),?\s+(?P<name>{_NAME})")
        out: dict[str, tuple[int, int, str]] = {}
        for m in rx.finditer(self.text, 0, before):
            # the kinship noun says a person is named after it ("Her daughter Adaeze"), known name or not
            first = m.group("name").split()[0].lower().strip(".")
            if first in self.finder.honorifics or first in self.finder.titles or first in self.finder.non_persons \
                    or {"his": "male", "her": "female"}.get(m.group("poss").lower(), gender) != gender:
                continue
            own = self.paragraph_of(m.start())
            fits = {}
            for pi in range(own, max(-1, own - self.cfg["pronoun_window"] - 1), -1):   # the possessor: named before it
                for s0, name in self.person_mentions(pi):
                    key = self.finder.title_re.sub("", name).split()[-1:]
                    if s0 < m.start() and key and self.person_gender(name) == gender \
                            and len(name) > len(fits.get(key[0].lower(), (0, 0, ""))[2]):
                        fits[key[0].lower()] = (s0, s0 + len(name), name)   # "Mr Aldous" rather than "Aldous"
                if fits:
                    break
            if len(fits) == 1:
                out.update(fits)
            elif fits:
                return {}   # the introduction's possessor is not one person: no speaker
        return out

    def _spouse(self, speaker: dict[str, Any]) -> dict[str, tuple[int, int, str]]:
        """'"Not wasted," rejoined her husband': "her" is the one woman named in the nearest paragraph
        before the tag that names a woman (Mrs. Harcourt); her husband is the man the document calls
        by her surname with a man's honorific (Mr. Harcourt), if it does. Likewise "his wife"."""
        words = speaker["name"].lower().split()
        spouse_gender = self.cfg["gender_nouns"].get(words[-1])
        own_gender = {"his": "male", "her": "female"}.get(words[0])
        if len(words) != 2 or words[-1] not in self.cfg["kin_inverse"] or own_gender is None \
                or spouse_gender is None or own_gender == spouse_gender:
            return {}   # only a spouse noun after his/her (the other side of a marriage)

        def titled(name: str) -> tuple[str, str] | None:   # (surname, gender) of "Mrs. Harcourt"
            w = name.split()
            g = self.gender_honorifics.get(w[0].lower().rstrip(".")) if len(w) >= 2 else None
            return (w[-1].lower(), g) if g else None

        own = self.paragraph_of(speaker["start"])
        for pi in range(own, max(-1, own - self.cfg["pronoun_window"] - 1), -1):
            fits = {self.finder.title_re.sub("", n).split()[-1].lower(): n for s0, n in self.person_mentions(pi)
                    if s0 < speaker["start"] and self.person_gender(n) == own_gender}
            if not fits:
                continue
            if len(fits) != 1:
                return {}
            holder = titled(next(iter(fits.values())))
            if holder is None:
                return {}
            out = {}
            for pj in range(0, own + 1):
                for s0, n in self.person_mentions(pj):
                    if s0 < speaker["start"] and titled(n) == (holder[0], spouse_gender):
                        out.setdefault(holder[0], (s0, s0 + len(n), n))
            return out
        return {}

    def _introductions(self, noun: str) -> list[tuple[int, tuple[int, int, str], str]]:
        """Where the document introduces a person with the noun ("her brother Anselm", "Jenkins, the
        old manservant"): (end of the introduction, the name, its text), found once per noun for the document."""
        cache = self.__dict__.setdefault("_intros", {})
        if noun not in cache:
            hon = "|".join(re.escape(h) for h in sorted(self.finder.honorifics))
            # "Miss Hale's aunt": a possessive name may keep its honorific
            poss = rf"(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Yy]our|[Tt]he|[Aa]n?|(?:(?i:{hon})\.?\s+)?[A-Z][\w'’-]+['’]s)"
            n = re.escape(noun)
            if noun[:1].isupper():   # "Republican Senator X" introduces "the Republican" (a party's noun, capitalised)
                n = f"[{noun[0]}{noun[0].lower()}]" + re.escape(noun[1:])
            age = re.fullmatch(r"(\d{1,3})-year-old", noun)
            if age:   # "Colm Breathnach, 71," / "71-year-old Colm Breathnach" / "Colm Breathnach (71)" / "X, a 71-year-old ...": the age introduces
                years = age.group(1)
                pats: tuple[re.Pattern[str], ...] = (
                    re.compile(rf"(?P<name>{_NAME}),\s+{years},"),
                    re.compile(rf"(?<![\w-]){n}\s+(?:[a-z][\w-]*\s+){{0,2}}(?P<name>{_NAME})"),
                    re.compile(rf"(?P<name>{_NAME})\s+\({years}\)"),
                    re.compile(rf"(?P<name>{_NAME}),\s+an?\s+{n}(?![\w-])"))   # "X, a 47-year-old machinist,"
            else:
                # "Dr. Kemal" ... "returned the doctor": the abbreviation of the noun before a name introduces it
                abbr = [a for a, full in self.cfg["title_abbreviations"].items() if full == noun]
                pats = (   # "The ship's purser, X", "The parish priest, the Rev. X" (the article of an honorific)
                    re.compile(rf"(?<![\w-]){poss}\s+(?:[a-z][\w'’-]*\s+){{0,2}}{n},?\s+(?:the\s+(?=(?i:{hon})\b))?"
                               rf"(?P<name>{_NAME})"),
                    # "X, the school's principal", "X, 44, a farmer from Dunmore": an age may stand between
                    # ("X, the curate's father" is the father: a possessive noun is no apposition's head)
                    re.compile(rf"(?P<name>{_NAME}),\s+(?:\d{{1,3}},\s+)?{poss}\s+(?:[a-z][\w'’-]*\s+){{0,2}}{n}(?![\w-]|['’]s\b)"),
                    # "The carrier, a stout man called Josiah Penhale": the name the apposition gives
                    re.compile(rf"(?<![\w-]){poss}\s+(?:[a-z][\w-]*\s+){{0,2}}{n},\s+(?:a|an)\s+(?:[a-z][\w-]*\s+){{0,3}}?"
                               rf"(?:called|named)\s+(?P<name>{_NAME})"),
                    # "a woman called Perpetua": the name the noun is given
                    re.compile(rf"(?<![\w-]){poss}\s+(?:[a-z][\w-]*\s+){{0,2}}{n}\s+(?:called|named)\s+(?P<name>{_NAME})"),
                    # "Bartholomew Quayle was the gardener": a copula gives the name its noun
                    re.compile(rf"(?P<name>{_NAME})\s+(?:is|was|had\s+been|has\s+been)\s+{poss}\s+(?:[a-z][\w-]*\s+){{0,2}}{n}(?![\w-]|['’]s\b)"),
                    # "led by retired headteacher Sunita Varghese": the noun as a title right before the name
                    re.compile(rf"(?<![\w-])(?:[a-z][\w-]*\s+){{0,2}}{n}\s+(?P<name>{_NAME})"))
                if abbr:   # "Insp. Rook" or "Inspector Rook" ... "said the inspector": the title before the name
                    alt = "|".join(re.escape(a[:1].upper() + a[1:]) for a in abbr + [noun])
                    pats += (re.compile(rf"(?<![\w-])(?P<name>(?:{alt})\.?\s+[{_UP}][\w'’-]+)"),)
            out = []
            for rx in pats:
                for m in rx.finditer(self.text):
                    name = self._whole_run(m.start("name"), m.group("name"))
                    if name is None:
                        continue
                    if name.endswith(".") and len(name.split()[-1]) > 2:
                        name = name[:-1]   # the sentence's full stop ("... Sunita Varghese."), not an initial's
                    got = self._person_suffix(name, m.start("name"), single=True, appositive=True)
                    if got is not None and '"' not in self.text[m.start():m.end()]:
                        out.append((m.end(), got, m.group(0)))
            cache[noun] = out
        return cache[noun]

    def _whole_run(self, start: int, name: str) -> str | None:
        """The name a pattern matched, run on to the end of its run of capitalised words: a name never
        stops inside one ("The prosecutor, Assistant District Attorney Nadia Folau" is not "... Nadia").
        A run too long to be a title and a name gives None (no guess)."""
        m = _CAPITALISED_RUN.match(self.text, start + len(name))   # (no copy of the rest of the text)
        if m is None or name.endswith(".") and len(name.split()[-1]) > 2:
            return name   # the run ends there, or at the sentence's full stop
        whole = name + m.group(0)
        return whole if len(whole.split()) <= 4 + self.cfg["name_max_tokens"] and "\n" not in whole else None

    def run_surnames(self) -> set[str]:
        """Surnames of full names the model does not tag PERSON: a first name of the general list and one
        or two proper nouns after it, outside quotation marks, no place, work or body word among them
        ("Union president Aoife Ramaswamy"): "Ramaswamy dismissed the figure" names her too. Read from
        the paragraphs parsed so far (recomputed when more are)."""
        from ...quoting.gender import first_name

        parsed = list(self.docs.parsed())
        key = tuple(i for i, _ in parsed)
        cached = self.__dict__.get("_run_surnames")
        if cached is not None and cached[0] == key:
            return cached[1]
        out: set[str] = set()
        if self.cfg["first_name_gender"]:
            for _, doc in parsed:
                for t in doc:
                    run = [t]
                    while len(run) < 3 and run[-1].i + 1 < len(doc) and doc[run[-1].i + 1].pos_ == "PROPN" \
                            and doc[run[-1].i + 1].text[:1].isupper() and run[-1].whitespace_ == " ":
                        run.append(doc[run[-1].i + 1])
                    if len(run) < 2 or t.pos_ != "PROPN" or not t.text[:1].isupper() or first_name(t.text) is None \
                            or t.lower_ in self.finder.non_persons \
                            or any(x.ent_type_ in ("GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART") or not x.is_alpha
                                   and "-" not in x.text or self.finder._body_word(x) or self.finder._quoted(x) for x in run) \
                            or run[-1].dep_ == "compound" and run[-1].head.i > run[-1].i \
                            or t.i > 0 and doc[t.i - 1].pos_ == "PROPN" and doc[t.i - 1].text[:1].isupper() \
                            or run[-1].lower_ in self.lower_words() \
                            or run[-1].lower_ in self.cfg["place_heads"] or run[-1].lower_ in self.cfg["outlet_body_heads"]:
                        continue   # "Rosa Trust", "the V-Neck Cami Dress" (a word written in lower case): no person's
                    out.add(run[-1].lower_)
        self._run_surnames = (key, out)
        return out

    def unnamed_role(self, speaker: dict[str, Any]) -> bool:
        """'the senator' or 'a man' that no rule tied to a name names no one: the quotation gets no
        speaker (a role word is not a name; GOLD_FORMAT: an unnamed person is no speaker). Plural
        groups ('researchers') stay: the page names them as the speaker."""
        name = speaker.get("name") or ""
        name = re.sub(r"^[a-z]+['’]s\s+", "", name)   # "service's spokeswoman" is the role "spokeswoman"
        low = name.lower()
        words = low.split()   # "union chief", "senator": lower-case words ending in a role word name no one
        return speaker.get("type") == "description" or (speaker.get("rule") not in (SPEAKER_ROLE, SPEAKER_DESCRIPTION_WRITTEN) and name == low
                and 1 <= len(words) <= 3 and all(w.isalpha() for w in words)
                and (words[-1] in self.finder.titles or words[-1] in self.finder.person_nouns))

    def _person_suffix(self, run: str, start: int, single: bool = False,
                       appositive: bool = False) -> tuple[int, int, str] | None:
        """The longest tail of a capitalised run that is a person's name: it opens with a known first
        name or honorific, or is a name the document tags as a person ("On Tuesday Jonas Weber" -> "Jonas Weber")."""
        from ...quoting.gender import first_name

        words = run.split()
        while words and words[-1].lower().strip(".") in self.finder.titles:
            words.pop()
        for i in range(len(words)):
            tail = words[i:]
            name = " ".join(tail)
            low = name.lower()
            known = low in self.finder.persons or (len(tail) > 1 and tail[0].lower().strip(".") in self.finder.honorifics)
            first = (len(tail) > 1 or single and low not in self.months) and self.cfg["first_name_gender"] \
                and first_name(tail[0]) is not None   # single: "her brother Anselm", not "April"
            if known or first or i == 0 and appositive and len(tail) > 1 and self._proper_run(start, start + len(name)):
                s = start + run.index(" ".join(tail)) if i else start
                return s, s + len(name), name
        return None

    def _proper_run(self, s: int, e: int) -> bool:
        """Whether text[s:e] is parsed as proper nouns only, none a place or body the document tags so
        ('union chief Tadhg Ó Briain', 'My editor, Saoirse Keane,': the noun says a person is named
        right after it, whatever the name list knows)."""
        pi = self.paragraph_of(s)
        doc, base = self.docs[pi], self.paragraphs[pi]["start"]
        toks = [t for t in doc if s <= base + t.idx < e and not t.is_space]
        # the small model tags unfamiliar names ORG ("Blessing Adeyemi-Hart"): after a person noun that is
        # no evidence of a body, unless a word of the run is an organisation's ("Trades Council")
        org_ok = not any(t.lower_ in self.finder.org_words or t.lower_ in self.finder.outlet_words for t in toks)
        return bool(toks) and all(t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "LOC", "NORP", "FAC", "DATE")
                                  and (t.ent_type_ != "ORG" or org_ok) for t in toks if t.text != "-") \
            and (self.text[s:e].lower() not in self.finder.non_persons or org_ok)
