"""Text-dump rules for the strip stage: find the main text body of a page saved as plain text.

A plain-text dump keeps a page's menus, banners and footers as lines. In the manner of
body-text extraction (Finn et al.) and jusText, each line is scored: a line that reads like
prose (long enough, with stopwords or sentence punctuation) counts for its words beyond a
small allowance (so that the one-line blurbs of a menu do not outweigh a page's paragraphs),
any other line against; the best-scoring run of lines is the main body (``strip.text.main_body``).
Inside it, short lines (headings, list items, labels) stay unless they are repeated page
furniture; outside it only prose lines stay (``strip.text.prose_line``); the rest is
``strip.text.outside_body``. Lines repeated several times in one page (per-post labels,
buttons) are ``strip.text.repeated_line``; a run of short lines that occurs twice in a page
(the header menu again in the footer, a mobile and a desktop menu) is ``strip.text.repeated_run``.
A line of menu links run together (``a | b | c``, glued ``TermsPrivacyCookies`` when the
dump lost the spaces, or a long run of capitalised entries with no sentence in it) is
``strip.text.link_like_line``; inside the body a list item that reads as a phrase
(``strip.text.body_list_item``) and a table row (``strip.text.body_table_row``) stay; what
follows a copyright notice near the end of the page is its footer
(``strip.text.after_copyright``); a short line in the paragraph of
a prose line stays only when it continues that line (``paragraph_attach: wrapped``): a menu line
printed right after a finished sentence is not part of the text.

Teaser cards, related-content sections and product grids are ``text_sections.py``'s; listings
and specification tables ``text_records.py``'s.

Each line's features are computed once: the stage stays linear in the size of the page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ...text import sentences, words
from ...rules import declare
from . import text_blocks, text_lists, text_records, text_residue, text_sections, text_wrap

# the rules this module applies: declared once here, used through these constants
_BODY_PARAMS = ["text.enabled", "text.min_words", "text.mid_words", "text.long_words", "text.min_stopword_share", "text.stopwords"]   # what every body rule reads
TEXT_PROSE_LINE = declare("strip.text.prose_line", stage="strip", kind="text",
        why="a line of running text outside the chosen body still reads as prose (not a bulleted entry of a menu or links list)",
        params=[*_BODY_PARAMS, "text.outside_min_words", "text.after_body_min_words"])
TEXT_MAIN_BODY = declare("strip.text.main_body", stage="strip", kind="text",
        why="the best-scoring run of prose lines is the page's main text",
        params=[*_BODY_PARAMS, "text.line_penalty", "text.word_penalty", "text.prose_allowance", "text.wrap_min_chars",
                "text.wrap_max_chars"])
TEXT_OUTSIDE_BODY = declare("strip.text.outside_body", stage="strip", kind="text",
        why="a line outside the main body is page furniture", params=_BODY_PARAMS)
TEXT_ATTACHED_LINE = declare("strip.text.attached_line", stage="strip", kind="text",
        why="a short line next to prose (its heading, a wrapped line, a signature) belongs to the body",
        params=["text.heading_reach", "text.max_gap", "text.edge_min_words", "text.paragraph_attach"])
TEXT_DETACHED_LINE = declare("strip.text.detached_line", stage="strip", kind="text",
        why="a short line inside the body that no prose line claims is furniture",
        params=["text.max_gap", "text.paragraph_attach"])
BODY_LIST_ITEM = declare("strip.text.body_list_item", stage="strip", kind="text",
        why="a list item inside the body that reads as a phrase (sentence case, several words) is its text;"
            " menu entries are one or two capitalised words",
        params=["text.list_item_min_words", "text.list_item_min_lower_share"])
BODY_TABLE_ROW = declare("strip.text.body_table_row", stage="strip", kind="text",
        why="a row of a table (cells set apart by runs of spaces) inside the body is its text",
        params=["text.table_row_min_cells"])
TEXT_REPEATED_LINE = declare("strip.text.repeated_line", stage="strip", kind="text",
        why="a short line repeated in one page is furniture (a menu entry, a label)",
        params=["text.repeated_max_words", "text.repeated_min_count"])
TEXT_REPEATED_RUN = declare("strip.text.repeated_run", stage="strip", kind="text",
        why="a run of short lines printed twice in a page is a menu",
        params=["text.repeated_run_min_lines", "text.repeated_run_max_words"])
TEXT_LINK_LIKE_LINE = declare("strip.text.link_like_line", stage="strip", kind="text",
        why="menu links run together (' | ' separators, glued links, a long run of capitalised entries) are a menu",
        params=["text.link_like_separators", "text.link_like_glued", "text.menu_line_min_words",
                "text.menu_line_min_capitalised", "text.menu_line_long_words", "text.menu_line_long_capitalised",
                "text.menu_line_long_comma_share"])
TEXT_AFTER_COPYRIGHT = declare("strip.text.after_copyright", stage="strip", kind="text",
        why="what follows a copyright notice near the page's end is its footer (unless the body's prose goes on after it)",
        params=["text.footer_zone_share", "text.footer_prose_after_words"])

COUNTER_LINE = declare("strip.text.counter_line", stage="strip", kind="text",
                       why="a line that only counts something ('828 Views', '5 Posts', '1 Like') or holds no word at all"
                           " ('#4', an avatar's initial) is a post's or a card's chrome", params=["text.counter_line"])
DUPLICATE_LINE = declare("strip.text.duplicate_line", stage="strip", kind="text",
                         why="a line of several words printed again in the page is a copy (a second menu, a repeated form):"
                             " the first copy decides, the others go", params=["text.duplicate_min_words", "text.quoted_copy_cue"])
_WORDS = words.LETTERS_ELIDED
_SENTENCE = sentences.CLAUSE_STOP
_SHORT_SENTENCE = re.compile(r"^\s*[\"'“‘(]?[A-Z][^.!?]*[a-z][.!?][\"'”’)]*\s*$")
_SENTENCE_STOP = sentences.ENDS_WITH_CLAUSE_STOP
# a line of dialogue: an utterance opened by a quotation mark or a dash, closed by sentence punctuation
_DIALOGUE = re.compile(r"^\s*([\"“„«‘']|[—―–]\s?)\s*\w.*?[.!?…,;—–-][\"”“»’']?")
# a whole sentence on its own line: capital first, a full stop last ("It was empty."); not a
# question, which on web pages is mostly a call ("New here?", "Need help?")
_WHOLE_SENTENCE = re.compile(r"^\s*[\"'“‘(]?[A-Z].*[\w\"”’)][.!…][\"'”’)]*\s*$")
_BULLET = text_lists.BULLET


@dataclass(frozen=True)
class Line:
    """What the rules need to know about one line, computed once."""
    words: int
    stopword_share: float
    punct: bool


def line_features(text: str, stopwords: frozenset[str], share_below: int | None = None) -> tuple[int, float, bool]:
    """(words, stopword share, has sentence punctuation) of one line; the share is only
    counted for lines shorter than ``share_below`` words (a long line is prose anyway)."""
    ws = _WORDS.findall(text.casefold())
    n = len(ws)
    sw = 0.0
    if n and (share_below is None or n < share_below):
        sw = sum(1 for w in ws if w in stopwords) / n
    return n, sw, _SENTENCE.search(text) is not None


def _prose(f: Line, cfg: dict[str, Any]) -> bool:
    if f.words >= int(cfg["long_words"]):
        return True
    if f.words < int(cfg["min_words"]):
        return False
    return f.punct and (f.stopword_share >= float(cfg["min_stopword_share"])
                        or f.words >= int(cfg["mid_words"]))


def is_prose(text: str, stopwords: frozenset[str], cfg: dict[str, Any]) -> bool:
    return _prose(Line(*line_features(text, stopwords)), cfg)


def _best_run(scores: list[float]) -> tuple[int, int]:
    """The run of consecutive lines with the highest total score (Kadane), as [start, end)."""
    best, best_span = 0.0, (0, 0)
    cur, start = 0.0, 0
    for i, s in enumerate(scores):
        if cur <= 0:
            cur, start = 0.0, i
        cur += s
        if cur > best:
            best, best_span = cur, (start, i + 1)
    return best_span


def apply(blocks: list[dict[str, Any]], texts: list[str], labels: list[tuple[str, str]], cfg: dict[str, Any],
          notice_rules: frozenset[str]) -> None:
    """The structure decisions of a text dump over the blocks the pattern rules left as content;
    ``notice_rules``: the labels of the rules that keep a notice (copyright lines and their holders)."""
    if not cfg["enabled"]:
        return
    stop = frozenset(w.casefold() for w in cfg["stopwords"])
    idx = [i for i, (lab, _) in enumerate(labels) if lab == "content"]
    if not idx:
        return
    long_words = int(cfg["long_words"])
    feats = {i: Line(*line_features(texts[i], stop, long_words)) for i in idx}
    prose = {i: _prose(feats[i], cfg) for i in idx}
    prose.update(dict.fromkeys(_wrapped_prose(blocks, texts, idx, stop, cfg), True))
    # a long line of capitalised menu entries with no sentence in it is a menu, not prose
    menu_lines = {i for i in idx if prose[i] and _run_on_menu(texts[i], cfg)}
    prose.update((i, False) for i in menu_lines)
    # lines repeated in the page: buttons, per-post labels ("Reply", "Join Date: ...")
    rep_max = int(cfg["repeated_max_words"])
    rep_min = int(cfg["repeated_min_count"])
    keys = {i: texts[i].strip().casefold() for i in idx}
    counts = Counter(keys.values())
    penalty = float(cfg["line_penalty"])
    per_word = float(cfg["word_penalty"])
    allowance = float(cfg["prose_allowance"])
    # sentences and dialogue on lines of their own (fiction, interviews) belong to the text:
    # they count for the body (by ``sentence_line_weight`` per word) and stay inside it
    weight = float(cfg["sentence_line_weight"])
    sentence = {i: not prose[i] and feats[i].words >= 2 and bool(_DIALOGUE.match(texts[i]) or _WHOLE_SENTENCE.match(texts[i]))
                for i in idx}
    # a table's rows (cells set apart by runs of spaces) are neutral too: a price or spec table
    # inside the text does not cut the body in two
    row_weight = float(cfg["table_row_weight"])
    rows = {i for i in idx if not prose[i] and not sentence[i] and row_weight >= 0 and _table_row(texts[i], cfg)}
    scores = [feats[i].words - allowance if prose[i] else weight * feats[i].words if sentence[i]
              else row_weight * feats[i].words if i in rows
              else -(penalty + per_word * feats[i].words) for i in idx]
    s0, s1 = _best_run(scores)
    end = s1
    while s0 < end < len(idx) and sentence[idx[end]]:
        end += 1
    if end == len(idx):  # the body ends in short sentences that close the document: "It was empty."
        s1 = end
    body = set(idx[s0:s1])
    attached = _attached(blocks, texts, idx, prose, feats, int(cfg["heading_reach"]), int(cfg["max_gap"]),
                        str(cfg["paragraph_attach"]))
    attached.update(i for i in idx if sentence[i])
    if s1 > s0:  # a title or closing heading right at the edge of the body
        edge_words = int(cfg["edge_min_words"])
        closing = [j for j in idx[s1:s1 + 1] if not _capitalised_run(texts[j])]
        for run in (idx[max(0, s0 - 2):s0], closing):  # title (and date or byline) / closing heading
            if run and not any(_BULLET.match(texts[j]) for j in run) \
                    and any(feats[j].words >= edge_words for j in run):
                body.update(run)
                attached.update(run)
    n_words = {i: feats[i].words for i in idx}
    last_pos = s1 if s1 < len(idx) and idx[s1] in body else s1 - 1
    list_tail = set(text_lists.tail(texts, idx, last_pos, n_words, cfg)) if s1 > s0 else set()
    run_max = int(cfg["repeated_run_max_words"])
    runs = _repeated_runs(idx, keys, prose, {i for i in idx if 0 < run_max < feats[i].words},
                          int(cfg["repeated_run_min_lines"]))
    footer_from = _footer_start(labels, notice_rules, cfg, [feats[i].words if i in body and prose[i] else 0 for i in range(len(labels))])
    copies = _later_copies(texts, idx, feats, keys, counts, cfg)
    # below the body, a short prose line is mostly furniture (a call to action, a legal line, a
    # teaser); a line of dialogue is a story's
    body_end = idx[s1 - 1] if s1 > s0 else len(labels)
    after_min = int(cfg["after_body_min_words"])
    counter = re.compile(cfg["counter_line"]) if cfg["counter_line"] else None
    own_blocks = text_blocks.runs(texts, idx, body, prose, n_words, cfg)
    for i in idx:
        if i in copies:
            labels[i] = ("boilerplate", DUPLICATE_LINE)
        elif not prose[i] and feats[i].words <= rep_max and counts[keys[i]] >= rep_min:
            labels[i] = ("boilerplate", TEXT_REPEATED_LINE)
        elif i in runs:
            labels[i] = ("boilerplate", TEXT_REPEATED_RUN)
        elif i > footer_from:
            labels[i] = ("boilerplate", TEXT_AFTER_COPYRIGHT)
        elif i in menu_lines or _link_like(texts[i], cfg, prose[i]):
            labels[i] = ("boilerplate", TEXT_LINK_LIKE_LINE)
        elif counter and not prose[i] and feats[i].words <= 4 and counter.match(texts[i].strip()):
            labels[i] = ("boilerplate", COUNTER_LINE)
        elif i in list_tail:
            labels[i] = ("content", text_lists.LIST_TAIL)
        elif i in own_blocks:
            labels[i] = ("content", own_blocks[i])
        elif i in body and (prose[i] or i in attached):
            labels[i] = ("content", TEXT_MAIN_BODY if prose[i] else TEXT_ATTACHED_LINE)
        elif i in body and _phrase_item(texts[i], cfg):
            labels[i] = ("content", BODY_LIST_ITEM)
        elif i in body and _table_row(texts[i], cfg):
            labels[i] = ("content", BODY_TABLE_ROW)
        elif i in body:
            labels[i] = ("boilerplate", TEXT_DETACHED_LINE)
        elif prose[i] and feats[i].words >= int(cfg["outside_min_words"]) and not _outside_item(texts[i]) \
                and (i < body_end or feats[i].words >= after_min or _DIALOGUE.match(texts[i])):
            labels[i] = ("content", TEXT_PROSE_LINE)
        else:
            labels[i] = ("boilerplate", TEXT_OUTSIDE_BODY)
    text_sections.records(texts, idx, n_words, prose, labels, _BODY_DECISIONS | {TEXT_REPEATED_LINE, TEXT_REPEATED_RUN, DUPLICATE_LINE}, cfg)
    text_records.pattern_lists(texts, idx, n_words, prose, labels, _BODY_DECISIONS | {TEXT_REPEATED_LINE, DUPLICATE_LINE}, cfg)
    text_records.field_runs(texts, idx, labels, _BODY_DECISIONS | {TEXT_REPEATED_LINE, TEXT_REPEATED_RUN, DUPLICATE_LINE}, cfg)
    text_sections.teasers(texts, idx, n_words, prose, body, labels, _BODY_DECISIONS, cfg)
    text_blocks.title_runs(texts, idx, labels, frozenset({TEXT_MAIN_BODY, TEXT_ATTACHED_LINE, TEXT_PROSE_LINE}),
                           TEXT_MAIN_BODY, cfg)
    text_sections.related_section(texts, n_words, prose, labels, cfg)
    text_sections.author_box(texts, n_words, prose, labels, cfg)
    text_sections.breadcrumbs(texts, idx, n_words, prose, labels, cfg)
    text_residue.comment_section(texts, idx, n_words, prose, labels, cfg)


def _outside_item(text: str) -> bool:
    """A bulleted or numbered line outside the body is an entry of a menu, a list of links or a
    carousel ("* Ergonomic Chair Buying Guide: How to Choose ..."), not running text; a line of
    dialogue opened by a dash is a story's."""
    return bool(_BULLET.match(text)) and not _DIALOGUE.match(text)


def _capitalised_run(text: str) -> bool:
    """Eight words or more, nearly all capitalised: footer links run together ("Privacy Policy
    Cookie Notice Terms of Use ..."), not the heading of a section after the body."""
    ws = _WORDS.findall(text)
    return len(ws) >= 8 and sum(1 for w in ws if w[0].isupper()) >= 0.8 * len(ws)


def _later_copies(texts: list[str], idx: list[int], feats: dict[int, Line], keys: dict[int, str],
                  counts: Counter[str], cfg: dict[str, Any]) -> set[int]:
    """Lines of at least ``duplicate_min_words`` words printed earlier in the page: a second menu,
    a repeated form or signature. A copy that a forum post quotes ("NAME wrote:" on the line
    before, ``quoted_copy_cue``) is the quotation, not furniture: copies right after the cue stay;
    so does a line repeated right after itself (a refrain, a repeated paragraph)."""
    dup_min = int(cfg["duplicate_min_words"])
    if not dup_min:
        return set()
    cue = re.compile(cfg["quoted_copy_cue"]) if cfg["quoted_copy_cue"] else None
    seen: set[str] = set()
    out: set[int] = set()
    quoting = False
    prev = None
    for i in idx:
        copy = feats[i].words >= dup_min and counts[keys[i]] > 1 and keys[i] in seen
        if copy and not quoting and keys[i] != prev:  # the same line again right after itself: a refrain
            out.add(i)
        prev = keys[i]
        quoting = (quoting and copy) or bool(cue and cue.search(texts[i]))
        if feats[i].words >= dup_min and counts[keys[i]] > 1:
            seen.add(keys[i])
    return out


# the decisions of the body rules, which the section rules (text_sections.py) may replace
_BODY_DECISIONS = frozenset({TEXT_MAIN_BODY, TEXT_ATTACHED_LINE, TEXT_DETACHED_LINE, TEXT_PROSE_LINE, TEXT_OUTSIDE_BODY,
                             BODY_LIST_ITEM, BODY_TABLE_ROW, text_lists.LIST_TAIL, text_blocks.BODY_CODE,
                             text_blocks.QUANTITY_LIST})
_WORD3 = words.letters_at_least(3)
_CELL_GAP = re.compile(r"\S {2,}(?=\S)")


def _phrase_item(text: str, cfg: dict[str, Any]) -> bool:
    """A bulleted or numbered item that reads as a phrase (``text_lists.bulleted_phrase``) by the
    body's own ``list_item_*`` parameters."""
    return text_lists.bulleted_phrase(text, int(cfg["list_item_min_words"]), float(cfg["list_item_min_lower_share"]))


def _table_row(text: str, cfg: dict[str, Any]) -> bool:
    """A row of a table as a text dump lays it out: cells set apart by two spaces or more, with a
    word of three letters among them (a calendar's "S  M  T  W" is a widget, not a table)."""
    n = int(cfg["table_row_min_cells"])
    return n > 1 and len(_CELL_GAP.findall(text.strip())) >= n - 1 and _WORD3.search(text) is not None


_SEPARATOR = re.compile(r"\s[|•·]\s")
_GLUED = re.compile(r"[a-z][A-Z][a-z]")
_FIELD = re.compile(r"^\s*[^\W\d_][^:|•·]{0,40}:\s+\S")   # "RAM: 16GB", "Works with: iPhone"
_CODE_MARK = re.compile(r"[(){}=;]")   # identifiers glued in code are not links run together


def _link_like(text: str, cfg: dict[str, Any], prose: bool) -> bool:
    """A line of menu entries run together: entries separated by bars or bullets, or glued
    (the dump lost the space between two links: "Terms of UseService AgreementPrivacy").
    Entries that are fields ("CPU: ... | RAM: ...") are a specification, and a line with code
    marks glues identifiers, not links."""
    n_sep = int(cfg["link_like_separators"])
    n_glued = int(cfg["link_like_glued"])
    if n_sep > 0 and len(_SEPARATOR.findall(text)) >= n_sep:
        parts = _SEPARATOR.split(text)
        return sum(1 for p in parts if _FIELD.match(p)) * 2 < len(parts)
    return n_glued > 0 and not prose and not _CODE_MARK.search(text) and len(_GLUED.findall(text)) >= n_glued


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(\s|$|[A-Z])")   # glued ("collection.Discover") too


def _run_on_menu(text: str, cfg: dict[str, Any]) -> bool:
    """Menu entries run together into one long line ("Board of directors Chief Executive Officer
    (CEO) Chief Financial Officer ..."): at least ``menu_line_min_words`` words, at least
    ``menu_line_min_capitalised`` of them capitalised, not one sentence end among them and at
    most one comma (a product's long name lists its features with commas); or at least
    ``menu_line_long_words`` words, ``menu_line_long_capitalised`` of them capitalised, with at most
    ``menu_line_long_comma_share`` commas per word (a list of names, which commas separate, is text)."""
    n_min = int(cfg["menu_line_min_words"])
    if n_min <= 0:
        return False
    ws = _WORDS.findall(text)
    caps = sum(1 for w in ws if w[0].isupper())
    # a very long line of nearly all capitalised entries is a list of options (a form's country
    # menu, a shop's departments) even with a stray full stop ("St. Lucia") or a few commas in it
    n_long = int(cfg["menu_line_long_words"])
    if n_long and len(ws) >= n_long and caps >= float(cfg["menu_line_long_capitalised"]) * len(ws) \
            and text.count(",") <= float(cfg["menu_line_long_comma_share"]) * len(ws):
        return True
    if text.count(",") > 1 or _SENTENCE_END.search(text):
        return False
    return len(ws) >= n_min and caps >= float(cfg["menu_line_min_capitalised"]) * len(ws)


def _footer_start(labels: list[tuple[str, str]], notice_rules: frozenset[str], cfg: dict[str, Any],
                  body_prose: list[int]) -> int:
    """The index of the last copyright notice when it lies in the last ``footer_zone_share`` of
    the page: what follows it is the page's footer (legal links, cookie dialogs). A notice right after
    a prose paragraph of the body (the block before it) that the body's prose goes on after (``footer_prose_after_words`` of
    it) closes a passage inside the page (an article reproduced with its notice), not the page."""
    share = float(cfg["footer_zone_share"])
    n = len(labels)
    if share <= 0:
        return n
    for i in range(n - 1, -1, -1):
        if labels[i][1] in notice_rules:
            after = int(cfg["footer_prose_after_words"])
            if after and i and body_prose[i - 1] and sum(body_prose[i + 1:]) >= after:
                return n
            return i if i >= n * (1 - share) else n
    return n


def _repeated_runs(idx: list[int], keys: dict[int, str], prose: dict[int, bool], long: set[int],
                   min_lines: int) -> set[int]:
    """Short lines inside a run of at least ``min_lines`` consecutive short lines that occurs
    again, line for line, elsewhere in the page: a menu printed twice. A table of contents
    followed by its headings does not repeat as a run (prose separates the headings), and a run
    of mostly ``long`` lines (more than ``repeated_run_max_words`` words: a passage's list printed
    twice) is a copy, whose later copy ``duplicate_line`` takes, not a menu."""
    if min_lines < 2 or len(idx) < 2 * min_lines:
        return set()
    grams: dict[tuple[str, ...], list[int]] = {}
    for pos in range(len(idx) - min_lines + 1):
        window = idx[pos:pos + min_lines]
        if any(prose[j] or not keys[j] for j in window) or 2 * sum(1 for j in window if j in long) > len(window):
            continue
        grams.setdefault(tuple(keys[j] for j in window), []).append(pos)
    out: set[int] = set()
    for starts in grams.values():
        if len(starts) < 2 or starts[-1] - starts[0] < min_lines:  # overlapping copies are one run
            continue
        for pos in starts:
            out.update(idx[pos:pos + min_lines])
    return out


def _wrapped_prose(blocks: list[dict[str, Any]], texts: list[str], idx: list[int], stop: frozenset[str],
                   cfg: dict[str, Any]) -> list[int]:
    """The lines of hard-wrapped paragraphs (``text_wrap``) that read as one are a sentence of
    running text (punctuation, stopwords): each is prose."""
    out: list[int] = []
    for g in text_wrap.wrapped_runs(blocks, texts, idx, int(cfg["wrap_min_chars"]), int(cfg["wrap_max_chars"])):
        _, share, punct = line_features(" ".join(texts[i].strip() for i in g), stop)
        if punct and share >= float(cfg["min_stopword_share"]):
            out.extend(g)
    return out


def _wrapped_continuations(blocks: list[dict[str, Any]], texts: list[str], idx: list[int],
                           prose: dict[int, bool]) -> set[int]:
    """Lines that continue a hard-wrapped prose line of the same paragraph: the line before
    is prose (or such a continuation) and stops mid-sentence. A menu line after a finished
    sentence in the same paragraph is not taken along (``strip.text.detached_line``)."""
    out: set[int] = set()
    for prev, i in zip(idx, idx[1:]):
        if blocks[i]["para"] == blocks[prev]["para"] and (prose[prev] or prev in out) \
                and not _SENTENCE_STOP.search(texts[prev]):
            out.add(i)
    return out


def _attached(blocks: list[dict[str, Any]], texts: list[str], idx: list[int], prose: dict[int, bool],
              feats: dict[int, Line], reach: int, max_gap: int, paragraph_mode: str = "all") -> set[int]:
    """Short lines that belong to the text around them rather than to page furniture:
    lines of a paragraph that has a prose line (``paragraph_mode`` "all"; "wrapped": only the
    continuations of a hard-wrapped prose line; "none"), short sentences, a few lines between two
    prose lines (a signature, a date), headings just before prose, and list items introduced
    by a prose line ending with a colon."""
    if paragraph_mode == "wrapped":
        out = _wrapped_continuations(blocks, texts, idx, prose)
    elif paragraph_mode == "all":
        prose_paras = {blocks[i]["para"] for i in idx if prose[i]}
        out = {i for i in idx if blocks[i]["para"] in prose_paras}
    else:
        out = set()
    out |= {i for i in idx if not prose[i] and feats[i].words >= 4 and _SHORT_SENTENCE.search(texts[i])}
    last = None
    for pos, i in enumerate(idx):
        if prose[i]:
            # lines the block rules removed in between count too: a gap of furniture is not a signature
            if last is not None and 0 < pos - last - 1 and i - idx[last] - 1 <= max_gap:
                out.update(idx[last + 1:pos])
            last = pos
    for pos, i in enumerate(idx):
        if any(prose[j] for j in idx[pos + 1: pos + 1 + reach]):
            out.add(i)
    in_list = False
    for pos, i in enumerate(idx):
        if prose[i]:
            in_list = texts[i].rstrip().endswith(":")
        elif in_list:
            out.add(i)
    return out
