"""Resolver: a quotation running over paragraph breaks keeps one speaker, on typographic evidence only.

The multi-paragraph convention opens every paragraph of one quotation with a mark and closes only
the last. A quotation-only paragraph after a closed quotation is, in dialogue, usually the next
speaker's turn: it gets no speaker from the paragraph before (a wrong speaker is worse than none).
"""

from __future__ import annotations

import re
from typing import Any

from .registry import register
from ...rules import declare

# the rules this module applies: declared once here, used through these constants
SPEAKER_PREVIOUS_PARAGRAPH = declare(
    "quotes.speaker.previous_paragraph", stage="quotes",
    why="a paragraph opening with a mark after a paragraph whose quotation was never closed continues it")
SPEAKER_MULTI_PARAGRAPH = declare(
    "quotes.speaker.multi_paragraph", stage="quotes",
    why="the paragraphs of one quotation (opening marks only, one closing mark) share the speaker of any of them")


class ContinuityResolver:
    def _open_at_end(self, pi: int) -> bool:
        """Paragraph pi ends inside a quotation: its last opening mark is never closed."""
        spans = self.spans_by_para.get(pi, [])
        return bool(spans) and spans[-1].close is None

    def _opens_with_mark(self, pi: int) -> bool:
        spans = self.spans_by_para.get(pi, [])
        p0 = self.paragraphs[pi]["start"]
        return bool(spans) and not self.text[p0:spans[0].open].strip()

    def _skip_captions(self, pi: int) -> int:
        cap = re.compile(self.cfg["caption_pattern"])
        while pi >= 0:
            ptext = self.text[self.paragraphs[pi]["start"]:self.paragraphs[pi]["end"]].strip()
            if not (cap.search(ptext) and len(ptext.split()) <= 25):
                break
            pi -= 1
        return pi

    @register(SPEAKER_PREVIOUS_PARAGRAPH)
    def previous_paragraph_speaker(self, u: Any, s: Any) -> dict[str, Any] | None:
        """The speaker of the quotation left open at the end of the previous paragraph (captions and
        photo credits in between skipped), when this paragraph opens with a mark."""
        if not u.first_in_para or not self._opens_with_mark(u.para):
            return None
        pi = self._skip_captions(u.para - 1)
        prev = self.last_inline.get(pi)
        if pi < 0 or prev is None or not (prev.speaker or prev.pronoun) or not self._open_at_end(pi):
            return None
        sp = dict(prev.speaker or prev.pronoun)
        sp["rule"] = SPEAKER_PREVIOUS_PARAGRAPH
        sp.pop("cue", None)
        return sp

    @register(SPEAKER_MULTI_PARAGRAPH, order=80)
    def multi_paragraph_speakers(self) -> None:
        """Backwards too: '"First paragraph ...' / '"... last," said X.' gives the first to X. Only
        when the chain names exactly one speaker."""
        firsts: dict[int, Any] = {}
        for x in self.drafts:
            if x.kind == "inline" and x.para not in firsts:
                firsts[x.para] = x
        chains: list[list[Any]] = []
        for pi in sorted(firsts):
            prev_pi = self._skip_captions(pi - 1)
            prev = self.last_inline.get(prev_pi)
            if prev is not None and self._open_at_end(prev_pi) and self._opens_with_mark(pi):
                if chains and chains[-1] and chains[-1][-1] is prev:
                    chains[-1].append(firsts[pi])
                else:
                    chains.append([prev, firsts[pi]])
            if chains and chains[-1] and chains[-1][-1] is firsts[pi] and self.last_inline.get(pi) is not firsts[pi]:
                chains.append([])   # the quotation closed inside this paragraph: the chain ends
        for chain in chains:
            named = {(x.speaker or x.pronoun or {}).get("name") for x in chain} - {None}
            if len(chain) < 2 or len(named) != 1:
                continue
            src = next(x for x in chain if x.speaker or x.pronoun)
            for x in chain:
                if x.speaker is None and x.pronoun is None:
                    sp = dict(src.speaker or src.pronoun)
                    sp["rule"] = SPEAKER_MULTI_PARAGRAPH
                    sp.pop("cue", None)
                    if sp.get("pronoun"):
                        x.pronoun = sp
                    else:
                        x.speaker = sp
                    x.rules.append(sp["rule"])
