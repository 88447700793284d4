"""Action beats: `She set down the cup. "..."`: the narrative sentence right before a quotation in
its paragraph names the speaker by what they do (the paragraph convention of dialogue). Only a
person's name or he/she as the subject of that sentence's main verb; a pronoun then resolves only
when one compatible person is named in the window (no guess)."""

from __future__ import annotations

import re
from typing import Any

from .registry import register

ACTION_BEAT = "quotes.speaker.action_beat"


class ActionBeatResolver:
    @register(ACTION_BEAT, 'the subject of the narrative sentence right before a quotation in its paragraph is its speaker')
    def action_beat(self, pi: int, s: Any, lo: int) -> dict[str, Any] | None:
        p0 = self.paragraphs[pi]["start"]
        before = self.text[lo:s.open]
        if '"' in before or not re.search(r"[.!?]\s*$", before):
            return None   # a beat is a whole sentence ending right before the opening mark
        start = lo
        for m in re.finditer(r"[.!?][\"”’)\]]*\s+(?=[A-Z])", before.rstrip()):
            start = lo + m.end()
        doc = self.docs[pi]
        toks = [t for t in doc if start <= p0 + t.idx < s.open and not t.is_space]
        if not toks or len(toks) > 40:
            return None
        ids = {t.i for t in toks}
        roots = [t for t in toks if t.head.i not in ids or t.head == t]
        roots = [t for t in roots if not t.is_punct]
        if len(roots) != 1 or roots[0].pos_ != "VERB":
            return None
        subj = next((c for c in roots[0].children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        sp = self.finder._from_token(subj, ACTION_BEAT)
        if sp is None or sp.pronoun is None and sp.type != "person" or sp.pronoun not in (None, "he", "she"):
            return None
        rec = self.speaker_rec(sp, p0)
        if sp.pronoun:
            rec["strict"] = True   # resolved only when one compatible person is in the window
        return rec
