"""HTML rules for the strip stage: a main-text decision over our blocks, then structure
(navigation, footers, asides, link lists) and recovery of stray main text.

The decision is ours by default (``strip.html.decider: own``, ``html_decide.py``: jusText's
classes and context step over extract's blocks, no second parse). With ``decider: trafilatura``,
trafilatura (a well-kept extractor) is called once per page on the decoded raw text; its output
text is compared with each block's text (letters and digits only, case-folded), in document
order, so that a block is ``content`` when trafilatura kept it. Either way the blocks keep their
own raw offsets: the decider only decides, it never supplies text. Only blocks still labelled
``content`` by the text rules are considered, so those decisions (and their notices) stand.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ...text import sentences
from . import words
from ...rules import declare, kind_of

# the rules this module applies: declared once here, used through these constants
HTML_TRAFILATURA = declare("strip.html.trafilatura", stage="strip", kind="html",
        why="trafilatura's main-text decision, aligned to the page's blocks",
        params=["html.trafilatura.enabled", "html.trafilatura.options", "html.trafilatura.short_key",
                "html.trafilatura.short_window"])
HTML_MAIN_TEXT = declare("strip.html.main_text", stage="strip", kind="html",
        why="link-free running text outside furniture that trafilatura left out",
        params=["html.recover.enabled", "html.recover.max_link_density", "html.recover.min_words",
                "html.recover.min_sentence_words", "html.recover.skip_tokens", "html.recover.comment_tokens",
                "html.recover.comment_min_kept", "html.recover.second_opinion",
                "html.recover.furniture_max_share", "html.recover.skip_kinds", "html.recover.after_max_gap",
                "html.recover.list_items_in_range"])
HTML_HEADING_OF_CONTENT = declare("strip.html.heading_of_content", stage="strip", kind="html",
        why="a heading directly over kept content is its heading",
        params=["html.recover.headings"])
HTML_STRUCTURE = declare("strip.html.structure", stage="strip", kind="html",
        why="a block inside navigation, footer or sidebar elements is furniture",
        params=["html.boilerplate_context_tokens"])
HTML_LINK_DENSITY = declare("strip.html.link_density", stage="strip", kind="html",
        why="a block that is mostly link text is navigation",
        params=["html.max_link_density"])
HTML_OVERLAY = declare("strip.html.overlay", stage="strip", kind="html",
        why="dialogs, off-canvas panels and screen-reader-only text float over the page",
        params=["html.overlay_tokens"])
HTML_KEPT_FURNITURE = declare("strip.html.kept_furniture", stage="strip", kind="html",
        why="text the decider kept inside a small furniture subtree (a promotion, an author box, readers' reviews) is not the main text",
        params=["html.kept_furniture.tokens", "html.kept_furniture.max_share", "html.kept_furniture.comments"])
HTML_DUPLICATE_BLOCK = declare("strip.html.duplicate_block", stage="strip", kind="html",
        why="a paragraph printed again further down the page is a copy (a responsive layout's second copy, a teaser)",
        params=["html.furniture.duplicate_min_words"])
HTML_LONG_LISTING = declare("strip.html.long_listing", stage="strip", kind="html",
        why="a code block of more lines than a screen holds, kept by the decider, is a pasted log or listing, not the page's text",
        params=["html.long_listing.kinds", "html.long_listing.max_lines"])
HTML_NAV_LINK = declare("strip.html.nav_link", stage="strip", kind="html",
        why="a mostly-link block inside a menu element is a menu entry",
        params=["html.furniture.nav_tokens", "html.furniture.nav_min_link_density"])
HTML_REPEATED_BLOCK = declare("strip.html.repeated_block", stage="strip", kind="html",
        why="a short block repeated in one page is furniture",
        params=["html.furniture.repeated_max_words", "html.furniture.repeated_min_count"])

_NON_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


def key(text: str) -> str:
    """The comparison key of a text: letters and digits only, case-folded."""
    return _NON_ALNUM.sub("", text.casefold())


def trafilatura_text(raw: str, opts: dict[str, Any]) -> str | None:
    """trafilatura's main text of a page (None when it finds none or fails)."""
    import logging

    import trafilatura

    from trafilatura.utils import load_html

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        # parsed here and handed over as a tree: trafilatura's own string path costs more
        # (about a fifth of its time on wcxb-dev) for the same result; stray NULs stop lxml
        tree = load_html(raw.replace("\x00", "") if "\x00" in raw else raw)
        if tree is None:
            return None
        return trafilatura.extract(tree, output_format="txt", **opts)
    except Exception:  # noqa: BLE001 - a page trafilatura cannot read falls back to structure rules
        return None


def align(block_texts: list[str], reference: str, window: int, short: int) -> list[bool]:
    """Which blocks occur in ``reference``, matched in document order.

    A block matches where its key occurs after the previous match; a short key (a menu entry,
    a label) must occur close to it, within ``window`` characters scaled by the key's length
    (a one-letter index entry "c" occurs by chance in any 40 characters; it must follow at once),
    so that a word of the main text does not pull a menu entry of the same word in; a long key
    may match anywhere.
    """
    ref = key(reference)
    out = [False] * len(block_texts)
    cursor = 0
    for i, t in enumerate(block_texts):
        k = key(t)
        if not k:
            continue
        pos = ref.find(k, cursor)
        if pos >= 0 and (len(k) >= short or pos - cursor <= window * len(k) // short):
            out[i] = True
            cursor = pos + len(k)
        elif len(k) >= short:
            pos = ref.find(k)
            if pos >= 0:
                out[i] = True
    return out


def apply(ctx: Any, blocks: list[dict[str, Any]], texts: list[str], labels: list[tuple[str, str]], cfg: dict[str, Any]) -> None:
    tokens = set(cfg["boilerplate_context_tokens"])
    max_link_density = float(cfg["max_link_density"])
    tcfg = cfg["trafilatura"]
    kept: list[bool] | None = None
    decided: list[str] | None = None  # the own decider's rule per block (None: trafilatura's)
    if cfg["decider"] == "own":
        from . import html_decide

        kept, decided = html_decide.decide(blocks, texts, labels, cfg["own"])
        if not any(kept):  # nothing reads as main text: the structure rules decide, as without trafilatura
            kept = decided = None
    elif tcfg["enabled"]:
        ref = trafilatura_text(ctx.raw_text(), dict(tcfg["options"]))
        if ref and ref.strip():
            kept = align(texts, ref, int(tcfg["short_window"]), int(tcfg["short_key"]))
    rcfg = cfg["recover"]
    skip = set(rcfg["skip_tokens"])  # page parts about something else: author boxes, widgets, forms
    if decided:  # and the own decider, when it did (a thread made only of comments it keeps)
        skip |= set(cfg["own"]["comment_tokens"])
    elif kept is not None:
        skip |= _comment_tokens(blocks, texts, kept, rcfg)
    overlay = set(cfg["overlay_tokens"])
    if kept is not None:
        overlay = _small_overlays(blocks, texts, kept, overlay, float(cfg["overlay_max_share"]))
        first, last = _kept_range(kept, labels)
        # a furniture token over much of the kept text is a layout class ("main-with-sidebar")
        recover_tokens = _small_overlays(blocks, texts, kept, tokens, float(rcfg["furniture_max_share"]))
    furniture: set[str] = set()  # furniture tokens of small subtrees, over blocks the decider kept
    if kept is not None:
        fcfg = cfg["kept_furniture"]
        furniture = set(fcfg["tokens"]) | (skip & set(rcfg["comment_tokens"]) if fcfg["comments"] and not decided else set())
        furniture = _small_overlays(blocks, texts, kept, furniture, float(fcfg["max_share"]))
    lcfg = cfg["long_listing"]
    listing_kinds, listing_max = frozenset(lcfg["kinds"]), int(lcfg["max_lines"])
    second: list[bool] | None = None  # the own decider's view, where recovery asks for a second opinion
    if kept is not None and not decided and rcfg["second_opinion"] != "none":
        from . import html_decide

        second, _ = html_decide.decide(blocks, texts, labels, cfg["own"])
    # a block printed more than once in the page is a card or a teaser (related posts, the
    # same product twice), not main text trafilatura overlooked
    seen: Counter[str] | None = None  # counted when first needed
    dropped: set[int] = set()  # blocks the main-text decision left out
    skip_kinds = set(rcfg["skip_kinds"])
    after_gap = int(rcfg["after_max_gap"])
    previous = -1  # the last block kept or recovered so far
    for i, b in enumerate(blocks):
        if labels[i][0] != "content":
            continue
        ctx_tokens = set(b.get("context", []))
        n = len(texts[i].strip())
        density = b.get("link_chars", 0) / n if n else 0.0
        if kept is not None:
            if kept[i] and ctx_tokens & overlay:
                labels[i] = ("boilerplate", HTML_OVERLAY)
            elif kept[i] and ctx_tokens & furniture:
                labels[i] = ("boilerplate", HTML_KEPT_FURNITURE)
            elif kept[i] and listing_max and b.get("kind") in listing_kinds and _long(texts[i], listing_max):
                labels[i] = ("boilerplate", HTML_LONG_LISTING)
            elif kept[i]:
                labels[i] = ("content", decided[i] if decided else HTML_TRAFILATURA)
                previous = i
            elif rcfg["enabled"] and (first <= i <= last or not rcfg["within_kept_range"]) \
                    and b.get("kind") not in skip_kinds and _near_kept(i, last, previous, after_gap) \
                    and (second is None or second[i] or (rcfg["second_opinion"] == "outside" and first <= i <= last)) \
                    and _main_text(texts[i], density, ctx_tokens & ((recover_tokens if first <= i <= last else tokens) | overlay | skip), rcfg,
                                   rcfg["list_items_in_range"] and b.get("kind") == "list_item" and first <= i <= last) \
                    and (not rcfg["unique_only"] or (seen := seen or Counter(key(t) for t in texts))[key(texts[i])] == 1):
                labels[i] = ("content", HTML_MAIN_TEXT)
                previous = i
            else:
                labels[i] = ("boilerplate", decided[i] if decided else HTML_TRAFILATURA)
                dropped.add(i)
            continue
        if ctx_tokens & tokens:
            labels[i] = ("boilerplate", HTML_STRUCTURE)
            continue
        if n and density > max_link_density and words(texts[i]) < 40:
            labels[i] = ("boilerplate", HTML_LINK_DENSITY)
    if kept is not None and rcfg["headings"]:
        _headings_of_content(blocks, labels, dropped)
    _furniture(blocks, texts, labels, cfg["furniture"])
    if int(cfg["furniture"]["duplicate_min_words"]):
        _duplicates(blocks, texts, labels, int(cfg["furniture"]["duplicate_min_words"]))


def _small_overlays(blocks: list[dict[str, Any]], texts: list[str], kept: list[bool], tokens: set[str],
                    max_share: float) -> set[str]:
    """The overlay tokens that mark a small separate subtree of this page. A site that wraps
    the whole page in an off-canvas or modal container puts the main text under that token too:
    a token carried by more than ``max_share`` of the text trafilatura kept is not an overlay."""
    total = sum(len(texts[i]) for i, k in enumerate(kept) if k)
    out = set()
    for t in tokens:
        under = sum(len(texts[i]) for i, k in enumerate(kept) if k and t in blocks[i].get("context", ()))
        if not total or under <= max_share * total:
            out.add(t)
    return out


def _long(text: str, max_lines: int) -> bool:
    """More than ``max_lines`` non-blank lines: a build log or a full listing pasted into a post."""
    return sum(1 for line in text.splitlines() if line.strip()) > max_lines


def _near_kept(i: int, last: int, previous: int, max_gap: int) -> bool:
    """After the last block the decider kept, recovered text continues the main text only while
    it follows kept or recovered text closely (a FAQ under an article, the rest of a thread);
    text further down is the page's tail: teaser blurbs, author boxes, calls to action (0: no limit)."""
    return not max_gap or i <= last or i - previous <= max_gap


def _comment_tokens(blocks: list[dict[str, Any]], texts: list[str], kept: list[bool], cfg: dict[str, Any]) -> set[str]:
    """Readers' comments and reviews are not recovered when trafilatura kept running text outside
    them (an article under its comments); on a thread made only of them (a forum) they may be."""
    tokens = set(cfg["comment_tokens"])
    outside = sum(len(texts[i].strip()) for i, k in enumerate(kept) if k and tokens.isdisjoint(blocks[i].get("context", ())))
    return tokens if tokens and outside >= int(cfg["comment_min_kept"]) else set()


def _kept_range(kept: list[bool], labels: list[tuple[str, str]]) -> tuple[int, int]:
    """First and last block trafilatura kept: recovered text lies between them (DOM position);
    a newsletter call or a cookie notice after the article, or a teaser before it, does not."""
    idx = [i for i, k in enumerate(kept) if k and labels[i][0] == "content"]
    return (idx[0], idx[-1]) if idx else (len(kept), -1)


def _furniture(blocks: list[dict[str, Any]], texts: list[str], labels: list[tuple[str, str]], cfg: dict[str, Any]) -> None:
    """Page furniture that the main-text decision let through: links inside navigation
    elements (``strip.html.nav_link``) and short blocks repeated several times in the page,
    such as per-post labels and per-card buttons (``strip.html.repeated_block``)."""
    nav = set(cfg["nav_tokens"])
    min_density = float(cfg["nav_min_link_density"])
    rep_words = int(cfg["repeated_max_words"])
    rep_min = int(cfg["repeated_min_count"])
    keys = [t.strip().casefold() for t in texts] if rep_words else []  # repeated blocks: off at 0
    counts = Counter(k for k in keys if k)
    for i, b in enumerate(blocks):
        if labels[i][0] != "content":
            continue
        n = len(texts[i].strip())
        if nav and n and set(b.get("context", ())) & nav and b.get("link_chars", 0) / n >= min_density:
            labels[i] = ("boilerplate", HTML_NAV_LINK)
        elif rep_words and counts[keys[i]] >= rep_min and words(keys[i]) <= rep_words and not _SENTENCE.search(keys[i]):
            labels[i] = ("boilerplate", HTML_REPEATED_BLOCK)


def _duplicates(blocks: list[dict[str, Any]], texts: list[str], labels: list[tuple[str, str]], min_words: int) -> None:
    """The later copies of a kept block of ``min_words`` words or more. A quotation (a forum
    post quoting another) is left to the keep rules and the quotation stage."""
    seen: set[str] = set()
    for i, b in enumerate(blocks):
        if labels[i][0] != "content" or words(texts[i]) < min_words:
            continue
        k = key(texts[i])
        if k in seen and b.get("kind") != "quote":
            labels[i] = ("boilerplate", HTML_DUPLICATE_BLOCK)
        seen.add(k)


def _headings_of_content(blocks: list[dict[str, Any]], labels: list[tuple[str, str]], dropped: set[int]) -> None:
    """A heading the main-text decision dropped is kept when the next text block is kept main text."""
    for i in range(len(blocks) - 2, -1, -1):
        if blocks[i].get("kind") != "heading" or i not in dropped or labels[i][0] != "boilerplate":
            continue
        nxt = i + 1
        if blocks[nxt].get("kind") != "heading" and labels[nxt][0] == "content" and kind_of(labels[nxt][1]) == "html":
            labels[i] = ("content", HTML_HEADING_OF_CONTENT)


_SENTENCE = sentences.CLAUSE_STOP


def _main_text(text: str, density: float, furniture: set[str], cfg: dict[str, Any], list_item: bool) -> bool:
    """Text trafilatura left out that reads like main text: link-free sentences outside page furniture.
    A link-free ``list_item`` between blocks trafilatura kept belongs to the text at any length
    (a list of steps, features or specifications)."""
    if furniture or density > float(cfg["max_link_density"]):
        return False
    if list_item:
        return True
    n = words(text)
    if n >= int(cfg["min_words"]):
        return True
    return n >= int(cfg["min_sentence_words"]) and _SENTENCE.search(text.strip()) is not None
