"""``pipeline plan``: a stage's documents are those whose outputs are missing, record another raw
hash, config or code, or are older than an input; the check reads no output twice."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline import makeplan
from pipeline.config import load_config
from pipeline.runner import DocContext, run_stage, write_stage_output
from pipeline.stages import stages
from pipeline.store import list_raw, sha256_bytes

CONFIG = load_config(None)
FIRST = ("extract", "strip", "normalise")


def run_first_stages(raw: Path, out: Path) -> None:
    """The first three stages of every document, as make-stage writes them."""
    for doc in list_raw(raw):
        data = doc.path.read_bytes()
        ctx = DocContext(doc.doc_id, doc.name, data, sha256_bytes(data))
        for spec in stages()[:3]:
            write_stage_output(spec, out, doc.doc_id, run_stage(spec, ctx, CONFIG))


@pytest.fixture()
def folders(tmp_path: Path) -> tuple[Path, Path]:
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "a.txt").write_text("Council notes\n\nThe road opens in May.\n", encoding="utf-8")
    (raw / "b.txt").write_text("Other notes\n\nThe bridge opens in June.\n", encoding="utf-8")
    run_first_stages(raw, out)
    return raw, out


def test_stages_with_current_outputs_have_nothing_to_do(folders) -> None:  # noqa: ANN001
    raw, out = folders
    todo = makeplan.write_plan(raw, out, CONFIG)
    assert all(todo[s] == [] for s in FIRST)
    assert todo["quotes"] == ["a.txt", "b.txt"] and todo["corpus"] == ["*"]
    assert makeplan.read_todo(out, "quotes") == ["a.txt", "b.txt"]


def test_a_second_plan_reads_no_output(folders, monkeypatch) -> None:  # noqa: ANN001
    raw, out = folders
    makeplan.write_plan(raw, out, CONFIG)
    read: list[Path] = []
    real = makeplan.read_provenance
    monkeypatch.setattr(makeplan, "read_provenance", lambda p: read.append(p) or real(p))
    makeplan.write_plan(raw, out, CONFIG)
    assert read == []


def test_an_edit_that_keeps_the_size_is_seen_by_its_hash(folders) -> None:  # noqa: ANN001
    raw, out = folders
    makeplan.write_plan(raw, out, CONFIG)
    (raw / "a.txt").write_text("Council notes\n\nThe road opens in Mai.\n", encoding="utf-8")
    todo = makeplan.write_plan(raw, out, CONFIG)
    assert all(todo[s] == ["a.txt"] for s in FIRST)


def test_an_input_newer_than_an_output_makes_it_stale(folders) -> None:  # noqa: ANN001
    raw, out = folders
    later = (out / "03_normalise" / "b.txt.json").stat().st_mtime_ns + 10**9
    os.utime(out / "02_strip" / "b.txt.json", ns=(later, later))
    todo = makeplan.write_plan(raw, out, CONFIG)
    assert todo["extract"] == [] and todo["strip"] == [] and todo["normalise"] == ["b.txt"]


def test_another_config_section_makes_that_stage_and_later_ones_stale(folders, tmp_path: Path) -> None:  # noqa: ANN001
    raw, out = folders
    root = Path(__file__).resolve().parent.parent
    text = (root / "config" / "pipeline.yaml").read_text(encoding="utf-8")
    changed = tmp_path / "pipeline.yaml"
    changed.write_text(text.replace('paragraph_separator: "\\n\\n"', 'paragraph_separator: "\\n\\n\\n"'), encoding="utf-8")
    todo = makeplan.write_plan(raw, out, load_config(changed))
    assert todo["strip"] == [] and todo["normalise"] == ["a.txt", "b.txt"]


def test_the_envelope_is_read_from_the_head_of_an_output(folders) -> None:  # noqa: ANN001
    _, out = folders
    from pipeline.store import read_json

    path = out / "03_normalise" / "a.txt.json"
    full = read_json(path)
    prov = makeplan.read_provenance(path)
    assert prov is not None and prov[:3] == [full["document"]["raw_sha256"], full["provenance"]["config_hash"],
                                             full["provenance"]["code_hash"]]
