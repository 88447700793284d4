"""An interview's introduction: who asks and who answers ("X spoke to Y", "interview of X to Y", the
one person the introduction is about). A mixin of the interview forms (interview.py, interview_turns.py)."""

from __future__ import annotations

import re
from typing import Any

from ...rules import declare

# the rules this module applies: declared once here, used through these constants
SPEAKER_INTERVIEW_INTRO = declare("quotes.speaker.interview_intro", stage="quotes",
        why="an interview's introduction names interviewer and interviewee",
        params=["interview.intro_pattern"])
SPEAKER_INTERVIEW_MAIN_PERSON = declare("quotes.speaker.interview_main_person", stage="quotes",
        why="the one person an interview page is about answers its questions")
SPEAKER_INTERVIEW_BYLINE = declare("quotes.speaker.interview_byline", stage="quotes",
        why="a Q:/A: interview whose introduction names no asker is asked by its byline's author ('By NAME' before the first label)",
        params=["byline_pattern"])
_ASK_VERBS = ("ask", "question", "quiz", "meet")   # verbs whose object is the one asked: an intro's asker and answerer
_ANSWER_VERBS = ("answer", "field", "take", "face", "tackle")   # "X answered our questions": the subject answers
_INTRO_UNITS = 6   # lines before the first label read as the introduction (a news intro runs to a few paragraphs)

BOLD = r"(?:\*\*|__)?"   # a text dump keeps a label's bold as markdown ("**Q:**", "**Smith:**"): no part of the label


class InterviewIntro:
    def interview_byline(self, first: int, interviewee: dict[str, Any] | None) -> dict[str, Any] | None:
        """The document's one byline ("By Marisol Reyes", `narrator`) above the first label: the
        author of a Q:/A: piece put its questions; never the interviewee's own name."""
        author = self.narrator()
        if author is None or author["start"] >= self.units[first].start:
            return None
        if interviewee is not None and author["name"].split()[-1].lower() == interviewee["name"].split()[-1].lower():
            return None
        return {k: author[k] for k in ("name", "type", "start", "end", "raw_start", "raw_end")}

    def interview_names(self, first: int) -> tuple[dict[str, Any] | None, dict[str, Any] | None, str]:
        """Interviewee and interviewer from the introduction before the first label."""
        from ...quoting.attribution import parse_attribution_line  # noqa: F401
        from ...text.dates import first as find_date

        self.intro_source = None
        pat = re.compile(self.cfg["interview"]["intro_pattern"], re.IGNORECASE)
        back = [self.units[k] for k in range(first - 1, max(-1, first - _INTRO_UNITS - 1), -1)]
        for u in back:
            m = pat.search(u.text)
            if not m:
                continue
            doc, base = self.unit_doc(u)
            ents = [e for e in doc.ents if e.label_ == "PERSON"]
            s1, e1 = u.start + m.start("interviewee"), u.start + m.end("interviewee")
            s2, e2 = u.start + m.start("interviewer"), u.start + m.end("interviewer")
            a = [self.name_span(e, base) for e in ents if s1 <= base + e.start_char < e1]
            b = [self.name_span(e, base) for e in ents if s2 <= base + e.start_char < e2]
            # names the model does not tag PERSON: the words after a title ("the journalist X Y")
            a = a or self.finder.titled_names(doc, s1 - base, e1 - base) or self.leading_name(s1, e1, base)
            b = b or self.finder.titled_names(doc, s2 - base, e2 - base) or self.leading_name(s2, e2, base)
            who = self.name_rec(a[-1], base) if a else None
            asker = self.name_rec(b[0], base) if b else None
            date = find_date(u.text, self.months, self.cfg["year_pivot"])
            outlet = re.search(r'"([^"]{2,60})"', u.text[m.start("interviewer"):])
            self.intro_source = {"outlet": outlet.group(1) if outlet else None, "author": None,
                                 "date": date.iso if date else None, "date_text": date.text if date else None,
                                 "attribution": None, **dict(zip(("raw_start", "raw_end"), self.raw(u.start, u.end)))}
            if who or asker:
                return who, asker, SPEAKER_INTERVIEW_INTRO
        pair = self.intro_pair(back)
        if pair is not None:
            return pair[0], pair[1], SPEAKER_INTERVIEW_INTRO
        # no "interview of X to Y": the one person the introduction talks about is the interviewee
        people: dict[str, Any] = {}
        counts: dict[str, int] = {}
        byline = re.compile(self.cfg["byline_pattern"])
        for u in back:
            if "heading" in u.tags and u.index != first - 1:
                break
            if byline.match(u.bare):
                continue   # "By Hanne Vik": the writer, not the one the introduction is about
            doc, base = self.unit_doc(u)
            for e in doc.ents:
                if self.person_like(e) and self._named_person(e) and u.start <= base + e.start_char < u.end:
                    key = e.text.split()[-1].lower()
                    counts[key] = counts.get(key, 0) + 1
                    if key not in people or len(e.text) > len(people[key][0].text):
                        people[key] = (e, base)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if len(ranked) == 1 and ranked[0][1] == 1:
            # the one person the introduction names, then goes on about as "he"/"she": a second mention
            e, base = people[ranked[0][0]]
            pos = base + e.end_char
            for u in back:
                doc, ub = self.unit_doc(u)
                if "heading" in u.tags and u.index != first - 1:
                    break
                # "the novelist X talks about his late start": a possessive after the name is a mention too
                if any((t.dep_ == "nsubj" and t.lower_ in ("he", "she") or t.dep_ == "poss" and t.lower_ in ("his", "her"))
                       and ub + t.idx > pos and u.start <= ub + t.idx < u.end
                       and self.gender_fits(e.text, {"his": "he", "her": "she"}.get(t.lower_, t.lower_)) for t in doc):
                    counts[ranked[0][0]] = 2
                    break
            ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        # the introduction is about one person: named at least twice, twice as often as anyone else
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
            e, base = people[ranked[0][0]]
            return self.person_rec(e, base), None, SPEAKER_INTERVIEW_MAIN_PERSON
        return None, None, SPEAKER_INTERVIEW_INTRO


    def intro_pair(self, back: list[Any]) -> tuple[dict[str, Any] | None, dict[str, Any] | None] | None:
        """'Devika Sen put the questions to her', 'Hana Okoro spoke with Tomasz Wielgus': a clause of the
        introduction whose subject is a person and whose object after to/with (on the verb or its
        object) is a person or him/her: the subject asks, the object answers. A pronoun object is
        the one other person the introduction names."""
        from ...quoting.speakers import lemma

        for u in back:
            doc, base = self.unit_doc(u)
            for v in doc:
                if v.pos_ != "VERB" or not (u.start <= base + v.idx < u.end):
                    continue
                subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
                heads = [v] + [c for c in v.children if c.dep_ == "dobj"]   # "put the questions to her"
                objs = [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in ("to", "with")
                        for o in p.children if o.dep_ == "pobj"]
                if v.lower_.startswith("interview") or lemma(v).lower() in _ASK_VERBS and v.dep_ == "ROOT":
                    # "X interviewed Y" / "Y was interviewed by X" / "Reporter X asked him about the job"
                    objs += [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")
                             and c.lower_ not in ("questions", "question")]
                    subj = subj or next((o for c in v.children if c.dep_ == "agent"
                                         for o in c.children if o.dep_ == "pobj"), None)
                a, a_base = self.intro_person(subj, base), base
                if a is None and subj is not None and subj.lower_ in ("he", "she") and objs:
                    # "She talked to our reporter, X": the one person the intro named before the pronoun
                    named = {}
                    for uu in back:
                        ub = self.unit_doc(uu)[1]
                        named.update({x[2]: (x, ub) for x in self.intro_names(uu) if ub + x[0] < base + subj.idx})
                    a, a_base = next(iter(named.values())) if len(named) == 1 else (None, base)
                if a is None and subj is not None and subj.lower_ in ("we", "i"):
                    # "We spoke to Captain X": the outlet asks, unnamed; the person it spoke to answers
                    found = [b for b in (self.intro_person(o, base) for o in objs) if b is not None]
                    if len(found) == 1:
                        return self.name_rec(found[0], base), None
                if a is None:
                    continue
                asked = [c for c in v.children if c.dep_ == "dobj" and c.lower_ in ("questions", "question")]
                if lemma(v).lower() in _ANSWER_VERBS and asked:
                    # "X answered our questions": X answers; "... questions from Y": Y asks
                    frm = [self.intro_person(o, base) for p in asked[0].children if p.dep_ == "prep" and p.lower_ == "from"
                           for o in p.children if o.dep_ == "pobj"]
                    b = frm[0] if len(frm) == 1 and frm[0] is not None and frm[0][2] != a[2] else None
                    return self.name_rec(a, a_base), self.name_rec(b, base) if b else None
                if any(o.lower_ in ("us", "me") or o.ent_type_ == "ORG" and not self._person_shaped(o)
                       or self.finder.is_outlet(" ".join(t.text for t in o.subtree if t.dep_ != "det")) for o in objs) \
                        and not any(self.intro_person(o, base) for o in objs):
                    return self.name_rec(a, a_base), None   # "X spoke to us / to the Gazette": X answers, the asker unnamed
                if any(c.dep_ == "dobj" and c.lower_ in ("questions", "question") for c in v.children) and not objs:
                    # "Reporter Sam Okafor asked the questions": the asker; the one other person named answers
                    others = {x[2]: x for uu in back for x in self.intro_names(uu) if x[2].split()[-1] != a[2].split()[-1]}
                    if len(others) == 1:
                        ud, ub = self.unit_doc(next(uu for uu in back if any(x[2] in others for x in self.intro_names(uu))))
                        b = next(iter(others.values()))
                        return self.name_rec(b, ub), self.name_rec(a, a_base)
                    return None, self.name_rec(a, a_base)   # the asker alone: the answers stay unattributed
                # "she put the questions to X", "he interviewed X": the verb says who asks
                asked_verb = v.lower_.startswith("interview") or lemma(v).lower() in ("ask", "question", "quiz") \
                    or any(c.dep_ == "dobj" and c.lower_ in ("questions", "question") for c in v.children)
                for o in objs:
                    b = self.intro_person(o, base)
                    if b is None and o.lower_ in ("her", "him"):
                        others = [self.name_span(e, base) for e in doc.ents if e.label_ == "PERSON"
                                  and u.start <= base + e.start_char < u.end and base + e.start_char != base + a[0]]
                        others = [x for x in others if x[2].split()[-1] != a[2].split()[-1]]
                        b = others[0] if len({x[2] for x in others}) == 1 else None
                    if b is not None and b[2] != a[2]:
                        # "our reporter, X" / "Courier reporter X": the object is the one who asks
                        asker = o.lower_ in self.cfg["interview"]["asker_nouns"] or any(
                            c.dep_ == "compound" and c.lower_ in self.cfg["interview"]["asker_nouns"] for c in o.children)
                        if subj is not None and subj.lower_ in ("he", "she") and not asked_verb and not asker:
                            continue   # "He spoke to Y": which of them asks, the clause does not say
                        if asker or self._about_subject(v, a[2], b[2]) and not self._asker_titled(subj):
                            # "... talked to our reporter, X": X asks; "Novelist X talked to Y about his
                            # late start" (the intro goes on about X): X answers
                            return self.name_rec(a, a_base), self.name_rec(b, base)
                        return self.name_rec(b, base), self.name_rec(a, a_base)
        return None

    def _asker_titled(self, subj: Any) -> bool:
        """'Our reporter X', 'Reporter X': the subject carries a noun of asking (`asker_nouns`)."""
        nouns = {n.lower() for n in self.cfg["interview"]["asker_nouns"]}
        return subj is not None and any(t.lower_ in nouns for t in subj.subtree)

    def _about_subject(self, v: Any, a: str, b: str) -> bool:
        """After the verb, the intro's sentence refers to the subject by a pronoun only its gender fits
        ("X talked to Y about his late start", X a man, Y a woman): the intro is about X, who answers."""
        fits_a = fits_b = 0
        for t in v.sent:
            if t.i > v.i and t.lower_ in ("he", "she", "his", "her", "him") and t.pos_ == "PRON":
                pr = {"his": "he", "him": "he", "her": "she"}.get(t.lower_, t.lower_)
                ga, gb = self.gender_fits(a, pr), self.gender_fits(b, pr)
                fits_a += ga and not gb
                fits_b += gb and not ga
        return fits_a > 0 and fits_b == 0

    def _named_person(self, e: Any) -> bool:
        """A full name, or one word that is a first name or a person of the document: a lone capitalised
        word the model tags PERSON ("Hurtigruten", a ship) is no candidate for the one person an intro is about."""
        from ...quoting.gender import first_name

        return len(e) >= 2 or e.text.lower() in self.finder.persons \
            or bool(self.cfg["first_name_gender"]) and first_name(e.text) is not None

    def _person_shaped(self, tok: Any) -> bool:
        """A token inside an entity that is person_like whatever its type ("Iwan Prydderch" tagged ORG)."""
        return any(e.start <= tok.i < e.end and self.person_like(e) for e in tok.doc.ents)

    def person_like(self, e: Any) -> bool:
        """A PERSON entity, or a two- or three-word proper name the model typed otherwise whose first
        word is a first name ("Gerda Vanterpool" tagged GPE): the name's shape, not the entity type."""
        from ...quoting.gender import name_gender

        if e.label_ == "PERSON":
            return True
        return 2 <= len(e) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha for t in e) \
            and bool(self.cfg["first_name_gender"]) and name_gender(e.text, {}, True) is not None

    def intro_names(self, u: Any) -> list[tuple[int, int, str]]:
        """The persons (PERSON entities) an introduction line names, doc-relative."""
        from ...quoting.gender import first_name

        doc, base = self.unit_doc(u)
        names = [self.name_span(e, base) for e in doc.ents
                 if e.label_ == "PERSON" and u.start <= base + e.start_char < u.end]
        # a full name, or one opening with a first name of the general list ("Durban" tagged PERSON is a city)
        names = [x for x in names if len(x[2].split()) >= 2 and x[2].lower() in self.finder.persons
                 or self.cfg["first_name_gender"] and first_name(x[2].split()[0]) is not None]
        for t in doc:   # a subject that is a two- or three-word proper name the model left untagged
            if t.dep_ == "nsubj" and t.pos_ == "PROPN" and not t.ent_type_ and u.start <= base + t.idx < u.end:
                run = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [t]
                if 2 <= len(run) <= 3 and all(c.text[:1].isupper() and c.is_alpha for c in run) \
                        and run[-1].i - run[0].i == len(run) - 1:
                    s, e = run[0].idx, t.idx + len(t)
                    if not any(a <= s < b for a, b, _ in names):
                        names.append((s, e, doc.text[s:e]))
        return sorted(names)

    def intro_person(self, tok: Any, base: int) -> tuple[int, int, str] | None:
        """The person a token names: a PERSON entity it belongs to (or heads by apposition)."""
        if tok is None:
            return None
        from ...quoting.gender import first_name

        for t in [tok] + [c for c in tok.children if c.dep_ == "appos"]:
            for e in tok.doc.ents:
                if e.label_ == "PERSON" and e.start <= t.i < e.end:
                    name = self.name_span(e, base)
                    known = name[2].lower() in self.finder.persons or self.cfg["first_name_gender"] \
                        and first_name(name[2].split()[0]) is not None
                    # "Captain Lorcan Mulcahy", "salt farmer Benedito Carvalho": a full name after a word
                    # that titles it in the same noun phrase is a person whatever the name list knows
                    before = tok.doc[e.start - 1] if e.start > 0 else None
                    full = len(e) >= 2 and all(x.pos_ == "PROPN" or x.text == "-" for x in e)
                    known = known or full and before is not None and before.dep_ == "compound" \
                        and before.head.i == e.end - 1 and before.pos_ in ("NOUN", "PROPN") and before.is_alpha
                    # "the survey's organiser, Wanjiru Halvorsen": a full name set off in apposition to a
                    # common noun is the person that noun describes
                    known = known or full and t is not tok and tok.pos_ == "NOUN" and before is not None and before.text == ","
                    return name if known else None   # "Harvard Chan School" tagged PERSON is no one
        return None

    def leading_name(self, s: int, e: int, base: int) -> list[tuple[int, int, str]]:
        """The capitalised words opening an intro's name slot ("with Ilse Marrow, conducted by ..."),
        when the first is a first name of the general name list or a person of the document."""
        from ...quoting.gender import first_name

        m = re.match(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3}", self.text[s:e])
        if not m:
            return []
        name = m.group(0).rstrip(".")
        first = self.cfg["first_name_gender"] and first_name(name.split()[0]) is not None
        if not (first or name.lower() in self.finder.persons):
            return []
        return [(s - base, s - base + len(name), name)]
