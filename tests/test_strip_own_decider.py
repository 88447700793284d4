"""The own main-text decision for HTML pages (``strip.html.decider: own``), on made-up pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline.config import load_config
from pipeline.runner import DocContext
from pipeline.stages import extract, strip
from pipeline.stages.strip import html_decide
from pipeline.stages.strip import html_page as strip_html

ROOT = Path(__file__).resolve().parent.parent

P1 = ("The committee met on Tuesday and agreed that the new report, which had been delayed for months, "
      "should be published in full before the end of the year, so that all of the members could read it "
      "and say what they thought of it at the next meeting.")
P2 = ("It was the first time in a decade that the members had agreed on anything, and several of them said "
      "that they were surprised by how quickly the discussion had come to an end on that afternoon, when "
      "most of them had expected it to go on into the evening.")


@pytest.fixture(scope="module")
def cfg() -> Any:
    return load_config(ROOT / "config" / "pipeline.yaml")


def run_own(cfg: Any, body: str, body_attrs: str = "", **own: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    page = f"<!doctype html><html><head><title>t</title></head><body{body_attrs}>{body}</body></html>"
    ctx = DocContext("a.html", "a.html", page.encode("utf-8"), "0")
    ctx.outputs["extract"] = extract.run(ctx, cfg.section("extract"))
    section = cfg.section("strip")
    html_cfg = {**section["html"], "decider": "own", "own": {**section["html"]["own"], **own}}
    return ctx.outputs["extract"], strip.run(ctx, {**section, "html": html_cfg})


def label_of(ext: dict[str, Any], out: dict[str, Any], needle: str) -> tuple[str, str]:
    for b, d in zip(ext["blocks"], out["decisions"]):
        if needle in b["text"]:
            return d["label"], d["rule"]
    raise AssertionError(f"no block with {needle!r}")


ARTICLE = (f"<nav><ul><li><a href='/'>Home</a></li><li><a href='/a'>Archive</a></li></ul></nav>"
           f"<main><h1>The annual report</h1><p>{P1}</p><p>Short line.</p><p>{P2}</p></main>"
           f"<footer><p><a href='/t'>Terms</a> <a href='/p'>Privacy</a></p></footer>")


def test_running_text_is_kept_as_good(cfg: Any) -> None:
    ext, out = run_own(cfg, ARTICLE)
    assert label_of(ext, out, "Tuesday") == ("content", html_decide.OWN_GOOD)


def test_navigation_and_footer_are_left_out(cfg: Any) -> None:
    ext, out = run_own(cfg, ARTICLE)
    assert label_of(ext, out, "Archive")[0] == "boilerplate"
    assert label_of(ext, out, "Privacy")[0] == "boilerplate"


def test_a_short_block_between_running_text_is_kept(cfg: Any) -> None:
    ext, out = run_own(cfg, ARTICLE)
    assert label_of(ext, out, "Short line.")[0] == "content"


def test_a_heading_over_running_text_is_kept(cfg: Any) -> None:
    ext, out = run_own(cfg, ARTICLE)
    assert label_of(ext, out, "The annual report") in {("content", html_decide.OWN_HEADING),
                                                      ("content", strip_html.HTML_HEADING_OF_CONTENT)}


def test_the_own_decider_does_not_call_trafilatura(cfg: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("trafilatura called")

    monkeypatch.setattr(strip_html, "trafilatura_text", refuse)
    ext, out = run_own(cfg, ARTICLE)
    assert label_of(ext, out, "Tuesday")[0] == "content"


def test_a_block_under_a_sidebar_is_furniture(cfg: Any) -> None:
    body = f"<main><p>{P1}</p><p>{P2}</p></main><div class='sidebar'><p>{P2.replace('decade', 'century')}</p></div>"
    ext, out = run_own(cfg, body)
    assert label_of(ext, out, "century") == ("boilerplate", html_decide.OWN_FURNITURE)


def test_a_furniture_token_that_wraps_the_page_is_no_furniture(cfg: Any) -> None:
    ext, out = run_own(cfg, f"<main><p>{P1}</p><p>{P2}</p></main>", body_attrs=" class='has-sidebar'")
    assert label_of(ext, out, "Tuesday")[0] == "content"


def test_comments_under_an_article_are_left_out(cfg: Any) -> None:
    comment = P2.replace("decade", "lifetime")
    body = f"<article><p>{P1}</p><p>{P2}</p></article><ol class='comment-list'><li><p>{comment}</p></li></ol>"
    ext, out = run_own(cfg, body)
    assert label_of(ext, out, "lifetime") == ("boilerplate", html_decide.OWN_COMMENTS)


def test_a_thread_made_only_of_comments_is_kept(cfg: Any) -> None:
    body = f"<div class='comments'><p>{P1}</p><p>{P2}</p></div>"
    ext, out = run_own(cfg, body)
    assert label_of(ext, out, "Tuesday")[0] == "content"


def test_running_text_outside_the_element_of_the_main_text_is_left_out(cfg: Any) -> None:
    teaser = P2.replace("decade", "fortnight")
    article = "".join(f"<p>{P1.replace('Tuesday', day)}</p><p>{P2}</p>" for day in ("Monday", "Friday", "Sunday", "May", "June"))
    body = (f"<div class='entry'>{article}</div>"
            f"<div class='related'><div class='card'><p>{teaser}</p></div></div>")
    ext, _ = run_own(cfg, body)
    texts = [b["text"] for b in ext["blocks"]]
    kept, rules = html_decide.decide(ext["blocks"], texts, [("content", "")] * len(texts), cfg.section("strip")["html"]["own"])
    teaser = next(i for i, t in enumerate(texts) if "fortnight" in t)
    assert (kept[teaser], rules[teaser]) == (False, html_decide.OWN_OUTSIDE) and kept[0]


def test_short_text_inside_the_element_of_the_main_text_is_kept_before_the_first_paragraph(cfg: Any) -> None:
    body = (f"<div class='menu-x'><p><a href='/'>Home</a></p></div>"
            f"<div class='entry'><p>Schedule</p><p>September 10, room 217</p><p>{P1}</p><p>{P2}</p></div>"
            f"<div class='other'><p>Call us today</p></div>")
    ext, out = run_own(cfg, body)
    assert label_of(ext, out, "September 10") == ("content", html_decide.OWN_REGION)
    assert label_of(ext, out, "Call us")[0] == "boilerplate"


def test_a_list_of_links_inside_the_element_of_the_main_text_is_kept(cfg: Any) -> None:
    parts = "".join(f"<li><p><a href='/part{i}'>Part {i} of the series</a></p></li>" for i in range(4))
    menu = "".join(f"<li><a href='/m{i}'>Menu {i}</a></li>" for i in range(4))
    body = f"<div class='menu-x'><ul>{menu}</ul></div><div class='entry'><p>{P1}</p><ul>{parts}</ul><p>{P2}</p></div>"
    ext, out = run_own(cfg, body)
    assert label_of(ext, out, "Part 2 of") == ("content", html_decide.OWN_REGION)
    assert label_of(ext, out, "Menu 2")[0] == "boilerplate"


def test_an_author_box_is_furniture(cfg: Any) -> None:
    bio = P2.replace("decade", "career")
    body = f"<article><p>{P1}</p><p>{P2}</p><div class='author-box'><p>{bio}</p></div></article>"
    ext, out = run_own(cfg, body)
    assert label_of(ext, out, "career") == ("boilerplate", html_decide.OWN_FURNITURE)


def test_a_listing_of_title_links_with_text_beside_them_is_main_text(cfg: Any) -> None:
    rows = "".join(f"<tr><td><a href='/b{i}'>Book title {i}</a></td><td>by Author {i}, rated {i}.5 by many readers</td></tr>"
                   for i in range(8))
    menu = "".join(f"<li><a href='/m{i}'>Menu {i}</a></li>" for i in range(8))
    body = f"<ul class='links'>{menu}</ul><p>{P1}</p><table>{rows}</table>"
    ext, out = run_own(cfg, body)
    assert label_of(ext, out, "Book title 3") == ("content", html_decide.OWN_RECORDS)
    assert label_of(ext, out, "Menu 3")[0] == "boilerplate"


BLURB = "a novel about a family that moves to the coast and finds an old boat in the dunes"


def test_a_records_text_printed_in_every_record_is_the_layouts_chrome(cfg: Any) -> None:
    rows = "".join(f"<div class='rec'><h3><a href='/b{i}'>Book title {i}</a></h3><div>by Author {i}, {BLURB}</div>"
                   f"<div>Rate this book</div><div>Weight capacity:</div></div>" for i in range(10))
    ext, out = run_own(cfg, f"<div class='intro'><p>{P1}</p><p>{P2}</p></div><div class='list'>{rows}</div>")
    assert label_of(ext, out, "Author 3") == ("content", html_decide.OWN_RECORDS)
    assert label_of(ext, out, "Rate this book")[0] == "boilerplate"
    assert label_of(ext, out, "Weight capacity")[0] == "content"


def test_a_line_of_tag_links_beside_a_records_title_is_left_out(cfg: Any) -> None:
    tags = " ".join(f"<a href='/t{k}'>topic{k}</a>" for k in "abcdefg")
    rows = "".join(f"<div class='rec'><h3><a href='/b{i}'>Book title {i}</a></h3><div>by Author {i}, {BLURB}</div>"
                   + (f"<div class='tags'>{tags}</div>" if i % 4 == 0 else "") + "</div>" for i in range(10))
    ext, out = run_own(cfg, f"<div class='intro'><p>{P1}</p><p>{P2}</p></div><div class='list'>{rows}</div>")
    assert label_of(ext, out, "Author 3") == ("content", html_decide.OWN_RECORDS)
    assert label_of(ext, out, "topica")[0] == "boilerplate"


def test_records_printed_again_further_down_are_a_copy(cfg: Any) -> None:
    def rows(layout: str) -> str:
        return "".join(f"<div class='{layout}'><h3><a href='/b{i}'>Book title {i}</a></h3><div>by Author {i}, {layout}, {BLURB}</div></div>"
                       for i in range(10))
    body = f"<div class='intro'><p>{P1}</p><p>{P2}</p></div><div class='grid'>{rows('grid')}</div><div class='more'>{rows('carousel')}</div>"
    ext, out = run_own(cfg, body)
    assert label_of(ext, out, "Author 3, grid") == ("content", html_decide.OWN_RECORDS)
    assert label_of(ext, out, "Author 3, carousel")[0] == "boilerplate"


def test_a_page_without_running_text_keeps_all_but_links(cfg: Any) -> None:
    body = ("<nav><a href='/'>Home</a></nav><h1>Red kettle</h1><p>Capacity: 1.7 litres</p><p>Colour: red</p>"
            "<p><a href='/cart'>Add to cart</a></p>")
    ext, out = run_own(cfg, body)
    assert label_of(ext, out, "Capacity") == ("content", html_decide.OWN_WHOLE_PAGE)
    assert label_of(ext, out, "Add to cart")[0] == "boilerplate"


def test_a_run_of_list_items_that_reads_as_prose_is_running_text(cfg: Any) -> None:
    items = "".join(f"<li>{s.strip()}.</li>" for s in (P1 + " " + P2).split(","))
    body = f"<main><p>{P1}</p><p>{P2}</p><ul>{items}</ul></main><div><p>{P2.replace('decade', 'year')}</p></div>"
    ext, out = run_own(cfg, body)
    assert label_of(ext, out, "so that all")[0] == "content"


def test_a_page_in_a_language_without_a_list_is_read_by_length_and_links(cfg: Any) -> None:
    made_up = " ".join(["kalo vemu tirasa nopelu"] * 20)
    ext, out = run_own(cfg, f"<p><a href='/x'>Kotu</a></p><p>{made_up}</p>")
    assert label_of(ext, out, "kalo vemu")[0] == "content"
    assert label_of(ext, out, "Kotu")[0] == "boilerplate"


def test_the_page_language_is_the_stop_word_list_covering_most_words() -> None:
    lexicon = {"english": ["the", "and", "of"], "german": ["der", "und", "die"]}
    words = [["der", "hund", "und", "die", "katze"], ["the"]]
    assert html_decide.page_stopwords(words, lexicon, 0.1) == frozenset({"der", "und", "die"})
    assert html_decide.page_stopwords([["kalo", "vemu"]], lexicon, 0.1) is None


def test_a_page_of_thousands_of_short_blocks_is_decided_in_linear_time(cfg: Any) -> None:
    import time

    body = f"<p>{P1}</p>" + "".join(f"<p>Item {i}</p>" for i in range(20000)) + f"<p>{P2}</p>"
    t0 = time.perf_counter()
    ext, out = run_own(cfg, body)
    assert time.perf_counter() - t0 < 60
    assert label_of(ext, out, "Tuesday")[0] == "content"
