"""Recall rules of the own HTML decider (``html_decide_recall.py``) and class names that name a
layout (``extract.class_state_words``), on made-up pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline.config import load_config
from pipeline.stages.strip import html_decide, html_decide_recall as recall

from tests.test_strip_own_decider import P1, P2, run_own

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cfg() -> Any:
    return load_config(ROOT / "config" / "pipeline.yaml")


def decided(cfg: Any, body: str, **own: Any) -> tuple[list[str], list[bool], list[str]]:
    ext, _ = run_own(cfg, body)
    texts = [b["text"] for b in ext["blocks"]]
    kept, rules = html_decide.decide(ext["blocks"], texts, [("content", "")] * len(texts),
                                     {**cfg.section("strip")["html"]["own"], **own})
    return texts, kept, rules


def at(texts: list[str], needle: str) -> int:
    return next(i for i, t in enumerate(texts) if needle in t)


ARTICLE = "".join(f"<p>{P1.replace('Tuesday', d)}</p><p>{P2}</p>" for d in ("Monday", "Friday", "Sunday"))


def code_page(lines: int) -> str:
    code = "\n".join(f"value_{k} = compute({k})" for k in range(lines))
    return f"<div class='entry'>{ARTICLE}<pre>{code}</pre><p>{P2.replace('decade', 'year')}</p></div>"


def test_a_code_block_in_the_running_texts_element_is_kept(cfg: Any) -> None:
    texts, kept, rules = decided(cfg, code_page(5), code_max_lines=60)
    i = at(texts, "value_0")
    assert (kept[i], rules[i]) == (True, recall.OWN_CODE)


def test_a_listing_longer_than_a_screen_is_not_kept_as_code(cfg: Any) -> None:
    texts, kept, rules = decided(cfg, code_page(80), code_max_lines=60)
    assert not kept[at(texts, "value_0")]


def test_code_blocks_are_left_to_the_other_rules_when_the_rule_is_off(cfg: Any) -> None:
    texts, kept, rules = decided(cfg, code_page(5), code_max_lines=0)
    assert rules[at(texts, "value_0")] != recall.OWN_CODE


INTRO = "The council met on Thursday and agreed that the report should be published in full before the end of the year."


def test_running_text_in_an_element_just_before_the_texts_element_is_kept(cfg: Any) -> None:
    body = f"<div class='block one'><p>{INTRO}</p></div><div class='block two'>{ARTICLE}</div>"
    texts, kept, rules = decided(cfg, body, sibling_max_gap=2, sibling_max_missing=3, sibling_sides=["before"])
    i = at(texts, "Thursday")
    assert (kept[i], rules[i]) == (True, recall.OWN_SIBLING)


def test_running_text_before_the_texts_element_beyond_a_menu_is_not_a_sibling(cfg: Any) -> None:
    menu = "<ul>" + "".join(f"<li><a href='/{k}'>Section {k}</a></li>" for k in range(6)) + "</ul>"
    body = f"<div class='block one'><p>{INTRO}</p></div><div class='links'>{menu}</div><div class='block two'>{ARTICLE}</div>"
    texts, kept, _ = decided(cfg, body, sibling_max_gap=2, sibling_max_missing=3, sibling_sides=["before"])
    assert not kept[at(texts, "Thursday")]


def test_running_text_after_the_texts_element_is_not_a_sibling_when_only_before_counts(cfg: Any) -> None:
    body = f"<div class='block two'>{ARTICLE}</div><div class='block three'><p>{INTRO}</p></div>"
    texts, kept, _ = decided(cfg, body, sibling_max_gap=2, sibling_max_missing=3, sibling_sides=["before"])
    assert not kept[at(texts, "Thursday")]


def test_a_class_name_with_a_state_word_is_one_token(cfg: Any) -> None:
    ext, _ = run_own(cfg, f"<div class='sidebar-enabled--false has-share'><p>{P1}</p></div>")
    ctx = ext["blocks"][0]["context"]
    assert "sidebar" not in ctx and "share" not in ctx and "sidebarenabledfalse" in ctx


def test_a_plain_compound_class_name_keeps_its_parts(cfg: Any) -> None:
    ext, _ = run_own(cfg, f"<div class='site-sidebar'><p>{P1}</p></div>")
    assert {"site", "sidebar"} <= set(ext["blocks"][0]["context"])


def test_an_article_under_a_layout_class_naming_a_sidebar_is_kept(cfg: Any) -> None:
    texts, kept, _ = decided(cfg, f"<nav><a href='/'>Home</a></nav><div class='sidebar-enabled--false'>{ARTICLE}</div>")
    assert kept[at(texts, "Monday")]


def test_a_sentence_printed_twice_in_the_texts_element_keeps_its_first_copy(cfg: Any) -> None:
    line = "<p>Boosted blog conversion rate 460% Picflow, 125+ media placements, 1,300+ visits, 3 months</p>"
    body = f"<div class='entry'>{ARTICLE}{line}<p>{P2.replace('decade', 'year')}</p>{line}</div>"
    texts, kept, _ = decided(cfg, body, region_first_copy_words=5)
    copies = [i for i, t in enumerate(texts) if "Boosted" in t]
    assert [kept[i] for i in copies] == [True, False]


def test_a_sentence_printed_twice_is_left_out_when_first_copies_are_off(cfg: Any) -> None:
    line = "<p>Boosted blog conversion rate 460% Picflow, 125+ media placements, 1,300+ visits, 3 months</p>"
    body = f"<div class='entry'>{ARTICLE}{line}<p>{P2.replace('decade', 'year')}</p>{line}</div>"
    texts, kept, _ = decided(cfg, body, region_first_copy_words=0)
    assert not any(kept[i] for i, t in enumerate(texts) if "Boosted" in t)
