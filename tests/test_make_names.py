"""File names are data under ``make all``: any name the file system allows is processed like any
other, beside one good document each time, and no name ever reaches a shell or a make recipe."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from pipeline.store import doc_id_for, read_json

ROOT = Path(__file__).resolve().parent.parent
GOOD = "good.txt"
TEXT = "Council notes\n\n“The road opens in May,” said Ann Smith, the engineer.\n"
NAMES = [";touch${IFS}X;.txt", "a=b.txt", "|x.txt", "-x.txt", "back\\slash.txt", "new\nline.txt"]

pytestmark = pytest.mark.slow


def make_all(raw: Path, out: Path) -> subprocess.CompletedProcess[str]:
    cmd = ["make", "--no-print-directory", "-o", ".venv/.installed", "all", f"RAW={raw}", f"OUT={out}"]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600, env={**os.environ, "CI": "1"})


def status(out: Path) -> dict[str, str]:
    return {d["id"]: d["status"] for d in read_json(out / "manifest.json")["documents"]}


def clean_text(out: Path, name: str) -> str:
    return read_json(out / "03_normalise" / f"{doc_id_for(name)}.json")["text"]


@pytest.fixture()
def corpus(tmp_path: Path, request: pytest.FixtureRequest) -> tuple[Path, Path, str]:
    name = request.param
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / GOOD).write_text(TEXT, encoding="utf-8")
    (raw / name).write_text(TEXT.replace("May", "June"), encoding="utf-8")
    return raw, tmp_path / "processed", name


@pytest.mark.parametrize("corpus", NAMES, indirect=True, ids=repr)
def test_a_hostile_name_is_processed_beside_a_good_document(corpus, tmp_path: Path) -> None:  # noqa: ANN001
    raw, out, name = corpus
    res = make_all(raw, out)
    assert res.returncode == 0, res.stdout + res.stderr
    assert status(out) == {doc_id_for(GOOD): "ok", doc_id_for(name): "ok"}
    assert "June" in clean_text(out, name)
    for folder in (ROOT, raw, tmp_path, out):
        assert not (folder / "X").exists(), f"a command in a file name ran (X in {folder})"


@pytest.mark.parametrize("corpus", ["back\\slash.txt", "new\nline.txt"], indirect=True, ids=repr)
def test_a_hostile_name_edited_is_rebuilt(corpus) -> None:  # noqa: ANN001
    raw, out, name = corpus
    assert make_all(raw, out).returncode == 0
    (raw / name).write_text(TEXT.replace("May", "July"), encoding="utf-8")
    res = make_all(raw, out)
    assert res.returncode == 0, res.stderr
    assert "July" in clean_text(out, name) and status(out)[doc_id_for(name)] == "ok"
    assert "May" in clean_text(out, GOOD)
