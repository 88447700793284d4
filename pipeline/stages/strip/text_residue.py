"""Residue of a page's template under a text dump's article (strip stage, text dumps).

- ``strip.text.comment_section``: readers' comments under an article, from a heading that counts
  them ("12 Comments", "3 thoughts on ...") after the article's prose, down to the comment form
  below them ("Leave a Reply"). A theme that prints no form line still signs every comment with
  its writer's line ("Anonymous says:", ``comment_author_line``): with at least
  ``comment_min_authors`` of them under the heading the comments run past the last one, up to
  where the article's own prose goes on (``related_resume_words`` words of consecutive prose) or
  the page ends. A count heading alone is too weak a sign to remove the rest of a page.
"""

from __future__ import annotations

import re
from typing import Any

from ...rules import declare, kind_of

COMMENT_SECTION = declare("strip.text.comment_section", stage="strip", kind="text",
                          why="readers' comments under an article (from a 'N comments' heading to the comment form, or"
                              " past the last commenter's 'NAME says:' line) are not its text",
                          params=["text.comment_heading", "text.comment_form", "text.comment_min_words_before",
                                  "text.comment_author_line", "text.comment_min_authors", "text.related_resume_words"])


def comment_section(texts: list[str], idx: list[int], words: dict[int, int], prose: dict[int, bool],
                    labels: list[tuple[str, str]], cfg: dict[str, Any]) -> None:
    """Readers' comments under an article: from a heading that counts them after at least
    ``comment_min_words_before`` words of kept prose, to the comment form below them, or (no
    form) past the last of at least ``comment_min_authors`` commenter lines."""
    if not cfg["comment_heading"]:
        return
    head = re.compile(cfg["comment_heading"])
    before = 0
    start = None
    for pos, i in enumerate(idx):
        if before >= int(cfg["comment_min_words_before"]) and words[i] <= 30 and head.match(texts[i].strip()):
            start = pos
            break
        if prose[i] and labels[i][0] == "content":
            before += words[i]
    if start is None:
        return
    # the form's line may already be a pattern rule's ("Leave a Reply")
    form = re.compile(cfg["comment_form"]) if cfg["comment_form"] else None
    end = next((i for i in range(idx[start], len(labels)) if form and form.match(texts[i].strip())), None)
    if end is None:
        end = _past_last_author(texts, idx[start:], words, prose, cfg)
    if end is None:
        return
    for i in range(idx[start], end + 1):
        if labels[i][0] == "content" or kind_of(labels[i][1]) == "text":
            labels[i] = ("boilerplate", COMMENT_SECTION)


def _past_last_author(texts: list[str], after: list[int], words: dict[int, int], prose: dict[int, bool],
                      cfg: dict[str, Any]) -> int | None:
    """The last line of the comments under a count heading that no form closes: past the last
    commenter line, up to the line before a stretch of ``related_resume_words`` words of
    consecutive prose (the article going on) or to the page's last line; None with fewer than
    ``comment_min_authors`` commenter lines."""
    if not cfg["comment_author_line"] or int(cfg["comment_min_authors"]) <= 0:
        return None
    author = re.compile(cfg["comment_author_line"])
    signed = [pos for pos, i in enumerate(after) if words[i] <= 12 and author.match(texts[i].strip())]
    if len(signed) < int(cfg["comment_min_authors"]):
        return None
    resume = int(cfg["related_resume_words"])
    run_start, run_words = None, 0
    for pos in range(signed[-1] + 1, len(after)):
        i = after[pos]
        if prose[i]:
            run_start = pos if run_start is None else run_start
            run_words += words[i]
            if resume and run_words >= resume:
                return after[run_start - 1]
        else:
            run_start, run_words = None, 0
    return after[-1]
