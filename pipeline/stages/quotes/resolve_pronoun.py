"""Resolver: he/she/it/they speakers to the nearest compatible named antecedent, or none."""

from __future__ import annotations

import re
from typing import Any

from .draft import TERMINAL, Draft
from .registry import register


class PronounResolver:
    @register('quotes.speaker.pronoun', 'a pronoun speaker is the one compatible named person before it, else none', order=90)
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
                found = None
                if pr in ("i", "we") and d.parent is not None and d.parent.speaker:
                    found = d.parent.speaker
                elif want == "person":
                    found, stop = self.antecedent_in_sentence(d.pronoun["start"])
                    if stop:
                        want = None  # "told a guy on a plane ..., he responded": an unnamed antecedent
                if want and found is None:
                    for para, sp in reversed(history):
                        if d.para - para > window:
                            break
                        if sp["type"] == want or (want == "organisation" and sp["type"] == "outlet"):
                            found = sp
                            break
                    if found is None and want == "person":
                        found = self.sole_person_before(d)
                if found is not None:
                    d.speaker = {**{k: found[k] for k in ("name", "type", "start", "end", "raw_start", "raw_end")},
                                 "rule": "quotes.speaker.pronoun", "pronoun": {k: d.pronoun[k] for k in
                                                                            ("start", "end", "raw_start", "raw_end")} | {"text": d.pronoun["name"]}}
                    d.rules.append("quotes.speaker.pronoun")
            if d.speaker is not None and d.speaker.get("type") in ("person", "organisation", "outlet"):
                history.append((d.para, d.speaker))

    def antecedent_in_sentence(self, pos: int) -> tuple[dict[str, Any] | None, bool]:
        """A he/she cue's antecedent in its own sentence, before it and outside quotation marks:
        the nearest person named there ("Henry David Thoreau is as relevant as ever when he
        writes"). (None, True) when an unnamed person ("a guy", "a mother") is nearer: the
        pronoun then names no one, and no earlier paragraph may lend it a name."""
        import bisect

        pi = bisect.bisect_right([p["start"] for p in self.paragraphs], pos) - 1
        if pi < 0:
            return None, False
        doc, base = self.docs[pi], self.paragraphs[pi]["start"]
        quoted = [(s.open, (s.close if s.close is not None else s.end) + 1) for s in self.spans_by_para.get(pi, [])]

        def in_quote(x: int) -> bool:
            return any(a <= x < b for a, b in quoted)

        lo = base
        for m in re.finditer(r"[.!?][\"”’)\]]*\s+(?=[A-Z\"“(\[])", self.text[base:pos]):
            if not in_quote(base + m.start()):
                lo = base + m.end()
        persons = self.finder.persons
        cands: list[tuple[int, Any]] = []      # person mentions: full names of the document, or their surnames
        for t in doc:
            s0 = base + t.idx
            if t.pos_ == "PROPN" and t.lower_ in persons and lo <= s0 < pos and not in_quote(s0) \
                    and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN"):
                first = t.i
                while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].text[:1].isupper():
                    first -= 1
                cands.append((s0, doc[first:t.i + 1]))
        last = max((s0 for s0, _ in cands), default=-1)
        for t in doc:
            s0 = base + t.idx
            if lo <= s0 < pos and s0 > last and not in_quote(s0) and t.lower_ in self.finder.person_nouns \
                    and t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another", "some")
                                                 for c in t.children):
                return None, True
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
        for pi, doc in enumerate(self.docs):
            base = self.paragraphs[pi]["start"]
            for t in doc:
                if self.finder._is_verb(t) and t.pos_ != "NOUN":
                    sp = self.finder._subject(t, "quotes.speaker.reported")
                    if sp is not None and sp.pronoun is None and sp.type == "person":
                        out.append((base + t.idx, pi, self.speaker_rec(sp, base)))
        return out

    def sole_person_before(self, d: Draft) -> dict[str, Any] | None:
        """A pronoun with no earlier named speaker: the one PERSON named in the paragraphs before."""
        people: dict[str, Any] = {}
        for pi in range(max(0, d.para - self.cfg["pronoun_window"]), d.para + 1):
            doc, base = self.docs[pi], self.paragraphs[pi]["start"]
            ptext = self.text[self.paragraphs[pi]["start"]:self.paragraphs[pi]["end"]].strip()
            if len(ptext.split()) < 6 or ptext[-1:] not in TERMINAL:
                continue  # a credit or caption line ("Amr Dalsh / Reuters") is no antecedent
            for e in doc.ents:
                if e.label_ == "PERSON" and base + e.end_char <= d.start and not re.search(r"[/|]", e.text):
                    key = e.text.split()[-1].lower()
                    if key not in people or len(e.text) > len(people[key][0].text):
                        people[key] = (e, base)
        if len(people) == 1:
            e, base = next(iter(people.values()))
            return self.person_rec(e, base)
        return None
