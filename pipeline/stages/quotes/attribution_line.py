"""Excerpts followed by an attribution line (outlet, date, byline)."""

from __future__ import annotations

import re
from typing import Any

from .draft import Draft
from .registry import register
from ...rules import declare

# the rules this module applies: declared once here, used through these constants
EXCERPT_ATTRIBUTION_LINE = declare("quotes.excerpt.attribution_line", stage="quotes",
        why="running text over an outlet/date attribution line is an excerpt of that source",
        params=["attribution_max_words", "outlets"])
ATTRIBUTION_LINE = declare("quotes.attribution_line", stage="quotes",
        why="a short line naming an outlet, a date or a byline attributes the text above",
        params=["attribution_max_words", "outlets", "months", "year_pivot", "page_meta_pattern"])
SPEAKER_ATTRIBUTION_OUTLET = declare("quotes.speaker.attribution_outlet", stage="quotes",
        why="an attribution line's outlet is the excerpt's source",
        params=["outlets"])
SPEAKER_ATTRIBUTION_PERSON = declare("quotes.speaker.attribution_person", stage="quotes",
        why="an attribution line's byline names the excerpt's author",
        params=["name_max_tokens"])

_BYLINE = re.compile(r"^(?:(?:Posted|Written|Published)\s+by\s+|By|BY)\s*[A-Z]")
_ENDS_TEXT = re.compile(r"[.!?…:;\"”’')\]\d]\s*$")   # a sentence's end, a closing mark or a footnote number


class AttributionLineForm:
    @register('quotes.excerpt', 'a paragraph followed by a line naming its outlet, author or date is an excerpt of it', order=40)
    def attribution_excerpts(self) -> None:
        from ...quoting.textual import wholly_quoted
        from ...text.words import count as words

        for u in self.units:
            a = u.tags.get("attribution")
            if a is None or u.index == 0 or re.match(self.cfg["post_header_pattern"], u.bare):
                continue   # "Post by NAME » date": the header of the post after it, not the signature of the one before
            rec = self.attribution_rec(u, a)
            prev = self.units[u.index - 1]
            if prev.index in self.claimed or self.stops_block(prev) or words(prev.text) < 5 or not prev.last_in_para:
                continue
            if _BYLINE.match(u.bare) and prev.index > 0 and self.units[prev.index - 1].tags.get("heading"):
                continue   # headline, standfirst, "By NAME" (or glued "ByNAME"): the article's own byline, no excerpt's
            if _BYLINE.match(u.bare) and prev.first_in_para and not re.search(r"[.!?…\"”’]\s*$", prev.text):
                continue   # "How to ask for a repair (and get it)" over "Written by NAME on DATE": a headline's byline
            if not _ENDS_TEXT.search(prev.text):
                continue   # a headline over a dateline ("TAMWORTH, May 14 -- ...") is no excerpt: running text ends a sentence
            prev.tags["excerpt_of"] = rec
            spans = [s for s in self.spans_by_para.get(prev.para, []) if prev.start <= s.open < prev.end]
            w = wholly_quoted(prev, spans)
            long_inline = [s for s in spans if words(self.text[s.start:s.end]) >= self.cfg["inline_min_words"]]
            if w is None and long_inline:
                continue  # inline quotations with their own cues; they take the source (see inline)
            s, e = (w.start, w.end) if w is not None else (prev.start, prev.end)
            if w is not None:
                self.used_spans.add(w.open)
            d = Draft("excerpt", s, e, EXCERPT_ATTRIBUTION_LINE, (prev.index, prev.index), para=prev.para)
            d.speaker = rec["speaker"]
            d.source = rec["source"]
            d.rules = [EXCERPT_ATTRIBUTION_LINE, ATTRIBUTION_LINE] + ([d.speaker["rule"]] if d.speaker else [])
            self.add_structure(d)

    def attribution_rec(self, u: Any, a: Any) -> dict[str, Any]:
        aid = f"{self.doc_id}#a{len(self.attributions) + 1}"
        rec = {"id": aid, "text": self.clean[u.start:u.end], **self.span_rec(u.start, u.end), **a.to_record(), "rule": ATTRIBUTION_LINE}
        self.attributions.append(rec)
        if a.person:
            s, e = a.spans["person"]
            speaker = self.span_rec(u.start + s, u.start + e, name=a.person, type=a.person_type,
                                    rule=SPEAKER_ATTRIBUTION_PERSON)
        elif a.outlet:
            s, e = a.spans["outlet"]
            speaker = self.span_rec(u.start + s, u.start + e, name=a.outlet, type="outlet",
                                    rule=SPEAKER_ATTRIBUTION_OUTLET)
        else:
            speaker = None
        source = {"outlet": a.outlet, "author": a.author, "date": rec["date"], "date_text": rec["date_text"],
                  "attribution": aid, "raw_start": rec["raw_start"], "raw_end": rec["raw_end"]}
        return {"speaker": speaker, "source": source}
