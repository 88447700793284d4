"""Hostile corpora (issue 14): each row of the issue's table is a clear error or the right result,
nothing else fails beside it, and no output is lost or left stale, under ``pipeline run`` and
(where the row is about make) ``make all``. Each hostile file sits beside one good document."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import output_tree
from pipeline.store import doc_id_for, read_json

ROOT = Path(__file__).resolve().parent.parent
PIPELINE = Path(sys.executable).parent / "pipeline"
GOOD = "00_good.txt"
GOOD_TEXT = "He said: “We will stay.”\n\nA second paragraph follows here.\n"
PWNED = "HOSTILE_PWNED"
SHELL = f";touch${{IFS}}{PWNED};.txt"
NAMES = {
    "shell": SHELL,
    "equals": "a=b.txt",
    "pipe": "|x.txt",
    "dash": "-x.txt",
    "backslash": "back\\slash.txt",
    "newline": "new\nline.txt",
}
EDITED = ("backslash", "newline")
ENV = {**os.environ, "CI": "1"}


def pipeline(*args: Any, cwd: Path | None = None, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(PIPELINE), *map(str, args)], capture_output=True, text=True, timeout=timeout,
                          env=ENV, cwd=cwd)


def make(raw: Path | str, out: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    cmd = ["make", "--no-print-directory", "-o", ".venv/.installed", "all", f"RAW={raw}", f"OUT={out}", *args]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=ENV)


def status(out: Path) -> dict[str, str]:
    """Manifest status per raw name."""
    return {d["raw"].split("/", 1)[1]: d["status"] for d in read_json(out / "manifest.json")["documents"]}


def errors_of(out: Path) -> dict[str, list[str]]:
    return {d["raw"].split("/", 1)[1]: d.get("errors", []) for d in read_json(out / "manifest.json")["documents"]}


def raw_hash(out: Path, name: str) -> str:
    return read_json(out / "01_extract" / f"{doc_id_for(name)}.json")["document"]["raw_sha256"]


def write_raw(raw: Path, names: dict[str, str] | list[str]) -> None:
    raw.mkdir(parents=True, exist_ok=True)
    (raw / GOOD).write_text(GOOD_TEXT, encoding="utf-8")
    for name in names:
        (raw / name).write_text(f"A document named {name!r}. She said: “It works.”\n", encoding="utf-8")


def links_raw(base: Path) -> Path:
    """A good document beside a symlink to a folder, a dangling one, one to /etc/passwd, a FIFO,
    a link to a good file inside raw/, and hidden files and folders."""
    raw = base / "raw"
    write_raw(raw, [])
    outside = base / "outside"
    outside.mkdir()
    (outside / "inner.txt").write_text("a file in a linked folder\n")
    os.symlink(outside, raw / "linked_folder")
    os.symlink(base / "nowhere.txt", raw / "dangling.txt")
    os.symlink("/etc/passwd", raw / "passwd.txt")
    os.mkfifo(raw / "fifo.txt")
    os.symlink(GOOD, raw / "inside_link.txt")
    (raw / ".git" / "objects").mkdir(parents=True)
    (raw / ".git" / "config").write_text("[core]\n")
    (raw / ".git" / "objects" / "ab").write_text("blob\n")
    (raw / ".hidden.txt").write_text("hidden\n")
    os.symlink(".git/config", raw / "to_hidden.txt")
    return raw


REFUSED = {
    "linked_folder": "symlink to a folder outside the raw folder refused",
    "dangling.txt": "dangling symlink refused (its target does not exist)",
    "passwd.txt": "symlink to a file outside the raw folder refused",
    "fifo.txt": "not a regular file (a FIFO) refused",
    "to_hidden.txt": "symlink to a hidden file refused (hidden files are not documents)",
}


# ------------------------------------------------------------------------------ fixtures: pipeline run
@pytest.fixture(scope="module")
def names_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """``pipeline run`` over hostile names, then again after editing the backslash/newline ones."""
    base = tmp_path_factory.mktemp("names_run")
    raw, out = base / "raw", base / "out"
    write_raw(raw, list(NAMES.values()))
    first = pipeline("run", "--raw", raw, "--out", out, cwd=base)
    before = {k: raw_hash(out, NAMES[k]) for k in EDITED if (out / "01_extract" / f"{doc_id_for(NAMES[k])}.json").exists()}
    for k in EDITED:
        (raw / NAMES[k]).write_text("Edited: a new text.\n", encoding="utf-8")
    second = pipeline("run", "--raw", raw, "--out", out, cwd=base)
    return {"base": base, "raw": raw, "out": out, "first": first, "second": second, "before": before}


@pytest.fixture(scope="module")
def links_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("links_run")
    raw = links_raw(base)
    out = base / "out"
    res = pipeline("run", "--raw", raw, "--out", out, timeout=120)
    return {"base": base, "raw": raw, "out": out, "res": res}


# ------------------------------------------------------------------------------ names are data (pipeline run)
def test_a_name_holding_a_shell_command_is_a_document_under_pipeline_run(names_run) -> None:  # noqa: ANN001
    assert status(names_run["out"])[SHELL] == "ok"
    assert not (names_run["base"] / PWNED).exists() and not (ROOT / PWNED).exists()


@pytest.mark.parametrize("key", ["equals", "pipe", "dash"])
def test_names_with_equals_pipe_or_a_leading_dash_process_under_pipeline_run(names_run, key: str) -> None:  # noqa: ANN001
    assert status(names_run["out"])[NAMES[key]] == "ok"
    assert status(names_run["out"])[GOOD] == "ok"


@pytest.mark.parametrize("key", EDITED)
def test_an_edited_backslash_or_newline_name_is_rebuilt_under_pipeline_run(names_run, key: str) -> None:  # noqa: ANN001
    raw, out = names_run["raw"], names_run["out"]
    assert names_run["second"].returncode == 0, names_run["second"].stderr
    from pipeline.store import sha256_file

    assert raw_hash(out, NAMES[key]) == sha256_file(raw / NAMES[key]) != names_run["before"][key]


def test_a_name_that_is_not_utf8_is_a_document_shown_with_escapes(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_raw(raw, [])
    with open(os.path.join(os.fsencode(raw), b"bad\xff name.txt"), "wb") as fh:
        fh.write("She said: “It works.”\n".encode())
    res = pipeline("run", "--raw", raw, "--out", out)
    assert res.returncode == 0, res.stderr
    assert status(out) == {GOOD: "ok", "bad\\xff name.txt": "ok"}


def test_a_name_near_the_file_systems_limit_is_a_document(tmp_path: Path) -> None:
    """250 bytes is a legal name, but not with ``.extract.txt`` or a temporary file's affixes."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    names = ["a" * 246 + ".txt", "é" * 120 + ".txt"]
    write_raw(raw, names)
    res = pipeline("run", "--raw", raw, "--out", out)
    assert res.returncode == 0, res.stderr
    assert status(out) == {GOOD: "ok", **{n: "ok" for n in names}}
    assert all(len(p.name.encode()) <= 255 for p in out.rglob("*"))


def test_names_that_look_like_the_pipelines_own_files_stay_documents(tmp_path: Path) -> None:
    """A document named ``index`` (its page is not the report's index) and ids one of which is
    another's with a stage name after it (their error files are told apart)."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_raw(raw, ["index", "x"])
    (raw / "x.extract").write_bytes(b"\x00binary")
    (raw / "x").write_bytes(b"\x00binary")
    res = pipeline("run", "--raw", raw, "--out", out)
    assert status(out) == {GOOD: "ok", "index": "ok", "x": "error", "x.extract": "error"}
    assert errors_of(out)["x"] == ["x: extract: binary file (NUL bytes), not text or HTML"]
    assert "Pipeline report" in (out / "report" / "index.html").read_text(encoding="utf-8")
    assert "index" in (out / "report" / "index~.html").read_text(encoding="utf-8")


# ------------------------------------------------------------------------------ links, FIFOs, hidden files (pipeline run)
def test_symlinks_to_folders_or_nowhere_are_one_failed_document_each(links_run) -> None:  # noqa: ANN001
    out, res = links_run["out"], links_run["res"]
    assert res.returncode == 2 and "Traceback" not in res.stderr
    st, errs = status(out), errors_of(out)
    for name in ("linked_folder", "dangling.txt"):
        assert st[name] == "error"
        assert errs[name] == [f"{name}: extract: {REFUSED[name]}"]
    assert st[GOOD] == "ok" and st["inside_link.txt"] == "ok"


def test_a_fifo_in_raw_is_refused_without_hanging(links_run) -> None:  # noqa: ANN001
    """The fixture's run has a 120 s timeout; the FIFO is never opened (nobody writes to it)."""
    out = links_run["out"]
    assert errors_of(out)["fifo.txt"] == [f"fifo.txt: extract: {REFUSED['fifo.txt']}"]
    assert read_json(out / "manifest.json")["documents"][[d["raw"] for d in read_json(out / "manifest.json")["documents"]].index(
        f"raw/fifo.txt")]["raw_sha256"] is None


def test_a_symlink_to_etc_passwd_is_refused_and_never_indexed(links_run) -> None:  # noqa: ANN001
    out = links_run["out"]
    assert errors_of(out)["passwd.txt"] == [f"passwd.txt: extract: {REFUSED['passwd.txt']}"]
    secret = Path("/etc/passwd").read_bytes().splitlines()[0]
    for path in out.rglob("*"):  # outputs, report, indexes and caches alike
        if path.is_file():
            assert secret not in path.read_bytes(), path


def test_hidden_files_and_folders_are_not_documents(links_run) -> None:  # noqa: ANN001
    names = set(status(links_run["out"]))
    assert not any(n.startswith(".") or "/." in n for n in names), names
    assert names == {GOOD, "inside_link.txt", *REFUSED}


def test_a_symlink_inside_raw_to_a_good_file_is_followed(links_run) -> None:  # noqa: ANN001
    out = links_run["out"]
    assert raw_hash(out, "inside_link.txt") == raw_hash(out, GOOD)


def test_a_symlink_loop_is_one_failed_document_each(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_raw(raw, [])
    os.symlink("loop2", raw / "loop1")
    os.symlink("loop1", raw / "loop2")
    res = pipeline("run", "--raw", raw, "--out", out)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert errors_of(out) == {GOOD: [], "loop1": ["loop1: extract: symlink loop refused"],
                              "loop2": ["loop2: extract: symlink loop refused"]}


def test_a_failure_of_a_name_with_a_line_break_is_still_one_line(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_raw(raw, [])
    (raw / "new\nline.bin").write_bytes(b"a\x00b")
    res = pipeline("run", "--raw", raw, "--out", out)
    assert "error: new\\nline.bin: extract: binary file (NUL bytes), not text or HTML\n" in res.stderr
    assert "  failed: new\\nline.bin (extract): binary file (NUL bytes), not text or HTML\n" in res.stderr
    assert errors_of(out)["new\nline.bin"] == ["new\\nline.bin: extract: binary file (NUL bytes), not text or HTML"]


def test_a_file_over_the_size_cap_is_one_failed_document(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_raw(raw, [])
    (raw / "big.txt").write_text("word " * 400, encoding="utf-8")
    text = (ROOT / "config" / "pipeline.yaml").read_text(encoding="utf-8")
    config = tmp_path / "small.yaml"
    config.write_text(re.sub(r"max_bytes: \d+", "max_bytes: 1000", text), encoding="utf-8")
    res = pipeline("run", "--raw", raw, "--out", out, "--config", config)
    assert res.returncode == 2
    assert "error: big.txt: extract: file too large: 2,000 bytes, over the input.max_bytes limit of 1,000" in res.stderr
    assert status(out) == {GOOD: "ok", "big.txt": "error"}


# ------------------------------------------------------------------------------ guard rails
def _tree(path: Path) -> dict[str, bytes]:
    return output_tree(path) if path.exists() else {}


def test_an_output_folder_inside_raw_is_refused(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    write_raw(raw, [])
    before = _tree(raw)
    res = pipeline("run", "--raw", raw, "--out", raw / "processed")
    assert res.returncode == 2
    assert res.stderr.startswith(f"error: {raw / 'processed'}: the output folder is inside the raw folder")
    assert _tree(raw) == before and not (raw / "processed").exists()


def test_a_raw_folder_inside_the_output_folder_is_refused(tmp_path: Path) -> None:
    raw = tmp_path / "out" / "raw"
    write_raw(raw, [])
    res = pipeline("run", "--raw", raw, "--out", tmp_path / "out")
    assert res.returncode == 2 and "the raw folder is inside the output folder" in res.stderr


def test_a_missing_raw_folder_is_an_error_and_deletes_nothing(links_run, tmp_path: Path) -> None:  # noqa: ANN001
    out = shutil.copytree(links_run["out"], tmp_path / "out", symlinks=True)
    before = _tree(out)
    for command in ("run", "finish", "plan"):
        res = pipeline(command, "--raw", tmp_path / "typo", "--out", out)
        assert res.returncode == 2, command
        assert res.stderr == f"error: {tmp_path / 'typo'}: no such folder of raw documents (check --raw / RAW=); nothing was changed\n"
    assert _tree(out) == before


def test_out_pointing_at_an_existing_file_is_a_clear_error(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    write_raw(raw, [])
    (tmp_path / "afile").write_text("keep me\n")
    res = pipeline("run", "--raw", raw, "--out", tmp_path / "afile")
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert res.stderr == f"error: {tmp_path / 'afile'}: exists and is not a folder; choose another --out / OUT=\n"
    assert (tmp_path / "afile").read_text() == "keep me\n"


@pytest.mark.parametrize("workers", ["0", "-3", "two"])
def test_workers_below_one_are_refused(tmp_path: Path, workers: str) -> None:
    raw = tmp_path / "raw"
    write_raw(raw, [])
    res = pipeline("run", "--raw", raw, "--out", tmp_path / "out", "--workers", workers)
    assert res.returncode == 2 and "argument --workers:" in res.stderr
    assert not (tmp_path / "out").exists()


def test_an_empty_config_is_a_clear_error(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    write_raw(raw, [])
    (tmp_path / "empty.yaml").write_text("")
    res = pipeline("run", "--raw", raw, "--out", tmp_path / "out", "--config", tmp_path / "empty.yaml")
    assert res.returncode == 2
    assert res.stderr.startswith(f"error: {tmp_path / 'empty.yaml'}:1: the config file is empty")
    assert not (tmp_path / "out").exists()


def test_a_config_with_a_section_given_twice_is_an_error_naming_the_line(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    write_raw(raw, [])
    text = (ROOT / "config" / "pipeline.yaml").read_text(encoding="utf-8")
    config = tmp_path / "twice.yaml"
    config.write_text(text + "\nnormalise: {}\n", encoding="utf-8")
    first = 1 + text.splitlines().index("normalise:")
    res = pipeline("run", "--raw", raw, "--out", tmp_path / "out", "--config", config)
    assert res.returncode == 2
    assert res.stderr == (f"error: {config}:{len(text.splitlines()) + 2}: malformed YAML: "
                          f"duplicate key 'normalise' (first given at line {first})\n")


# ------------------------------------------------------------------------------ deletions (pipeline run)
def test_a_deleted_raw_document_leaves_no_outputs_page_or_manifest_row(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_raw(raw, ["gone.txt"])
    assert pipeline("run", "--raw", raw, "--out", out).returncode == 0
    assert (out / "report" / "gone.txt.html").exists()
    (raw / "gone.txt").unlink()
    res = pipeline("run", "--raw", raw, "--out", out)
    assert res.returncode == 0, res.stderr
    assert not [p for p in output_tree(out) if "gone.txt" in p]
    assert status(out) == {GOOD: "ok"}
    assert "summary: 1 documents, 1 processed, 0 failed" in res.stderr


# ------------------------------------------------------------------------------ huge documents
def _short_lines(path: Path, lines: int) -> None:
    words = "the of and a to in is you that it he was for on are as with his they".split()
    path.write_text("\n".join(" ".join(words[(i * 7 + k) % len(words)] for k in range(14))
                              for i in range(lines)), encoding="utf-8")  # lines of about 70 characters


def test_extract_output_stays_proportional_to_a_large_text(tmp_path: Path) -> None:
    """A 30 MB text made 268 MB of extract JSON (8.6 bytes a raw byte: one JSON value a line);
    with one record a line it is 5.3 (the records themselves: a block and a line break per line),
    and 3x the text gives 3x the JSON."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_raw(raw, [])
    _short_lines(raw / "small.txt", 10_000)
    _short_lines(raw / "large.txt", 30_000)
    res = pipeline("run", "--raw", raw, "--out", out, "--until", "extract")
    assert res.returncode == 0, res.stderr
    size = {n: (out / "01_extract" / f"{n}.json").stat().st_size for n in ("small.txt", "large.txt")}
    assert size["large.txt"] <= 6 * (raw / "large.txt").stat().st_size
    assert size["large.txt"] <= 3.2 * size["small.txt"]


def test_outputs_are_one_record_a_line_and_can_be_read_a_record_at_a_time(tmp_path: Path) -> None:
    from pipeline.store import dump_bytes, read_json, read_json_records

    obj = {"format": "text", "blocks": [{"id": f"b{i}", "t": "x: [\n"} for i in range(5000)], "gaps": [],
           "s": "ends: [", "n": {"a": [1]}}
    path = tmp_path / "o.json"
    path.write_bytes(dump_bytes(obj))
    assert path.read_bytes().count(b"\n") == 5000 + 8 and read_json(path) == obj
    kept = read_json_records(path, lambda head, key, rec: head["format"] == "text" and rec["id"] == "b7")
    assert kept == {**obj, "blocks": [{"id": "b7", "t": "x: [\n"}]}
    path.write_text('{"format": "html", "blocks": [1, 2]}')  # any other JSON: read whole
    assert read_json_records(path, lambda *a: False) == {"format": "html", "blocks": [1, 2]}


def _span_depth(text: str) -> int:
    depth = deepest = 0
    for m in re.finditer(r"<(/?)span\b", text):
        depth += -1 if m.group(1) else 1
        deepest = max(deepest, depth)
    return deepest


def test_a_huge_single_line_documents_page_is_bounded_and_says_where_the_rest_is(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_raw(raw, [])
    (raw / "one_line.txt").write_text("It's   a ‘line’ — “with” edits…  " * 70_000, encoding="utf-8")  # 2.3 MB, one line
    assert pipeline("run", "--raw", raw, "--out", out, "--until", "normalise").returncode == 0
    assert pipeline("report", "--raw", raw, "--out", out).returncode == 0
    page = (out / "report" / "one_line.txt.html").read_text(encoding="utf-8")
    assert len(page.encode()) < 8_000_000
    assert "The page shows the first" in page and "The rest is in the raw file" in page
    assert _span_depth(page) <= 12


def test_chains_of_overlapping_records_never_nest_spans_deeply() -> None:
    from pipeline import report

    marks = [report.Mark(i, i + 1000, 7, "ed") for i in range(30_000)]
    dropped: list[Any] = []
    html = report.layout("x" * 31_000, marks, [], 31_000, 12, dropped)
    assert _span_depth(html) <= 12 and dropped


# ------------------------------------------------------------------------------ progress and summary
def test_progress_without_a_terminal_is_a_line_every_few_seconds() -> None:
    from pipeline.progress import Progress

    clock = [0.0]
    stream = io.StringIO()
    bar = Progress(40, stream=stream, tty=False, interval=5.0, now=lambda: clock[0])
    for _ in range(40):
        clock[0] += 1.5
        bar.update()
    bar.close()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 9  # every 5 s of a 60 s run, none once all are done
    assert lines[0] == "progress: 4 of 40 documents, 6 s elapsed, about 54 s remaining"


def test_progress_on_a_terminal_is_one_bar_with_n_of_m() -> None:
    from pipeline.progress import Progress

    stream = io.StringIO()
    with Progress(3, stream=stream, tty=True) as bar:
        bar.update()
        bar.update(2)
    assert "3 of 3" in stream.getvalue() and "elapsed" in stream.getvalue()


def test_a_long_document_reports_each_stage_it_finishes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline import runner
    from pipeline.config import load_config
    from pipeline.store import list_raw

    raw = tmp_path / "raw"
    write_raw(raw, [])
    monkeypatch.setattr(runner, "LONG_DOCUMENT_S", 0.0)  # every document counts as long
    res = runner.process_document(list_raw(raw)[0], raw, tmp_path / "out", load_config(None), until="strip")
    assert res.ok
    lines = capsys.readouterr().err.splitlines()
    assert [x.split(", ")[0] for x in lines] == [f"progress: {GOOD}: extract done (1 of 6 stages)",
                                                 f"progress: {GOOD}: strip done (2 of 6 stages)"]


def test_the_summary_is_printed_once_naming_every_failed_document(links_run) -> None:  # noqa: ANN001
    res = pipeline("summary", "--out", links_run["out"])
    assert res.returncode == 2
    assert res.stderr.count("summary:") == 1
    assert "summary: 7 documents, 2 processed, 5 failed;" in res.stderr
    for name, why in REFUSED.items():
        assert f"  failed: {name}: extract: {why}\n" in res.stderr
    assert links_run["res"].stderr.count("summary:") == 1
