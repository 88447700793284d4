"""Shapes dev11 found missing (issue 13, round 10): open letters closed by signatories, licence credit lines."""

from __future__ import annotations

from tests.test_copyright import para, process
from tests.test_copyright_reprint import HOST_AFTER, HOST_BEFORE, covered, prose

SIGNERS = "\n\n".join(["Signed,", "Mara Quell, Professor of Botany, Ostvale University", "Dr. Ivo Pennick, Lecturer",
                       "Lena Arbuth (Ostvale Garden Trust)", "Tomas Greel, Chair, Ostvale Council"])


def test_an_open_letter_closed_by_a_block_of_signatories_is_a_letter() -> None:
    doc = HOST_BEFORE + "\n\nTo the trustees of the Ostvale Garden:\n\n" + prose("bridge") + "\n\n" + SIGNERS + "\n\n" + HOST_AFTER
    out = process(doc)
    [f] = out["flags"]
    assert f["rule"] == "copyright.letter" and f["who"].startswith("Mara Quell")
    assert covered(out, "bridge") and not covered(out, "tomato")


def test_a_signed_line_followed_by_no_name_line_is_no_letter() -> None:
    doc = (HOST_BEFORE + "\n\nTo the trustees of the Ostvale Garden:\n\n" + prose("bridge")
           + "\n\nSigned,\n\nthe garden volunteers and their friends\n\n" + HOST_AFTER)
    assert not [f for f in process(doc)["flags"] if f["rule"] == "copyright.letter"]


def test_a_signature_line_with_a_role_after_the_name_signs_a_letter() -> None:
    doc = ("Reply to a letter\n\nMarch 23, 1997\n\n" + para(70, "body") + "\n\n" + para(70, "body")
           + "\n\nYours sincerely,\nJane Example, Director\n\n" + para(30, "after"))
    [f] = process(doc)["flags"]
    assert f["rule"] == "copyright.letter" and f["who"].startswith("Jane Example")


SOURCE = "\n\nSource: Velmarton Courier, 5 March 2016.\n\n"


def test_a_creative_commons_line_right_above_an_article_licenses_it() -> None:
    doc = (HOST_BEFORE + "\n\nThis article is republished from the Velmarton Courier under a Creative Commons Attribution"
           " 4.0 licence.\n\nCouncil closes the old bridge\n\n" + prose("bridge") + SOURCE + HOST_AFTER)
    [f] = process(doc)["flags"]
    assert f["action"] == "reproduce with attribution" and f["licence"] == "CC BY"


def test_an_article_with_no_licence_line_above_it_is_summarised() -> None:
    doc = (HOST_BEFORE + "\n\nThis article is republished from the Velmarton Courier.\n\nCouncil closes the old bridge\n\n"
           + prose("bridge") + SOURCE + HOST_AFTER)
    [f] = process(doc)["flags"]
    assert f["action"] == "summarise"


def test_a_dateline_under_a_headline_byline_and_date_inside_other_text_begins_a_story() -> None:
    body = [para(60, "bridge"), para(60, "bridge"), para(60, "bridge")]
    doc = (HOST_BEFORE + "\n\n" + para(50, "tomatoes") + "\n\nCouncil closes the old bridge\n\nBy AGNES BRENNAN\n\n"
           "March 3, 2016\n\nCALDERTON — " + "\n\n".join(body) + "\n\n" + HOST_AFTER)
    out = process(doc)
    [f] = out["flags"]
    assert covered(out, "Council closes") and covered(out, "CALDERTON") and not covered(out, "tomato")


def test_a_dateline_story_under_its_header_at_the_top_of_the_page_is_the_pages_own() -> None:
    doc = "Council closes the old bridge\n\nBy Agnes Brennan\n\nMarch 3, 2016\n\nCALDERTON — " + prose("bridge", 4) + "\n\nAbout us"
    assert not process(doc)["flags"]


RELEASE_END = "\n\nAbout Ostvale Systems\n\nOstvale Systems makes garden sensors.\n\nMedia contact:\n\nMara Quell, press@example.com\n\n###"


def test_a_dateline_story_under_a_release_line_is_a_press_release_not_a_flag() -> None:
    body = [para(60, "bridge"), para(60, "bridge"), para(60, "bridge")]
    doc = (HOST_BEFORE + "\n\n" + para(50, "tomatoes") + "\n\nFOR IMMEDIATE RELEASE\n\nOstvale opens a sensor plant\n\n"
           "CALDERTON, March 3, 2016 — " + "\n\n".join(body) + RELEASE_END + "\n\n" + HOST_AFTER)
    out = process(doc)
    assert not out["flags"]
    [r] = out["document_signals"]["press_releases"]
    assert r["rule"] == "copyright.press_release" and any("Media contact" in m["text"] for m in r["markers"])


def test_a_closing_separator_alone_does_not_make_a_press_release() -> None:
    body = [para(60, "bridge"), para(60, "bridge"), para(60, "bridge")]
    doc = (HOST_BEFORE + "\n\n" + para(50, "tomatoes") + "\n\nOstvale opens a sensor plant\n\nCALDERTON, March 3, 2016 — "
           + "\n\n".join(body) + "\n\n###\n\n" + HOST_AFTER)
    out = process(doc)
    assert out["flags"] and not out["document_signals"]["press_releases"]
