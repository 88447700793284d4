"""Strip, text dumps: runs inside the body that are not prose but are the text's own (text_blocks.py):
a code example (strip.text.body_code) and a list of quantities (strip.text.quantity_list), each with
the short heading over it."""

from __future__ import annotations

from typing import Any

from test_strip import PROSE, cfg, label_of, run_strip, text_of  # noqa: F401 - cfg is a fixture

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday")
BEFORE = [PROSE.replace("Tuesday", d) for d in DAYS]
AFTER = [PROSE.replace("Tuesday", d).replace("committee", "board") for d in DAYS]


def test_a_code_example_inside_the_body_is_kept_with_its_heading(cfg: Any) -> None:
    code = "\n".join(["Example", "def area(width, height):", "    result = width * height", "    return result"])
    ext, out = run_strip(cfg, "a.txt", text_of(*BEFORE, code, *AFTER))
    assert label_of(ext, out, "def area") == ("content", "strip.text.body_code")
    assert label_of(ext, out, "return result") == ("content", "strip.text.body_code")
    assert label_of(ext, out, "Example") == ("content", "strip.text.body_code")


def test_a_single_code_shaped_line_is_not_a_code_run(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*BEFORE, "Basket (0)\nitems = 0\nHome", *AFTER))
    assert label_of(ext, out, "items = 0")[1] != "strip.text.body_code"


def test_menu_entries_with_counts_are_not_code(cfg: Any) -> None:
    # longer than the gap a signature may fill between two prose lines (text.max_gap)
    menu = "\n".join(["Archives", *(f"{m} 2024 ({n})" for m, n in (("July", 2), ("June", 5), ("May", 1), ("April", 4),
                                                                 ("March", 6), ("February", 3), ("January", 9)))])
    ext, out = run_strip(cfg, "a.txt", text_of(*BEFORE, menu, *AFTER))
    assert label_of(ext, out, "May 2024") == ("boilerplate", "strip.text.detached_line")


def test_a_list_of_quantities_inside_the_body_is_kept_with_its_heading(cfg: Any) -> None:
    items = "\n".join(["Ingredients", "* 2 large eggs", "* 100 g plain flour", "* 1 pinch of salt", "* Butter for the pan"])
    ext, out = run_strip(cfg, "a.txt", text_of(*BEFORE, items, *AFTER))
    assert label_of(ext, out, "2 large eggs") == ("content", "strip.text.quantity_list")
    assert label_of(ext, out, "Butter for the pan") == ("content", "strip.text.quantity_list")
    assert label_of(ext, out, "Ingredients") == ("content", "strip.text.quantity_list")


def test_a_menu_of_names_inside_the_body_is_not_a_quantity_list(cfg: Any) -> None:
    menu = "\n".join(["* Home", "* 3D Printers", "* Laptops", "* Phones", "* 4K Monitors", "* Cameras", "* 2 for 1 Deals"])
    ext, out = run_strip(cfg, "a.txt", text_of(*BEFORE, menu, *AFTER))
    assert label_of(ext, out, "Laptops") == ("boilerplate", "strip.text.detached_line")


TITLES = ["Ten Ways to Keep Your Garden Green in Winter", "The Best Compost Bins We Tested This Year",
          "Why Your Tomatoes Split and How to Stop It"]


def test_a_run_of_title_case_headlines_after_the_text_is_a_list_of_other_pages(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*BEFORE, "\n".join(["Most Popular", *TITLES, "Start your project today"]),
                                               *AFTER))
    assert label_of(ext, out, "Compost Bins") == ("boilerplate", "strip.text.title_run")


def test_title_case_lines_that_run_into_a_paragraph_head_it(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*BEFORE, "\n".join(TITLES) + "\n" + AFTER[0], *AFTER[1:]))
    assert label_of(ext, out, "Compost Bins")[0] == "content"


def test_two_title_case_lines_are_not_a_title_run(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*BEFORE, "\n".join([*TITLES[:2], "Start your project today"]), *AFTER))
    assert label_of(ext, out, "Compost Bins")[1] != "strip.text.title_run"
