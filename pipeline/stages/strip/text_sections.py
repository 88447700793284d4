"""Sections of a text dump that the line-by-line body rules misjudge (strip stage, text dumps).

- ``strip.text.record_list``: a shop's product grid, a run of records each with a line that is
  only a price, is the page's list: names, prices and attributes stay, buttons do not.

- ``strip.text.teaser_list``: a run of cards, each a headline (with its category, date or author)
  over a one-line blurb, teases other pages: related articles under an article, a menu of blurbs
  above it. Beyond the edge of the body it goes; inside the body (an article's short sections, a
  product's features) and on a page that is all cards, it stays.
- ``strip.text.related_section``: from a related-content heading ("Related posts", "More from
  ...", "About the author") after the article, the rest of the page is other pages' text, up
  to where the article goes on (a long stretch of prose: a box of links inside the article).
- ``strip.text.breadcrumb``: a short numbered run of short entries ("1. Home", "2. Luggage",
  "3. Carry-On") is a breadcrumb trail when the next line repeats its last entry (the page's
  title under its trail) or when it stands above all the page's kept prose and opens with a
  one- or two-word entry (a site's root). A numbered list inside the text has prose above it.
"""

from __future__ import annotations

import re
from typing import Any

from ...rules import declare, kind_of
from ...text import sentences

TEASER_LIST = declare("strip.text.teaser_list", stage="strip", kind="text",
                      why="a run of headline-and-blurb cards beyond the edge of a page's body (related articles, a menu"
                          " of blurbs) teases other pages",
                      params=["text.teaser_min_cards", "text.teaser_headline_max_words", "text.teaser_blurb_min_words",
                              "text.teaser_blurb_max_words", "text.teaser_headlines_per_card", "text.teaser_core_words",
                              "text.teaser_edge_words"])
RELATED_SECTION = declare("strip.text.related_section", stage="strip", kind="text",
                          why="what follows a related-content heading after the article (related posts, the author's"
                              " box) is other pages' text", params=["text.related_heading", "text.related_min_words_before",
                                                                     "text.related_resume_words", "text.related_record_reach"])

AUTHOR_BOX = declare("strip.text.author_box", stage="strip", kind="text",
                     why="a third-person biography of the writer ('Jane Doe is a veteran reporter who covers ...') after"
                         " the article opens its author box: it and what follows are the template's, not the article's",
                     params=["text.author_bio", "text.author_heading", "text.author_heading_min_share",
                             "text.related_min_words_before", "text.related_resume_words", "text.author_label_max_words"])

BREADCRUMB = declare("strip.text.breadcrumb", stage="strip", kind="text",
                     why="a short numbered run of short entries over the page's title or above all its prose is a"
                         " breadcrumb trail", params=["text.breadcrumb_max_items", "text.breadcrumb_max_words"])

RECORD_LIST = declare("strip.text.record_list", stage="strip", kind="text",
                      why="a run of records each with a price line (a shop's product grid) is the page's list, names,"
                          " prices and attributes alike", params=["text.record_price", "text.record_min_count",
                                                                  "text.record_max_lines", "text.record_main_text"])

_SENTENCE_STOP = sentences.ENDS_WITH_CLAUSE_STOP
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_MARKED_ITEM = re.compile(r"^\s*[*•·\-–+>o]\s+")   # a bulleted (not a numbered) list item
_BULLET = re.compile(r"^\s*([*•·\-–+>o]|\d{1,3}[.)])\s+")


def teasers(texts: list[str], idx: list[int], words: dict[int, int], prose: dict[int, bool], body: set[int],
            labels: list[tuple[str, str]], replaceable: frozenset[str], cfg: dict[str, Any]) -> None:
    """Label the teaser runs beyond the body's edge; only body and outside-body decisions are replaced."""
    for i in sorted(_edge_teasers(_teaser_runs(texts, idx, words, body, cfg), idx, body, words, prose, cfg)):
        if labels[i][1] in replaceable:
            labels[i] = ("boilerplate", TEASER_LIST)


def records(texts: list[str], idx: list[int], words: dict[int, int], prose: dict[int, bool],
            labels: list[tuple[str, str]], replaceable: frozenset[str], cfg: dict[str, Any]) -> None:
    """A product grid: at least ``record_min_count`` lines that are a price and nothing else
    (``record_price``), each at most ``record_max_lines`` lines after the one before. From just above
    the first price (its record's name) to the end of the last record (as long as the others), the
    lines the body rules decided on are the records' text, repeated labels ("Weight:") included,
    bulleted list items (its buttons: "* Quick view") not. With ``record_main_text``, only when the
    grid holds more words than the prose kept outside it (as ``pattern_list``): a grid of other
    products under a product's or an article's text teases other pages."""
    if not cfg["record_price"]:
        return
    price = re.compile(cfg["record_price"])
    n_min, gap = int(cfg["record_min_count"]), int(cfg["record_max_lines"])
    prices = [pos for pos, i in enumerate(idx) if price.match(texts[i].strip())]
    runs: list[list[int]] = []
    for pos in prices:
        if runs and pos - runs[-1][-1] <= gap:
            runs[-1].append(pos)
        else:
            runs.append([pos])
    for run in runs:
        if len(run) < max(2, n_min):
            continue
        steps = sorted(b - a for a, b in zip(run, run[1:]))
        step = steps[len(steps) // 2]
        span = [idx[pos] for pos in range(max(0, run[0] - min(step - 1, 2)), min(len(idx), run[-1] + step))]
        if cfg["record_main_text"]:
            inside = set(span)
            other = sum(words[i] for i in idx if i not in inside and prose[i] and labels[i][0] == "content")
            if sum(words[i] for i in span) <= other:
                continue
        for i in span:   # a record's buttons are list items ("* Quick view"); its name and attributes are not
            if labels[i][1] in replaceable and _LETTER_OR_DIGIT.search(texts[i]) and not _MARKED_ITEM.match(texts[i]):
                labels[i] = ("content", RECORD_LIST)


def related_section(texts: list[str], words: dict[int, int], prose: dict[int, bool],
                    labels: list[tuple[str, str]], cfg: dict[str, Any]) -> None:
    """From the first related-content heading (``related_heading``: a line of its own, not a list
    item) after at least ``related_min_words_before`` words of kept prose, every line the body
    rules kept goes, up to a stretch of at least ``related_resume_words`` words of consecutive
    prose lines: the article going on after a box of links inside it."""
    if not cfg["related_heading"]:
        return
    head = re.compile(cfg["related_heading"])
    need, resume = int(cfg["related_min_words_before"]), int(cfg["related_resume_words"])
    before, i = 0, 0
    while i < len(texts):
        t = texts[i].strip()
        if before >= need and 0 < len(t) <= 80 and not _BULLET.match(t) and head.match(t):
            end = _section_end(texts, words, prose, i + 1, resume, int(cfg["related_record_reach"]))
            _drop_kept(labels, i, end, RELATED_SECTION)   # the heading is the section's too
            i = end
            continue
        if labels[i][0] == "content" and prose.get(i):
            before += words.get(i, 0)
        i += 1


def _drop_kept(labels: list[tuple[str, str]], lo: int, hi: int, rule: str) -> None:
    """Lines lo..hi-1 that the body rules kept go under ``rule``: a template's section (related
    posts, an author box) is furniture whatever the body rules read in it; other rules' keeps stay."""
    for j in range(lo, hi):
        if labels[j][0] == "content" and kind_of(labels[j][1]) == "text":
            labels[j] = ("boilerplate", rule)


def author_box(texts: list[str], words: dict[int, int], prose: dict[int, bool],
               labels: list[tuple[str, str]], cfg: dict[str, Any]) -> None:
    """From the first kept prose line that is a writer's biography (``author_bio``) after at least
    ``related_min_words_before`` words of kept prose, with the short label lines right above it
    (the writer's name, "Staff Writer"; at most ``author_label_max_words`` words each, two lines),
    every line the body rules kept goes, up to where the article goes on (as for a related-content
    section). A biography that opens an article ("Jane Doe is a novelist whose ...") has no
    article above it. An "About NAME" heading (``author_heading``) over a kept prose line that
    names NAME again or speaks in the first person opens the box too, when at least
    ``author_heading_min_share`` of the page's kept prose lies above it (the box closes a page)."""
    if not cfg["author_bio"]:
        return
    bio = re.compile(cfg["author_bio"])
    heading = re.compile(cfg["author_heading"]) if cfg["author_heading"] else None
    need, resume = int(cfg["related_min_words_before"]), int(cfg["related_resume_words"])
    label_max = int(cfg["author_label_max_words"])
    before = 0
    kept = [i for i in range(len(texts)) if i in words]
    total = sum(words[i] for i in kept if labels[i][0] == "content" and prose.get(i))
    min_share = float(cfg["author_heading_min_share"])
    for pos, i in enumerate(kept):
        if labels[i][0] != "content":
            continue
        if before >= need and heading and before >= min_share * total \
                and _about_heading(texts, words, prose, labels, kept, pos, heading, label_max):
            _drop_kept(labels, i, _section_end(texts, words, prose, i + 1, resume, 0), AUTHOR_BOX)
            return
        if before >= need and prose.get(i) and bio.match(texts[i].strip()):
            start = i
            for j in reversed(kept[max(0, pos - 2):pos]):
                if labels[j][0] != "content" or prose.get(j) or words[j] > label_max:
                    break
                start = j
            end = _section_end(texts, words, prose, i + 1, resume, 0)
            _drop_kept(labels, start, end, AUTHOR_BOX)
            return
        if prose.get(i):
            before += words[i]


_FIRST_PERSON = re.compile(r"^\W*(I|I['’]m|We|We['’]re|My|Our)\b")


def _about_heading(texts: list[str], words: dict[int, int], prose: dict[int, bool], labels: list[tuple[str, str]],
                   kept: list[int], pos: int, heading: re.Pattern[str], label_max: int) -> bool:
    """An "About NAME" line (or "About the author: NAME is ...", a prose line of its own) whose
    next kept line is prose about NAME: it opens with NAME's first word or in the first person."""
    i = kept[pos]
    m = heading.match(texts[i].strip())
    if not m:
        return False
    if prose.get(i):   # "About the author: Jane Doe is a photographer ..."
        return bool(m.group("inline"))
    name = m.group("name")
    if not name or words[i] > label_max:
        return False
    nxt = next((j for j in kept[pos + 1:pos + 3] if labels[j][0] == "content"), None)
    if nxt is None or not prose.get(nxt):
        return False
    first = texts[nxt].strip()
    return first.startswith(name.split()[0]) or bool(_FIRST_PERSON.match(first))


def _section_end(texts: list[str], words: dict[int, int], prose: dict[int, bool], start: int, resume: int,
                 record_reach: int) -> int:
    """Where the text resumes after ``start``: the first line of a stretch of consecutive prose
    lines of at least ``resume`` words (0: never; the section runs to the end of the page). A
    stretch whose header (the lines, not prose, right above it: at most ``record_reach``) repeats a
    line of the header of an earlier stretch of prose in the section ("Verified Purchase" over every
    review) is one more of the section's records (a long review or comment), not the text going
    on (0: off)."""
    run_start, run_words, in_record = None, 0, False
    headers: set[str] = set()   # the header lines of the section's stretches of prose so far
    header: list[str] = []      # the lines (not prose) since the last prose line
    for j in range(start, len(texts)):
        if not texts[j].strip() or j not in words:
            continue
        if prose.get(j):
            if run_start is None:
                run_start = j
                near = header[-record_reach:] if record_reach else []
                in_record = any(k in headers for k in near)
                headers.update(near)
                header = []
            run_words += words[j]
            if resume and run_words >= resume and not in_record:
                return run_start
        else:
            run_start, run_words = None, 0
            header.append(texts[j].strip().casefold())
    return len(texts)


_HEADLINE_END = re.compile(r"[.!?…:;,][\"'”’)\]]*\s*$")   # a headline ends without a sentence's or a clause's mark


def _teaser_runs(texts: list[str], idx: list[int], words: dict[int, int], body: set[int],
                 cfg: dict[str, Any]) -> list[list[int]]:
    """The lines of each run of at least ``teaser_min_cards`` consecutive teaser cards: one to
    ``teaser_headlines_per_card`` short unpunctuated lines (a headline, its category, date or
    author) and then one short finished sentence or two (the blurb: ``teaser_blurb_min_words`` to
    ``teaser_blurb_max_words`` words). Two blurbs with removed lines between them are two cards
    (the second card's headline was a menu label another rule took: "Careers") only beyond the
    body, or in a run with ``teaser_min_cards`` cards of real headlines: an article's closing
    short paragraphs between "Advertisement" and "Share this article" lines are no cards. An
    article's sections run longer than one short blurb each, and a question over its answer (an
    FAQ) is not a headline."""
    n_cards = int(cfg["teaser_min_cards"])
    if n_cards < 1:
        return []
    h_max, b_min, b_max = (int(cfg[k]) for k in ("teaser_headline_max_words", "teaser_blurb_min_words",
                                                   "teaser_blurb_max_words"))
    symbols: list[str] = []
    lines: list[int | None] = []
    for i in idx:
        t, n = texts[i].strip(), words[i]
        if b_min <= n <= b_max and _SENTENCE_STOP.search(t):
            sym = "b"
        elif 0 < n <= h_max and not _HEADLINE_END.search(t):
            sym = "h"
        else:
            sym = "x"
        if sym == "b" and symbols and symbols[-1] == "b" and lines[-1] is not None and i > lines[-1] + 1:
            symbols.append("g")   # a card whose headline another rule removed ("Careers" as a menu label)
            lines.append(None)
        symbols.append(sym)
        lines.append(i)
    card = f"(?:h{{1,{int(cfg['teaser_headlines_per_card'])}}}|g)b"
    runs: list[list[int]] = []
    for m in re.finditer(f"(?:{card}){{{n_cards},}}", "".join(symbols)):
        found = m.group()
        gap_blurbs = [lines[k + 1] for k in range(m.start(), m.end()) if symbols[k] == "g"]
        # a removed gap is a headline beyond the body, or beside enough cards of real headlines
        if found.count("b") - found.count("g") >= n_cards or not any(i in body for i in gap_blurbs):
            runs.append([i for i in lines[m.start():m.end()] if i is not None])
        # (otherwise fewer than teaser_min_cards real cards: no run of them alone either)
    return runs


def _edge_teasers(runs: list[list[int]], idx: list[int], body: set[int], words: dict[int, int],
                  prose: dict[int, bool], cfg: dict[str, Any]) -> set[int]:
    """The teaser runs that tease other pages: outside the body, or at its head or its tail (less
    than ``teaser_edge_words`` words of the body's own prose beyond them), beside a body of at least
    ``teaser_core_words`` words of prose of its own. Cards inside the body (an article's short
    sections, a product's features), cards that run straight into the body's prose (its head)
    and the cards of a page that is all cards stay."""
    teasing = {i for run in runs for i in run}
    upto = {}   # words of the body's own prose up to and including each line
    total = 0
    for i in idx:
        total += words[i] if i in body and prose[i] and i not in teasing else 0
        upto[i] = total
    core, edge = int(cfg["teaser_core_words"]), int(cfg["teaser_edge_words"])
    following = dict(zip(idx, idx[1:]))
    out: set[int] = set()
    for run in runs:
        before, after = upto[run[0]], total - upto[run[-1]]
        nxt = following.get(run[-1])
        # cards that run straight into the body's prose are its head (headline, standfirst,
        # byline, lead paragraph): teasers above an article end before its own title
        into_body = nxt is not None and nxt in body and prose[nxt]
        if (before < edge and after >= core and not into_body) or (after < edge and before >= core):
            out.update(run)
    return out




_NUMBERED = re.compile(r"^\s*(\d{1,2})[.)]\s+(\S.*?)\s*$")


def breadcrumbs(texts: list[str], idx: list[int], words: dict[int, int], prose: dict[int, bool],
                labels: list[tuple[str, str]], cfg: dict[str, Any]) -> None:
    """Label the breadcrumb trails (see the module's docstring): runs numbered 1, 2, ... of two to
    ``breadcrumb_max_items`` entries of at most ``breadcrumb_max_words`` words, none ending like a
    sentence. Only the body rules' decisions are replaced."""
    n_max, w_max = int(cfg["breadcrumb_max_items"]), int(cfg["breadcrumb_max_words"])
    if n_max < 2:
        return
    prose_before = False
    pos = 0
    while pos < len(idx):
        run: list[tuple[int, str]] = []
        while pos + len(run) < len(idx):
            m = _NUMBERED.match(texts[idx[pos + len(run)]])
            if not m or int(m.group(1)) != len(run) + 1 or words[idx[pos + len(run)]] > w_max \
                    or _SENTENCE_STOP.search(m.group(2)):
                break
            run.append((idx[pos + len(run)], m.group(2).casefold()))
        if not run:
            prose_before = prose_before or (prose[idx[pos]] and labels[idx[pos]][0] == "content")
            pos += 1
            continue
        nxt = texts[idx[pos + len(run)]].strip().casefold() if pos + len(run) < len(idx) else ""
        titled = bool(nxt) and nxt.startswith(run[-1][1])
        rooted = not prose_before and len(run[0][1].split()) <= 2
        if 2 <= len(run) <= n_max and (titled or rooted):
            for i, _ in run:
                if kind_of(labels[i][1]) == "text":
                    labels[i] = ("boilerplate", BREADCRUMB)
        pos += len(run)
