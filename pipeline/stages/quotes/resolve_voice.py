"""Voices of a web page: the article, then reader comments or forum posts, each by another writer.

A page joins texts by several writers: the article (its byline's author), then comments or posts,
each opened by a header naming its writer ("NAME says:" or "NAME" over its date line, "Post by NAME »
date") or standing after a comments heading ("4 comments", "Leave a reply"). A first-person "I" is
the writer of the text it stands in; a he/she of one writer's text never resolves to a person named
in another writer's text (nor to the header's own name, which is the "I" there).
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from .draft import _username_like
from .registry import register
from ...rules import declare

SPEAKER_COMMENT_AUTHOR = declare("quotes.speaker.comment_author", stage="quotes",
        why="'I said' in a reader comment or forum post is the writer its header names, never the article's author",
        params=["comment_header_pattern", "comments_heading_pattern", "post_header_pattern", "byline_pattern"])
SPEAKER_VOICE_BOUNDARY = declare("quotes.speaker.voice_boundary", stage="quotes",
        why="a pronoun in one writer's comment or post never resolves to a person named in another writer's text",
        params=["comment_header_pattern", "comments_heading_pattern", "post_header_pattern"])

_TIME_REST = re.compile(r"(?i)^(?:at\s+|@\s*|,\s*)?\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?$")


class VoiceRegions:
    def voices(self) -> list[tuple[int, dict[str, Any] | None]]:
        """(clean offset where a writer's text starts, its writer's speaker record or None), in order;
        the first region (offset 0, the article) has writer None here (the byline's narrator)."""
        if "_voices" in self.__dict__:
            return self._voices
        out: list[tuple[int, dict[str, Any] | None]] = [(0, None)]
        heading = re.compile(self.cfg["comments_heading_pattern"])
        post = re.compile(self.cfg["post_header_pattern"])   # "Post by NAME » date", "Posted by u/NAME"
        loose: list[tuple[int, Any]] = []   # (index in out, unit) of name-over-date headers before any comments heading
        for u in self.units:
            t = u.bare
            if heading.match(t) and u.start > len(self.text) // 5:
                out.append((u.start, None))   # ("4 Comments" under a headline counts the comments below: no boundary)
                continue
            m = post.match(t)
            name = m.group("name") if m and m.groupdict().get("name") else None
            by = re.match(self.cfg["byline_pattern"], t) if name else None
            if by:
                name = by.group("name").strip()   # "Posted by Elinor Vance on 3 May 2025": the whole name
            at = u.start + u.text.find(name) if name else None
            if name is None:
                name, at = self.comment_header(u)
                if name and not any(w is None for _, w in out[1:]) and not self.explicit_header(u):
                    loose.append((len(out), u))
            if name:
                out.append((u.start, self.span_rec(at, at + len(name), name=name, type="person",
                                                   rule=SPEAKER_COMMENT_AUTHOR)))
        drop = {i for i, _ in loose} - self.comment_run(loose)
        self._voices = [v for i, v in enumerate(out) if i not in drop]
        return self._voices

    def explicit_header(self, u: Any) -> bool:
        """'Tomasz Zielinski says:' or a name over 'August 5, 2025 at 9:14 am': a header by its own shape
        (a verb of writing after the name, or a time stamp under it), which no name in an article takes."""
        nu = self.units[u.index + 1]
        return bool(re.search(r"(?:says|writes|commented)\s*:?$", u.bare)) \
            or re.search(r"\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?\s*$", nu.bare, re.I) is not None

    def comment_run(self, loose: list[tuple[int, Any]]) -> set[int]:
        """Which name-over-date headers met before any comments heading open readers' comments: those
        of a run of two or more that closes the page (after the run's last header, no more paragraphs
        than the longest comment of the run holds: the article does not resume). One such line alone
        ('Priyanka Iyer' over '12 March 2025' amid an article) may be a name in the article: no writer."""
        if len(loose) < 2:
            return set()
        gaps = [b[1].para - a[1].para for a, b in zip(loose, loose[1:])]
        tail = self.units[-1].para - loose[-1][1].para
        return {i for i, _ in loose} if tail <= max(gaps) else set()

    def comment_header(self, u: Any) -> tuple[str | None, int | None]:
        """'Priyanka Iyer' or 'Priyanka Iyer says:' over a line that is only a date (and a time), the
        header of a comment: (name, clean offset) or (None, None). Bylines ("Written by X on D") are not
        comment headers; the name is a person's (first name, PERSON) or a user name."""
        from ...quoting.attribution import find_date
        from ...quoting.gender import first_name

        m = re.match(self.cfg["comment_header_pattern"], u.bare)
        if not m or u.index + 1 >= len(self.units) or re.match(self.cfg["byline_pattern"], u.bare):
            return None, None
        nu = self.units[u.index + 1]
        d = find_date(nu.bare, self.months, self.cfg["year_pivot"])
        if d is None or d.start > 0 and nu.bare[:d.start].strip(" ,") \
                or nu.bare[d.end:].strip() and not _TIME_REST.match(nu.bare[d.end:].strip()):
            return None, None
        name = m.group("name")
        ws = name.split()
        person = bool(self.cfg["first_name_gender"]) and first_name(ws[0]) is not None \
            or name.lower() in self.finder.persons
        user = len(ws) == 1 and _username_like(name) and bool(re.search(r"[\d_]|[a-z][A-Z]", name))
        if not (person or user):
            return None, None
        return name, u.start + u.text.find(name)

    def header_lines(self, pi: int) -> list[tuple[int, int]]:
        """The lines of paragraph pi that head a post, comment or review ("Post by NAME » date",
        "NAME wrote:", "Originally Posted by NAME", "Reviewed by NAME on DATE", a name over its
        date line), and a first-person narrator's naming of themself in the narration ("I, NAME,", "My name
        is NAME"): the name there is the writer of the text below (its "I"), no one it speaks of."""
        cache = self.__dict__.get("_header_lines")
        if cache is None:
            rxs = [re.compile(self.cfg[k]) for k in ("post_header_pattern", "signed_by_pattern")]
            cache = self._header_lines = {}
            cue = re.compile(self.cfg["forum_cue_pattern"])
            for u in self.units:
                fm = self.forum_match(u.bare)
                if fm is not None and cue.match(u.bare):
                    # "NAME said:" is a reporter's cue too ("Anna Berg said:"): a forum's only with its date
                    # stamp ("wrote: ↑DATE") or a user name's shape (one word with digits, "_" or ".")
                    name = fm.group("name")
                    fm = fm if fm.groupdict().get("date") or re.fullmatch(r"\S*[\d_.]\S*", name) else None
                if any(rx.match(u.bare) for rx in rxs) or fm is not None or self.comment_header(u)[0] is not None:
                    cache.setdefault(u.para, []).append((u.start, u.end))
            from .resolve_narrator import _I_NAMED, _SELF_NAMED

            for rx in (_I_NAMED, _SELF_NAMED):   # "I, Edmund Carrow, came down ...": the narrator's name is the "I"
                for m in rx.finditer(self.text):
                    pi0 = self.paragraph_of(m.start())
                    if not any(a <= m.start() < b for a, b in self._quoted_ranges(pi0)):
                        cache.setdefault(pi0, []).append((m.start("name"), m.end("name")))
        return cache.get(pi, [])

    def voice_at(self, pos: int) -> int:
        vs = self.voices()
        return bisect.bisect_right([v[0] for v in vs], pos) - 1

    @register(SPEAKER_COMMENT_AUTHOR)
    def first_person_writer(self, d: Any) -> dict[str, Any] | None:
        """The "I" of a quotation outside any structure: the writer of the comment or post it stands
        in, no one after a comments heading without a header, else the article's narrator (byline)."""
        k = self.voice_at(d.start)
        if k == 0:
            return self.narrator()
        w = self.voices()[k][1]
        if w is None:
            return None
        d.rules.append(SPEAKER_COMMENT_AUTHOR)
        return dict(w)

    @register(SPEAKER_VOICE_BOUNDARY)
    def other_voice(self, d: Any, found: dict[str, Any] | None) -> bool:
        """Whether a pronoun's antecedent lies in another writer's text than the quotation (or is the
        header naming the writer of the quotation's own text)."""
        if found is None or found.get("start") is None or len(self.voices()) == 1:
            return False
        k = self.voice_at(d.start)
        if self.voice_at(found["start"]) != k:
            return True
        w = self.voices()[k][1]
        return w is not None and w["start"] <= found["start"] < w["end"]
