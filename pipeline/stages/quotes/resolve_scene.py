"""Pronoun antecedents that the scene gives: the subject of the beat before a tagged quotation, a
description the text introduced with a name, and the other party of a reply (mixed into the pronoun
resolver, `resolve_pronoun.py`)."""

from __future__ import annotations

import re
from typing import Any

from ...rules import declare

SPEAKER_REPLY = declare("quotes.speaker.reply", stage="quotes",
        why="a pronoun tagging a reply ('he replied') in a new turn is not the previous turn's speaker: the one other "
            "fitting person named in the window, else no one", params=["response_verbs"])

SCENE_BREAK = declare("quotes.scene_break", stage="quotes",
        why="a new scene resets who is present: no one named before a scene break (a line of ornaments, a chapter "
            "heading, a numeral alone) is a pronoun's antecedent after it", params=["scene_break_pattern", "pronoun_window"])

_SENTENCE_STOP = re.compile(r"[.!?]")
_PERSON_FIELDS = ("name", "type", "start", "end", "raw_start", "raw_end")   # a speaker record, its rule aside


class SceneAntecedents:
    def beat_antecedent(self, pi: int, pos: int, pronoun: str) -> tuple[bool, dict[str, Any] | None]:
        """'The porter stared. "That train," he repeated': the subject of the beat right before the
        quotation a pronoun tags is the pronoun's person. A singular common noun there ("the porter",
        "my uncle") decides: the one person the text introduced with it, if the gender fits, else no
        one (True, None). Any other subject, or no beat: undecided (False, None)."""
        spans = [x for x in self.spans_by_para.get(pi, []) if x.close is not None and x.close < pos]
        if not spans:
            return False, None
        q = max(spans, key=lambda x: x.close)
        if _SENTENCE_STOP.search(self.text[q.close + 1:pos]):
            return False, None   # the pronoun's clause is not the tag of that quotation
        lo = max([x.close + 1 for x in spans if x.close < q.open] + [self.paragraphs[pi]["start"]])
        subj = self.beat_subject(pi, q.open, lo)
        if subj is None or subj.pos_ != "NOUN" or subj.tag_ != "NN" \
                or not any(c.dep_ in ("det", "poss") for c in subj.children):
            return False, None
        from .resolve_pronoun import SPEAKER_PRONOUN

        sp = self.finder._from_token(subj, SPEAKER_PRONOUN)
        if sp is not None and sp.type == "description":
            rec = self.speaker_of(sp, self.paragraphs[pi]["start"])
            if rec is not None and self.gender_fits(rec["name"], pronoun):
                return True, {k: rec[k] for k in _PERSON_FIELDS}
        return True, None

    def described_subject(self, pi: int, pos: int, pronoun: str) -> dict[str, Any] | None:
        """The one person the singular person-noun subjects of paragraph pi (before pos, outside
        quotation marks) stand for: each a description the text introduced with a name ("my uncle"
        after "My uncle Bartholomew"), all the same person, of fitting gender. Else None."""
        doc, base = self.docs[pi], self.paragraphs[pi]["start"]
        quoted = self._quoted_ranges(pi)
        from .resolve_pronoun import SPEAKER_PRONOUN

        got: dict[str, dict[str, Any]] = {}
        for t in doc:
            if t.dep_ not in ("nsubj", "nsubjpass") or t.tag_ != "NN" or base + t.idx >= pos or any(a <= base + t.idx < b for a, b in quoted):
                continue
            sp = self.finder._from_token(t, SPEAKER_PRONOUN)
            if sp is None or sp.type != "description":
                continue
            rec = self.speaker_of(sp, base)
            if rec is None:
                return None   # a description the text never tied to a name: someone unnamed
            got[rec["name"]] = rec
        if len(got) != 1:
            return None
        rec = next(iter(got.values()))
        if not self.gender_fits(rec["name"], pronoun):
            return None
        return {k: rec[k] for k in _PERSON_FIELDS}

    def replies_to(self, d: Any, pi: int, name: str, own: int) -> bool:
        """A new turn of dialogue tagged with a verb of response (`response_verbs`: "he replied", "she
        agreed") whose nearest fitting name is the speaker of the turn before: a reply answers another."""
        from ...quoting.speakers import lemma

        cue = d.cue or (d.pronoun or {}).get("cue")
        if cue is None or d.para != own or pi != own - 1 or not self._opens_with_mark(own):
            return False   # the pronoun's paragraph is a new turn right after the candidate's
        doc, base = self.docs[own], self.paragraphs[own]["start"]
        verb = next((t for t in doc if base + t.idx == cue["start"]), None)
        if verb is None or lemma(verb).lower() not in self.cfg["response_verbs"]:
            return False
        key = set(self.finder.title_re.sub("", name).lower().split())
        return any(x.para == pi and x is not d and (x.speaker or x.pronoun) and key & set(self.finder.title_re.sub(
            "", (x.speaker or x.pronoun).get("name") or "").lower().split()) for x in self.drafts)

    def other_person(self, d: Any, name: str, pronoun: str, own: int) -> dict[str, Any] | None:
        """The one person of fitting gender other than `name` named in the pronoun window before the
        pronoun (the one the reply answers), else None. Names sharing a word (title aside) are one
        person ("Walter" and "Walter Penrose")."""
        def words(n: str) -> set[str]:
            return set(self.finder.title_re.sub("", n).lower().split())

        found: list[tuple[int, str]] = []
        for pi in range(own, max(-1, own - self.cfg["pronoun_window"] - 1), -1):
            for s0, other in self.person_mentions(pi):
                if s0 < d.pronoun["start"] and words(other) and not words(other) & words(name) \
                        and self.gender_fits(other, pronoun):
                    found.append((s0, other))
        names = {frozenset(words(n)) for _, n in found}
        if not found or any(a != b and not a & b for a in names for b in names):
            return None   # two others: which one answers is not said
        s0, other = max(found, key=lambda x: (len(x[1]), -x[0]))
        return self.span_rec(s0, s0 + len(other), name=other, type="person", rule=SPEAKER_REPLY)

    def described_rival(self, pi: int, pos: int, pronoun: str, name_at: int) -> bool:
        """Paragraph pi names one fitting person (at name_at) but also, as the subject of a clause
        of the name's sentence (or of the last sentence before pos) outside quotation marks, a possessive description of another person of fitting
        gender ("Owain laughed, and his father scowled at him." ... '"...," he said': someone's father,
        not the one named; "the old man" may be the one named, and is not counted): the pronoun may
        be either, so the name does not settle it. A description in apposition to a name ("his
        father Gwilym", "Gwilym, the old man,") is that name, no rival."""
        from ...quoting.gender import pronoun_gender
        from ...quoting.model import lemma

        want = pronoun_gender(pronoun)
        doc, base = self.docs[pi], self.paragraphs[pi]["start"]
        quoted = self._quoted_ranges(pi)
        genders = self.cfg["gender_nouns"]
        # '"...," said the Squire' earlier in the window: "the Squire" is a speaker of the scene the
        # mention list does not know; as a subject beside the one named man he is a second candidate
        lo = self.window_start(pi)
        mentions = [(s0, n) for pj in range(lo, pi + 1) for s0, n in self.person_mentions(pj)]
        known = {w.lower().strip(".,") for _, n in mentions for w in n.split()}   # names the mention list has
        inside = [(s0, s0 + len(n)) for s0, n in mentions]
        tagged = {x.speaker["name"].lower() for x in self.drafts
                  if x.speaker and x.speaker.get("type") in ("person", "organisation") and x.start < pos and lo <= x.para <= pi
                  and len(x.speaker["name"].split()) == 1 and self.gender_fits(x.speaker["name"], pronoun)} - known
        for t in doc:
            at = base + t.idx
            if t.dep_ in ("nsubj", "nsubjpass") and at < pos and at != name_at and t.lower_ in tagged and t.tag_ in ("NN", "NNP") \
                    and not any(a <= at < b for a, b in quoted) and not any(a <= at < b for a, b in inside):
                return True
            if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ != "NOUN" or t.tag_ != "NN" or at >= pos or at == name_at \
                    or any(a <= at < b for a, b in quoted):
                continue
            low = lemma(t).lower()
            if not (low in self.finder.person_nouns or low in self.finder.titles or low.endswith(("man", "woman")) and len(low) > 5):
                continue
            if not any(c.dep_ == "poss" and c.lower_ in ("his", "her", "their") for c in t.children):
                # "his father" is someone else than the man it belongs to; "the old man" may be the one named;
                # "the doctor came in to see Mrs X" is someone else than X, unless the text gave X that noun
                if not self._definite_role_rival(t, low, pi, name_at):
                    continue
            before = [x for x in doc.sents if x.start_char < pos - base]
            acting = t.head.pos_ == "VERB" and not any(c.dep_ in ("aux", "auxpass") for c in t.head.children)
            if not t.sent.start_char <= name_at - base < t.sent.end_char and not (acting and before and t.sent.start == before[-1].start):
                continue   # acting beside the named one in his sentence, or in the last sentence before the quotation
                # as a simple past action ("Verity bent over her book. Her aunt looked from one to the other.");
                # "His father had been right." may be no one present
            if any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in t.children) \
                    or t.dep_ == "appos" or t.head.pos_ == "PROPN" and t.head.dep_ != "ROOT":
                continue
            if genders.get(low) in (None, want) or want is None:
                return True
        return False

    def _definite_role_rival(self, t: Any, noun: str, pi: int, name_at: int) -> bool:
        """A subject "the <noun>" of an occupation or a role ("the doctor", "the driver": a `titles` or
        `person_nouns` noun that gives no gender or kinship, as "the woman", "the daughter" may be the one
        named) that the document never gave the named person (at name_at) ("Dr. X", "X, the doctor",
        "X, a driver"): another person of the scene."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) or noun in self.cfg["gender_nouns"] \
                or noun in self.cfg["kin_inverse"]:
            return False
        name = next((n for s0, n in self.person_mentions(pi) if s0 == name_at), None)
        base = self.paragraphs[pi]["start"]
        if name is None or base + t.left_edge.idx <= name_at <= base + t.right_edge.idx + len(t.right_edge) + 2:
            return False   # "The director of the museum, Helen X, told ...": the name is the subject's own
        surname = name.split()[-1].strip(".,").lower()
        return not any(got[2].split()[-1].strip(".,").lower() == surname for _, got, _ in self._introductions(noun))

    def window_start(self, pi: int) -> int:
        """The first paragraph of the pronoun window of paragraph pi: `pronoun_window` paragraphs back,
        but never over a scene break ("* * *", "CHAPTER XII", a numeral alone): a new scene resets who
        is present, so no one named before it is an antecedent after it."""
        lo = max(0, pi - self.cfg["pronoun_window"])
        for pj in range(pi, lo - 1, -1):
            if self._scene_break(pj):
                return pj + 1
        return lo

    def _scene_break(self, pj: int) -> bool:
        """Paragraph pj is a scene break as a whole (``scene_break_pattern``): a heading of a chapter,
        part or book must carry its number, so "Part of the roof fell in." is none."""
        cache = self.__dict__.setdefault("_scene_breaks", {})
        if pj not in cache:
            t = self.text[self.paragraphs[pj]["start"]:self.paragraphs[pj]["end"]].strip()
            cache[pj] = bool(re.fullmatch(self.cfg["scene_break_pattern"], t))
        return cache[pj]

    def in_dialogue(self, pi: int, span: int | None = None) -> bool:
        """Paragraph pi stands in a scene of dialogue: it opens with a quotation, and a paragraph of
        the pronoun window around it is a bare turn (closed quotations only, no tag, no narration),
        a convention of fiction that news does not use; there each new paragraph passes the turn."""
        if not self._opens_with_mark(pi):
            return False
        by_para = self.__dict__.setdefault("_turns_by_para", None) or self._turn_paragraphs()
        self._turns_by_para = by_para
        w = self.cfg["pronoun_window"] if span is None else span   # span: the scene window (resolve_rivals.py)
        return any(pj in by_para and self._only_quoted(pj, by_para[pj])
                   and all(x.close is not None for x in self.spans_by_para.get(pj, []))
                   for pj in range(max(0, pi - w), min(len(self.paragraphs), pi + w + 1)) if pj != pi)

    def pronoun_commands(self, pi: int, s0: int, pronoun: str, pos: int) -> bool:
        """Paragraph pi has a subject he/she of the pronoun's gender (outside quotation marks, before
        pos) whose clause holds the name at s0 ("He lit a cigarette and offered one to Kessler"):
        a name inside the clause of a pronoun subject is never that pronoun's person (binding), so
        the paragraph has two fitting people, not one."""
        doc, base = self.docs[pi], self.paragraphs[pi]["start"]
        quoted = self._quoted_ranges(pi)
        for t in doc:
            at = base + t.idx
            if t.lower_ != pronoun or t.dep_ != "nsubj" or at >= pos or at >= s0 or any(a <= at < b for a, b in quoted):
                continue   # the name after the pronoun, in its clause (before it, the parse may have misread)
            clause = [t.head] + [c for c in t.head.children if c.dep_ == "conj" and c.pos_ == "VERB"]
            if any(base + k.idx == s0 for v in clause for k in v.subtree if k.i != t.i):
                return True
        return False

    def _quoted_ranges(self, pi: int) -> list[tuple[int, int]]:
        """The stretches of paragraph pi inside quotation marks (marks included; an unclosed one to
        its end): words there are a speaker's, never the narration's subject."""
        return [(x.open, (x.close if x.close is not None else x.end) + 1) for x in self.spans_by_para.get(pi, [])]
