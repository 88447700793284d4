"""Resolver: a bare 'the report' names the owner of its nearest earlier mention."""

from __future__ import annotations

from typing import Any

from .registry import register
from ...rules import declare

# the rule this module applies: declared once here, used through this constant
SPEAKER_DEFINITE_OWNER = declare("quotes.speaker.definite_owner", stage="quotes",
                                 why="a bare 'the report' stands for the owner named at its nearest earlier mention")


class OwnerResolver:
    @register(SPEAKER_DEFINITE_OWNER)
    def definite_owner(self, pi: int, speaker: dict[str, Any]) -> dict[str, Any]:
        """'The report noted ...' after 'The U.S. Copyright Office's May 2025 report ...': a bare
        document or body noun names the owner of its nearest earlier mention ("X's report", "the
        report by X"), within pronoun_window paragraphs; otherwise it stays as written."""
        from ...quoting.speakers import lemma

        name = speaker["name"]
        org = {w.lower() for w in self.cfg["organisation_words"]}
        if " " in name or name.lower() not in org:
            return speaker
        best = None
        for pj in range(max(0, pi - self.cfg["pronoun_window"]), pi + 1):
            doc, base = self.docs[pj], self.paragraphs[pj]["start"]
            for t in doc:
                if base + t.idx >= speaker["start"] or lemma(t).lower() != name.lower():
                    continue
                owners = [c for c in t.children if c.dep_ == "poss"]
                owners += [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")
                           for g in c.children if g.dep_ == "pobj"]
                issuer = self._issuer(t)
                for o in owners + ([issuer] if issuer is not None else []):
                    sub = [x for x in o.subtree if x.dep_ != "case" and x.text not in ("'s", "’s")]
                    while sub and sub[0].dep_ == "det":
                        sub = sub[1:]
                    if sub and o is not issuer and t.text[:1].isupper() and all(x.text[:1].isupper() for x in sub if x.is_alpha):
                        # "the Ferry Workers' Union", "the Traders' Association": a capitalised noun after a
                        # capitalised owner is one name, the body itself, not a body the owner has
                        best = (base + sub[0].idx, base + t.idx + len(t))
                        continue
                    if sub and (any(x.pos_ == "PROPN" for x in sub) or o is issuer):
                        best = (base + sub[0].idx, base + sub[-1].idx + len(sub[-1]))
        if best is None:
            return speaker
        out = self.span_rec(best[0], best[1], name=self.text[best[0]:best[1]], type="organisation",
                            rule=SPEAKER_DEFINITE_OWNER)
        if "cue" in speaker:
            out["cue"] = speaker["cue"]
        return out

    def _issuer(self, noun: Any) -> Any:
        """'The district said in a statement that ...': the document is the one a reporting verb's
        subject spoke in ("in a statement", "in its report"), so that subject owns it: a name, or a
        definite body noun ("the district", "the board"). Its head token, else None."""
        from ...quoting.speakers import lemma

        prep = noun.head
        verb = prep.head
        if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep" or not self.finder._is_verb(verb):
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        named = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None) if subj is not None else None
        if named is not None and subj.pos_ == "NOUN" and named.ent_type_ != "PERSON":
            return named   # "The developer, Halcyon Partners, said in a statement": the name set off beside it
        if subj is None or subj.pos_ == "PROPN" or subj.ent_type_:
            return subj if subj is not None and subj.pos_ == "PROPN" else None
        # a body ("the district", "the company"), never a person's role ("the spokesman": unnamed, no speaker)
        low = lemma(subj).lower()
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children)
        return subj if definite and subj.pos_ == "NOUN" and subj.tag_ == "NN" and low not in self.finder.titles \
            and low not in self.finder.person_nouns and not self.finder._description(subj) else None
