"""The corpus-level ``finish`` step is incremental: adding a document to a large corpus rewrites
only that document's report page, the indexes and the manifest; unchanged files are not hashed
again; the result is byte-identical to building from scratch.

Uses the hand-made sample of test_report_sample (no spaCy), plus a third document whose first
three stages run for real.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from test_report_sample import make_sample

from pipeline import manifest, report
from pipeline.config import Config
from pipeline.runner import DocContext, finish, run_stage, write_stage_output
from pipeline.stages import stages
from pipeline.store import list_raw, sha256_bytes

NEW_DOC = "003_new.txt"
NEW_TEXT = "Council notes\n\n“The road opens in May,” said Ann Smith, the engineer.\n"


def age(*roots: Path, seconds: int = 60) -> None:
    """Date every file back, as after an earlier run (hashes of just-written files are not cached)."""
    past = time.time_ns() - seconds * 1_000_000_000
    for root in roots:
        for p in root.rglob("*"):
            if p.is_file():
                os.utime(p, ns=(past, past))


def mtimes(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in sorted(out.rglob("*"))
            if p.is_file() and not p.relative_to(out).as_posix().startswith(".make/")}


def tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.relative_to(out).as_posix().startswith(".make/")}


def add_document(raw: Path, out: Path, config: Config) -> str:
    """A new raw document with its extract, strip and normalise outputs (what make would write)."""
    (raw / NEW_DOC).write_text(NEW_TEXT, encoding="utf-8")
    doc = next(d for d in list_raw(raw) if d.name == NEW_DOC)
    data = doc.path.read_bytes()
    ctx = DocContext(doc.doc_id, doc.name, data, sha256_bytes(data))
    for spec in stages()[:3]:
        write_stage_output(spec, out, doc.doc_id, run_stage(spec, ctx, config))
    return doc.doc_id


@pytest.fixture()
def finished(tmp_path: Path) -> tuple[Path, Path, Config]:
    """The sample, written a minute ago and finished once in a folder make manages (it has .make/)."""
    raw, out, config = make_sample(tmp_path)
    (out / ".make").mkdir()
    age(raw, out)
    finish(raw, out, config)
    return raw, out, config


def changed(before: dict[str, int], out: Path) -> set[str]:
    after = mtimes(out)
    return {k for k in after if before.get(k) != after[k]}


def test_adding_a_document_rewrites_only_its_page_the_indexes_and_the_manifest(finished) -> None:  # noqa: ANN001
    raw, out, config = finished
    doc_id = add_document(raw, out, config)
    before = mtimes(out)
    finish(raw, out, config)
    assert changed(before, out) == {f"report/{doc_id}.html", "report/index.html", ".report-pages.json",
                                    "manifest.json", "corpus/quotations.jsonl", "corpus/speakers.jsonl"}


def test_a_second_build_with_nothing_changed_writes_no_page(finished) -> None:  # noqa: ANN001
    raw, out, config = finished
    before = mtimes(out)
    result = report.build(out, list_raw(raw), config)
    assert result.written == [] and result.deleted == []
    assert changed(before, out) == set()


def test_incremental_output_equals_a_build_from_scratch(finished, tmp_path: Path) -> None:  # noqa: ANN001
    raw, out, config = finished
    add_document(raw, out, config)
    finish(raw, out, config)
    scratch = tmp_path / "scratch" / out.name
    shutil.copytree(out, scratch)
    shutil.rmtree(scratch / "report")
    shutil.rmtree(scratch / ".make")
    finish(raw, scratch, config)
    assert tree(scratch) == tree(out)


def test_removing_a_document_deletes_its_page_and_its_entry(finished) -> None:  # noqa: ANN001
    raw, out, config = finished
    (raw / "002_bridge.html").unlink()
    finish(raw, out, config)
    assert not (out / "report" / "002_bridge.html.html").exists()
    stamp = json.loads((out / report.STAMP).read_text(encoding="utf-8"))
    assert sorted(stamp["documents"]) == ["001_bridge.txt"]
    assert "002_bridge.html" not in (out / "report" / "index.html").read_text(encoding="utf-8")


def test_a_changed_output_rebuilds_only_that_documents_page(finished) -> None:  # noqa: ANN001
    raw, out, config = finished
    path = out / "05_copyright" / "001_bridge.txt.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["flags"][0]["reason"] = "a reason changed since the last build"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = report.build(out, list_raw(raw), config)
    assert result.written == ["001_bridge.txt"]
    assert "a reason changed since the last build" in (out / "report" / "001_bridge.txt.html").read_text(encoding="utf-8")


def test_a_new_error_file_rebuilds_the_page(finished) -> None:  # noqa: ANN001
    raw, out, config = finished
    (out / "errors").mkdir()
    (out / "errors" / "002_bridge.html.quotes.txt").write_text("002_bridge.html: quotes: it broke\n", encoding="utf-8")
    assert report.build(out, list_raw(raw), config).written == ["002_bridge.html"]
    assert "it broke" in (out / "report" / "002_bridge.html.html").read_text(encoding="utf-8")


def test_a_page_deleted_or_edited_on_disk_is_rebuilt(finished) -> None:  # noqa: ANN001
    raw, out, config = finished
    good = (out / "report" / "001_bridge.txt.html").read_bytes()
    (out / "report" / "001_bridge.txt.html").write_text("edited by hand", encoding="utf-8")
    (out / "report" / "002_bridge.html.html").unlink()
    assert report.build(out, list_raw(raw), config).written == ["001_bridge.txt", "002_bridge.html"]
    assert (out / "report" / "001_bridge.txt.html").read_bytes() == good


def test_changed_report_settings_rebuild_every_page(finished) -> None:  # noqa: ANN001
    raw, out, config = finished
    other = Config(config.path, {**config.data, "report": {"preview_chars": 40}})
    assert report.build(out, list_raw(raw), other).written == ["001_bridge.txt", "002_bridge.html"]


def test_a_page_shows_nothing_of_other_documents(finished) -> None:  # noqa: ANN001
    """Why a page's fingerprint covers only its own document: removing another document
    (and rebuilding the corpus indexes) leaves the page's bytes unchanged."""
    raw, out, config = finished
    page = (out / "report" / "001_bridge.txt.html").read_bytes()
    (raw / "002_bridge.html").unlink()
    finish(raw, out, config)
    scratch_out = out.parent / "scratch"
    shutil.copytree(out, scratch_out)
    shutil.rmtree(scratch_out / "report")
    report.build(scratch_out, list_raw(raw), config)
    assert (scratch_out / "report" / "001_bridge.txt.html").read_bytes() == page


def test_manifest_hashes_only_new_or_changed_files(finished) -> None:  # noqa: ANN001
    raw, out, config = finished
    docs = list_raw(raw)
    hashes = manifest.FileHashes.for_out_dir(out)
    first = manifest.write(out, raw, docs, config, hashes)
    assert hashes.computed == 0  # every file was hashed by the first finish and has not changed since
    doc_id = add_document(raw, out, config)
    hashes = manifest.FileHashes.for_out_dir(out)
    second = manifest.write(out, raw, list_raw(raw), config, hashes)
    assert hashes.computed == 4  # the new raw file and its three outputs
    assert second["documents"][:2] == first["documents"]
    assert second["documents"][2]["id"] == doc_id


def test_manifest_is_the_same_with_or_without_the_hash_cache(finished) -> None:  # noqa: ANN001
    raw, out, config = finished
    cached = (out / "manifest.json").read_bytes()
    manifest.write(out, raw, list_raw(raw), config, manifest.FileHashes(None))
    assert (out / "manifest.json").read_bytes() == cached
    assert b"mtime" not in cached


def test_the_hash_cache_lives_in_makes_folder_only(tmp_path: Path) -> None:
    """A folder written by ``pipeline run`` alone stays byte-for-byte deterministic: no cache in it."""
    raw, out, config = make_sample(tmp_path)
    finish(raw, out, config)
    assert not (out / ".make").exists()
    (out / ".make").mkdir()
    age(raw, out)
    finish(raw, out, config)
    assert (out / manifest.HASH_CACHE).exists()


def test_a_file_is_hashed_again_when_its_size_or_mtime_changes(tmp_path: Path) -> None:
    f = tmp_path / "f.txt"
    f.write_text("one", encoding="utf-8")
    age(tmp_path)
    cache = tmp_path / "hashes.json"
    h = manifest.FileHashes(cache)
    first = h.sha256(f)
    h.save()
    f.write_text("two", encoding="utf-8")  # same size, new mtime
    h = manifest.FileHashes(cache)
    assert h.sha256(f) != first and h.computed == 1


def test_a_just_modified_file_is_not_cached(tmp_path: Path) -> None:
    """Within the file system's timestamp resolution a later write could keep (size, mtime): not trusted."""
    f = tmp_path / "f.txt"
    f.write_text("one", encoding="utf-8")
    h = manifest.FileHashes(tmp_path / "hashes.json")
    h.sha256(f)
    h.save()
    h = manifest.FileHashes(tmp_path / "hashes.json")
    h.sha256(f)
    assert h.computed == 1
