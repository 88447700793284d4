"""Strip, text dumps: specifications, code and tables inside a page's text. A line of fields set
apart by bars is a specification, not a menu; identifiers glued in code are not links run
together; a table's rows do not cut the body in two; a Q&A page's answer form closes the thread."""

from __future__ import annotations

from typing import Any

from test_strip import PROSE, cfg, label_of, page, run_strip, text_of  # noqa: F401 - cfg is a fixture

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "holiday")
ARTICLE = [PROSE.replace("Tuesday", day) for day in DAYS]   # about 220 words of running text


def test_a_line_of_fields_set_apart_by_bars_is_a_specification(cfg: Any) -> None:
    spec = "CPU: Octa-core 2.4 GHz | RAM: 16GB | Storage: 512GB SSD | Weight: 1.3 kg"
    ext, out = run_strip(cfg, "a.txt", page(spec))
    assert label_of(ext, out, "Storage: 512GB")[1] != "strip.text.link_like_line"


def test_menu_entries_set_apart_by_bars_are_still_a_menu(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", page("Shop | Support: Help Centre | Careers | Press"))
    assert label_of(ext, out, "Careers") == ("boilerplate", "strip.text.link_like_line")


def test_a_code_line_with_glued_identifiers_is_not_a_menu(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", page("loadUserData(userId).then(showProfile, logError);"))
    assert label_of(ext, out, "loadUserData")[1] != "strip.text.link_like_line"


def test_a_price_table_between_the_texts_paragraphs_keeps_the_body_whole(cfg: Any) -> None:
    rows = [f"{n} training sessions          Member: ${n * 30}" for n in range(2, 26, 2)]
    ext, out = run_strip(cfg, "a.txt", text_of("Home", "Shop", *ARTICLE[:3], *rows, ARTICLE[3]))
    assert label_of(ext, out, "20 training sessions")[0] == "content"
    assert label_of(ext, out, "Thursday")[0] == "content"


def test_the_answer_form_after_a_thread_is_boilerplate(cfg: Any) -> None:
    form = "Thanks for contributing an answer to the forum! Please be sure to answer the question asked."
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "Your Answer", form))
    assert label_of(ext, out, "Sunday")[0] == "content"
    assert label_of(ext, out, "Thanks for contributing") == ("boilerplate", "strip.text.related_section")


FOOTER = [f"* {word} {n}" for n in range(3) for word in ("Shop", "Press", "Stores", "Gifts", "Jobs", "Events", "Maps")]


def test_a_short_call_to_action_below_the_body_is_boilerplate(cfg: Any) -> None:
    cta = "Sign up today and we will send you our best offers every week."
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, *FOOTER, cta))
    assert label_of(ext, out, "best offers") == ("boilerplate", "strip.text.outside_body")


def test_a_long_prose_line_below_the_body_stays(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, *FOOTER, " ".join(ARTICLE[:2]).replace("committee", "board")))
    assert label_of(ext, out, "board met")[0] == "content"


def test_a_line_of_dialogue_below_the_body_stays(cfg: Any) -> None:
    line = "“We will meet again when the river is high,” she said to him."
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, *FOOTER, line))
    assert label_of(ext, out, "river is high")[0] == "content"


def test_a_short_prose_line_above_the_body_stays(cfg: Any) -> None:
    intro = "Sign up today and we will send you our best offers every week."
    ext, out = run_strip(cfg, "a.txt", text_of(intro, *FOOTER, *ARTICLE))
    assert label_of(ext, out, "best offers") == ("content", "strip.text.prose_line")
    assert label_of(ext, out, "Gifts 1")[0] == "boilerplate"


def test_customer_reviews_under_a_products_text_are_boilerplate(cfg: Any) -> None:
    review = "I bought two of these for my garden and they have held up through a whole wet winter."
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "Customer Reviews", "Sam K.", review))
    assert label_of(ext, out, "Sunday")[0] == "content"
    assert label_of(ext, out, "wet winter") == ("boilerplate", "strip.text.related_section")


def test_suggested_topics_under_a_thread_are_boilerplate(cfg: Any) -> None:
    teaser = "Has anyone managed to keep their roses alive through a long and very wet winter?"
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "Suggested Topics", teaser))
    assert label_of(ext, out, "roses alive") == ("boilerplate", "strip.text.related_section")


def test_a_posts_counters_and_initial_are_chrome(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:4], "J", "828 Views", *ARTICLE[4:]))
    assert label_of(ext, out, "828 Views") == ("boilerplate", "strip.text.counter_line")
    assert label_of(ext, out, "J") == ("boilerplate", "strip.text.counter_line")


def test_a_bare_number_between_posts_is_a_counter(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:4], "516", *ARTICLE[4:]))
    assert label_of(ext, out, "516") == ("boilerplate", "strip.text.counter_line")


def test_a_post_number_is_left_to_the_body_rules(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:4], "#4", *ARTICLE[4:]))
    assert label_of(ext, out, "#4")[1] != "strip.text.counter_line"


def test_a_short_line_that_names_a_count_and_more_stays(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:4], "12 views of the harbour", *ARTICLE[4:]))
    assert label_of(ext, out, "views of the harbour")[1] != "strip.text.counter_line"


def test_more_articles_from_the_site_under_the_article_are_boilerplate(cfg: Any) -> None:
    teaser = "How the committee plans to publish its next report in full before the summer."
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "More articles from us", teaser))
    assert label_of(ext, out, "next report in full") == ("boilerplate", "strip.text.related_section")


SHEET = ["Title: Harbour Lights", "Genre: Strategy, Simulation", "Developer: North Quay Studio",
         "Publisher: North Quay Studio", "Release Date: 5 Nov, 2020"]
MINIMUM = ["+ OS: 64-bit Windows 10", "+ Memory: 8 GB RAM", "+ Storage: 75 GB available space",
           "+ Network: Broadband Internet connection"]


def test_a_run_of_label_and_value_lines_outside_the_prose_is_a_data_sheet(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of("Home", "Store", "\n".join(SHEET), "Wishlist", *ARTICLE[:3]))
    assert label_of(ext, out, "Developer: North Quay") == ("content", "strip.text.field_run")
    assert label_of(ext, out, "Wishlist")[0] == "boilerplate"


def test_a_second_table_with_the_same_labels_is_not_a_menu_printed_twice(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:3], "\n".join(["Minimum:", *MINIMUM, "Recommended:",
                                               *[m.replace("8 GB", "16 GB") for m in MINIMUM]]), *ARTICLE[3:5]))
    blocks = [d for b, d in zip(ext["blocks"], out["decisions"]) if "Storage: 75 GB" in b["text"]]
    assert [d["label"] for d in blocks] == ["content", "content"]


def test_filter_lines_under_one_label_are_not_a_data_sheet(cfg: Any) -> None:
    filters = [f"* {c} Refine by Color: {c}" for c in ("Black", "Blue", "Green", "Grey", "Red")]
    ext, out = run_strip(cfg, "a.txt", text_of("Home", "\n".join(filters), *ARTICLE[:3]))
    assert label_of(ext, out, "Refine by Color: Green")[0] == "boilerplate"


def test_two_field_lines_are_not_a_data_sheet(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of("Home", "Phone: 0123 456 789\nEmail: info@example.org",
                                               "Sign in", *ARTICLE[:3]))
    assert label_of(ext, out, "Phone: 0123")[0] == "boilerplate"


def test_a_run_of_two_cell_table_rows_outside_the_prose_is_a_data_sheet(cfg: Any) -> None:
    rows = "\n".join(["Brand          Harbour", "Material       Steel", "Item weight    0.1 Pounds",
                      "Dimensions     2.4 x 2.2 x 3.1 cm"])
    ext, out = run_strip(cfg, "a.txt", text_of("Home", "Store", rows, "Wishlist", *ARTICLE[:3]))
    assert label_of(ext, out, "Item weight") == ("content", "strip.text.field_run")


def test_a_matrix_of_check_marks_is_not_a_data_sheet(cfg: Any) -> None:
    rows = "\n".join(["English    ✔    ✔", "French     ✔    ✔", "Italian    ✔    ✔", "German     ✔    ✔"])
    ext, out = run_strip(cfg, "a.txt", text_of("Home", "Store", rows, "Wishlist", *ARTICLE[:3]))
    assert label_of(ext, out, "Italian")[1] != "strip.text.field_run"


def test_the_same_fields_printed_under_every_post_are_not_a_data_sheet(cfg: Any) -> None:
    posts = []
    for name, joined in (("harbourfan", "Aug 2008"), ("quaywalker", "Mar 2009"), ("harbourfan", "Aug 2008")):
        posts += [f"{name}\nJoin Date: {joined}\nLocation: Quayside\nPosts: 1,077", ARTICLE[len(posts) // 2]]
    ext, out = run_strip(cfg, "a.txt", text_of(*posts, *ARTICLE[3:5]))
    assert label_of(ext, out, "Join Date: Mar 2009")[1] != "strip.text.field_run"


def test_a_measurement_with_many_numbers_does_not_break_a_data_sheet(cfg: Any) -> None:
    rows = ["Driver Material     Polymer", "Bit Metal           S2 Steel",
            'Dimensions          4.9" x 3.1" x .9" / 12.4 x 7.8 x 2.2 cm', "Part Number         IF145-475-1"]
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "Specifications", "\n".join(rows), "Reviews", *ARTICLE[:2]))
    assert label_of(ext, out, "Dimensions") == ("content", "strip.text.field_run")
    assert label_of(ext, out, "Part Number") == ("content", "strip.text.field_run")
