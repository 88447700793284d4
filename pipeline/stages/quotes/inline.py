"""Inline quotations: every remaining pair of marks, attributed from the text around it."""

from __future__ import annotations

import re
from typing import Any

from .draft import Draft, _noun_framed, _title_like
from .registry import register
from ...rules import declare
from ...text import sentences
from ...quoting.clause import SPEAKER_ACCORDING_TO, SPEAKER_FRAGMENT_SUBJECT, SPEAKER_REPORTING_VERB, SPEAKER_REPORTING_VERB_AFTER
from .attribution_line import ATTRIBUTION_LINE
from .block import SOURCE_CUE_TITLE
from .testimonial import SPEAKER_TESTIMONIAL_NAME
from .resolve_role import SPEAKER_DESCRIPTION, SPEAKER_KIN, SPEAKER_ROLE

_DESCRIBED = (SPEAKER_DESCRIPTION, SPEAKER_KIN, SPEAKER_ROLE)   # a tag after the quotation resolved to a name
# verbs of naming: their object complement in marks is the subject's word ("called the closure 'unavoidable'")
_NAMING_VERB = re.compile(r"(?i)(?:call|describ|brand|dub|label|term)(?:e|es|s|ed|ing|bed|bing|led|ling)?")

# the rules this module applies: declared once here, used through these constants
INLINE_MARKS = declare("quotes.inline_marks", stage="quotes",
        why="an inline quotation in marks (the form, listed among a record's rules)",
        params=["inline_min_words"])
SPEAKER_CUE_BETWEEN = declare("quotes.speaker.cue_between", stage="quotes",
        why="a cue between two parts of one quotation applies to both",
        params=["max_cue_tokens"])
SPEAKER_SAME_SENTENCE = declare("quotes.speaker.same_sentence", stage="quotes",
        why="a second quotation in the sentence of an attributed one shares its speaker")
REFERENCE_MARKER_AFTER = declare("quotes.reference.marker_after", stage="quotes",
        why="a reference marker right after a quotation points to its source")
SOURCE_SIGNATURE = declare("quotes.source.signature", stage="quotes",
        why="a blurb signed by a publication has that publication as its source")


DIALOGUE_TURN = declare("quotes.inline.dialogue_turn", stage="quotes",
        why='a paragraph that is one quoted sentence ending in . ? or ! is a dialogue turn, however short')


SPLIT_SECOND = declare("quotes.inline.split_second", stage="quotes",
        why="the words quoted right after a reporting clause that follows a quotation continue it, however short")


class InlineForm:
    # cues before the quotation: a title or a noun phrase in quote marks there is named, not quoted
    PRE_CUE_RULES = (SPEAKER_REPORTING_VERB, SPEAKER_FRAGMENT_SUBJECT)

    @register('quotes.inline', 'words in quote marks are a quotation when a cue attributes them or they are long enough', order=50)
    def inline(self) -> None:
        from ...text.words import count as words

        by_para = self.spans_by_para
        for pi in sorted(by_para):
            spans = by_para[pi]
            p = self.paragraphs[pi]
            doc, base = self.docs[pi], p["start"]
            prev_draft: Draft | None = None
            cued: dict[int, bool] = {}   # draft -> a reporting clause follows it
            for n, s in enumerate(spans):
                u = self.unit_at(s.open)
                if s.open in self.used_spans or u is None or any(
                        k in u.tags for k in ("ref", "attribution", "date_only")) \
                        or "heading" in u.tags and (u.first_in_para or self.text[u.start - 2:u.start - 1] in ".!?:") \
                        and not self.signed_blurb(u, s):
                    continue   # a short line inside a hard-wrapped paragraph is no heading
                lo = spans[n - 1].close + 1 if n and spans[n - 1].close is not None else p["start"]
                lo = max(lo, spans[n - 1].end if n else lo)
                hi = spans[n + 1].open if n + 1 < len(spans) else p["end"]
                qe = s.close + 1 if s.close is not None else s.end
                sp = self.finder.find(doc, base, s.open, qe, lo, hi, strict=True)
                nwords = words(self.text[s.start:s.end])
                quoted = self.text[s.start:s.end]
                if sp is not None and sp.rule == SPEAKER_FRAGMENT_SUBJECT and nwords < self.cfg["inline_min_words"]:
                    sp = None   # 'a "secret constitution"': a short fragment framed by any verb is a term, not a quotation
                speaker = self.speaker_of(sp, base) if sp is not None else None
                # '"You are early," said the old gentleman': the tag says who speaks, though not by name;
                # with two people named before it in its paragraph, no beat or earlier paragraph settles which
                described_tag = speaker is None and sp is not None and sp.type == "description" \
                    and len({n.split()[-1].lower() for x, n in self.person_mentions(pi) if x < s.open}) > 1
                if speaker is not None and not speaker.get("pronoun"):
                    speaker = self.role_noun(self.definite_body(pi, self.definite_owner(pi, speaker)))
                if speaker is None and prev_draft is not None and (prev_draft.speaker or prev_draft.pronoun):
                    gap = self.text[prev_draft.end + 1:s.open]
                    ends = [e for _, e in sentences.stops(gap, self.finder.honorifics) if e < len(gap)]
                    prev_rule = (prev_draft.speaker or prev_draft.pronoun)["rule"]
                    if not ends and "\n" not in gap and prev_rule != SPEAKER_TESTIMONIAL_NAME:
                        speaker = dict(prev_draft.speaker or prev_draft.pronoun)
                        speaker["rule"] = SPEAKER_SAME_SENTENCE
                    elif (prev_rule == SPEAKER_REPORTING_VERB_AFTER or prev_rule in _DESCRIBED
                          and (prev_draft.cue or {}).get("start", -1) >= prev_draft.end) and \
                            len(ends) == 1 and not gap[ends[0]:].strip():
                        # '"A," says X, title of Y. "B."': the cue sentence between them gives B to X too
                        speaker = dict(prev_draft.speaker or prev_draft.pronoun)
                        speaker["rule"] = SPEAKER_CUE_BETWEEN
                # 'X called the objection "theater."': a lower-case word or two a named subject's verb of
                # naming gives its object are that subject's words, however short
                naming = sp is not None and sp.rule == SPEAKER_REPORTING_VERB and speaker is not None \
                    and sp.cue is not None and bool(_NAMING_VERB.fullmatch(sp.cue[0])) and quoted[:1].islower() \
                    and not self.reported_naming(doc, sp.cue[1]) \
                    and not re.search(r"(?i)\b(?:a|an|the|this|that|these|those|his|her|its|their|our|my|your)\s*$",
                                      self.text[lo:s.open])   # 'describing a "selective service"': the object itself, a term
                if speaker is not None and speaker["rule"] in self.PRE_CUE_RULES and not naming and \
                        (_title_like(quoted) or _noun_framed(self.text[lo:s.open])
                         and nwords < 2 * self.cfg["inline_min_words"] and not self.finite_clause(doc, base, s)):
                    speaker = None   # 'bought a copy of "Summer Rain."', 'what he calls a "term"': no cue of a quotation
                if speaker is None and n == 0 and len(spans) == 1 and not described_tag:
                    speaker = self.previous_paragraph_speaker(u, s)
                if speaker is None and not described_tag:   # a quotation line of its own, then its signature line
                    speaker = self.testimonial_name(u, s) or self.dash_signature(pi, s)
                if speaker is None and not described_tag:
                    speaker = self.action_beat(pi, s, lo) or self.colon_label(pi, s, lo)
                turn = self.dialogue_turn(u, s)
                word_turn = quoted.rstrip()[-1:] in (",", "!", "?") and (   # '"Nonsense," she said': a word said
                    not self.text[lo:s.open].strip() or bool(re.search(r"[.!?]\W*$", self.text[lo:s.open])))
                if speaker is None and not turn and _noun_framed(self.text[lo:s.open]) \
                        and not (sp is not None and self.finite_clause(doc, base, s)):
                    continue   # 'today's "millennial gray couch," which ...': a noun phrase, whatever follows it
                split_rest = prev_draft is not None and cued.get(id(prev_draft), False) and self.split_second(prev_draft, s)
                if speaker is None and not turn and not split_rest \
                        and (nwords < self.cfg["inline_min_words"] or _title_like(quoted)) \
                        and not ((nwords >= 2 or word_turn) and self.finder.cue_after(doc, base, s.open, qe, hi)):
                    continue   # short and unattributed: a term or title, unless a reporting clause follows
                if nwords < 2 and not turn and not naming and not (word_turn and self.finder.cue_after(doc, base, s.open, qe, hi)):
                    continue  # a single quoted word is a term or a scare quote, but for '"Nonsense," her husband replied'
                if s.close is None and speaker is None and not u.first_in_para:
                    pass
                d = Draft("inline", s.start, s.end, s.rule, para=pi)
                d.rules = [INLINE_MARKS if s.close is not None else s.rule]
                if turn and nwords < self.cfg["inline_min_words"]:
                    d.rules.append(DIALOGUE_TURN)
                elif split_rest and nwords < self.cfg["inline_min_words"]:
                    d.rules.append(SPLIT_SECOND)
                outlet_sig = speaker.pop("outlet", False) if speaker is not None else False
                signed_in = speaker.pop("outlet_source", None) if speaker is not None else None
                if speaker is not None:
                    cue = speaker.pop("cue", None)
                    if speaker.get("pronoun"):
                        d.pronoun = speaker
                    else:
                        d.speaker = speaker
                    d.cue = cue
                    d.rules.append(speaker["rule"])
                if d.speaker is not None or d.pronoun is not None:
                    if speaker["rule"] in (SPEAKER_CUE_BETWEEN, SPEAKER_SAME_SENTENCE) and prev_draft:
                        d.source = prev_draft.source
                    elif cue is not None:
                        d.source = self.cue_source(*self.sentence_around(pi, cue["start"])) \
                            or self.cue_outlet(pi, cue)
                    if d.source is not None:
                        d.rules.append(SOURCE_CUE_TITLE)
                        if d.speaker is not None and d.speaker.get("raw_start") is not None \
                                and d.speaker.get("rule") != SPEAKER_ACCORDING_TO \
                                and d.speaker["raw_start"] < d.source["raw_end"] and d.source["raw_start"] < d.speaker["raw_end"]:
                            d.speaker = self.outlet_speaker_person(pi, d.speaker)   # "Writing on her blog, X, the researcher Y put it"
                if outlet_sig:   # a blurb signed by a publication: it is the source too
                    d.source = {"outlet": d.speaker["name"], "author": None, "date": None, "date_text": None,
                                "attribution": None, "raw_start": d.speaker["raw_start"], "raw_end": d.speaker["raw_end"]}
                    d.rules.append(SOURCE_SIGNATURE)
                elif signed_in is not None:   # a critic signing with the publication: it is the source
                    d.source = {"outlet": signed_in["name"], "author": None, "date": None, "date_text": None,
                                "attribution": None, "raw_start": signed_in["raw_start"], "raw_end": signed_in["raw_end"]}
                    d.rules.append(SOURCE_SIGNATURE)
                d.parent = self.container(s.start)
                par = d.parent
                if d.speaker is None and d.pronoun is None and par is not None and par.kind == "block" \
                        and (par.speaker or par.pronoun) \
                        and re.fullmatch(r'\s*"?\s*(?:[^"\n.!?]{1,60}:\s*)?', self.text[par.start:s.open]):
                    if par.speaker:   # the block a cue line introduces opens with this quotation (a label before it)
                        d.speaker = dict(par.speaker)
                    else:
                        d.pronoun = dict(par.pronoun)
                    d.rules.append((d.speaker or d.pronoun)["rule"])
                if d.speaker is None and d.pronoun is None and par is not None and par.kind == "interview":
                    self.turn_quotation(d, doc, base, s)
                host = u.tags.get("excerpt_of")
                if host is not None:
                    d.source = host["source"]
                    if d.speaker is None and d.pronoun is None and host["speaker"] \
                            and not self.finder.cue_after(doc, base, s.open, qe, hi):
                        d.speaker = dict(host["speaker"])   # not '"...," one skipper shouted.' over a byline
                    d.rules.append(ATTRIBUTION_LINE)
                num = self.reference_after(qe)
                if num:
                    d.ref_number = num
                    d.rules.append(REFERENCE_MARKER_AFTER)
                self.drafts.append(d)
                cued[id(d)] = d.cue is not None or self.finder.cue_after(doc, base, s.open, qe, hi)
                prev_draft = d
                self.last_inline[pi] = d

    def reported_naming(self, doc: Any, at: int) -> bool:
        """'Marsh said the council had called the rise "modest"': a verb of naming inside the complement
        of another reporting verb is reported, not the writer's attribution of the word."""
        from ...quoting.speakers import lemma

        verb = next((t for t in doc if t.idx == at), None)
        return verb is not None and any(a.pos_ == "VERB" and lemma(a).lower() in self.finder.verbs for a in verb.ancestors)

    @staticmethod
    def finite_clause(doc: Any, base: int, s: Any) -> bool:
        """The quoted words hold a finite verb ("the surgery's 'door is not closing'"): a clause
        quoted from someone, not a term after a determiner or possessive ('today's "gray couch"')."""
        return any(s.start <= base + t.idx < s.end and t.tag_ in ("VBZ", "VBP", "VBD", "MD") for t in doc)

    @register(SPLIT_SECOND, order=52, kind="check")
    def split_second(self, prev: Draft, s: Any) -> bool:
        """'"Nobody's making you," her brother replied. "Mother only asked."': a quotation right after
        the reporting clause of the one before it, in one paragraph, is that speaker's next words however
        short (the clause is the only text between them, and the quotation ends a sentence)."""
        gap = self.text[prev.end + 1:s.open]
        return s.close is not None and '"' not in gap and "\n" not in gap and len(gap.split()) <= 10 \
            and bool(re.fullmatch(r"\s*,?\s*[^.!?]+[.,]\s*", gap)) \
            and self.text[s.start:s.end].rstrip()[-1:] in (".", "!", "?", "…")

    @register(DIALOGUE_TURN,
              order=51, kind="check")
    def dialogue_turn(self, u: Any, s: Any) -> bool:
        """'"Why?"' as a paragraph of its own, or opening a paragraph that quotes again: a turn of
        dialogue, not a term (a term or title in quote marks stands inside a sentence, or has no
        sentence end inside its marks)."""
        from ...quoting.textual import wholly_quoted

        if s.close is None or self.text[s.start:s.end].rstrip()[-1:] not in (".", "?", "!", "…"):
            return False
        if u.first_in_para and u.last_in_para and wholly_quoted(u, [s]) is not None:
            return True
        # "'Course they have.' Declan rattled the padlock. 'Old Brennan's ...'": a sentence opening a
        # paragraph that goes on to quote again is a turn of that paragraph's dialogue
        return u.first_in_para and not self.text[u.start:s.open].strip() \
            and any(o.open > s.close for o in self.spans_by_para.get(u.para, []))

    def cue_source(self, s0: int, e0: int) -> dict[str, Any] | None:
        """A title named in the cue's sentence: "says in The Last Word (Oxford University Press,
        1997)", "during a recent Independent Thinking Podcast interview" (quotes.source_patterns)."""
        text = self.text[s0:e0]
        for pat in self.cfg["source_patterns"]:
            m = re.search(pat, text)
            if m:
                a, b = s0 + m.start("title"), s0 + m.end("title")
                return {"outlet": self.text[a:b], "author": None, "date": None, "date_text": None,
                        "attribution": None, **dict(zip(("raw_start", "raw_end"), self.raw(a, b)))}
        return None
