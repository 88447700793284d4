"""Bad input: each case gives a correct result, or one line naming the file and the reason,
fails only that file's targets, and the other documents still process."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from pipeline.store import doc_id_for, read_json
from test_conservation import assert_all, assert_extract_partitions, run_front

ROOT = Path(__file__).resolve().parent.parent
PIPELINE = Path(sys.executable).parent / "pipeline"
SPACED = "10 café naïve ü.txt"
GOOD = "00_good.txt"

CASES: dict[str, bytes] = {
    GOOD: "He said: “We will stay.”\n\nA second paragraph follows here.\n".encode(),
    "01_empty.txt": b"",
    "02_binary.txt": b"abc\x00\x01\x02def\x00",
    "03_invalid_utf8.txt": "Café said “hello”.\n".encode() + b"bad \xff\xfe \xc3\x28 end\n",
    "04_utf16.txt": "He said “hello”.\r\nSecond line.\r\n".encode("utf-16"),
    "05_cp1252.txt": "He said “hello” — café.\n".encode("cp1252"),
    "06_crlf.txt": b"Line one.\r\nLine two.\r\n\r\nPara two.\r\n",
    "07_unclosed.html": b"<html><body><p>One <b>bold <i>it<p>Two and <div>three and <a href='x",
    "08_scripts.html": b"<html><head><script>var a='<p>x</p>';</script></head><body><script>alert(1)</script>"
                       b"<style>p{}</style></body></html>",
    "09_deep.html": b"<html><body>" + b"<div>" * 10_000 + b"deep text here" + b"</div>" * 10_000 + b"</body></html>",
    SPACED: "A file with a spaced, non-ASCII name.\n".encode(),
}
LINK = "11_link.txt"


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, subprocess.CompletedProcess[str]]:
    """``pipeline run`` over a raw folder holding every bad case and one good document."""
    base = tmp_path_factory.mktemp("bad")
    raw, out = base / "raw", base / "out"
    raw.mkdir()
    for name, data in CASES.items():
        (raw / name).write_bytes(data)
    (base / "secret.txt").write_text("outside the raw folder\n")
    os.symlink(base / "secret.txt", raw / LINK)
    res = subprocess.run([str(PIPELINE), "run", "--raw", str(raw), "--out", str(out)], capture_output=True,
                         text=True, timeout=300, env={**os.environ, "CI": "1"})
    return raw, out, res


def _out(out: Path, stage: str, name: str) -> dict[str, Any]:
    return read_json(out / stage / f"{doc_id_for(name)}.json")


def _errors(res: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in res.stderr.splitlines() if line.startswith("error: ")]


# ------------------------------------------------------------------------------ the whole run


def test_a_run_with_bad_files_exits_non_zero_but_processes_the_others(bad_run) -> None:  # noqa: ANN001
    raw, out, res = bad_run
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    manifest = read_json(out / "manifest.json")
    status = {d["raw"].split("/", 1)[1]: d["status"] for d in manifest["documents"]}
    assert status.pop("02_binary.txt") == "error"
    assert status.pop(LINK) == "error"
    assert set(status.values()) == {"ok"}, status
    assert (out / "06_publish" / f"{GOOD}.md").exists()


def test_each_failure_is_one_line_naming_the_file_and_the_reason(bad_run) -> None:  # noqa: ANN001
    _, out, res = bad_run
    errors = _errors(res)
    assert errors == [
        "error: 02_binary.txt: extract: binary file (NUL bytes), not text or HTML",
        f"error: {LINK}: extract: symlink to a file outside the raw folder refused",
    ]
    assert (out / "errors" / "02_binary.txt.extract.txt").read_text().splitlines()[0] == errors[0][len("error: "):]


def test_failed_documents_leave_no_stage_outputs(bad_run) -> None:  # noqa: ANN001
    _, out, _ = bad_run
    for name in ("02_binary.txt", LINK):
        assert not list(out.glob(f"0[1-6]_*/{doc_id_for(name)}.*"))


def test_only_the_bad_documents_targets_fail_under_make(bad_run) -> None:  # noqa: ANN001
    """What make runs per target: the bad file's stage exits 2 with one line; a good one exits 0."""
    raw, out, _ = bad_run
    common = ["--raw", str(raw), "--out", str(out)]
    bad = subprocess.run([str(PIPELINE), "stage", "extract", "--doc", "02_binary.txt", *common],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2
    assert bad.stderr == "error: 02_binary.txt: extract: binary file (NUL bytes), not text or HTML\n"
    good = subprocess.run([str(PIPELINE), "stage", "extract", "--doc", doc_id_for(SPACED), *common],
                          capture_output=True, text=True, timeout=120)
    assert good.returncode == 0, good.stderr


# ------------------------------------------------------------------------------ case by case


def test_empty_file_gives_an_empty_document(bad_run) -> None:  # noqa: ANN001
    _, out, _ = bad_run
    ext = _out(out, "01_extract", "01_empty.txt")
    assert (ext["raw_chars"], ext["blocks"], ext["gaps"]) == (0, [], [])
    assert _out(out, "03_normalise", "01_empty.txt")["text"] == ""


def test_invalid_utf8_falls_back_to_a_recorded_single_byte_encoding() -> None:
    outs = assert_all(CASES["03_invalid_utf8.txt"], "03_invalid_utf8.txt")
    ext = outs["extract"]
    assert ext["encoding_rule"] == "extract.encoding.fallback"
    assert ext["encoding"] in ("cp1252", "latin-1")
    # every byte is a character; ftfy repairs the UTF-8 parts, naming its rule
    assert ext["raw_chars"] == len(CASES["03_invalid_utf8.txt"])
    assert outs["normalise"]["text"].startswith('Café said "hello".')
    assert any(e["rule"] == "normalise.ftfy" for e in outs["normalise"]["edits"])


def test_utf16_with_bom_is_decoded_from_its_bom() -> None:
    outs = assert_all(CASES["04_utf16.txt"], "04_utf16.txt")
    assert (outs["extract"]["encoding"], outs["extract"]["encoding_rule"]) == ("utf-16", "extract.encoding.bom")
    assert outs["normalise"]["text"] == 'He said "hello".\nSecond line.'


def test_windows_1252_is_decoded_with_the_fallback() -> None:
    outs = assert_all(CASES["05_cp1252.txt"], "05_cp1252.txt")
    assert outs["extract"]["encoding"] == "cp1252"
    assert outs["normalise"]["text"] == 'He said "hello" — café.'


def test_crlf_line_ends_are_line_breaks_not_text() -> None:
    outs = assert_all(CASES["06_crlf.txt"], "06_crlf.txt")
    assert [b["text"] for b in outs["extract"]["blocks"]] == ["Line one.", "Line two.", "Para two."]
    assert outs["normalise"]["text"] == "Line one.\nLine two.\n\nPara two."
    assert {g["rule"] for g in outs["extract"]["gaps"]} == {"extract.line_break"}


def test_unclosed_tags_lose_no_text() -> None:
    outs = assert_all(CASES["07_unclosed.html"], "07_unclosed.html")
    texts = " ".join(b["text"] for b in outs["extract"]["blocks"])
    for word in ("One", "bold", "it", "Two and", "three and"):
        assert word in texts


def test_a_page_of_scripts_only_gives_no_blocks_and_names_what_it_skipped() -> None:
    outs = assert_all(CASES["08_scripts.html"], "08_scripts.html")
    assert outs["extract"]["blocks"] == []
    rules = {g["rule"] for g in outs["extract"]["gaps"]}
    assert {"extract.skip.script", "extract.skip.style", "extract.markup"} <= rules
    assert outs["normalise"]["text"] == ""


def test_html_nested_ten_thousand_levels_deep_is_processed() -> None:
    start = time.monotonic()
    outs = assert_all(CASES["09_deep.html"], "09_deep.html")
    assert outs["normalise"]["text"] == "deep text here"
    assert time.monotonic() - start < 30


def test_file_name_with_spaces_and_non_ascii_letters_is_processed(bad_run) -> None:  # noqa: ANN001
    _, out, _ = bad_run
    doc_id = doc_id_for(SPACED)
    assert " " not in doc_id and doc_id.startswith("10_café_naïve_ü.txt")
    ext = _out(out, "01_extract", SPACED)
    assert ext["document"]["name"] == SPACED
    assert _out(out, "03_normalise", SPACED)["text"] == "A file with a spaced, non-ASCII name."


def test_symlink_inside_the_raw_folder_is_followed(tmp_path: Path) -> None:
    from pipeline.store import list_raw, read_raw_bytes

    raw = tmp_path / "raw"
    (raw / "sub").mkdir(parents=True)
    (raw / "sub" / "a.txt").write_text("inside\n")
    os.symlink(raw / "sub" / "a.txt", raw / "b.txt")
    docs = {d.name: d for d in list_raw(raw)}
    assert read_raw_bytes(docs["b.txt"], raw) == b"inside\n"


def test_symlinked_folder_pointing_outside_is_refused(tmp_path: Path) -> None:
    from pipeline.errors import InputError
    from pipeline.store import list_raw, read_raw_bytes

    raw = tmp_path / "raw"
    raw.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.txt").write_text("outside\n")
    os.symlink(tmp_path / "elsewhere", raw / "linked")
    for doc in list_raw(raw):
        with pytest.raises(InputError, match="refused"):
            read_raw_bytes(doc, raw)


def test_the_manifest_does_not_read_a_refused_symlink(bad_run) -> None:  # noqa: ANN001
    _, out, _ = bad_run
    entry = next(d for d in read_json(out / "manifest.json")["documents"] if d["id"] == LINK)
    assert entry["raw_sha256"] is None
    assert entry["errors"] == [f"{LINK}: extract: symlink to a file outside the raw folder refused"]


# ------------------------------------------------------------------------------ big inputs


@pytest.mark.slow
def test_a_single_five_megabyte_line_is_processed() -> None:
    data = b"word, " * (5 * 1024 * 1024 // 6)
    start = time.monotonic()
    outs = run_front(data, "line.txt")
    took = time.monotonic() - start
    raw = data.decode()
    assert_extract_partitions(raw, outs["extract"])
    assert len(outs["extract"]["blocks"]) == 1
    assert len(outs["normalise"]["text"]) == len(raw.strip())
    print(f"5 MB single line: extract+strip+normalise {took:.1f} s")
    assert took < 120


def _prose(size: int) -> bytes:
    """Deterministic synthetic prose: paragraphs of varied length, quotes, blank lines."""
    import random

    rnd = random.Random(5)
    words = ("the of and to in a is that for it as was with be by on not he this are or his from at which but have "
             "an they you were her she there had been one all we their has would when who will more if no out so "
             "said what up its about into than them can only other new some could time these two may then do").split()
    parts, n = [], 0
    while n < size:
        para = " ".join(rnd.choice(words) for _ in range(rnd.randint(20, 400))).capitalize() + "."
        if rnd.random() < 0.3:
            para = f"“{para}” she said."
        para += "\n\n" if rnd.random() < 0.5 else "\n"
        parts.append(para)
        n += len(para.encode())
    data = "".join(parts).encode()
    return data[: data.rfind(b"\n", 0, size) + 1]


@pytest.mark.slow
def test_a_fifty_megabyte_text_file_is_processed() -> None:
    """Through extract, strip and normalise (the stages whose cost grows with the raw size)."""
    data = _prose(50 * 1000 * 1000)
    start = time.monotonic()
    outs = run_front(data, "big.txt")
    took = time.monotonic() - start
    raw = data.decode("utf-8")
    assert outs["extract"]["raw_chars"] == len(raw)
    assert_extract_partitions(raw, outs["extract"])
    assert len(outs["normalise"]["text"]) > len(raw) * 0.9
    print(f"50 MB text: extract+strip+normalise {took:.1f} s")
    assert took < 400
