"""Furniture that reads like a sentence: consent walls of embedded videos, contributor
disclaimers, newsletter calls; and the overlay rule only on small separate subtrees."""

from __future__ import annotations

from typing import Any

from test_strip import cfg, label_of, page, run_strip  # noqa: F401 - fixture

_ = cfg


def test_a_consent_wall_of_an_embedded_video_is_boilerplate(cfg: Any) -> None:  # noqa: F811
    ext, out = run_strip(cfg, "a.txt", page("Please accept marketing cookies to watch this video."))
    assert label_of(ext, out, "watch this video") == ("boilerplate", "strip.cookie_notice")


def test_an_authors_own_opinions_disclaimer_is_boilerplate(cfg: Any) -> None:  # noqa: F811
    ext, out = run_strip(cfg, "a.txt", page("The opinions expressed in this column are the author's own."))
    assert label_of(ext, out, "opinions expressed") == ("boilerplate", "strip.author_disclaimer")


def test_a_newsletter_call_delivered_to_the_inbox_is_boilerplate(cfg: Any) -> None:  # noqa: F811
    ext, out = run_strip(cfg, "a.txt", page("Join 15,000 readers getting the week's best stories delivered straight to your inbox."))
    assert label_of(ext, out, "your inbox") == ("boilerplate", "strip.newsletter_signup")


ARTICLE = "".join(f"<p>The harbour was rebuilt after storm {i}, and the fishing fleet returned within a year; "
                  f"the town council paid for the new quay from its own reserves.</p>" for i in range(12))


def test_a_page_wrapped_in_an_offcanvas_container_keeps_its_article(cfg: Any) -> None:  # noqa: F811
    html = f'<html><body><div class="offcanvas-wrapper"><article><h1>The harbour</h1>{ARTICLE}</article></div></body></html>'
    ext, out = run_strip(cfg, "a.html", html)
    assert label_of(ext, out, "storm 3")[0] == "content"


def test_a_small_modal_dialog_is_an_overlay(cfg: Any) -> None:  # noqa: F811
    html = (f'<html><body><article><h1>The harbour</h1>{ARTICLE}</article>'
            '<div class="modal"><p>Before you go: the town council paid for the new quay, read how it was done.</p></div>'
            '</body></html>')
    ext, out = run_strip(cfg, "a.html", html)
    assert label_of(ext, out, "storm 3")[0] == "content"
    assert label_of(ext, out, "Before you go")[0] == "boilerplate"


def test_the_text_of_a_small_dialog_is_an_overlay_and_not_recovered(cfg: Any) -> None:  # noqa: F811
    html = (f'<html><body><article><h1>The harbour</h1>{ARTICLE}</article>'
            '<div class="network-dialog"><p>The harbour network consists of many small towns along the coast, '
            'and each of them has its own council, its own quay and its own fishing fleet to look after.</p></div>'
            '</body></html>')
    ext, out = run_strip(cfg, "a.html", html)
    assert label_of(ext, out, "network consists")[0] == "boilerplate"


def test_a_templates_placeholder_text_is_boilerplate(cfg: Any) -> None:  # noqa: F811
    ext, out = run_strip(cfg, "a.txt", page("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor."))
    assert label_of(ext, out, "Lorem ipsum") == ("boilerplate", "strip.placeholder_text")


def test_a_sentence_about_lorem_ipsum_is_not_placeholder_text(cfg: Any) -> None:  # noqa: F811
    ext, out = run_strip(cfg, "a.txt", page("Typesetters have used Lorem ipsum as filler text since the sixteenth century."))
    assert label_of(ext, out, "Typesetters")[0] == "content"


def test_a_named_sites_cookie_notice_is_boilerplate(cfg: Any) -> None:  # noqa: F811
    ext, out = run_strip(cfg, "a.txt", page("Acme uses cookies to enhance site functionality and analyze traffic."))
    assert label_of(ext, out, "uses cookies") == ("boilerplate", "strip.cookie_notice")
