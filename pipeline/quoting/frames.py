"""Which clause a quotation belongs to when clauses nest: a fragment quoted inside the complement of a
reporting verb ("X said the company had shown 'a pattern'") is the reporting subject's words, and an
"according to X" outside a clause whose own reporting verb has a subject ("According to the paper, a
memo described it as '...'") gives the words to that subject, named or not. Also the name forms the
small model misreads: a restrictive apposition ("the group Health Watch") and a surname the document
names as a person elsewhere but the parser reads as a common noun here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .clause import SPEAKER_ACCORDING_TO, SPEAKER_FRAGMENT_SUBJECT, ClauseCues
from ..rules import declare

if TYPE_CHECKING:
    from .speakers import Speaker

# the rule this module applies: declared once here, used through this constant
SPEAKER_REPORTED_FRAME = declare("quotes.speaker.reported_frame", stage="quotes",
        why="a fragment quoted in the complement clause of a reporting verb is that verb's subject's words, "
            "not those of the complement's own subject ('X said the firm had shown \"a pattern\"')",
        params=["reporting_verbs"])


class FrameCues(ClauseCues):
    persons: set[str]

    def reframe(self, sp: Speaker | None, doc: Any, q_rel: int) -> Speaker | None:
        """The speaker a cue before the quotation gave, corrected for the clause it sits in (see module)."""
        if sp is None or sp.cue is None:
            return sp
        cue = next((t for t in doc if t.idx == sp.cue[1]), None)
        if cue is None:
            return sp
        if sp.rule == SPEAKER_FRAGMENT_SUBJECT:
            return self._reporting_frame(cue) or sp
        if sp.rule == SPEAKER_ACCORDING_TO and self._own_reporter(cue, doc, q_rel):
            return None
        return sp

    def _reporting_frame(self, verb: Any) -> Speaker | None:
        """'Board chair X said the company had shown "a pattern of carelessness" and had waited "a
        day"': the framing verb (through its conjuncts) is the complement of a reporting verb before
        it: that verb's subject speaks. None when there is no such verb or its subject names no one."""
        v = verb
        while v.dep_ == "conj" and v.head.i < v.i:
            v = v.head
        outer = v.head
        if v.dep_ != "ccomp" or outer.i >= v.i or not self._is_verb(outer) or outer.pos_ == "NOUN":
            return None
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in outer.children):
            return None
        sp = self._subject(outer, SPEAKER_REPORTED_FRAME)
        if sp is not None:
            sp.cue = (outer.text, outer.idx, outer.idx + len(outer))
        return sp

    def _own_reporter(self, according: Any, doc: Any, q_rel: int) -> bool:
        """Between "according to X" and the quotation, a reporting verb that governs the quotation and
        has a subject of its own: the words are that subject's ("an internal memo described it as")."""
        qtok = next((t for t in doc if t.idx >= q_rel and not t.is_punct), None)
        if qtok is None:
            return False
        return any(according.i + 1 < a.i < qtok.i and self._is_verb(a) and a.pos_ != "NOUN"
                   and any(c.dep_ == "nsubj" and c.i > according.i + 1 for c in a.children)
                   for a in qtok.ancestors)

    @staticmethod
    def restrictive_name(noun: Any, name: Any) -> bool:
        """'Patients' group Wexcombe Health Watch described ...': a proper name set right after a
        common noun with no comma between is that noun's name (a restrictive apposition: "the charity
        Oxfam", "the poet Keats"), whether a person or a body."""
        first = min(name.subtree, key=lambda t: t.i)
        return noun.pos_ == "NOUN" and first.i == noun.i + 1 and all(
            t.pos_ == "PROPN" or t.text in ("-", "&") for t in name.subtree)

    def known_person(self, t: Any) -> bool:
        """A capitalised word the document tags elsewhere as (the surname of) a person, here read as a
        common noun or another entity ('"...," Ncube says finally' with Ncube tagged WORK_OF_ART)."""
        return t.text[:1].isupper() and t.is_alpha and t.lower_ in self.persons
