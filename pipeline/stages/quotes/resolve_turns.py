"""Resolver: untagged turns of a strict two-person exchange (the turn-taking convention of dialogue).

In dialogue each paragraph is one speaker's turn and a new paragraph is the other person's, so a
run of quotation-only paragraphs between tagged turns of two named people alternates between them.
This is the riskiest inference of the stage, so it fires only when the text leaves no doubt:
an exchange is consecutive paragraphs that each hold quotations and nothing else but their tags or
beats (a paragraph of narration ends it); every tagged turn names one of exactly two people, the
tagged turns agree with strict alternation, each untagged turn is a paragraph that is only its
quotation, of at most `turn_taking.max_turn_words` words (talk, not a statement run on), and no untagged turn is further than `turn_taking.max_untagged` turns from a tagged
one. A turn tagged with a pronoun or a description that resolved to no one, a first-person turn,
or a turn that calls its own assigned speaker by name (a vocative) ends the inference: no speaker.
"""

from __future__ import annotations

import re
from typing import Any

from ...rules import declare
from ...text import sentences
from .registry import register

SPEAKER_TURN_TAKING = declare(
    "quotes.speaker.turn_taking", stage="quotes",
    why="an untagged turn of a strict two-person exchange belongs to the speaker whose turn it is by alternation",
    params=["turn_taking.enabled", "turn_taking.max_untagged", "turn_taking.max_turn_words"])
SPEAKER_BEAT_AFTER = declare(
    "quotes.speaker.beat_after", stage="quotes",
    why="a quotation opening a paragraph, then one narrative sentence and a quotation that sentence attributes: "
        "one speaker (the paragraph is one turn)")


class TurnTakingResolver:
    def _turn_paragraphs(self) -> dict[int, list[Any]]:
        by_para: dict[int, list[Any]] = {}
        for d in self.drafts:
            if d.kind == "inline" and d.parent is None:
                by_para.setdefault(d.para, []).append(d)
        return by_para

    def _only_quoted(self, pi: int, drafts: list[Any]) -> bool:
        """Paragraph pi holds its quotations and punctuation only (no narration, no tag)."""
        p0, p1 = self.paragraphs[pi]["start"], self.paragraphs[pi]["end"]
        rest, pos = [], p0
        for d in sorted(drafts, key=lambda x: x.start):
            rest.append(self.text[pos:d.start])
            pos = d.end
        rest.append(self.text[pos:p1])
        return not re.sub(r"[\s\"'.,;:!?…—–-]", "", "".join(rest))

    def _person_key(self, name: str) -> tuple[str, str | None]:
        bare = self.finder.title_re.sub("", name).strip(" .,").lower()
        first = name.split()[0].lower().rstrip(".") if name.split() else ""
        return bare, self.gender_honorifics.get(first)

    def _same_person(self, a: str, b: str) -> bool:
        (ba, ga), (bb, gb) = self._person_key(a), self._person_key(b)
        if ga and gb and ga != gb:
            return False   # Mr. and Mrs. Harcourt are two people
        wa, wb = ba.split(), bb.split()
        return bool(wa and wb) and (wa == wb or wa[-1:] == wb[-1:] and (len(wa) == 1 or len(wb) == 1))

    @register(SPEAKER_BEAT_AFTER, order=84)
    def beat_after(self) -> None:
        """'"You were gone three hours." She taped a box shut. "I wasn't ..."': the second
        quotation's speaker comes from the beat between them (ACTION_BEAT); the first, which opens
        the paragraph with no tag of its own, is the same turn."""
        from .action_beat import ACTION_BEAT

        for pi, ds in self._turn_paragraphs().items():
            ds = sorted(ds, key=lambda x: x.start)
            if len(ds) < 2:
                continue
            a, b = ds[0], ds[1]
            p0 = self.paragraphs[pi]["start"]
            sp = b.speaker or b.pronoun
            if a.speaker or a.pronoun or sp is None or sp.get("rule") != ACTION_BEAT \
                    or self.text[p0:a.start].strip(' "') or self.text[a.end:a.end + 1] != '"':
                continue
            between = self.text[a.end + 1:b.start].strip(' "\n')   # a hard-wrapped beat starts on its own line
            if not re.fullmatch(r"[A-Z][^\"]*[.!?]", between) or len(sentences.stops(between, self.finder.honorifics)) != 1:
                continue   # exactly one narrative sentence between them
            if self.text[a.start:a.end].rstrip()[-1:] not in ".!?…":
                continue   # '"A," he ...' would be a tag, not a finished turn before a beat
            got = dict(sp)
            got["rule"] = SPEAKER_BEAT_AFTER
            if b.speaker:
                a.speaker = got
            else:
                a.pronoun = got
            a.rules.append(SPEAKER_BEAT_AFTER)

    @register(SPEAKER_TURN_TAKING, order=92)
    def turn_taking(self) -> None:
        tcfg = self.cfg["turn_taking"]
        if not tcfg["enabled"]:
            return
        paras = self._inline_by_para = self._turn_paragraphs()
        run: list[tuple[int, str | None]] = []
        last: tuple[int, list[str]] = (-10 ** 9, [])   # the previous exchange: its end and its speakers
        for pi in range(len(self.paragraphs) + 1):
            turn = self._turn(pi, paras) if pi < len(self.paragraphs) else False
            if turn is not False:
                run.append((pi, turn))
                continue
            if run:
                near = last[1] if run[0][0] - last[0] <= self.cfg["pronoun_window"] else []
                if len(run) >= 3:
                    self._alternate(run, paras, tcfg["max_untagged"], near)
                last = (run[-1][0], [d.speaker["name"] for p, _ in run for d in paras[p]
                                     if d.speaker and d.speaker.get("type") == "person"])
            run = []

    def _turn(self, pi: int, paras: dict[int, list[Any]]) -> str | None | bool:
        """Paragraph pi as a turn of an exchange: its one speaker's name, None for an untagged turn
        (only its quotation), False when it is no such turn (narration, a structure, a pronoun or a
        description that resolved to no one, two speakers)."""
        ds = paras.get(pi)
        if not ds:
            return False
        p0, p1 = self.paragraphs[pi]["start"], self.paragraphs[pi]["end"]
        if any(d.kind != "inline" and d.start < p1 and d.end > p0 for d in self.structures_at.get(pi, ())):
            return False
        if any(d.pronoun is not None and d.speaker is None for d in ds):
            return False
        names = [d.speaker["name"] for d in ds if d.speaker and d.speaker.get("type") == "person"]
        if any(d.speaker and d.speaker.get("type") != "person" for d in ds):
            return False
        if not names:
            from ...text.words import count as words

            if sum(words(self.text[d.start:d.end]) for d in ds) > self.cfg["turn_taking"]["max_turn_words"]:
                return False   # a long untagged paragraph is a statement continued (news), not a turn of talk
            return None if self._only_quoted(pi, ds) and not any(d.cue for d in ds) else False
        if not all(self._same_person(a, b) for a in names for b in names):
            return False
        return max(names, key=len)

    def _context_people(self, first: int, before: list[str]) -> list[str]:
        """The persons on stage before an exchange: the speakers of the exchange just before it
        (`before`), and the speakers and narrated subjects (a person named as the subject of a
        narrative clause) of the pronoun window before its first paragraph."""
        out = list(before)
        for pj in range(max(0, first - self.cfg["pronoun_window"]), first):
            for d in self._inline_by_para.get(pj, ()):
                if d.speaker and d.speaker.get("type") == "person":
                    out.append(d.speaker["name"])
            doc, base = self.docs[pj], self.paragraphs[pj]["start"]
            for s0, name in self.person_mentions(pj):
                toks = [t for t in doc if s0 <= base + t.idx < s0 + len(name)]
                heads = {t.head.i for t in toks} | {t.i for t in toks}
                if any(t.dep_ in ("nsubj", "nsubjpass") or t.dep_ in ("compound", "appos")
                       and t.head.dep_ in ("nsubj", "nsubjpass") and t.head.i in heads | {t.head.i} for t in toks):
                    out.append(name)
        return out

    def _alternate(self, run: list[tuple[int, str | None]], paras: dict[int, list[Any]], max_untagged: int,
                   before: list[str]) -> None:
        turns = run
        people: list[str] = []
        for name in [n for _, n in turns if n is not None] + self._context_people(turns[0][0], before):
            if not any(self._same_person(name, p) for p in people):
                people.append(name)
        if len(people) != 2 or all(n is not None for _, n in turns):
            return
        tagged = [(k, n) for k, (_, n) in enumerate(turns) if n is not None]
        for k, n in tagged:   # strict alternation: the same person at even distances only
            for k2, n2 in tagged:
                if ((k - k2) % 2 == 0) != self._same_person(n, n2):
                    return
        k0 = tagged[0][0]
        plan = []
        for k, (pi, name) in enumerate(turns):
            if name is not None or k < k0:
                continue   # only turns after the exchange's first tag: the convention runs forward
            if min(abs(k - kt) for kt, _ in tagged) > max_untagged:
                continue
            src_k, src_name = min(tagged, key=lambda kn: (abs(k - kn[0]), kn[0]))
            who = src_name if (k - src_k) % 2 == 0 else next(p for p in people if not self._same_person(p, src_name))
            if self._calls_by_name(paras[pi], who):
                return   # 'He's lending us a van, Priya' given to Priya: the alternation is wrong
            same = [kt for kt, n in tagged if self._same_person(n, who)]
            if same:
                near = min(same, key=lambda kt: (abs(k - kt), kt))
                src = next(d.speaker for d in paras[turns[near][0]] if d.speaker)
            else:
                src = self._mention_rec(who, turns[0][0])
                if src is None:
                    return
            plan.append((pi, src))
        for pi, src in plan:
            for d in paras[pi]:
                d.speaker = {**{x: src[x] for x in ("name", "type", "start", "end", "raw_start", "raw_end")},
                             "rule": SPEAKER_TURN_TAKING}
                d.rules.append(SPEAKER_TURN_TAKING)

    def _mention_rec(self, name: str, first: int) -> dict[str, Any] | None:
        """A speaker record for a person on stage who has no tagged turn in the exchange: the
        nearest earlier tagged quotation or narrative mention of that name."""
        for d in sorted(self.drafts, key=lambda x: -x.start):
            if d.para < first and d.speaker and d.speaker.get("type") == "person" and d.speaker["name"] == name:
                return d.speaker
        for pj in range(first - 1, max(-1, first - self.cfg["pronoun_window"] - 1), -1):
            for s0, n in reversed(self.person_mentions(pj)):
                if n == name:
                    return self.span_rec(s0, s0 + len(n), name=n, type="person")
        return None

    def _calls_by_name(self, drafts: list[Any], name: str) -> bool:
        """A quotation that names the person it would be given to (a vocative: "..., Priya.")."""
        words = [w for w in self.finder.title_re.sub("", name).replace(".", " ").split() if len(w) > 1]
        return any(re.search(r"\b" + re.escape(w) + r"\b", self.text[d.start:d.end]) for d in drafts for w in words)
