"""Strip, text dumps: what stays outside the page's body. A prose line stays there
(strip.text.prose_line), but a bulleted or numbered one is an entry of a menu, a list of links or
a carousel; a line of dialogue opened by a dash is a story's."""

from __future__ import annotations

from typing import Any

from test_strip import PROSE, cfg, label_of, run_strip, text_of  # noqa: F401 - cfg is a fixture

BODY = [PROSE.replace("Tuesday", d) for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")]
MENU = ["* Home", "* Guides", "* Reviews", "* Deals", "* Laptops", "* Phones", "* Cameras", "* Audio", "* Gaming",
        "* Smart Home", "* Outdoor", "* Kitchen", "* About", "* Contact"]
SIDEBAR = [f"* {t}" for t in ("Printers", "Monitors", "Tablets", "Routers", "Watches", "Speakers", "Drones", "Chargers",
                              "Cables", "Storage", "Software", "Careers", "Press", "Help")]


def test_a_prose_line_above_the_body_stays(cfg: Any) -> None:
    line = "Our editors test every product we recommend, and we pay for each one with our own money."
    ext, out = run_strip(cfg, "a.txt", text_of(*MENU, line, *SIDEBAR, *BODY))
    assert label_of(ext, out, "Our editors test") == ("content", "strip.text.prose_line")


def test_a_bulleted_headline_outside_the_body_is_a_menu_entry(cfg: Any) -> None:
    item = "* Standing Desk Buying Guide: How to Choose the Best Desk for Your Home Office."
    ext, out = run_strip(cfg, "a.txt", text_of(*MENU, item, *SIDEBAR, *BODY))
    assert label_of(ext, out, "Standing Desk") == ("boilerplate", "strip.text.outside_body")


def test_a_dialogue_line_opened_by_a_dash_outside_the_body_stays(cfg: Any) -> None:
    line = "– Where are you going so late in the evening, with the rain coming in? asked her brother."
    ext, out = run_strip(cfg, "a.txt", text_of(*BODY, *MENU, line, *SIDEBAR))
    assert label_of(ext, out, "Where are you going")[0] == "content"
