"""Hostile corpora (issue 14) under ``make all``: the rows of the issue's table that are about
make (the ``pipeline run`` side and the helpers are in ``test_hostile_corpus.py``)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import output_tree
from test_hostile_corpus import (EDITED, GOOD, NAMES, PWNED, REFUSED, ROOT, SHELL, _tree, errors_of,
                                 links_raw, make, raw_hash, status, write_raw)

pytestmark = pytest.mark.slow


# ------------------------------------------------------------------------------ make all
@pytest.fixture(scope="module")
def names_make(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("names_make")
    raw, out = base / "raw", base / "out"
    write_raw(raw, list(NAMES.values()))
    with open(os.path.join(os.fsencode(raw), b"bad\xff name.txt"), "wb") as fh:
        fh.write(b"Not UTF-8 in the name only.\n")
    first = make(raw, out)
    before = {}
    for k in EDITED:
        try:
            before[k] = raw_hash(out, NAMES[k])
        except OSError:
            before[k] = None
        (raw / NAMES[k]).write_text("Edited: a new text.\n", encoding="utf-8")
    second = make(raw, out)
    yield {"raw": raw, "out": out, "first": first, "second": second, "before": before}
    if (ROOT / PWNED).exists():
        (ROOT / PWNED).unlink()


@pytest.fixture(scope="module")
def links_make(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("links_make")
    raw = links_raw(base)
    out = base / "out"
    res = make(raw, out, timeout=300)
    return {"raw": raw, "out": out, "res": res}


def test_make_all_never_runs_a_command_in_a_file_name(names_make) -> None:  # noqa: ANN001
    assert not (ROOT / PWNED).exists()
    assert status(names_make["out"])[SHELL] == "ok"


@pytest.mark.parametrize("key", ["equals", "pipe", "dash"])
def test_make_all_processes_names_with_equals_pipe_or_a_leading_dash(names_make, key: str) -> None:  # noqa: ANN001
    st = status(names_make["out"])
    assert st[NAMES[key]] == "ok" and st[GOOD] == "ok"


def test_make_all_processes_a_name_that_is_not_utf8(names_make) -> None:  # noqa: ANN001
    assert status(names_make["out"])["bad\\xff name.txt"] == "ok"


@pytest.mark.parametrize("key", EDITED)
def test_make_all_rebuilds_an_edited_backslash_or_newline_name(names_make, key: str) -> None:  # noqa: ANN001
    from pipeline.store import sha256_file

    raw, out = names_make["raw"], names_make["out"]
    assert raw_hash(out, NAMES[key]) == sha256_file(raw / NAMES[key]) != names_make["before"][key]


def test_make_all_with_links_and_a_fifo_still_processes_the_good_documents(links_make) -> None:  # noqa: ANN001
    out, res = links_make["out"], links_make["res"]
    assert res.returncode != 0 and "Traceback" not in res.stderr
    st = status(out)
    assert st[GOOD] == "ok" and st["inside_link.txt"] == "ok"
    assert set(st) == {GOOD, "inside_link.txt", *REFUSED}  # hidden files are not documents
    assert {st[n] for n in REFUSED} <= {"error", "incomplete"}


def test_make_all_names_the_reason_for_each_refused_link_and_fifo(links_make) -> None:  # noqa: ANN001
    errs = errors_of(links_make["out"])
    for name, why in REFUSED.items():
        assert errs[name] == [f"{name}: extract: {why}"]


def test_make_all_with_a_missing_raw_folder_fails_and_deletes_nothing(links_make, tmp_path: Path) -> None:  # noqa: ANN001
    out = shutil.copytree(links_make["out"], tmp_path / "out", symlinks=True)
    before = _tree(out)
    res = make(tmp_path / "typo", out)
    assert res.returncode != 0
    assert f"error: {tmp_path / 'typo'}: no such folder of raw documents" in res.stderr
    assert _tree(out) == before


def test_make_all_refuses_an_output_folder_inside_raw(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    write_raw(raw, [])
    res = make(raw, raw / "processed")
    assert res.returncode != 0 and "the output folder is inside the raw folder" in res.stderr
    assert sorted(p.name for p in raw.iterdir()) == [GOOD]


def test_make_all_drops_a_deleted_documents_outputs_page_and_manifest_row(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_raw(raw, ["gone.txt"])
    assert make(raw, out).returncode == 0
    (raw / "gone.txt").unlink()
    res = make(raw, out)
    assert res.returncode == 0, res.stderr
    assert not [p for p in output_tree(out) if "gone.txt" in p]
    assert status(out) == {GOOD: "ok"}
    assert "summary: 1 documents, 1 processed, 0 failed" in res.stderr
