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


def test_an_empty_config_is_an_error_saying_so(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"cfg.yaml:1: the config file is empty"):
        load_config(_write(tmp_path, ""))


def test_a_partial_config_names_every_missing_key(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as exc:
        load_config(_write(tmp_path, "quotes: {}\n"))
    assert "missing required keys: extract, strip, normalise, copyright, publish, input, runner, quotes.model" in str(exc.value)


def test_a_section_missing_keys_names_them(tmp_path: Path) -> None:
    text = DEFAULT_CONFIG.read_text(encoding="utf-8").replace("  tag_path_depth: 6\n", "")
    with pytest.raises(ConfigError, match=r"missing required key: extract.tag_path_depth"):
        load_config(_write(tmp_path, text))


def test_a_section_given_twice_is_an_error_naming_both_lines(tmp_path: Path) -> None:
    p = _write(tmp_path, "extract:\n  sniff_html: true\nstrip: {}\nextract: {}\n")
    with pytest.raises(ConfigError) as exc:
        load_config(p)
    assert str(exc.value) == f"{p}:4: malformed YAML: duplicate key 'extract' (first given at line 1)"


def test_a_key_given_twice_in_a_section_is_an_error_naming_its_line(tmp_path: Path) -> None:
    p = _write(tmp_path, "extract:\n  sniff_html: true\n  tag_path_depth: 6\n  sniff_html: false\n")
    with pytest.raises(ConfigError, match=r":4: malformed YAML: duplicate key 'sniff_html' \(first given at line 2\)"):
        load_config(p)


def _shipped(tmp_path: Path, name: str, old: str = "", new: str = "") -> Path:
    text = DEFAULT_CONFIG.read_text(encoding="utf-8")
    assert old in text
    p = tmp_path / name
    p.write_text(text.replace(old, new, 1), encoding="utf-8")
    return p


def test_section_hash_changes_only_with_its_section(tmp_path: Path) -> None:
    a = load_config(_shipped(tmp_path, "a.yaml"))
    b = load_config(_shipped(tmp_path, "b.yaml", "  tag_path_depth: 6", "  tag_path_depth: 7"))
    assert a.section_hash("normalise") == b.section_hash("normalise")
    assert a.section_hash("extract") != b.section_hash("extract")


def test_section_hash_is_computed_once_per_loaded_config(monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.config as config_module

    cfg = load_config(None)
    calls: list[object] = []
    real = config_module.hash_json
    monkeypatch.setattr(config_module, "hash_json", lambda obj: calls.append(obj) or real(obj))
    first = cfg.section_hash("strip")
    assert [cfg.section_hash("strip") for _ in range(3)] == [first] * 3 and len(calls) == 1
    assert load_config(None).section_hash("strip") == first


def test_section_hash_ignores_key_order_and_formatting(tmp_path: Path) -> None:
    a = load_config(_shipped(tmp_path, "a.yaml"))
    text = DEFAULT_CONFIG.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines(keepends=True) if x.startswith("  sniff_html:"))
    moved = text.replace(line, "", 1).replace("  tag_path_depth: 6\n", "  tag_path_depth:   6  # depth\n  sniff_html: true\n", 1)
    b = load_config(_write(tmp_path, moved))
    assert a.section_hash("extract") == b.section_hash("extract")


def test_bad_config_on_the_command_line_is_one_line_without_traceback(tmp_path: Path) -> None:
    p = _write(tmp_path, "extract:\n  tag_path_dpeth: 3\n")
    res = subprocess.run([str(PIPELINE), "run", "--raw", str(ROOT / "raw"), "--out", str(tmp_path / "out"),
                          "--config", str(p)], capture_output=True, text=True, timeout=120)
    assert res.returncode == 2
    assert res.stderr == f"error: {p}:2: unknown key 'extract.tag_path_dpeth'\n"
    assert not (tmp_path / "out").exists()
