"""Copy detection is a corpus step under ``make all``: adding a document that shares a passage
with an existing one updates both documents' flags; deleting it takes the flags away again;
documents that share nothing with it are not rebuilt."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from pipeline.store import read_json

ROOT = Path(__file__).resolve().parent.parent
SHARED = " ".join(f"w{i} alpha{i % 3} beta{i % 11}." for i in range(60))  # 180 words of running text
OWN = " ".join(f"own{i}" + ("." if i % 10 == 9 else "") for i in range(60))
OTHER = " ".join(f"gamma{i}" + ("." if i % 10 == 9 else "") for i in range(150))

pytestmark = pytest.mark.slow


def make_all(raw: Path, out: Path) -> None:
    cmd = ["make", "--no-print-directory", "-o", ".venv/.installed", "all", f"RAW={raw}", f"OUT={out}"]
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600, env={**os.environ, "CI": "1"})
    assert res.returncode == 0, res.stdout + res.stderr


def copied_from(out: Path, doc_id: str) -> list[str]:
    flags = read_json(out / "05_copyright" / f"{doc_id}.json")["flags"]
    return sorted(d for f in flags if "copyright.copied" in f["rules"] for d in f["documents"])


def published(out: Path, doc_id: str) -> str:
    return (out / "06_publish" / f"{doc_id}.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("corpus-step")
    raw, out = base / "raw", base / "processed"
    raw.mkdir()
    (raw / "a.txt").write_text("Alpha page\n\n" + OWN + "\n\n" + SHARED + "\n", encoding="utf-8")
    (raw / "c.txt").write_text("Gamma page\n\n" + OTHER + "\n", encoding="utf-8")
    make_all(raw, out)
    return raw, out


def test_adding_a_document_that_shares_a_passage_flags_both(corpus) -> None:  # noqa: ANN001
    raw, out = corpus
    assert copied_from(out, "a.txt") == []
    untouched = (out / "05_copyright" / "c.txt.json").stat().st_mtime_ns
    (raw / "b.txt").write_text("Beta page\n\nIntro text here.\n\n" + SHARED + "\n", encoding="utf-8")
    make_all(raw, out)
    assert copied_from(out, "a.txt") == ["b.txt"] and copied_from(out, "b.txt") == ["a.txt"]
    assert "w10 alpha1" not in published(out, "a.txt")   # the copied passage is a placeholder now
    assert (out / "05_copyright" / "c.txt.json").stat().st_mtime_ns == untouched


def test_deleting_it_takes_the_flags_and_its_corpus_entries_away(corpus) -> None:  # noqa: ANN001
    raw, out = corpus
    if not (raw / "b.txt").exists():
        (raw / "b.txt").write_text("Beta page\n\nIntro text here.\n\n" + SHARED + "\n", encoding="utf-8")
        make_all(raw, out)
    (raw / "b.txt").unlink()
    make_all(raw, out)
    assert copied_from(out, "a.txt") == []
    assert "w10 alpha1" in published(out, "a.txt")
    assert not list(out.rglob("b.txt*"))
    assert [d["id"] for d in read_json(out / "manifest.json")["documents"]] == ["a.txt", "c.txt"]
