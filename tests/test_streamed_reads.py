"""Readers of huge outputs that take one record at a time give what a whole read gives."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline import rule_stats
from pipeline.corpus import link_quotations
from pipeline.report.load import iter_jsonl
from pipeline.store import (atomic_write_bytes, dump_chunks, read_json_records, read_json_streamed, write_if_changed,
                            write_jsonl)

OUTPUT = {"schema": "s", "document": {"id": "d", "name": "d"}, "encoding_rule": "x.enc",
          "gaps": [{"rule": "x.gap", "raw_start": 0, "raw_end": 3}],
          "blocks": [{"id": "b1", "rule": "x.block", "text": "abc", "rules": ["x.inner"]}], "notes": []}


def _both_forms(tmp_path: Path) -> list[Path]:
    lines, whole = tmp_path / "lines.json", tmp_path / "whole.json"
    atomic_write_bytes(lines, dump_chunks(OUTPUT))
    whole.write_text(json.dumps(OUTPUT, indent=2))
    return [lines, whole]


def test_a_streamed_read_passes_each_record_once_and_keeps_the_rest(tmp_path: Path) -> None:
    for path in _both_forms(tmp_path):
        seen: list[tuple[str, str]] = []
        head = read_json_streamed(path, lambda h, key, r: seen.append((h["document"]["id"], r["id"])), ["blocks"])
        assert seen == [("d", "b1")]
        assert head["blocks"] == [] and head["gaps"] == OUTPUT["gaps"] and head["encoding_rule"] == "x.enc"


def test_a_read_of_only_some_lists_never_offers_the_records_of_the_others(tmp_path: Path) -> None:
    path = _both_forms(tmp_path)[0]
    offered: list[str] = []
    head = read_json_records(path, lambda _h, key, _r: offered.append(key) or True, only=frozenset(("gaps",)))
    assert offered == ["gaps"] and head["gaps"] == OUTPUT["gaps"] and head["blocks"] == []


def test_rule_statistics_read_a_record_at_a_time_equal_those_of_whole_outputs(tmp_path: Path) -> None:
    for path in _both_forms(tmp_path):
        assert rule_stats.file_stats({"extract": path}) == rule_stats.document_stats({"extract": OUTPUT})


def test_shared_passages_are_found_when_only_two_documents_hold_a_run() -> None:
    q = lambda d, i, t: {"id": f"{d}#q{i}", "text": t, "start": 0, "end": len(t), "raw_start": 0,  # noqa: E731
                         "raw_end": len(t), "document": d, "doc_id": d}
    quotes = [q("a", 1, "one two three four five six"), q("a", 2, "seven eight nine ten eleven"),
              q("b", 1, "zero one two three four five six")]
    lines = link_quotations(quotes, 3)
    shared = [ln for ln in lines if ln["shared"]]
    assert [s["text"] for s in shared] == ["one two three four five six"]
    assert sorted(o["document"] for o in shared[0]["occurrences"]) == ["a", "b"]


def test_a_row_holding_a_line_separator_is_one_row(tmp_path) -> None:
    import json as _json

    from pipeline.report.load import read_jsonl

    p = tmp_path / "q.jsonl"
    rows = [{"text": "one\u2028two"}, {"text": "three"}]
    p.write_text("".join(_json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert read_jsonl(p) == rows


def test_a_write_of_the_bytes_a_file_already_holds_leaves_it_alone(tmp_path: Path) -> None:
    path = tmp_path / "out" / "a.json"
    assert write_if_changed(path, b'{"a": 1}\n') and path.read_bytes() == b'{"a": 1}\n'
    before = path.stat().st_mtime_ns
    assert not write_if_changed(path, b'{"a": 1}\n') and path.stat().st_mtime_ns == before
    assert write_if_changed(path, b'{"a": 2}\n') and path.read_bytes() == b'{"a": 2}\n'
