"""The strip stage's rules, one behaviour each, on small hand-made pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline.config import load_config
from pipeline.runner import DocContext
from pipeline.stages import extract, strip
from pipeline.stages.strip import html_page as strip_html

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cfg() -> Any:
    return load_config(ROOT / "config" / "pipeline.yaml")


def run_strip(cfg: Any, name: str, text: str, **strip_overrides: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    ctx = DocContext(name, name, text.encode("utf-8"), "0")
    ctx.outputs["extract"] = extract.run(ctx, cfg.section("extract"))
    section = {**cfg.section("strip"), **strip_overrides}
    return ctx.outputs["extract"], strip.run(ctx, section)


def label_of(ext: dict[str, Any], out: dict[str, Any], needle: str) -> tuple[str, str]:
    for b, d in zip(ext["blocks"], out["decisions"]):
        if needle in b["text"]:
            return d["label"], d["rule"]
    raise AssertionError(f"no block with {needle!r}")


PROSE = ("The committee met on Tuesday and agreed that the new report, which had been delayed for months, "
         "should be published in full before the end of the year.")


def page(*lines: str) -> str:
    return "\n\n".join([PROSE, *lines, PROSE.replace("Tuesday", "Friday")]) + "\n"


def text_of(*lines: str) -> str:
    """A text dump of these lines, one paragraph each."""
    return "\n\n".join(lines) + "\n"


def test_flash_notice_is_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", "Content on this page requires a newer version of Adobe Flash Player.\n\n" + page())
    assert label_of(ext, out, "Flash Player") == ("boilerplate", "strip.flash_notice")


def test_visitor_counter_is_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", page() + "\nyou are 384734 visitor of our new web site...\n")
    assert label_of(ext, out, "visitor") == ("boilerplate", "strip.visitor_counter")


def test_jump_to_navigation_is_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", "Jump to: navigation, search\n\n" + page())
    assert label_of(ext, out, "Jump to") == ("boilerplate", "strip.navigation")


def test_template_residue_is_removed_inline_and_the_rest_kept(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", page("Template:Main " + PROSE.replace("committee", "council")))
    block = next(b for b in ext["blocks"] if b["text"].startswith("Template:Main"))
    (rem,) = [r for r in out["inline_removals"] if r["block"] == block["id"]]
    assert rem["rule"] == "strip.wiki_template_residue"
    assert rem["text"] == "Template:Main "
    assert (rem["raw_start"], rem["raw_end"]) == (block["raw_start"], block["raw_start"] + len("Template:Main "))
    assert label_of(ext, out, "Template:Main")[0] == "content"


def test_editor_request_is_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", page("NEED more sources on the events of that week"))
    assert label_of(ext, out, "NEED more") == ("boilerplate", "strip.editor_note")


def test_heading_of_an_empty_section_is_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", PROSE + "\n\nSee also\n")
    assert label_of(ext, out, "See also") == ("boilerplate", "strip.empty_section_heading")


def test_copyright_notice_is_removed_but_kept_as_a_record(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", page() + "\n© 2011\n\nJustice Society\n")
    assert label_of(ext, out, "© 2011")[0] == "boilerplate"
    (notice,) = out["notices"]
    assert notice["kind"] == "copyright"
    assert notice["text"] == "© 2011\nJustice Society"
    assert notice["id"] == "a.txt#n1"
    raw = ext["blocks"][0]["text"]  # offsets are in the decoded raw text
    assert raw is not None and notice["raw_end"] > notice["raw_start"]


def test_a_notice_holder_stays_removed_in_a_note_with_no_main_text(cfg: Any) -> None:
    # structure's removals come back in a short note with no main text; a pattern rule's (the
    # notice and its holder line) stay
    ext, out = run_strip(cfg, "a.txt", "© 2011\n\nJustice Society\n")
    assert label_of(ext, out, "Justice Society") == ("boilerplate", "strip.copyright_footer.holder")


def test_newsletter_prompt_is_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", page("Sign up for our newsletter"))
    assert label_of(ext, out, "newsletter") == ("boilerplate", "strip.newsletter_signup")


def test_text_menu_run_outside_the_main_body_is_boilerplate(cfg: Any) -> None:
    menu = "Home\nProducts\nPricing\nAbout us\nContact\n\n"
    ext, out = run_strip(cfg, "a.txt", menu + page())
    assert label_of(ext, out, "Pricing") == ("boilerplate", "strip.text.outside_body")
    assert label_of(ext, out, "Friday") == ("content", "strip.text.main_body")


def test_text_heading_before_prose_is_kept(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", page("Background", PROSE.replace("committee", "board")))
    assert label_of(ext, out, "Background")[0] == "content"


def test_text_line_repeated_in_the_page_is_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", "\n\n".join([PROSE, "Quote", PROSE, "Quote", PROSE, "Quote", PROSE]))
    assert label_of(ext, out, "Quote") == ("boilerplate", "strip.text.repeated_line")


HTML = """<!doctype html><html><head><title>t</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/a">Archive</a></li></ul></nav>
<main><h1>The annual report</h1><p>{p}</p><p>{q}</p></main>
<footer><p><a href="/t">Terms</a> <a href="/p">Privacy</a></p></footer>
</body></html>""".format(p=PROSE, q=PROSE.replace("Tuesday", "Friday"))


def test_html_nav_and_footer_are_boilerplate_by_structure(cfg: Any) -> None:
    html_cfg = {**cfg.section("strip")["html"], "decider": "trafilatura", "trafilatura": {"enabled": False}}
    ext, out = run_strip(cfg, "a.html", HTML, html=html_cfg)
    assert label_of(ext, out, "Archive") == ("boilerplate", "strip.html.structure")
    assert label_of(ext, out, "Privacy") == ("boilerplate", "strip.html.structure")
    assert label_of(ext, out, "Tuesday") == ("content", "strip.default_content")


def test_html_trafilatura_decision_is_aligned_to_blocks_with_their_offsets(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.html", HTML, html={**cfg.section("strip")["html"], "decider": "trafilatura"})
    assert label_of(ext, out, "Tuesday") == ("content", "strip.html.trafilatura")
    assert label_of(ext, out, "Archive")[0] == "boilerplate"
    for b, d in zip(ext["blocks"], out["decisions"]):
        assert (d["block"], d["raw_start"], d["raw_end"]) == (b["id"], b["raw_start"], b["raw_end"])
        first_word = b["text"].split()[0]
        assert HTML[d["raw_start"]:d["raw_start"] + len(first_word)] == first_word


def test_alignment_keeps_a_short_menu_word_out_when_the_main_text_uses_it_far_away() -> None:
    blocks = ["Home", "A long paragraph about the garden and the house.", "We went home early."]
    ref = "A long paragraph about the garden and the house.\nWe went home early."
    assert strip_html.align(blocks, ref, window=5, short=25) == [False, True, True]


def test_html_body_closes_an_unclosed_head(cfg: Any) -> None:
    ext, _ = run_strip(cfg, "a.html", "<!doctype html><html><head><link rel=x><body><p>Some text here.</p></body></html>")
    assert [b["text"] for b in ext["blocks"]] == ["Some text here."]


def test_a_headline_over_a_byline_a_dateline_and_its_body_is_not_an_empty_heading(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", page("River crossing to reopen", "By Jane Roe", "March 3, 2016",
                                            PROSE.replace("committee", "council")))
    assert label_of(ext, out, "River crossing")[1] != "strip.empty_section_heading"


def test_a_headline_over_a_byline_and_then_another_heading_is_still_empty(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", page("River crossing to reopen", "By Jane Roe", "Weekend events"))
    assert label_of(ext, out, "River crossing") == ("boilerplate", "strip.empty_section_heading")


def test_an_html_headline_over_its_byline_and_dateline_is_not_an_empty_heading(cfg: Any) -> None:
    body = PROSE.replace("committee", "council")
    html = (f"<html><body><article><p>{PROSE}</p><h2>River crossing to reopen</h2><p>By Jane Roe</p>"
            f"<p>March 3, 2016</p><p>{body}</p><p>{PROSE}</p></article></body></html>")
    ext, out = run_strip(cfg, "a.html", html)
    assert label_of(ext, out, "River crossing")[1] != "strip.empty_section_heading"


def test_a_headline_over_a_name_and_outlet_byline_is_not_an_empty_heading(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", page("River crossing to reopen", "Jane Roe | The Valley Courier",
                                            PROSE.replace("committee", "council")))
    assert label_of(ext, out, "River crossing")[1] != "strip.empty_section_heading"
