"""``make bench-quality`` (pipeline.benchquality) on a tiny benchmark folder of the same layout."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass

from pathlib import Path

import pytest
import yaml

from pipeline.benchquality import main as bench_main


@dataclass
class BenchRun:
    rc: int
    out: str
    folder: Path


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory: pytest.TempPathFactory) -> BenchRun:
    """One run of the wcxb-text part on a one-document benchmark (shared by the tests below)."""
    tmp = tmp_path_factory.mktemp("bench")
    raw, gold = tmp / "bench" / "wcxb-dev" / "raw_text", tmp / "bench" / "wcxb-dev" / "gold_text"
    raw.mkdir(parents=True)
    gold.mkdir(parents=True)
    (raw / "0001.txt").write_text("A plain story about rivers and how they shape valleys over time.\n",
                                  encoding="utf-8")
    (gold / "0001.yaml").write_text(yaml.safe_dump(
        {"document": "0001.txt", "content": ["A plain story about rivers"], "boilerplate": ["not there"]}))
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        rc = bench_main(["--bench", str(tmp / "bench"), "--only", "wcxb-text", "--out", str(tmp / "out"),
                         "--workers", "1"])
    return BenchRun(rc, buf.getvalue(), tmp / "out" / "wcxb-text")


def test_bench_quality_prints_the_part_table_with_its_targets(tiny_run: BenchRun) -> None:
    assert tiny_run.rc == 0
    assert "== wcxb-text: 1 documents" in tiny_run.out
    assert "content_kept                  1.000 (1/1)" in tiny_run.out
    assert ">= 0.90 ok" in tiny_run.out


def test_bench_quality_stops_the_wcxb_parts_after_normalise(tiny_run: BenchRun) -> None:
    done = sorted(p.name for p in tiny_run.folder.iterdir() if p.is_dir())
    assert done == ["01_extract", "02_strip", "03_normalise"]


def test_bench_quality_missing_bench_folder_is_a_one_line_error(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    rc = bench_main(["--bench", str(tmp_path / "nope"), "--only", "wcxb-text", "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert rc == 2
    assert err.startswith("error: ") and err.count("\n") == 1
