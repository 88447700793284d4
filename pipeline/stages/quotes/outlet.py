"""Outlets and works as sources, found by the structure of the cue and the model's tags, not by a
list of names: `told the Harbour Gazette`, `writes in Lakeside Review`, `said in an interview with
X`, `the Northern Book Journal says`. An outlet is a proper-noun phrase the model tags ORG or
WORK_OF_ART, or whose head is a publication noun (`quotes.outlet_words`: journal, gazette, review
...), never a PERSON, a place or a date. The outlet is the quotation's source, and its speaker
when no person is named."""

from __future__ import annotations

from typing import Any

from ...rules import declare
from .registry import register

_NOT_OUTLET = {"PERSON", "GPE", "LOC", "DATE", "TIME", "NORP", "CARDINAL", "ORDINAL", "FAC", "EVENT"}


OUTLET_SPEAKER_SOURCE = declare("quotes.source.outlet_speaker", stage="quotes",
        why='a quotation whose speaker is a publication ("the Northern Book Journal says") is from it: the source')


class OutletResolver:
    @register(OUTLET_SPEAKER_SOURCE,
              order=95, kind="resolver")
    def outlet_sources(self) -> None:
        for d in self.drafts:
            sp = d.speaker
            if d.source is None and sp is not None and (sp.get("type") == "outlet" or self.finder.is_outlet(sp["name"])):
                d.source = {"outlet": sp["name"], "author": None, "date": None, "date_text": None, "attribution": None,
                            "raw_start": sp["raw_start"], "raw_end": sp["raw_end"]}
                d.rules.append(OUTLET_SPEAKER_SOURCE)

    def outlet_phrase(self, head: Any) -> tuple[int, int] | None:
        """(start, end) doc-relative of the proper-noun phrase at head if it names an outlet."""
        words = {w.lower() for w in self.cfg["outlet_words"]}
        toks = [t for t in head.subtree if t.dep_ in ("compound", "amod", "det", "poss", "nmod") or t == head]
        toks = [t for t in toks if abs(t.i - head.i) <= 6 and t.i <= head.i]
        while toks and toks[0].dep_ == "det":
            toks = toks[1:]
        if not toks or not all(t.text[:1].isupper() or t.like_num or t.text in ("&", "'s") for t in toks):
            return None
        k = toks[0].i - 1   # "Valley Sound FM" parsed as "Valley" + "Sound FM": the capitalised words right before it
        while k >= 0 and toks[0].i - k <= 3 and head.doc[k].pos_ == "PROPN" and head.doc[k].text[:1].isupper() \
                and head.doc[k].whitespace_ and head.doc[k].ent_type_ not in ("PERSON", "DATE", "TIME"):
            toks.insert(0, head.doc[k])
            k -= 1
        labels = {t.ent_type_ for t in toks} - {""}
        if head.lower_ in words:      # "the Harbour Gazette", whatever the small model calls it (FAC, GPE)
            if labels & {"PERSON", "DATE", "TIME"}:
                return None
        elif labels & _NOT_OUTLET or not labels & {"ORG", "WORK_OF_ART"}:
            return None
        return toks[0].idx, head.idx + len(head)

    @register('quotes.source.cue_outlet',
              'an outlet told, written in or interviewed by in the cue clause (or its subject) is the source',
              kind="resolver")
    def cue_outlet(self, pi: int, cue: dict[str, Any]) -> dict[str, Any] | None:
        """The source named by the reporting clause of a cue: the object of "tell", the object of
        "in"/"to"/"with"/"for" on the verb (or on its "interview"), or an outlet subject."""
        doc, base = self.docs[pi], self.paragraphs[pi]["start"]
        verb = next((t for t in doc if base + t.idx == cue["start"]), None)
        if verb is None:
            return None
        cands = []
        heads = [verb] + [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG"]
        for c in (c for h in heads for c in h.children):   # "Writing in the Harbour Review, X said": the participle's
            if c.dep_ in ("dobj", "dative", "nsubj") and c.pos_ == "PROPN":
                cands.append(c)
            if c.dep_ == "prep" and c.lower_ in ("in", "to", "with", "for", "on"):   # "Speaking on Valley Sound FM"
                for o in c.children:
                    if o.dep_ == "pobj":
                        cands.append(o)
                        # "in an interview with X", "in a statement to X", "in comments to X"
                        cands += [g for p in o.children if p.dep_ == "prep" and p.lower_ in ("with", "for", "to")
                                  for g in p.children if g.dep_ == "pobj"]
        for c in cands:
            span = self.outlet_phrase(c)
            if span is not None:
                a, b = base + span[0], base + span[1]
                return {"outlet": self.clean[a:b], "author": None, "date": None, "date_text": None,
                        "attribution": None, **dict(zip(("raw_start", "raw_end"), self.raw(a, b)))}
        return None
