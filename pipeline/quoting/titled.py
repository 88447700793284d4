"""Person names from the document and from grammar: the names the model tags PERSON anywhere in the
document (note_persons), and the capitalised words where a title or honorific says a person stands
(titled_names), whatever the NER makes of them; publications by their shape (is_outlet)."""

from __future__ import annotations

import re
from typing import Any


class TitledNames:
    """Mixed into SpeakerFinder: reads its lexicons (honorifics, titles, organisation and outlet
    words) and fills its `persons` / `non_persons` sets."""

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
