"""The copyright stage, one signal per test, on small hand-made documents.

Documents run through the real extract, strip and normalise stages; quotations (the quotes
stage's records) are written by hand where a test needs them, so these tests load no model.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from pipeline.config import load_config
from pipeline.runner import DocContext, run_stage
from pipeline.stages import copyright as copyright_stage
from pipeline.stages import stage
from pipeline.corpus_copies import earwig_confidence
from pipeline.store import sha256_bytes

CONFIG = load_config(None)


def para(n: int, seed: str = "river") -> str:
    """A paragraph of ``n`` words of plain third-person running text, ending in a full stop."""
    words = [f"{seed}{i % 7}" if i % 5 else "the" for i in range(n - 1)]
    return "The " + " ".join(w + ("." if i % 12 == 11 else "") for i, w in enumerate(words)) + "."


def process(text: str, name: str = "doc.txt", quotes: list[dict[str, Any]] | None = None,
            copies: dict[str, Any] | None = None, cfg: dict[str, Any] | None = None) -> dict[str, Any]:
    data = text.encode("utf-8")
    ctx = DocContext(name, name, data, sha256_bytes(data))
    for s in ("extract", "strip", "normalise"):
        run_stage(stage(s), ctx, CONFIG)
    ctx.outputs["quotes"] = {"quotations": quotes or []}
    if copies is not None:
        ctx.outputs["copies"] = copies
    return copyright_stage.run(ctx, cfg or CONFIG.section("copyright")) | {"_text": ctx.outputs["normalise"]["text"]}


def quotation(text: str, clean: str, qid: str, speaker: str | None, kind: str = "block") -> dict[str, Any]:
    start = clean.index(text)
    return {"id": qid, "text": text, "start": start, "end": start + len(text), "kind": kind,
            "words": len(text.split()), "parent": None,
            "speaker": {"name": speaker} if speaker else None, "source": None}


def flagged(out: dict[str, Any], fragment: str) -> bool:
    return any(fragment in out["_text"][f["start"]:f["end"]] for f in out["flags"])


# ------------------------------------------------------------------------------ notices
def test_fair_use_notice_at_the_end_of_a_section_flags_that_section() -> None:
    doc = ("Main title\n\n" + para(80, "own") + "\n\nReproduced part\n\n" + para(90, "copied") + "\n\n"
           + para(90, "copied") + "\n\nThis article contains text from a source with a copyright. Please help "
           "us by extracting the factual information in accordance to fair use standards.\n\nNext part\n\n"
           + para(80, "more"))
    out = process(doc)
    assert len(out["flags"]) == 1
    f = out["flags"][0]
    assert f["rule"] == "copyright.notice_scope" and f["notice"] == "doc.txt#n1"
    assert flagged(out, "copied0") and not flagged(out, "own0") and not flagged(out, "more0")
    assert f["signals"]["notice_section_words"] == {"value": 180, "threshold": 60}


def test_site_copyright_footer_covers_nothing() -> None:
    doc = "Title\n\n" + para(120) + "\n\n" + para(120) + "\n\n© 2011 Example Publishing. All rights reserved."
    out = process(doc)
    assert out["flags"] == []
    assert out["document_signals"]["notices"][0]["scope"] == "site header or footer"


# ------------------------------------------------------------------------------ news article
def test_article_under_an_outlet_header_and_publication_date_is_flagged_with_outlet_and_date() -> None:
    doc = ("Our own page\n\n" + para(60, "own") + "\n\nFrom the Daily Example:\n\nPublished: March 5, 1992\n\n"
           + para(30, "news") + "\n\n" + para(30, "news") + "\n\n" + para(20, "news"))
    out = process(doc)
    [f] = out["flags"]
    assert f["rule"] == "copyright.news_article"
    assert (f["outlet"], f["date"]) == ("Daily Example", "1992-03-05")
    assert flagged(out, "news0") and not flagged(out, "own0") and not flagged(out, "Published")
    assert [e["what"] for e in f["evidence"]] == ["outlet header", "dateline"]


def test_byline_and_date_alone_do_not_make_the_pages_own_article_a_reproduction() -> None:
    doc = "By Jane Example\n\nPublished: March 5, 1992\n\n" + "\n\n".join(para(40, "own") for _ in range(4))
    assert process(doc)["flags"] == []


# ------------------------------------------------------------------------------ letter
def test_letter_with_date_line_body_valediction_and_signature_is_flagged() -> None:
    doc = ("Reply to a letter\n\nMarch 23, 1997\n\n" + para(70, "body") + "\n\n" + para(70, "body")
           + "\n\nYours sincerely,\nJane Example\nDirector\n\n" + para(30, "after"))
    out = process(doc)
    [f] = out["flags"]
    assert f["rule"] == "copyright.letter" and f["date"] == "1997-03-23"
    assert f["who"].startswith("Jane Example")
    assert flagged(out, "body0") and not flagged(out, "after0")


def test_valediction_without_a_date_line_or_salutation_is_not_a_letter() -> None:
    doc = "Notes\n\n" + para(90, "body") + "\n\n" + para(90, "body") + "\n\nBest regards,\nJane Example"
    assert process(doc)["flags"] == []


# ------------------------------------------------------------------------------ quotations
def test_run_of_quotation_paragraphs_by_one_speaker_above_the_threshold_is_flagged() -> None:
    a, b = para(160, "said"), para(160, "said")
    doc = "Title\n\nShe wrote:\n\n" + a + "\n\n" + b + "\n\n" + para(40, "own")
    clean = process(doc)["_text"]
    qs = [quotation(a, clean, "doc.txt#q1", "Jane Example"), quotation(b, clean, "doc.txt#q2", "Jane Example")]
    out = process(doc, quotes=qs)
    [f] = out["flags"]
    assert f["rule"] == "copyright.long_quotation" and f["who"] == "Jane Example"
    assert f["quotations"] == ["doc.txt#q1", "doc.txt#q2"]
    assert f["signals"]["quoted_words"] == {"value": 320, "threshold": 300}


def test_short_quotations_are_never_flagged() -> None:
    q1, q2 = "we will rebuild the bridge before winter", "nobody expected the water to rise so fast"
    doc = f'Title\n\nThe mayor said "{q1}" and a resident added "{q2}".'
    clean = process(doc)["_text"]
    qs = [quotation(q1, clean, "doc.txt#q1", "Mayor", "inline"), quotation(q2, clean, "doc.txt#q2", None, "inline")]
    out = process(doc, quotes=qs)
    assert out["flags"] == []
    assert out["document_signals"]["third_party_share"]["value"] > 0.5


def test_a_page_mostly_of_others_words_flags_a_shorter_run() -> None:
    a = para(250, "said")
    doc = "Title\n\n" + a + "\n\n" + para(40, "own")
    clean = process(doc)["_text"]
    out = process(doc, quotes=[quotation(a, clean, "doc.txt#q1", "Jane Example")])
    [f] = out["flags"]
    assert f["rule"] == "copyright.third_party_share"
    assert f["signals"]["third_party_share"]["value"] >= 0.5


def test_unquoted_first_person_excerpt_with_editorial_marks_is_flagged() -> None:
    body = " ".join(["I saw the [northern] road and I walked on with my friends for many hours."] * 12)
    doc = ("Title\n\nHe is charged over the following texts.\n\n" + body + " …\n\n" + body + " …\n\n"
           "Next part\n\n" + para(40))
    out = process(doc)
    [f] = out["flags"]
    assert f["rule"] == "copyright.excerpt_markers"
    assert f["signals"]["editor_marks"]["value"] >= 3


def test_first_person_text_without_editorial_marks_is_not_an_excerpt() -> None:
    body = " ".join(["I saw the northern road and I walked on with my friends for many hours."] * 12)
    assert process("Title\n\n" + body + "\n\n" + body)["flags"] == []


# ------------------------------------------------------------------------------ across documents
def normalise_and_copy(out: Path, texts: dict[str, str]) -> None:
    """The documents through normalise into ``out``, then the corpus copies step over them
    (it reads the documents' normalise outputs)."""
    from pipeline.corpus_copies import update
    from pipeline.runner import write_stage_output

    for name, text in texts.items():
        data = text.encode("utf-8")
        ctx = DocContext(name, name, data, sha256_bytes(data))
        for s in ("extract", "strip", "normalise"):
            write_stage_output(stage(s), out, name, run_stage(stage(s), ctx, CONFIG))
    update(out, list(texts), CONFIG)


def test_passage_copied_from_another_document_is_flagged_and_linked(tmp_path: Path) -> None:
    from pipeline.corpus_copies import copies_path
    from pipeline.store import read_json

    shared = " ".join(f"w{i} alpha{i % 3} beta{i % 11}." for i in range(60))  # 180 words, 60 sentences
    texts = {"a.txt": "Alpha page\n\n" + para(50, "own") + "\n\n" + shared + ".\n",
             "b.txt": "Beta page\n\nIntro text here.\n\n" + shared + ".\n"}
    normalise_and_copy(tmp_path, texts)
    out = process(texts["a.txt"], "a.txt", copies=read_json(copies_path(tmp_path, "a.txt")))
    [f] = out["flags"]
    assert f["rule"] == "copyright.copied" and f["documents"] == ["b.txt"]
    assert f["signals"]["earwig_confidence"]["value"] >= 0.75
    assert out["document_signals"]["copied_documents"] == ["b.txt"]
    assert not flagged(out, "own0")


def test_earwig_confidence_matches_its_reference_points() -> None:
    assert earwig_confidence(10_000, 100) == pytest.approx(0.5, abs=0.01)
    assert earwig_confidence(10_000, 250) == pytest.approx(0.75, abs=0.01)
    assert earwig_confidence(10_000, 500) == pytest.approx(0.9, abs=0.01)
    assert earwig_confidence(100, 100) == pytest.approx(1.0, abs=0.01)


# ------------------------------------------------------------------------------ records
def test_flag_records_carry_spans_rules_action_and_a_reason_without_the_passage_text() -> None:
    doc = ("Page\n\n" + para(40, "own") + "\n\nFrom the Daily Example:\n\nPublished: 5 March 1992\n\n"
           + para(40, "news") + "\n\n" + para(40, "news"))
    out = process(doc)
    [f] = out["flags"]
    assert f["id"] == "doc.txt#f1" and f["action"] == "summarise"
    assert f["raw_end"] > f["raw_start"] and f["rules"] == ["copyright.news_article"]
    assert "\n" not in f["reason"] and "summarise" in f["reason"]
    passage = out["_text"][f["start"]:f["end"]]
    assert not any(w in f["reason"] for w in re.findall(r"news\d", passage))


def test_output_is_identical_on_a_second_run() -> None:
    doc = "Reply\n\nMarch 23, 1997\n\n" + para(120, "body") + "\n\nSincerely,\nJane Example"
    assert process(doc) == process(doc)
