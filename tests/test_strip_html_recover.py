"""Strip, HTML: what the recovery of text trafilatura left out (``strip.html.main_text``) may take back."""

from __future__ import annotations

from typing import Any

from test_strip import cfg, label_of, run_strip  # noqa: F401 - fixture

_ = cfg

ARTICLE = "".join(f"<p>The harbour was rebuilt after storm {i}, and the fishing fleet returned within a year; "
                  f"the town council paid for the new quay from its own reserves.</p>" for i in range(12))
COMMENT = ("<p>I grew up in that town and I remember the old quay very well, it was falling apart for years "
           "before anybody in the council was willing to spend a penny on it, so this is good news.</p>")


def _page(body: str) -> str:
    return f"<html><head><title>The harbour</title></head><body>{body}</body></html>"


def test_a_readers_comment_under_an_article_is_not_recovered(cfg: Any) -> None:  # noqa: F811
    html = _page(f'<article><h1>The harbour</h1>{ARTICLE}</article>'
                 f'<section id="comments"><div class="comment-body">{COMMENT}</div></section>')
    ext, out = run_strip(cfg, "a.html", html)
    assert label_of(ext, out, "storm 3")[0] == "content"
    assert label_of(ext, out, "I grew up in that town")[0] == "boilerplate"


def test_posts_of_a_thread_made_only_of_comment_containers_may_be_recovered(cfg: Any) -> None:  # noqa: F811
    posts = "".join(f'<div class="comment-body">{COMMENT.replace("very well", f"very well ({i})")}</div>' for i in range(3))
    ext, out = run_strip(cfg, "a.html", _page(f'<div id="comments">{posts}</div>'))
    assert label_of(ext, out, "very well (1)")[0] == "content"


def test_an_author_box_under_an_article_is_not_recovered(cfg: Any) -> None:  # noqa: F811
    bio = ("<p>Jane Doe has written about harbours and coastal towns for twenty years, and her work has appeared "
           "in many newspapers and magazines across the country and abroad.</p>")
    html = _page(f'<article><h1>The harbour</h1>{ARTICLE}</article><div class="author-bio">{bio}</div>')
    ext, out = run_strip(cfg, "a.html", html)
    assert label_of(ext, out, "storm 3")[0] == "content"
    assert label_of(ext, out, "Jane Doe has written")[0] == "boilerplate"


def test_a_customer_review_under_a_product_description_is_not_recovered(cfg: Any) -> None:  # noqa: F811
    review = COMMENT.replace("I grew up in that town", "I bought this kettle for my mother")
    html = _page(f'<main><h1>The harbour</h1>{ARTICLE}</main><div class="product-reviews"><div class="review-body">{review}</div></div>')
    ext, out = run_strip(cfg, "a.html", html)
    assert label_of(ext, out, "I bought this kettle")[0] == "boilerplate"


def test_a_furniture_word_in_a_layout_class_over_the_kept_text_does_not_stop_recovery(cfg: Any, monkeypatch: Any) -> None:  # noqa: F811
    from pipeline.stages.strip import html_page

    left_out = ("<p>Nobody in the town had expected the council to pay for the quay from its own reserves, "
                "and the decision was taken after a long and sometimes bitter public debate.</p>")
    html = _page(f'<div class="main-with-sidebar"><article><h1>The harbour</h1>{ARTICLE[:600]}{left_out}{ARTICLE[600:]}</article></div>'
                 '<aside class="sidebar"><p>Our sponsors pay for this site and we are grateful to each of them for their '
                 'support over all these years, without which nothing would be possible here.</p></aside>')
    reference = "\n".join(p.split(">", 1)[1].split("<", 1)[0] for p in ARTICLE.split("</p>") if p)
    monkeypatch.setattr(html_page, "trafilatura_text", lambda raw, opts: reference)
    ext, out = run_strip(cfg, "a.html", html)
    assert label_of(ext, out, "Nobody in the town") == ("content", "strip.html.main_text")
    assert label_of(ext, out, "Our sponsors")[0] == "boilerplate"


LEFT_OUT = ("<p>Nobody in the town had expected the council to pay for the quay from its own reserves, "
            "and the decision was taken after a long and sometimes bitter public debate.</p>")


def _reference(html: str) -> str:
    """trafilatura's text standing in: the paragraphs of the article only."""
    return "\n".join(p.split(">", 1)[1].split("<", 1)[0] for p in html.split("</p>") if p)


def test_a_figure_caption_trafilatura_left_out_is_not_recovered(cfg: Any, monkeypatch: Any) -> None:  # noqa: F811
    from pipeline.stages.strip import html_page

    caption = ("<figure><img src='q.jpg'><figcaption>The new quay seen from the harbour wall on a bright "
               "morning in the spring after the storms, photographed for the council.</figcaption></figure>")
    html = _page(f'<article><h1>The harbour</h1>{ARTICLE[:600]}{caption}{ARTICLE[600:]}</article>')
    monkeypatch.setattr(html_page, "trafilatura_text", lambda raw, opts: _reference(ARTICLE))
    ext, out = run_strip(cfg, "a.html", html)
    assert label_of(ext, out, "seen from the harbour wall")[0] == "boilerplate"


def test_text_right_below_the_kept_text_is_recovered(cfg: Any, monkeypatch: Any) -> None:  # noqa: F811
    from pipeline.stages.strip import html_page

    html = _page(f'<article><h1>The harbour</h1>{ARTICLE}<h2>Questions</h2>{LEFT_OUT}</article>')
    monkeypatch.setattr(html_page, "trafilatura_text", lambda raw, opts: _reference(ARTICLE))
    ext, out = run_strip(cfg, "a.html", html)
    assert label_of(ext, out, "Nobody in the town") == ("content", "strip.html.main_text")


def test_text_far_below_the_kept_text_is_not_recovered(cfg: Any, monkeypatch: Any) -> None:  # noqa: F811
    from pipeline.stages.strip import html_page

    cards = "".join(f'<div class="card"><h3>Story {i}</h3><span>May {i}</span></div>' for i in range(1, 5))
    html = _page(f'<article><h1>The harbour</h1>{ARTICLE}</article><div class="more">{cards}{LEFT_OUT}</div>')
    monkeypatch.setattr(html_page, "trafilatura_text", lambda raw, opts: _reference(ARTICLE))
    ext, out = run_strip(cfg, "a.html", html)
    assert label_of(ext, out, "Nobody in the town") == ("boilerplate", "strip.html.trafilatura")


def test_a_paragraph_printed_again_further_down_is_a_copy(cfg: Any, monkeypatch: Any) -> None:  # noqa: F811
    from pipeline.stages.strip import html_page

    html = _page(f'<article><h1>The harbour</h1>{ARTICLE}</article><div class="mobile">{ARTICLE[:400]}</div>')
    monkeypatch.setattr(html_page, "trafilatura_text", lambda raw, opts: _reference(ARTICLE))
    ext, out = run_strip(cfg, "a.html", html)
    decisions = [d for b, d in zip(ext["blocks"], out["decisions"]) if "storm 1," in b["text"]]
    assert [(d["label"], d["rule"]) for d in decisions] == [("content", "strip.html.trafilatura"),
                                                            ("boilerplate", "strip.html.duplicate_block")]


def test_a_quoted_post_repeating_a_post_is_not_a_copy(cfg: Any, monkeypatch: Any) -> None:  # noqa: F811
    from pipeline.stages.strip import html_page

    post = ARTICLE.split("</p>")[0][3:]
    html = _page(f'<article><h1>The harbour</h1>{ARTICLE}<blockquote>{post}</blockquote><p>I agree with that.</p></article>')
    monkeypatch.setattr(html_page, "trafilatura_text", lambda raw, opts: _reference(ARTICLE) + "\n" + post + "\nI agree with that.")
    ext, out = run_strip(cfg, "a.html", html)
    quoted = [d for b, d in zip(ext["blocks"], out["decisions"]) if b.get("kind") == "quote"]
    assert [d["label"] for d in quoted] == ["content"]


def test_text_the_decider_kept_inside_a_small_sidebar_is_furniture(cfg: Any, monkeypatch: Any) -> None:  # noqa: F811
    from pipeline.stages.strip import html_page

    side = "<p>Our sponsors pay for this site and we are grateful to each of them for their support.</p>"
    html = _page(f'<article><h1>The harbour</h1>{ARTICLE}</article><aside class="sidebar">{side}</aside>')
    monkeypatch.setattr(html_page, "trafilatura_text", lambda raw, opts: _reference(ARTICLE + side))
    ext, out = run_strip(cfg, "a.html", html)
    assert label_of(ext, out, "Our sponsors") == ("boilerplate", "strip.html.kept_furniture")
    assert label_of(ext, out, "storm 3") == ("content", "strip.html.trafilatura")


def test_a_furniture_word_wrapping_the_whole_text_is_not_furniture(cfg: Any, monkeypatch: Any) -> None:  # noqa: F811
    from pipeline.stages.strip import html_page

    html = _page(f'<div class="page-with-sidebar"><article><h1>The harbour</h1>{ARTICLE}</article></div>')
    monkeypatch.setattr(html_page, "trafilatura_text", lambda raw, opts: _reference(ARTICLE))
    ext, out = run_strip(cfg, "a.html", html)
    assert label_of(ext, out, "storm 3") == ("content", "strip.html.trafilatura")


def test_a_short_list_item_between_kept_paragraphs_is_recovered(cfg: Any, monkeypatch: Any) -> None:  # noqa: F811
    from pipeline.stages.strip import html_page

    html = _page(f'<article><h1>The harbour</h1>{ARTICLE[:600]}<ul><li>A new quay</li><li>Two cranes</li></ul>{ARTICLE[600:]}</article>')
    monkeypatch.setattr(html_page, "trafilatura_text", lambda raw, opts: _reference(ARTICLE))
    ext, out = run_strip(cfg, "a.html", html)
    assert label_of(ext, out, "Two cranes") == ("content", "strip.html.main_text")


def test_a_short_list_item_below_the_kept_text_is_not_recovered(cfg: Any, monkeypatch: Any) -> None:  # noqa: F811
    from pipeline.stages.strip import html_page

    html = _page(f'<article><h1>The harbour</h1>{ARTICLE}<ul><li>A new quay</li><li>Two cranes</li></ul></article>')
    monkeypatch.setattr(html_page, "trafilatura_text", lambda raw, opts: _reference(ARTICLE))
    ext, out = run_strip(cfg, "a.html", html)
    assert label_of(ext, out, "Two cranes")[0] == "boilerplate"
