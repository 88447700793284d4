"""Lines strip would drop that the quotation stage reads: a testimonial's or blurb's signature under its
quotation (strip.keep.testimonial_name) and an interview's last labelled turns (strip.keep.interview_turn)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pipeline.config import load_config

from test_strip import PROSE, run_strip

ROOT = Path(__file__).resolve().parent.parent
SAYS = '"The course gave me just the right amount of technical and business understanding of this field."'


def _labels(text: str) -> dict[str, tuple[str, str]]:
    cfg: Any = load_config(ROOT / "config" / "pipeline.yaml")
    ext, out = run_strip(cfg, "a.txt", text)
    return {b["text"].strip(): (d["label"], d["rule"]) for b, d in zip(ext["blocks"], out["decisions"])}


def test_a_name_line_under_a_quoted_testimonial_is_kept() -> None:
    got = _labels(f"{PROSE}\n\n{SAYS}\n\nJane Miller\n\nOperations Lead, Harbour Freight\n\n{PROSE}\n")
    assert got["Jane Miller"][0] == "content"


def test_a_score_and_outlet_line_and_a_dashed_name_are_signatures_but_a_sentence_is_not() -> None:
    cfg: Any = load_config(ROOT / "config" / "pipeline.yaml")
    signed = re.compile(cfg.section("strip")["keep"]["testimonial_name_pattern"])
    assert signed.match("8/10 – PlayZone") and signed.match("— Maria K.") and signed.match("Tom, Leeds")
    assert not signed.match("Read the full story.") and not signed.match("Share this page")


def test_a_short_line_under_unquoted_prose_is_not_kept_as_a_signature() -> None:
    got = _labels(f"{PROSE}\n\nJane Miller\n\n{PROSE}\n")
    assert got["Jane Miller"][1] != "strip.keep.testimonial_name"


def test_a_lone_word_under_a_quotation_is_not_kept_as_a_signature() -> None:
    got = _labels(f"{PROSE}\n\n{SAYS}\n\nHeadquarters\n\nOperations Lead, Harbour Freight\n\n{PROSE}\n")
    assert got["Headquarters"][1] != "strip.keep.testimonial_name"


def test_the_last_turns_of_an_interview_are_kept() -> None:
    got = _labels(f"{PROSE}\n\nQ: How did you start working with clay?\n\nA: My grandmother had a wheel in her shed, "
                  "and I was nine when she let me throw my first bowl.\n\nQ: Will you ever retire?\n\n"
                  "A: Not while my hands still work.\n")
    assert got["Q: Will you ever retire?"][0] == "content" and got["A: Not while my hands still work."][0] == "content"


THREAD = ("Thread: Chain slipping on the smallest cog\n\n  #1\nOld 04-02-2023, 07:10 PM\nwheelwright_kim\nMember\n"
          "Join Date: May 2012\nPosts: 1,020\n\nChain slipping\n\n"
          "New chain, new cassette, and it still jumps under load on the smallest cog whenever I stand up on a climb. "
          "The derailleur hanger looks straight to me but I have not measured it with a gauge yet.\n\n"
          "  #2\nOld 04-02-2023, 08:25 PM\nspokeydokey\nSenior Member\nJoin Date: Jan 2019\nPosts: 77\n\n"
          "Quote:\nOriginally Posted by wheelwright_kim\nit still jumps under load on the smallest cog\n\n"
          "Check the shifter cable tension before anything else, half a turn of the barrel adjuster fixes most of these.\n\n"
          "Reply With Quote\n")


def test_a_quoted_post_under_a_vbulletin_header_and_the_reply_after_it_are_kept() -> None:
    got = _labels(THREAD)
    assert got["Originally Posted by wheelwright_kim"] == ("content", "strip.keep.quoted_post")
    assert got["it still jumps under load on the smallest cog"][0] == "content"
    assert got["Check the shifter cable tension before anything else, half a turn of the barrel adjuster "
               "fixes most of these."][0] == "content"


def test_a_reddit_post_header_over_kept_text_is_kept() -> None:
    got = _labels(f"r/woodworking\n\nPosted by u/dovetail_dan\n\n{PROSE}\n\n12 comments\nShare\n")
    assert got["Posted by u/dovetail_dan"] == ("content", "strip.keep.post_header")


def test_a_name_said_header_outside_the_body_keeps_its_quoted_post() -> None:
    got = _labels(f"Fixing a dripping tap\n\nbrassmonkey_78\nMar 3\n\n{PROSE}\n\n2 Replies\n\nolwen.fixes\nMar 3\n\n"
                  f"{PROSE}\n\nbrassmonkey_78\nMar 4\n\nolwen.fixes said:\nthe washers only matter on old taps\n\n"
                  "Quarter-turn it is, and a new cartridge is ordered.\n")
    assert got["olwen.fixes said:"][0] == "content" and got["the washers only matter on old taps"][0] == "content"


def test_a_posted_by_line_under_a_quoted_review_is_kept() -> None:
    got = _labels(f"{PROSE}\n\n{SAYS}\n\nPosted by Marisol\n\nOperations Lead, Harbour Freight\n\n{PROSE}\n")
    assert got["Posted by Marisol"] == ("content", "strip.keep.testimonial_name")


def test_the_name_lines_under_a_saluted_letter_are_kept() -> None:
    got = _labels(f"{PROSE}\n\nTo the Editor:\n\nI cross the river twice a day and would welcome any bridge at all, "
                  "whatever it costs the county.\n\nDaniel Ferreira\nWirral\n")
    assert got["Daniel Ferreira"] == ("content", "strip.keep.letter_signature")


def test_a_reddit_user_line_over_its_age_line_and_a_kept_comment_is_kept() -> None:
    got = _labels(f"r/bicycletouring\n\n{PROSE}\n\n147 comments\nShare\n\nlevel 1\nu/gravel_gwen\n· 4 yr. ago\n\n"
                  "Respect. I walked most of the Aubisque on a 2x and pushed the bike up the last hairpins.\n\n"
                  "Reply\nShare\n")
    assert got["u/gravel_gwen"][0] == "content"
