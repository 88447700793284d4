"""Reproductions in the shapes dev6 added (issue 13, round 5): "Read the original at", "h/t", an ad slot
inside the article, introductions in other registers, blockquote excerpts in a text dump, notices that
say the text is reprinted, role bylines, and a both-ways line between an article and a forum's next post."""

from __future__ import annotations

from tests.test_copyright import para, process
from tests.test_copyright_reprint import HOST_AFTER, HOST_BEFORE, covered, prose


def test_read_the_original_at_an_address_attributes_the_article_above() -> None:
    doc = (HOST_BEFORE + "\n\nCouncil closes the old bridge\n\n" + prose("bridge")
           + "\n\nRead the original at https://velmartoncourier.org/news/2019/03/story-53\n\n" + HOST_AFTER)
    out = process(doc)
    [f] = out["flags"]
    assert f["outlet"] == "velmartoncourier.org" and covered(out, "Council closes") and not covered(out, "tomato")


def test_a_hat_tip_line_attributes_the_article_above() -> None:
    doc = HOST_BEFORE + "\n\nCouncil closes the old bridge\n\n" + prose("bridge") + "\n\nh/t Velmarton Courier\n\n" + HOST_AFTER
    out = process(doc)
    [f] = out["flags"]
    assert f["outlet"] == "Velmarton Courier" and covered(out, "Council closes") and not covered(out, "cucumber")


def test_an_advertisement_line_inside_the_article_does_not_cut_the_passage() -> None:
    doc = (HOST_BEFORE + "\n\nCouncil closes the old bridge\n\n" + prose("bridge", 2) + "\n\nStory continues below\n\n"
           + prose("bridge", 2) + "\n\nSource: Velmarton Courier, 5 March 2016\n\n" + HOST_AFTER)
    out = process(doc)
    assert covered(out, "Council closes") and covered(out, "Story continues below") and not covered(out, "tomato")


def test_the_following_was_published_by_introduces_the_article_below() -> None:
    doc = (HOST_BEFORE + "\n\nThe following was published by Velmarton Courier on 5 March 2016\n\n"
           "Council Closes the Old Bridge\n\n" + prose("bridge") + "\n\nWatering\n\n" + para(50, "cucumber"))
    out = process(doc)
    assert covered(out, "Council Closes") and not covered(out, "tomato") and not covered(out, "cucumber")


def test_a_line_saying_the_text_is_reproduced_in_full_introduces_it() -> None:
    doc = (HOST_BEFORE + "\n\nVelmarton Courier published this on 5 March 2016, and we reproduce it in full below.\n\n"
           + prose("bridge") + "\n\nWatering\n\n" + para(50, "cucumber"))
    out = process(doc)
    assert covered(out, "bridge") and not covered(out, "tomato")


def test_a_text_dump_blockquote_with_its_source_in_brackets_is_flagged_to_its_first_quoted_line() -> None:
    quoted = "\n\n".join("> " + para(60, "bridge") for _ in range(3))
    doc = HOST_BEFORE + "\n\n" + para(40, "bridge") + "\n\n" + quoted + "\n\n> (via Velmarton Courier)\n\n" + HOST_AFTER
    out = process(doc)
    [f] = out["flags"]
    assert f["outlet"] == "Velmarton Courier"
    assert out["_text"][f["start"]:].startswith("> ") and not covered(out, "tomato")


def test_a_notice_saying_the_text_is_reprinted_closes_an_article_without_a_headline() -> None:
    doc = (HOST_BEFORE + "\n\nMade for gardeners\n\n" + prose("bridge")
           + "\n\n(c) 2021 Velmarton Courier. Reprinted by permission.\n\nSoil\n\n" + HOST_AFTER)
    out = process(doc)
    assert covered(out, "bridge") and not covered(out, "tomato") and not covered(out, "cucumber")


def test_a_byline_naming_the_writer_s_role_heads_the_article_a_notice_closes() -> None:
    doc = (HOST_BEFORE + "\n\nAnna Marlowe, Velmarton Courier Reporter\n\n"
           + prose("bridge") + "\n\nVelmarton Courier © 2022\n\n" + HOST_AFTER)
    out = process(doc)
    assert covered(out, "Anna Marlowe, Velmarton Courier Reporter") and not covered(out, "tomato")


def test_a_both_ways_line_between_an_article_and_a_forum_s_next_post_closes_the_article() -> None:
    doc = (HOST_BEFORE + "\n\nCouncil closes the old bridge\n\n" + prose("bridge")
           + "\n\nThis article originally appeared on Velmarton Courier.\n\nPosted March 19, 2024\n\n"
           + para(25, "cucumber") + "\n\nThanks, that helps.")
    out = process(doc)
    assert covered(out, "Council closes") and not covered(out, "cucumber")


def test_a_short_blockquoted_excerpt_right_after_an_introduced_article_is_not_merged_into_it() -> None:
    doc = (HOST_BEFORE + "\n\nThe following was published by Velmarton Courier on 5 March 2016\n\n"
           + prose("bridge") + "\n\n> " + para(30, "cucumber") + "\n\n— Stapolemm Courier\n\nWatering\n\n" + para(50, "onion"))
    out = process(doc)
    assert covered(out, "bridge") and not covered(out, "cucumber")


def test_the_site_s_own_footer_ends_an_introduced_article_s_run_without_closing_it() -> None:
    doc = (HOST_BEFORE + "\n\nThe following was published by Velmarton Courier on 5 March 2016\n\n" + prose("bridge")
           + "\n\n" + para(40, "cucumber") + "\n\n© 2026 Tomato Growers Club. All rights reserved.")
    out = process(doc)
    assert covered(out, "bridge") and not covered(out, "cucumber")
