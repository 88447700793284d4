"""Question/Answer interviews: labelled paragraphs, names from the introduction."""

from __future__ import annotations

import re
from typing import Any

from .draft import Draft
from .registry import register
from ...quoting.textual import unit_paragraphs
from ...rules import declare

# the rules this module applies: declared once here, used through these constants
INTERVIEW_QUESTION = declare("quotes.interview.question", stage="quotes",
        why="a 'Q:' paragraph of an interview is the interviewer's",
        params=["interview.question_labels"])
INTERVIEW_ANSWER = declare("quotes.interview.answer", stage="quotes",
        why="an 'A:' paragraph of an interview is the interviewee's",
        params=["interview.answer_labels"])
SPEAKER_INTERVIEW_INTRO = declare("quotes.speaker.interview_intro", stage="quotes",
        why="an interview's introduction names interviewer and interviewee",
        params=["interview.intro_pattern"])
SPEAKER_INTERVIEW_MAIN_PERSON = declare("quotes.speaker.interview_main_person", stage="quotes",
        why="the one person an interview page is about answers its questions")
SPEAKER_INTERVIEW_CREDIT = declare("quotes.speaker.interview_credit", stage="quotes",
        why="a credit line under an interview's last turn ('Interview by NAME') names the one who asked",
        params=["interview.credit_pattern"])
INTERVIEW_NAMED_TURN = declare(
    "quotes.interview.named_turn", stage="quotes",
    why='a transcript: paragraphs opening "NAME:" where two or more named people each take two turns')
SPEAKER_TURN_LABEL = declare("quotes.speaker.turn_label", stage="quotes",
        why="the NAME of a transcript's 'NAME:' turn is its speaker")
INTERVIEW_UNLABELLED = declare(
    "quotes.interview.unlabelled_turn", stage="quotes",
    why="after an intro 'X spoke to Y', unquoted one-line questions ending in '?' alternating with answer "
        "paragraphs are an interview whose labels (bold in the page) were lost: X asks, Y answers")
_ROLE_RULES = {"question": INTERVIEW_QUESTION, "answer": INTERVIEW_ANSWER}
_ASK_VERBS = ("ask", "question", "quiz")   # verbs whose object is the one asked: an intro's asker and answerer
_ANSWER_VERBS = ("answer", "field", "take", "face", "tackle")   # "X answered our questions": the subject answers
_MAX_QUESTION_WORDS = 40   # a question turn is one short paragraph (structure, not a parameter to tune)
_TURN_LABEL = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s*:\s")
_INTRO_UNITS = 6   # lines before the first label read as the introduction (a news intro runs to a few paragraphs)


class InterviewForm:
    @register('quotes.interview', 'Q:/A: labelled turns are quotations of the interviewee and the interviewer', order=10)
    def interviews(self) -> None:
        iv = self.cfg["interview"]
        q_re = re.compile(r"^(?:" + "|".join(re.escape(x) for x in iv["question_labels"]) + r")\s*[:.]\s+")
        a_re = re.compile(r"^(?:" + "|".join(re.escape(x) for x in iv["answer_labels"]) + r")\s*[:.]\s+")
        labels = {}
        for u in self.units:
            for role, rx in (("question", q_re), ("answer", a_re)):
                m = rx.match(u.text)
                # a label opens a paragraph, or a line of a paragraph that opens with a label
                # ("Q: ...\nA: ..."), then with a colon only ("A. Smith" on a line is no label)
                prev = self.units[u.index - 1] if u.index else None
                if m and (u.first_in_para or u.index - 1 in labels and prev.para == u.para
                          and (":" in m.group(0) or labels[u.index - 1][0] == "question" and role == "answer"
                               and prev.text.rstrip().endswith("?"))):   # "Q. ...?" then "A. ...": a pair
                    labels[u.index] = (role, m.end())
        roles = {r for r, _ in labels.values()}
        if roles != {"question", "answer"}:
            return
        for i in labels:
            self.units[i].tags["label"] = True
        first = min(labels)
        interviewee, interviewer, rule = self.interview_names(first)
        asker_rule = rule
        if interviewer is None:
            interviewer = self.interview_credit(max(labels))
            asker_rule = SPEAKER_INTERVIEW_CREDIT
        for i, (role, off) in sorted(labels.items()):
            u = self.units[i]
            j = i
            while j + 1 < len(self.units) and not self.stops_block(self.units[j + 1]) \
                    and not (self.units[j + 1].first_in_para and self.units[j + 1].tags.get("cue")):
                j += 1
            d = Draft("interview", u.start + off, self.units[j].end, _ROLE_RULES[role], (i, j), para=u.para)
            who = interviewee if role == "answer" else interviewer
            why = rule if role == "answer" else asker_rule
            if who is not None:
                d.speaker = {**who, "rule": why}
            d.rules = [d.rule] + ([why] if who else [])
            d.source = self.intro_source
            self.add_structure(d)

    @register(INTERVIEW_UNLABELLED, order=12)
    def unlabelled_interviews(self) -> None:
        """'Reporter Hana Okoro spoke to Captain Tomas Wielgus ...' then 'How did you start?' / 'My
        father ran ...' / 'What was the worst day?' / ...: the paragraphs right after an introduction
        that names the asker and the answerer (`intro_pair`) alternate between a one-line question
        ending in '?' and answer paragraphs; no quote marks, no label, at least two pairs. The run ends
        at a heading, a claimed line or a paragraph with quote marks."""
        paras = unit_paragraphs(self.units)
        for k, intro in enumerate(paras):
            if len(intro) != 1 or intro[0].index in self.claimed or k + 4 > len(paras):
                continue
            turns = self._unlabelled_turns(paras[k + 1:])
            if len(turns) < 4:
                continue
            pair = self.intro_pair(intro)
            if pair is None or pair[0] is None:
                continue   # "We spoke with X, who ...": X answers; the outlet's unnamed asker gives no speaker
            for n, (first, last) in enumerate(turns):
                d = Draft("interview", first.start, last.end, INTERVIEW_UNLABELLED, (first.index, last.index),
                          para=first.para)
                who = pair[1 if n % 2 == 0 else 0]
                d.speaker = {**who, "rule": SPEAKER_INTERVIEW_INTRO} if who else None
                d.rules = [INTERVIEW_UNLABELLED] + ([SPEAKER_INTERVIEW_INTRO] if who else [])
                self.add_structure(d)

    def _unlabelled_turns(self, paras: list[list[Any]]) -> list[tuple[Any, Any]]:
        """(first unit, last unit) of each question and answer turn opening `paras`; [] unless it
        opens with a question and holds at least two question-answer pairs."""
        def usable(p: list[Any]) -> bool:   # a "NAME:" label opening the paragraph: a labelled turn, not an unlabelled one
            return not any(self.stops_block(u) or '"' in self.text[u.start:u.end] for u in p) \
                and not _TURN_LABEL.match(p[0].text)

        def question(p: list[Any]) -> bool:
            t = self.text[p[0].start:p[-1].end].strip()
            return len(p) == 1 and t.endswith("?") and len(t.split()) <= _MAX_QUESTION_WORDS

        turns: list[tuple[Any, Any]] = []
        for p in paras:
            if not usable(p):
                break
            if question(p):
                if turns and len(turns) % 2 == 1:
                    break   # two questions in a row: no answer between, no interview shape
                turns.append((p[0], p[-1]))
            elif turns and len(turns) % 2 == 1:
                turns.append((p[0], p[-1]))   # the answer opens
            elif turns:
                turns[-1] = (turns[-1][0], p[-1])   # the answer runs on over another paragraph
            else:
                break
        if len(turns) % 2 == 1:
            turns.pop()
        return turns if len(turns) >= 4 else []

    def interview_credit(self, last: int) -> dict[str, Any] | None:
        """'Interview by Sunniva Krogh' on a line of its own within the three lines after the last turn."""
        rx = re.compile(self.cfg["interview"]["credit_pattern"])
        for u in self.units[last + 1:last + 4]:
            m = rx.match(u.bare)
            if m:
                s0 = u.start + u.text.find(m.group("name"))
                return self.span_rec(s0, s0 + len(m.group("name")), name=m.group("name"), type="person")
        return None

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
        for u in back:
            if "heading" in u.tags and u.index != first - 1:
                break
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
                if any(t.dep_ == "nsubj" and t.lower_ in ("he", "she") and ub + t.idx > pos and u.start <= ub + t.idx < u.end
                       and self.gender_fits(e.text, t.lower_) for t in doc):
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
                if lemma(v).lower() in _ANSWER_VERBS and any(c.dep_ == "dobj" and c.lower_ in ("questions", "question")
                                                            for c in v.children):
                    return self.name_rec(a, a_base), None   # "X answered our questions": X answers
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
                for o in objs:
                    b = self.intro_person(o, base)
                    if b is None and o.lower_ in ("her", "him"):
                        others = [self.name_span(e, base) for e in doc.ents if e.label_ == "PERSON"
                                  and u.start <= base + e.start_char < u.end and base + e.start_char != base + a[0]]
                        others = [x for x in others if x[2].split()[-1] != a[2].split()[-1]]
                        b = others[0] if len({x[2] for x in others}) == 1 else None
                    if b is not None and b[2] != a[2]:
                        if o.lower_ in self.cfg["interview"]["asker_nouns"]:
                            return self.name_rec(a, a_base), self.name_rec(b, base)   # "... talked to our reporter, X": X asks
                        return self.name_rec(b, base), self.name_rec(a, a_base)
        return None

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
                    known = known or len(e) >= 2 and all(x.pos_ == "PROPN" or x.text == "-" for x in e) \
                        and before is not None and before.dep_ == "compound" and before.head.i == e.end - 1 \
                        and before.pos_ in ("NOUN", "PROPN") and before.is_alpha
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


class NamedTurnsForm:
    @register(INTERVIEW_NAMED_TURN, order=15)
    def named_turns(self) -> None:
        """`SMITH: We met in May.` / `Anna Berg: ...`: turns labelled with a person's name, when at
        least two labels name people and each comes back (a transcript, not a "Note:" line). The
        label is the speaker; the turn is the rest of the paragraph."""
        from ...quoting.gender import first_name

        # "NAME: ..." or "NAME — ..." (a spaced dash, as some transcripts set the label off)
        # a transcript's time stamp before or after the name ("[00:12] SMITH:", "Jane Doe (01:02:03):") is no part of it
        stamp = r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?"
        rx = re.compile(rf"^(?:{stamp}\s+)?(?P<label>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,2}})(?:\s+{stamp})?"
                        r"(?:\s*:|\s+[—–])\s+(?P<rest>\S.*)")
        turns: dict[str, list[tuple[Any, int]]] = {}
        self._label_at: dict[int, int] = {}   # unit -> where its label starts (after a time stamp)
        labelled_paras: set[Any] = set()   # paragraphs opening with a label: a later line may open a turn too
        for u in self.units:
            if not (u.first_in_para or u.para in labelled_paras) or u.index in self.claimed or u.tags.get("label"):
                continue
            m = rx.match(u.text)
            if m:
                labelled_paras.add(u.para)
                turns.setdefault(m.group("label"), []).append((u, m.start("rest")))
                self._label_at[u.index] = m.start("label")

        intro_words: set[str] | None = None

        def named_in_intro(label: str) -> bool:
            """'Tadhg:' after 'our guest, Tadhg Breen': a word of a person the first paragraphs name."""
            nonlocal intro_words
            if intro_words is None:
                intro_words = set()
                for pi in range(min(3, len(self.paragraphs))):
                    doc = self.docs[pi]
                    intro_words |= {w.lower() for e in doc.ents if self.person_like(e) and len(e) >= 2 for w in e.text.split()}
                    for t in doc:   # "the seaweed grower Osric Breen": proper nouns right after a common noun
                        run = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [t]
                        if t.pos_ == "PROPN" and 2 <= len(run) <= 3 and run[0].i > 0 \
                                and doc[run[0].i - 1].pos_ == "NOUN" and run[-1].i - run[0].i == len(run) - 1:
                            intro_words |= {c.lower_ for c in run}
            return all(w.lower() in intro_words for w in label.split())

        if sum(len(v) for v in turns.values()) < 2:
            return   # no label comes back: no transcript, and no introduction to read
        initials = self._intro_initials()

        def person(label: str) -> bool:
            first = label.split()[0]
            return label in initials or label.lower() in self.finder.persons or label.isupper() and len(label) > 2 \
                or bool(self.cfg["first_name_gender"] and first_name(first.title())) \
                or named_in_intro(label)

        # "Ruth Abernathy-Cole:" once, then "Abernathy-Cole:": a surname label is the full name's turn
        full = {k.split()[-1].lower(): k for k in turns if len(k.split()) > 1 and person(k)}
        groups: dict[str, list[tuple[Any, int, str]]] = {}
        for k, v in turns.items():
            key = k.lower() if len(k.split()) > 1 else full.get(k.lower(), k).lower()
            groups.setdefault(key, []).extend((u, off, k) for u, off in v)
        people = {k: v for k, v in groups.items() if len(v) >= 2 and any(person(lab) for _, _, lab in v)
                  and k.rstrip(".") not in self.finder.honorifics}
        if len(people) == 1:
            self._asked_turns(turns, people)
            return
        if len(people) < 2 or len({lab.split()[-1].lower() for v in people.values() for _, _, lab in v}) < 2:
            return
        for items in people.values():
            for u, off, label in items:
                j = u.index
                while j + 1 < len(self.units) and not self.units[j + 1].first_in_para and j + 1 not in self._label_at:
                    j += 1
                d = Draft("interview", u.start + off, self.units[j].end, INTERVIEW_NAMED_TURN, (u.index, j),
                          para=u.para)
                if label in initials:   # "JP:" after "Jonah Pellegrini (JP)": the person, cited where named
                    s0, e0, name = initials[label]
                    d.speaker = self.span_rec(s0, e0, name=name, type="person", rule=SPEAKER_TURN_LABEL)
                    d.speaker["label"] = self.span_rec(*self._label_span(u, label), text=label)
                else:
                    d.speaker = self.span_rec(*self._label_span(u, label), name=label, type="person",
                                              rule=SPEAKER_TURN_LABEL)
                d.rules = [d.rule, SPEAKER_TURN_LABEL]
                self.add_structure(d)

    def _intro_initials(self) -> dict[str, tuple[int, int, str]]:
        """'JP' -> Jonah Pellegrini: the initials of each full name (two or three words) the first
        paragraphs tag as a person, when no other person there has the same initials; a transcript
        labelled with initials names its speakers so ("Jonah Pellegrini (JP)")."""
        seen: dict[str, set[tuple[int, int, str]]] = {}
        for pi in range(min(3, len(self.paragraphs))):
            doc, base = self.docs[pi], self.paragraphs[pi]["start"]
            for e in doc.ents:
                if e.label_ != "PERSON" or "\n" in e.text:
                    continue
                s0, e0, name = self.name_span(e, base)
                words = name.split()
                if 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
                    seen.setdefault("".join(w[0] for w in words), set()).add((base + s0, base + e0, name))
        return {k: min(v) for k, v in sorted(seen.items()) if len({n for _, _, n in v}) == 1}

    def _label_span(self, u: Any, label: str) -> tuple[int, int]:
        s0 = u.start + self._label_at[u.index]
        return s0, s0 + len(label)

    def _asked_turns(self, turns: dict[str, list[tuple[Any, int]]], people: dict[str, list[tuple[Any, int, str]]]) -> None:
        """'Q: Why close now?' / 'Wasilewski: The rent doubled.', or 'Interviewer:' turns: one person's
        label alternating strictly with a question label or an asker noun, each at least twice. The
        person's turns are theirs; the asker's are the interviewer's the introduction names, else no
        one's (an outlet's unnamed interviewer)."""
        iv = self.cfg["interview"]
        askers = {x.lower() for x in iv["question_labels"]} | {x.lower() for x in iv["asker_nouns"]} | {"interviewer"}
        asked = [(u, off, k) for k, v in turns.items() if k.lower().rstrip(".") in askers for u, off in v]
        person = next(iter(people.values()))
        if len(asked) < 2:
            return
        seq = sorted([(u.index, "q", u, off, k) for u, off, k in asked] + [(u.index, "a", u, off, k) for u, off, k in person],
                     key=lambda x: x[0])
        if any(seq[n][1] == seq[n + 1][1] for n in range(len(seq) - 1)) or seq[0][1] != "q":
            return   # not a strict question-answer alternation: no interview shape
        first = seq[0][2].index
        pair = self.intro_pair([self.units[k] for k in range(first - 1, max(-1, first - 4), -1)])
        asker = pair[1] if pair is not None else None
        for _, role, u, off, label in seq:
            j = u.index
            while j + 1 < len(self.units) and not self.units[j + 1].first_in_para and j + 1 not in self._label_at:
                j += 1
            d = Draft("interview", u.start + off, self.units[j].end, INTERVIEW_NAMED_TURN, (u.index, j), para=u.para)
            if role == "a":
                d.speaker = self.span_rec(*self._label_span(u, label), name=label, type="person", rule=SPEAKER_TURN_LABEL)
                d.rules = [d.rule, SPEAKER_TURN_LABEL]
            else:
                d.speaker = {**asker, "rule": SPEAKER_INTERVIEW_INTRO} if asker else None
                d.rules = [d.rule] + ([SPEAKER_INTERVIEW_INTRO] if asker else [])
            self.add_structure(d)
