"""Strip, text dumps: the author box under an article. A third-person biography of the writer
after the article, its name and role labels above it and the calls to action below it go; a
sentence about a tool "that" edits code is not a biography, and an article that opens with a
biography keeps it."""

from __future__ import annotations

from typing import Any

from test_strip import PROSE, cfg, label_of, run_strip, text_of  # noqa: F401 - cfg is a fixture

ARTICLE = [PROSE.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")]
BIO = ("Lisa Jennings is a veteran restaurant industry reporter and editor who covers the fast-casual sector, "
       "independent restaurants and emerging chain concepts.")
CTA = "Get today's need-to-know industry intelligence. Sign up to receive texts from us on news and insights."


def test_a_writers_biography_after_the_article_and_what_follows_are_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "Lisa Jennings", "Senior Editor", BIO, CTA))
    assert label_of(ext, out, "Lisa Jennings is a veteran") == ("boilerplate", "strip.text.author_box")
    assert label_of(ext, out, "Senior Editor") == ("boilerplate", "strip.text.author_box")
    # the sign-up prompt has no form line beside it: it is the author box's
    assert label_of(ext, out, "need-to-know") == ("boilerplate", "strip.text.author_box")
    assert label_of(ext, out, "Saturday")[0] == "content"


def test_a_tool_described_as_an_editor_is_not_a_biography(cfg: Any) -> None:
    tool = "Flatliner is a handy code editor that helps to test the expressions before you deploy them anywhere."
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, tool, *ARTICLE[:2]))
    assert label_of(ext, out, "handy code editor")[0] == "content"


def test_a_biography_that_opens_the_article_stays(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(BIO, *ARTICLE))
    assert label_of(ext, out, "Lisa Jennings is a veteran")[0] == "content"
