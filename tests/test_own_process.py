"""A huge document runs each stage in a fresh child process (``runner.own_process_bytes``), so its
peak memory is one stage's; what it writes, and how it fails, are the same as in one process.

The threshold is set to a byte here, so the seeds stand in for a huge document.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import copy_seeds, output_tree
from pipeline import isolate
from pipeline.config import DEFAULT_CONFIG, load_config, read_yaml
from pipeline.errors import ConfigError
from pipeline.runner import run_all
from pipeline.store import list_raw

STORY = "Anna Keller, the mayor, spoke at the meeting.\n\n\u201cThe bridge stays open,\u201d Anna Keller said.\n"


def write_config(folder: Path, **sections: dict[str, Any]) -> Path:
    """The project's config with ``sections`` merged over its own, as pipeline.yaml in ``folder``
    (the name the outputs record), the lexicons still the project's."""
    data = read_yaml(DEFAULT_CONFIG)
    for name, values in sections.items():
        data[name] = {**data[name], **values}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DEFAULT_CONFIG.name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def one_story(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "story.txt").write_text(STORY, encoding="utf-8")
    return raw


def children_started(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The stage names run in child processes from now on."""
    seen: list[str] = []
    run_child = isolate.run_child
    monkeypatch.setattr(isolate, "run_child", lambda doc, raw, out, cfg, spec: (seen.append(spec.name),
                                                                               run_child(doc, raw, out, cfg, spec))[1])
    return seen


def test_documents_over_the_threshold_run_every_stage_in_a_child_and_write_the_same_bytes(
        seeds_processed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = write_config(tmp_path / "cfg", runner={"own_process_bytes": 1})
    started = children_started(monkeypatch)
    out = tmp_path / seeds_processed.name   # the report names its output folder
    results = run_all(copy_seeds(tmp_path / "raw"), out, str(cfg))
    assert all(r.ok for r in results), [r.error for r in results]
    assert started == ["extract", "strip", "normalise", "quotes"] * len(results) + ["copyright", "publish"] * len(results)
    assert output_tree(out) == output_tree(seeds_processed)


def test_a_stage_failing_in_its_child_fails_the_document_as_in_one_process(tmp_path: Path) -> None:
    raw = one_story(tmp_path)
    failed = {}
    for where, threshold in (("child", 1), ("here", 1 << 30)):
        cfg = write_config(tmp_path / where, runner={"own_process_bytes": threshold}, quotes={"model": "no_such_model"})
        out = tmp_path / f"out-{where}"
        [res] = run_all(raw, out, str(cfg))
        failed[where] = (res.ok, res.stage, res.error)
        assert (out / "errors" / "story.txt.quotes.txt").exists()
        assert not [p for p in out.rglob("story.txt*") if p.parts[-2] in ("04_quotes", "05_copyright", "06_publish")]
        assert (out / "03_normalise" / "story.txt.json").exists()
    assert failed["child"] == failed["here"] == (False, "quotes",
                                                  "quotes.model: spaCy model 'no_such_model' is not installed (OSError)")


def _killed_half_way(doc: Any, raw_dir: Path, out_dir: Path, config: Any, name: str, send: Any) -> None:
    """In place of a child's work: start writing the output, then die as the OOM killer kills."""
    folder = out_dir / "01_extract"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f".{doc.doc_id}.json.abcd_123.tmp").write_text("{half", encoding="utf-8")
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_killed_child_is_a_failed_document_saying_so_and_leaves_no_half_written_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = write_config(tmp_path / "cfg", runner={"own_process_bytes": 1})
    monkeypatch.setattr(isolate, "_child_main", _killed_half_way)
    out = tmp_path / "out"
    [res] = run_all(one_story(tmp_path), out, str(cfg))
    assert (res.ok, res.stage) == (False, "extract")
    assert res.error == "the stage's own process was killed by SIGKILL (out of memory?)"
    assert [p.name for p in (out / "01_extract").iterdir()] == []
    assert (out / "errors" / "story.txt.extract.txt").read_text(encoding="utf-8").startswith(
        "story.txt: extract: the stage's own process was killed by SIGKILL")


def test_the_threshold_is_the_configs_runner_own_process_bytes(tmp_path: Path) -> None:
    raw = one_story(tmp_path)
    [doc] = list_raw(raw)
    size = doc.path.stat().st_size
    at = load_config(write_config(tmp_path / "at", runner={"own_process_bytes": size}))
    above = load_config(write_config(tmp_path / "above", runner={"own_process_bytes": size + 1}))
    assert isolate.own_process(doc, raw, at) and not isolate.own_process(doc, raw, above)


def test_a_config_without_the_threshold_is_an_error_naming_it(tmp_path: Path) -> None:
    data = read_yaml(DEFAULT_CONFIG)
    del data["runner"]["own_process_bytes"]
    path = tmp_path / "partial.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"runner\.own_process_bytes"):
        load_config(path)
