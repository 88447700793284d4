"""Strip, round 2: furniture labels, repeated menus, nav links, conservative trailing fragments,
rules checked at config load, and a cost linear in the page size."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from pipeline.config import load_config
from pipeline.errors import ConfigError
from pipeline.stages import strip

from test_strip import HTML, PROSE, label_of, page, run_strip

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cfg() -> Any:
    return load_config(ROOT / "config" / "pipeline.yaml")


def test_a_line_that_is_only_a_furniture_label_is_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", page("Privacy Policy"))
    assert label_of(ext, out, "Privacy Policy") == ("boilerplate", "strip.ui_label")


def test_a_sentence_mentioning_a_furniture_label_is_kept(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", page("Read our privacy policy before you sign in to the archive of the committee."))
    assert label_of(ext, out, "Read our privacy")[0] == "content"


def test_a_run_of_short_lines_printed_twice_is_a_menu(cfg: Any) -> None:
    menu = "Features\nPricing\nCustomers"
    text = "\n\n".join([menu, PROSE, "Background", PROSE, PROSE.replace("Tuesday", "Monday"), menu]) + "\n"
    ext, out = run_strip(cfg, "a.txt", text)
    rules = [d["rule"] for b, d in zip(ext["blocks"], out["decisions"]) if b["text"] == "Pricing"]
    assert rules == ["strip.text.repeated_run", "strip.text.repeated_run"]
    assert label_of(ext, out, "Background")[0] == "content"


def test_a_list_of_long_items_printed_twice_keeps_its_first_copy(cfg: Any) -> None:
    items = "\n".join(["+ Search for a member by their handle from the search bar",
                       "+ Categories now show their own pictures instead of the site icon",
                       "+ Older threads are loaded whole when a new reply arrives from elsewhere"])
    text = "\n\n".join([PROSE, items, PROSE.replace("Tuesday", "Monday"), "Quoted:", items,
                         PROSE.replace("Tuesday", "Friday")]) + "\n"
    ext, out = run_strip(cfg, "a.txt", text)
    labels = [d["label"] for b, d in zip(ext["blocks"], out["decisions"]) if "own pictures" in b["text"]]
    assert labels[0] == "content"


def test_a_card_with_one_long_line_printed_twice_is_still_a_repeated_run(cfg: Any) -> None:
    card = "Win in search\nSee the case studies that show how our clients grew their sales\nView case studies"
    text = "\n\n".join([card, PROSE, PROSE.replace("Tuesday", "Monday"), card]) + "\n"
    ext, out = run_strip(cfg, "a.txt", text)
    assert label_of(ext, out, "View case studies") == ("boilerplate", "strip.text.repeated_run")


def test_html_links_inside_navigation_are_boilerplate_even_when_the_extractor_keeps_them(cfg: Any) -> None:
    html = ('<html><body><main><h1>Report</h1><p>{p}</p><nav><p><a href="/x">Archive of reports</a></p></nav>'
            '<p>{q}</p></main></body></html>').format(p=PROSE, q=PROSE.replace("Tuesday", "Friday"))
    ext, out = run_strip(cfg, "a.html", html)
    assert label_of(ext, out, "Archive of reports")[0] == "boilerplate"
    assert label_of(ext, out, "Tuesday")[0] == "content"


def test_html_nav_menu_is_decided_by_an_html_rule_not_as_a_trailing_fragment(cfg: Any) -> None:
    html_cfg = {**cfg.section("strip")["html"], "decider": "trafilatura", "trafilatura": {"enabled": False}}
    ext, out = run_strip(cfg, "a.html", HTML.replace("</footer>", "<p>© 2011</p></footer>"), html=html_cfg)
    assert label_of(ext, out, "Archive") == ("boilerplate", "strip.html.structure")


def test_a_short_closing_sentence_before_a_copyright_footer_is_kept(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", "\n\n".join([PROSE, "It was a good day for all of us", "© 2011"]) + "\n")
    assert label_of(ext, out, "good day")[0] == "content"
    assert label_of(ext, out, "© 2011")[0] == "boilerplate"


def test_a_name_fragment_before_a_copyright_footer_is_a_trailing_fragment(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", "\n\n".join([PROSE, PROSE, "Jane Roe (UK),", "© 2011"]) + "\n")
    assert label_of(ext, out, "Jane Roe") == ("boilerplate", "strip.trailing_fragment")


def test_an_invalid_rule_pattern_fails_at_config_load_naming_the_rule(tmp_path: Path) -> None:
    text = (ROOT / "config" / "pipeline.yaml").read_text(encoding="utf-8")
    bad = text.replace("- '(?i)\\bwe\\s+use\\s+cookies\\b'", "- '(?i)\\bwe\\s+use(\\s+cookies\\b'")
    assert bad != text
    (tmp_path / "p.yaml").write_text(bad, encoding="utf-8")
    with pytest.raises(ConfigError, match="strip.cookie_notice"):
        load_config(tmp_path / "p.yaml")


def test_strip_cost_grows_linearly_with_the_page(cfg: Any) -> None:
    def took(n: int) -> float:
        text = "\n\n".join([PROSE * 40] * n) + "\n"
        ext, _ = run_strip(cfg, "a.txt", text[:10])  # warm-up
        from pipeline.runner import DocContext
        from pipeline.stages import extract

        ctx = DocContext("a.txt", "a.txt", text.encode(), "0")
        ctx.outputs["extract"] = extract.run(ctx, cfg.section("extract"))
        start = time.perf_counter()
        strip.run(ctx, cfg.section("strip"))
        return time.perf_counter() - start

    small, big = took(200), took(800)
    assert big < small * 4 * 2.5  # 4x the text costs about 4x the time, never quadratic
