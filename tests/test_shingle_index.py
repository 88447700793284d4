"""The corpus shingle index of the copyright stage: on disk, in step with raw/, incremental."""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.stages import copyright_corpus as cc


def words(seed: str, n: int = 60) -> str:
    return " ".join(f"{seed}{i}" for i in range(n))


def write(raw: Path, name: str, text: str) -> None:
    raw.mkdir(exist_ok=True)
    (raw / name).write_text(text, encoding="utf-8")


def fresh(raw: Path, cache: Path) -> cc.ShingleIndex:
    cc._OPEN.clear()   # as a new process would
    return cc.corpus_index(raw, 5, cache)


def indexed(index: cc.ShingleIndex) -> list[str]:
    return sorted(d for (d,) in index.con.execute("SELECT doc_id FROM docs"))


def test_holders_are_the_other_documents_that_share_a_shingle(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    write(raw, "a.txt", words("x"))
    write(raw, "b.txt", "intro words here " + words("x"))
    write(raw, "c.txt", words("y"))
    index = fresh(raw, tmp_path / "cache")
    h = cc.shingle_hash(["x0", "x1", "x2", "x3", "x4"])
    assert index.holders([h], exclude="a.txt") == {h: ["b.txt"]}
    assert index.holders([h], exclude="c.txt") == {h: ["a.txt", "b.txt"]}


def test_the_index_lives_in_the_cache_folder_and_survives_the_process(tmp_path: Path) -> None:
    raw, cache = tmp_path / "raw", tmp_path / "cache"
    write(raw, "a.txt", words("x"))
    fresh(raw, cache)
    assert [p.name for p in cache.iterdir()] == [f"shingles-v{cc.INDEX_VERSION}-n5.sqlite"]
    assert indexed(fresh(raw, cache)) == ["a.txt"]


def test_adding_a_document_indexes_only_that_document(tmp_path: Path, monkeypatch) -> None:
    raw, cache = tmp_path / "raw", tmp_path / "cache"
    write(raw, "a.txt", words("x"))
    fresh(raw, cache)
    write(raw, "b.txt", words("x"))
    read: list[str] = []
    real = cc.doc_shingles
    monkeypatch.setattr(cc, "doc_shingles", lambda text, n: read.append(text[:2]) or real(text, n))
    index = fresh(raw, cache)
    assert read == ["x0"] and indexed(index) == ["a.txt", "b.txt"]


def test_removed_and_changed_documents_leave_the_index(tmp_path: Path) -> None:
    raw, cache = tmp_path / "raw", tmp_path / "cache"
    write(raw, "a.txt", words("x"))
    write(raw, "b.txt", words("x"))
    fresh(raw, cache)
    (raw / "b.txt").unlink()
    index = fresh(raw, cache)
    h = cc.shingle_hash(["x0", "x1", "x2", "x3", "x4"])
    assert index.holders([h], exclude="zzz") == {h: ["a.txt"]}
    write(raw, "a.txt", words("z"))
    os.utime(raw / "a.txt", ns=(1, 1))
    assert fresh(raw, cache).holders([h], exclude="zzz") == {}


def test_without_a_cache_folder_the_index_is_built_in_memory(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    write(raw, "a.txt", words("x"))
    write(raw, "b.txt", words("x"))
    index = fresh(raw, None)
    assert index.path == ":memory:"
    h = cc.shingle_hash(["x0", "x1", "x2", "x3", "x4"])
    assert index.holders([h], exclude="a.txt") == {h: ["b.txt"]}
