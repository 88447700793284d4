"""Reproductions in the shapes dev7 added (issue 13, round 6): an article pasted with its site's furniture
(Markdown or underlined headline, share counts, link and caption lines, a URL alone as its source line),
a forum user's introduction, and a piece quoted in extracts with the host's remarks between them."""

from __future__ import annotations

from tests.test_copyright import para, process
from tests.test_quotes import quotes_of
from tests.test_copyright_reprint import HOST_AFTER, HOST_BEFORE, covered, prose

NOTICE = "\n\n© 2016 Velmarton Courier. All rights reserved.\n\n"


def test_a_markdown_headline_heads_the_article_a_notice_closes() -> None:
    doc = HOST_BEFORE + "\n\n# Council closes the old bridge\n\nBy Anna Marlowe\n\n" + prose("bridge") + NOTICE + HOST_AFTER
    out = process(doc)
    assert covered(out, "# Council closes") and not covered(out, "tomato") and not covered(out, "cucumber")


def test_an_underlined_headline_heads_the_article_a_notice_closes() -> None:
    doc = (HOST_BEFORE + "\n\nCouncil closes the old bridge\n=============================\n\nBy Anna Marlowe\n\n"
           + prose("bridge") + NOTICE + HOST_AFTER)
    out = process(doc)
    assert covered(out, "Council closes") and not covered(out, "tomato")


def test_share_counts_under_the_headline_belong_to_the_article_header() -> None:
    doc = (HOST_BEFORE + "\n\nCouncil closes the old bridge\n\n6 min read · 617 shares\n\nAnna Marlowe | Velmarton Courier\n\n"
           + prose("bridge") + NOTICE + HOST_AFTER)
    out = process(doc)
    assert covered(out, "Council closes") and not covered(out, "tomato")


def test_a_related_link_line_inside_the_article_does_not_cut_the_passage() -> None:
    doc = (HOST_BEFORE + "\n\nCouncil closes the old bridge\n\n" + prose("bridge", 2) + "\n\nRelated: New ferry timetable\n\n"
           + prose("bridge", 2) + "\n\nSource: Velmarton Courier, 5 March 2016\n\n" + HOST_AFTER)
    out = process(doc)
    [f] = out["flags"]
    # strip may remove the related line itself (strip.related_link); the passage runs on past it
    assert covered(out, "Council closes") and f["raw_end"] > doc.index("Related: New ferry") and not covered(out, "tomato")


def test_a_read_more_line_between_the_article_and_its_notice_does_not_hide_the_notice() -> None:
    doc = (HOST_BEFORE + "\n\nCouncil closes the old bridge\n\nBy Anna Marlowe\n\n" + prose("bridge")
           + "\n\nRead more: New ferry timetable" + NOTICE + HOST_AFTER)
    out = process(doc)
    assert covered(out, "Council closes") and not covered(out, "cucumber")


def test_a_web_address_alone_after_the_article_attributes_it() -> None:
    doc = (HOST_BEFORE + "\n\nCouncil closes the old bridge\n\n" + prose("bridge")
           + "\n\n<https://www.velmartoncourier.com/news/2016/03/05/bridge-53>\n\n" + HOST_AFTER)
    out = process(doc)
    [f] = out["flags"]
    assert f["outlet"] == "velmartoncourier.com" and covered(out, "Council closes") and not covered(out, "cucumber")


def test_a_forum_user_posting_an_article_from_an_outlet_introduces_it() -> None:
    doc = HOST_BEFORE + "\n\nmarfan87 posted this from the Velmarton Courier:\n\n" + prose("bridge") + "\n\nWatering\n\n" + para(50, "onion")
    out = process(doc)
    assert covered(out, "bridge") and not covered(out, "tomato") and not covered(out, "onion")


def test_extracts_between_the_host_s_remarks_are_flagged_apart_and_the_remarks_are_not() -> None:
    remark = "I think this is the part that matters most, and my own reading of it differs from theirs."
    doc = (HOST_BEFORE + "\n\nSome passages from the Velmarton Courier's piece of 5 March 2016, with my comments:\n\n"
           + prose("bridge", 2) + "\n\n[...]\n\n" + remark + "\n\n" + prose("river", 2) + "\n\nWatering\n\n" + para(50, "onion"))
    out = process(doc)
    assert len(out["flags"]) == 2 and not covered(out, "I think this is the part")
    assert covered(out, "bridge") and covered(out, "river") and not covered(out, "tomato")


def test_a_short_aside_in_the_first_person_splits_an_introduced_article_in_two() -> None:
    aside = "That was the first half. What strikes me most is how little of this was known at the time."
    doc = (HOST_BEFORE + "\n\nThe following was published by Velmarton Courier on 5 March 2016\n\n"
           + prose("bridge", 3) + "\n\n" + aside + "\n\n" + prose("river", 3) + "\n\nWatering\n\n" + para(50, "onion"))
    out = process(doc)
    assert len(out["flags"]) == 2 and not covered(out, "What strikes me most")


def test_the_host_s_remark_before_the_next_introduction_is_not_the_first_article_s() -> None:
    remark = "This is where I started to disagree with the piece, though I kept reading."
    doc = (HOST_BEFORE + "\n\nHere is the Velmarton Courier story in full:\n\n" + prose("bridge") + "\n\n" + remark
           + "\n\nStapolemm Gazette ran this on 5 March 2016:\n\n" + prose("ferry") + "\n\nWatering\n\n" + para(50, "onion"))
    out = process(doc)
    assert covered(out, "bridge") and covered(out, "ferry") and not covered(out, "started to disagree")


def test_a_quote_closed_on_its_cue_line_does_not_carry_the_host_s_next_paragraphs() -> None:
    # the quotation stage ends the block where its mark closes the line; this stage takes its span as it is
    line = 'Velmarton Courier wrote: "' + para(25, "bridge")[:-1] + '."'
    doc = HOST_BEFORE + "\n\n" + line + "\n\n" + "\n\n".join(para(60, s) for s in ("cucumber", "pepper", "onion", "garlic"))
    out = process(doc, quotes=quotes_of(doc)["quotations"])
    assert not covered(out, "cucumber") and not covered(out, "pepper")
