"""The quotation stage as a package of registered forms and resolvers (docs/QUOTES.md)."""

from __future__ import annotations

from pathlib import Path

import pipeline.stages.quotes.builder  # noqa: F401  (registers every form and resolver)
from pipeline.stages import _stage_files, code_hash
from pipeline.stages.quotes.registry import detectors, registered, resolvers

PKG = Path(pipeline.stages.quotes.builder.__file__).resolve().parent


def test_every_rule_is_registered_with_a_reason() -> None:
    assert registered() and all(e.why.strip() for e in registered())


def test_detectors_run_structures_before_inline_quotations() -> None:
    ids = [e.id for e in detectors()]
    assert ids.index("quotes.interview") < ids.index("quotes.block") < ids.index("quotes.inline")


def test_resolvers_fill_a_speaker_source_or_date() -> None:
    assert all(".speaker." in e.id or ".source." in e.id or ".date." in e.id for e in resolvers())


def test_code_hash_covers_every_module_of_the_package() -> None:
    assert sorted(_stage_files("quotes")) == sorted(f"stages/quotes/{p.name}" for p in PKG.glob("*.py"))
    assert code_hash("quotes") == code_hash("quotes") and len(code_hash("quotes")) == 16


def test_no_module_of_the_package_is_over_500_lines() -> None:
    for p in PKG.glob("*.py"):
        assert len(p.read_text(encoding="utf-8").splitlines()) <= 500, p.name


def test_no_helper_module_of_quotes_or_evaluate_is_over_500_lines() -> None:
    root = PKG.parent.parent
    for p in [*(root / "quoting").glob("*.py"), *(root / "evaluate").glob("*.py")]:
        assert len(p.read_text(encoding="utf-8").splitlines()) <= 500, p.name
