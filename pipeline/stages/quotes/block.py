"""Block quotations after a cue line (`X said:`, `According to X,`), and texts introduced as 'the following'."""

from __future__ import annotations

import re
from typing import Any

from .draft import Draft, _footnotes_in, _username_like
from .forum import DATE_QUOTED_POST
from .registry import register
from ...rules import declare

# the rules this module applies: declared once here, used through these constants
BLOCK_CUE_LINE = declare("quotes.block.cue_line", stage="quotes",
        why="paragraphs after a line ending in a reporting cue and a colon are quoted",
        params=["reporting_verbs", "block_end_lines", "connector_lines"])
BLOCK_CUE_COMMA = declare("quotes.block.cue_comma", stage="quotes",
        why="a paragraph after a cue ending in a comma continues as its quotation",
        params=["reporting_verbs"])
BLOCK_FOLLOWING = declare("quotes.block.following", stage="quotes",
        why="'the following statement:' introduces the paragraphs after it",
        params=["following_pattern"])
BLOCK_FORUM_CUE = declare("quotes.block.forum_cue", stage="quotes",
        why="a forum's 'NAME said:' introduces the quoted post",
        params=["forum_cue_pattern", "block_end_lines", "forum_box_label_pattern"])
SPEAKER_INTRODUCTION = declare("quotes.speaker.introduction", stage="quotes",
        why="a person introduced just before a block speaks it",
        params=["honorifics", "titles", "name_max_tokens"])
SPEAKER_FROM_OUTLET = declare("quotes.speaker.from_outlet", stage="quotes",
        why="'From the X:' over an excerpt names the outlet",
        params=["from_outlet_pattern"])
SPEAKER_FORUM_CUE = declare("quotes.speaker.forum_cue", stage="quotes",
        why="the NAME of a forum's 'NAME said:' cue", params=["forum_cue_pattern"])
SPEAKER_POSSESSIVE_CUE = declare("quotes.speaker.possessive_cue", stage="quotes",
        why="'In their words:' takes the pronoun's antecedent",
        params=["possessive_cue_pattern", "pronoun_window"])
SOURCE_CUE_TITLE = declare("quotes.source.cue_title", stage="quotes",
        why="a work named in the cue's sentence is the quotation's source",
        params=["source_patterns"])
REFERENCE_CUE_MARKER = declare("quotes.reference.cue_marker", stage="quotes",
        why="a reference marker in the cue points to the quotation's source")


class BlockForm:
    @register('quotes.block', "a line ending in ':' or ',' that names a speaker introduces the paragraphs after it", order=30)
    def cue_blocks(self) -> None:
        from ...quoting.textual import wholly_quoted

        follow = re.compile(self.cfg["following_pattern"], re.IGNORECASE)
        from_out = re.compile(self.cfg["from_outlet_pattern"])
        spans_by_para: dict[int, list[Any]] = {}
        for pi, s in self.spans:
            spans_by_para.setdefault(pi, []).append(s)
        self.spans_by_para = spans_by_para
        for u in self.units:
            if u.index in self.claimed or self.stops_block(u) and not self.forum_match(u.bare) \
                    or u.index + 1 >= len(self.units):   # a post header looks like a heading: it is a cue
                continue
            t = u.bare
            speaker = None
            rule = None
            first_unit = u.index + 1
            inline_rest = None
            fm = self.forum_match(t)
            header_date = self.forum_header_date(u, fm) if fm else None   # whichever rule reads the header
            if t.endswith(":") and not self.units[u.index + 1].tags.get("heading"):
                fo = from_out.match(t)
                sp = self.cue_speaker(u, self.sentence_start(u), u.end)
                if sp is not None and fm and " " not in fm.group("name") and sp["name"] != fm.group("name") \
                        and sp["name"] in fm.group("name"):
                    # "Henrik.Adebayo said:": the parser splits a user name at its dot; the header's name is whole
                    name = fm.group("name")
                    at = u.start + u.text.find(name)
                    sp = self.span_rec(at, at + len(name), name=name, type="person", rule=SPEAKER_FORUM_CUE)
                if sp is not None:
                    speaker, rule = sp, BLOCK_CUE_LINE
                elif fo and self.finder.is_outlet(fo.group("outlet")):
                    s = u.start + u.text.find(fo.group("outlet"))
                    speaker = self.span_rec(s, s + len(fo.group("outlet")), name=fo.group("outlet"), type="outlet",
                                            rule=SPEAKER_FROM_OUTLET)
                    rule = BLOCK_CUE_LINE
                elif not (fm and _username_like(fm.group("name"))):
                    speaker = self.colon_cue_speaker(u)
                    rule = BLOCK_CUE_LINE if speaker is not None else None
            lone_user = fm is not None and re.fullmatch(r"\S+:", t) is not None and u.last_in_para
            if rule is None and fm and _username_like(fm.group("name")) and not lone_user:
                # (a Discourse "NAME:" header keeps its quote under it in its paragraph; alone, the next
                # paragraph is the reply, the quote having been dropped as a copy)
                name = fm.group("name")
                s = u.start + u.text.find(name)
                speaker = self.span_rec(s, s + len(name), name=name, type="person", rule=SPEAKER_FORUM_CUE)
                rule = BLOCK_FORUM_CUE
                if fm.group("rest").strip():
                    inline_rest = u.start + fm.start("rest")
                    first_unit = u.index
            if rule is None and t.endswith(",") and u.last_in_para and not self.units[u.index + 1].tags.get("heading"):
                sp = self.cue_speaker(u, self.sentence_start(u), u.end)
                if sp is not None and sp.get("cue"):
                    speaker, rule = sp, BLOCK_CUE_COMMA
            if rule is None and follow.search(t) and u.last_in_para:
                sp = self.intro_author(u)
                speaker, rule = sp, BLOCK_FOLLOWING
            if rule is None:
                continue
            self.make_block(u, first_unit, inline_rest, speaker, rule, wholly_quoted, header_date)

    def colon_cue_speaker(self, u: Any) -> dict[str, Any] | None:
        """A colon cue line with no reporting verb: "In their words:" (a possessive pronoun, resolved
        like a pronoun speaker) or "Nagel does not buy this:" (a named person or group as subject)."""
        from ...quoting.speakers import PRONOUNS  # noqa: F401

        s0 = self.sentence_start(u)
        last = self.text[s0:u.end]
        m = re.search(self.cfg["possessive_cue_pattern"], last)
        if m:
            pron = m.group("pron").lower()
            pr = {"his": "he", "her": "she", "their": "they", "its": "it"}[pron]
            ps = s0 + m.start("pron")
            return self.span_rec(ps, ps + len(pron), name=m.group("pron"), type="person" if pr in ("he", "she")
                                 else "organisation", rule=SPEAKER_POSSESSIVE_CUE, pronoun=pr)
        doc, base = self.unit_doc(u)
        toks = [t for t in doc if s0 <= base + t.idx < u.end and not t.is_space]
        sp = self.finder.colon_subject(toks)
        return self.speaker_of(sp, base) if sp is not None else None

    def cue_speaker(self, u: Any, lo: int, hi: int) -> dict[str, Any] | None:
        doc, base = self.unit_doc(u)
        sp = self.finder.find(doc, base, hi, hi, lo, hi)
        if sp is None or base + sp.start < lo:
            return None
        return self.speaker_of(sp, base)

    def intro_author(self, u: Any) -> dict[str, Any] | None:
        """The person a paragraph introducing "the following texts" is about: the first one it
        names, tagged PERSON or standing after an honorific or title ("Mr X Y, ...")."""
        doc, base = self.unit_doc(u)
        names = [self.name_span(e, base) for e in doc.ents
                 if e.label_ == "PERSON" and u.start <= base + e.start_char < u.end]
        names += self.finder.titled_names(doc, u.start - base, u.end - base)
        if not names:
            return None
        rec = self.name_rec(min(names), base)
        rec["rule"] = SPEAKER_INTRODUCTION
        return rec

    def names_other_person(self, u: Any, surname: list[str]) -> bool:
        """Whether an unquoted paragraph opens with a named person (other than the block's speaker)
        as subject: a block quotation does not run on into the author's "Nagel presents ..."."""
        doc, base = self.unit_doc(u)
        own = {w.lower() for w in surname}
        sent = next((st for st in doc.sents if base + st.end_char > u.start), None)
        if sent is None:
            return False
        for t in sent:
            if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.pos_ == "PROPN" and t.lower_ not in own \
                    and (t.ent_type_ == "PERSON" or t.lower_ in self.finder.persons):
                return True
        return False

    def _post_line(self, cue_u: Any, k: int) -> bool:
        """The line under a forum header in the header's own paragraph ("NAME wrote: ↑date" then the
        excerpt): short and unpunctuated, it looks like a heading, but it is the quoted post."""
        u = self.units[k]
        return u.para == cue_u.para and u.index not in self.claimed \
            and not any(t in u.tags for t in ("ref", "attribution", "valediction", "date_only", "label", "block_end"))

    def make_block(self, cue_u: Any, first: int, inline_rest: int | None, speaker: dict[str, Any] | None,
                   rule: str, wholly_quoted: Any, date: Any = None) -> None:
        dated_by_header = date is not None   # quotes.date.quoted_post
        k = first
        while k < len(self.units) and self.units[k].tags.get("date_only") and k != cue_u.index:
            date = self.units[k].tags["date_only"]
            k += 1
        if rule == BLOCK_FORUM_CUE and k != cue_u.index and k + 2 < len(self.units) \
                and self.units[k].para == cue_u.para == self.units[k + 1].para \
                and re.match(self.cfg["forum_box_label_pattern"], self.units[k].bare) and self.forum_match(self.units[k + 1].bare):
            k += 1   # vBulletin's nested box: "Quote:" over "Originally Posted by B" labels the inner post's box
        if rule == BLOCK_FORUM_CUE and k != cue_u.index and k + 1 < len(self.units) \
                and self.units[k].para == cue_u.para == self.units[k + 1].para and self.forum_match(self.units[k].bare):
            k = self.after_nested_post(k)   # "A wrote: / B wrote: / B's words / A's words": A's begin after B's
            if k is None or k in self.claimed:
                return
            first_u = self.units[k]   # a short last line looks like a heading: it is the post (to the paragraph end)
            last = self.copy_run(k, cue_u.start)
            d = Draft("block", first_u.start, self.units[last].end, rule, (k, last), para=first_u.para)
            d.speaker = dict(speaker) if speaker else None
            d.cue = self.span_rec(cue_u.start, cue_u.end, text=self.clean[cue_u.start:cue_u.end])
            d.rules = [rule] + ([speaker["rule"]] if speaker else [])
            self.add_structure(d)
            return
        if k >= len(self.units) or (k != cue_u.index and self.stops_block(self.units[k])
                                    and not (rule == BLOCK_FORUM_CUE and (self.block_end_ahead(k - 1) == k + 1
                                                                          or self._post_line(cue_u, k)))):
            return   # a quoted post's one short line before its end marker looks like a heading: it is the post
        same_para = not cue_u.last_in_para
        units = [k]
        first_u = self.units[k]
        wq = wholly_quoted(first_u, self.spans_by_para.get(first_u.para, [])) if k != cue_u.index else None
        surname = (speaker or {}).get("name", "").split()[-1:] if speaker else []
        connectors = {c.lower() for c in self.cfg["connector_lines"]}
        end_at = self.block_end_ahead(k) if rule == BLOCK_FORUM_CUE else None
        # 'NAME wrote: "..."' with the quotation closed at the end of the cue's paragraph: the
        # quotation is that paragraph, the paragraphs after it are the writer's own
        own_line = end_at is None and inline_rest is not None and _closed_on_its_line(
            self.text[inline_rest:self.paragraphs[cue_u.para]["end"]])
        nxt = units[-1] + 1
        while nxt < len(self.units):
            n = self.units[nxt]
            if own_line and n.para != cue_u.para:
                break
            if end_at is not None:
                if nxt >= end_at:
                    break
                units.append(nxt)
                nxt += 1
                continue
            if wq is not None and not same_para and n.first_in_para and n.last_in_para \
                    and n.bare.lower().rstrip(",.:;") in connectors and nxt + 1 < len(self.units) \
                    and wholly_quoted(self.units[nxt + 1], self.spans_by_para.get(self.units[nxt + 1].para, [])):
                nxt += 1  # '"A." / And / "B."': a connector line between quoted paragraphs
                continue
            if self.stops_block(n) or (n.para != cue_u.para if same_para else False):
                break
            if same_para:
                units.append(n.index)
                nxt += 1
                continue
            if wq is not None:
                if wholly_quoted(n, self.spans_by_para.get(n.para, [])) is None:
                    break
            elif n.first_in_para:
                if _footnotes_in(n.text) or n.text.lstrip().startswith('"') or n.text.rstrip().endswith(":") \
                        or (surname and re.search(r"\b" + re.escape(surname[0]) + r"\b", n.text)) \
                        or wholly_quoted(n, self.spans_by_para.get(n.para, [])) is not None:
                    break
                if self.text[n.start:n.end].count('"') or self.units[units[-1]].tags.get("heading"):
                    break
                if self.names_other_person(n, surname):
                    break  # "Nagel presents a criticism ...": the author speaks again, about someone
            units.append(n.index)
            nxt += 1
        pieces = []
        for idx in units:
            uu = self.units[idx]
            s = inline_rest if idx == cue_u.index and inline_rest is not None else uu.start
            w = wholly_quoted(uu, self.spans_by_para.get(uu.para, []))
            if w is not None and idx != cue_u.index:
                self.used_spans.add(w.open)
                pieces.append((idx, w.start, w.end, w))
            else:
                pieces.append((idx, s, uu.end, None))
        group = wq is not None and len(pieces) > 1
        if end_at is None and not group and self.forum_reply(cue_u):
            cut = self.copy_end(cue_u.start, pieces[0][1], pieces[-1][2])
            if cut is not None:
                units = [i for i in units if self.units[i].start < cut]
                pieces = [(i, a, min(b, cut), w) for i, a, b, w in pieces if a < cut]
        parent = self.container(self.units[units[0]].start)
        for n_piece, (idx, s, e, w) in enumerate(pieces):
            if group and n_piece > 0:
                pass
            d = Draft("block", s, e, rule, (idx, idx) if group else (units[0], units[-1]), para=self.units[idx].para)
            if not group:
                d.start, d.end = pieces[0][1], pieces[-1][2]
            d.speaker = dict(speaker) if speaker else None
            if d.speaker and d.speaker.get("pronoun"):
                d.pronoun, d.speaker = d.speaker, None
            d.cue = self.span_rec(cue_u.start, cue_u.end, text=self.clean[cue_u.start:cue_u.end]) if cue_u.index != idx else \
                (speaker or {}).get("cue")
            d.rules = [rule] + ([speaker["rule"]] if speaker else [])
            d.parent = parent
            nums = [n for s0, _, n in self.markers if cue_u.start <= s0 < cue_u.end]
            if nums:
                d.ref_number = nums[-1]
                d.rules.append(REFERENCE_CUE_MARKER)
            if date is not None:
                if dated_by_header:
                    d.rules.append(DATE_QUOTED_POST)
                d.source = {"outlet": speaker["name"] if speaker and speaker["type"] == "outlet" else None,
                            "author": None, "date": date.iso, "date_text": date.text, "attribution": None,
                            **dict(zip(("raw_start", "raw_end"), self.raw(cue_u.start, cue_u.end)))}
            elif speaker and speaker["type"] == "outlet":
                d.source = {"outlet": speaker["name"], "author": None, "date": None, "date_text": None,
                            "attribution": None, **dict(zip(("raw_start", "raw_end"), self.raw(cue_u.start, cue_u.end)))}
            elif speaker is not None and cue_u.index != idx:
                d.source = self.cue_source(self.sentence_start(cue_u), cue_u.end)
                if d.source is not None:
                    d.rules.append(SOURCE_CUE_TITLE)
            self.add_structure(d)
            if not group:
                break
        cue_u.tags["cue"] = True


def _closed_on_its_line(rest: str) -> bool:
    """The text after a cue is one quotation: it opens with a quote mark and its one closing mark
    ends it (the stage's mark view writes every quote mark as '"')."""
    rest = rest.strip()
    return len(rest) > 2 and rest[0] == '"' and rest[-1] == '"' and rest.count('"') == 2
