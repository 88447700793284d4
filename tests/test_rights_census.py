"""The rights census counts pages per signal with the copyright stage's reader."""

from __future__ import annotations

from pathlib import Path

from benchmarks.rights_census import LIMITED, census


def test_the_census_counts_each_signal_once_per_page(tmp_path: Path) -> None:
    meta = '<meta name="tdm-reservation" content="1"><meta name="robots" content="max-snippet:50">'
    (tmp_path / "a.html").write_text(f"<html><head>{meta}{meta}</head><body>Text</body></html>", encoding="utf-8")
    (tmp_path / "b.txt").write_text("This work is licensed under a Creative Commons licence.", encoding="utf-8")
    n, pages, _ = census(tmp_path)
    assert n == 2 and pages["tdm_reservation"] == 1 and pages[LIMITED] == 1
    assert pages["creative_commons_statement"] == 1
