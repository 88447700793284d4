"""Reply markers: a paragraph whose every line opens with '>' (Reddit, mail, Markdown forums) quotes
an earlier post. Its speaker is the author of the post it copies: the name in the nearest post
header ("Posted by u/NAME", `post_header_pattern`) before the earlier copy; no copy, no header: none."""

from __future__ import annotations

import re
from typing import Any

from .draft import Draft
from ...rules import declare
from .registry import register

REPLY_BLOCK = declare("quotes.block.reply_marker", stage="quotes",
        why="a paragraph of lines opening with '>' quotes an earlier post")
PARENT_POST = declare("quotes.speaker.parent_post", stage="quotes",
        why='the quoted words of a reply belong to the author of the earlier post they copy')
REPLY_LINES = declare("quotes.block.reply_lines", stage="quotes",
        why="a run of lines opening with '>' inside a post's paragraph (Reddit, Markdown) quotes an earlier post or a work")
SPEAKER_WORK_AUTHOR = declare("quotes.speaker.work_author", stage="quotes",
        why="a '>' quotation under a cue line naming a work's author ('From TITLE by NAME:') is the author's",
        params=["work_author_cue_pattern"])
_LINE = re.compile(r"^\s*>\s?")


class ReplyMarkerForm:
    @register(REPLY_BLOCK, order=20)
    def reply_markers(self) -> None:
        by_para: dict[int, list[Any]] = {}
        for u in self.units:
            by_para.setdefault(u.para, []).append(u)
        for pi, us in sorted(by_para.items()):
            if any(u.index in self.claimed for u in us):
                continue
            if not all(_LINE.match(u.text) for u in us):
                self.reply_lines(pi, us)
                continue
            m = _LINE.match(us[0].text)
            s, e = us[0].start + m.end(), us[-1].end
            if len(self.text[s:e].split()) < 2:
                continue
            d = Draft("block", s, e, REPLY_BLOCK, (us[0].index, us[-1].index), para=pi)
            d.rules = [REPLY_BLOCK]
            d.speaker = self.parent_post_author(s, e, self.paragraphs[pi]["start"])
            if d.speaker:
                d.rules.append(PARENT_POST)
            self.add_structure(d)

    @register(REPLY_LINES, kind="check")
    def reply_lines(self, pi: int, us: list[Any]) -> None:
        """'u/NAME · 4 hr. ago' / '> the parent's words' / 'the reply': each run of '>' lines among a
        paragraph's other lines. Its speaker is the author of the earlier post it copies; with no copy,
        the author a cue line just above it names ('From TITLE by NAME:'), with the work as source."""
        runs: list[list[Any]] = []
        for u in us:
            if _LINE.match(u.text) and " > " not in u.text:   # "> Forum > Gardening": a breadcrumb, no quotation
                if runs and runs[-1][-1].index == u.index - 1:
                    runs[-1].append(u)
                else:
                    runs.append([u])
        for run in runs:
            m = _LINE.match(run[0].text)
            s, e = run[0].start + m.end(), run[-1].end
            if len(self.text[s:e].split()) < 2:
                continue
            d = Draft("block", s, e, REPLY_LINES, (run[0].index, run[-1].index), para=pi)
            d.rules = [REPLY_LINES]
            d.speaker = self.parent_post_author(s, e, run[0].start)
            if d.speaker:
                d.rules.append(PARENT_POST)
            elif run[0].index > us[0].index:
                cue = self.units[run[0].index - 1]
                wm = re.search(self.cfg["work_author_cue_pattern"], cue.bare)
                if wm and not _LINE.match(cue.text):
                    at = cue.start + cue.text.find(wm.group("name"))
                    d.speaker = self.span_rec(at, at + len(wm.group("name")), name=wm.group("name"), type="person",
                                              rule=SPEAKER_WORK_AUTHOR)
                    d.rules.append(SPEAKER_WORK_AUTHOR)
                    d.source = self.cue_source(self.sentence_start(cue), cue.end)
            self.add_structure(d)

    def later_post_between(self, h: int, src: int) -> bool:
        """Whether a post begins between header unit h and offset src: a '>' quotation after running
        text of the header's post (a reply opens with its quotation; the header's post has ended)."""
        text_seen = False
        for u in self.units[h + 1:]:
            if u.start >= src:
                return False
            if _LINE.match(u.text):
                if text_seen:
                    return True
            elif len(u.bare.split()) > 4:
                text_seen = True
        return False

    @register(PARENT_POST)
    def parent_post_author(self, s: int, e: int, before: int) -> dict[str, Any] | None:
        key = re.sub(r"\s+", " ", self.text[s:min(e, s + 80)]).strip()
        if len(key) < 15:
            return None
        src = self.text.rfind(key, 0, before)
        if src < 0:
            return None
        hdr = re.compile(self.cfg["post_header_pattern"])
        for u in reversed([u for u in self.units if u.end <= src]):
            m = hdr.match(u.bare)
            if m and m.groupdict().get("name") and self.later_post_between(u.index, src):
                return None   # the copied post's own header was lost (strip): this one is an earlier post's
            if m and m.groupdict().get("name"):
                off = u.start + u.text.find(m.group("name"))
                return self.span_rec(off, off + len(m.group("name")), name=m.group("name"), type="person",
                                     rule=PARENT_POST)
        return None
