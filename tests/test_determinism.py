"""Determinism: two runs give byte-identical processed/ folders, whatever the hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_seeds, output_tree

PIPELINE = Path(sys.executable).parent / "pipeline"


def _run(raw: Path, out: Path, seed: str, workers: int = 1) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed, "CI": "1"}
    res = subprocess.run([str(PIPELINE), "run", "--raw", str(raw), "--out", str(out), "--workers", str(workers)],
                         capture_output=True, text=True, env=env, timeout=600)
    assert res.returncode == 0, res.stderr


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds, plus small documents that exercise HTML, entities and odd encodings."""
    d = copy_seeds(tmp_path_factory.mktemp("det") / "raw")
    (d / "page.html").write_text(
        "<!DOCTYPE html><html><head><title>T</title><script>x()</script></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/a'>About</a></nav><h1>A title</h1>"
        "<p class='lead' id='p1'>He said &ldquo;we will&rdquo; &amp; left.<br>Next line</p>"
        "<ul><li>one</li><li>two</li></ul><footer>© 2011 Somebody</footer></body></html>", encoding="utf-8")
    (d / "latin.txt").write_bytes("Caf\u00e9 \u2014 \u201cquoted\u201d\r\n\r\nSecond.\r\n".encode("cp1252"))
    return d


@pytest.fixture(scope="module")
def two_runs(raw: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two clean runs into folders of the same name: one worker and hash seed 1, two workers and seed 4242."""
    base = tmp_path_factory.mktemp("runs")
    a, b = base / "a" / "processed", base / "b" / "processed"
    _run(raw, a, "1", workers=1)
    _run(raw, b, "4242", workers=2)
    return a, b


def test_two_runs_with_different_hash_seeds_and_workers_give_identical_bytes(two_runs: tuple[Path, Path]) -> None:
    ta, tb = (output_tree(p) for p in two_runs)
    assert sorted(ta) == sorted(tb)
    differ = [k for k in ta if ta[k] != tb[k]]
    assert not differ, differ
    assert any(k.startswith("06_publish/") for k in ta)


def test_a_rerun_over_an_existing_folder_changes_no_byte(raw: Path, two_runs: tuple[Path, Path]) -> None:
    a, _ = two_runs
    first = output_tree(a)
    _run(raw, a, "5")
    assert output_tree(a) == first


def test_outputs_hold_no_absolute_path(two_runs: tuple[Path, Path]) -> None:
    """Outputs must not depend on where they were made."""
    a, _ = two_runs
    for rel, data in output_tree(a).items():
        assert str(a.parent) not in data.decode("utf-8", "replace"), rel
