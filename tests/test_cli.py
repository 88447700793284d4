"""The command line: ``pipeline`` and ``python -m pipeline``, with --help for every subcommand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import build_parser, commands

ROOT = Path(__file__).resolve().parent.parent
PIPELINE = Path(sys.executable).parent / "pipeline"
CORE = ("run", "stage", "plan", "finish", "summary")


def test_every_core_subcommand_is_registered() -> None:
    assert set(CORE) <= set(commands())


@pytest.mark.parametrize("name", sorted(commands()))
def test_every_subcommand_has_help(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args([name, "--help"])
    assert exc.value.code == 0
    assert "usage: pipeline " + name in capsys.readouterr().out


def test_console_script_help_lists_every_subcommand() -> None:
    res = subprocess.run([str(PIPELINE), "--help"], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    for name in commands():
        assert name in res.stdout


def test_python_dash_m_pipeline_runs_the_same_cli() -> None:
    res = subprocess.run([sys.executable, "-m", "pipeline", "stage", "--help"], capture_output=True, text=True,
                         timeout=60, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    assert "--doc" in res.stdout


def test_help_imports_no_heavy_library() -> None:
    """``make all`` calls the CLI for every target: spaCy and friends load lazily."""
    code = ("import sys; from pipeline.cli import build_parser; build_parser(); "
            "heavy = [m for m in ('spacy', 'trafilatura', 'ray', 'ftfy', 'thinc') if m in sys.modules]; print(heavy)")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert res.stdout.strip() == "[]", res.stdout + res.stderr


def test_missing_raw_folder_is_a_one_line_error(tmp_path: Path) -> None:
    res = subprocess.run([str(PIPELINE), "run", "--raw", str(tmp_path / "nope"), "--out", str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0 and "nope" in res.stderr and "Traceback" not in res.stderr


def test_unknown_subcommand_exits_non_zero() -> None:
    res = subprocess.run([str(PIPELINE), "no-such-command"], capture_output=True, text=True, timeout=60)
    assert res.returncode != 0
