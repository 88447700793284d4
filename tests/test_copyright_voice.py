"""The page's own voice (copyright.voice_shift, copyright.own_interview), wire datelines and the
wordings that point forward or close (issue 13, round 3)."""

from __future__ import annotations

import re
from typing import Any

from pipeline.config import load_config
from pipeline.stages.copyright.voice import first_person, outside_quotes
from tests.test_copyright import para, process, quotation
from tests.test_copyright_reprint import HOST_AFTER, HOST_BEFORE, covered, prose

CFG = load_config("config/pipeline.yaml").section("copyright")
VOICE = CFG["reprint"]["voice"]


def host(seed: str, words: int = 50) -> str:
    """A paragraph of the host's own first-person text using the article's words."""
    return "We think this is good news for our club, and I will tell you why. " + para(words - 14, seed)


def test_first_person_counts_only_the_writer_s_own_words_not_quotations() -> None:
    text = 'The minister said: "We will act and our plan is ready." Officials agreed.'
    assert outside_quotes(text).strip().startswith("The minister") and first_person(text, VOICE) == 0
    assert first_person("We think our club and I agree.", VOICE) == 3


def test_an_introduced_article_ends_where_the_host_speaks_again_in_its_own_first_person() -> None:
    doc = (HOST_BEFORE + "\n\nHarbour Chronicle reports:\n\nCouncil closes the old bridge\n\n" + prose("bridge")
           + "\n\n" + host("bridge") + "\n\n" + host("bridge").replace("good news", "a fine day"))
    out = process(doc)
    [f] = out["flags"]
    assert covered(out, "Council closes") and not covered(out, "We think this is good news")
    assert any("copyright.voice_shift" in e["what"] for e in f["evidence"])


def test_an_attributed_article_does_not_reach_back_over_the_host_s_first_person_text_on_its_topic() -> None:
    doc = ("Notes\n\n" + host("bridge") + "\n\n" + host("bridge").replace("good news", "a fine day") + "\n\n"
           + prose("bridge", 3, 60) + "\n\nSource: Velmarton Courier, 5 March 2016\n\n" + HOST_AFTER)
    out = process(doc)
    [f] = out["flags"]
    t = out["_text"]
    assert t[f["start"]:].startswith(prose("bridge", 3, 60)[:40]) and not covered(out, "We think")


def test_one_first_person_paragraph_inside_a_report_does_not_end_it() -> None:
    body = prose("bridge", 3, 60).split("\n\n")
    doc = (HOST_BEFORE + "\n\nHarbour Chronicle reports:\n\nCouncil closes the old bridge\n\n" + body[0] + "\n\n"
           + body[1] + "\n\n" + host("bridge") + "\n\n" + body[2] + "\n\n" + para(60, "bridge"))
    out = process(doc)
    assert covered(out, "We think this is good news")


def test_a_headlined_report_between_the_host_s_first_person_text_is_closed_by_a_notice_at_the_page_end() -> None:
    doc = ("Notes\n\n" + host("tomato") + "\n\nA neighbour sent me this story, which I am sharing here.\n\n"
           "Allotment waiting lists reach record length\n\n" + prose("allot", 4, 50)
           + "\n\n(c) 2016 Dunmore Times\n\nI still count myself lucky.\n")
    out = process(doc)
    assert covered(out, "Allotment waiting lists") and not covered(out, "A neighbour sent me")


def interview(intro: str) -> tuple[str, list[dict[str, Any]]]:
    answers = [para(110, f"ride{k}x") for k in range(4)]
    turns = [t for k, a in enumerate(answers) for t in (f"Q: What about question number {k}?", "A: " + a)]
    doc = "Club news\n\n" + intro + "\n\n" + "\n\n".join(turns) + "\n\nTraining starts again next month.\n"
    clean = process(doc)["_text"]
    quotes = [quotation(t[3:], clean, f"q{n}", None, "interview") for n, t in enumerate(turns)]
    return doc, quotes


def test_an_interview_the_page_introduces_itself_is_not_a_long_quotation() -> None:
    doc, quotes = interview("This season the club has a new head coach. " + para(30, "coach")
                            + " I sat down with her after training to ask about her plans.")
    out = process(doc, quotes=quotes)
    assert out["flags"] == [] and out["document_signals"]["own_interviews"][0]["rule"] == "copyright.own_interview"


def test_an_interview_whose_introduction_names_where_it_appeared_stays_a_long_quotation() -> None:
    doc, quotes = interview("The following interview appeared in the Harbour Chronicle on 3 March 2016. "
                            + para(30, "coach"))
    out = process(doc, quotes=quotes)
    assert out["flags"] and out["document_signals"]["own_interviews"] == []


def test_a_wire_dateline_opens_an_agency_story_from_its_headline() -> None:
    body = prose("senate", 3, 60).split("\n\n")
    doc = (HOST_BEFORE + "\n\nSenate passes the budget\n\nWASHINGTON (AP) — " + body[0] + "\n\n"
           + "\n\n".join(body[1:]) + "\n\nWatering\n\n" + HOST_AFTER)
    out = process(doc)
    [f] = out["flags"]
    assert f["outlet"] == "AP" and covered(out, "Senate passes") and not covered(out, "tomato")


def test_the_wire_dateline_pattern_wants_a_place_in_capitals_an_agency_and_a_dash() -> None:
    p = re.compile(CFG["reprint"]["wire_dateline_pattern"])
    assert p.match("SAN FRANCISCO, Calif. (Reuters) - Shares fell") and p.match("LONDON, March 3 (AFP) – The")
    assert not p.match("NEW YORK — The city") and not p.match("FAQ (frequently asked) - x")
    assert not p.match("The CEO (John) — said")


def test_a_line_pointing_at_the_piece_below_introduces_it() -> None:
    doc = (HOST_BEFORE + "\n\nThe piece below first ran in The Sendrebos Independent on May 1, 2016.\n\n"
           "Council closes the old bridge\n\n" + prose("bridge") + "\n\nWatering\n\n" + HOST_AFTER)
    out = process(doc)
    assert covered(out, "Council closes") and not covered(out, "tomato")


def test_republished_from_ending_as_a_sentence_closes_the_article_above_it() -> None:
    doc = (HOST_BEFORE + "\n\nCouncil closes the old bridge\n\n" + prose("bridge")
           + "\n\nRepublished from Tingla Monitor, 20 January 2016.\n\nWatering\n\n" + HOST_AFTER)
    out = process(doc)
    assert covered(out, "Council closes") and not covered(out, "cucumber")


def test_the_paragraph_before_an_introduction_line_is_not_an_extract_of_the_outlet_it_introduces() -> None:
    from pipeline.stages.copyright.cumulative import source_totals
    from pipeline.stages.copyright.signals import Candidate
    text = "Own words of the host.\n\nThe Harbour Chronicle reports:\n\nThe article itself."
    intro = text.index("The Harbour")
    own = {"id": "q1", "start": 0, "end": intro - 2, "words": 500, "parent": None, "speaker": None,
           "source": {"outlet": "Harbour Chronicle"}}
    article = Candidate(rule="copyright.reprint", kind="excerpt", start=text.index("The article"), end=len(text),
                        signals={}, why="", outlet="Harbour Chronicle",
                        evidence=[{"what": "introduction line", "start": intro, "end": intro + 30}])
    totals, cands = source_totals([own], [article], text, CFG)
    assert cands == [] and totals[0]["extracts"] == 1
