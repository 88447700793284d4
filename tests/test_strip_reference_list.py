"""Reference lists are content, even after the main text body of a text dump."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.config import load_config

from test_strip import PROSE, label_of, run_strip

ROOT = Path(__file__).resolve().parent.parent


def test_a_reference_list_after_the_body_is_kept() -> None:
    cfg: Any = load_config(ROOT / "config" / "pipeline.yaml")
    text = f"{PROSE}\n\n{PROSE}\n\nReferences\n1. Daily Courier, 2 March 2019, page 4.\n2. Annual report, 2018.\n"
    ext, out = run_strip(cfg, "a.txt", text)
    assert label_of(ext, out, "References") == ("content", "strip.keep.reference_list")
    assert label_of(ext, out, "1. Daily Courier")[0] == "content"
    assert label_of(ext, out, "2. Annual report")[0] == "content"


def _labels(text: str) -> dict[str, tuple[str, str]]:
    cfg: Any = load_config(ROOT / "config" / "pipeline.yaml")
    ext, out = run_strip(cfg, "a.txt", text)
    return {b["text"].strip(): (d["label"], d["rule"]) for b, d in zip(ext["blocks"], out["decisions"])}


def test_a_numbered_run_with_a_citation_is_a_reference_list_without_heading() -> None:
    got = _labels(f"{PROSE}\n\n5. Some earlier book\n6. 6.0 6.1 John Smith. A History of Roads, 2004.\n7. Another book\n")
    assert got["5. Some earlier book"] == ("content", "strip.keep.reference_list")


def test_an_outlet_and_date_line_under_an_excerpt_is_kept() -> None:
    got = _labels(f"{PROSE}\n\n(Daily Courier 02. 03.1992.)\n")
    # kept as a whole sentence of the body (strip.text) or, failing that, by strip.keep.attribution_line
    assert got["(Daily Courier 02. 03.1992.)"][0] == "content"


def test_a_date_line_before_running_text_is_kept() -> None:
    got = _labels(f"March 23, 1997\n\n{PROSE}\n")
    assert got["March 23, 1997"][0] == "content"


def test_a_letters_closing_sentence_signature_block_and_valediction_are_kept() -> None:
    got = _labels(f"{PROSE}\n\nWe reject this claim entirely.\n\nYours sincerely,\nJane Miller\nDirector\nCivic Rights Group\n")
    assert got["We reject this claim entirely."][0] == "content"
    assert got["Jane Miller"][0] == "content" and got["Civic Rights Group"][0] == "content"


def test_a_forum_quote_cue_and_its_end_marker_are_kept() -> None:
    post = "I have worked in this trade for twenty years and I still learn something new on every single job."
    text = "\n\n".join([f"jdoe said:\n{post}\nClick to expand...\n{post}"] * 3) + "\n"
    got = _labels(text)
    assert got["jdoe said:"] == ("content", "strip.keep.quote_cue")
    assert got["Click to expand..."] == ("content", "strip.keep.quote_cue")


def test_a_short_document_is_not_stripped_to_nothing() -> None:
    got = _labels('He said "hello".\nSecond line.\n')
    assert got['He said "hello".'] == ("content", "strip.keep.no_main_text")
