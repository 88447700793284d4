"""The clause set off next to a quotation: its verb takes the quotation as complement, its subject
is the speaker. Read from the parse, not from a word list: "murmured Tom", "she went on", "Tom
retorted," and verbs of thinking work as "said" does; the reporting-verb lexicon is a shortcut."""

from __future__ import annotations

import re
from typing import Any


class ClauseCues:
    honorifics: set[str]

    @staticmethod
    def _clause_subject(verb: Any, depth: int = 3) -> Any:
        """The verb's subject, or the one it shares: a conjoined verb ("studied ... but considers")
        or a trailing participle ("..., stating:") has the subject of the verb it hangs on."""
        for c in verb.children:
            if c.dep_ == "nsubj":
                return c
        if depth and (verb.dep_ == "conj" or verb.tag_ == "VBG" and verb.dep_ in ("advcl", "ccomp")
                      and verb.i > verb.head.i):
            return ClauseCues._clause_subject(verb.head, depth - 1)
        return None

    def _speech_shaped(self, verb: Any, loose: bool = False) -> bool:
        """A verb that can take a quotation as its complement: a full verb with a subject (a name, a
        noun or a pronoun) and no object of its own ("murmured Tom", "she went on", "he thought").
        The reporting-verb lexicon is not needed: the clause next to the quotation says it."""
        if verb.pos_ != "VERB" or verb.dep_ in ("amod", "acl", "xcomp", "aux", "auxpass", "pcomp") \
                or verb.dep_ == "relcl" and not loose:
            return False
        kids = list(verb.children)
        nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        inverted = nxt is not None and (nxt.pos_ == "PROPN" or nxt.lower_.rstrip(".") in self.honorifics)
        if any(c.dep_ in ("dobj", "obj", "attr", "acomp", "oprd") and c.pos_ != "PRON"
               and not (inverted and c.i <= verb.i + 4 and c.pos_ == "PROPN") for c in kids):
            return False
        subj = self._clause_subject(verb)
        return inverted or subj is not None and subj.pos_ in ("PROPN", "NOUN", "PRON")

    def _clause_verb(self, verb: Any, before: list[Any]) -> bool:
        """After a quotation: the verb of the clause set off next to it, with only its subject
        before it ('"...," Tom murmured' / '"...," murmured Tom' / '"...," she went on')."""
        if not self._speech_shaped(verb):
            return False
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return not before      # '"...," murmured Tom Hardy' read with the name as object
        inside = {t.i for t in subj.subtree}
        return all(t.i in inside for t in before)

    def _verb_before_quote(self, verb: Any, q_rel: int | None) -> bool:
        """Before a quotation: 'Tom retorted, "..."' / 'She cried: "..."': the verb ends its clause
        right before the quotation (only punctuation between) and has a subject."""
        if q_rel is None or not self._speech_shaped(verb, loose=True):
            return False   # loose: 'Asked about the fit she commented, "..."' is often read as a relative clause
        gap = verb.doc.text[verb.idx + len(verb):q_rel].strip()
        return gap in ("", ",", ":", ", ", "—", "-", '"', ',"', ':"') or bool(re.fullmatch(r'[,:—-]?\s*"?', gap))

    def _frames_fragment(self, verb: Any, q_rel: int | None) -> bool:
        """A quoted fragment inside the reporting clause: 'called it "a disgrace"', 'considers himself
        "an artist with a camera"': the quotation hangs on the verb (in its subtree, no other verb
        between) a few words after it, and the verb has a subject."""
        if q_rel is None or verb.pos_ != "VERB" or verb.dep_ in ("amod", "acl", "relcl", "aux", "auxpass"):
            return False
        doc = verb.doc
        qtok = next((t for t in doc if t.idx >= q_rel and not t.is_punct), None)
        if qtok is None or verb not in qtok.ancestors:
            return False
        t = qtok.head
        while t != verb:
            if t.pos_ in ("VERB", "AUX"):
                return False
            t = t.head
        gap = [t for t in doc if verb.i < t.i and t.idx < q_rel and not t.is_punct]
        if len(gap) > 3 or any(t.pos_ in ("VERB", "AUX") for t in gap):
            return False
        subj = self._clause_subject(verb)
        return subj is not None and subj.pos_ in ("PROPN", "PRON", "NOUN")
