"""Reference lists are content, even after the main text body of a text dump."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.config import load_config

from test_strip import PROSE, label_of, run_strip

ROOT = Path(__file__).resolve().parent.parent


def test_a_reference_list_after_the_body_is_kept() -> None:
    cfg: Any = load_config(ROOT / "config" / "pipeline.yaml")
    text = f"{PROSE}\n\n{PROSE}\n\nReferences\n1. Daily Courier, 2 March 2019, page 4.\n2. Annual report, 2018.\n"
    ext, out = run_strip(cfg, "a.txt", text)
    assert label_of(ext, out, "References") == ("content", "strip.text.reference_list")
    assert label_of(ext, out, "1. Daily Courier")[0] == "content"
    assert label_of(ext, out, "2. Annual report")[0] == "content"
