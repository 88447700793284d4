"""Huge documents (issue 14): the quotation stage's memory is bounded without changing a decision.

Not timed here: `make bench` measures a 30 MB document (benchmarks/hugedoc.py, docs/BENCHMARKS.md).
"""

from __future__ import annotations

import hashlib
from typing import Any

import pytest


def _quotes(text: str, monkeypatch: pytest.MonkeyPatch, **quotes_cfg: Any) -> dict[str, Any]:
    """Extract, strip, normalise and quotes in memory, with `quotes_cfg` over the quotes section."""
    from pipeline.config import load_config
    from pipeline.runner import DocContext, run_stage
    from pipeline.stages import stage

    cfg = load_config(None)
    orig = type(cfg).section
    monkeypatch.setattr(type(cfg), "section", lambda self, name: (
        {**orig(self, name), **quotes_cfg} if name == "quotes" else orig(self, name)))
    data = text.encode("utf-8")
    ctx = DocContext("t.txt", "t.txt", data, hashlib.sha256(data).hexdigest())
    for name in ("extract", "strip", "normalise", "quotes"):
        run_stage(stage(name), ctx, cfg)
    out = ctx.outputs["quotes"]
    return {k: v for k, v in out.items() if k != "provenance"}


def _restores(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Parses read back from the spill file, per quotes run (recorded when the parses are dropped)."""
    from pipeline.quoting.parse import LazyDocs

    seen: list[int] = []
    close = LazyDocs.close
    monkeypatch.setattr(LazyDocs, "close", lambda self: (seen.append(self.restored), close(self))[1])
    return seen


def test_many_paragraphs_give_the_same_quotations_in_one_window_or_many(monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks.hugedoc import Prose

    text = Prose(seed=3).text(30_000)   # narrative, inline and pronoun quotations, dialogue, blocks, Q/A
    restores = _restores(monkeypatch)
    whole = _quotes(text, monkeypatch)
    windowed = _quotes(text, monkeypatch, parse_memory_tokens=50)   # a few paragraphs' parses in memory
    assert restores[0] == 0 and restores[1] > 0   # the second run did read parses back
    assert len(whole["quotations"]) > 50 and any(q["speaker"] for q in whole["quotations"])
    assert windowed == whole


def test_a_long_single_line_document_is_parsed_in_pieces_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    line = " ".join(f"Clara Novak said the river was measured again on day {i}." for i in range(300))
    text = line + ' "The bridge stays open for everyone," Clara Novak said.'   # about 18,000 characters, no line break
    out = _quotes(text, monkeypatch, max_parse_chars=2000)
    warnings = [w for w in out["warnings"] if w["rule"] == "quotes.parse.split_paragraph"]
    assert len(warnings) == 1 and warnings[0]["pieces"] >= 9
    assert warnings[0]["raw_start"] == 0 and warnings[0]["raw_end"] == len(text)
    q = next(q for q in out["quotations"] if q["text"].startswith("The bridge stays open"))
    assert q["speaker"]["name"] == "Clara Novak"
