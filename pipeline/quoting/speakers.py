"""Speakers from spaCy parses: the subject of a reporting verb next to a quotation, the object of
"according to", the agent of a passive ("described by X as"). Pronouns are returned as such and
resolved by the caller against earlier named speakers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import ConfigError
from ..text.names import honorific_prefix
from .frames import FrameCues
from ..rules import declare

# the rules this module applies: declared once here, used through these constants
SPEAKER_ADJACENT_SUBJECT = declare("quotes.speaker.adjacent_subject", stage="quotes",
        why="a name right before the quotation with a reporting cue between",
        params=["reporting_verbs"])
SPEAKER_PASSIVE_AGENT = declare("quotes.speaker.passive_agent", stage="quotes",
        why="the agent of a passive reporting verb ('was told by X')")
SPEAKER_CITED_WORK = declare("quotes.speaker.cited_work", stage="quotes",
        why="'I cite X:': the object of a citing verb is the speaker",
        params=["citing_verbs", "document_words"])

PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "organisation", "we": "any", "i": "self"}
NAME_STOP_DEPS = {"relcl", "acl", "appos", "advcl", "punct", "cc", "conj"}


@lru_cache(maxsize=4)
def load_nlp(name: str) -> Any:
    """The spaCy pipeline, loaded once per process; the tokenizer also splits quote marks, brackets
    and dashes glued to words, so that `Watch[8]:` and `fantasy,"-` do not break names."""
    import spacy
    from .frames import glue_double_barrelled

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(f"quotes.model: spaCy model {name!r} is not installed ({exc.__class__.__name__})") from None
    if "lemmatizer" in nlp.pipe_names:
        # Lemmas are read for a few tokens only (reporting verbs, head nouns): `lemma` computes
        # them on demand with the same component, instead of every token of every paragraph.
        _LEMMATIZERS[id(nlp.vocab)] = (nlp.get_pipe("lemmatizer"), {})
        nlp.disable_pipe("lemmatizer")
    infixes = list(nlp.Defaults.infixes) + [r'["“”]', r"\[", r"\]", r"-{2,}", r"(?<=[,.;:!?\"])[-–—]", r"(?<=\w)\.(?=[A-Z][a-z])"]
    return glue_double_barrelled(nlp, infixes)


_LEMMATIZERS: dict[int, tuple[Any, dict[tuple[int, int, int], str]]] = {}


def lemma(t: Any) -> str:
    """The token's lemma, as the pipeline's lemmatizer would have set it (computed once, on demand)."""
    if t.lemma == 0:
        entry = _LEMMATIZERS.get(id(t.doc.vocab))
        if entry is not None:
            lem, cache = entry
            key = (t.orth, t.pos, t.morph.key)   # all the rule lemmatizer reads of a token
            if key not in cache:
                if not lem._validated:
                    lem._validate_tables()
                cache[key] = lem.lemmatize(t)[0]
            t.lemma_ = cache[key]
    return t.lemma_


@dataclass
class Speaker:
    name: str
    start: int
    end: int
    type: str
    rule: str
    pronoun: str | None = None
    cue: tuple[str, int, int] | None = None


class SpeakerFinder(FrameCues):
    def __init__(self, cfg: dict[str, Any]) -> None:
        self.verbs = set(cfg["reporting_verbs"])
        self.citing = set(cfg["citing_verbs"])
        self.titles = [t.lower() for t in cfg["titles"]]
        self.org_words = set(cfg["organisation_words"])
        self.outlets = {o.lower() for o in cfg["outlets"]}     # empty by default: see is_outlet
        self.outlet_words = {w.lower() for w in cfg["outlet_words"]}
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

    # -------------------------------------------------------------- entry point
    def note_persons(self, docs: list[Any]) -> None:
        """Names the model tags PERSON anywhere in the document, and their surnames: the same name
        elsewhere (where the small model reads "Okafor said" as an organisation) is a person."""
        votes: dict[str, list[int]] = {}     # name -> [PERSON tags, other tags]
        full: set[str] = set()
        for doc in docs:
            for e in doc.ents:
                key = e.text.lower()
                votes.setdefault(key, [0, 0])[e.label_ != "PERSON"] += 1
                if e.label_ == "PERSON" and len(e) >= 2 and all(t.pos_ == "PROPN" for t in e if t.is_alpha) \
                        and all(t.text[:1].isupper() for t in e if t.is_alpha) and "\n" not in e.text \
                        and not (e.root.dep_ == "compound" and e.root.head.i >= e.end):   # a brand: "the X Y Dress"
                    full.add(key)
        for key in sorted(full):
            if votes[key][0] > votes[key][1]:   # "Florence Freight", tagged ORG more often, is no person
                self.persons.add(key)
                self.persons.add(key.split()[-1])
        for doc in docs:
            for e in doc.ents:
                key = e.text.lower()
                if e.label_ in ("GPE", "NORP", "LOC", "ORG", "FAC") and votes[key][1] > votes[key][0]:
                    self.non_persons.add(key)
        self.note_first_name_runs(docs)

    # -------------------------------------------------------------- names the model does not know
    def titled_names(self, doc: Any, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """Names where grammar says a person must stand, whatever the NER makes of them: the
        capitalised words right after an honorific ("Mr X Y") or a title noun ("the journalist
        X Y", "the president of <Place> X Y"), forming one noun phrase. The small model tags
        names it has seen as PERSON and unfamiliar ones as ORG, GPE or nothing; the title is
        the evidence here, not the tag. Doc-relative (start, end, name), in text order; a run
        that cannot be split from the place or body before it gives nothing (no guess)."""
        out: list[tuple[int, int, str]] = []
        toks = [t for t in doc if lo <= t.idx and t.idx + len(t) <= hi]
        n = 0
        while n < len(toks):
            t = toks[n]
            low = t.lower_.rstrip(".")
            honorific = low in self.honorifics and t.text[:1].isupper()
            title = t.lower_.rsplit("-", 1)[-1] in self.titles and t.pos_ in ("NOUN", "PROPN")   # "Co-Founder" too
            if not (honorific or title):
                n += 1
                continue
            k = n + 1
            while k < len(toks) and toks[k].text == ".":
                k += 1
            of_place = False
            if title and k < len(toks) and toks[k].lower_ == "of" and toks[k].head == t:
                of_place, k = True, k + 1      # "president of <Place> <Name>"
            run = []
            while k < len(toks) and len(run) <= 2 * self.name_max + 3:
                glued = toks[k].text in ("-", "'", "’") and run and not run[-1].whitespace_ and not toks[k].whitespace_ \
                    and k + 1 < len(toks) and self._name_word(toks[k + 1])   # "Okonjo-Iweala" split by the tokenizer
                if not (glued or self._name_word(toks[k])):
                    break
                run.append(toks[k])
                k += 1
            name = self._titled_run(run, of_place, honorific)
            if name is not None:
                out.append(name)
            n = max(n + 1, k)
        return out

    def is_outlet(self, name: str) -> bool:
        """A publication's name by its shape: capitalised words headed by a publication noun ("the
        Harbour Gazette", "Lakeside Review"), or a name in a site's own `outlets` list."""
        words = name.split()
        return name.lower() in self.outlets or len(words) >= 2 and words[-1].lower().strip(".,") in self.outlet_words \
            and all(w[:1].isupper() or w.lower() in ("the", "of", "&") for w in words)

    def _name_word(self, t: Any) -> bool:
        """A word that can be part of a personal name: capitalised letters (apostrophes and hyphens
        inside), not a title, honorific, outlet or organisation word."""
        w = t.text
        if not w[:1].isupper() or not re.fullmatch(r"[^\W\d_]+(?:['’-][^\W\d_]+)*\.?", w):
            return False
        low = t.lower_.rstrip(".")
        return t.pos_ in ("PROPN", "NOUN", "ADJ") and low.rsplit("-", 1)[-1] not in self.titles and low not in self.honorifics \
            and low not in self.org_words and low not in self.outlet_words and t.ent_type_ not in ("DATE", "TIME")

    def _titled_run(self, run: list[Any], of_place: bool, honorific: bool) -> tuple[int, int, str] | None:
        """The name in a run of capitalised words after a title: leading words the document tags as
        a place, nation or organisation are cut; the rest must be one noun phrase (each word's head
        inside the run, but for the last) of 2..name_max words (1 after an honorific: "Mr Smith")."""
        cut = 0
        for k in range(len(run) - 1, 0, -1):   # longest known place/body prefix ("South Africa")
            if run[0].doc.text[run[0].idx:run[k - 1].idx + len(run[k - 1])].lower() in self.non_persons:
                cut = k
                break
        if of_place and cut == 0:
            return None   # "president of A B C": where the place ends is unknown
        name = run[cut:]
        if not name or self.is_outlet(" ".join(t.text for t in name)):
            return None
        s, e = name[0].idx, name[-1].idx + len(name[-1])
        text = name[0].doc.text[s:e]
        if not (2 if not honorific else 1) <= len(text.split()) <= self.name_max:
            return None
        ids = {t.i for t in name}
        if sum(1 for t in name if t.head.i not in ids or t.head == t) != 1:
            return None   # not one noun phrase ("Mr Smith Monday": the parser splits them)
        return s, e, text

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
        cut = lo
        for m in re.finditer(r"[.!?][\"”’)\]]*\s+(?=[A-Z\"“(\[])", gap):
            if m.end() < len(gap) and (gap[:m.start()].split() or [""])[-1].lower() not in self.honorifics:
                cut = lo + m.end()
        return cut

    def _is_verb(self, t: Any) -> bool:
        if t.pos_ not in ("VERB", "AUX", "NOUN") or t.dep_ == "amod":
            return False  # tested first: it spares the lemma of most tokens
        low = lemma(t).lower()
        if low in self.it_verbs and not any(c.lower_ == "it" for c in t.children):
            return False  # "as she put it" reports; "may put lungs at risk" does not
        return low in self.verbs

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
        named = self._appositive_name(verb, subj)
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
            return self._adjacent_subject(verb)
        # "said the company president, John Smith" / "says Co-Founder, Stephanie Ozcan": the named person in apposition
        for c in subj:
            for a in c.children:
                if a.dep_ == "appos" and a.pos_ == "PROPN" and (c.ent_type_ != "PERSON" or c.lower_.rsplit("-", 1)[-1] in self.titles) \
                        and (self._person_name(a) or self.restrictive_name(c, a)):
                    return self._from_token(a, rule)
        # "the philosopher Walter Brandt says": of two subject heads, the name
        subj.sort(key=lambda c: (c.pos_ != "PROPN", c.i))
        return self._from_token(subj[0], rule)

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
            or any(c.pos_ == "NOUN" and lemma(c).lower() in self.titles and c.i < ent.start for c in subj)
        if not titled or self._quoted(ent.root):
            return None
        return ent.root

    def _person_name(self, head: Any) -> bool:
        """A proper-noun phrase that names a person: tagged PERSON, a known person of the document,
        or opening with a first name of the general name list."""
        from .gender import first_name

        first = min(head.subtree, key=lambda t: t.i)
        return head.ent_type_ == "PERSON" or head.lower_ in self.persons \
            or (self.first_names and first_name(first.text) is not None)

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

    def _quoted(self, tok: Any) -> bool:
        """Whether the token stands between a pair of quotation marks of its paragraph (the mark view
        has only '"'): a name inside the quoted words (a vocative, a subject of the quotation) is never
        its speaker. A mark never closed proves nothing."""
        from .textual import pair_marks

        doc = tok.doc
        cache = self.__dict__.setdefault("_pairs", {})
        if cache.get("doc") is not doc:
            cache["doc"] = doc
            cache["pairs"] = [(m.open, m.close) for m in pair_marks(doc.text, 0, len(doc.text)) if m.close is not None]
        return any(o < tok.idx < c for o, c in cache["pairs"])

    def _from_token(self, tok: Any, rule: str) -> Speaker | None:
        if self._quoted(tok):
            return None
        if tok.lower_ in PRONOUNS and tok.pos_ == "PRON":
            return Speaker(tok.text, tok.idx, tok.idx + len(tok), PRONOUNS[tok.lower_], rule, pronoun=tok.lower_)
        if tok.pos_ in ("PRON", "DET") or tok.like_num:
            return None
        end = tok.idx + len(tok)
        age = re.search(r"\b[Tt]he\s+(\d{1,3}-year-old)$", tok.doc.text[max(0, end - 20):end]) if tok.lower_ == "old" else None
        if age:   # "the 71-year-old said": who, only as the one person the text gave that age
            return Speaker(age.group(1), end - len(age.group(1)), end, "description", rule)
        span = self._honorific_run(self._name_tokens(tok))
        if not span:
            return None
        doc = tok.doc
        s, e = span[0].idx, span[-1].idx + len(span[-1])
        text = doc.text[s:e]
        m = self.title_re.match(text)
        honorific = bool(m and m.end() < len(text))
        if m and not honorific:
            return None   # a bare title ("Mr.") names no one
        lead = len(text) - len(text.lstrip(" ,;:-\"'"))
        s += lead
        text = text.strip(" ,;:-\"'")
        if not text or not any(ch.isalpha() for ch in text):
            return None
        shown = text
        if "\n" in text:
            # a name never runs over a line break, but for hard-wrapped prose ('said Mr.\nPemberton'):
            # a long line before the break, one break only; the name is then given with a space
            line_start = doc.text.rfind("\n", 0, s) + 1
            if text.count("\n") > 1 or doc.text.index("\n", s) - line_start < 40:
                return None
            shown = re.sub(r"\s+", " ", text)
        if honorific and not self.title_re.sub("", shown).strip(" .,"):
            return None
        if not honorific and (self._description(tok) and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)
                              or len(span) == 1 and self.party_noun(tok)):
            return Speaker(shown, s, s + len(text), "description", rule)   # "my editor", "the Republican": who, only if introduced
        if not honorific and not self._nameable(tok, span):
            if self._description(tok) or self.definite_noun(tok):   # "her brother", "the priest": the caller may tie it to a name
                return Speaker(shown, s, s + len(text), "description", rule)
            return None
        return Speaker(shown, s, s + len(text), self._type(span, shown, honorific), rule)

    def _honorific_run(self, span: list[Any]) -> list[Any]:
        """A phrase ending in an honorific ("Miss" of "said Miss Waverly", the name read as an adverb
        by the parser) runs on over the capitalised name words right after it: an honorific always
        stands before a name, whatever the parse did with the name."""
        if not span or span[-1].lower_.rstrip(".") not in self.honorifics:
            return span
        doc, out = span[0].doc, list(span)
        k = out[-1].i + 1
        while k < len(doc) and doc[k].text == "." and not out[-1].text.endswith("."):
            out.append(doc[k])
            k += 1
        run = []
        while k < len(doc) and len(run) < self.name_max and out[-1].whitespace_ and not self._quoted(doc[k]) \
                and re.fullmatch(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", doc[k].text) and doc[k].text[:1].isupper() \
                and doc[k].lower_ not in self.honorifics and doc[k].lower_.rsplit("-", 1)[-1] not in self.titles:
            run.append(doc[k])
            out.append(doc[k])
            k += 1
        return out if run else span

    def _description(self, head: Any) -> bool:
        """A definite description of one person: a singular person or kinship noun (`person_nouns`,
        `titles`) after "the" or a possessive ("her brother", "the old manservant", "Mrs Talbot's
        husband"); an indefinite one ("a man") describes no one in particular."""
        if head.pos_ != "NOUN" or head.tag_ in ("NNS", "NNPS"):
            return False
        det = [c for c in head.children if c.dep_ in ("det", "poss")]
        if len(det) != 1 or not (det[0].lower_ in ("the", "his", "her", "their", "my", "our", "your")
                                 or det[0].pos_ == "PROPN"):
            return False
        # an agent noun too ("Ailbhe Moynihan, the lighthouse keeper" ... "the keeper said"): the caller
        # names someone only through the text's introduction, never from the noun alone
        low = lemma(head).lower()
        return low in self.person_nouns or low in self.titles or low.endswith(("man", "woman", "servant")) and len(low) > 5 \
            or low.endswith(("er", "or", "ist", "ian")) and len(low) > 4 and low not in self.org_words \
            and low not in self.outlet_words

    def _nameable(self, head: Any, span: list[Any]) -> bool:
        """Whether a subject phrase names a speaker: a proper name, an outlet, a group ("legal scholars"), or a
        definite title, body or document ("the judge", "the report"). An indefinite or generic phrase ("a guy",
        "most of the workers", "a spokeswoman for X": see unnamed_person) names no one: no speaker, not a wrong one."""
        if self.unnamed_person(head):
            return False
        if any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE", "FAC") or self.known_person(t) for t in span):
            return True
        if self.is_outlet(" ".join(t.text for t in span)):
            return True
        det = [c.lower_ for c in head.children if c.dep_ in ("det", "poss")]
        if any(d in ("a", "an", "another", "some", "any", "one", "no", "each", "every") for d in det):
            return False
        head_lemma = lemma(head).lower()
        if head.lower_ in self.group_nouns or head_lemma in self.group_nouns and head.tag_ in ("NNS", "NNPS"):
            return True
        return head_lemma in self.org_words or head.lower_ in self.titles or head_lemma in self.titles

    def _name_tokens(self, head: Any) -> list[Any]:
        """The subject's phrase: the head with its modifiers and "of X" complements, cut at commas,
        relative clauses and appositions ("X, long-time minister, who ..." -> "X")."""
        keep = {head.i}
        stack = [head]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in NAME_STOP_DEPS or c.lower_ in ("itself", "himself", "herself", "themselves"):
                    continue
                if c.dep_ == "prep" and c.lower_ not in ("of", "for", "at", "from"):
                    continue
                keep.add(c.i)
                stack.append(c)
        toks = [head.doc[i] for i in sorted(keep)]
        # contiguous run around the head
        out = [head]
        for t in reversed([t for t in toks if t.i < head.i]):
            if t.i == out[0].i - 1 and not t.is_punct:
                out.insert(0, t)
            else:
                break
        for t in [t for t in toks if t.i > head.i]:
            if t.i == out[-1].i + 1 and t.text not in (",", "(", ";", '"'):
                out.append(t)
            else:
                break
        self._glue_hyphens(out)
        while out and (out[0].dep_ == "det" and out[0].lower_ in ("the", "a", "an") or out[0].is_punct):
            out.pop(0)
        while out and out[-1].is_punct:
            out.pop()
        return out[:12]

    def _type(self, span: list[Any], text: str, honorific: bool) -> str:
        low = text.lower()
        if self.is_outlet(text):
            return "outlet"
        heads = {lemma(t).lower() for t in span}
        if honorific or any(t.ent_type_ == "PERSON" for t in span):
            return "person"
        if low in self.persons and all(t.pos_ == "PROPN" or self.known_person(t) for t in span if t.is_alpha):
            return "person"
        if heads & self.org_words or any(t.ent_type_ in ("ORG", "NORP", "GPE", "FAC") for t in span):
            return "organisation"
        if any(t.lower_.rsplit("-", 1)[-1] in self.titles for t in span):
            return "person"
        if all(t.pos_ == "PROPN" for t in span if t.is_alpha):
            return "person" if len(span) <= 3 else "organisation"
        return "organisation"
