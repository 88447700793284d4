"""Strip, text dumps round 3: menu links run together on one line, the footer after a closing
copyright notice, and paragraph lines that only follow a finished sentence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline.config import load_config

from test_strip import PROSE, label_of, page, run_strip

ROOT = Path(__file__).resolve().parent.parent
PROSE2 = PROSE.replace("Tuesday", "Friday")
PROSE3 = PROSE.replace("Tuesday", "Monday")


@pytest.fixture(scope="module")
def cfg() -> Any:
    return load_config(ROOT / "config" / "pipeline.yaml")


def test_a_line_of_links_separated_by_bars_is_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", page("Reports | Archive | Contributors | Events"))
    assert label_of(ext, out, "Contributors") == ("boilerplate", "strip.text.link_like_line")


def test_a_line_with_one_bar_stays(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", page("By the editors | 3 March 1992"))
    assert label_of(ext, out, "By the editors")[0] == "content"


def test_a_short_line_of_glued_links_is_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", page("ArchiveContributorsEventsNewsletter"))
    assert label_of(ext, out, "ArchiveContributors") == ("boilerplate", "strip.text.link_like_line")


def test_glued_words_in_a_prose_line_do_not_make_it_a_menu(cfg: Any) -> None:
    line = "The team said that JavaScript, TypeScript and WebAssembly were all used in the new version of the site."
    ext, out = run_strip(cfg, "a.txt", page(line))
    assert label_of(ext, out, "WebAssembly")[0] == "content"


def test_lines_after_a_closing_copyright_notice_are_footer(cfg: Any) -> None:
    text = "\n\n".join([PROSE, PROSE2, PROSE3, PROSE, PROSE2, "© 2011 The Committee", "Careers",
                        PROSE.replace("Tuesday", "Sunday")]) + "\n"
    ext, out = run_strip(cfg, "a.txt", text)
    assert label_of(ext, out, "Sunday") == ("boilerplate", "strip.text.after_copyright")


def test_the_body_s_prose_going_on_after_a_copyright_notice_is_not_a_footer(cfg: Any) -> None:
    # an article reproduced with its notice, then the host's own paragraphs (issue 13)
    text = "\n\n".join([PROSE, PROSE2, PROSE3, PROSE, PROSE2, "(c) 2016 Dunmore Times", "Compost",
                        PROSE.replace("Tuesday", "Sunday"), PROSE.replace("Tuesday", "Saturday"),
                        PROSE.replace("Tuesday", "Thursday")]) + "\n"
    ext, out = run_strip(cfg, "a.txt", text)
    assert label_of(ext, out, "Sunday")[0] == "content"
    assert label_of(ext, out, "Dunmore") == ("boilerplate", "strip.copyright_line")


def test_a_copyright_notice_after_the_site_s_links_opens_the_footer_whatever_prose_follows(cfg: Any) -> None:
    text = "\n\n".join([PROSE, PROSE2, PROSE3, PROSE, PROSE2, "Careers", "© 2026 www.example.com. All Rights Reserved.",
                        PROSE.replace("Tuesday", "Sunday"), PROSE.replace("Tuesday", "Saturday"),
                        PROSE.replace("Tuesday", "Thursday")]) + "\n"
    ext, out = run_strip(cfg, "a.txt", text)
    assert label_of(ext, out, "Sunday") == ("boilerplate", "strip.text.after_copyright")


def test_a_copyright_notice_early_in_the_page_does_not_open_a_footer(cfg: Any) -> None:
    text = "\n\n".join(["© 2011 The Committee", PROSE, PROSE2, PROSE3]) + "\n"
    ext, out = run_strip(cfg, "a.txt", text)
    assert label_of(ext, out, "Monday")[0] == "content"


MENU = ["Reports", "Archive", "Contributors", "Events", "Awards", "Prizes", "Members"]


def test_a_short_line_after_a_finished_sentence_in_the_same_paragraph_is_not_taken_along(cfg: Any) -> None:
    text = "\n\n".join([PROSE2, PROSE + "\nExplore the collection", "\n".join(MENU), PROSE3]) + "\n"
    ext, out = run_strip(cfg, "a.txt", text)
    assert label_of(ext, out, "Explore the collection") == ("boilerplate", "strip.text.detached_line")


def test_the_wrapped_end_of_a_prose_line_stays_with_it(cfg: Any) -> None:
    text = "\n\n".join([PROSE2, PROSE + " Then the members went\nhome to their families", "\n".join(MENU), PROSE3]) + "\n"
    ext, out = run_strip(cfg, "a.txt", text)
    assert label_of(ext, out, "home to their families") == ("content", "strip.text.attached_line")


COUNTRIES = ("Albania Algeria Andorra Angola Argentina Armenia Australia Austria Bahamas Bahrain Barbados Belarus "
             "Belgium Belize Benin Bhutan Bolivia Botswana Brazil Brunei Bulgaria Burundi Cambodia Cameroon Canada "
             "Chad Chile China Colombia Comoros Croatia Cuba Cyprus Denmark Djibouti Dominica Ecuador Egypt Eritrea "
             "Estonia Ethiopia Fiji Finland France Gabon Gambia Georgia Germany Ghana Greece Grenada Guatemala Guinea "
             "Guyana Haiti Honduras Hungary Iceland India St. Lucia St. Kitts Tonga Uganda")


def test_a_long_line_of_options_with_a_stray_full_stop_is_a_menu(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", page("Country: *Select a country " + COUNTRIES))
    assert label_of(ext, out, "Select a country") == ("boilerplate", "strip.text.link_like_line")


def test_a_long_sentence_of_names_set_apart_by_commas_stays(cfg: Any) -> None:
    names = ", ".join(" ".join(pair) for pair in zip(COUNTRIES.split()[::2], COUNTRIES.split()[1::2]))
    ext, out = run_strip(cfg, "a.txt", page("Special thanks to the people who made this possible: " + names + "."))
    assert label_of(ext, out, "Special thanks")[0] == "content"
