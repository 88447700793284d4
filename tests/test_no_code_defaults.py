"""Rule parameters have no defaults in code: the config (checked against its schema) gives them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from pipeline.config import DEFAULT_CONFIG, load_config, read_yaml
from pipeline.errors import ConfigError

STAGES = Path(__file__).resolve().parent.parent / "pipeline" / "stages"


def test_no_stage_reads_a_config_parameter_with_a_default_in_code() -> None:
    files = sorted([*STAGES.glob("*.py"), *STAGES.glob("*/*.py")])
    found = [f"{p.relative_to(STAGES)}:{n}: {line.strip()}"
             for p in files for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\bcfg\.get\(", line)]
    assert files and found == []


def test_a_key_missing_from_a_nested_section_is_a_config_error_naming_it_and_its_rules(tmp_path: Path) -> None:
    data = read_yaml(DEFAULT_CONFIG)
    del data["strip"]["text"]["max_gap"]
    path = tmp_path / "partial.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    expected = r"missing required key: strip\.text\.max_gap \(parameter of rules strip\.text\.attached_line"
    with pytest.raises(ConfigError, match=expected):
        load_config(path)

