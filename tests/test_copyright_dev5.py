"""Reproductions in the shapes dev5 added (issue 13, round 4): web addresses, italics, staff-writer
credit lines, both-way lines, another owner's footer, quotations over several paragraphs, the host
turning to its reader, book and report excerpts."""

from __future__ import annotations

import importlib

from pipeline.config import load_config
from pipeline.stages.copyright.text import Para
from tests.test_copyright import para, process
from tests.test_copyright_reprint import HOST_AFTER, HOST_BEFORE, covered, prose

reprint = importlib.import_module("pipeline.stages.copyright.reprint")
_C = load_config("config/pipeline.yaml").section("copyright")
CFG = {**_C, "months": {k.lower(): v for k, v in _C["months"].items()}}
STEPS = "1. Read the whole piece first.\n\n2. Check who wrote it.\n\n3. Compare it with what you know."


def test_an_outlet_named_only_by_its_web_address_attributes_the_article_above() -> None:
    doc = (HOST_BEFORE + "\n\nCouncil closes the old bridge\n\n" + prose("bridge")
           + "\n\nSource: https://www.velmartoncourier.com/2016/03/05/\n\n" + HOST_AFTER)
    out = process(doc)
    [f] = out["flags"]
    assert f["outlet"] == "velmartoncourier.com" and covered(out, "Council closes") and not covered(out, "cucumber")


def test_an_attribution_line_set_in_italics_reads_as_the_line_itself() -> None:
    doc = (HOST_BEFORE + "\n\nCouncil closes the old bridge\n\n" + prose("bridge")
           + "\n\n_Source: Velmarton Courier, 5 March 2016_\n\n" + HOST_AFTER)
    [f] = process(doc)["flags"]
    assert f["outlet"] == "Velmarton Courier" and f["date"] == "2016-03-05"


def test_a_staff_writer_credit_line_over_a_dateline_keeps_the_headline_above_it() -> None:
    doc = (HOST_BEFORE + "\n\nCouncil closes the old bridge for good\n\nVelmarton Courier Staff Writer\n\n"
           "March 5, 2016\n\n" + prose("bridge") + "\n\n(c) 2016 Velmarton Courier. Used by permission.\n\n"
           + HOST_AFTER)
    out = process(doc)
    assert covered(out, "Council closes the old bridge") and not covered(out, "tomato")


def test_a_line_reading_both_ways_over_a_headline_and_byline_introduces_the_article() -> None:
    doc = (HOST_BEFORE + "\n\nThis article first appeared at Velmarton Courier.\n\nCouncil closes the old bridge\n\n"
           "By Anna Marlowe\n\n" + prose("bridge") + "\n\nWatering\n\n" + para(50, "cucumber"))
    out = process(doc)
    assert covered(out, "Council closes") and not covered(out, "tomato")


def test_a_line_reading_both_ways_under_a_list_introduces_the_text_below() -> None:
    doc = (HOST_BEFORE + "\n\n" + STEPS + "\n\nThis article first appeared at Velmarton Courier.\n\n" + prose("bridge")
           + "\n\nWatering\n\n" + para(50, "cucumber"))
    out = process(doc)
    assert covered(out, "bridge") and not covered(out, "Check who wrote it") and not covered(out, "tomato")


def test_a_notice_followed_by_another_owner_s_notice_is_not_the_site_s_footer() -> None:
    doc = (HOST_BEFORE + "\n\nCouncil closes the old bridge\n\nBy Gwen Okonkwo\n\n"
           + prose("bridge") + "\n\n© 2017 Velmarton Courier. All rights reserved.\n\n"
           "© 2012-2026 Tomato Growers Club")
    out = process(doc)      # (the byline does not name the owner: only the site's own footer after it tells)
    assert covered(out, "Council closes") and covered(out, "bridge") and not covered(out, "tomato")


def test_a_quotation_over_several_paragraphs_each_opening_with_a_mark_ends_at_its_source_line() -> None:
    body = prose("bridge").split("\n\n")
    quoted = "\n\n".join('"' + b for b in body) + '"'
    doc = HOST_BEFORE + "\n\n" + quoted + "\n\n— Velmarton Courier\n\n" + HOST_AFTER
    out = process(doc)
    assert covered(out, body[0][:30]) and covered(out, body[-1][-20:]) and not covered(out, "tomato")


def test_after_an_introduced_article_the_host_speaking_to_its_reader_is_not_flagged() -> None:
    you = ("So what does this mean for you? If you care about your bridge0, you should watch how your council "
           "acts, and you can tell us in the comments whether your own bridge1 is safe. ") + para(20, "bridge")
    doc = (HOST_BEFORE + "\n\nHarbour Chronicle reports:\n\nCouncil closes the old bridge\n\n" + prose("bridge")
           + "\n\n" + you)
    out = process(doc)
    assert covered(out, "Council closes") and not covered(out, "So what does this mean for you")


def test_an_excerpt_introduced_as_from_a_book_by_its_author_is_flagged() -> None:
    doc = (HOST_BEFORE + "\n\nFrom The Long Bridge Home by Farid Strand (Munmundre Books, 2016):\n\n"
           + prose("bridge") + "\n\nWatering\n\n" + para(50, "cucumber"))
    out = process(doc)
    assert covered(out, "bridge") and not covered(out, "tomato") and not covered(out, "cucumber")


def test_a_story_by_byline_is_a_header_line_of_the_article() -> None:
    line = "Story by Gwen Achebe | Velmarton Courier"
    assert reprint._header_line(Para("p", 0, len(line), line, "line", 7, [line]), CFG)
    assert reprint._header_line(Para("p", 0, 16, "*By Gwen Achebe*", "line", 3, ["*By Gwen Achebe*"]), CFG)


def test_a_short_line_ending_in_a_full_stop_inside_quote_marks_is_a_sentence_not_a_headline() -> None:
    line = 'Use this guide to build trust and grow with confidence."'
    assert not reprint._headline(Para("p", 0, len(line), line, "line", 10, [line]), CFG)
    assert reprint._headline(Para("p", 0, 24, 'Mayor: "We will rebuild"', "line", 4, ['Mayor: "We will rebuild"']), CFG)


def test_an_introduced_article_of_short_paragraphs_up_to_a_heading_is_not_cut_by_vocabulary() -> None:
    short = [para(30, f"mill{k}") for k in range(4)]      # four ~30-word paragraphs sharing no content word
    doc = (HOST_BEFORE + "\n\nThe Ashford Observer reports:\n\n" + "\n\n".join(short) + "\n\nCompost\n\n"
           + para(50, "cucumber"))
    out = process(doc)
    assert covered(out, short[0][:20]) and covered(out, short[-1][-20:]) and not covered(out, "cucumber")
