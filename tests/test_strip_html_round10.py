"""Strip, HTML, round 10: what the decider kept and still is not the page's text (``strip.html.long_listing``)."""

from __future__ import annotations

from typing import Any

from test_strip import cfg, label_of, run_strip  # noqa: F401 - fixture

_ = cfg

POST = ("<p>The build fails on the second step since I moved the site to the new host, and I cannot see why; "
        "the output of the last run is below.</p>")


def _page(body: str) -> str:
    return f"<html><head><title>Build fails</title></head><body><div class='post'>{body}</div></body></html>"


def _log(lines: int) -> str:
    return "\n".join(f"10:{i // 60:02d}:{i % 60:02d} step {i}: resolving package number {i} from the cache" for i in range(lines))


def _listing_cfg(cfg: Any, max_lines: int) -> dict[str, Any]:
    """The strip config's html section with ``long_listing.max_lines`` set (it is off by default)."""
    import copy

    html = copy.deepcopy(cfg.section("strip")["html"])
    html["long_listing"]["max_lines"] = max_lines
    return html


def _kept_everything(monkeypatch: Any, *texts: str) -> None:
    from pipeline.stages.strip import html_page

    monkeypatch.setattr(html_page, "trafilatura_text", lambda raw, opts: "\n".join(texts))


def test_a_pasted_log_longer_than_a_screen_is_not_the_text(cfg: Any, monkeypatch: Any) -> None:  # noqa: F811
    log = _log(80)
    _kept_everything(monkeypatch, POST[3:-4], log)
    ext, out = run_strip(cfg, "a.html", _page(f"{POST}<pre>{log}</pre>"), html=_listing_cfg(cfg, 60))
    assert label_of(ext, out, "The build fails")[0] == "content"
    assert label_of(ext, out, "step 70:") == ("boilerplate", "strip.html.long_listing")


def test_a_short_code_block_in_the_text_stays(cfg: Any, monkeypatch: Any) -> None:  # noqa: F811
    log = _log(12)
    _kept_everything(monkeypatch, POST[3:-4], log)
    ext, out = run_strip(cfg, "a.html", _page(f"{POST}<pre>{log}</pre>"), html=_listing_cfg(cfg, 60))
    assert label_of(ext, out, "step 7:") == ("content", "strip.html.trafilatura")


def test_a_long_paragraph_is_no_listing(cfg: Any, monkeypatch: Any) -> None:  # noqa: F811
    lines = "<br>\n".join(f"Line {i} of a long poem about the harbour and the boats that come home at night" for i in range(80))
    _kept_everything(monkeypatch, POST[3:-4], lines.replace("<br>", ""))
    ext, out = run_strip(cfg, "a.html", _page(f"{POST}<p>{lines}</p>"), html=_listing_cfg(cfg, 60))
    assert label_of(ext, out, "Line 70 of")[0] == "content"


def test_the_long_listing_rule_is_off_at_zero_the_default(cfg: Any, monkeypatch: Any) -> None:  # noqa: F811
    log = _log(80)
    _kept_everything(monkeypatch, POST[3:-4], log)
    ext, out = run_strip(cfg, "a.html", _page(f"{POST}<pre>{log}</pre>"), html=_listing_cfg(cfg, 0))
    assert label_of(ext, out, "step 70:")[0] == "content"
    assert cfg.section("strip")["html"]["long_listing"]["max_lines"] == 0
