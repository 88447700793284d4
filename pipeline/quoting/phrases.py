"""The speaker a subject token names: its phrase (cut at commas, relative clauses, appositions), the
honorific kept, a bare title or a quoted word refused, descriptions ("her brother") kept as such for
the resolvers, and the speaker's type (person, organisation, outlet)."""

from __future__ import annotations

import re
from typing import Any

from .model import lemma
from .record import PRONOUNS, Speaker

NAME_STOP_DEPS = {"relcl", "acl", "appos", "advcl", "punct", "cc", "conj"}


class SpeakerPhrases:
    """Mixed into SpeakerFinder: names from subject tokens."""

    def _person_name(self, head: Any) -> bool:
        """A proper-noun phrase that names a person: tagged PERSON, a known person of the document,
        or opening with a first name of the general name list."""
        from .gender import first_name

        # the phrase's first capitalised word before its head: "the poet Anders Kile" opens with Anders
        first = min((t for t in head.subtree if t.i <= head.i and t.text[:1].isupper()), key=lambda t: t.i, default=head)
        return head.ent_type_ == "PERSON" or head.lower_ in self.persons \
            or (self.first_names and first_name(first.text) is not None)

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
        if tok.text == "I." and not any(k.dep_ in ("compound", "flat") for k in tok.children):
            # '"...," said I.': the pronoun and the full stop read as an initial; the first person, never a name "I."
            return Speaker("I", tok.idx, tok.idx + 1, PRONOUNS["i"], rule, pronoun="i")
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
        if len(span) == 1 and span[0].like_num or any(t.like_num for t in span) \
                and all(t.ent_type_ in ("DATE", "TIME") for t in span):
            return None   # "August 6", "2025": a date or a number is no speaker
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
        husband", "the vicar's sister"); an indefinite one ("a man") describes no one in particular."""
        if head.pos_ != "NOUN" or head.tag_ in ("NNS", "NNPS"):
            return False
        det = [c for c in head.children if c.dep_ in ("det", "poss")]
        if len(det) != 1 or not (det[0].lower_ in ("the", "his", "her", "their", "my", "our", "your")
                                 or det[0].pos_ == "PROPN" or self._definite_possessor(det[0])):
            return False
        # an agent noun too ("Ailbhe Moynihan, the lighthouse keeper" ... "the keeper said"): the caller
        # names someone only through the text's introduction, never from the noun alone
        low = lemma(head).lower()
        return low in self.person_nouns or low in self.titles or low.endswith(("man", "woman", "servant")) and len(low) > 5 \
            or low.endswith(("er", "or", "ist", "ian")) and len(low) > 4 and low not in self.org_words \
            and low not in self.outlet_words

    @staticmethod
    def _definite_possessor(t: Any) -> bool:
        """'the vicar's sister', 'the captain's wife': a singular common noun with "the", in the
        possessive, makes the phrase a definite description of one person."""
        return t.dep_ == "poss" and t.pos_ == "NOUN" and t.tag_ == "NN" \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) and any(c.dep_ == "case" for c in t.children)

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
        if len(span) <= 2 and head_lemma in self.medium_nouns and not head.text[:1].isupper():
            return False   # "the paper said": which paper, the text said before; the bare noun names none
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
