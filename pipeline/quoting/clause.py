"""The clause set off next to a quotation: its verb takes the quotation as complement, its subject
is the speaker. Read from the parse, not from a word list: "murmured Tom", "she went on", "Tom
retorted," and verbs of thinking work as "said" does; the reporting-verb lexicon is a shortcut.
The cue searches before and after a quotation (`_pre`, `_post`) live here too; SpeakerFinder
(speakers.py) turns the subject they find into a name."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..rules import declare

# the rules this module applies: declared once here, used through these constants
SPEAKER_REPORTING_VERB = declare("quotes.speaker.reporting_verb", stage="quotes",
        why="the subject of a reporting verb in the cue before a quotation",
        params=["reporting_verbs", "max_cue_tokens"])
SPEAKER_REPORTING_VERB_AFTER = declare("quotes.speaker.reporting_verb_after", stage="quotes",
        why="the subject of a reporting verb after the quotation ('..., she said')",
        params=["reporting_verbs", "max_cue_tokens"])
SPEAKER_ACCORDING_TO = declare("quotes.speaker.according_to", stage="quotes", why="'according to X' names the source")
SPEAKER_COLON_SUBJECT = declare("quotes.speaker.colon_subject", stage="quotes",
        why="the subject of the clause a colon ends introduces the quotation")
SPEAKER_MESSAGE_FROM = declare("quotes.speaker.message_from", stage="quotes",
        why="a colon lead-in that reads out a message from X ('reads out a message from Moira:') gives X's words, not the reader's",
        params=["speech_nouns"])
SPEAKER_FRAGMENT_SUBJECT = declare("quotes.speaker.fragment_subject", stage="quotes",
        why="a quoted fragment framed by a reporting clause takes that clause's subject (called it \"a disgrace\")",
        params=["inline_min_words"])

if TYPE_CHECKING:
    from .speakers import Speaker


_POSSESSIVE_SUBJECT = {"his": "he", "her": "she", "their": "they"}   # "in her words": the pronoun it stands for


class ClauseCues:
    honorifics: set[str]
    speech_nouns: set[str]

    @staticmethod
    def _ends_sentence(text: str, qs: int, qe: int) -> bool:
        """The quoted words end their sentence: terminal punctuation inside or right after the closing mark."""
        inner = text[qs:qe].rstrip('"”’\' ')
        return inner[-1:] in (".", "!", "?") or text[qe:qe + 2].lstrip('"”’\'')[:1] in (".", "!", "?")

    @staticmethod
    def _glue_hyphens(out: list[Any]) -> None:
        """A double-barrelled name the tokenizer split ("Solheim-Varga" as three tokens, the hyphen
        a punct child the phrase walk skips) is one name: the capitalised words joined to the run by
        a hyphen or apostrophe with no space either side join it, so the surname is never half
        (and a numbered name keeps its number whole: "Article 30-4")."""
        if not out:
            return
        doc = out[0].doc

        def glued(i: int) -> bool:
            return 0 < i < len(doc) - 1 and doc[i].text in ("-", "'", "’") and not doc[i].whitespace_ \
                and not doc[i - 1].whitespace_

        while out[0].i >= 2 and glued(out[0].i - 1) and doc[out[0].i - 2].text[:1].isupper() and doc[out[0].i - 2].is_alpha:
            out[0:0] = [doc[out[0].i - 2], doc[out[0].i - 1]]
        while glued(out[-1].i + 1) and out[-1].is_alpha and doc[out[-1].i + 2].text[:1].isupper() \
                and doc[out[-1].i + 2].is_alpha or glued(out[-1].i + 1) and out[-1].is_digit and doc[out[-1].i + 2].is_digit:
            out.extend([doc[out[-1].i + 1], doc[out[-1].i + 2]])

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
        if depth and verb.dep_ == "xcomp" and verb.i > verb.head.i \
                and not any(c.dep_ in ("dobj", "obj") and c.tag_ != "WP" for c in verb.head.children):
            return ClauseCues._clause_subject(verb.head, depth - 1)   # "what she had to say": she (no object to control it)
        return None

    def says_nothing(self, verb: Any) -> bool:
        """'Mr. Lindqvist said nothing.' / 'She did not answer.' / 'He made no reply.': a verb negated,
        or whose object is "nothing" or a noun under "no", or a verb of an "as if" clause or of a "when" clause after its main verb, tells that its subject did not speak: it
        reports no quotation, and its subject is no speaker of the words next to it."""
        kids = list(verb.children)
        if any(c.dep_ == "mark" and c.lower_ in ("if", "though") and c.i > 0 and verb.doc[c.i - 1].lower_ == "as" for c in kids):
            return True   # '"...," he announced, as if I had asked, "..."': a supposed speech act, no report
        if verb.dep_ == "advcl" and verb.head.i < verb.i and any(c.dep_ in ("mark", "advmod") and c.i < verb.i
                                                               and c.lower_ in ("when", "after", "before", "while", "until", "once")
                                                               for c in kids):
            return True   # '"...," Tom persisted, when the aunt had asked again. "..."': the earlier asking, not a tag
        return any(c.dep_ == "neg" and c.i < verb.i and not self._quoted(c) for c in kids) or any(   # not "said he, not unkindly"
            c.dep_ in ("dobj", "obj") and not self._quoted(c)   # '"Nothing," said Tom' says something
            and (c.lower_ in ("nothing", "none") or any(d.lower_ == "no" for d in c.children)) for c in kids)

    def _speech_shaped(self, verb: Any, loose: bool = False) -> bool:
        """A verb that can take a quotation as its complement: a full verb with a subject (a name, a
        noun or a pronoun) and no object of its own ("murmured Tom", "she went on", "he thought").
        The reporting-verb lexicon is not needed: the clause next to the quotation says it."""
        if verb.pos_ != "VERB" or verb.dep_ in ("amod", "acl", "xcomp", "aux", "auxpass", "pcomp") \
                or verb.dep_ == "relcl" and not loose:
            return False
        kids = list(verb.children)
        if self.says_nothing(verb):
            return False
        nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        inverted = nxt is not None and (nxt.pos_ == "PROPN" or nxt.lower_.rstrip(".") in self.honorifics)
        # '"A," returned Ada; "only tired."': in a tag right after a quotation, words of the next part are no object
        tag = any(t.text == '"' for t in verb.doc[max(0, verb.i - 2):verb.i])
        if any(c.dep_ in ("dobj", "obj", "attr", "acomp", "oprd") and c.pos_ != "PRON"
               and not (inverted and c.i <= verb.i + 4 and c.pos_ == "PROPN")
               and not (tag and c.i > verb.i and self._quoted(c)) for c in kids):
            return False
        subj = self._clause_subject(verb)
        return inverted or subj is not None and subj.pos_ in ("PROPN", "NOUN", "PRON")

    @staticmethod
    def inverted_subject(verb: Any) -> Any:
        """'"Not wasted," rejoined her husband.': right after the quotation's closing mark, a verb
        and then only a noun phrase (determiner or possessive, adjectives, a noun) up to the
        clause's end: in English that phrase is the inverted subject, however the parser labelled
        it (an object, mostly). Its head noun, else None."""
        doc = verb.doc
        prev = doc[verb.i - 1] if verb.i else None
        if verb.pos_ != "VERB" or prev is None or prev.text not in ('"', ",") or verb.i + 2 >= len(doc):
            return None
        k = verb.i + 1
        if doc[k].dep_ not in ("det", "poss") or doc[k].lower_ not in ("the", "his", "her", "their", "my", "our", "your"):
            return None
        k += 1
        while k < len(doc) and doc[k].pos_ in ("ADJ", "NOUN", "PROPN") and k - verb.i <= 5:
            k += 1
        head = doc[k - 1]
        while k < len(doc) and doc[k].pos_ == "ADV" and doc[k].head == verb:
            k += 1   # 'cried his wife impatiently.': the manner adverb after the subject
        if head.pos_ not in ("NOUN", "PROPN") or k < len(doc) and not doc[k].is_punct:
            return None
        return head

    def _clause_verb(self, verb: Any, before: list[Any]) -> bool:
        """After a quotation: the verb of the clause set off next to it, with only its subject
        before it ('"...," Tom murmured' / '"...," murmured Tom' / '"...," she went on')."""
        if not before and self.inverted_subject(verb) is not None:
            return True
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
        end = verb
        for c in verb.children:   # a phrasal verb: "As Carl points out, "..."", "she went on: "...""
            if c.dep_ == "prt" and c.i == end.i + 1:
                end = c
        gap = verb.doc.text[end.idx + len(end):q_rel].strip()
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
        subj = self._passive_agent(verb) or self._clause_subject(verb)
        return subj is not None and subj.pos_ in ("PROPN", "PRON", "NOUN")

    @staticmethod
    def _passive_agent(verb: Any) -> Any:
        """'branded "a slap in the face" by campaigners': the agent of a passive verb says the words."""
        return next((o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None)

    def colon_subject(self, before: list[Any], comma: bool = False) -> Speaker | None:
        """'Legal scholars have identified a loophole: "..."' / 'Nagel does not buy this:': a clause
        ending in a colon before the quotation, whose subject is a named person, a group noun
        ("researchers") or he/she. Organisations and 'it' introduce lists too often."""
        toks = [t for t in before if not t.is_space]
        # with `comma` (the quotation ends its sentence): a main clause set off by a comma leads in as a
        # colon does ('Our reviewer Becca was impressed with her look, "With specific goals ..."')
        if not toks or toks[-1].text != ":" and not (comma and toks[-1].text == ","):
            return None
        root = toks[-1].head
        while root.dep_ not in ("ROOT",) and root.head is not root and root.pos_ not in ("VERB", "AUX"):
            root = root.head
        inside = {t.i for t in toks}
        if root.i not in inside:
            # the parser hung the lead-in clause under the quotation's verb ('X gave the reason in a
            # statement: "The sailing carried ..."'): the lead-in's own verb is the one attached outside it
            outer = [t for t in toks if t.pos_ in ("VERB", "AUX") and t.head.i not in inside and t.dep_ != "aux"]
            root = outer[-1] if outer else root
        if root.pos_ not in ("VERB", "AUX"):
            return None
        if toks[-1].text == "," and (any(c.dep_ == "mark" for c in root.children) or root.dep_ == "advcl"):
            return None   # "When she arrived, ...": a subordinate clause leads in to nothing
        sender = self._message_from(root, inside)
        if sender is not None:
            return sender or None   # the sender's words; an unnamed sender ("a message from a listener:") names no one
        subj = [c for c in root.children if c.dep_ == "nsubj"]
        if not subj and root.dep_ == "conj":   # "X reviewed it and shared the following, ...": the first verb's subject
            subj = [c for c in root.head.children if c.dep_ == "nsubj"]
        if root.i not in inside or not subj or not all(t.i in inside for t in subj[0].subtree):
            return None  # the clause must lie wholly in the cue's own sentence and line
        poss = [c for c in subj[0].children if c.dep_ == "poss" and c.lower_ in _POSSESSIVE_SUBJECT]
        if poss and subj[0].lower_ in self.speech_nouns and toks[-1].text == ":":
            # "Her message to commuters was blunt:": the person "her" stands for, resolved as a pronoun
            from .speakers import Speaker

            p, pr = poss[0], _POSSESSIVE_SUBJECT[poss[0].lower_]
            return Speaker(p.text, p.idx, p.idx + len(p), "person" if pr in ("he", "she") else "organisation",
                           SPEAKER_COLON_SUBJECT, pronoun=pr) if pr in ("he", "she") else None
        # "The authority's operations manager, Hilde Brennan, gave ...:": the named person in apposition; "In her
        # book The Patient Loaf, Bethany Reid puts it:" parsed as one subject "Loaf, ... Reid": the person after the
        # comma, not the work's title (a work, tagged WORK_OF_ART or no person, is no speaker)
        named = [a for a in subj[0].children if a.dep_ == "appos" and a.pos_ == "PROPN" and self._person_name(a)]
        after_title = self._person_after_title(subj[0])
        if not named and after_title is not None:
            named = [after_title]
        sp = self._from_token(named[0] if named else subj[0], SPEAKER_COLON_SUBJECT)
        if sp is None or "\n" in sp.name:
            return None
        if sp.pronoun is not None:
            return sp if sp.pronoun in ("he", "she") else None
        head = subj[0]
        group = head.lower_ in self.group_nouns and head.tag_ in ("NNS", "NNPS")
        return sp if sp.type == "person" or group or named else None   # a name set beside "our reviewer" is a person

    def _person_after_title(self, subj: Any) -> Any:
        """'In her book The Patient Loaf, Bethany Reid puts it:' parsed as one subject 'Loaf, ... Reid': the
        person conjoined after the comma, when the subject itself names no person (a work's title)."""
        if self._person_name(subj):
            return None
        return next((a for a in subj.children if a.dep_ == "conj" and a.pos_ == "PROPN" and a.i > subj.i
                     and a.doc[a.i - 1].text != "and" and any(t.text == "," for t in a.doc[subj.i:a.i])
                     and not any(t.lower_ in ("and", "or") for t in a.doc[subj.i:a.i]) and self._person_name(a)), None)

    def _message_from(self, root: Any, inside: set[int]) -> Speaker | bool | None:
        """'Callum reads out a message from Moira in Hexham:': a speech noun (`speech_nouns`) object of the
        lead-in's verb with "from X" makes the words X's (the Speaker), or nobody's when X names no person
        (False); None when the lead-in has no such object."""
        for o in root.children:
            if o.dep_ not in ("dobj", "attr") or o.lower_ not in self.speech_nouns or o.i not in inside:
                continue
            for p in o.children:
                objs = [c for c in p.children if c.dep_ == "pobj"] if p.dep_ == "prep" and p.lower_ == "from" else []
                if objs:
                    sp = self._from_token(objs[0], SPEAKER_MESSAGE_FROM)
                    if sp is None or sp.pronoun is not None or not self._person_name(objs[0]):
                        return False
                    sp.type = "person"   # a first name the model tags GPE ("Moira in Hexham") is still a person
                    return sp
        return None

    def cue_after(self, doc: Any, base: int, qs: int, qe: int, hi: int) -> bool:
        """Whether a reporting clause follows the quotation ('"Hartley," replied her mother'), named
        speaker or not: a short quotation with a cue is a quotation, whoever says it."""
        if not self._ends_clause(doc.text, qs - base, qe - base):
            return False
        content = [t for t in doc if qe <= base + t.idx < hi and not (t.is_punct or t.is_space)
                   and not (t.i and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_)][:4]   # "58-year-old": one word
        return any((self._is_verb(t) and t.pos_ != "NOUN" or self._clause_verb(t, content[:n])) and self._reports_quote(t)
                   for n, t in enumerate(content))

    def _post(self, after: list[Any]) -> Speaker | None:
        content: list[Any] = []
        for t in after:
            if t.is_punct or t.is_space or t.text in ('"', "-", "–", "—"):
                if t.text in (".", "!", "?") and content:
                    break
                continue
            content.append(t)
            if len(content) > 14:
                break
        for n, t in enumerate(content):
            if n >= 6 and not (content[0].pos_ in ("PROPN", "DET") and any(c.text == "," for c in after[:n + 4])):
                break  # past six words only behind "Name, title of Org," (an apposition)
            if (self._is_verb(t) and t.pos_ != "NOUN" or self._clause_verb(t, content[:n])) and self._reports_quote(t):
                base = t.doc[0].idx  # noqa: F841 - offsets are doc-relative
                inv = self.inverted_subject(t) if n == 0 else None
                named = self.set_off_name(inv) if inv is not None else None   # '"...," said our coordinator, NAME.'
                sp = self.set_off_speaker(inv, named, SPEAKER_REPORTING_VERB_AFTER) if named is not None \
                    else self._from_token(inv, SPEAKER_REPORTING_VERB_AFTER) if inv is not None \
                    else self._first_person_initial(t) or self._subject(t, SPEAKER_REPORTING_VERB_AFTER)
                if sp is None and inv is None and not any(c.dep_ in ("nsubj", "nsubjpass") and not self._quoted(c)
                                                          for c in t.children):
                    # "said X" / "X said" where the parser missed the subject (a subject that names no one
                    # stays so: "the keeper said on Tuesday" is not Tuesday's); never a date or a
                    # preposition's object
                    def nameish(c: Any) -> bool:
                        return (c.pos_ == "PROPN" or bool(c.ent_type_)) and c.dep_ != "pobj" \
                            and c.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")
                    nxt = [c for c in content if c.i > t.i and nameish(c)]
                    prv = [c for c in content if c.i < t.i and (c.pos_ == "PRON" or nameish(c))]
                    pick = prv[-1] if prv else (nxt[0] if nxt else None)
                    while pick is not None and pick.dep_ == "compound" and pick.head.i > pick.i:
                        pick = pick.head    # "Tom Hardy": the head of the name, not its first word
                    if pick is not None:
                        sp = self._from_token(pick, SPEAKER_REPORTING_VERB_AFTER)
                if sp is not None:
                    sp.cue = (t.text, t.idx, t.idx + len(t))
                    return sp
        return None

    @staticmethod
    def _first_person_initial(verb: Any) -> Any:
        """'"...," answered I.': the tokenizer reads the pronoun and the sentence's full stop as an
        initial ("I.", a proper noun); the subject is the first person, never a name "I."."""
        from .speakers import PRONOUNS, Speaker

        for c in verb.children:
            if c.dep_ == "nsubj" and c.text == "I." and not any(k.dep_ in ("compound", "flat") for k in c.children):
                return Speaker("I", c.idx, c.idx + 1, PRONOUNS["i"], SPEAKER_REPORTING_VERB_AFTER, pronoun="i")
        return None

    def _reports_quote(self, verb: Any) -> bool:
        """A verb after the quotation reports it only if it has no complement clause of its own
        ('"X," researchers noted that ...' reports something else); the second part of a split
        quotation ('"A," she said, "B."') is no complement of its own."""
        if any(c.lower_ in ("yes", "no") and c.i == verb.i + 1 for c in verb.children):
            return False   # '"Should I feed them?" Haverkamp says yes': the verb answers the quotation, it does not report it
        return not any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i and not self._quoted(c) for c in verb.children)

    @staticmethod
    def _governs(verb: Any, q_rel: int | None) -> bool:
        """A reporting verb before an inline quotation must introduce it: the quoted words are in
        its subtree, or only a short stretch without another verb ("told reporters:", "that")
        lies between. A participle modifying a noun ("a compound called X") introduces nothing."""
        if q_rel is None:
            return True
        doc = verb.doc
        qtok = next((t for t in doc if t.idx >= q_rel and not t.is_punct), None)
        if qtok is not None and (qtok == verb or verb in qtok.ancestors):
            return True
        if verb.dep_ in ("acl", "amod", "relcl"):
            return False
        gap = [t for t in doc if t.i > verb.i and t.idx < q_rel and not t.is_punct]
        return len(gap) <= 6 and not any(t.pos_ in ("VERB", "AUX") for t in gap if t.lower_ != "that")

    def _pre(self, before: list[Any], base: int, q_rel: int | None = None) -> Speaker | None:
        for t in reversed(before):
            if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
                to = t.doc[t.i + 1]
                objs = [c for c in to.children if c.dep_ == "pobj"]
                if objs:
                    sp = self._from_token(objs[0], SPEAKER_ACCORDING_TO)
                else:
                    nxt = t.doc[t.i + 2] if t.i + 2 < len(t.doc) else None
                    sp = self._from_token(nxt, SPEAKER_ACCORDING_TO) if nxt is not None else None
                if sp is not None:
                    sp.cue = (t.doc[t.i:t.i + 2].text, t.idx, to.idx + len(to))
                    return sp
            if t.lower_ == "words" and t.i >= 2 and t.doc[t.i - 1].lower_ in _POSSESSIVE_SUBJECT \
                    and t.doc[t.i - 2].lower_ == "in" and not self._quoted(t):
                # "Weems has sought, in her words, to '...'": the possessive's person, resolved as a pronoun
                from .speakers import Speaker

                p = t.doc[t.i - 1]
                pr = _POSSESSIVE_SUBJECT[p.lower_]
                return Speaker(p.text, p.idx, p.idx + len(p), "person" if pr in ("he", "she") else "organisation",
                               SPEAKER_ACCORDING_TO, pronoun=pr, cue=(t.doc[t.i - 2:t.i + 1].text, t.doc[t.i - 2].idx, t.idx + len(t)))
            if t.lower_ == "words" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "of" \
                    and t.i >= 1 and t.doc[t.i - 1].lower_ in ("the", "his", "her", "their"):
                objs = [c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"]   # "in the words of X:"
                sp = self._from_token(objs[0], SPEAKER_ACCORDING_TO) if objs else None
                if sp is not None:
                    sp.cue = (t.doc[t.i - 1:t.i + 2].text, t.doc[t.i - 1].idx, t.doc[t.i + 1].idx + 2)
                    return sp
            lexical = self._is_verb(t) and self._governs(t, q_rel)
            fragment = not lexical and not self._verb_before_quote(t, q_rel) and self._frames_fragment(t, q_rel)
            adjacent = fragment or self._verb_before_quote(t, q_rel)
            if adjacent and (self._clause_subject(t) is not None or self._passive_agent(t) is not None) or lexical:
                sender = self._message_from(t, {x.i for x in before})
                if sender is not None:   # "reads out a message from Moira:": the sender's words, not the reader's
                    if sender:
                        sender.cue = (t.text, t.idx, t.idx + len(t))
                    return sender or None
                # a fragment framed by a verb outside the lexicon is the caller's to weigh (it needs length)
                sp = self._subject(t, SPEAKER_FRAGMENT_SUBJECT if fragment else SPEAKER_REPORTING_VERB)
                if sp is not None:
                    end = t
                    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
                    if nxt is not None and nxt.lower_ == "that":
                        end = nxt
                    sp.cue = (t.doc[t.i:end.i + 1].text, t.idx, end.idx + len(end))
                    return sp
        return None
