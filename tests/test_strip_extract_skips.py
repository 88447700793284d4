"""extract's skip rules never swallow visible prose, and no page yields no blocks."""

from __future__ import annotations

from pathlib import Path

from pipeline.config import load_config
from pipeline.stages.extract import extract_html

CFG = load_config(Path(__file__).resolve().parent.parent / "config" / "pipeline.yaml").section("extract")
ARTICLE = "<p>" + "The harbour was rebuilt after the storm and the fleet returned within a year. " * 4 + "</p>"


def texts(raw: str) -> list[str]:
    return [b.mapped.text for b in extract_html(raw, CFG)[0]]


def test_a_button_label_is_skipped() -> None:
    assert texts(f"<body><button>Menu</button>{ARTICLE}</body>")[0].startswith("The harbour")


def test_an_unclosed_button_does_not_swallow_the_article() -> None:
    assert any("harbour was rebuilt" in t for t in texts(f"<body><button>Menu{ARTICLE}</body>"))


def test_a_page_rendered_by_scripts_keeps_its_title_and_description() -> None:
    raw = ('<html><head><title>Best &amp; brightest</title><meta name="description" content="Short.">'
           '<meta property="og:description" content="The longer description of the page, uncut."></head>'
           '<body><script>render()</script></body></html>')
    blocks = extract_html(raw, CFG)[0]
    assert [(b.kind, b.mapped.text, b.rule) for b in blocks] == [
        ("heading", "Best & brightest", "extract.metadata_fallback"),
        ("paragraph", "The longer description of the page, uncut.", "extract.metadata_fallback")]
    b = blocks[1]
    assert raw[b.mapped.to_raw(0, len(b.mapped.text))[0]:].startswith("The longer description")
