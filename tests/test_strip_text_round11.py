"""Strip, issue 15 round 11, text dumps: repetition inside a page's sections and records.

- A listing's widget printed alike beside every record ("Rate this book") is not a record's text:
  ``strip.text.pattern_list`` does not take it along (``record_template_share``).
- A related-content section (customer reviews under a product) does not end at a long review:
  prose whose header repeats a short line printed before in the section ("Verified Purchase") is
  one more of its records, not the page's text going on (``related_record_reach``).
"""

from __future__ import annotations

from typing import Any

from pipeline.runner import DocContext
from pipeline.stages import extract, strip
from test_strip import PROSE, cfg, label_of, run_strip, text_of  # noqa: F401 - cfg is a fixture

CITIES = ("Leeds", "York", "Bath", "Derby", "Exeter", "Truro", "Ripon", "Wells")
MENU = ["Home", "Events", "Venues", "Sign in"]


def _run_with(cfg: Any, text: str, **params: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The strip stage on a text dump with these ``strip.text`` parameters changed."""
    section = cfg.section("strip")
    ctx = DocContext("a.txt", "a.txt", text.encode("utf-8"), "0")
    ctx.outputs["extract"] = extract.run(ctx, cfg.section("extract"))
    return ctx.outputs["extract"], strip.run(ctx, {**section, "text": {**section["text"], **params}})


def _records(widget: str) -> list[str]:
    return [line for n, city in enumerate(CITIES)
            for line in (f"Spring Garden Fair {city}", f"Flower show in {city}, United Kingdom, Europe", widget,
                         f"May {n + 1} 2026")]


def test_a_widget_printed_beside_every_record_is_not_taken_along(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*MENU, *_records("Rate this fair"), "About us"))
    assert label_of(ext, out, "Flower show in Derby") == ("content", "strip.text.pattern_list")
    assert label_of(ext, out, "Rate this fair")[0] == "boilerplate"


def test_a_one_word_line_beside_every_record_stays_with_the_records(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*MENU, *_records("Outdoor"), "About us"))
    assert label_of(ext, out, "Outdoor") == ("content", "strip.text.pattern_list")


def test_a_field_label_beside_every_record_stays_with_the_records(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*MENU, *_records("Opening hours:"), "About us"))
    assert label_of(ext, out, "Opening hours:") == ("content", "strip.text.pattern_list")


def test_the_widget_rule_can_be_turned_off(cfg: Any) -> None:
    ext, out = _run_with(cfg, text_of(*MENU, *_records("Rate this fair"), "About us"), record_template_share=0)
    assert label_of(ext, out, "Rate this fair") == ("content", "strip.text.pattern_list")


DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "holiday")
ARTICLE = [PROSE.replace("Tuesday", day) for day in DAYS]   # about 220 words of running text
SHORT_REVIEW = "The lamp arrived quickly and the light is warm enough to read by in the evening."
LONG_REVIEW = ("I have owned three reading lamps over the years and this one is the first that does not buzz, "
               "flicker or run hot after an hour of use on the desk in my study. ") * 5


def _reviews(long_text: str) -> list[str]:
    return ["Customer Reviews", "Sam K.", "Verified Purchase", SHORT_REVIEW, "Report",
            "Alex P.", "Verified Purchase", long_text, "Report"]


def test_a_long_review_under_the_same_header_is_still_a_review(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, *_reviews(LONG_REVIEW)))
    assert label_of(ext, out, "warm enough to read") == ("boilerplate", "strip.text.related_section")
    assert label_of(ext, out, "does not buzz") == ("boilerplate", "strip.text.related_section")


def test_the_article_going_on_after_a_box_of_links_is_still_text(cfg: Any) -> None:
    more = [p.replace("committee", "council") for p in ARTICLE]   # a long stretch of prose, no repeated header
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "Related posts", "Ten Garden Tips", "Our Best Compost",
                                               *more))
    assert label_of(ext, out, "council met on Sunday")[0] == "content"


def test_the_review_rule_can_be_turned_off(cfg: Any) -> None:
    ext, out = _run_with(cfg, text_of(*ARTICLE, *_reviews(LONG_REVIEW)), related_record_reach=0)
    assert label_of(ext, out, "does not buzz")[0] == "content"


SHOP = ["\n".join((name, f"${n + 40}.00", "Finish:", f"{wood} veneer", "* Add to Compare"))
        for n, (name, wood) in enumerate((("Oak Desk", "oak"), ("Pine Shelf", "pine"), ("Beech Stool", "beech"),
                                          ("Ash Table", "ash"), ("Elm Bench", "elm"), ("Birch Chair", "birch")))]


def test_a_shops_grid_that_is_the_page_is_its_text(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of("Furniture (6 products)", *SHOP, *ARTICLE[:2]))
    assert label_of(ext, out, "Beech Stool") == ("content", "strip.text.record_list")


def test_a_grid_of_other_products_under_a_longer_text_is_not_taken_along(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, *SHOP))
    assert label_of(ext, out, "Sunday")[0] == "content"
    assert label_of(ext, out, "Beech Stool")[1] != "strip.text.record_list"


def test_the_main_text_condition_on_grids_can_be_turned_off(cfg: Any) -> None:
    ext, out = _run_with(cfg, text_of(*ARTICLE, *SHOP), record_main_text=False)
    assert label_of(ext, out, "Beech Stool") == ("content", "strip.text.record_list")


def test_an_article_going_on_after_cards_with_a_repeated_label_is_still_text(cfg: Any) -> None:
    more = [p.replace("committee", "council") for p in ARTICLE]
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "Related posts", "Gardening\nTen Garden Tips",
                                               "Gardening\nOur Best Compost", *more))
    assert label_of(ext, out, "council met on Sunday")[0] == "content"
