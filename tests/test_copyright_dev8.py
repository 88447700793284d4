"""Reproduced passages in the shapes dev8 found missing (issue 13, round 7): lines read by their form."""

from __future__ import annotations

from tests.test_copyright import para, process
from tests.test_copyright_reprint import HOST_AFTER, HOST_BEFORE, covered, prose


def test_a_line_ending_in_a_colon_that_names_an_outlet_and_a_date_introduces_the_article_after_it() -> None:
    doc = HOST_BEFORE + "\n\nCopied from the Velmarton Courier (5 March 2016):\n\n" + prose("bridge") + "\n\n" + HOST_AFTER
    out = process(doc)
    [f] = out["flags"]
    assert f["date"] == "2016-03-05" and covered(out, "bridge") and not covered(out, "tomato")


def test_a_colon_line_naming_an_outlet_over_a_headline_introduces_the_article() -> None:
    doc = (HOST_BEFORE + "\n\nThis is from the Velmarton Courier website:\n\nCouncil closes the old bridge\n\n" + prose("bridge")
           + "\n\n" + HOST_AFTER)
    out = process(doc)
    assert covered(out, "Council closes") and not covered(out, "tomato")


def test_according_to_an_organisation_with_a_colon_over_undated_prose_introduces_nothing() -> None:
    doc = HOST_BEFORE + "\n\nAccording to the Velmarton Housing Trust:\n\n" + prose("bridge") + "\n\n" + HOST_AFTER
    assert not process(doc)["flags"]


def test_a_colon_line_whose_only_capital_is_its_first_word_introduces_nothing() -> None:
    doc = HOST_BEFORE + "\n\nOutside spending on the garden broke down as follows:\n\n" + prose("bridge") + "\n\n" + HOST_AFTER
    assert not process(doc)["flags"]


def test_a_colon_line_naming_a_place_before_the_host_s_own_first_person_text_introduces_nothing() -> None:
    own = "\n\n".join(f"I planted the seeds{k} myself and we watered them every morning, as I had planned." + " "
                      + para(40, f"seed{k}") for k in range(3))
    doc = HOST_BEFORE + "\n\nWhat we learned in Berlin:\n\n" + own + "\n\n" + HOST_AFTER
    assert not process(doc)["flags"]


def test_a_short_sentence_naming_the_source_closes_the_quoted_passage_above_it() -> None:
    body = prose("bridge").split("\n\n")
    doc = (HOST_BEFORE + "\n\n“" + "\n\n".join(body) + "”\n\nThat was Agnes Brennan, writing in the Velmarton Courier."
           + "\n\n" + HOST_AFTER)
    out = process(doc)
    [f] = out["flags"]
    assert covered(out, body[0][:30]) and not covered(out, "tomato") and not covered(out, "cucumber")


def test_a_sentence_naming_someone_after_the_host_s_own_unquoted_paragraphs_closes_nothing() -> None:
    doc = HOST_BEFORE + "\n\n" + prose("bridge") + "\n\nThat was Agnes Brennan, our neighbour.\n\n" + HOST_AFTER
    assert not process(doc)["flags"]


def test_a_web_address_alone_in_brackets_or_after_a_label_attributes_the_article_above() -> None:
    for line in ("(www.velmartoncourier.com)", "Link: https://www.velmartoncourier.com/2016/03/bridge.html"):
        doc = HOST_BEFORE + "\n\nCouncil closes the old bridge\n\n" + prose("bridge") + "\n\n" + line + "\n\n" + HOST_AFTER
        out = process(doc)
        assert covered(out, "Council closes") and not covered(out, "tomato") and not covered(out, "cucumber"), line


def test_a_dateline_without_an_agency_inside_other_running_text_opens_a_story() -> None:
    body = prose("bridge").split("\n\n")
    doc = HOST_BEFORE + "\n\n" + para(50, "tomatoes") + "\n\nCALDERTON, March 3 — " + "\n\n".join(body) + "\n\n" + HOST_AFTER
    out = process(doc)
    [f] = out["flags"]
    assert "bare_dateline" in f["evidence"][0]["what"] and covered(out, "CALDERTON") and not covered(out, "tomato")


def test_the_page_s_own_story_opening_with_its_dateline_is_not_flagged() -> None:
    doc = "Council closes the old bridge\n\nBy Agnes Brennan\n\nCALDERTON — " + prose("bridge", 4) + "\n\nAbout us"
    assert not process(doc)["flags"]


def test_two_asides_of_the_host_split_an_introduced_article_in_three() -> None:
    asides = ["I have to stop here for a moment. I have seen this myself, more than once.",
              "This is the part I disagree with, and I say so as someone who has tried."]
    doc = (HOST_BEFORE + "\n\nThe following was published by Velmarton Courier on 5 March 2016\n\n" + prose("bridge", 3)
           + "\n\n" + asides[0] + "\n\n" + prose("river", 3) + "\n\n" + asides[1] + "\n\n" + prose("ferry", 3)
           + "\n\nWatering\n\n" + para(50, "onion"))
    out = process(doc)
    assert len(out["flags"]) == 3 and not covered(out, "I have to stop") and not covered(out, "I disagree")
    assert covered(out, "bridge") and covered(out, "river") and covered(out, "ferry")


def test_a_first_person_lede_under_the_article_s_headline_stays_in_the_passage() -> None:
    lede = "Don't we all love a good bridge? Yes, we do, and we cross ours every day of our lives."
    doc = (HOST_BEFORE + "\n\nCouncil closes the old bridge\n\n" + lede + " " + para(20, "bridge") + "\n\n" + prose("bridge")
           + "\n\nSource: Velmarton Courier, 5 March 2016\n\n" + HOST_AFTER)
    out = process(doc)
    assert covered(out, "Council closes") and covered(out, "Don't we all") and not covered(out, "tomato")


def test_an_author_s_bio_line_names_the_writer_and_the_outlet() -> None:
    doc = (HOST_BEFORE + "\n\nCouncil closes the old bridge\n\n" + prose("bridge")
           + "\n\nAgnes Brennan writes for the Velmarton Courier. This article first appeared on 5 March 2016.\n\n" + HOST_AFTER)
    [f] = process(doc)["flags"]
    assert f["who"] == "Agnes Brennan" and f["outlet"] == "Velmarton Courier" and f["date"] == "2016-03-05"


def test_the_host_s_closing_remark_and_own_text_after_the_last_extract_are_not_flagged() -> None:
    aside = "I have to stop here for a moment. I have seen this myself, more than once."
    close = "So that is the piece. I am not sure I agree with all of it, but I am glad I read it."
    own = "With my own garden I tried this twice, and my neighbours and I still argue about it at our meetings."
    doc = (HOST_BEFORE + "\n\nThe following was published by Velmarton Courier on 5 March 2016\n\n" + prose("bridge", 3)
           + "\n\n" + aside + "\n\n" + prose("river", 3) + "\n\n" + close + "\n\n" + own + " " + para(30, "onion"))
    out = process(doc)
    assert covered(out, "bridge") and covered(out, "river")
    assert not covered(out, "So that is the piece") and not covered(out, "With my own garden")


def test_the_host_s_own_sentence_ending_in_a_colon_does_not_end_the_article_before_it() -> None:
    last = "We will share the full report when it is complete, and we aim to prove it. " + para(40, "bridge")
    doc = (HOST_BEFORE + "\n\nVelmarton Courier published this report on 5 March 2016:\n\n" + prose("bridge") + "\n\n" + last
           + "\n\nMost garden policies exclude frost damage, as the Calder Insurance Board explains:\n\n" + HOST_AFTER)
    out = process(doc)
    assert covered(out, "We will share the full report") and not covered(out, "frost damage")
