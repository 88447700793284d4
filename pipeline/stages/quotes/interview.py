"""Question/Answer interviews: labelled paragraphs, unlabelled question-answer runs; the names come from
the introduction (interview_intro.py). Name-labelled transcripts are in interview_turns.py."""

from __future__ import annotations

import re
from typing import Any

from .draft import Draft
from .registry import register
from .interview_intro import BOLD, SPEAKER_INTERVIEW_BYLINE, SPEAKER_INTERVIEW_INTRO, InterviewIntro
from .interview_turns import NamedTurnsForm  # noqa: F401  (the builder imports both forms from here)
from ...quoting.textual import unit_paragraphs
from ...rules import declare

# the rules this module applies: declared once here, used through these constants
INTERVIEW_QUESTION = declare("quotes.interview.question", stage="quotes",
        why="a 'Q:' paragraph of an interview is the interviewer's",
        params=["interview.question_labels"])
INTERVIEW_ANSWER = declare("quotes.interview.answer", stage="quotes",
        why="an 'A:' paragraph of an interview is the interviewee's",
        params=["interview.answer_labels"])
SPEAKER_INTERVIEW_CREDIT = declare("quotes.speaker.interview_credit", stage="quotes",
        why="a credit line under an interview's last turn ('Interview by NAME') names the one who asked",
        params=["interview.credit_pattern"])
SPEAKER_TURN_QUOTATION = declare("quotes.speaker.turn_quotation", stage="quotes",
        why="words in quote marks inside an interview turn, with no reporting clause of their own, are the turn's speaker's",
        params=["reporting_verbs"])
INTERVIEW_UNLABELLED = declare(
    "quotes.interview.unlabelled_turn", stage="quotes",
    why="after an intro 'X spoke to Y', unquoted one-line questions ending in '?' alternating with answer "
        "paragraphs are an interview whose labels (bold in the page) were lost: X asks, Y answers")
_ROLE_RULES = {"question": INTERVIEW_QUESTION, "answer": INTERVIEW_ANSWER}
_MAX_QUESTION_WORDS = 40   # a question turn is one short paragraph (structure, not a parameter to tune)
_TURN_LABEL = re.compile(rf"^{BOLD}[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,2}}{BOLD}\s*:{BOLD}\s")


INTERVIEW_FAQ = declare("quotes.interview.faq", stage="quotes",
        why="Q:/A: turns under an FAQ heading, with no interviewee named, are a help page's own text, not an interview",
        params=["interview.faq_heading_pattern"])
# the lines before the first label read for the FAQ heading (a heading, perhaps a breadcrumb and an intro line)
_FAQ_LOOKBACK_LINES = 3


class InterviewForm(InterviewIntro):
    @register(INTERVIEW_FAQ, kind="check")
    def under_faq_heading(self, first: int) -> bool:
        rx = re.compile(self.cfg["interview"]["faq_heading_pattern"])
        return any(rx.search(self.units[k].bare) and self.units[k].tags.get("heading")
                   for k in range(max(0, first - _FAQ_LOOKBACK_LINES), first))

    @register('quotes.interview', 'Q:/A: labelled turns are quotations of the interviewee and the interviewer', order=10)
    def interviews(self) -> None:
        iv = self.cfg["interview"]
        q_re = re.compile(rf"^{BOLD}(?:" + "|".join(re.escape(x) for x in iv["question_labels"]) + rf"){BOLD}\s*[:.]{BOLD}\s+")
        a_re = re.compile(rf"^{BOLD}(?:" + "|".join(re.escape(x) for x in iv["answer_labels"]) + rf"){BOLD}\s*[:.]{BOLD}\s+")
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
        if interviewee is None and self.under_faq_heading(first):
            return   # a help page's questions and answers: the site's own text, no one quoted
        asker_rule = rule
        if interviewer is None:
            interviewer = self.interview_credit(max(labels), first)
            asker_rule = SPEAKER_INTERVIEW_CREDIT
        if interviewer is None:
            interviewer, asker_rule = self.interview_byline(first, interviewee), SPEAKER_INTERVIEW_BYLINE
        for i, (role, off) in sorted(labels.items()):
            u = self.units[i]
            j = i
            while j + 1 < len(self.units) and not self.stops_block(self.units[j + 1]) \
                    and not (self.units[j + 1].first_in_para and self.units[j + 1].tags.get("cue")) \
                    and not (self.units[j + 1].first_in_para and self.narration(self.units[j + 1])):
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

    @register(SPEAKER_TURN_QUOTATION, order=50)
    def turn_quotation(self, d: Draft, doc: Any, base: int, s: Any) -> None:
        """'"We were here first" is a fair thing to say': a quotation inside an answer (or question)
        whose sentence has no reporting verb or "according to" outside the marks is the turn's
        speaker's; 'My teacher told me, "..."' says otherwise (its own cue, no speaker from the turn)."""
        par = d.parent
        if par is None or par.speaker is None:
            return
        at = next((t for t in doc if base + t.idx >= s.open), None)
        if at is None:
            return
        sent = at.sent
        outside = [t for t in sent if not (s.open <= base + t.idx < (s.close + 1 if s.close is not None else s.end))]
        from ...quoting.speakers import lemma

        if any(t.pos_ in ("VERB", "AUX") and lemma(t).lower() in self.finder.verbs
               and not (t.dep_ in ("acl", "relcl") and t.head.pos_ == "NOUN")   # "a fair thing to say" reports nothing
               or t.lower_ == "according"
               or t.lower_ in ("call", "calls", "called", "calling") for t in outside):
            return
        d.speaker = {**dict(par.speaker), "rule": SPEAKER_TURN_QUOTATION}
        d.rules.append(SPEAKER_TURN_QUOTATION)

    def narration(self, u: Any) -> bool:
        """'Carvalho laughed when we asked. "The pans will retire me," he said.': a paragraph that quotes
        and reports the quotation in the third person (a reporting verb outside the marks whose subject
        is he/she/they or a name) is the writer's, not the answer running on."""
        from ...quoting.speakers import lemma

        p = self.paragraphs[u.para]
        if '"' not in self.text[p["start"]:p["end"]]:
            return False
        doc, base = self.unit_doc(u)
        inside, depth = set(), False
        for t in doc:
            if t.text == '"':
                depth = not depth
            elif depth:
                inside.add(t.i)
        marks = [t.i for t in doc if t.text == '"']
        # the verb tags a quotation: next to a mark (within four tokens), with no complement clause of its
        # own ('But he replied that ...' inside an answer reports something else)
        return any(t.i not in inside and t.pos_ == "VERB" and lemma(t).lower() in self.finder.verbs
                   and any(abs(t.i - k) <= 4 for k in marks) and not any(c.dep_ == "ccomp" and c.i not in inside for c in t.children)
                   and any(c.dep_ == "nsubj" and (c.lower_ in ("he", "she", "they") or c.pos_ == "PROPN")
                           for c in t.children) for t in doc)

    def interview_credit(self, last: int, first: int | None = None) -> dict[str, Any] | None:
        """'Interview by Sunniva Krogh' on a line of its own within the three lines after the last turn,
        or within the three lines before the first label (a credit under the headline)."""
        rx = re.compile(self.cfg["interview"]["credit_pattern"])
        near = self.units[last + 1:last + 4] + (self.units[max(0, first - 3):first] if first is not None else [])
        for u in near:
            m = rx.match(u.bare)
            if m:
                s0 = u.start + u.text.find(m.group("name"))
                return self.span_rec(s0, s0 + len(m.group("name")), name=m.group("name"), type="person")
        return None
