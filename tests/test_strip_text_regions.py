"""Strip, issue 15, text dumps: the regions around and inside a page's body. Cards that tease
other pages (a headline and a one-line blurb, again and again) beyond the article go; list items
that read as phrases and table rows inside the article stay."""

from __future__ import annotations

from typing import Any

from test_strip import PROSE, cfg, label_of, run_strip, text_of  # noqa: F401 - cfg is a fixture

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "holiday")
ARTICLE = [PROSE.replace("Tuesday", day) for day in DAYS]   # about 220 words of running text
CARDS = ["Ten Ways to Keep Your Garden Green in Winter",
         "Our gardener shares the habits that keep a lawn alive through frost.",
         "The Best Compost Bins We Tested This Year",
         "We filled twelve bins with kitchen scraps and waited for spring.",
         "Why Your Tomatoes Split and How to Stop It",
         "Too much water after a dry week is the usual cause of the damage."]


def test_cards_of_related_articles_after_the_article_are_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "Related posts", *CARDS))
    assert label_of(ext, out, "Sunday")[0] == "content"
    assert label_of(ext, out, "twelve bins") == ("boilerplate", "strip.text.teaser_list")
    assert label_of(ext, out, "Why Your Tomatoes Split") == ("boilerplate", "strip.text.teaser_list")


LONG = [" ".join([p] * 3) for p in ARTICLE[:4]]   # paragraphs too long to be a teaser's blurb


def test_cards_before_the_article_and_its_title_are_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*CARDS, "The Committee Publishes Its Report", *LONG))
    assert label_of(ext, out, "usual cause") == ("boilerplate", "strip.text.teaser_list")
    assert label_of(ext, out, "Monday")[0] == "content"


def test_cards_that_run_straight_into_the_articles_text_are_its_head(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*CARDS, *LONG))
    assert label_of(ext, out, "usual cause")[0] == "content"


def test_cards_between_the_articles_paragraphs_stay(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:4], *CARDS, *ARTICLE[4:]))
    assert label_of(ext, out, "twelve bins")[0] == "content"


def test_a_page_that_is_all_cards_keeps_them(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(ARTICLE[0], *CARDS))
    assert label_of(ext, out, "twelve bins")[0] == "content"


def test_two_cards_are_not_a_teaser_list(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, *CARDS[:4]))
    assert label_of(ext, out, "twelve bins")[1] != "strip.text.teaser_list"


def test_questions_over_their_answers_are_not_teaser_cards(cfg: Any) -> None:
    faq = ["How long does the course take?", "Most students finish the course within six weeks of study.",
           "Can I pay in instalments?", "You can pay the fee in three parts over the first term.",
           "Is there an exam at the end?", "There is a short written test on the last day of the course."]
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, *faq))
    assert label_of(ext, out, "three parts")[1] != "strip.text.teaser_list"


def test_a_list_item_that_reads_as_a_phrase_stays_inside_the_body(cfg: Any) -> None:
    items = "\n".join(f"* {t}" for t in ("Pros", "Battery lasts a full working day", "Screen is bright enough outdoors",
                                         "Keyboard has a pleasant travel", "Ports on both sides of the case",
                                         "Speakers are loud and clear", "Fan stays quiet under load"))
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:4], items, *ARTICLE[4:]))
    assert label_of(ext, out, "Keyboard has") == ("content", "strip.text.body_list_item")


def test_a_menu_entry_inside_the_body_is_still_furniture(cfg: Any) -> None:
    menu = "\n".join(f"* {t}" for t in ("Home", "Travel Guides", "Credit Cards", "Hotel Deals", "Airport Lounges",
                                        "Cruise Tips", "Rail Passes"))
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:4], menu, *ARTICLE[4:]))
    assert label_of(ext, out, "Travel Guides") == ("boilerplate", "strip.text.detached_line")


def test_a_table_row_inside_the_body_stays(cfg: Any) -> None:
    table = "\n".join(("Model      Weight    Price", "Basic      1.2 kg    $400", "Pro        1.4 kg    $650",
                       "Max        1.9 kg    $900", "Ultra      2.1 kg    $1200", "Mini       0.9 kg    $300",
                       "Lite       1.0 kg    $350"))
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:4], table, *ARTICLE[4:]))
    assert label_of(ext, out, "Pro        1.4") == ("content", "strip.text.body_table_row")


def test_what_follows_a_related_posts_heading_after_the_article_is_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "Related Posts", "How We Plan the Next Report",
                                              "The committee explains how the next report will be written and checked."))
    assert label_of(ext, out, "Sunday")[0] == "content"
    assert label_of(ext, out, "will be written and checked") == ("boilerplate", "strip.text.related_section")


def test_the_authors_box_after_the_article_is_boilerplate(cfg: Any) -> None:
    bio = "Jane Roe has covered local government for the paper since 2009 and lives in the city with her family."
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "About the author", bio))
    assert label_of(ext, out, "covered local government") == ("boilerplate", "strip.text.related_section")


def test_a_related_heading_before_the_article_opens_no_section(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of("Related Posts", *ARTICLE))
    assert label_of(ext, out, "Monday")[0] == "content"


def test_the_article_going_on_after_a_box_of_related_links_stays(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:6], "Related Articles", "How We Plan the Next Report",
                                              *ARTICLE[6:], *(a.replace("committee", "board") for a in ARTICLE[:4])))
    assert label_of(ext, out, "How We Plan") == ("boilerplate", "strip.text.related_section")
    assert label_of(ext, out, "board met on Monday")[0] == "content"


def test_a_related_entry_in_a_bulleted_menu_opens_no_section(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:6], "* Latest News\n* Events\n* Contact", *ARTICLE[6:]))
    assert label_of(ext, out, "Sunday")[0] == "content"


def test_a_calendar_row_is_not_a_table_row(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:4], "S   M   T   W   T   F   S", *ARTICLE[4:]))
    assert label_of(ext, out, "S   M   T")[1] != "strip.text.body_table_row"


def test_a_sharing_button_is_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:4], "* Click to share on Facebook (Opens in new window) Facebook",
                                              *ARTICLE[4:]))
    assert label_of(ext, out, "Click to share") == ("boilerplate", "strip.share_button")


def _grid(n: int) -> list[str]:
    records = []
    for k in range(n):
        records.append("\n".join((f"Trail Pack {40 + k} Litre", f"${90 + k}.00", "Weight:", f"{1 + k / 10:.1f} kg",
                                  "* Add to Compare")))
    return records


def test_the_records_of_a_product_grid_are_content(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of("Backpacks (6 products)", *_grid(6), *ARTICLE[:2]))
    assert label_of(ext, out, "Trail Pack 42 Litre") == ("content", "strip.text.record_list")
    assert label_of(ext, out, "$93.00") == ("content", "strip.text.record_list")


def test_a_records_button_is_not_its_text(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of("Backpacks (6 products)", *_grid(6), *ARTICLE[:2]))
    assert label_of(ext, out, "Add to Compare")[0] == "boilerplate"


def test_four_prices_are_not_a_product_grid(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, *_grid(4)))
    assert label_of(ext, out, "Trail Pack 41 Litre")[1] != "strip.text.record_list"


def test_a_price_filter_in_a_menu_is_not_a_product_grid(cfg: Any) -> None:
    facets = "\n".join(f"* ${a} - ${a + 50}" for a in (0, 50, 100, 150, 200))
    ext, out = run_strip(cfg, "a.txt", text_of(facets, *ARTICLE))
    assert label_of(ext, out, "$100 - $150")[1] != "strip.text.record_list"


def test_the_lines_of_a_blogs_comment_form_are_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "Your email address will not be published. Required fields are marked *",
                                              "Name *", "Save my name, email, and website in this browser for the next time I comment."))
    assert label_of(ext, out, "will not be published") == ("boilerplate", "strip.comment_form")
    assert label_of(ext, out, "Name *") == ("boilerplate", "strip.comment_form")
    assert label_of(ext, out, "Save my name") == ("boilerplate", "strip.comment_form")


MENU_LINE = ("Board of Directors Chief Executive Officer Chief Financial Officer Chief Information Officer Audit and "
             "Assurance Consulting Services Tax Services Deals Advisory Risk Management Cloud and Digital Managed "
             "Services Industries Aerospace Automotive Banking Capital Markets Chemicals Energy Utilities")


def test_a_long_line_of_capitalised_menu_entries_is_a_menu(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(MENU_LINE, *ARTICLE))
    assert label_of(ext, out, "Board of Directors") == ("boilerplate", "strip.text.link_like_line")


def test_a_long_capitalised_line_with_a_sentence_end_is_not_a_menu(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:4], MENU_LINE + ". Then It Ended.", *ARTICLE[4:]))
    assert label_of(ext, out, "Board of Directors")[1] != "strip.text.link_like_line"


def test_a_long_product_name_listing_its_features_with_commas_is_not_a_menu(cfg: Any) -> None:
    name = ("Trail Runner Pro Backpack 40L (Waterproof Shell, Padded Straps, Rain Cover, Hydration Sleeve, Hip Belt "
            "Pockets, Trekking Pole Loops, Reflective Strips, Lifetime Warranty, Grey Blue Orange Green Black White)")
    ext, out = run_strip(cfg, "a.txt", text_of(name, *ARTICLE))
    assert label_of(ext, out, "Trail Runner Pro")[1] != "strip.text.link_like_line"


def test_a_share_on_line_is_a_sharing_button(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:4], "* Share on Facebook\n* Share on LinkedIn", *ARTICLE[4:]))
    assert label_of(ext, out, "Share on LinkedIn") == ("boilerplate", "strip.share_button")


ARTICLE3 = [PROSE.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Wednesday")]


def test_a_numbered_trail_over_the_page_title_is_a_breadcrumb(cfg: Any) -> None:
    trail = "1. Products\n2. Storage and shelving\n3. Bookcases"
    ext, out = run_strip(cfg, "a.txt", text_of("Menu", trail, "Bookcases", *ARTICLE3))
    assert label_of(ext, out, "Storage and shelving") == ("boilerplate", "strip.text.breadcrumb")


def test_a_numbered_trail_from_the_site_root_above_the_text_is_a_breadcrumb(cfg: Any) -> None:
    trail = "1. Home\n2. Guides\n3. Shelving for small rooms"
    ext, out = run_strip(cfg, "a.txt", text_of(trail, "Updated", *ARTICLE3))
    assert label_of(ext, out, "2. Guides") == ("boilerplate", "strip.text.breadcrumb")


def test_a_numbered_list_inside_the_text_is_not_a_breadcrumb(cfg: Any) -> None:
    steps = "1. Writers\n2. Photographers\n3. Editors"
    ext, out = run_strip(cfg, "a.txt", text_of(ARTICLE3[0] + " The team has three groups:", steps, *ARTICLE3[1:]))
    assert label_of(ext, out, "Photographers")[1] != "strip.text.breadcrumb"


def test_a_card_whose_headline_a_label_rule_took_still_counts_as_a_card(cfg: Any) -> None:
    # "Careers" is a furniture label (strip.ui_label): its blurb follows the blurb before it
    menu = ["Pricing", "Compare the plans we offer for small teams and large companies.",
            "Careers", "Find out what it is like to work with us and see the open roles.",
            "Events", "Meet our team at the trade fairs and workshops coming up this year.",
            "Partners", "We work with agencies that deliver the results their clients expect."]
    ext, out = run_strip(cfg, "a.txt", text_of(*menu, "The Committee Publishes Its Report", *LONG))
    assert label_of(ext, out, "Careers")[1] == "strip.ui_label"
    assert label_of(ext, out, "open roles") == ("boilerplate", "strip.text.teaser_list")
    assert label_of(ext, out, "Monday")[0] == "content"


CLOSING = ["Parents at the school gate said the new crossing had made the mornings calmer.",
           "The county has not said when the second crossing will open.",
           "Work on the footpath beside the river starts next month.",
           "The head teacher thanked the volunteers who marshal the road each day."]


def test_an_articles_closing_short_paragraphs_between_removed_lines_stay(cfg: Any) -> None:
    # the ad and sharing labels between them are gaps, not cards whose headline was removed:
    # inside the body a gap is no headline unless the run has enough cards of real headlines
    tail = [CLOSING[0], "Advertisement", CLOSING[1], "Share this article", CLOSING[2], "Advertisement", CLOSING[3]]
    ext, out = run_strip(cfg, "a.txt", text_of("School Crossing Opens", *ARTICLE, *tail))
    for cue in ("school gate", "second crossing", "footpath beside the river", "head teacher"):
        assert label_of(ext, out, cue)[0] == "content", cue


def test_closing_short_paragraphs_under_one_subheading_between_removed_lines_stay(cfg: Any) -> None:
    tail = ["What Happens Next", CLOSING[1], "Advertisement", CLOSING[2], "Share this article", CLOSING[3]]
    ext, out = run_strip(cfg, "a.txt", text_of("School Crossing Opens", *ARTICLE, *tail))
    for cue in ("second crossing", "footpath beside the river", "head teacher"):
        assert label_of(ext, out, cue)[0] == "content", cue
