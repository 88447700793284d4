"""Huge documents (issue 14): the quotation stage's memory is bounded without changing a decision.

Not timed here: `make bench` measures a 30 MB document (benchmarks/hugedoc.py, docs/BENCHMARKS.md).
"""

from __future__ import annotations

import hashlib
from typing import Any

import pytest


def _quotes(text: str, monkeypatch: pytest.MonkeyPatch, **quotes_cfg: Any) -> dict[str, Any]:
    """Extract, strip, normalise and quotes in memory, with `quotes_cfg` over the quotes section."""
    from pipeline.config import load_config
    from pipeline.runner import DocContext, run_stage
    from pipeline.stages import stage

    cfg = load_config(None)
    orig = type(cfg).section
    monkeypatch.setattr(type(cfg), "section", lambda self, name: (
        {**orig(self, name), **quotes_cfg} if name == "quotes" else orig(self, name)))
    data = text.encode("utf-8")
    ctx = DocContext("t.txt", "t.txt", data, hashlib.sha256(data).hexdigest())
    for name in ("extract", "strip", "normalise", "quotes"):
        run_stage(stage(name), ctx, cfg)
    out = ctx.outputs["quotes"]
    return {k: v for k, v in out.items() if k != "provenance"}


def _restores(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Parses read back from the spill file, per quotes run (recorded when the parses are dropped)."""
    from pipeline.quoting.parse import LazyDocs

    seen: list[int] = []
    close = LazyDocs.close
    monkeypatch.setattr(LazyDocs, "close", lambda self: (seen.append(self.restored), close(self))[1])
    return seen


def test_many_paragraphs_give_the_same_quotations_in_one_window_or_many(monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks.hugedoc import Prose

    text = Prose(seed=3).text(30_000)   # narrative, inline and pronoun quotations, dialogue, blocks, Q/A
    restores = _restores(monkeypatch)
    whole = _quotes(text, monkeypatch)
    windowed = _quotes(text, monkeypatch, parse_memory_tokens=50)   # a few paragraphs' parses in memory
    assert restores[0] == 0 and restores[1] > 0   # the second run did read parses back
    assert len(whole["quotations"]) > 50 and any(q["speaker"] for q in whole["quotations"])
    assert windowed == whole


def test_a_long_single_line_document_is_parsed_in_pieces_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    line = " ".join(f"Clara Novak said the river was measured again on day {i}." for i in range(300))
    text = line + ' "The bridge stays open for everyone," Clara Novak said.'   # about 18,000 characters, no line break
    out = _quotes(text, monkeypatch, max_parse_chars=2000)
    warnings = [w for w in out["warnings"] if w["rule"] == "quotes.parse.split_paragraph"]
    assert len(warnings) == 1 and warnings[0]["pieces"] >= 9
    assert warnings[0]["raw_start"] == 0 and warnings[0]["raw_end"] == len(text)
    q = next(q for q in out["quotations"] if q["text"].startswith("The bridge stays open"))
    assert q["speaker"]["name"] == "Clara Novak"


def test_a_stage_holds_only_the_earlier_outputs_and_record_lists_it_reads() -> None:
    from pipeline.runner import DocContext, release_outputs
    from pipeline.stages import stage

    ctx = DocContext("t.txt", "t.txt", b"x", "0")
    ctx.outputs = {"extract": {"encoding": "utf-8", "blocks": [{"id": "b1"}]},
                   "strip": {"decisions": [{"block": "b1"}]},
                   "normalise": {"text": "x", "map": [[0, 1, 0, 1]], "paragraphs": [{"id": "p1"}],
                                 "lines": [{"block": "b1"}], "edits": [{"rule": "r"}]}}
    release_outputs(ctx, [stage("quotes")])   # the quotation stage reads normalise's text, map and paragraphs
    assert set(ctx.outputs) == {"extract", "normalise"}
    assert ctx.outputs["extract"] == {"encoding": "utf-8", "blocks": []}   # kept for ctx.raw_text only
    assert ctx.outputs["normalise"] == {"text": "x", "map": [[0, 1, 0, 1]], "paragraphs": [{"id": "p1"}],
                                        "lines": [], "edits": []}
    assert ctx.raw_text() == "x"


def test_an_output_with_long_values_reads_the_same_a_line_at_a_time(tmp_path: Any) -> None:
    from pipeline.store import atomic_write_bytes, dump_chunks, read_json, read_json_records

    out = {"text": "a \"quoted\" \u201cword\u201d, " * 20_000, "records": [{"t": "y" * 70_000}, {"t": "z"}],
           "signals": {"words": 3, "s": "w" * 70_000}, "empty": []}
    path = tmp_path / "out.json"
    atomic_write_bytes(path, dump_chunks(out))
    assert read_json(path) == out
    assert read_json_records(path, lambda _h, _k, r: r["t"] == "z") == {**out, "records": [{"t": "z"}]}


def test_copyright_reads_each_quotation_cut_to_its_fields_and_a_later_reader_gets_it_whole(tmp_path: Any) -> None:
    from pipeline.runner import load_context, output_path, reload_shaped
    from pipeline.stages import stage
    from pipeline.store import RawDoc, atomic_write_bytes, dump_chunks

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "t.txt").write_text("x")
    q = {"id": "t.txt#q1", "text": "Hello there", "start": 0, "end": 11, "raw_start": 0, "raw_end": 11,
         "kind": "inline", "form": "inline", "words": 2, "cue": {"text": "said"}, "source": None,
         "speaker": {"name": "Anna", "type": "person", "rule": "r", "start": 12, "end": 16}, "parent": None,
         "rule": "r", "rules": ["r"], "interpolations": []}
    outputs = {"extract": {"encoding": "utf-8"}, "strip": {"notices": []},
               "normalise": {"text": "x", "map": [[0, 1, 0, 1]], "paragraphs": []}, "quotes": {"quotations": [q]}}
    for name, out in outputs.items():
        path = output_path(tmp_path, stage(name), "t.txt")
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, dump_chunks(out))
    todo = [stage("copyright"), stage("publish")]
    ctx = load_context(RawDoc("t.txt", "t.txt", raw / "t.txt"), raw, tmp_path,
                       ["extract", "strip", "normalise", "quotes"], None, todo)
    assert ctx.outputs["quotes"]["quotations"] == [
        {"id": "t.txt#q1", "start": 0, "end": 11, "parent": None, "form": "inline", "kind": "inline",
         "words": 2, "source": None, "speaker": {"name": "Anna", "type": "person"}}]
    assert ctx.outputs["normalise"]["map"] == [(0, 1, 0, 1)]   # segments as MappedText holds them
    reload_shaped(ctx, tmp_path, todo[1:])   # publish reads the quotations whole
    assert ctx.outputs["quotes"]["quotations"] == [q] and not ctx.shaped


def test_packed_records_write_the_same_bytes_as_the_list_and_read_back_equal() -> None:
    from pipeline.store import PackedRecords, dump_bytes

    records = [{"id": "q1", "text": "“Yes,” she said", "speaker": {"name": "Anna"}, "n": 10 ** 12}, {"id": "q2"}]
    packed = PackedRecords(records)
    assert dump_bytes({"quotations": packed, "empty": PackedRecords()}) == dump_bytes({"quotations": records, "empty": []})
    assert packed == records and list(packed) == records and packed[1] == {"id": "q2"} and len(packed) == 2
