"""Forum posts quoted in replies: where a quoted post ends."""

from __future__ import annotations

import re
from typing import Any

from .draft import TERMINAL
from ...rules import declare

DATE_QUOTED_POST = declare("quotes.date.quoted_post", stage="quotes",
        why="a quoted post's header dates the quoted words (the earlier post's date, not the reply's)",
        params=["forum_cue_pattern", "forum_header_patterns", "months", "year_pivot"])


# a quoted post's copy of an earlier post shorter than this is no evidence of where it ends (one
# short line such as "Thanks!" recurs by chance)
MIN_COPY_CHARS = 20


class ForumForm:
    def forum_match(self, line: str) -> Any:
        """A quoted post's header naming its author: "NAME wrote:" / "NAME said:" (phpBB, Tapatalk,
        XenForo, Discourse; `forum_cue_pattern`) or another forum software's header
        (`forum_header_patterns`: vBulletin "Quote: Originally Posted by NAME", SMF "Quote from:
        NAME on DATE"). Groups `name` and `rest` (the post's words on the same line)."""
        pats = self.__dict__.get("_forum_res")
        if pats is None:
            pats = [re.compile(self.cfg["forum_cue_pattern"])] + [re.compile(p) for p in self.cfg["forum_header_patterns"]]
            self._forum_res = pats
        for rx in pats:
            m = rx.match(line)
            if m:
                return m
        return None

    def forum_header_date(self, u: Any, m: Any) -> Any:
        """The date a quoted post's header gives ("NAME wrote on DATE:", "Quote from NAME on DATE",
        phpBB "NAME wrote: ↑DATE", "On DATE, NAME wrote:"): the date of the quoted post, so the
        quotation's date (when its words were written), not the date of the reply quoting it."""
        from ...text.dates import first as find_date

        text = m.groupdict().get("date")
        return find_date(text, self.months, self.cfg["year_pivot"]) if text else None

    def forum_reply(self, cue_u: Any) -> bool:
        """A quoted post's header (forum_match), whatever rule claimed it."""
        return self.forum_match(cue_u.bare) is not None

    def copy_end(self, before: int, s: int, e: int) -> int | None:
        """Where a quoted post stops being a copy of the earlier post it repeats: forum replies
        quote earlier text of the same page, and the reply's own words follow without a marker.
        None when the quotation is no copy (or is copied whole)."""
        key = self.text[s:min(e, s + 60)]
        src = self.text.rfind(key, 0, before) if len(key) >= 30 else -1
        if src < 0:
            # a copied line shorter than the key, the reply's words on the next line of the same
            # paragraph (phpBB "NAME wrote: ↑DATE" / the line / the reply): the first line is the key
            line_end = self.text.find("\n", s, e)
            key = self.text[s:line_end].rstrip() if line_end > 0 else ""
            if len(key) < MIN_COPY_CHARS:
                return None
            src = self.text.rfind(key, 0, before)
            if src < 0:
                return None
        n = 0
        while s + n < e and src + n < before and self.text[s + n] == self.text[src + n]:
            n += 1
        if s + n >= e:
            return None
        cut = s + n
        while cut > s and self.text[cut - 1].isspace():
            cut -= 1
        if self.text[cut - 1] not in TERMINAL and self.text[cut:cut + 1] != "\n":
            # (a copy that stops at its line's end is an excerpt cut there by the replier: it ends there)
            m = list(re.finditer(r"[.!?…)](?=\s)", self.text[s:cut]))
            if m:
                cut = s + m[-1].end()
        return cut if cut - s >= MIN_COPY_CHARS else None

    def after_nested_post(self, k: int) -> int | None:
        """The first line of an outer quoted post after the post it quotes in turn (header at line k,
        in one paragraph): the inner post is a copy of earlier text of the page, and the outer
        post's words start where the copy ends. None when that is not told."""
        end = self.copy_run(k + 1, self.units[k].start)
        # the inner post's lines copy one earlier passage in order; the outer post's own words
        # come from elsewhere (its author's earlier post) or from nowhere
        if end + 1 >= len(self.units) or self.units[end + 1].para != self.units[k].para:
            return None
        return end + 1

    def copy_run(self, k: int, before: int) -> int:
        """The last line of the run of lines from k (one paragraph) that copy one earlier passage
        (before `before`) in order; when line k is no copy (the post is not on the page), the
        paragraph's last line."""
        prev_end, j = None, k
        while j < len(self.units) and self.units[j].para == self.units[k].para:
            u = self.units[j]
            line = self.text[u.start:u.end].strip()
            src = self.text.rfind(line, 0, before) if len(line) >= 8 else -1
            if src < 0 or prev_end is not None and not (prev_end <= src <= prev_end + 3 and self.text.count("\n", prev_end, src) <= 1):
                break   # the copy runs in order within one passage: a paragraph break there ends it (the earlier post's own reply)
            prev_end, j = src + len(line), j + 1
        if prev_end is None:
            while j + 1 < len(self.units) and self.units[j + 1].para == self.units[k].para:
                j += 1
            return j
        return j - 1

    def block_end_ahead(self, k: int) -> int | None:
        """The unit of the next end marker ("Click to expand...") after unit k, if no other cue
        line or reply comes first: a forum quotation runs to its marker, over paragraph breaks."""
        for j in range(k + 1, min(len(self.units), k + 60)):
            uj = self.units[j]
            if uj.tags.get("block_end"):
                return j
            if self.forum_match(uj.bare) or uj.index in self.claimed:
                return None
        return None
