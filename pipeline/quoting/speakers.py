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

PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "organisation", "we": "any", "i": "self"}
NAME_STOP_DEPS = {"relcl", "acl", "appos", "advcl", "punct", "cc", "conj"}


@lru_cache(maxsize=4)
def load_nlp(name: str) -> Any:
    """The spaCy pipeline, loaded once per process; the tokenizer also splits quote marks, brackets
    and dashes glued to words, so that `Watch[8]:` and `fantasy,"-` do not break names."""
    import spacy
    from spacy.util import compile_infix_regex

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(f"quotes.model: spaCy model {name!r} is not installed ({exc.__class__.__name__})") from None
    infixes = list(nlp.Defaults.infixes) + [r'["“”]', r"\[", r"\]", r"(?<=[,.;:!?\"])[-–—]", r"(?<=\w)\.(?=[A-Z][a-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


@dataclass
class Speaker:
    name: str
    start: int
    end: int
    type: str
    rule: str
    pronoun: str | None = None
    cue: tuple[str, int, int] | None = None


class SpeakerFinder:
    def __init__(self, cfg: dict[str, Any]) -> None:
        self.verbs = set(cfg["reporting_verbs"])
        self.citing = set(cfg["citing_verbs"])
        self.titles = [t.lower() for t in cfg["titles"]]
        self.org_words = set(cfg["organisation_words"])
        self.outlets = {o.lower() for o in cfg["outlets"]}
        self.max_gap = cfg["max_cue_tokens"]
        self.title_re = re.compile(r"^(?:(?:" + "|".join(re.escape(t) for t in cfg["honorifics"]) + r")(?:\.\s*|\s+))+", re.IGNORECASE)

    # -------------------------------------------------------------- entry point
    def find(self, doc: Any, base: int, qs: int, qe: int, lo: int, hi: int) -> Speaker | None:
        """Speaker of the quotation text[qs:qe] in the parsed paragraph `doc` (starting at `base`);
        cues are looked for between lo (end of the previous quotation) and hi (start of the next)."""
        toks = list(doc)
        after = [t for t in toks if qe <= base + t.idx < hi]
        post = self._post(after)
        if post is not None:
            return post
        before = [t for t in toks if lo <= base + t.idx and base + t.idx + len(t) <= qs]
        return self._pre(before[-self.max_gap * 3:], base)

    def _is_verb(self, t: Any) -> bool:
        return t.lemma_.lower() in self.verbs and t.pos_ in ("VERB", "AUX", "NOUN") and t.dep_ != "amod"

    def _post(self, after: list[Any]) -> Speaker | None:
        content: list[Any] = []
        for t in after:
            if t.is_punct or t.is_space or t.text in ('"', "-", "–", "—"):
                if t.text in (".", "!", "?") and content:
                    break
                continue
            content.append(t)
            if len(content) > 6:
                break
        for t in content:
            if self._is_verb(t) and t.pos_ != "NOUN":
                base = t.doc[0].idx  # noqa: F841 - offsets are doc-relative
                sp = self._subject(t, "quotes.speaker.reporting_verb_after")
                if sp is None:
                    # "said X" / "X said" where the parser missed the subject
                    nxt = [c for c in content if c.i > t.i and (c.pos_ == "PROPN" or c.ent_type_)]
                    prv = [c for c in content if c.i < t.i and (c.pos_ in ("PROPN", "PRON") or c.ent_type_)]
                    pick = prv[-1] if prv else (nxt[0] if nxt else None)
                    if pick is not None:
                        sp = self._from_token(pick, "quotes.speaker.reporting_verb_after")
                if sp is not None:
                    sp.cue = (t.text, t.idx, t.idx + len(t))
                    return sp
        return None

    def _pre(self, before: list[Any], base: int) -> Speaker | None:
        for t in reversed(before):
            if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
                to = t.doc[t.i + 1]
                objs = [c for c in to.children if c.dep_ == "pobj"]
                if objs:
                    sp = self._from_token(objs[0], "quotes.speaker.according_to")
                else:
                    nxt = t.doc[t.i + 2] if t.i + 2 < len(t.doc) else None
                    sp = self._from_token(nxt, "quotes.speaker.according_to") if nxt is not None else None
                if sp is not None:
                    sp.cue = (t.doc[t.i:t.i + 2].text, t.idx, to.idx + len(to))
                    return sp
            if self._is_verb(t):
                sp = self._subject(t, "quotes.speaker.reporting_verb")
                if sp is not None:
                    end = t
                    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
                    if nxt is not None and nxt.lower_ == "that":
                        end = nxt
                    sp.cue = (t.doc[t.i:end.i + 1].text, t.idx, end.idx + len(end))
                    return sp
        return None

    # -------------------------------------------------------------- subjects
    def _subject(self, verb: Any, rule: str) -> Speaker | None:
        kids = list(verb.children)
        if verb.lemma_.lower() in self.citing:
            objs = [c for c in kids if c.dep_ in ("dobj", "obj")]
            if objs:
                return self._from_token(objs[0], "quotes.speaker.cited_work")
        agents = [c for c in kids if c.dep_ == "agent"]
        if agents:
            objs = [c for c in agents[0].children if c.dep_ == "pobj"]
            if objs:
                return self._from_token(objs[0], "quotes.speaker.passive_agent")
        subj = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass" if not agents else "nsubj")]
        subj = [c for c in subj if c.dep_ == "nsubj"]
        if not subj and verb.dep_ == "conj":
            subj = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if not subj and verb.dep_ in ("relcl",) and verb.head.pos_ in ("PROPN", "NOUN"):
            return None
        if not subj:
            return self._adjacent_subject(verb)
        return self._from_token(subj[0], rule)

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
        while t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ in ("NOUN", "PROPN"):
            t = t.head.head
        return self._from_token(t, "quotes.speaker.adjacent_subject")

    def _from_token(self, tok: Any, rule: str) -> Speaker | None:
        if tok.lower_ in PRONOUNS and tok.pos_ == "PRON":
            return Speaker(tok.text, tok.idx, tok.idx + len(tok), PRONOUNS[tok.lower_], rule, pronoun=tok.lower_)
        if tok.pos_ in ("PRON", "DET") or tok.like_num:
            return None
        span = self._name_tokens(tok)
        if not span:
            return None
        doc = tok.doc
        s, e = span[0].idx, span[-1].idx + len(span[-1])
        text = doc.text[s:e]
        m = self.title_re.match(text)
        honorific = bool(m and m.end() < len(text))
        if honorific:
            s += m.end()
            text = text[m.end():]
        text = text.strip(" ,;:-\"'")
        if not text or not any(ch.isalpha() for ch in text):
            return None
        return Speaker(text, s, s + len(text), self._type(span, text, honorific), rule)

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
        while out and (out[0].dep_ == "det" and out[0].lower_ in ("the", "a", "an") or out[0].is_punct):
            out.pop(0)
        while out and out[-1].is_punct:
            out.pop()
        return out[:12]

    def _type(self, span: list[Any], text: str, honorific: bool) -> str:
        low = text.lower()
        if low in self.outlets:
            return "outlet"
        heads = {t.lemma_.lower() for t in span}
        if honorific or any(t.ent_type_ == "PERSON" for t in span):
            return "person"
        if heads & self.org_words or any(t.ent_type_ in ("ORG", "NORP", "GPE", "FAC") for t in span):
            return "organisation"
        if any(t.lower_ in self.titles for t in span):
            return "person"
        if all(t.pos_ == "PROPN" for t in span if t.is_alpha):
            return "person" if len(span) <= 3 else "organisation"
        return "organisation"
