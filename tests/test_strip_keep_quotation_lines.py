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
