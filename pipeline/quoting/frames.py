"""Which clause a quotation belongs to when clauses nest: a fragment quoted inside the complement of a
reporting verb ("X said the company had shown 'a pattern'") is the reporting subject's words, and an
"according to X" outside a clause whose own reporting verb has a subject ("According to the paper, a
memo described it as '...'") gives the words to that subject, named or not. Also the name forms the
small model misreads: a restrictive apposition ("the group Health Watch") and a surname the document
names as a person elsewhere but the parser reads as a common noun here."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .clause import SPEAKER_ACCORDING_TO, SPEAKER_FRAGMENT_SUBJECT, SPEAKER_REPORTING_VERB, ClauseCues
from ..rules import declare

if TYPE_CHECKING:
    from .speakers import Speaker

# the rule this module applies: declared once here, used through this constant
SPEAKER_REPORTED_FRAME = declare("quotes.speaker.reported_frame", stage="quotes",
        why="a fragment quoted in the complement clause of a reporting verb is that verb's subject's words, "
            "not those of the complement's own subject ('X said the firm had shown \"a pattern\"')",
        params=["reporting_verbs"])


_GLUE = "quotes_glue_double_barrelled"


def glue_double_barrelled(nlp: Any, infixes: list[str]) -> Any:
    """The tokenizer's infixes, and after the parser a component that makes each double-barrelled
    name one token ("Oyelowo-Brandt", "Jean-Pierre": capitalised words joined by a hyphen with no
    space), so that every rule reading names, surnames and mentions sees the whole name; the parse
    itself is the model's own, on the tokens it was trained with."""
    from spacy.language import Language
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    if not Language.has_factory(_GLUE):
        Language.component(_GLUE, func=_merge_double_barrelled)
    if _GLUE not in nlp.pipe_names:
        nlp.add_pipe(_GLUE, last=True)
    return nlp


def _merge_double_barrelled(doc: Any) -> Any:
    if "-" not in doc.text:
        return doc
    spans, i = [], 0   # never a span that cuts an entity: each lies inside the span, holds it, or is apart
    while i + 2 < len(doc):
        j = i
        while j + 2 < len(doc) and _capital(doc[j]) and not doc[j].whitespace_ and doc[j + 1].text == "-" \
                and not doc[j + 1].whitespace_ and _capital(doc[j + 2]):
            j += 2
        if j > i and all(e.end <= i or e.start > j or e.start <= i and e.end > j or i <= e.start and e.end <= j + 1
                         for e in doc.ents):
            spans.append(doc[i:j + 1])
            i = j + 1
        else:
            i += 1
    if spans:
        with doc.retokenize() as rt:
            for sp in spans:
                rt.merge(sp)
    return doc


def _capital(t: Any) -> bool:
    """A capitalised word of letters (a double-barrelled one too, once glued)."""
    return t.text[:1].isupper() and bool(_LETTER_WORD.fullmatch(t.text))


_LETTER_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")   # letters, hyphen-joined runs of them too


class FrameCues(ClauseCues):
    persons: set[str]
    titles: list[str]
    first_names: bool
    org_words: set[str]
    outlet_words: set[str]
    group_nouns: set[str]
    person_nouns: set[str]

    def reframe(self, sp: Speaker | None, doc: Any, q_rel: int) -> Speaker | None:
        """The speaker a cue before the quotation gave, corrected for the clause it sits in (see module)."""
        if sp is None or sp.cue is None:
            return sp
        cue = next((t for t in doc if t.idx == sp.cue[1]), None)
        if cue is None:
            return sp
        if sp.rule == SPEAKER_FRAGMENT_SUBJECT or sp.rule == SPEAKER_REPORTING_VERB and not self._is_verb(cue) \
                and sp.type != "person" and sp.pronoun is None:
            # "X said the hall had hosted 'everything from ...'": a verb of no speech right before the
            # words, its subject no person, in the complement of X's reporting verb: X's words
            return self._reporting_frame(cue) or sp
        if sp.rule == SPEAKER_REPORTING_VERB and self._is_verb(cue) and self._modifier_quote(cue, doc, q_rel):
            # "an official said the company had reported the leak 'three days later than it should
            # have'": the inner verb reports its own object, the quoted words only qualify it: they
            # are the outer reporter's, named or not (an unnamed one gives no speaker)
            return self._reporting_frame(cue)
        if sp.rule == SPEAKER_ACCORDING_TO and self._own_reporter(cue, doc, q_rel):
            return None
        return sp

    def according_after(self, after: list[Any]) -> Speaker | None:
        """'"These routes have not made money," according to chief executive Pavel Dvorak.': right after
        the quotation (only punctuation between), "according to X" names its speaker as before it."""
        words = [t for t in after if not (t.is_punct or t.is_space)]
        if len(words) < 3 or words[0].lower_ != "according" or words[1].lower_ != "to":
            return None
        obj = next((c for c in words[1].children if c.dep_ == "pobj"), None)
        sp = self._from_token(obj, SPEAKER_ACCORDING_TO) if obj is not None else None
        if sp is not None:
            sp.cue = (f"{words[0].text} {words[1].text}", words[0].idx, words[1].idx + len(words[1]))
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

    def _modifier_quote(self, verb: Any, doc: Any, q_rel: int) -> bool:
        """The reporting verb is the complement of another reporting verb with a subject, has a direct
        object of its own outside the quoted words, and the quoted words hang on it as an adverbial
        (advmod, npadvmod, a preposition other than "as", an adverbial clause), not as what it reports."""
        qtok = next((t for t in doc if t.idx >= q_rel and not t.is_punct), None)
        if qtok is None or verb.dep_ != "ccomp" or verb.head.i >= verb.i or not self._is_verb(verb.head) \
                or verb.head.pos_ == "NOUN" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.head.children):
            return False
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None or any(t.i == qtok.i for t in obj.subtree):
            return False
        link = next((c for c in verb.children if any(t.i == qtok.i for t in c.subtree)), None)
        return link is not None and link.i > obj.i and (link.dep_ in ("advmod", "npadvmod", "advcl")
                                                         or link.dep_ == "prep" and link.lower_ != "as")

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

    def note_first_name_runs(self, docs: list[Any]) -> None:
        """Names the model does not tag PERSON but that have a person's name's shape: a first name of
        the general name list, then a double-barrelled surname ("Councillor Femi Adeyinka-Clarke",
        tagged ORG as a whole), on one line, not a place, facility or product, nor a body whose name
        they open: the run and its surname are the document's person names too. (A first name before
        plain capitalised words is as often a place or a paper: "Keld Valley Voice".)"""
        from .gender import first_name

        if not self.first_names:
            return
        for doc in docs:
            for t in doc:
                run = [t]
                while len(run) < 3 and run[-1].i + 1 < len(doc) and _capital(doc[run[-1].i + 1]) \
                        and doc[run[-1].i + 1].pos_ == "PROPN" and run[-1].whitespace_ == " ":
                    run.append(doc[run[-1].i + 1])
                if len(run) < 2 or "-" not in run[-1].text or t.pos_ != "PROPN" or not _capital(t) \
                        or first_name(t.text) is None:
                    continue
                if any(x.ent_type_ in ("GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "NORP") for x in run) \
                        or t.ent_type_ == "ORG" and t.ent_iob_ == "B" or any(self._body_word(x) for x in run):
                    continue   # "Selwyn Mail", "Rosa Trust": a publication or body named for a person
                self.persons.add(" ".join(x.lower_ for x in run))
                self.persons.add(run[-1].lower_)

    @staticmethod
    def party_noun(tok: Any) -> bool:
        """'the Republican said': a singular noun of a party or nation (NORP) after "the" is a member of
        it, a description tied to a name only through the text's introduction ("Republican Senator X")."""
        return tok.ent_type_ == "NORP" and tok.tag_ in ("NNP", "NN") \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)

    def _body_word(self, t: Any) -> bool:
        low = t.lower_
        return low in self.titles or low in self.org_words or low in self.outlet_words

    def definite_noun(self, head: Any) -> bool:
        """'"...," the priest said': a definite singular common noun that names no body, outlet or
        group is a description of one person, whatever the noun: the caller ties it to a name only
        through the document's own introduction of someone with that noun ("The parish priest, the
        Rev. X,"), else no speaker, as before."""
        from .speakers import lemma

        det = [c for c in head.children if c.dep_ in ("det", "poss")]
        low = lemma(head).lower()
        return head.pos_ == "NOUN" and head.tag_ == "NN" and len(det) == 1 and det[0].lower_ == "the" \
            and low not in self.org_words and low not in self.outlet_words and low not in self.group_nouns

    def unnamed_person(self, head: Any) -> bool:
        """'A spokeswoman for the Welsh Government said', 'one trader at a Frankfurt bank said': an
        indefinite singular noun (not a body, outlet or group word) is someone the text does not name,
        whatever proper nouns qualify it (the body is not the speaker either: a person spoke for it)."""
        from .speakers import lemma

        low = lemma(head).lower()
        return head.pos_ == "NOUN" and any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another")
                                           for c in head.children) \
            and head.tag_ == "NN" and low not in self.org_words and low not in self.outlet_words \
            and low not in self.group_nouns   # "a report by the X Institute" stays the caller's to weigh

    def known_person(self, t: Any) -> bool:
        """A capitalised word the document tags elsewhere as (the surname of) a person, here read as a
        common noun or another entity ('"...," Ncube says finally' with Ncube tagged WORK_OF_ART)."""
        return _capital(t) and t.lower_ in self.persons
