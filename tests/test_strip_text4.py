"""Strip, issue 15 round 8, text dumps: residue around an article that reads as text. An "About
NAME" box under the article, a site's affiliate disclosure, a feed's syndication footer, a
feedback widget, a newsletter's "in your inbox every week" promise and a long copyright footer
go; a section about the page's own subject ("About This Game"), a closing section that names a
place, and an article that merely talks about commissions or inboxes stay."""

from __future__ import annotations

from typing import Any

from test_strip import PROSE, cfg, label_of, run_strip, text_of  # noqa: F401 - cfg is a fixture

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "holiday")
ARTICLE = [PROSE.replace("Tuesday", day) for day in DAYS]   # about 220 words of running text


# --- strip.text.author_box: an "About NAME" heading over the writer's or the site's box

def test_an_about_name_box_under_the_article_is_boilerplate(cfg: Any) -> None:
    bio = ("Amar is an avid traveler and tester of products. He has spent the last 13 years traveling "
           "all seven continents and writing about what he found.")
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "About Amar Hussain", bio))
    assert label_of(ext, out, "About Amar Hussain") == ("boilerplate", "strip.text.author_box")
    assert label_of(ext, out, "avid traveler") == ("boilerplate", "strip.text.author_box")
    assert label_of(ext, out, "holiday")[0] == "content"


def test_an_about_box_in_the_first_person_is_boilerplate(cfg: Any) -> None:
    bio = ("I am the co-founder and a principal engineer at a software company, and I have been writing "
           "about web development on this site for twenty years.")
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "About Ben Nadel", bio))
    assert label_of(ext, out, "co-founder") == ("boilerplate", "strip.text.author_box")


def test_an_inline_about_the_author_line_is_boilerplate(cfg: Any) -> None:
    bio = ("About the author: Craig Hull is a freelance photographer and videographer based in Eastern "
           "Europe, and you can find more of his work on his site.")
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, bio))
    assert label_of(ext, out, "freelance photographer") == ("boilerplate", "strip.text.author_box")


def test_about_this_item_over_a_description_stays(cfg: Any) -> None:
    desc = ("This Game is a story of outlaws on the run across a vast and dangerous frontier, where every "
            "choice you make shapes the fate of the gang and of the people around you.")
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "About This Game", desc))
    assert label_of(ext, out, "outlaws on the run")[0] == "content"


def test_an_about_section_whose_prose_is_about_something_else_stays(cfg: Any) -> None:
    # the heading names a place, the paragraph below does not go on about it by name or as "I"
    text = ("The old town is best seen on foot in the early morning, before the tour buses arrive and "
            "the narrow streets fill with visitors.")
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "About Kyoto", text))
    assert label_of(ext, out, "tour buses")[0] == "content"


def test_an_about_box_above_most_of_the_article_stays(cfg: Any) -> None:
    bio = ("Jane is a nurse who has worked on the same ward for twenty years, and she agreed to tell us "
           "what a night shift looks like from the inside.")
    rest = [line for pair in zip(("Part two", "Part three", "Part four", "Part five"),
                                          [PROSE.replace("committee", n) for n in ("council", "board", "panel", "jury")]) for line in pair]
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:6], "About Jane", bio, *rest))
    assert label_of(ext, out, "night shift")[0] == "content"
    assert label_of(ext, out, "Part five")[0] == "content"


# --- block rules: disclosures, syndication footers, feedback widgets, newsletter promises

def test_an_affiliate_disclosure_is_boilerplate(cfg: Any) -> None:
    line = "Our editors handpick every product we feature. We may earn a commission from your purchases."
    ext, out = run_strip(cfg, "a.txt", text_of(line, *ARTICLE))
    assert label_of(ext, out, "earn a commission") == ("boilerplate", "strip.affiliate_disclosure")
    ext, out = run_strip(cfg, "a.txt", text_of("This post may contain affiliate links.", *ARTICLE))
    assert label_of(ext, out, "affiliate links") == ("boilerplate", "strip.affiliate_disclosure")


def test_a_sentence_about_someone_elses_commission_stays(cfg: Any) -> None:
    line = ("Estate agents usually earn a commission of one to two per cent of the sale price, which the "
            "seller pays when the sale completes.")
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:4], line, *ARTICLE[4:]))
    assert label_of(ext, out, "one to two per cent")[0] == "content"


def test_a_feeds_syndication_footer_is_boilerplate(cfg: Any) -> None:
    line = "The post How to Keep a Garden Green in Winter appeared first on Garden Notes."
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, line))
    assert label_of(ext, out, "appeared first on") == ("boilerplate", "strip.syndication_line")
    assert label_of(ext, out, "holiday")[0] == "content"


def test_a_feedback_widget_is_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:4], "Was this page helpful?", *ARTICLE[4:]))
    assert label_of(ext, out, "Was this page helpful?") == ("boilerplate", "strip.ui_label")


def test_a_newsletters_inbox_every_week_promise_is_boilerplate(cfg: Any) -> None:
    line = "No spam. Just the latest releases and tips and interesting articles in your inbox every week."
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, line))
    assert label_of(ext, out, "inbox every week") == ("boilerplate", "strip.newsletter_signup")


def test_a_players_browser_notice_is_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:4], "Your browser does not support the audio element.",
                                               *ARTICLE[4:]))
    assert label_of(ext, out, "audio element") == ("boilerplate", "strip.browser_notice")


def test_a_long_copyright_footer_is_a_notice(cfg: Any) -> None:
    line = ("© 2017 - 2026 Example Partners. All rights reserved. Example Partners refers to the network "
            "and/or one or more of its member firms, each of which is a separate legal entity. Please see "
            "our site for further details.")
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, line))
    assert label_of(ext, out, "separate legal entity") == ("boilerplate", "strip.copyright_line")
    assert any("All rights reserved" in n["text"] for n in out["notices"])


def test_related_posts_under_a_recommend_heading_are_boilerplate(cfg: Any) -> None:
    teaser = "Imagine slipping on your earbuds not just to drown out the world, but to invite in a gentle wave..."
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "Recommend Posts", "Healing Through Headphones", teaser))
    assert label_of(ext, out, "gentle wave") == ("boilerplate", "strip.text.related_section")


# --- strip.text.comment_section: comments that no form closes, signed "NAME says:"

COMMENTS = ["7 thoughts on “The Committee's Report”", "1. Anonymous says:", "December 30, 2024 at 3:45 pm",
            "I read the whole report last night and I think the committee was right to publish it in full.",
            "Reply", "2. Jane Doe says:", "January 1, 2025 at 12:11 am",
            "Maybe the next report will be shorter, but I doubt that anyone on the committee will read it twice."]


def test_signed_comments_with_no_form_below_are_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, *COMMENTS))
    assert label_of(ext, out, "I read the whole report") == ("boilerplate", "strip.text.comment_section")
    assert label_of(ext, out, "next report will be shorter") == ("boilerplate", "strip.text.comment_section")
    assert label_of(ext, out, "holiday")[0] == "content"


def test_one_signed_comment_with_no_form_below_opens_no_comment_section(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, *COMMENTS[:5]))
    assert label_of(ext, out, "I read the whole report")[0] == "content"


def test_the_article_going_on_after_signed_comments_stays(cfg: Any) -> None:
    more = [PROSE.replace("committee", n) for n in ("council", "board", "panel", "jury", "senate", "court")]
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, *COMMENTS, "Part two", *more))
    assert label_of(ext, out, "next report will be shorter") == ("boilerplate", "strip.text.comment_section")
    assert label_of(ext, out, "The jury met")[0] == "content"


# --- block rules: an account prompt, a form's confirmation, a copyright line that names its holder first

def test_a_sign_up_or_log_in_prompt_is_navigation(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of("Sign up or log in to customize your list.", *ARTICLE))
    assert label_of(ext, out, "customize your list") == ("boilerplate", "strip.navigation")


def test_a_forms_we_will_contact_you_confirmation_is_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:4], "One of our experts will contact you shortly.", *ARTICLE[4:]))
    assert label_of(ext, out, "contact you shortly") == ("boilerplate", "strip.browser_notice")


def test_a_copyright_line_with_its_holder_before_the_sign_is_a_notice(cfg: Any) -> None:
    line = "Ben Nadel © 2025. All content is the property of Ben Nadel. For use of code see license."
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, line))
    assert label_of(ext, out, "property of Ben Nadel") == ("boilerplate", "strip.copyright_line")


def test_a_sentence_that_names_a_year_in_brackets_is_not_a_copyright_line(cfg: Any) -> None:
    line = "The band released its first album in 1975 and its second (a live record) in 1977, to little notice."
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:4], line, *ARTICLE[4:]))
    assert label_of(ext, out, "its first album")[0] == "content"


# --- captions and related links set in the text

def test_a_numbered_caption_is_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:4], "Figure 2. Flow chart of the committee's review.", *ARTICLE[4:]))
    assert label_of(ext, out, "Flow chart") == ("boilerplate", "strip.caption_line")


def test_a_caption_closed_by_its_photo_credit_is_boilerplate(cfg: Any) -> None:
    line = "Guests pick their pastries from glass-enclosed cabinets. | Photo by Lisa Jennings"
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:4], line, *ARTICLE[4:]))
    assert label_of(ext, out, "glass-enclosed") == ("boilerplate", "strip.caption_line")


def test_a_sentence_that_mentions_a_photo_by_someone_stays(cfg: Any) -> None:
    line = "The exhibition opens with a photo by Annie Leibovitz that the committee chose for the poster."
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:4], line, *ARTICLE[4:]))
    assert label_of(ext, out, "Annie Leibovitz")[0] == "content"


def test_a_see_also_link_inside_the_article_is_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:4], "* See also: A Brief History of Photography", *ARTICLE[4:]))
    assert label_of(ext, out, "Brief History") == ("boilerplate", "strip.related_link")


# --- post navigation, closed comments, a blog's own affiliate disclaimer, the related section's heading

def test_previous_and_next_post_links_are_navigation(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "Previous Post:Edible Cookie Dough Energy Bites",
                                               "Next Post:Mastering the Lunch Run"))
    assert label_of(ext, out, "Cookie Dough") == ("boilerplate", "strip.navigation")
    assert label_of(ext, out, "Lunch Run") == ("boilerplate", "strip.navigation")


def test_comments_are_closed_is_navigation(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "Comments are closed for this post."))
    assert label_of(ext, out, "Comments are closed") == ("boilerplate", "strip.navigation")


def test_a_blogs_affiliate_disclaimer_in_the_first_person_is_boilerplate(cfg: Any) -> None:
    line = ("Some of the links used on this blog are affiliate links, which means I earn a small commission "
            "when you buy through them, at no extra cost to you.")
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, line))
    assert label_of(ext, out, "small commission") == ("boilerplate", "strip.affiliate_disclosure")


def test_an_agent_who_says_we_earn_a_commission_stays(cfg: Any) -> None:
    line = ("As agents we earn a commission only when your home sells, so we price it to sell quickly and "
            "we tell you what the market will bear.")
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:4], line, *ARTICLE[4:]))
    assert label_of(ext, out, "only when your home sells")[0] == "content"


def test_the_heading_of_a_related_section_goes_with_it(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "Related Articles from the Garden blog:",
                                               "Ten Ways to Keep Your Garden Green in Winter"))
    assert label_of(ext, out, "Related Articles from") == ("boilerplate", "strip.text.related_section")


def test_a_posts_category_line_is_navigation(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "Category: December Comfort Watches"))
    assert label_of(ext, out, "Category:") == ("boilerplate", "strip.navigation")


def test_a_feedback_prompt_is_a_ui_label(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE, "How are we doing?", "Give us feedback on this page."))
    assert label_of(ext, out, "How are we doing?") == ("boilerplate", "strip.ui_label")
    assert label_of(ext, out, "Give us feedback") == ("boilerplate", "strip.ui_label")
