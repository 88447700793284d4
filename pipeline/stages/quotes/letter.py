"""Letters: the paragraphs before a valediction, signed by the line after it."""

from __future__ import annotations

import re

from .draft import Draft
from .registry import register
from ...rules import declare

# the rules this module applies: declared once here, used through these constants
LETTER_SIGNATURE = declare("quotes.letter.signature", stage="quotes",
        why="a letter's body over its valediction and signature is its author's",
        params=["valedictions"])
SPEAKER_SIGNATURE = declare("quotes.speaker.signature", stage="quotes",
        why="a letter's signature names its author", params=["valedictions"])
DATE_LETTER_DATELINE = declare("quotes.date.letter_dateline", stage="quotes",
        why="a letter's date line dates its body", params=["months", "year_pivot"])


class LetterForm:
    @register('quotes.letter', 'a signed letter is a quotation of its signatory', order=20)
    def letters(self) -> None:
        from ...text.words import count as words

        for v in [u for u in self.units if u.tags.get("valediction") and u.index not in self.claimed]:
            sig = []
            k = v.index + 1
            while k < len(self.units) and len(sig) < 4 and words(self.units[k].text) <= 8 \
                    and not self.units[k].tags.get("attribution"):
                sig.append(self.units[k])
                if self.units[k].last_in_para and len(sig) >= 1 and not (k + 1 < len(self.units)
                                                                          and words(self.units[k + 1].text) <= 4):
                    break
                k += 1
            if not sig:
                continue
            j = v.index - 1
            first = None
            while j >= 0:
                u = self.units[j]
                if any(t in u.tags for t in ("heading", "date_only", "attribution", "ref", "valediction")) \
                        or j in self.claimed:
                    break
                first = j
                j -= 1
            if first is None:
                continue
            date = self.units[j].tags.get("date_only") if j >= 0 else None
            name_u = sig[0]
            name = name_u.text.strip(" ,")
            typ = "person" if re.fullmatch(r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*", name) else "organisation"
            d = Draft("letter", self.units[first].start, self.units[v.index - 1].end, LETTER_SIGNATURE,
                      (first, v.index - 1), para=self.units[first].para)
            d.speaker = self.span_rec(name_u.start, name_u.start + len(name), name=name, type=typ,
                                      rule=SPEAKER_SIGNATURE)
            if len(sig) > 1:
                d.speaker["title"] = sig[1].text.strip(" ,")
                d.speaker["organisation"] = sig[-1].text.strip(" ,") if len(sig) > 2 else None
            d.source = {"outlet": None, "author": name, "date": date.iso if date else None,
                        "date_text": date.text if date else None, "attribution": None,
                        **dict(zip(("raw_start", "raw_end"), self.raw(v.start, sig[-1].end)))}
            d.rules = [LETTER_SIGNATURE, SPEAKER_SIGNATURE] + ([DATE_LETTER_DATELINE] if date else [])
            self.add_structure(d, claim=False)
            for k2 in range(first, v.index + 1 + len(sig)):
                self.units[k2].tags.setdefault("in_letter", d)
