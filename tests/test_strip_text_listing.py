"""Strip, text dumps: a listing page's records (strip.text.pattern_list). Records laid out alike,
one line of each starting the same way at a regular distance, are a listing's text when they
outweigh the page's other prose and the body rules did not find them already."""

from __future__ import annotations

from typing import Any

from test_strip import PROSE, cfg, label_of, run_strip, text_of  # noqa: F401 - cfg is a fixture

CITIES = ("Leeds", "York", "Bath", "Derby", "Exeter", "Truro", "Ripon", "Wells")
RECORDS = [line for n, city in enumerate(CITIES)
           for line in (f"Spring Garden Fair {city}", f"Flower show in {city}, United Kingdom, Europe", f"May {n + 1} 2026")]
MENU = ["Home", "Events", "Venues", "Sign in"]


def test_records_laid_out_alike_are_a_listings_text(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*MENU, *RECORDS, "About us", "Contact"))
    assert label_of(ext, out, "Flower show in Derby") == ("content", "strip.text.pattern_list")
    assert label_of(ext, out, "Spring Garden Fair Exeter")[0] == "content"


def test_a_menu_beside_the_records_is_not_taken_along(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*MENU, *RECORDS, "About us", "Contact"))
    assert label_of(ext, out, "Venues")[0] == "boilerplate"


def test_records_under_a_longer_article_are_left_to_the_other_rules(cfg: Any) -> None:
    article = [PROSE.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Wednesday", "Thursday",
                                                         "Friday", "Saturday", "Sunday")] * 2
    ext, out = run_strip(cfg, "a.txt", text_of(*article, *RECORDS))
    assert label_of(ext, out, "Flower show in Derby")[1] != "strip.text.pattern_list"


def test_the_same_button_under_every_record_is_not_a_record_line(cfg: Any) -> None:
    cards = [line for city in CITIES for line in (f"Fair {city}", "Add to calendar now")]
    ext, out = run_strip(cfg, "a.txt", text_of(*MENU, *cards))
    assert label_of(ext, out, "Add to calendar now")[1] != "strip.text.pattern_list"


def test_chrome_repeated_over_posts_the_body_kept_stays_chrome(cfg: Any) -> None:
    posts = [line for n, city in enumerate(CITIES)
             for line in (f"{n * 7 + 3} posts · Joined 20{n + 10}", PROSE.replace("Tuesday", city))]
    ext, out = run_strip(cfg, "a.txt", text_of(*MENU, *posts))
    assert label_of(ext, out, "Wells")[0] == "content"
    assert label_of(ext, out, "24 posts · Joined 2013")[1] != "strip.text.pattern_list"
