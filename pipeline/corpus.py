"""Corpus-level outputs: quotations and speakers across documents.

(Skeleton: writes empty indexes.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .store import write_jsonl


def build(out_dir: Path, docs: list[Any], config: Any) -> None:
    write_jsonl(out_dir / "corpus" / "quotations.jsonl", [])
    write_jsonl(out_dir / "corpus" / "speakers.jsonl", [])
