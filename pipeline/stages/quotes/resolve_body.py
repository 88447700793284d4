"""Bodies and places that read as people: a bare "the company said" names the one organisation the
text just made the subject of its sentences ("Harlow Freight ... said it had moved ... 'We hope we are
wrong,' the company said"), or the one person the text gave that word as a role right before the name
("senior center Obinna Whitlock" ... "the center said"); a PERSON entity ending in a place's head
noun whose first word is no first name ("Her house on Orchard Lane") is a place, no antecedent."""

from __future__ import annotations

from typing import Any

from ...rules import declare
from .registry import register
from .resolve_role import _patterns

SPEAKER_DEFINITE_BODY = declare("quotes.speaker.definite_body", stage="quotes",
        why="'the company said' stands for the one organisation that was a sentence's subject in its paragraph or the one "
            "before (none of another kind: 'the union' is not 'the company'), or the one person the text gave that noun as a "
            "role right before the name ('center Obinna Whitlock'); otherwise it stays as written",
        params=["organisation_words"])

PLACE_ENTITY = declare("quotes.speaker.place_entity", stage="quotes",
        why="a name the model tags PERSON that ends in a place's head noun ('Orchard Lane') and opens with no first name or "
            "honorific is a place, never an antecedent for he/she",
        params=["place_heads", "first_name_gender"])


class BodyResolver:
    @register(PLACE_ENTITY)
    def placed_entity(self, e: Any) -> bool:
        """Whether PERSON entity e is a place's name: two or more words, the last a place head, the
        first neither a first name nor an honorific ("Orchard Lane"; "Penny Lane" stays a name)."""
        from ...quoting.gender import first_name

        if len(e) < 2 or e[-1].lower_ not in self.place_heads():
            return False
        first = e[0].lower_.rstrip(".")
        return first not in self.finder.honorifics and first not in self.finder.titles \
            and not (self.cfg["first_name_gender"] and first_name(e[0].text) is not None)

    @register(SPEAKER_DEFINITE_BODY)
    def definite_body(self, pi: int, speaker: dict[str, Any]) -> dict[str, Any]:
        name = speaker.get("name") or ""
        org = {w.lower() for w in self.cfg["organisation_words"]}
        if " " in name or not name.islower() or name not in org or speaker.get("rule") == SPEAKER_DEFINITE_BODY \
                or not self.text[max(0, speaker["start"] - 4):speaker["start"]].lower().endswith("the "):
            return speaker
        people = self._role_people(name, speaker["start"])
        if len(people) == 1:
            s, e, who = next(iter(people.values()))
            return self._body_rec(speaker, s, e, who, "person")
        if people:
            return speaker
        bodies: dict[str, tuple[int, int]] = {}
        for pj in range(max(0, pi - 1), pi + 1):
            doc, base = self.docs[pj], self.paragraphs[pj]["start"]
            quoted = self._quoted_ranges(pj)
            for ent in doc.ents:
                s0 = base + ent.start_char
                if ent.label_ != "ORG" or s0 >= speaker["start"] or any(a <= s0 < b for a, b in quoted) \
                        or ent.root.dep_ not in ("nsubj", "nsubjpass") or "\n" in ent.text:
                    continue
                toks = [t for t in ent if not (t.i == ent.start and t.pos_ == "DET")]
                kinds = {t.lower_ for t in toks} & org
                if kinds and kinds != {name}:
                    continue   # "the union" is not "the company"
                s0 = base + toks[0].idx
                bodies.setdefault(self.text[s0:base + ent.end_char].lower(), (s0, base + ent.end_char))
        if len(bodies) != 1:
            return speaker
        s, e = next(iter(bodies.values()))
        return self._body_rec(speaker, s, e, self.text[s:e], "organisation")

    def _role_people(self, noun: str, before: int) -> dict[str, tuple[int, int, str]]:
        """The people the text before `before` names right after `noun` used as a role ("senior center
        Obinna Whitlock"), by surname."""
        found: dict[str, tuple[int, int, str]] = {}
        rx = _patterns(noun)[0]
        for m in rx.finditer(self.text[:max(0, before - 4)]):
            if self.text[m.start():m.start() + len(noun)] != noun:
                continue   # "the Ridley Center": a capitalised head is a body's name, no role
            got = self._person_suffix(m.group("name"), m.start("name"), appositive=True)
            if got is not None:
                found.setdefault(got[2].split()[-1].strip(".").lower(), got)
        return found

    def _body_rec(self, speaker: dict[str, Any], s: int, e: int, name: str, typ: str) -> dict[str, Any]:
        out = self.span_rec(s, e, name=name, type=typ, rule=SPEAKER_DEFINITE_BODY)
        out["role"] = {k: speaker[k] for k in ("start", "end", "raw_start", "raw_end")} | {"text": speaker["name"]}
        if "cue" in speaker:
            out["cue"] = speaker["cue"]
        return out


SPEAKER_NAMED_AFTER = declare("quotes.speaker.named_after", stage="quotes",
        why="'\"...,\" said a woman ...' whose paragraph or the next then opens a sentence 'The woman, NAME,' (or 'The chief, "
            "who was later identified as NAME') is NAME's: the text itself ties the unnamed speaker to the name",
        params=["titles", "person_nouns"])

_LATER_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’-]*\.?(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]*\.?){1,3}"
_MODS = r"(?:[a-z][\w-]*\s+){0,4}?"


class NamedAfterResolver:
    @register(SPEAKER_NAMED_AFTER, order=94)
    def named_after(self) -> None:
        """Quotations of one paragraph with no speaker whose tag is an unnamed person ("said a woman
        standing ...", "a battalion chief told reporters"): when a later sentence of that paragraph or
        the next opens "The [modifiers] NOUN, NAME" or "The NOUN, who was later identified as NAME"
        with the tag's head noun, they are NAME's."""
        import re

        nouns = "|".join(sorted(map(re.escape, set(self.finder.titles) | set(self.finder.person_nouns)), key=len, reverse=True))
        tag = re.compile(rf"\b(?:(?:said|says)\s+(?:a|an|one)\s+{_MODS}(?P<n1>{nouns})\b"
                         rf"|(?<![\w-])(?:[Aa]n?|One)\s+{_MODS}(?P<n2>{nouns})\s+(?:said|says|told)\b)")
        for pi in sorted({d.para for d in self.drafts if d.kind == "inline"}):
            mine = [d for d in self.drafts if d.para == pi and d.kind == "inline" and d.parent is None]
            if not mine or any(d.speaker is not None or d.pronoun is not None for d in mine):
                continue
            p0, p1 = self.paragraphs[pi]["start"], self.paragraphs[pi]["end"]
            quoted = self._quoted_ranges(pi)
            tags = [m for m in tag.finditer(self.text, p0, p1) if not any(a <= m.start() < b for a, b in quoted)]
            if len(tags) != 1:
                continue
            noun = tags[0].group("n1") or tags[0].group("n2")
            hi = self.paragraphs[min(pi + 1, len(self.paragraphs) - 1)]["end"]
            rx = re.compile(rf"(?:(?<=[.!?\"]\s)|(?<=\n)|(?<=^))The\s+{_MODS}{re.escape(noun)},\s+"
                            rf"(?:who\s+(?:was|is)\s+(?:later\s+)?identified\s+as\s+)?(?P<name>{_LATER_NAME})(?=[,.])")
            m = rx.search(self.text, tags[0].end(), hi)
            if m is None or any(a <= m.start() < b for a, b in self._quoted_ranges(self.paragraph_of(m.start()))):
                continue
            got = self._person_suffix(m.group("name"), m.start("name"), appositive=True)
            if got is None:
                continue
            s, e, name = got
            for d in mine:
                if d.start < m.start():
                    d.speaker = self.span_rec(s, e, name=name, type="person", rule=SPEAKER_NAMED_AFTER)
                    d.rules.append(SPEAKER_NAMED_AFTER)


SPEAKER_LEAD_IN_PARAGRAPH = declare("quotes.speaker.lead_in_paragraph", stage="quotes",
        why="a quotation of several paragraphs (opening marks only, one closing mark) that no paragraph tags, right after a "
            "paragraph whose last sentence has a verb of telling and he/she (or a name) as its subject with one fitting person "
            "named there ('She agreed to describe what happened.'), is that person's",
        params=["lead_in_verbs"])


class LeadInParagraphResolver:
    @register(SPEAKER_LEAD_IN_PARAGRAPH, order=81)
    def lead_in_paragraphs(self) -> None:
        by_para: dict[int, list[Any]] = {}
        for d in self.drafts:
            if d.kind == "inline" and d.parent is None:
                by_para.setdefault(d.para, []).append(d)
        verbs = set(self.cfg["lead_in_verbs"])
        for pi in sorted(by_para):
            if pi < 1 or pi - 1 in by_para or not self._opens_with_mark(pi) or not self._open_at_end(pi):
                continue
            chain, pj = [], pi   # the paragraphs of the one quotation: open at the end, the next opening with a mark
            while pj in by_para and self._opens_with_mark(pj):
                chain += by_para[pj]
                if not self._open_at_end(pj):
                    break
                pj += 1
            if len({x.para for x in chain}) < 2 or self._open_at_end(chain[-1].para) \
                    or any(x.speaker is not None or x.pronoun is not None or x.cue is not None for x in chain):
                continue
            who = self._lead_in_subject(pi - 1, verbs)
            if who is None:
                continue
            for x in chain:
                x.speaker = {**who, "rule": SPEAKER_LEAD_IN_PARAGRAPH}
                x.rules.append(SPEAKER_LEAD_IN_PARAGRAPH)

    def _lead_in_subject(self, pi: int, verbs: set[str]) -> dict[str, Any] | None:
        """The person the last sentence of paragraph pi makes the subject of a verb of telling: a
        name, or he/she with exactly one person of fitting gender named before it in that paragraph
        and no person there written only by a role as a subject before it ("the captain watched him go")."""
        from ...quoting.speakers import lemma

        doc, base = self.docs[pi], self.paragraphs[pi]["start"]
        sents = list(doc.sents)
        if not sents or not any(lemma(t).lower() in verbs and t.pos_ == "VERB" for t in sents[-1]):
            return None
        root = sents[-1].root
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        pos = base + subj.idx
        if subj.lower_ in ("he", "she"):
            roles = set(self.finder.person_nouns) | set(self.finder.titles) | set(self.cfg["title_abbreviations"].values())
            if any(t.dep_ in ("nsubj", "nsubjpass") and t.i < subj.i and t.pos_ == "NOUN" and lemma(t).lower() in roles
                   and not any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in t.children) for t in doc):
                return None   # "Kit went off, and the captain watched him go. Then he spoke": "he" may be the unnamed captain
            fit = []
            for s0, n in self.person_mentions(pi):
                if s0 < pos and self.person_gender(n) is not None and self.gender_fits(n, subj.lower_) \
                        and not any(self._one_person(n, m) for _, m in fit):
                    fit.append((s0, n))
            if len(fit) != 1:
                return None
            s0, name = fit[0]
            return self.span_rec(s0, s0 + len(name), name=name, type="person")
        named = [(s0, n) for s0, n in self.person_mentions(pi) if s0 == pos]
        if len(named) != 1:
            return None
        s0, name = named[0]
        return self.span_rec(s0, s0 + len(name), name=name, type="person")
