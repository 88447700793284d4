"""The publishable rendering: flagged passages replaced by placeholders, everything else kept."""

from __future__ import annotations

from typing import Any

from pipeline.config import load_config
from pipeline.stages import publish

CFG = load_config(None).section("publish")
TEXT = ("Intro line.\n\nFrom the Daily Example:\n\nThe council voted on Monday to close the old bridge. "
        "Engineers led by Anna Berg said 40 cables had rusted through.\n\nThe mayor said \"we will rebuild it\" afterwards.")


def ctx_for(flags: list[dict[str, Any]]) -> Any:
    class Ctx:
        outputs = {"normalise": {"text": TEXT}, "quotes": {"quotations": []}, "copyright": {"flags": flags}}
    return Ctx()


def article_flag() -> dict[str, Any]:
    start = TEXT.index("The council")
    end = TEXT.index("rusted through.") + len("rusted through.")
    return {"id": "d.txt#f1", "start": start, "end": end, "raw_start": start + 5, "raw_end": end + 5,
            "kind": "newspaper article", "who": "Jane Example", "outlet": "Daily Example", "date": "1992-03-05",
            "date_text": "March 5, 1992", "words": 16, "action": "summarise"}


def test_flagged_passage_is_replaced_by_a_placeholder_naming_kind_who_outlet_date_and_length() -> None:
    out = publish.run(ctx_for([article_flag()]), CFG)
    md = publish.render(out)
    assert "council voted" not in md and "rusted through" not in md
    [ph] = out["placeholders"]
    assert md[ph["start"]:ph["end"]] == ph["text"]
    for bit in ("Newspaper article", "Jane Example", "Daily Example", "March 5, 1992", "16 words", "summarise"):
        assert bit in ph["text"]


def test_placeholder_refers_to_the_passage_by_raw_position_only() -> None:
    f = article_flag()
    [ph] = publish.run(ctx_for([f]), CFG)["placeholders"]
    assert f"raw {f['raw_start']}-{f['raw_end']}" in ph["text"]
    assert (ph["raw_start"], ph["raw_end"]) == (f["raw_start"], f["raw_end"])


def test_facts_list_gives_names_and_dates_without_sentences() -> None:
    [ph] = publish.run(ctx_for([article_flag()]), CFG)["placeholders"]
    assert "Anna Berg" in ph["facts"]["names"] and ph["facts"]["figures"] == ["40"]
    assert "The council voted" not in ph["text"] and "rusted" not in ph["text"]


def test_unflagged_text_and_quotations_stay_with_their_attribution() -> None:
    md = publish.render(publish.run(ctx_for([article_flag()]), CFG))
    assert md.startswith("Intro line.\n\nFrom the Daily Example:\n\n")
    assert 'The mayor said "we will rebuild it" afterwards.' in md


def test_without_flags_the_rendering_is_the_clean_text() -> None:
    assert publish.render(publish.run(ctx_for([]), CFG)) == TEXT + "\n"


HOSTILE = ("A page about escaping: <script>alert(1)</script> and <img src=x onerror=alert(2)>.\n\n"
           "[click](javascript:alert(3)) &lt;iframe&gt; **bold** `code`\n\n"
           "# Not a heading\n\n> not a quote\n\n1. not a list\n\n<div>raw html block</div>")


def hostile_ctx(flags: list[dict[str, Any]]) -> Any:
    class Ctx:
        outputs = {"normalise": {"text": HOSTILE}, "quotes": {"quotations": []}, "copyright": {"flags": flags}}
    return Ctx()


def test_rendered_markdown_contains_no_element_the_page_supplied() -> None:
    from markdown_it import MarkdownIt
    md = publish.render(publish.run(hostile_ctx([]), CFG))
    html = MarkdownIt("commonmark").render(md)
    for tag in ("<script", "<img", "<iframe", "<div", "<a ", "<strong", "<code", "<h1", "<blockquote", "<ol"):
        assert tag not in html, tag
    assert "&lt;script&gt;" in html and "javascript:alert(3)" in html   # shown as text, not lost


def test_escaped_markdown_renders_back_to_the_page_text() -> None:
    from markdown_it import MarkdownIt
    md = publish.render(publish.run(hostile_ctx([]), CFG))
    html = MarkdownIt("commonmark").render(md)
    import html as h
    import re
    shown = h.unescape(re.sub(r"<[^>]+>", "", html))
    assert " ".join(shown.split()) == " ".join(HOSTILE.split())


def test_outlet_names_in_placeholders_are_escaped_too() -> None:
    f = {**article_flag(), "outlet": "<b>Evil</b> Times"}
    ph = publish.placeholder(f, CFG["placeholder"])
    assert "<b>" not in ph and "\\<b\\>" in ph


def test_openly_licensed_passage_stays_with_its_attribution() -> None:
    f = {**article_flag(), "action": "reproduce with attribution", "licence": "CC BY",
         "attribution": "Source: Daily Example, under CC BY."}
    md = publish.render(publish.run(ctx_for([f]), CFG))
    assert "The council voted on Monday" in md and "Source: Daily Example, under CC BY." in md


def test_kept_quotations_respect_the_pages_max_snippet() -> None:
    f = article_flag()
    q = {"id": "d.txt#q1", "start": f["start"] + 4, "end": f["start"] + 40, "raw_start": 9, "raw_end": 45,
         "text": TEXT[f["start"] + 4:f["start"] + 40], "parent": None}
    assert publish.kept_quotations(f, [q], 25, None)[0]["raw_start"] == 9
    assert publish.kept_quotations(f, [q], 25, 10) == []


def test_a_page_whose_text_contains_an_escaped_script_tag_publishes_it_as_text() -> None:
    from markdown_it import MarkdownIt

    from pipeline.runner import DocContext, run_stage
    from pipeline.stages import stage
    from pipeline.store import sha256_bytes

    config = load_config(None)
    html = ("<html><body><article><h1>Escaping on the web</h1><p>Write &lt;script&gt;alert(1)&lt;/script&gt; "
            "to show a tag, and &lt;img src=x onerror=alert(2)&gt; too; the browser shows them as text, "
            "which is what this long enough paragraph of ordinary prose explains to its readers.</p>"
            "<p>A second paragraph keeps the page from looking like a stub to the boilerplate stage, "
            "with a few more ordinary words about nothing in particular.</p></article></body></html>")
    data = html.encode("utf-8")
    ctx = DocContext("p.html", "p.html", data, sha256_bytes(data))
    for s in ("extract", "strip", "normalise"):
        run_stage(stage(s), ctx, config)
    assert "<script>" in ctx.outputs["normalise"]["text"]      # the page's text holds the characters
    ctx.outputs["quotes"] = {"quotations": []}
    ctx.outputs["copyright"] = {"flags": [], "document_signals": {}}
    rendered = MarkdownIt("commonmark").render(publish.render(publish.run(ctx, config.section("publish"))))
    assert "<script" not in rendered and "<img" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
