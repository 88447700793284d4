"""Config: each section validated and hashed; a malformed file or an unknown key is one line
naming the file, the line and the key."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.config import DEFAULT_CONFIG, load_config
from pipeline.errors import ConfigError

PIPELINE = Path(sys.executable).parent / "pipeline"
ROOT = Path(__file__).resolve().parent.parent


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "cfg.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_the_shipped_config_is_valid() -> None:
    cfg = load_config(None)
    assert cfg.path == str(DEFAULT_CONFIG)
    assert {"extract", "strip", "normalise"} <= set(cfg.data)


def test_unknown_key_names_the_key_and_its_line(tmp_path: Path) -> None:
    p = _write(tmp_path, "extract:\n  sniff_html: true\n  tag_path_dpeth: 3\n")
    with pytest.raises(ConfigError) as exc:
        load_config(p)
    assert str(exc.value) == f"{p}:3: unknown key 'extract.tag_path_dpeth'"


def test_unknown_section_names_the_section_and_its_line(tmp_path: Path) -> None:
    p = _write(tmp_path, "# comment\nextrct: {}\n")
    with pytest.raises(ConfigError, match=r":2: unknown key 'extrct'"):
        load_config(p)


def test_unknown_key_inside_a_rule_names_the_rule_path(tmp_path: Path) -> None:
    p = _write(tmp_path, "strip:\n  block_rules:\n    - id: strip.x\n      patterns: ['a']\n      max_wrds: 3\n")
    with pytest.raises(ConfigError, match=r":5: unknown key 'strip.block_rules.0.max_wrds'"):
        load_config(p)


def test_malformed_yaml_names_the_line(tmp_path: Path) -> None:
    p = _write(tmp_path, "extract:\n  sniff_html: [true\nstrip: {}\n")
    with pytest.raises(ConfigError, match=rf"^{p}:3: malformed YAML: "):
        load_config(p)


def test_wrong_type_names_the_key_and_line(tmp_path: Path) -> None:
    p = _write(tmp_path, "extract:\n  tag_path_depth: six\n")
    with pytest.raises(ConfigError, match=r":2: 'extract.tag_path_depth': 'six' is not of type 'integer'"):
        load_config(p)


def test_a_config_that_is_not_a_mapping_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="must be a mapping"):
        load_config(_write(tmp_path, "- a\n- b\n"))


def test_a_missing_config_file_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="missing.yaml: cannot read config"):
        load_config(tmp_path / "missing.yaml")


def test_an_empty_config_means_every_default(tmp_path: Path) -> None:
    assert load_config(_write(tmp_path, "")).data == {}


def test_section_hash_changes_only_with_its_section(tmp_path: Path) -> None:
    a = load_config(_write(tmp_path, "extract:\n  tag_path_depth: 6\nnormalise:\n  quotes: keep\n"))
    b = load_config(_write(tmp_path, "normalise:\n  quotes: keep\nextract:\n  tag_path_depth: 7\n"))
    assert a.section_hash("normalise") == b.section_hash("normalise")
    assert a.section_hash("extract") != b.section_hash("extract")


def test_section_hash_ignores_key_order_and_formatting(tmp_path: Path) -> None:
    a = load_config(_write(tmp_path, "extract: {sniff_html: true, tag_path_depth: 6}\n"))
    b = load_config(_write(tmp_path, "extract:\n  tag_path_depth: 6   # depth\n  sniff_html: true\n"))
    assert a.section_hash("extract") == b.section_hash("extract")


def test_bad_config_on_the_command_line_is_one_line_without_traceback(tmp_path: Path) -> None:
    p = _write(tmp_path, "extract:\n  tag_path_dpeth: 3\n")
    res = subprocess.run([str(PIPELINE), "run", "--raw", str(ROOT / "raw"), "--out", str(tmp_path / "out"),
                          "--config", str(p)], capture_output=True, text=True, timeout=120)
    assert res.returncode == 2
    assert res.stderr == f"error: {p}:2: unknown key 'extract.tag_path_dpeth'\n"
    assert not (tmp_path / "out").exists()
