"""Speakers from spaCy parses: the subject of a reporting verb next to a quotation, the object of
"according to", the agent of a passive ("described by X as"). Pronouns are returned as such and
resolved by the caller against earlier named speakers. The name phrases are read by phrases.py,
names from titles and the document by titled.py; the model and lemmas are in model.py.
"""

from __future__ import annotations

import re
from typing import Any

from ..text import sentences
from ..text.names import honorific_prefix
from .frames import FrameCues
from .model import _LEMMATIZERS, lemma, load_nlp  # noqa: F401  (re-exported: callers import them from here)
from .phrases import NAME_STOP_DEPS, SpeakerPhrases  # noqa: F401
from .record import PRONOUNS, Speaker  # noqa: F401
from .titled import TitledNames
from ..rules import declare

# the rules this module applies: declared once here, used through these constants
SPEAKER_ADJACENT_SUBJECT = declare("quotes.speaker.adjacent_subject", stage="quotes",
        why="a name right before the quotation with a reporting cue between",
        params=["reporting_verbs"])
SPEAKER_PASSIVE_AGENT = declare("quotes.speaker.passive_agent", stage="quotes",
        why="the agent of a passive reporting verb ('was told by X')")
SPEAKER_INVERTED_FIRST_NAME = declare("quotes.speaker.inverted_first_name", stage="quotes",
        why="'\"...,\" said Cecily from the piano': a capitalised first name right after the tag's verb is its "
            "inverted subject, however the tagger read it (names in -ly are read as adverbs)",
        params=["first_name_gender"])
SPEAKER_CITED_WORK = declare("quotes.speaker.cited_work", stage="quotes",
        why="'I cite X:': the object of a citing verb is the speaker",
        params=["citing_verbs", "document_words"])


class SpeakerFinder(TitledNames, SpeakerPhrases, FrameCues):
    def __init__(self, cfg: dict[str, Any]) -> None:
        self.verbs = set(cfg["reporting_verbs"])
        self.citing = set(cfg["citing_verbs"])
        self.titles = [t.lower() for t in cfg["titles"]]
        self.org_words = set(cfg["organisation_words"])
        self.outlets = {o.lower() for o in cfg["outlets"]}     # empty by default: see is_outlet
        self.outlet_words = {w.lower() for w in cfg["outlet_words"]}
        self.medium_nouns = {w.lower() for w in cfg.get("outlet_medium_nouns") or ()}
        self.max_gap = cfg["max_cue_tokens"]
        self.it_verbs = set(cfg["it_object_verbs"])
        self.group_nouns, self.speech_nouns = ({w.lower() for w in cfg[k]} for k in ("group_nouns", "speech_nouns"))
        self.person_nouns = {w.lower() for w in cfg["person_nouns"]}
        self.persons: set[str] = set()   # the document's person names and surnames (see note_persons)
        self.non_persons: set[str] = set()  # places, nations, organisations the model tags in the document
        self.honorifics = {h.lower().rstrip(".") for h in cfg["honorifics"]}
        self.name_max = int(cfg["name_max_tokens"])
        self.first_names = bool(cfg["first_name_gender"])
        self.title_re = honorific_prefix(cfg["honorifics"])

    def find(self, doc: Any, base: int, qs: int, qe: int, lo: int, hi: int, strict: bool = False) -> Speaker | None:
        """Speaker of the quotation text[qs:qe] in the parsed paragraph `doc` (starting at `base`);
        cues are looked for between lo (end of the previous quotation) and hi (start of the next).
        strict (inline quotations): a cue after the quotation needs the quotation to end its clause
        ('"...," he said'), a cue before it must be in its sentence and govern it."""
        toks = list(doc)
        if strict and not self._ends_clause(doc.text, qs - base, qe - base):
            post = None
        else:
            post = self._post(after := [t for t in toks if qe <= base + t.idx < hi]) or self.according_after(after)
        if post is not None:
            return post
        if strict:
            lo = max(lo, base + self._sentence_start(doc.text, lo - base, qs - base))
        before = [t for t in toks if lo <= base + t.idx and base + t.idx + len(t) <= qs]
        sp = self.reframe(self._pre(before[-self.max_gap * 3:], base, qs - base if strict else None), doc, qs - base)
        if sp is None and strict:
            # a comma lead-in only for a sentence of speech (a motto or title after a noun is short)
            sp = self.colon_subject(before, comma=self._ends_sentence(doc.text, qs - base, qe - base)
                                    and len(doc.text[qs - base:qe - base].split()) >= 6)
        return sp

    @staticmethod
    def _ends_clause(text: str, qs: int, qe: int) -> bool:
        """'"We will," he said': the quoted words end with a comma, ?, ! or dash (inside or just
        after the closing mark); a quotation running on into its sentence has no cue after it."""
        inner = text[qs:qe].rstrip('"”’\' ')
        after = text[qe:qe + 2].lstrip()
        return bool(inner) and (inner[-1] in ",?!-–—…:" or after[:1] in (",", "-", "–", "—"))

    def _sentence_start(self, text: str, lo: int, qs: int) -> int:
        """Where the quotation's sentence starts (at or after lo; an honorific's full stop ends none: 'Then
        said Mrs. Pell, "..."'). Between two quotations, a short '"A," he said. "B."' keeps its cue for B."""
        gap = text[lo:qs]
        if lo > 0 and len(gap.split()) <= 6:
            return lo
        begun = sentences.starts(gap, self.honorifics)
        return lo + begun[-1] if begun else lo

    def _is_verb(self, t: Any) -> bool:
        if t.pos_ not in ("VERB", "AUX", "NOUN") or t.dep_ == "amod":
            return False  # tested first: it spares the lemma of most tokens
        low = lemma(t).lower()
        if low in self.it_verbs and not any(c.lower_ == "it" for c in t.children):
            return False  # "as she put it" reports; "may put lungs at risk" does not
        return low in self.verbs and not self.says_nothing(t)

    # -------------------------------------------------------------- subjects
    def _subject(self, verb: Any, rule: str) -> Speaker | None:
        kids = list(verb.children)
        if lemma(verb).lower() in self.citing:
            objs = [c for c in kids if c.dep_ in ("dobj", "obj")]
            if objs:
                return self._from_token(objs[0], SPEAKER_CITED_WORK)
        agents = [c for c in kids if c.dep_ == "agent"]
        if agents:
            objs = [c for c in agents[0].children if c.dep_ == "pobj"]
            if objs:
                return self._from_token(objs[0], SPEAKER_PASSIVE_AGENT)
        subj = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass" if not agents else "nsubj")]
        # '"Beg pardon," said he': a word inside the quotation read as a second subject is never the speaker
        subj = [c for c in subj if c.dep_ == "nsubj" and not self._quoted(c)]
        named = self._appositive_name(verb, subj) or (self._person_after_title(subj[0]) if len(subj) == 1 else None)
        if named is not None:
            return self._from_token(named, rule)
        if not subj and verb.dep_ == "conj":
            subj = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if not subj:
            shared = self._clause_subject(verb)   # 'He ... but considers ..., stating: "..."'
            subj = [shared] if shared is not None else []
        if not subj and verb.dep_ in ("relcl",) and verb.head.pos_ in ("PROPN", "NOUN"):
            return None
        if not subj:
            return self._inverted_first_name(verb) or self._adjacent_subject(verb)
        # "said the company president, John Smith" / "says Co-Founder, Stephanie Ozcan": the named person in apposition
        for c in subj:
            a = self.set_off_name(c)
            if a is not None:
                return self.set_off_speaker(c, a, rule)
            called = self.called_name(c)
            if called is not None:   # "The baker who taught me, a woman called Halla, used to say"
                return self._from_token(called, rule)
        # "the philosopher Walter Brandt says": of two subject heads, the name
        subj.sort(key=lambda c: (c.pos_ != "PROPN", c.i))
        return self._from_token(subj[0], rule)

    def called_name(self, c: Any) -> Any:
        """'the baker who taught me, a woman called Halla, ...': a subject noun with an appositive "a N
        called/named NAME" (NAME a person's name) is NAME. Its head token, else None."""
        for a in [c] + [x for x in c.children if x.dep_ == "appos"]:   # (or a second subject the parser split off)
            if a.pos_ != "NOUN" or not any(d.lower_ in ("a", "an") for d in a.children):
                continue
            for v in a.children:
                if v.dep_ == "acl" and lemma(v).lower() in ("call", "name") and v.tag_ == "VBN":
                    n = next((o for o in v.children if o.dep_ in ("oprd", "dobj", "attr") and o.pos_ == "PROPN"), None)
                    if n is not None and self._person_name(n):
                        return n
        return None

    def set_off_name(self, c: Any) -> Any:
        """The name in apposition to a subject noun that is the subject's own: a person's name (or a
        restrictive one, "the charity Oxfam"), a person-shaped name beside a role ("our coordinator,
        NAME"), or a body's name beside a body noun ("the network, the Wessex Food Partnership").
        Its head token, else None."""
        for a in c.children:
            if a.dep_ == "appos" and a.pos_ == "PROPN" and (c.ent_type_ != "PERSON" or c.lower_.rsplit("-", 1)[-1] in self.titles) \
                    and (self._person_name(a) or self.restrictive_name(c, a)
                         or self._description(c) and self._name_shaped(a)
                         or lemma(c).lower() in self.org_words and c.tag_ == "NN" and not self._person_name(a)):
                return a
        return None

    def set_off_speaker(self, noun: Any, name: Any, rule: str) -> Speaker | None:
        """The speaker a name set off beside a subject noun gives, of the noun's kind: beside a body
        noun a body, beside a person's role a person (the model's tag of an unfamiliar name aside)."""
        sp = self._from_token(name, rule)
        if sp is not None and sp.type in ("person", "organisation") and not self._person_name(name):
            sp.type = "organisation" if lemma(noun).lower() in self.org_words else "person" if self._description(noun) else sp.type
        return sp

    def _name_shaped(self, name: Any) -> bool:
        """'said our coordinator, Bongani Sithebe-Larsen': a name set off beside a person's role has a
        person's shape even when the model types it ORG and the name list lacks it: two or three
        capitalised proper nouns, none a place, date or nationality, none a body's or publication's word."""
        toks = [t for t in name.subtree if not t.is_punct or t.text == "-"]
        words = [t for t in toks if t.text != "-"]
        return 2 <= len(words) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words) \
            and not any(t.ent_type_ in ("GPE", "LOC", "FAC", "NORP", "DATE", "TIME") for t in words) \
            and not any(t.lower_ in self.org_words or t.lower_ in self.outlet_words for t in words)

    def _appositive_name(self, verb: Any, subj: list[Any]) -> Any:
        """'The director of the museum, Helen Achterberg, told ...' / 'the city's culture officer,
        Grace Oyelaran, said': a person's name set off by commas right before the verb, after a
        title noun (the subject, or the word before the first comma), is the subject's name, however
        the parser attached it. Its head token, else None."""
        doc = verb.doc
        k = verb.i - 1
        while k >= 0 and doc[k].dep_ in ("aux", "advmod", "neg") and not doc[k].is_punct:
            k -= 1
        if k < 3 or doc[k].text != ",":
            return None
        ent = next((e for e in doc.ents if e.end == k and e.label_ == "PERSON"), None)
        if ent is None or len(ent) < 2 or ent.start < 2 or doc[ent.start - 1].text != ",":
            return None
        before = doc[ent.start - 2]
        titled = before.pos_ == "NOUN" and before.lower_ in self.titles \
            or any(c.pos_ == "NOUN" and (lemma(c).lower() in self.titles or self._description(c)) and c.i < ent.start for c in subj)
        if not titled or self._quoted(ent.root):
            return None
        return ent.root


    def _inverted_first_name(self, verb: Any) -> Speaker | None:
        """'"...," said Cecily suddenly': right after the quotation's closing mark (or the comma of a
        split quotation), the verb, then a capitalised word the first-name list knows that is no
        subject of the parse, perhaps with a capitalised surname, then punctuation, a preposition,
        an adverb or a participle: that name is the inverted subject."""
        from .gender import first_name

        doc = verb.doc
        k = verb.i + 1
        if not self.first_names or verb.i == 0 or doc[verb.i - 1].text not in ('"', ",", "\u201d") or k >= len(doc):
            return None
        tok = doc[k]
        if not (tok.is_alpha and tok.text[:1].isupper() and tok.text[1:].islower()) or first_name(tok.text) is None \
                or tok.dep_ in ("nsubj", "nsubjpass") or tok.lower_ in PRONOUNS:
            return None
        e = k + 1
        if e < len(doc) and doc[e].is_alpha and doc[e].text[:1].isupper():
            e += 1   # 'said Cecily Marchmont'
        if e < len(doc) and not (doc[e].is_punct or doc[e].pos_ in ("ADP", "ADV", "VERB") or doc[e].lower_ in ("from", "at", "in")):
            return None
        if e - k == 1 and self._quoted(tok):
            return None
        name = doc[k:e].text
        return Speaker(name, tok.idx, tok.idx + len(name), "person", SPEAKER_INVERTED_FIRST_NAME)

    def _adjacent_subject(self, verb: Any) -> Speaker | None:
        """The noun phrase just before the verb when the parser attached it elsewhere
        ("..., among others, the director of X has stated that")."""
        i = verb.i - 1
        while i >= 0 and verb.doc[i].dep_ in ("aux", "auxpass", "advmod", "neg"):
            i -= 1
        if i < 0 or verb.doc[i].pos_ not in ("NOUN", "PROPN"):
            return None
        t = verb.doc[i]
        while t.dep_ == "compound":
            t = t.head
        # "the director of X", "a spokesperson for the council": the phrase's head noun is the subject,
        # not the object of its preposition
        while t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.pos_ in ("NOUN", "PROPN"):
            t = t.head.head
        return self._from_token(t, SPEAKER_ADJACENT_SUBJECT)
