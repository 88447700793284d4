"""Action beats: `She set down the cup. "..."`: the narrative sentence right before a quotation in
its paragraph names the speaker by what they do (the paragraph convention of dialogue). Only a
person's name or he/she as the subject of that sentence's main verb; a pronoun then resolves only
when one compatible person is named in the window (no guess)."""

from __future__ import annotations

import re
from typing import Any

from ...quoting.model import lemma
from ...rules import declare
from ...text import sentences
from ...text.derived import derived
from .registry import register

ACTION_BEAT = declare("quotes.speaker.action_beat", stage="quotes",
        why='the subject of the narrative sentence right before a quotation in its paragraph is its speaker '
            '(not one who "said nothing" or "made no answer")', params=["silence_nouns"])
COLON_LABEL = declare("quotes.speaker.colon_label", stage="quotes",
        why='a person\'s name standing alone before a colon and a quotation labels it ("Ana Ruiz (coach): ...")')
LABEL_RE = re.compile(r"(?:^|(?<=[.!?]\s))\s*(?P<label>[A-Z][^\n:\"]{1,60}?)\s*(?:\([^()\n]{1,40}\))?\s*:\s*$")


class ActionBeatResolver:
    def beat_subject(self, pi: int, opening: int, lo: int) -> Any:
        """The subject token of the main verb of the whole narrative sentence that ends right before
        the opening mark at `opening` (text from `lo`, in paragraph pi), else None."""
        p0 = self.paragraphs[pi]["start"]
        before = self.text[lo:opening]
        if '"' in before or not re.search(r"[.!?]\s*$", before):
            return None   # a beat is a whole sentence ending right before the opening mark
        begun = sentences.starts(before.rstrip(), self.finder.honorifics)
        start = lo + begun[-1] if begun else lo
        doc = self.docs[pi]
        toks = [t for t in doc if start <= p0 + t.idx < opening and not t.is_space]
        if not toks or len(toks) > 40:
            return None
        ids = {t.i for t in toks}
        roots = [t for t in toks if t.head.i not in ids or t.head == t]
        roots = [t for t in roots if not t.is_punct]
        if len(roots) != 1 or roots[0].pos_ != "VERB":
            return None
        if self.finder.says_nothing(roots[0]) and (lemma(roots[0]).lower() in self.finder.verbs
                                                   or any(c.dep_ in ("dobj", "obj") and lemma(c).lower() in self.silence_nouns
                                                          for c in roots[0].children)):
            return None   # "Mr. Lindqvist said nothing." / "He made no answer.": whoever speaks next, not he
        return next((c for c in roots[0].children if c.dep_ == "nsubj"), None)

    @property
    def silence_nouns(self) -> frozenset[str]:
        return derived(self.cfg["silence_nouns"], "lower_set", lambda v: frozenset(w.lower() for w in v))

    @register(ACTION_BEAT)
    def action_beat(self, pi: int, s: Any, lo: int) -> dict[str, Any] | None:
        p0 = self.paragraphs[pi]["start"]
        subj = self.beat_subject(pi, s.open, lo)
        if subj is None:
            return None
        named = [c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i == subj.i + 1]
        if subj.pos_ == "NOUN" and len(named) == 1:
            subj = named[0]   # "Their son Piers looked up": the name in apposition to the description
        sp = self.finder._from_token(subj, ACTION_BEAT)
        if sp is None or sp.pronoun not in (None, "he", "she"):
            return None
        if sp.pronoun is None and sp.type not in ("person", "description"):
            if not (subj.pos_ == "PROPN" and self.finder._person_name(subj)):
                return None   # "Jorge" tagged GPE by the small model: a first name or a known person is a person
            sp.type = "person"
        rec = self.speaker_of(sp, p0)
        if rec is None:
            return None
        if sp.pronoun:
            rec["strict"] = True   # resolved only when one compatible person is in the window
        return rec

    @register(COLON_LABEL)
    def colon_label(self, pi: int, s: Any, lo: int) -> dict[str, Any] | None:
        """`Defence lawyer Priya Natarajan: "..."`: the words before the colon are only a name (with
        a title or a bracketed role), no clause: a PERSON tag covering their end, or a run after a
        title or honorific."""
        p0 = self.paragraphs[pi]["start"]
        m = LABEL_RE.search(self.text[lo:s.open])
        if m is None:
            return None
        a, b = lo + m.start("label"), lo + m.end("label")
        doc = self.docs[pi]
        toks = [t for t in doc if a <= p0 + t.idx < b]
        if not toks or any(t.pos_ in ("VERB", "AUX") for t in toks) or len(toks) > 8:
            return None
        names = [(p0 + e.start_char, p0 + e.end_char, e.text) for e in doc.ents
                 if e.label_ == "PERSON" and a <= p0 + e.start_char and p0 + e.end_char == b]
        names += [(p0 + x, p0 + y, t) for x, y, t in self.finder.titled_names(doc, a - p0, b - p0) if p0 + y == b]
        topic = re.fullmatch(r"(?P<name>.+?)\s+on\s+(?:the|this|that|her|his|their|its|my|our)\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}",
                             self.text[a:b])
        if not names and topic:
            # "Nnenna Sveinsdottir-Cole on the novel:": a name, then what the words are about (no verb)
            rec = self.signature(topic.group("name"), a, dashed_needed=False)
            if rec is not None and rec.get("type") == "person":
                rec["rule"] = COLON_LABEL
                return rec
        if not names:
            return None
        x, y, name = min(names)
        return self.span_rec(x, y, name=name, type="person", rule=COLON_LABEL)
