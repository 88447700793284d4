"""Strip, text dumps: lists at the edge of the body. A body that ends in a bulleted list keeps
the rest of that list, and a short heading over more phrase items right under it (a product's
features, its details) is the text too; a body line ending with a colon announces the
short lines under it; a menu's capitalised entries after the body are not."""

from __future__ import annotations

from typing import Any

from pipeline.stages.strip import text_lists
from test_strip import PROSE, cfg, label_of, run_strip, text_of  # noqa: F401 - cfg is a fixture

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
ARTICLE = [PROSE.replace("Tuesday", day) for day in DAYS]
FEATURES = ["* Lighter, more breathable engineered mesh upper", "* Reflective details on the heel",
            "* Weight: 297 g"]


def test_a_heading_over_phrase_items_right_after_the_body_is_text(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "Product Details", *FEATURES))
    assert label_of(ext, out, "Product Details") == ("content", "strip.text.list_tail")
    assert label_of(ext, out, "Reflective details") == ("content", "strip.text.list_tail")
    assert label_of(ext, out, "Weight: 297") == ("content", "strip.text.list_tail")


def test_menu_entries_after_the_body_are_not_a_list_tail(cfg: Any) -> None:
    menu = ["* New & Featured", "* Best Sellers", "* Shop by Color", "* Gift Cards"]
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "Shop", *menu))
    assert label_of(ext, out, "Best Sellers")[0] == "boilerplate"


def test_a_list_the_body_ends_in_goes_on_to_its_last_item(cfg: Any) -> None:
    items = [f"* The {n} fan blades are scaled up for more airflow" for n in ("first", "second", "third")]
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, *items, "* Digital power control with high current stages"))
    assert label_of(ext, out, "Digital power control")[0] == "content"


def test_a_list_tail_stops_at_a_line_another_rule_removed(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "Details", FEATURES[0], "Add to cart", FEATURES[1], FEATURES[2]))
    assert label_of(ext, out, "Reflective details")[0] == "boilerplate"


def test_the_short_lines_under_a_body_line_ending_with_a_colon_are_its_list(cfg: Any) -> None:
    texts = ["The self-hosted edition runs in your network, and these features come with it:",
             "App and data source environments", "Community support", "Public and private apps",
             "Ask us about anything you need."]
    idx = list(range(len(texts)))
    n_words = {i: len(t.split()) for i, t in enumerate(texts)}
    assert text_lists.tail(texts, idx, 0, n_words, cfg.section("strip")["text"]) == [1, 2, 3]
