"""Strip, issue 15: readers' comments are not an article's text, and a line printed again in a
page is a copy (the first copy decides)."""

from __future__ import annotations

from typing import Any

from test_strip import PROSE, cfg, label_of, run_strip, text_of  # noqa: F401 - cfg is a fixture

ARTICLE = [PROSE.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")]
COMMENT = "I read the whole report last night and I think the committee was right to publish it in full."


def test_comments_under_a_counted_comments_heading_are_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "3 Comments", "Jane Doe", COMMENT, "Leave a Reply"))
    assert label_of(ext, out, "Wednesday")[0] == "content"
    assert label_of(ext, out, "I read the whole report") == ("boilerplate", "strip.text.comment_section")
    assert label_of(ext, out, "3 Comments") == ("boilerplate", "strip.text.comment_section")


def test_the_comment_section_ends_at_the_comment_form(cfg: Any) -> None:
    after = "The committee will meet again in the spring to discuss the reactions to the report and the next steps."
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "2 thoughts on “The report”", COMMENT, "Leave a Reply",
                                              after))
    assert label_of(ext, out, "reactions to the report")[0] == "content"


def test_a_comments_heading_with_no_article_before_it_opens_no_comment_section(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of("12 Comments", COMMENT, *ARTICLE))
    assert label_of(ext, out, "I read the whole report")[0] == "content"


def test_a_forums_reply_count_is_not_a_comments_heading(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "5 replies", COMMENT, ARTICLE[0].replace("committee", "board")))
    assert label_of(ext, out, "I read the whole report")[0] == "content"


def test_a_second_copy_of_a_line_is_boilerplate_and_the_first_stays(cfg: Any) -> None:
    call = "Our team of experts is ready to help you today."
    ext, out = run_strip(cfg, "a.txt", text_of(ARTICLE[0], call, *ARTICLE[1:], call))
    decisions = [(b["text"], d["label"], d["rule"]) for b, d in zip(ext["blocks"], out["decisions"]) if b["text"] == call]
    assert decisions[0][1] == "content"
    assert decisions[1][1:] == ("boilerplate", "strip.text.duplicate_line")


def test_a_short_line_printed_twice_is_not_a_copy(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(ARTICLE[0], "Yes, indeed.", *ARTICLE[1:], "Yes, indeed.", ARTICLE[0]))
    labels = [d["label"] for b, d in zip(ext["blocks"], out["decisions"]) if b["text"] == "Yes, indeed."]
    assert labels == ["content", "content"]


def test_a_comments_heading_with_no_comment_form_below_opens_no_comment_section(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "3 Comments", COMMENT, ARTICLE[0].replace("committee", "board")))
    assert label_of(ext, out, "I read the whole report")[0] == "content"


def test_a_copy_that_a_forum_post_quotes_stays(cfg: Any) -> None:
    post = "And the hardest part of all is to wait for the right moment before you buy anything."
    ext, out = run_strip(cfg, "a.txt", text_of(ARTICLE[0], post, *ARTICLE[1:3], "Jane Doe wrote:", post,
                                              *ARTICLE[3:]))
    labels = [d["label"] for b, d in zip(ext["blocks"], out["decisions"]) if b["text"] == post]
    assert labels == ["content", "content"]


def test_a_line_repeated_right_after_itself_is_a_refrain_and_stays(cfg: Any) -> None:
    refrain = "And the river runs down to the sea tonight."
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:3], refrain, refrain, *ARTICLE[3:]))
    labels = [d["label"] for b, d in zip(ext["blocks"], out["decisions"]) if b["text"] == refrain]
    assert labels == ["content", "content"]
