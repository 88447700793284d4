"""``make all``: one process per stage over the documents the plan finds stale; a re-run
rebuilds only what changed; ``-j`` and ``WORKERS`` work; an interrupted run followed by another
gives the bytes of one clean run.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import output_tree
from pipeline.store import doc_id_for

ROOT = Path(__file__).resolve().parent.parent
SPACED = "a doc é.txt"
DOCS = {
    SPACED: "He said: “We will stay.”\n\nA second paragraph follows here.\n",
    "b.html": "<html><body><h1>Title</h1><p>Hello &amp; bye, said Ann.</p><footer>© 2011</footer></body></html>",
}
STAGES = ("01_extract", "02_strip", "03_normalise", "04_quotes", "05_copyright", "06_publish")

pytestmark = pytest.mark.slow


def make(raw: Path, out: Path, *args: str, config: Path | None = None, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    cmd = ["make", "--no-print-directory", "-o", ".venv/.installed", "all", f"RAW={raw}", f"OUT={out}", *args]
    if config:
        cmd.append(f"CONFIG={config}")
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout, env={**os.environ, "CI": "1"})


def mtimes(out: Path) -> dict[str, int]:
    return {k: (out / k).stat().st_mtime_ns for k in output_tree(out)}


def _raw(dest: Path, docs: dict[str, str]) -> Path:
    dest.mkdir(parents=True)
    for name, text in docs.items():
        (dest / name).write_text(text, encoding="utf-8")
    return dest


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, bytes]]:
    """One clean ``make all``: (raw folder, output folder, its bytes)."""
    base = tmp_path_factory.mktemp("make")
    raw = _raw(base / "raw", DOCS)
    out = base / "clean" / "processed"
    res = make(raw, out)
    assert res.returncode == 0, res.stdout + res.stderr
    return raw, out, output_tree(out)


def _copy(out: Path, dest: Path) -> Path:
    """A copy of a processed folder, timestamps kept (make decides by them)."""
    shutil.copytree(out, dest, symlinks=True)
    return dest


def test_make_all_writes_every_stage_for_every_document(clean) -> None:  # noqa: ANN001
    _, _, files = clean
    for name in DOCS:
        for folder in STAGES:
            assert f"{folder}/{doc_id_for(name)}.json" in files, (folder, name)
        assert f"06_publish/{doc_id_for(name)}.md" in files
    assert "manifest.json" in files


def test_make_all_and_pipeline_run_write_the_same_stage_outputs(clean, tmp_path: Path) -> None:  # noqa: ANN001
    raw, _, files = clean
    out = tmp_path / "processed"
    res = subprocess.run([str(ROOT / ".venv/bin/pipeline"), "run", "--raw", str(raw), "--out", str(out)],
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    ran = output_tree(out)
    for k in files:
        if k.startswith(STAGES):
            assert ran.get(k) == files[k], k


def test_a_second_make_all_rebuilds_nothing(clean, tmp_path: Path) -> None:  # noqa: ANN001
    raw, out, files = clean
    out2 = _copy(out, tmp_path / "processed")
    before = mtimes(out2)
    res = make(raw, out2)
    assert res.returncode == 0, res.stderr
    assert mtimes(out2) == before
    assert output_tree(out2) == files
    assert res.stderr.startswith("summary: ") and res.stderr.count("\n") == 1   # no step started


def test_the_summary_prints_once(clean, tmp_path: Path) -> None:  # noqa: ANN001
    raw, _, _ = clean
    res = make(raw, tmp_path / "processed")
    assert res.returncode == 0, res.stderr
    assert res.stderr.count("summary:") == 1, res.stderr


def test_each_stage_is_one_recipe_and_no_file_name_reaches_one(clean) -> None:  # noqa: ANN001
    raw, out, _ = clean
    res = subprocess.run(["make", "-n", "--no-print-directory", "-o", ".venv/.installed", "all",
                          f"RAW={raw}", f"OUT={out}"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    for name in ("extract", "strip", "normalise", "quotes", "copyright", "publish"):
        assert res.stdout.count(f"make-stage {name} ") == 1
    for name in DOCS:
        assert name not in res.stdout and doc_id_for(name) not in res.stdout


def test_make_jobs_come_from_makeflags() -> None:
    from pipeline.makerun import make_jobs

    assert make_jobs(" -j2 --jobserver-auth=3,4") == 2
    assert make_jobs("k -j3") == 3
    assert make_jobs("") == 1 and make_jobs(None) == 1
    assert make_jobs(" -- RAW=-j9") == 1
    assert make_jobs("-j") == (os.cpu_count() or 1)


def test_a_new_raw_document_is_the_only_one_processed(clean, tmp_path: Path) -> None:  # noqa: ANN001
    raw, out, _ = clean
    raw2 = _copy(raw, tmp_path / "raw")
    out2 = _copy(out, tmp_path / "processed")
    before = mtimes(out2)
    (raw2 / "c.txt").write_text("A new document, just added.\n", encoding="utf-8")
    res = make(raw2, out2)
    assert res.returncode == 0, res.stderr
    after = mtimes(out2)
    for folder in STAGES:
        assert f"{folder}/c.txt.json" in after
        for name in DOCS:
            key = f"{folder}/{doc_id_for(name)}.json"
            assert after[key] == before[key], f"{key} was rebuilt"
    assert after["manifest.json"] != before["manifest.json"]


def test_a_changed_config_section_rebuilds_that_stage_and_later_ones_only(clean, tmp_path: Path) -> None:  # noqa: ANN001
    raw, out, _ = clean
    out2 = _copy(out, tmp_path / "processed")
    config = tmp_path / "pipeline.yaml"
    text = (ROOT / "config" / "pipeline.yaml").read_text(encoding="utf-8")
    assert 'paragraph_separator: "\\n\\n"' in text
    config.write_text(text.replace('paragraph_separator: "\\n\\n"', 'paragraph_separator: "\\n\\n\\n"'), encoding="utf-8")
    before = mtimes(out2)
    res = make(raw, out2, config=config)
    assert res.returncode == 0, res.stderr
    after = mtimes(out2)
    name = doc_id_for(SPACED)
    assert after[f"01_extract/{name}.json"] == before[f"01_extract/{name}.json"]
    assert after[f"02_strip/{name}.json"] == before[f"02_strip/{name}.json"]
    assert after[f"03_normalise/{name}.json"] != before[f"03_normalise/{name}.json"]
    assert "\n\n\n" in (out2 / "06_publish" / f"{name}.md").read_text(encoding="utf-8")


def test_an_interrupted_make_all_then_another_gives_the_clean_bytes(clean, tmp_path: Path) -> None:  # noqa: ANN001
    raw, _, files = clean
    out = tmp_path / "processed"
    cmd = ["make", "--no-print-directory", "-o", ".venv/.installed", "all", f"RAW={raw}", f"OUT={out}"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True, env={**os.environ, "CI": "1"})
    # wait until the run is under way (some stage output written), then kill the whole group
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(out.glob("0[2-4]_*/*.json")):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not (out / "manifest.json").exists(), "the run finished before it could be interrupted"
    res = make(raw, out)
    assert res.returncode == 0, res.stderr
    assert output_tree(out) == files


@pytest.mark.parametrize("how", ["-j2", "WORKERS=2"])
def test_parallel_make_gives_the_clean_bytes(clean, tmp_path: Path, how: str) -> None:  # noqa: ANN001
    raw, _, files = clean
    out = tmp_path / "processed"
    res = make(raw, out, how)
    assert res.returncode == 0, res.stderr
    assert output_tree(out) == files


def test_a_bad_document_fails_only_its_own_targets(clean, tmp_path: Path) -> None:  # noqa: ANN001
    raw, out, _ = clean
    raw2 = _copy(raw, tmp_path / "raw")
    out2 = _copy(out, tmp_path / "processed")
    (raw2 / "bin.txt").write_bytes(b"\x00\x01binary")
    res = make(raw2, out2)
    assert res.returncode != 0
    assert "error: bin.txt: extract: binary file (NUL bytes), not text or HTML" in res.stderr
    assert "Traceback" not in res.stderr
    from pipeline.store import read_json

    status = {d["id"]: d["status"] for d in read_json(out2 / "manifest.json")["documents"]}
    assert status == {"bin.txt": "error", **{doc_id_for(n): "ok" for n in DOCS}}


def test_stale_temporary_files_are_removed_before_a_run(tmp_path: Path) -> None:
    from pipeline.store import atomic_write_text, remove_stale_temporaries

    out = tmp_path / "processed"
    atomic_write_text(out / "01_extract" / "x.json", "{}\n")
    (out / "01_extract" / ".x.json.abc123.tmp").write_text("half")
    assert remove_stale_temporaries(out) == 1
    assert [p.name for p in (out / "01_extract").iterdir()] == ["x.json"]
