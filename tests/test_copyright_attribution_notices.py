"""Attribution lines strip removes stay readable to the copyright stage as notices of kind attribution."""

from __future__ import annotations

import sys
from typing import Any

from pipeline.runner import DocContext, run_stage
from pipeline.stages import stage
from pipeline.stages.copyright.text import Para, count_words
from pipeline.store import sha256_bytes
from tests.test_copyright import CONFIG, para, process


def prose(seed: str, n: int = 4, words: int = 60) -> str:
    return "\n\n".join(para(words, f"{seed}{k}x").replace(f"{seed}{k}x", seed) for k in range(n))


def strip_notices(text: str) -> list[dict[str, Any]]:
    data = text.encode("utf-8")
    ctx = DocContext("doc.txt", "doc.txt", data, sha256_bytes(data))
    for s in ("extract", "strip"):
        run_stage(stage(s), ctx, CONFIG)
    return ctx.outputs["strip"]["notices"]


# "Via <outlet>" between the article and the host's next heading: strip removes it as an empty heading
VIA_PAGE = ("Club news\n\n" + para(50, "tomato") + "\n\nCouncil closes the old bridge\n\n" + prose("bridge")
            + "\n\nVia Kestrel Daily News\n\nNext week\n\n" + para(60, "cucumber") + "\n\n" + para(60, "pepper"))


def test_removed_via_line_under_an_article_is_kept_as_an_attribution_notice() -> None:
    [n] = [n for n in strip_notices(VIA_PAGE) if n["kind"] == "attribution"]
    assert n["text"] == "Via Kestrel Daily News" and n["rule"] == "strip.attribution_notice"
    assert VIA_PAGE[n["raw_start"]:n["raw_end"]] == "Via Kestrel Daily News"


def test_attribution_notice_leaves_the_line_out_of_the_clean_text() -> None:
    out = process(VIA_PAGE)
    assert "Via Kestrel" not in out["_text"]


def test_attribution_notice_anchors_the_article_above_it() -> None:
    out = process(VIA_PAGE)
    [f] = out["flags"]
    assert f["rule"] == "copyright.reprint" and f["outlet"] == "Kestrel Daily News"
    assert "Council closes" in out["_text"][f["start"]:f["end"]]
    assert "tomato" not in out["_text"][f["start"]:f["end"]] and "cucumber" not in out["_text"][f["start"]:f["end"]]
    assert any(e.get("notice", "").endswith("#n1") for e in f["evidence"])


def test_credit_line_under_a_short_caption_line_is_no_attribution_notice() -> None:
    doc = ("Club news\n\n" + para(50, "tomato") + "\n\nThe new bridge at dusk\nSource: Lumen Pictures\n\n"
           + prose("bridge") + "\n\nAbout us\n\n" + para(40, "basil"))
    assert not [n for n in strip_notices(doc) if n["kind"] == "attribution"]


def test_credit_line_between_paragraphs_on_one_topic_anchors_nothing() -> None:
    doc = ("Club news\n\n" + para(50, "tomato") + "\n\nCouncil closes the old bridge\n\n" + prose("bridge")
           + "\n\nSource: Lumen Pictures\n\nMore on the bridge\n\n" + prose("bridge", 2))
    assert [n for n in strip_notices(doc) if n["kind"] == "attribution"]
    assert not process(doc)["flags"]


def test_source_line_with_prose_only_below_does_not_close_the_text_above() -> None:
    # strip found prose only below the line (it sat under a heading, since removed): the paragraphs
    # above it belong to the previous section, not to the source the line names
    texts = [para(60, "tomato"), para(60, "tomato"), para(60, "tomato"), "Source: Lumen Pictures",
             para(60, "bridge"), para(60, "bridge"), para(60, "bridge")]
    paras, pos = [], 0
    for k, t in enumerate(texts):
        kind = "attribution:below" if t.startswith("Source") else "paragraph"
        width = 0 if kind != "paragraph" else len(t)
        paras.append(Para("doc#n1" if width == 0 else f"p{k}", pos, pos + width, t, kind, count_words(t), [t]))
        pos += width + 2
    cfg = CONFIG.section("copyright")
    cfg = {**cfg, "months": {m.lower(): v for m, v in cfg["months"].items()}}
    assert not sys.modules["pipeline.stages.copyright.reprint"].reprint(paras, cfg, [], [])


def test_a_removed_read_more_at_line_under_an_article_is_kept_as_an_attribution_notice() -> None:
    page = VIA_PAGE.replace("Via Kestrel Daily News", "Read more at Kestrel Daily News")
    notices = [n for n in strip_notices(page) if n["kind"] == "attribution"]
    assert [n["text"] for n in notices] in ([], ["Read more at Kestrel Daily News"])   # kept, or recorded when removed
    assert covered_by_flag(process(page), "Council closes")


def covered_by_flag(out: dict[str, Any], fragment: str) -> bool:
    return any(fragment in out["_text"][f["start"]:f["end"]] for f in out["flags"])
