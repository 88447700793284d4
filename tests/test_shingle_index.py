"""The corpus step of copy detection: an on-disk shingle index over the normalise outputs, kept
in step with them, re-checking only the documents a change can affect."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import corpus_copies as cc
from pipeline.config import load_config
from pipeline.runner import DocContext, run_stage, write_stage_output
from pipeline.stages import stage
from pipeline.store import read_json, sha256_bytes

CONFIG = load_config(None)
SHARED = " ".join(f"w{i} alpha{i % 3} beta{i % 11}." for i in range(60))  # 180 words of running text


def own(seed: str, n: int = 60) -> str:
    return " ".join(f"{seed}{i}" + ("." if i % 10 == 9 else "") for i in range(n))


def normalised(out: Path, doc_id: str, text: str) -> None:
    """The first three stages of a document, as the corpus step reads them (no raw file needed)."""
    data = text.encode("utf-8")
    ctx = DocContext(doc_id, doc_id, data, sha256_bytes(data))
    for name in ("extract", "strip", "normalise"):
        write_stage_output(stage(name), out, doc_id, run_stage(stage(name), ctx, CONFIG))


def matched(out: Path, doc_id: str) -> list[str]:
    return [m["document"] for m in read_json(cc.copies_path(out, doc_id))["matches"]]


@pytest.fixture()
def out(tmp_path: Path) -> Path:
    o = tmp_path / "out"
    normalised(o, "a.txt", "Alpha page\n\n" + own("own") + "\n\n" + SHARED + "\n")
    normalised(o, "b.txt", "Beta page\n\nIntro text here.\n\n" + SHARED + "\n")
    normalised(o, "c.txt", "Gamma page\n\n" + own("gamma", 200) + "\n")
    cc.update(o, ["a.txt", "b.txt", "c.txt"], CONFIG)
    return o


def test_documents_sharing_a_passage_each_list_the_other(out: Path) -> None:
    assert matched(out, "a.txt") == ["b.txt"] and matched(out, "b.txt") == ["a.txt"]
    assert matched(out, "c.txt") == []


def test_the_index_lives_in_the_cache_folder(out: Path) -> None:
    assert [p.name for p in (out / ".cache").iterdir()] == [f"copies-v{cc.INDEX_VERSION}-n5.sqlite"]


def test_nothing_changed_writes_no_copies_file(out: Path) -> None:
    assert cc.update(out, ["a.txt", "b.txt", "c.txt"], CONFIG) == []


def test_a_new_document_rewrites_only_the_files_whose_matches_changed(out: Path, monkeypatch) -> None:
    normalised(out, "d.txt", "Delta page\n\n" + SHARED + "\n")
    indexed: list[str] = []
    real = cc.doc_shingles
    monkeypatch.setattr(cc, "doc_shingles", lambda text, n: indexed.append(text) or real(text, n))
    written = cc.update(out, ["a.txt", "b.txt", "c.txt", "d.txt"], CONFIG)
    assert len(indexed) == 1   # the new document only
    assert written == ["a.txt", "b.txt", "d.txt"]
    assert matched(out, "a.txt") == ["b.txt", "d.txt"]


def test_a_removed_document_leaves_the_index_and_the_matches_of_others(out: Path) -> None:
    written = cc.update(out, ["a.txt", "c.txt"], CONFIG)
    assert written == ["a.txt"] and matched(out, "a.txt") == []
    assert not cc.copies_path(out, "b.txt").exists()


def test_a_match_needs_the_shingles_a_run_of_min_words_holds() -> None:
    rcfg = {"shingle_words": 5, "max_gap_shingles": 4, "min_words": 100}
    assert cc.min_shared(rcfg) == 20   # 95 words past the first shingle, one shared every 5 at least


def test_an_interrupted_step_checks_its_documents_again(out: Path, monkeypatch) -> None:
    normalised(out, "d.txt", "Delta page\n\n" + SHARED + "\n")
    real = cc.write_if_changed

    def crash(path: Path, data: bytes) -> bool:
        if path.name == "b.txt.json":
            raise KeyboardInterrupt
        return real(path, data)

    monkeypatch.setattr(cc, "write_if_changed", crash)
    with pytest.raises(KeyboardInterrupt):
        cc.update(out, ["a.txt", "b.txt", "c.txt", "d.txt"], CONFIG)
    monkeypatch.setattr(cc, "write_if_changed", real)
    assert "b.txt" in cc.update(out, ["a.txt", "b.txt", "c.txt", "d.txt"], CONFIG)
    assert matched(out, "b.txt") == ["a.txt", "d.txt"]
