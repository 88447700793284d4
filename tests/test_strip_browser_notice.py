"""Strip: what a page's scripts print about the browser or about their own errors is furniture;
a sentence about JavaScript in a programming text is not. A line set off by an arrow is a link.
Text dumps: the footer links run together after the body are not its closing heading."""

from __future__ import annotations

from typing import Any

from test_strip import PROSE, cfg, label_of, page, run_strip, text_of  # noqa: F401 - cfg is a fixture

ARTICLE = [PROSE.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")]


def test_a_javascript_disabled_notice_is_boilerplate(cfg: Any) -> None:
    line = "JavaScript is disabled. For a better experience, please enable JavaScript in your browser before proceeding."
    ext, out = run_strip(cfg, "a.txt", page(line))
    assert label_of(ext, out, "JavaScript is disabled") == ("boilerplate", "strip.browser_notice")


def test_an_unsupported_browser_notice_is_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", page("IE 11 is not supported. For an optimal experience visit our site on another browser."))
    assert label_of(ext, out, "IE 11") == ("boilerplate", "strip.browser_notice")


def test_a_scripts_error_message_is_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", page("There was an error retrieving your Wish Lists. Please try again."))
    assert label_of(ext, out, "Wish Lists") == ("boilerplate", "strip.browser_notice")


def test_a_sentence_about_javascript_in_a_tutorial_is_text(cfg: Any) -> None:
    line = "In this chapter we write our first JavaScript function and run it in the browser console to see what it returns."
    ext, out = run_strip(cfg, "a.txt", page(line))
    assert label_of(ext, out, "first JavaScript function")[0] == "content"


def test_footer_links_run_together_after_the_body_are_not_its_closing_heading(cfg: Any) -> None:
    links = "Privacy Policy Cookie Notice Terms of Use Do Not Sell My Personal Information"
    ext, out = run_strip(cfg, "a.txt", text_of("Home", *ARTICLE, links, "Contact", "Careers"))
    assert label_of(ext, out, "Cookie Notice")[0] == "boilerplate"


def test_a_forms_failure_message_is_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", page("Oops! Something went wrong while submitting the form."))
    assert label_of(ext, out, "submitting the form") == ("boilerplate", "strip.browser_notice")


def test_the_next_posts_title_set_off_by_an_arrow_is_a_link(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "← Trying Out A New Recipe: Sticky Ginger Bars",
                                                "The December Comfort Watches, Day Nineteen: The Big Short →"))
    assert label_of(ext, out, "Sticky Ginger") == ("boilerplate", "strip.arrow_link")
    assert label_of(ext, out, "The Big Short") == ("boilerplate", "strip.arrow_link")


def test_an_arrow_inside_a_line_of_text_is_not_a_link(cfg: Any) -> None:
    line = "The conversion runs in two steps, text → tokens and tokens → trees, and each step can be tested alone."
    ext, out = run_strip(cfg, "a.txt", page(line))
    assert label_of(ext, out, "each step can be tested")[0] == "content"
