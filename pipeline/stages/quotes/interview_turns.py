"""Name-labelled transcripts: "NAME: ..." turns, surname and initials labels, one person's turns
alternating with a question label."""

from __future__ import annotations

import re
from typing import Any

from .draft import Draft
from .registry import register
from .interview_intro import BOLD, SPEAKER_INTERVIEW_BYLINE, SPEAKER_INTERVIEW_INTRO
from ...rules import declare

# the rules this module applies: declared once here, used through these constants
INTERVIEW_NAMED_TURN = declare(
    "quotes.interview.named_turn", stage="quotes",
    why='a transcript: paragraphs opening "NAME:" where two or more named people each take two turns')
SPEAKER_TURN_LABEL = declare("quotes.speaker.turn_label", stage="quotes",
        why="the NAME of a transcript's 'NAME:' turn is its speaker")


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
        rx = re.compile(rf"^(?:{stamp}\s+)?{BOLD}(?P<label>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,2}})(?:\s+{stamp})?"
                        rf"(?:{BOLD}\s*:{BOLD}|\s+[—–])\s+(?P<rest>\S.*)")
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
            self._asked_turns(turns, people, initials)
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
                # a name the model typed otherwise ("Oksana Featherstone-Diallo" as ORG): its shape, two or
                # three capitalised proper nouns; a clash of initials with another name drops both
                if "\n" in e.text or not (e.label_ == "PERSON" or e.label_ in ("ORG", "GPE", "NORP")
                                          and all(t.pos_ == "PROPN" or t.text == "-" for t in e)):
                    continue
                s0, e0, name = self.name_span(e, base)
                words = name.split()
                if 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
                    seen.setdefault("".join(w[0] for w in words), set()).add((base + s0, base + e0, name))
        return {k: min(v) for k, v in sorted(seen.items()) if len({n for _, _, n in v}) == 1}

    def _label_span(self, u: Any, label: str) -> tuple[int, int]:
        s0 = u.start + self._label_at[u.index]
        return s0, s0 + len(label)

    def _asked_turns(self, turns: dict[str, list[tuple[Any, int]]], people: dict[str, list[tuple[Any, int, str]]],
                     initials: dict[str, tuple[int, int, str]]) -> None:
        """'Q: Why close now?' / 'Wasilewski: The rent doubled.', or 'Interviewer:' turns: one person's
        label alternating strictly with a question label or an asker noun, each at least twice. The
        person's turns are theirs; the asker's are the interviewer's the introduction names, else no
        one's (an outlet's unnamed interviewer)."""
        iv = self.cfg["interview"]
        askers = {x.lower() for x in iv["question_labels"]} | {x.lower() for x in iv["asker_nouns"]} | {"interviewer"}
        asked = [(u, off, k) for k, v in turns.items() if k.lower().rstrip(".") in askers for u, off in v]
        person = next(iter(people.values()))
        own = {lab for _, _, lab in person}
        labelled = False   # "Vik: ..." / "Batista: ...": the other label of a strict two-label exchange speaks too
        if len(asked) < 2:
            other = [k for k, v in turns.items() if k not in own and len(v) >= 2]
            if len(other) != 1:
                return
            asked, labelled = [(u, off, other[0]) for u, off in turns[other[0]]], True
        seq = sorted([(u.index, "q", u, off, k) for u, off, k in asked] + [(u.index, "a", u, off, k) for u, off, k in person],
                     key=lambda x: x[0])
        if any(seq[n][1] == seq[n + 1][1] for n in range(len(seq) - 1)) or seq[0][1] != "q" and not labelled:
            return   # not a strict question-answer alternation: no interview shape
        first = seq[0][2].index
        pair = self.intro_pair([self.units[k] for k in range(first - 1, max(-1, first - 4), -1)])
        asker, asker_rule = (pair[1] if pair is not None else None), SPEAKER_INTERVIEW_INTRO
        if asker is None:   # "Last month we spoke with X": the byline's author asked
            asker, asker_rule = self.interview_byline(first, None), SPEAKER_INTERVIEW_BYLINE
        for _, role, u, off, label in seq:
            j = u.index
            while j + 1 < len(self.units) and not self.units[j + 1].first_in_para and j + 1 not in self._label_at:
                j += 1
            d = Draft("interview", u.start + off, self.units[j].end, INTERVIEW_NAMED_TURN, (u.index, j), para=u.para)
            if (role == "a" or labelled) and label in initials:   # "OF:" after "Oksana Featherstone-Diallo": the person
                s0, e0, name = initials[label]
                d.speaker = self.span_rec(s0, e0, name=name, type="person", rule=SPEAKER_TURN_LABEL)
                d.speaker["label"] = self.span_rec(*self._label_span(u, label), text=label)
                d.rules = [d.rule, SPEAKER_TURN_LABEL]
            elif role == "a" or labelled:
                d.speaker = self.span_rec(*self._label_span(u, label), name=label, type="person", rule=SPEAKER_TURN_LABEL)
                d.rules = [d.rule, SPEAKER_TURN_LABEL]
            else:
                d.speaker = {**asker, "rule": asker_rule} if asker else None
                d.rules = [d.rule] + ([asker_rule] if asker else [])
            self.add_structure(d)
