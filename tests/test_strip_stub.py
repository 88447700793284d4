"""strip.section_stub_request: an editor's request that is the only line of its section."""

from __future__ import annotations

from typing import Any

from test_strip import PROSE, cfg, label_of, run_strip  # noqa: F401 - fixture

_ = cfg


def test_a_request_naming_its_section_between_two_headings_is_boilerplate(cfg: Any) -> None:  # noqa: F811
    text = f"{PROSE}\n\nHarbour history\n\nAdd the history of the harbour from the town records.\n\nToday\n\n{PROSE}\n"
    ext, out = run_strip(cfg, "a.txt", text)
    assert label_of(ext, out, "Add the history") == ("boilerplate", "strip.section_stub_request")


def test_a_recipe_step_under_its_heading_stays(cfg: Any) -> None:  # noqa: F811
    text = f"{PROSE}\n\nMethod\n\nAdd the flour and stir well.\n\nBake for twenty minutes.\n\n{PROSE}\n"
    ext, out = run_strip(cfg, "a.txt", text)
    assert label_of(ext, out, "Add the flour")[0] == "content"
