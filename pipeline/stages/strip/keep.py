"""Keep rules for the strip stage: short lines that structure rules would drop but that carry
attribution, so they are content ("Keep headings, reference lists and attribution lines").

- ``strip.keep.attribution_line``: a short line with a date right after a paragraph of running
  text: the outlet/date line under an excerpt ("(Daily Courier 02. 03.2019.)").
- ``strip.keep.signature``: a valediction ("Yours sincerely,"), the short lines of the
  signature block under it and the short closing sentences just above it.
- ``strip.keep.dateline``: a short line that is a date, just before running text.
- ``strip.keep.quote_cue``: a forum's "NAME said:" / "NAME wrote:" line over a quoted post, and
  the marker that ends the quoted post ("Click to expand..."): they say who is quoted.
- ``strip.keep.testimonial_name``: a short name line right after a kept paragraph that is one
  quotation ("Leonard Catalin", "— Maria K.", "9/10 – PlayZone"): it signs the quotation.
- ``strip.keep.interview_turn``: a line opening with an interview label ("Q:", "Answer:") right
  after a kept labelled turn: the last turns of an interview, which look like a page's tail.
- ``strip.keep.no_main_text``: where structure finds no main text in a short document, its decisions are void.
- ``strip.keep.reference_list``: a reference-list heading ("References", "Notes") and the
  numbered items under it, or a run of consecutively numbered items with a citation among them
  (quotations resolve their footnotes there).

They only overturn decisions of the structural rules (body detection, link density, trailing
fragments): a block removed by a pattern rule (a counter, a copyright notice) stays removed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ...text import sentences, words
from ...text.dates import mention_regex as _date_regex
from ...rules import declare

# the rules this module applies: declared once here, used through these constants
KEEP_ATTRIBUTION_LINE = declare("strip.keep.attribution_line", stage="strip",
        why="a short outlet/date line under an excerpt attributes it",
        params=["keep.enabled", "keep.attribution_max_words", "keep.prose_min_words", "keep.months"])
KEEP_DATELINE = declare("strip.keep.dateline", stage="strip",
        why="a date line just before running text dates a letter or article",
        params=["keep.dateline_max_words", "keep.months"])
KEEP_SIGNATURE = declare("strip.keep.signature", stage="strip",
        why="a letter's valediction, signature block and closing lines name its author",
        params=["keep.valedictions", "keep.signature_max_lines", "keep.signature_max_words", "keep.closing_max_lines"])
KEEP_REFERENCE_LIST = declare("strip.keep.reference_list", stage="strip",
        why="a numbered list of citations under a references heading is content",
        params=["keep.reference_headings", "keep.reference_min_items"])
KEEP_QUOTE_CUE = declare("strip.keep.quote_cue", stage="strip",
        why="a forum's 'NAME said:' over a quoted post, and the post, are content",
        params=["keep.quote_cue_pattern", "keep.quote_end_markers", "keep.quote_max_lines"])
KEEP_TESTIMONIAL_NAME = declare("strip.keep.testimonial_name", stage="strip",
        why="a short name line right after a kept paragraph that is one quotation signs it",
        params=["keep.testimonial_name_pattern", "keep.signed_by_pattern", "keep.testimonial_name_min_words", "keep.signature_max_words", "keep.quote_open_marks", "keep.quote_close_marks"])
KEEP_INTERVIEW_TURN = declare("strip.keep.interview_turn", stage="strip",
        why="a labelled interview turn right after a kept labelled turn continues the interview",
        params=["keep.interview_turn_pattern"])
KEEP_QUOTED_POST = declare("strip.keep.quoted_post", stage="strip",
        why="a forum reply quoting a post under its software's header ('Originally Posted by NAME', 'NAME wrote: "
            "↑date') is a post of the thread: the header, the excerpt under it and the reply after it",
        params=["keep.quoted_post_patterns", "keep.quoted_post_label_pattern"])
KEEP_POST_HEADER = declare("strip.keep.post_header", stage="strip",
        why="a forum post's own header ('Posted by u/NAME') just above a kept line names the post's author",
        params=["keep.post_header_pattern"])
KEEP_INTERVIEW_CREDIT = declare("strip.keep.interview_credit", stage="strip",
        why="a credit line ('Interview by NAME') right after an interview's last kept turn, or above its first "
            "(under the headline, the introduction between), names the asker",
        params=["keep.interview_credit_pattern", "keep.interview_turn_pattern"])
KEEP_LETTER_SIGNATURE = declare("strip.keep.letter_signature", stage="strip",
        why="the name lines right under a letter opened by a salutation ('Sir, —', 'To the Editor:') sign it",
        params=["keep.salutation_pattern", "keep.salutation_max_paragraphs", "keep.signature_max_lines",
                "keep.signature_max_words"])
KEEP_ARTICLE_HEADER = declare("strip.keep.article_header", stage="strip",
        why="a headline over its byline (and dateline) right above kept running text heads the article and names"
            " its author", params=["keep.byline_patterns", "keep.article_header_max_lines", "keep.headline_max_words",
                                   "keep.prose_min_words", "keep.months"])
KEEP_NO_MAIN_TEXT = declare("strip.keep.no_main_text", stage="strip",
        why="a short document that structure alone would empty keeps what only structure removed",
        params=["keep.no_main_text_max_blocks"])
from .text_dump import DUPLICATE_LINE

_ITEM = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)]?|\^|[-*•])\s+\S")
_CITATION = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b|\bISBN\b|\bpp?\.\s*\d|\b\d+\.\d+\s+\d+\.\d+\b|https?://|\bretrieved\b", re.I)


def apply(blocks: list[dict[str, Any]], texts: list[str], labels: list[tuple[str, str]],
          pattern_rules: set[str], cfg: dict[str, Any]) -> None:
    if not cfg["enabled"]:
        return
    date = _date_regex(tuple(cfg["months"]))
    max_words = int(cfg["attribution_max_words"])
    prose_words = int(cfg["prose_min_words"])
    valedictions = {v.casefold() for v in cfg["valedictions"]}
    sig_lines = int(cfg["signature_max_lines"])
    sig_words = int(cfg["signature_max_words"])

    def structural(i: int) -> bool:
        lab, rule = labels[i]
        return lab == "boilerplate" and rule not in pattern_rules

    if not any(lab == "content" for lab, _ in labels) and len(labels) <= int(cfg["no_main_text_max_blocks"]):
        # Structure found no main text in a short document (a note, a page of a few lines): there
        # is too little structure to tell content from furniture by; only the pattern rules stand.
        for i in range(len(labels)):
            if structural(i):
                labels[i] = ("content", KEEP_NO_MAIN_TEXT)
        return
    date_words = int(cfg["dateline_max_words"])
    closing = int(cfg["closing_max_lines"])
    for i in _article_headers(texts, labels, structural, prose_words, cfg):
        labels[i] = ("content", KEEP_ARTICLE_HEADER)
    for i in sorted(_reference_lists(texts, cfg["reference_headings"], int(cfg["reference_min_items"]))):
        if structural(i):
            labels[i] = ("content", KEEP_REFERENCE_LIST)
    cue = _pattern(cfg, "quote_cue_pattern")
    end_markers = {m.casefold() for m in cfg["quote_end_markers"]}
    turn = _pattern(cfg, "interview_turn_pattern")
    signed = _pattern(cfg, "testimonial_name_pattern")
    sig_min = int(cfg["testimonial_name_min_words"])   # one bare word ("Headquarters") signs nothing
    posts = [re.compile(p) for p in cfg["quoted_post_patterns"]]
    post_label = _pattern(cfg, "quoted_post_label_pattern")
    post_header = _pattern(cfg, "post_header_pattern")
    signed_by = _pattern(cfg, "signed_by_pattern")
    salutation = _pattern(cfg, "salutation_pattern")
    credit = _pattern(cfg, "interview_credit_pattern")
    for i, text in enumerate(texts):
        t = text.strip()
        if not t:
            continue
        cue_kept = bool(cue and cue.match(t) and i + 1 < len(texts)
                        and (labels[i + 1][0] == "content" or labels[i + 1][1] == DUPLICATE_LINE))
        if structural(i) and not cue_kept and any(p.match(t) for p in posts):   # quote_cue's own case stays its
            for j in _quoted_post(blocks, texts, i, post_label):
                if structural(j):
                    labels[j] = ("content", KEEP_QUOTED_POST)
            continue
        if turn and structural(i) and turn.match(t) and _after_turn(texts, labels, i, turn):
            labels[i] = ("content", KEEP_INTERVIEW_TURN)
            continue
        if credit and turn and structural(i) and credit.match(t) and (_after_turn(texts, labels, i, turn)
                                                                     or _before_turn(texts, labels, i, turn)):
            labels[i] = ("content", KEEP_INTERVIEW_CREDIT)
            continue
        if signed and structural(i) and sig_min <= len(t.split()) and words.count_spaced(t) <= sig_words \
                and (signed.match(t) or signed_by and signed_by.match(t)) \
                and _after_quotation(texts, labels, i, cfg["quote_open_marks"], cfg["quote_close_marks"]):
            labels[i] = ("content", KEEP_TESTIMONIAL_NAME)
            continue
        if salutation and labels[i][0] == "content" and salutation.match(t):
            inline = bool(t[salutation.match(t).end():].strip())   # "Sir, — The proposal ...": the body on its line
            for j in _letter_signature(blocks, texts, labels, i, int(cfg["salutation_max_paragraphs"]), sig_lines, sig_words,
                                       inline):
                if structural(j):
                    labels[j] = ("content", KEEP_LETTER_SIGNATURE)
        if post_header and structural(i) and post_header.match(t) and _post_follows(texts, labels, i):
            labels[i] = ("content", KEEP_POST_HEADER)
            continue
        if cue_kept:
            if structural(i):
                labels[i] = ("content", KEEP_QUOTE_CUE)
            quoted = []  # a quoted post repeats the post it quotes: the copy stays for the quotation stage
            for j in range(i + 1, min(len(texts), i + 1 + int(cfg["quote_max_lines"]))):
                if texts[j].strip().casefold() in end_markers:
                    if structural(j):
                        labels[j] = ("content", KEEP_QUOTE_CUE)
                    for q in quoted:
                        labels[q] = ("content", KEEP_QUOTE_CUE)
                    break
                if labels[j][1] == DUPLICATE_LINE:
                    quoted.append(j)
        if structural(i):  # words counted only for the lines these rules may keep
            n = words.count_spaced(t)
            if n <= max_words and date.search(t) and _after_prose(texts, labels, i, prose_words):
                labels[i] = ("content", KEEP_ATTRIBUTION_LINE)
            elif n <= date_words and _is_date_line(t, date) and _before_prose(texts, labels, i, prose_words):
                labels[i] = ("content", KEEP_DATELINE)
        if t.rstrip(",").casefold() in valedictions:
            if structural(i):
                labels[i] = ("content", KEEP_SIGNATURE)
            para = blocks[i]["para"]
            for j in range(i + 1, min(len(texts), i + 1 + sig_lines)):
                if blocks[j]["para"] != para or words.count_spaced(texts[j]) > sig_words:
                    break
                if structural(j):
                    labels[j] = ("content", KEEP_SIGNATURE)
            for j in range(i - 1, max(-1, i - 1 - closing), -1):  # closing sentences above it
                if labels[j][0] == "content" or not structural(j) or not _SENTENCE.search(texts[j].strip()):
                    break
                labels[j] = ("content", KEEP_SIGNATURE)


_SENTENCE = sentences.CAPITALISED


def is_date_line(text: str, cfg: dict[str, Any]) -> bool:
    """For other rules: is this line a date (with the month names of the keep config)?"""
    return _is_date_line(text.strip(), _date_regex(tuple(cfg["months"])))


def _is_date_line(text: str, date: re.Pattern[str]) -> bool:
    """A line that is a date and little else ("March 23, 1997", "Published: 5 March 1992")."""
    m = date.search(text)
    return bool(m) and len(text) - len(m.group(0)) <= 14


def _before_prose(texts: list[str], labels: list[tuple[str, str]], i: int, min_words: int) -> bool:
    for j in range(i + 1, min(len(texts), i + 3)):
        t = texts[j].strip()
        if t and labels[j][0] == "content" and words.count_spaced(t) >= min_words:
            return True
    return False


def _reference_lists(texts: list[str], headings: list[str], min_items: int) -> set[int]:
    names = {h.casefold() for h in headings}
    out: set[int] = set()
    i = 0
    while i < len(texts):
        items = _items_from(texts, i + 1) if texts[i].strip().rstrip(":").casefold() in names else []
        if items:
            out.add(i)
            out.update(items)
            i = items[-1] + 1
            continue
        run = _numbered_run(texts, i)
        if len(run) >= min_items and any(_CITATION.search(texts[j]) for j in run):
            out.update(run)
            i = run[-1] + 1
            continue
        i += 1
    return out


def _items_from(texts: list[str], start: int) -> list[int]:
    items = []
    for j in range(start, len(texts)):
        if not texts[j].strip():
            continue
        if not _ITEM.match(texts[j]):
            break
        items.append(j)
    return items


def _numbered_run(texts: list[str], start: int) -> list[int]:
    """Consecutive lines numbered n, n+1, n+2 ... from ``start``."""
    run: list[int] = []
    expected = None
    for j in range(start, len(texts)):
        m = _ITEM.match(texts[j])
        num = m and (m.group(1) or m.group(2))
        if not num or (expected is not None and int(num) != expected):
            break
        run.append(j)
        expected = int(num) + 1
    return run


def _after_prose(texts: list[str], labels: list[tuple[str, str]], i: int, min_words: int) -> bool:
    """The nearest earlier non-empty line is running text that was kept (or is itself kept)."""
    for j in range(i - 1, max(-1, i - 3), -1):
        t = texts[j].strip()
        if not t:
            continue
        return labels[j][0] == "content" and words.count_spaced(t) >= min_words
    return False


def _pattern(cfg: dict[str, Any], key: str) -> re.Pattern[str] | None:
    """The config pattern ``key`` compiled, or None when it is empty: an empty pattern turns its rule off."""
    return re.compile(cfg[key]) if cfg[key] else None


_WORD_CHAR = re.compile(r"\w")   # a line with no word in it (a signature's rule) ends a reply

def _quoted_post(blocks: list[dict[str, Any]], texts: list[str], i: int, label: re.Pattern[str] | None) -> list[int]:
    """The lines of a quoted post headed at line i: the software's label line just above the header,
    the header, the excerpt (the rest of its paragraph) and the reply (the next paragraph, when it
    opens with a sentence, up to a line without words: a signature's rule)."""
    out = [i]
    if label and i and blocks[i - 1]["para"] == blocks[i]["para"] and label.match(texts[i - 1].strip()):
        out.append(i - 1)
    j = i + 1
    while j < len(texts) and blocks[j]["para"] == blocks[i]["para"]:
        out.append(j)
        j += 1
    while j < len(texts) and not texts[j].strip():
        j += 1
    if j < len(texts) and len(texts[j].split()) >= 3 and _SENTENCE.search(texts[j].strip()):
        reply = blocks[j]["para"]
        while j < len(texts) and blocks[j]["para"] == reply and _WORD_CHAR.search(texts[j]):
            out.append(j)
            j += 1
    return out


_NAME_LINE = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}$")


def _letter_signature(blocks: list[dict[str, Any]], texts: list[str], labels: list[tuple[str, str]], i: int,
                      max_paras: int, max_lines: int, max_words: int, inline: bool = False) -> list[int]:
    """The lines of the signature paragraph closing the letter saluted at line i: the first paragraph,
    within max_paras after it, of at most max_lines short lines opening with a name ("Daniel
    Ferreira" over "Wirral"), right after a kept paragraph; [] when a paragraph between was removed."""
    paras: list[list[int]] = []
    for j in range(i + 1, len(texts)):
        if not texts[j].strip():
            continue
        if paras and blocks[j]["para"] == blocks[paras[-1][0]]["para"]:
            paras[-1].append(j)
        elif len(paras) > max_paras:
            break
        else:
            paras.append([j])
    for n, p in enumerate(paras):
        if (n or inline) and len(p) <= max_lines and all(words.count_spaced(texts[j]) <= max_words for j in p) \
                and _NAME_LINE.match(texts[p[0]].strip()):
            return p
        if any(labels[j][0] != "content" for j in p):
            return []
    return []


def _post_follows(texts: list[str], labels: list[tuple[str, str]], i: int) -> bool:
    """The post under a header line was kept: the next line, or the first line of over four words
    within four lines after it ("u/NAME" over "· 4 yr. ago" and "OP", then the comment)."""
    for j in range(i + 1, min(len(texts), i + 5)):
        t = texts[j].strip()
        if not t:
            continue
        if j == i + 1 and labels[j][0] == "content" or len(t.split()) > 4:
            return labels[j][0] == "content"
    return False


def _after_turn(texts: list[str], labels: list[tuple[str, str]], i: int, turn: re.Pattern[str]) -> bool:
    """The nearest earlier non-empty line is a kept labelled interview turn."""
    for j in range(i - 1, max(-1, i - 3), -1):
        t = texts[j].strip()
        if t:
            return labels[j][0] == "content" and bool(turn.match(t))
    return False


def _before_turn(texts: list[str], labels: list[tuple[str, str]], i: int, turn: re.Pattern[str]) -> bool:
    """A credit under the headline: within the next three non-empty lines, all kept, a labelled
    interview turn (the introduction may stand between)."""
    seen = 0
    for j in range(i + 1, len(texts)):
        t = texts[j].strip()
        if not t:
            continue
        if labels[j][0] != "content":
            return False
        if turn.match(t):
            return True
        seen += 1
        if seen == 3:
            return False
    return False


def _after_quotation(texts: list[str], labels: list[tuple[str, str]], i: int, opening: str, closing: str) -> bool:
    """The nearest earlier non-empty line was kept and is one quotation: it opens with a quote
    mark and ends with a closing one (a sentence mark may follow it)."""
    for j in range(i - 1, max(-1, i - 3), -1):
        t = texts[j].strip()
        if not t:
            continue
        if labels[j][0] != "content" or len(t) < 3 or t[0] not in opening:
            return False
        t = t.rstrip(".!?,;: ")
        return bool(t) and t[-1] in closing and t.count(t[0]) + sum(t.count(c) for c in closing if c != t[0]) >= 2
    return False


_HEADLINE_END = re.compile(r"[.!?:;,|»>]\s*$")
_LIST_MARK = re.compile(r"^\s*([*•·+>-]|\d{1,3}[.)])\s")


def _article_headers(texts: list[str], labels: list[tuple[str, str]], structural: Any, prose_words: int,
                     cfg: dict[str, Any]) -> list[int]:
    """The lines structure removed of a headline over at least one byline (``byline_patterns``) and
    at most ``article_header_max_lines`` byline and date lines, right above a kept line of running
    text (``prose_min_words``): "The Keeper's Daughter / By Anna Roe / March 3, 2024". The headline
    is one short line (``headline_max_words``) that opens with a capital and does not end like a
    sentence or a menu entry; without a byline, a title over a date may be a teaser card's, and a
    page with several bylines is a listing of other pages' records."""
    n_max, h_max = int(cfg["article_header_max_lines"]), int(cfg["headline_max_words"])
    if not n_max or not h_max:
        return []
    found: list[list[int]] = []
    for i, text in enumerate(texts):
        if labels[i][0] != "content" or words.count_spaced(text) < prose_words:
            continue
        j, header = i - 1, []
        while j >= 0 and len(header) < n_max and texts[j].strip() and is_article_header_line(texts[j], cfg):
            header.append(j)
            j -= 1
        if not any(_byline_regex(p).search(texts[k].strip()) for k in header for p in cfg["byline_patterns"]):
            continue
        head = texts[j].strip() if j >= 0 else ""
        if head[:1].isupper() and 2 <= words.count_spaced(head) <= h_max and not _HEADLINE_END.search(head) \
                and not _LIST_MARK.match(head):
            header.append(j)
        found.append(header)
    if len(found) != 1:   # bylines over several blurbs are a listing's records, not an article's header
        return []
    return [k for k in found[0] if structural(k)]


def is_article_header_line(text: str, cfg: dict[str, Any]) -> bool:
    """For other rules: a byline (``byline_patterns``, shared with copyright.news_article) or a date
    line, the lines between a headline and its body ("By Jane Roe", "March 3, 2016")."""
    t = text.strip()
    return is_date_line(t, cfg) or any(_byline_regex(p).search(t) for p in cfg["byline_patterns"])


@lru_cache(maxsize=32)
def _byline_regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)
