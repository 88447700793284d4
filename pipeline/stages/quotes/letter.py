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
LETTER_PAGE_SIGNED = declare("quotes.letter.page_signed", stage="quotes",
        why="on a letters page (a letter there opens with a salutation), the lines under a letter's title signed by a "
            "name line with its place under them are the signatory's; 'Name and address supplied' signs with no name",
        params=["letter_salutation_pattern", "letter_unnamed_signature_pattern", "first_name_gender"])
DATE_LETTER_DATELINE = declare("quotes.date.letter_dateline", stage="quotes",
        why="a letter's date line dates its body", params=["months", "year_pivot"])


# the paragraphs a signature under a letters page's heading may close (as a salutation's, in saluted_letters)
SIGNED_BODY_MAX_PARAGRAPHS = 6


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

    @register(LETTER_PAGE_SIGNED, order=22)
    def page_signed_letters(self) -> None:
        """A letters page (one letter there opens with a salutation) whose other letters open without one:
        'Save the Regal' / 'Having read your report ...' / 'Dr. Sanjay X' / 'Harbour Road, Carrick Bay'. The
        body runs from the line after a heading (the letter's title) or after the previous letter to a
        signature that closes its paragraph: a person's name line (as `_signature_name` reads it) or an
        unnamed one ('Name and address supplied', no speaker), then at most two short place lines. No
        heading or earlier letter right above the body: no letter (a name under an article signs nothing)."""
        from ...text.words import count as words

        sal = re.compile(self.cfg["letter_salutation_pattern"])
        if not any(sal.match(u.text) for u in self.units):
            return
        unnamed = re.compile(self.cfg["letter_unnamed_signature_pattern"])
        for sig in self.units:
            if sig.index in self.claimed or sig.tags.get("in_letter") or sig.first_in_para and sig.index == 0:
                continue
            tail = self._signature_tail(sig, words)
            if tail is None:
                continue
            name = None if unnamed.match(sig.bare) else self._signature_line(sig, words, placed=bool(tail))
            if name is None and not unnamed.match(sig.bare):
                continue
            body = []
            j = sig.index - 1
            while j >= 0 and len({x.para for x in body}) <= SIGNED_BODY_MAX_PARAGRAPHS:
                u = self.units[j]
                if u.tags.get("heading") or u.tags.get("in_letter") or j in self.claimed \
                        or any(t in u.tags for t in ("date_only", "attribution", "valediction", "label", "ref")):
                    break
                body.insert(0, u)
                j -= 1
            above = self.units[j] if j >= 0 else None
            if not body or above is None or not (above.tags.get("heading") or above.tags.get("in_letter")) \
                    or len({u.para for u in body}) > SIGNED_BODY_MAX_PARAGRAPHS \
                    or not re.search(r"[.!?\"”)]$", body[-1].text.rstrip()):
                continue
            m = sal.match(body[0].text)
            s0 = body[0].start + m.end() if m and body[0].text[m.end():].strip() else body[0].start
            d = Draft("letter", s0, body[-1].end, LETTER_PAGE_SIGNED, (body[0].index, body[-1].index),
                      para=body[0].para)
            d.speaker = self.span_rec(sig.start, sig.start + len(name), name=name, type="person",
                                      rule=SPEAKER_SIGNATURE) if name else None
            d.rules = [LETTER_PAGE_SIGNED] + ([SPEAKER_SIGNATURE] if name else [])
            self.add_structure(d, claim=False)
            for x in body + [sig] + tail:
                x.tags.setdefault("in_letter", d)

    def _signature_tail(self, sig: Any, words: Any) -> list[Any] | None:
        """The place lines under a signature line, up to its paragraph's end (at most two short lines
        without a sentence's end), or None when running text follows in its paragraph."""
        tail: list[Any] = []
        u = sig
        while not u.last_in_para:
            u = self.units[u.index + 1]
            if len(tail) == 2 or words(u.text) > 6 or re.search(r"[.!?:]$", u.text.rstrip()):
                return None
            tail.append(u)
        return tail

    def _signature_name(self, p: list[Any], words: Any) -> str | None:
        """The name a signature paragraph opens with: one to three short lines, the first a person's name."""
        if not 1 <= len(p) <= 3 or any(words(u.text) > 4 or u.index in self.claimed for u in p):
            return None
        return self._signature_line(p[0], words)

    def _signature_line(self, u: Any, words: Any, placed: bool = False) -> str | None:
        """A signature line's person name: two to four capitalised words, the first an honorific or a
        known first name, or the whole a name the document tags PERSON; over a place line (`placed`,
        the letters page's "Mairead Quinlan" / "Skerrin") two or three such words with no title,
        honorific alone, organisation or outlet word among them."""
        from ...quoting.gender import first_name

        if words(u.text) > 4:
            return None
        name = u.text.strip(" ,")
        if not re.fullmatch(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}", name):
            return None
        ws = name.split()
        titled = ws[0].lower().rstrip(".") in {h.lower().rstrip(".") for h in self.finder.honorifics}   # "Dr Samuel X"
        known = titled or name.lower() in self.finder.persons or bool(self.cfg["first_name_gender"]) \
            and first_name(ws[0]) is not None
        if not known and placed and len(ws) <= 3:
            not_names = {w.lower() for key in ("titles", "organisation_words", "outlet_words", "outlet_body_heads")
                         for w in self.cfg[key]}
            known = not any(w.lower().strip(".,") in not_names for w in ws)
        return name if known else None
