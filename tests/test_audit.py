"""`pipeline trace ID` and `pipeline show DOC --stage NAME`: the terminal side of auditing."""

from __future__ import annotations

import re
import json
from pathlib import Path

import pytest
from test_report_sample import make_sample

from pipeline.cli import main


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    raw, out, _ = make_sample(tmp_path_factory.mktemp("audit"))
    return raw, out


def run(capsys: pytest.CaptureFixture[str], sample: tuple[Path, Path], *argv: str) -> tuple[int, str, str]:
    raw, out = sample
    code = main([*argv, "--raw", str(raw), "--out", str(out)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_trace_prints_raw_line_column_and_characters(capsys: pytest.CaptureFixture[str], sample: tuple[Path, Path]) -> None:
    code, out, _ = run(capsys, sample, "trace", "001_bridge.txt#q3")
    assert code == 0
    assert "span     raw [302, 318)  line:col 9:47–9:63" in out
    assert 'chars    "Nobody asked us."' in out


def test_trace_names_every_stage_with_its_config_and_code_hash(capsys: pytest.CaptureFixture[str], sample: tuple[Path, Path]) -> None:
    _, out, _ = run(capsys, sample, "trace", "001_bridge.txt#q3")
    for n, folder in enumerate(("01_extract", "02_strip", "03_normalise", "04_quotes", "05_copyright", "06_publish"), 1):
        prov = json.loads((sample[1] / folder / "001_bridge.txt.json").read_text(encoding="utf-8"))["provenance"]
        assert f"config {prov['config_hash']} · code {prov['code_hash']}" in out, folder


def test_trace_follows_a_quotation_from_block_to_speaker_and_source(capsys: pytest.CaptureFixture[str], sample: tuple[Path, Path]) -> None:
    _, out, _ = run(capsys, sample, "trace", "001_bridge.txt#q3")
    assert "  b5     line       9:1–9:67         extract.text_line" in out
    assert re.search(r"b5 +content +by strip\.[a-z_.]+", out)
    assert "clean text [238, 254) in p3" in out
    assert "speaker Tom Lee (person) at 9:13 by quotes.speaker.reporting_verb" in out
    assert "source Daily Courier, 2019-03-02 via 001_bridge.txt#a1 at 13:1" in out
    assert "not flagged: no copyright flag covers this span" in out


def test_trace_shows_normalisation_edits_inside_the_span(capsys: pytest.CaptureFixture[str], sample: tuple[Path, Path]) -> None:
    _, out, _ = run(capsys, sample, "trace", "001_bridge.txt#b4")
    assert '"“" → "\\""  normalise.quotes.double' in out


def test_trace_accepts_block_ids_and_says_why_a_block_was_removed(capsys: pytest.CaptureFixture[str], sample: tuple[Path, Path]) -> None:
    _, out, _ = run(capsys, sample, "trace", "001_bridge.txt#b1")
    assert "boilerplate by strip.promo_banner" in out
    assert "not in the clean text: removed at the strip stage" in out


def test_trace_of_a_flag_gives_reason_signals_and_quotations(capsys: pytest.CaptureFixture[str], sample: tuple[Path, Path]) -> None:
    _, out, _ = run(capsys, sample, "trace", "001_bridge.txt#f1")
    assert "summarise — a long quotation reproduced in full" in out
    assert "signal words = 32 (threshold 25)" in out
    assert "001_bridge.txt#q5 (block, speaker none) overlaps" in out


def test_trace_of_a_corpus_id_traces_each_occurrence(capsys: pytest.CaptureFixture[str], sample: tuple[Path, Path]) -> None:
    _, out, _ = run(capsys, sample, "trace", "cq1")
    assert "cq1  in corpus/quotations.jsonl" in out and "001_bridge.txt#q3  a quotation" in out


@pytest.mark.parametrize("record_id, message", [
    ("001_bridge.txt#q99", "no record with this id"),
    ("nothing.txt#q1", "no such document"),
    ("plain", "not a record id"),
])
def test_trace_of_an_unknown_id_is_a_one_line_error(capsys: pytest.CaptureFixture[str], sample: tuple[Path, Path],
                                                   record_id: str, message: str) -> None:
    code, _, err = run(capsys, sample, "trace", record_id)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_show_strip_marks_removed_blocks_with_their_rule(capsys: pytest.CaptureFixture[str], sample: tuple[Path, Path]) -> None:
    code, out, _ = run(capsys, sample, "show", "001_bridge.txt", "--stage", "strip")
    assert code == 0
    assert "-    b1      1:1  [strip.promo_banner] Donate today to support our work!" in out
    assert "+    b2      3:1  Town council votes on new bridge" in out
    assert "\033[" not in out  # no colour codes when not on a terminal


@pytest.mark.parametrize("stage_name, expected", [
    ("extract", "11 blocks · gaps: 11 extract.line_break"),
    ("normalise", "quote policy straight"),
    ("quotes", "001_bridge.txt#q3 9:47 inline 3w · speaker Tom Lee"),
    ("copyright", "signal words = 32 (threshold 25)"),
    ("publish", "Town council votes on new bridge"),
])
def test_show_prints_every_stage(capsys: pytest.CaptureFixture[str], sample: tuple[Path, Path], stage_name: str, expected: str) -> None:
    code, out, _ = run(capsys, sample, "show", "001_bridge.txt", "--stage", stage_name)
    assert code == 0 and expected in out


def test_show_accepts_a_raw_path(capsys: pytest.CaptureFixture[str], sample: tuple[Path, Path]) -> None:
    code, out, _ = run(capsys, sample, "show", "raw/002_bridge.html", "--stage", "quotes")
    assert code == 0 and "002_bridge.html#q1" in out


def test_show_of_an_unknown_document_is_a_one_line_error(capsys: pytest.CaptureFixture[str], sample: tuple[Path, Path]) -> None:
    code, _, err = run(capsys, sample, "show", "missing.txt")
    assert code == 2 and err.startswith("error: missing.txt: no such document")
