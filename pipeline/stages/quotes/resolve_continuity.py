"""Resolver: a quotation-only paragraph continuing the previous paragraph's speaker."""

from __future__ import annotations

import re
from typing import Any

from .registry import register


class ContinuityResolver:
    @register('quotes.speaker.previous_paragraph', 'a quotation continued over a paragraph break keeps its speaker')
    def previous_paragraph_speaker(self, u: Any, s: Any) -> dict[str, Any] | None:
        """A paragraph that is one quotation with no cue continues the speaker of the quotation that
        ends the previous paragraph (news style: '"...," he said.' then a paragraph in marks).
        Captions and photo credits in between are skipped; anything else breaks the chain."""
        from ...quoting.textual import wholly_quoted

        if not u.first_in_para or wholly_quoted(u, [s]) is None and not (s.close is None and u.last_in_para):
            return None
        cap = re.compile(self.cfg["caption_pattern"])
        pi = u.para - 1
        while pi >= 0:
            ptext = self.text[self.paragraphs[pi]["start"]:self.paragraphs[pi]["end"]].strip()
            if cap.search(ptext) and len(ptext.split()) <= 25:
                pi -= 1
                continue
            break
        prev = self.last_inline.get(pi)
        if pi < 0 or prev is None or not (prev.speaker or prev.pronoun):
            return None
        p_end = self.paragraphs[pi]["end"]
        tail = self.text[prev.end:p_end]
        if any(sp.open > prev.start for sp in self.spans_by_para.get(pi, [])) or len(tail.split()) > 20:
            return None  # the previous paragraph must end with that quotation and its cue
        sp = dict(prev.speaker or prev.pronoun)
        sp["rule"] = "quotes.speaker.previous_paragraph"
        sp.pop("cue", None)
        return sp
