"""Executors: where documents run changes nothing in what is written.

The local executor (one process or a pool) and the Ray executor (tasks on a local Ray instance
with 2 workers) must write byte-identical outputs, return results in document order, and fail
with one clear line when they cannot run.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_seeds, output_tree
from pipeline.errors import PipelineError
from pipeline.executors import ExecutorError, LocalExecutor, RayExecutor, _config, make_executor
from pipeline.store import list_raw

PIPELINE = str(Path(sys.executable).parent / "pipeline")
RAY_TIMEOUT_S = 300  # Ray start-up takes 10-20 s; a hung run must fail, not block CI


def run_cli(args: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    """``pipeline ARGS`` in its own process group, killed whole if it outlives ``timeout``."""
    proc = subprocess.Popen([PIPELINE, *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True, env={**os.environ, "RAY_USAGE_STATS_ENABLED": "0"})
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"pipeline {' '.join(args)} did not finish in {timeout} s")
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def test_ray_executor_writes_the_same_bytes_as_the_local_executor(seeds_processed: Path, tmp_path: Path) -> None:
    raw = copy_seeds(tmp_path / "raw")
    out = tmp_path / seeds_processed.name  # the report names its output folder
    res = run_cli(["run", "--raw", str(raw), "--out", str(out), "--executor", "ray", "--workers", "2"],
                  RAY_TIMEOUT_S)
    assert res.returncode == 0, res.stderr[-2000:]
    assert output_tree(out) == output_tree(seeds_processed)


def test_process_pool_writes_the_same_bytes_as_one_process(seeds_processed: Path, tmp_path: Path) -> None:
    from pipeline.runner import run_all

    raw = copy_seeds(tmp_path / "raw")
    out = tmp_path / seeds_processed.name  # the report names its output folder
    results = run_all(raw, out, None, workers=2)
    assert all(r.ok for r in results)
    assert output_tree(out) == output_tree(seeds_processed)


def test_process_pool_returns_results_in_document_order(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(6):  # decreasing sizes: later documents tend to finish first
        (raw / f"{i}.txt").write_text(f"Paragraph {i}.\n\n" * (600 - 100 * i), encoding="utf-8")
    docs = list_raw(raw)
    results = list(LocalExecutor(2).map_documents(docs, raw, tmp_path / "out", _config_path(), "extract"))
    assert [r.doc_id for r in results] == [d.doc_id for d in docs]


def test_worker_loads_the_config_once_for_many_documents() -> None:
    _config.cache_clear()
    for _ in range(3):
        _config(_config_path())
    assert _config.cache_info().misses == 1


def test_missing_ray_is_one_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # makes `import ray` raise ImportError
    raw = copy_seeds(tmp_path / "raw")
    with pytest.raises(ExecutorError, match="needs Ray"):
        list(RayExecutor(2).map_documents(list_raw(raw), raw, tmp_path / "out", _config_path()))


def test_unknown_executor_is_a_pipeline_error() -> None:
    with pytest.raises(PipelineError, match="unknown executor"):
        make_executor("dask")


def test_ray_address_without_ray_executor_is_an_error() -> None:
    with pytest.raises(PipelineError, match="--executor ray"):
        make_executor("local", 2, "auto")


def _config_path() -> str:
    return str(ROOT / "config" / "pipeline.yaml")
