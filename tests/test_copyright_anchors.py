"""Anchor lines and passage bounds of copyright.reprint beyond the first wordings (issue 13, dev3 phenomena)."""

from __future__ import annotations

import importlib

from pipeline.config import load_config
from pipeline.stages.copyright.text import Para, closes_quotation, count_words, cut_at_vocabulary_change, find_dates
from tests.test_copyright import para, process
from tests.test_copyright_reprint import HOST_AFTER, HOST_BEFORE, covered, prose

reprint = importlib.import_module("pipeline.stages.copyright.reprint")
CFG = load_config("config/pipeline.yaml").section("copyright")


def test_a_line_of_only_an_outlet_and_a_date_after_an_article_attributes_it() -> None:
    doc = (HOST_BEFORE + "\n\nCouncil closes the old bridge\n\n" + prose("bridge")
           + "\n\nBrackwater Star-Telegram, Dec 27, 2016 6:24 AM\n\n" + HOST_AFTER)
    [f] = process(doc)["flags"]
    assert f["rule"] == "copyright.reprint" and f["outlet"] == "Brackwater Star-Telegram" and f["date"] == "2016-12-27"


def test_from_outlet_and_date_ending_in_a_full_stop_closes_the_quoted_passage_before_it() -> None:
    body = prose("bridge").split("\n\n")
    doc = (HOST_BEFORE + '\n\n"' + "\n\n".join(body) + '"\n\nFrom The Calder Ledger, March 6th, 2017.\n\n' + HOST_AFTER)
    out = process(doc)
    [f] = out["flags"]
    assert f["outlet"] == "Calder Ledger" and covered(out, body[0][:30])
    assert not covered(out, "cucumber") and not covered(out, "tomato")


def test_a_paragraph_opening_with_a_quote_mark_is_never_an_anchor_line() -> None:
    p = Para("p1", 0, 60, '"This article is based upon the practice note, one of many."', "line", 11,
             ['"This article is based upon the practice note, one of many."'])
    assert reprint.anchor(p, {**CFG, "months": CFG["months"]}, "after") is None


def test_a_quoted_passage_starts_where_a_quotation_opens_that_its_last_paragraph_closes() -> None:
    body = prose("bridge").split("\n\n")
    inner = '"The bridge0 will close," the engineer said. ' + para(40, "bridge")
    doc = (HOST_BEFORE + "\n\nCouncil closes the old bridge\n\n" + body[0] + "\n\n" + inner + "\n\n" + body[1]
           + ' "It is over," she said. "We move on."' + "\n\nSource: Velmarton Courier, 5 March 2016\n\n" + HOST_AFTER)
    out = process(doc)
    assert covered(out, "Council closes") and covered(out, body[0][:30])   # the inner quotation is the article's


def test_last_paragraph_closes_a_quotation_only_when_its_quote_marks_do_not_balance() -> None:
    assert closes_quotation('the end of the excerpt."')
    assert not closes_quotation('"It is over," she said. "We move on."')
    assert closes_quotation("the end of it.”") and not closes_quotation("“Quoted in full.”")


def test_a_forum_quote_header_is_a_name_and_a_verb_not_a_line_announcing_a_story() -> None:
    a = {"date": None, "_rcfg": CFG["reprint"], "_months": CFG["months"]}
    post = Para("p2", 40, 90, "x", "line", 20, ["x"])
    persons = {"Stapolemm Courier": [(40, 90)], "Jo Smith": [(40, 90)]}
    assert reprint._a_person_posting(a, "Jo Smith wrote:", post, persons)
    assert not reprint._a_person_posting(a, "Stapolemm Courier has the story:", post, persons)
    assert not reprint._a_person_posting(a, "The Stapolemm Courier reports:", post, persons)


def test_an_outlet_has_the_story_line_introduces_the_article_after_it() -> None:
    doc = HOST_BEFORE + "\n\nThe Ashford Observer has the story:\n\n" + prose("bridge") + "\n\nAbout us\n\n" + para(40, "basil")
    out = process(doc)
    [f] = out["flags"]
    assert "Ashford Observer" in f["outlet"] and covered(out, "bridge") and not covered(out, "basil")


def test_a_credit_line_under_the_headline_is_the_byline_a_closing_notice_needs() -> None:
    doc = (HOST_BEFORE + "\n\nFDA warns about unapproved versions of the bridge drug used for weight loss\n\n"
           "Stakirvin Business Review staff\n\n" + prose("bridge")
           + "\n\n© Copyright Stakirvin Business Review 2017\n\n" + HOST_AFTER)
    out = process(doc)
    [f] = out["flags"]
    assert f["rule"] == "copyright.reprint" and covered(out, "FDA warns") and not covered(out, "tomato")


def test_year_first_slashed_dates_are_read() -> None:
    assert find_dates("Last updated 2015/03/14", CFG["months"])[0][2] == "2015-03-14"


def test_a_section_a_notice_closes_is_flagged_from_its_title() -> None:
    doc = (HOST_BEFORE + "\n\n" + para(60, "radish") + "\n\nAI in the classroom today\n\n" + prose("bridge")
           + "\n\n(c) 2016 Dunmore Times\n\n" + HOST_AFTER)
    out = process(doc)
    assert covered(out, "AI in the classroom") and not covered(out, "radish")


def test_a_run_nothing_closes_ends_at_a_boundary_far_below_its_own_cohesion() -> None:
    texts = [para(60, "bridge") for _ in range(6)] + [para(60, "melon") for _ in range(4)]
    paras, pos = [], 0
    for k, t in enumerate(texts):
        paras.append(Para(f"p{k}", pos, pos + len(t), t, "line", count_words(t), [t]))
        pos += len(t) + 2
    ccfg = CFG["reprint"]["cohesion"]
    run = list(range(len(paras)))
    assert cut_at_vocabulary_change(paras, run, ccfg, 0.0, relative=True)[0] == run[:6]
    assert cut_at_vocabulary_change(paras, run, ccfg, 0.0)[0] == run     # without it, no fixed floor cuts


def test_read_the_full_story_at_an_outlet_closes_the_excerpt_before_it() -> None:
    doc = HOST_BEFORE + "\n\n" + prose("bridge") + "\n\nRead the full story at the Westbrook Chronicle.\n\n" + HOST_AFTER
    out = process(doc)
    [f] = out["flags"]
    assert "Westbrook Chronicle" in f["outlet"] and not covered(out, "cucumber")


def test_the_paragraph_at_a_cut_stays_with_the_passage_whose_words_it_shares() -> None:
    def prose_of(seed: str) -> str:      # seven content words of one topic
        return "The " + " ".join(seed + "abcdefg"[i % 7] for i in range(59)) + "."
    texts = [prose_of("bridge") for _ in range(5)] + [prose_of("melon") for _ in range(4)]
    paras, pos = [], 0
    for k, t in enumerate(texts):
        paras.append(Para(f"p{k}", pos, pos + len(t), t, "line", count_words(t), [t]))
        pos += len(t) + 2
    # the window after boundary 4 holds the passage's last paragraph and the next text: its share falls
    # a paragraph early; that paragraph shares the passage's words, not the next text's, so it stays
    ccfg = {**CFG["reprint"]["cohesion"], "relative_after": 99, "after_paragraphs": 4}
    run = list(range(len(paras)))
    assert cut_at_vocabulary_change(paras, run, ccfg, 0.6, relative=True)[0] == run[:5]


def test_a_line_of_two_sentences_is_prose_not_a_headline() -> None:
    def line(t: str) -> Para:
        return Para("p", 0, len(t), t, "line", count_words(t), [t])
    assert not reprint._headline(line("I felt pretty good about myself. Look at me, crushing it!"), CFG)
    assert reprint._headline(line("How Much Does a Remodel Cost? A Guide to Budgeting"), CFG)
    assert reprint._headline(line("U.S. in Progress 2025: Poland to Park City"), CFG)


def test_a_byline_above_the_run_starts_the_article_whatever_its_vocabulary() -> None:
    seeds = ["amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "haven", "ivory", "jumbo", "kiosk", "lemur"]
    body = "\n\n".join(para(20, w) for w in seeds)     # short paragraphs, each with its own words
    doc = (HOST_BEFORE + "\n\nWhat I learned from my own newsletter data\n\nBy Victor Whitcombe\n\n" + body
           + "\n\n© Radio Velleyham 2016\n\n" + HOST_AFTER)
    out = process(doc)
    assert covered(out, "By Victor Whitcombe") and covered(out, "amber") and not covered(out, "tomato")


def test_a_bare_name_and_date_line_after_a_dated_article_heads_the_next_excerpt() -> None:
    doc = (HOST_BEFORE + "\n\nWeekly Review, 16 March 1992: the old bridge closes\n\n" + prose("bridge")
           + "\n\nThe Ostrava Ledger, London, 12 June 1992\n\n" + prose("melon") + "\n\nAbout us\n\n" + para(40, "basil"))
    assert not any(f.get("outlet") == "Ostrava Ledger" for f in process(doc)["flags"])


def test_a_comment_header_or_a_timestamp_is_not_an_outlet_and_date_attribution() -> None:
    cfg = {**CFG, "months": CFG["months"]}

    def line(t: str) -> Para:
        return Para("p", 0, len(t), t, "line", count_words(t), t.split("\n"))
    assert reprint.anchor(line("Dec 31, 2025, 9:43 PM"), cfg, "after") is None
    assert reprint.anchor(line("26. Benjamin Bagley\nDecember 19, 2025, 4:20 am"), cfg, "after") is None
    assert reprint.anchor(line("Last updated March 3, 2025 by Erik Demaine."), cfg, "after") is None
    assert reprint.anchor(line("Kiruxkir Star-Telegram, 27th January 2015"), cfg, "after") is not None
