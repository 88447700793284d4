"""Shared fixtures: the seeds processed once per test session (the whole pipeline, in-process)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"
GOLD = ROOT / "tests" / "gold"
SHARED = ROOT.parent / "shared"


def output_tree(root: Path) -> dict[str, bytes]:
    """Every file of a processed folder (relative path -> bytes), temporary files included, but
    not the hidden folders of caches and make's bookkeeping (``.cache/``, ``.make/``): they are
    not outputs (an SQLite file's header changes with every write; make's files name the folder)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not any(x.startswith(".") for x in p.relative_to(root).parts[:-1])}


@pytest.fixture(scope="session")
def seeds_processed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``pipeline run`` over the seed documents in raw/; returns the output folder."""
    from pipeline.runner import run_all

    out = tmp_path_factory.mktemp("processed")
    results = run_all(RAW, out, None)
    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    return out


@pytest.fixture()
def raw_dir(tmp_path: Path) -> Path:
    """An empty raw folder for tests that make their own documents."""
    d = tmp_path / "raw"
    d.mkdir()
    return d


def copy_seeds(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for p in RAW.iterdir():
        if p.is_file() and not p.name.startswith("."):
            shutil.copy(p, dest / p.name)
    return dest
