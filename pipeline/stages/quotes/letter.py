"""Letters: the paragraphs before a valediction, signed by the line after it."""

from __future__ import annotations

import re
from typing import Any

from .draft import Draft
from .registry import register
from ...quoting.textual import unit_paragraphs
from ...rules import declare

# the rules this module applies: declared once here, used through these constants
LETTER_SIGNATURE = declare("quotes.letter.signature", stage="quotes",
        why="a letter's body over its valediction and signature is its author's",
        params=["valedictions"])
SPEAKER_SIGNATURE = declare("quotes.speaker.signature", stage="quotes",
        why="a letter's signature names its author", params=["valedictions"])
LETTER_SALUTATION = declare("quotes.letter.salutation", stage="quotes",
        why="a letter opened by a salutation ('Sir, —', 'Dear Editor,') and signed by a name line under its body "
            "(no valediction: a letters page) is its signatory's", params=["letter_salutation_pattern"])
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

    @register(LETTER_SALUTATION, order=21)
    def saluted_letters(self) -> None:
        """'Sir, — The proposal ...' / ... / 'Agnes Whitlow' over 'Kirkby Stephen': the paragraphs from a
        salutation to a signature paragraph of one to three short lines, the first a person's name
        (PERSON-tagged or opening with a first name). No signature within six paragraphs: no letter."""
        from ...text.words import count as words

        rx = re.compile(self.cfg["letter_salutation_pattern"])
        paras = unit_paragraphs(self.units)
        for k, p in enumerate(paras):
            u = p[0]
            m = rx.match(u.text)
            if not m or u.index in self.claimed or u.tags.get("in_letter"):
                continue
            inline = bool(u.text[m.end():].strip())   # "Sir, — The proposal ...": the body opens on the salutation's line
            body = p if inline else []
            for q in paras[k + 1:k + 7]:
                name = self._signature_name(q, words)
                if name is not None and body:
                    s0 = u.start + m.end() if inline else body[0].start
                    d = Draft("letter", s0, body[-1].end, LETTER_SALUTATION, (body[0].index, body[-1].index),
                              para=body[0].para)
                    d.speaker = self.span_rec(q[0].start, q[0].start + len(name), name=name, type="person",
                                              rule=SPEAKER_SIGNATURE)
                    d.rules = [LETTER_SALUTATION, SPEAKER_SIGNATURE]
                    self.add_structure(d, claim=False)
                    for x in body + q:
                        x.tags.setdefault("in_letter", d)
                    break
                if any(x.index in self.claimed or x.tags.get("in_letter")
                       or any(t in x.tags for t in ("heading", "valediction", "attribution", "label")) for x in q):
                    break
                body = body + q

    def _signature_name(self, p: list[Any], words: Any) -> str | None:
        """The name a signature paragraph opens with: one to three short lines, the first a person's name."""
        from ...quoting.gender import first_name

        if not 1 <= len(p) <= 3 or any(words(u.text) > 4 or u.index in self.claimed for u in p):
            return None
        name = p[0].text.strip(" ,")
        if not re.fullmatch(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}", name):
            return None
        ws = name.split()
        titled = ws[0].lower().rstrip(".") in {h.lower().rstrip(".") for h in self.finder.honorifics}   # "Dr Samuel X"
        known = titled or name.lower() in self.finder.persons or bool(self.cfg["first_name_gender"]) \
            and first_name(ws[0]) is not None
        return name if known else None
