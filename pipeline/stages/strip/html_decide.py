"""Our own main-text decision for HTML pages (``strip.html.decider: own``), in place of trafilatura's.

jusText's algorithm (Pomikálek 2011) over extract's blocks: each block is classed by its length,
link density and stop-word density (``good``, ``near-good``, ``short``, ``bad``; the stop words of
the page's language, the jusText list that covers most of its words), then short and near-good
blocks take the class of their good or bad neighbours, and headings over good text are kept.
Around it: blocks under page furniture (class, id or tag tokens such as ``nav``, ``footer``,
``sidebar``) are bad unless the token wraps most of the page; a run of short blocks that reads as
one paragraph is good; readers' comments go when running text lies outside them; between the
first and the last block of running text (the main region) every block printed once that is
neither links nor furniture stays; a page with little running text (a listing, a product) keeps
all but links and furniture. DOM position (readability's top candidate, read from ancestor
tokens): the element that holds the running text bounds the main text, so related posts, consent
panels and sidebars outside it go and short text inside it stays; a listing's records (a title link
repeated in one layout with text beside it) are main text when they outweigh the running text.
Code blocks under the running text's element and prose in an element just before it are the
text's too (``html_decide_recall.py``).
The decision only labels blocks: text and offsets stay extract's.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ...rules import declare
from ...text.derived import derived
from . import html_decide_recall as recall

# the rules this module applies: declared once here, used through these constants
OWN_GOOD = declare("strip.html.own.good", stage="strip", kind="html",
        why="a block long enough with prose's share of stop words is running text (jusText's good class)",
        params=["html.own.length_high", "html.own.stopwords_high", "html.own.stopwords"])
OWN_CONTEXT = declare("strip.html.own.context", stage="strip", kind="html",
        why="a short or near-good block between blocks of one class is of their class (jusText's context step)",
        params=["html.own.length_low", "html.own.stopwords_low"])
OWN_HEADING = declare("strip.html.own.heading", stage="strip", kind="html",
        why="a heading shortly before running text is its heading",
        params=["html.own.max_heading_distance"])
OWN_LINKS = declare("strip.html.own.links", stage="strip", kind="html",
        why="a block that is largely link text, or a short one with any link, is navigation",
        params=["html.own.max_link_density", "html.own.long_block_words", "html.own.long_block_max_link_density"])
OWN_NOT_PROSE = declare("strip.html.own.not_prose", stage="strip", kind="html",
        why="a long block with too few stop words is a list of names or labels, not running text",
        params=["html.own.stopwords_low", "html.own.min_language_share"])
OWN_FURNITURE = declare("strip.html.own.furniture", stage="strip", kind="html",
        why="a block under a navigation, footer, sidebar or sharing element is page furniture",
        params=["html.own.furniture_tokens", "html.own.furniture_max_share", "html.own.furniture_max_prose_share"])

OWN_REGION = declare("strip.html.own.region", stage="strip", kind="html",
        why="text between the first and the last block of running text, neither links nor furniture, is main text",
        params=["html.own.region", "html.own.region_unique_only", "html.own.region_first_copy_words", "html.own.region_skip_kinds", "html.own.region_link_kinds"])
OWN_WHOLE_PAGE = declare("strip.html.own.whole_page", stage="strip", kind="html",
        why="a page with little running text (a listing, a product) keeps every block that is neither links nor furniture",
        params=["html.own.min_running_text"])
OWN_COMMENTS = declare("strip.html.own.comments", stage="strip", kind="html",
        why="readers' comments under an article are not its text (a thread made only of them is)",
        params=["html.own.comment_tokens", "html.own.min_running_text"])
OWN_RUN = declare("strip.html.own.prose_run", stage="strip", kind="html",
        why="a run of short blocks as long and as rich in stop words as running text is running text cut by markup",
        params=["html.own.run_min_length", "html.own.run_min_mean_length", "html.own.stopwords_high"])
OWN_OUTSIDE = declare("strip.html.own.outside", stage="strip", kind="html",
        why="a block outside the element that holds the page's running text (a sidebar, related posts, a consent panel) is not main text",
        params=["html.own.container_share", "html.own.container_keeps_good", "html.own.container_region"])

OWN_RECORDS = declare("strip.html.own.records", stage="strip", kind="html",
        why="a listing's records (a title link printed again and again in one layout, with text beside it) are its main text",
        params=["html.own.record_min_count", "html.own.record_max_blocks", "html.own.record_skip_copies",
                "html.own.record_template_share", "html.own.record_gap_link_words"])

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"
_WORD = re.compile(r"[^\W\d_]+")


def _language_index(lexicon: dict[str, list[str]]) -> tuple[dict[str, tuple[int, ...]], int]:
    """word -> the stop-word lists (by position) that hold it; built once per loaded config."""
    return derived(lexicon, "stopword_languages", _build_language_index)


def _build_language_index(lexicon: dict[str, list[str]]) -> tuple[dict[str, tuple[int, ...]], int]:
    acc: dict[str, list[int]] = {}
    for n, lang in enumerate(sorted(lexicon)):
        for w in lexicon[lang]:
            acc.setdefault(w.casefold(), []).append(n)
    return {w: tuple(v) for w, v in acc.items()}, len(lexicon)


def page_stopwords(words_per_block: list[list[str]], lexicon: dict[str, list[str]], min_share: float) -> frozenset[str] | None:
    """The stop words of the page's language: the list that covers most of its words, or None
    when even the best covers less than ``min_share`` (a language we have no list for)."""
    index, n = _language_index(lexicon)
    hits = [0] * n
    counts: Counter[str] = Counter()
    for ws in words_per_block:
        counts.update(ws)
    total = sum(counts.values())
    for w, c in counts.items():
        langs = index.get(w)
        if langs:
            for k in langs:
                hits[k] += c
    if not total or not n:
        return None
    best = max(range(n), key=lambda k: (hits[k], -k))
    if hits[best] < min_share * total:
        return None
    return _stoplist(lexicon, sorted(lexicon)[best])


def _stoplist(lexicon: dict[str, list[str]], lang: str) -> frozenset[str]:
    return derived(lexicon, f"stoplist:{lang}", lambda lx: frozenset(w.casefold() for w in lx[lang]))


def _furniture_tokens(blocks: list[dict[str, Any]], sizes: list[int], tokens: frozenset[str], max_share: float) -> frozenset[str]:
    """The furniture tokens that mark a part of this page: one over more than ``max_share`` of
    the page's text wraps the page (a theme's body class, a layout container) and says nothing."""
    total = sum(sizes) or 1
    under: dict[str, int] = {}
    for b, n in zip(blocks, sizes):
        for t in tokens.intersection(b.get("context", ())):
            under[t] = under.get(t, 0) + n
    return frozenset(t for t, n in under.items() if n <= max_share * total)


def decide(blocks: list[dict[str, Any]], texts: list[str], labels: list[tuple[str, str]],
           cfg: dict[str, Any]) -> tuple[list[bool], list[str]]:
    """Per block: kept as main text or not, and the rule that decided. Blocks the text rules
    removed already count as bad neighbours."""
    n = len(blocks)
    stripped = [" ".join(t.split()) for t in texts]
    sizes = [len(t) for t in stripped]
    words = [_WORD.findall(t.casefold()) for t in stripped]
    stop = page_stopwords(words, cfg["stopwords"], float(cfg["min_language_share"]))
    low, high = float(cfg["stopwords_low"]), float(cfg["stopwords_high"])
    # stop words per block; without a list every word counts (density 1: length and links decide)
    stops = [len([w for w in ws if w in stop]) for ws in words] if stop is not None else [len(ws) for ws in words]
    if stop is None:  # language-independent mode: length and links decide
        low = high = 0.0
    length_low, length_high = int(cfg["length_low"]), int(cfg["length_high"])
    max_links = float(cfg["max_link_density"])
    long_words, max_links_long = int(cfg["long_block_words"]) or n + 10**9, float(cfg["long_block_max_link_density"])
    # measured on text that is not link text: a mega menu is large, but it is links
    plain = [max(0, s - b.get("link_chars", 0)) for s, b in zip(sizes, blocks)]
    furniture = _furniture_tokens(blocks, plain, frozenset(cfg["furniture_tokens"]), float(cfg["furniture_max_share"]))
    if furniture and float(cfg["furniture_max_prose_share"]):  # nor one over much of the page's prose
        prose = [s if s > length_high and labels[i][0] == "content" and blocks[i].get("link_chars", 0) <= max_links * s
                 and words[i] and stops[i] >= high * len(words[i]) else 0 for i, s in enumerate(sizes)]
        furniture = _furniture_tokens(blocks, prose, furniture, float(cfg["furniture_max_prose_share"]))

    cls: list[str] = [BAD] * n
    why: list[str] = [OWN_NOT_PROSE] * n
    for i, b in enumerate(blocks):
        if labels[i][0] != "content" or not sizes[i]:
            why[i] = labels[i][1]
            continue
        size = sizes[i]
        links = b.get("link_chars", 0)
        if furniture and not furniture.isdisjoint(b.get("context", ())):
            why[i] = OWN_FURNITURE
            continue
        if links / size > (max_links_long if len(words[i]) >= long_words else max_links):
            why[i] = OWN_LINKS
            continue
        if size < length_low:
            if links:
                why[i] = OWN_LINKS
            else:
                cls[i] = SHORT
            continue
        density = stops[i] / len(words[i]) if words[i] else 0.0
        if density >= high:
            cls[i] = GOOD if size > length_high else NEAR
        elif density >= low:
            cls[i] = NEAR
    runs = _prose_runs(cls, sizes, words, stops, int(cfg["run_min_length"]), int(cfg["run_min_mean_length"]), high)
    for i in runs:
        cls[i] = GOOD
    if GOOD not in cls and cfg["near_seeds"]:  # a page of short texts (a product, a service): its best blocks seed
        cls = [GOOD if c == NEAR else c for c in cls]
    first = list(cls)
    heading = [b.get("kind") == "heading" for b in blocks]
    _revise(cls, first, heading, sizes, int(cfg["max_heading_distance"]))

    kept = [c == GOOD for c in cls]
    _drop_comments(blocks, sizes, kept, cls, why, frozenset(cfg["comment_tokens"]), int(cfg["min_running_text"]))
    region = [False] * n
    anchors = [k and i not in runs for i, k in enumerate(kept)]  # running text in its own blocks
    whole_page = sum(s for s, a in zip(sizes, anchors) if a) < int(cfg["min_running_text"])
    running = list(kept)  # the running text the element is read from
    inside = None if whole_page else _inside_container(blocks, sizes, kept, float(cfg["container_share"]))
    if inside is not None:  # DOM position: what lies outside the running text's element is not main text
        for i in range(n):
            if not inside[i] and (kept[i] or first[i] != BAD) and (not kept[i] or not cfg["container_keeps_good"]) \
                    and why[i] != OWN_COMMENTS:
                kept[i] = False
                why[i] = OWN_OUTSIDE
        anchors = [a and k for a, k in zip(anchors, kept)]
    if whole_page:  # no running text to anchor on (a listing, a product grid): only links and furniture go
        kept = [False] * n
    if (cfg["region"] != "none" and any(anchors)) or whole_page:
        # the first and the last block of running text (none: an empty range)
        span = (anchors.index(True), n - 1 - anchors[::-1].index(True)) if any(anchors) else (n, -1)
        lo, hi = (0, n - 1) if whole_page or (inside is not None and cfg["container_region"] != "range") else span
        soft = (SHORT, NEAR) if cfg["region"] == "short" else (SHORT, NEAR, BAD)
        repeats = Counter(stripped) if cfg["region_unique_only"] and not whole_page else None
        # a sentence printed twice (a second layout's copy) keeps its first copy: labels and buttons are short
        copy_words, first_copy = int(cfg["region_first_copy_words"]), {}
        for i in range(n - 1, -1, -1):
            first_copy[stripped[i]] = i
        skip_kinds = () if whole_page else frozenset(cfg["region_skip_kinds"])
        # with "both", short text between the first and last block of running text stays even outside its element
        ra, rb = span if cfg["container_region"] == "both" and inside is not None else (n, -1)
        # (an element that holds every block is the page itself, not the text's element)
        link_kinds = frozenset(cfg["region_link_kinds"]) if inside is not None and not all(inside) else frozenset()
        for i in range(lo, hi + 1):
            if kept[i] or not (whole_page or first[i] in soft) or labels[i][0] != "content" \
                    or blocks[i].get("kind") in skip_kinds or (repeats is not None and repeats[stripped[i]] != 1
                         and not (copy_words and len(words[i]) >= copy_words and first_copy[stripped[i]] == i)):
                continue
            between = ra <= i <= rb and first[i] in (SHORT, NEAR) and why[i] == OWN_OUTSIDE
            # a paragraph or list item of links inside the running text's element (a list of a series'
            # parts, a reference list) is the text's: a menu or a related-posts list lies outside it
            linked = bool(link_kinds) and why[i] == OWN_LINKS and inside[i] and blocks[i].get("kind") in link_kinds
            if between or linked or (why[i] not in (OWN_LINKS, OWN_FURNITURE, OWN_COMMENTS, OWN_OUTSIDE) and (inside is None or inside[i])):
                kept[i] = region[i] = True
    code: set[int] = set()
    sibling: set[int] = set()
    if inside is not None:  # what the element test left out although it is the text's
        stops = [labels[i][0] == "content" and why[i] in (OWN_LINKS, OWN_FURNITURE, OWN_COMMENTS) for i in range(n)]
        code = recall.code_blocks(blocks, texts, sizes, running, kept, [labels[i][0] == "content" and not stops[i]
                                                                        for i in range(n)], cfg)
        prose = [first[i] in (GOOD, NEAR) and why[i] == OWN_OUTSIDE and not kept[i] for i in range(n)]
        sibling = recall.siblings(blocks, sizes, running, kept, inside, prose, stops, cfg)
        for i in code | sibling:
            kept[i] = True
    records = _record_lists(blocks, stripped, words, why, labels, kept, cfg) if int(cfg["record_min_count"]) else set()
    for i in records:
        kept[i] = True
    region = [r and k for r, k in zip(region, kept)]  # comments under a listing went
    rules = []
    for i in range(n):
        if i in records:
            rules.append(OWN_RECORDS)
        elif kept[i] and i in code:
            rules.append(recall.OWN_CODE)
        elif kept[i] and i in sibling:
            rules.append(recall.OWN_SIBLING)
        elif region[i]:
            rules.append(OWN_WHOLE_PAGE if whole_page else OWN_REGION)
        elif kept[i] and i in runs:
            rules.append(OWN_RUN)
        elif kept[i]:
            rules.append(OWN_GOOD if first[i] == GOOD else OWN_HEADING if heading[i] and first[i] != NEAR else OWN_CONTEXT)
        elif first[i] in (SHORT, NEAR) and why[i] not in (OWN_COMMENTS, OWN_OUTSIDE):
            rules.append(OWN_CONTEXT)
        else:
            rules.append(why[i])
    return kept, rules


def _inside_container(blocks: list[dict[str, Any]], sizes: list[int], anchors: list[bool], share: float) -> list[bool] | None:
    """Per block: under the element that holds the running text (readability's top candidate),
    known by its ancestor tokens: the tokens over at least ``share`` of the running text's
    characters; a block inside carries all of them (None: off, or no running text)."""
    total = sum(s for s, a in zip(sizes, anchors) if a)
    if not share or not total:
        return None
    under: Counter[str] = Counter()
    for b, s, a in zip(blocks, sizes, anchors):
        if a:  # the block's own element counts too: text of another kind (code, a table) is not the text's
            for t in b.get("context", ()):
                under[t] += s
    tokens = [t for t, c in under.items() if c >= share * total]
    return [all(t in ctx for t in tokens) for ctx in (frozenset(b.get("context", ())) for b in blocks)]


def _record_lists(blocks: list[dict[str, Any]], texts: list[str], words: list[list[str]], why: list[str],
                  labels: list[tuple[str, str]], kept: list[bool], cfg: dict[str, Any]) -> set[int]:
    """A listing's records: a link (a title) printed at least ``record_min_count`` times in one
    layout (the same tag path), each within ``record_max_blocks`` blocks of the last and most of
    them followed by text that is not a link (an author, a rating, a price, a blurb). A menu is
    links only. The links and the text between them are the page's main text when they hold more
    words than the running text kept elsewhere (on an article, the related posts under it do not)."""
    min_count, max_gap = int(cfg["record_min_count"]), int(cfg["record_max_blocks"])
    skip = frozenset(cfg["region_skip_kinds"])
    ok = [labels[i][0] == "content" and why[i] not in (OWN_FURNITURE, OWN_COMMENTS) and b.get("kind") not in skip
          for i, b in enumerate(blocks)]
    by_path: dict[str, list[int]] = {}
    for i, b in enumerate(blocks):
        if ok[i] and why[i] == OWN_LINKS and words[i]:
            by_path.setdefault(b.get("tag_path") or "", []).append(i)
    out: set[int] = set()
    copies, template = bool(cfg["record_skip_copies"]), float(cfg["record_template_share"])
    gap_links = int(cfg["record_gap_link_words"])
    titles = [" ".join(t.split()).casefold() for t in texts]
    first_at: dict[str, int] = {}
    for i, t in enumerate(titles):
        first_at.setdefault(t, i)
    for idx in by_path.values():
        if len(idx) < min_count:
            continue
        run = [idx[0]]
        for j in idx[1:] + [None]:
            if j is not None and j - run[-1] <= max_gap:
                run.append(j)
                continue
            if len(run) >= min_count:
                ends = run[1:] + [min(len(blocks), 2 * run[-1] - run[-2])]  # the last record as long as the one before
                gaps = [range(a + 1, b) for a, b in zip(run, ends)]
                texty = sum(1 for g in gaps if any(ok[k] and why[k] != OWN_LINKS and words[k] for k in g))
                if 2 * texty >= len(run):  # a record whose title the page printed before is a copy (a carousel, a second layout)
                    # a text of two words or more in most records' gaps is the layout's (a rating widget's
                    # "Rate this book"), not a record's; a field's label ("Weight capacity:") is both; and
                    # a line of links of ``record_gap_link_words`` words beside the title is a record's tags or options
                    same = Counter(t for g in gaps for t in {titles[k] for k in g}) if template else Counter()
                    out.update(k for a, g in zip(run, gaps) if not (copies and first_at[titles[a]] < a) for k in (a, *g)
                               if ok[k] and not (same[titles[k]] > template * len(run) and len(words[k]) >= 2 and not titles[k].endswith(":"))
                               and not (k != a and gap_links and why[k] == OWN_LINKS and len(words[k]) >= gap_links))
            run = [j] if j is not None else []
    if not out:
        return out
    comments = frozenset(cfg["comment_tokens"])  # readers' comments under a listing are not its text either
    under = [not comments.isdisjoint(b.get("context", ())) for b in blocks]
    out = {i for i in out if not under[i]}
    record_words = sum(len(words[i]) for i in out)
    other_words = sum(len(words[i]) for i, k in enumerate(kept) if k and i not in out and not under[i])
    if record_words <= other_words:
        return set()
    for i, u in enumerate(under):
        if u and kept[i]:
            kept[i] = False
            why[i] = OWN_COMMENTS
    return out


def _prose_runs(cls: list[str], sizes: list[int], words: list[list[str]], stops: list[int], min_length: int,
                min_mean: int, high: float) -> set[int]:
    """Blocks of a run of short and near-good ones (list items, lines of one text) that together
    are as long and as rich in stop words as good text: a paragraph cut into pieces by markup.
    Its blocks must be ``min_mean`` characters long on average: a column of dates or names is not."""
    out: set[int] = set()
    if not min_length:
        return out
    i, n = 0, len(cls)
    while i < n:
        if cls[i] not in (SHORT, NEAR):
            i += 1
            continue
        j = i
        while j < n and cls[j] in (SHORT, NEAR):
            j += 1
        nw = sum(len(words[k]) for k in range(i, j))
        total = sum(sizes[i:j])
        if j - i > 1 and total >= min_length and total >= min_mean * (j - i) and nw and sum(stops[i:j]) / nw >= high:
            out.update(range(i, j))
        i = j
    return out


def _drop_comments(blocks: list[dict[str, Any]], sizes: list[int], kept: list[bool], cls: list[str], why: list[str],
                   tokens: frozenset[str], min_text: int) -> None:
    """Readers' comments under an article are not its text; on a page whose running text is all
    in comment containers (a forum thread), they are the text and stay."""
    if not tokens:
        return
    under = [not tokens.isdisjoint(b.get("context", ())) for b in blocks]
    if sum(s for s, k, u in zip(sizes, kept, under) if k and not u) < min_text:
        return
    for i, u in enumerate(under):
        if u:
            kept[i] = False
            cls[i] = BAD
            why[i] = OWN_COMMENTS


def _nearest(cls: list[str], ignore_near: bool) -> tuple[list[str], list[str]]:
    """For every block, the class of the nearest good or bad block (or near-good one, unless
    ignored) before it and after it; the page's edges count as bad."""
    n = len(cls)
    prev, nxt = [BAD] * n, [BAD] * n
    last = BAD
    for i in range(n):
        prev[i] = last
        c = cls[i]
        if c == GOOD or c == BAD or (c == NEAR and not ignore_near):
            last = c
    last = BAD
    for i in range(n - 1, -1, -1):
        nxt[i] = last
        c = cls[i]
        if c == GOOD or c == BAD or (c == NEAR and not ignore_near):
            last = c
    return prev, nxt


def _heading_reaches_good(cls: list[str], sizes: list[int], i: int, max_distance: int) -> bool:
    distance = 0
    for j in range(i + 1, len(cls)):
        if distance > max_distance:
            return False
        if cls[j] == GOOD:
            return True
        distance += sizes[j]
    return False


def _revise(cls: list[str], first: list[str], heading: list[bool], sizes: list[int], max_distance: int) -> None:
    """jusText's context-sensitive pass, in place: headings before good text, then short blocks,
    then near-good ones, then headings again."""
    for i in range(len(cls)):
        if heading[i] and cls[i] == SHORT and _heading_reaches_good(cls, sizes, i, max_distance):
            cls[i] = NEAR
    prev_gb, next_gb = _nearest(cls, True)   # neighbours in one pass each way: a page of
    prev_any, next_any = _nearest(cls, False)  # thousands of short blocks stays linear
    new: dict[int, str] = {}
    for i, c in enumerate(cls):
        if c != SHORT:
            continue
        prev, nxt = prev_gb[i], next_gb[i]
        if prev == GOOD and nxt == GOOD:
            new[i] = GOOD
        elif prev == BAD and nxt == BAD:
            new[i] = BAD
        elif (prev == BAD and prev_any[i] == NEAR) or (nxt == BAD and next_any[i] == NEAR):
            new[i] = GOOD
        else:
            new[i] = BAD
    for i, c in new.items():
        cls[i] = c
    # near-good blocks in order: every block before one is good or bad by then
    _, next_gb = _nearest(cls, True)
    for i, c in enumerate(cls):
        if c == NEAR:
            cls[i] = BAD if ((cls[i - 1] if i else BAD), next_gb[i]) == (BAD, BAD) else GOOD
    for i in range(len(cls)):
        if heading[i] and cls[i] == BAD and first[i] != BAD and _heading_reaches_good(cls, sizes, i, max_distance):
            cls[i] = GOOD


_COUNT = {"type": "integer", "minimum": 0}
_SHARE = {"type": "number", "minimum": 0}
SCHEMA: dict[str, Any] = {  # strip.html.own: every key given in the config
    "type": "object", "additionalProperties": False,
    "required": ["stopwords", "min_language_share", "length_low", "length_high", "stopwords_low", "stopwords_high",
                 "max_link_density", "max_heading_distance", "furniture_tokens", "furniture_max_share", "near_seeds", "region", "min_running_text", "comment_tokens",
                 "run_min_length", "run_min_mean_length", "region_unique_only",
                 "container_share", "container_keeps_good", "container_region", "region_skip_kinds", "region_link_kinds",
                 "record_min_count", "record_max_blocks", "record_skip_copies", "record_template_share", "record_gap_link_words", "furniture_max_prose_share",
                 "long_block_words", "long_block_max_link_density",
                 "code_kinds", "code_max_lines", "sibling_max_gap", "sibling_max_missing", "sibling_sides", "region_first_copy_words"],
    "properties": {
        "stopwords": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        "min_language_share": _SHARE, "length_low": _COUNT, "length_high": _COUNT, "stopwords_low": _SHARE,
        "stopwords_high": _SHARE, "max_link_density": _SHARE, "max_heading_distance": _COUNT,
        "furniture_tokens": {"type": "array", "items": {"type": "string"}}, "furniture_max_share": _SHARE,
        "near_seeds": {"type": "boolean"}, "region": {"enum": ["none", "short", "all"]},
        "region_unique_only": {"type": "boolean"}, "container_share": _SHARE, "container_keeps_good": {"type": "boolean"},
        "container_region": {"enum": ["range", "container", "both"]}, "region_skip_kinds": {"type": "array", "items": {"type": "string"}},
        "region_link_kinds": {"type": "array", "items": {"type": "string"}},
        "record_min_count": _COUNT, "record_max_blocks": _COUNT, "record_skip_copies": {"type": "boolean"}, "record_template_share": _SHARE, "record_gap_link_words": _COUNT, "furniture_max_prose_share": _SHARE,
        "long_block_words": _COUNT, "long_block_max_link_density": _SHARE,
        "code_kinds": {"type": "array", "items": {"type": "string"}}, "code_max_lines": _COUNT,
        "sibling_max_gap": _COUNT, "sibling_max_missing": _COUNT,
        "sibling_sides": {"type": "array", "items": {"enum": ["before", "after"]}}, "region_first_copy_words": _COUNT,
        "min_running_text": _COUNT, "run_min_length": _COUNT, "run_min_mean_length": _COUNT, "comment_tokens": {"type": "array", "items": {"type": "string"}},
    },
}
