"""Strip, text dumps: a few short lines between two prose lines stay (a signature, a date), but
the lines the block rules removed there count for the gap: a stretch of furniture between two
paragraphs is not a signature."""

from __future__ import annotations

from typing import Any

from test_strip import PROSE, cfg, label_of, run_strip, text_of  # noqa: F401 - cfg is a fixture

ARTICLE = [PROSE.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")]


def test_a_short_line_between_two_paragraphs_stays(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:3], "Jane Smith", *ARTICLE[3:]))
    assert label_of(ext, out, "Jane Smith")[0] == "content"


def test_a_short_line_in_a_long_stretch_of_removed_furniture_goes(cfg: Any) -> None:
    furniture = ["open menu panel", "Privacy Policy", "Terms of Use", "Contact Us", "Site Map", "Careers", "back panel", "side panel"]
    ext, out = run_strip(cfg, "a.txt", text_of(*ARTICLE[:3], *furniture, *ARTICLE[3:]))
    assert label_of(ext, out, "open menu panel")[0] == "boilerplate"
