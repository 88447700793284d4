"""Listing pages in text dumps: records laid out alike (strip stage, text dumps).

A listing (conference calendar, repository search, ranked book list, blog index) is a run of
records that share one layout: one line of every record starts the same way ("Tech conference
in ...", "Star 194k", "score: ..., and ... people voted", "Mar 06, 2026 | 4 min read"), at a
short, regular distance from the same line of the next record. No prose line of its own says
so, and the body rules drop those short lines as outside the body. ``strip.text.pattern_list``
keeps the lines of such a run when the run is the page's main text: it holds more words than
the prose the body rules kept elsewhere (a teaser grid under an article stays the teaser rules'
business) and the body rules kept little of it (in a forum thread they found the posts, and the
line repeated under each is its chrome: "1,430 posts · Joined 2022").

``strip.text.field_run``: a run of consecutive "Label: value" lines (or two-cell table rows,
"Material    Steel") with short labels, several of them different ("Genre: Action",
"Developer: ...", "Memory: 8 GB RAM") is a specification table:
a product's data sheet, a device's dimensions. The body rules see short lines outside the prose
and drop them, and the repeated-line rules take a second table of the same labels (minimum and
recommended requirements) for a menu printed twice; the run is the page's text.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Iterable

from ...rules import declare

PATTERN_LIST = declare("strip.text.pattern_list", stage="strip", kind="text",
                       why="a run of records laid out alike (one line of each starts the same way, at a regular"
                           " distance) that outweighs the page's other prose is a listing page's main text",
                       params=["text.pattern_min_records", "text.pattern_max_lines", "text.pattern_shape_words",
                               "text.pattern_distinct_share", "text.pattern_max_kept_share", "text.record_template_share"])

FIELD_RUN = declare("strip.text.field_run", stage="strip", kind="text",
                    why="a run of consecutive 'Label: value' lines with short, different labels is a specification"
                        " table (a data sheet), not page furniture",
                    params=["text.field_run_min_lines", "text.field_run_min_labels", "text.field_label_max_words",
                            "text.field_line_max_words", "text.field_run_max_copies"])

_CELL_GAP = re.compile(r"\S {2,}\S")
_TOKEN = re.compile(r"[^\W_]+")
_DIGITS = re.compile(r"\d+")
_MARKED_ITEM = re.compile(r"^\s*[*•·\-–+>o]\s+")   # a bulleted item: a record's button or tag


def shape(text: str, n: int) -> tuple[str, ...] | None:
    """The first ``n`` words of a line, case-folded, digits as ``0``; None when the line is
    shorter or the shape has no letter (a bare number or date is not a layout)."""
    toks = _TOKEN.findall(text)
    if len(toks) < n:
        return None
    out = tuple(_DIGITS.sub("0", t.casefold()) for t in toks[:n])
    return out if any(c.isalpha() for t in out for c in t) else None


def _runs(idx: list[int], texts: list[str], cfg: dict[str, Any]) -> list[list[int]]:
    """Positions (in ``idx``) of every run of lines of one shape, each within ``pattern_max_lines``
    of the one before, at least ``pattern_min_records`` of them, mostly different lines (the same
    button under every record is not a record's own line)."""
    n_min, gap, n_words = (int(cfg[k]) for k in ("pattern_min_records", "pattern_max_lines", "pattern_shape_words"))
    distinct = float(cfg["pattern_distinct_share"])
    by_shape: dict[tuple[str, ...], list[int]] = {}
    for pos, i in enumerate(idx):
        s = shape(texts[i], n_words)
        if s is not None:
            by_shape.setdefault(s, []).append(pos)
    runs: list[list[int]] = []
    for positions in by_shape.values():
        run: list[int] = []
        for pos in positions + [None]:  # type: ignore[list-item]
            if pos is not None and run and pos - run[-1] <= gap:
                run.append(pos)
                continue
            if len(run) >= max(2, n_min) and len({texts[idx[p]].strip() for p in run}) >= distinct * len(run):
                runs.append(run)
            run = [pos] if pos is not None else []
    return runs


def pattern_lists(texts: list[str], idx: list[int], words: dict[int, int], prose: dict[int, bool],
                  labels: list[tuple[str, str]], replaceable: frozenset[str], cfg: dict[str, Any]) -> None:
    """Keep the lines of a listing's records (see the module's docstring); a record's bulleted
    items (its buttons and tags) keep their decisions."""
    if int(cfg["pattern_min_records"]) < 2:
        return
    spans = []
    for run in _runs(idx, texts, cfg):
        steps = sorted(b - a for a, b in zip(run, run[1:]))
        step = steps[len(steps) // 2]
        spans.append((max(0, run[0] - min(step - 1, 2)), min(len(idx), run[-1] + step), len(run)))
    share = float(cfg["record_template_share"])
    for lo, hi, n_records in sorted(spans):
        inside = {idx[p] for p in range(lo, hi)}
        chrome = template_lines(texts, inside, n_records, share)
        run_words = sum(words[i] for i in inside)
        other = sum(words[i] for i in idx if i not in inside and prose[i] and labels[i][0] == "content")
        kept = sum(words[i] for i in inside if labels[i][0] == "content")
        if run_words <= other or kept > float(cfg["pattern_max_kept_share"]) * run_words:
            continue   # not the page's main text, or text the body rules found already (a forum's posts)
        for i in inside:
            if labels[i][1] in replaceable and labels[i][0] != "content" and _TOKEN.search(texts[i]) \
                    and not _MARKED_ITEM.match(texts[i]) and i not in chrome:
                labels[i] = ("content", PATTERN_LIST)


def template_lines(texts: list[str], lines: Iterable[int], n_records: int, share: float) -> set[int]:
    """The lines of a run of ``n_records`` records whose text comes back, line for line, in more
    than ``share`` of the records: the layout's widgets and buttons ("Rate this book", a row of
    rating stars), printed the same beside every record, not a record's own text. A one-word
    line and a field label ending in ":" ("Weight:") may be what each record is made of; 0: none."""
    if share <= 0:
        return set()
    lines = list(lines)
    keys = {i: texts[i].strip().casefold() for i in lines}
    counts = Counter(keys.values())
    return {i for i in lines if counts[keys[i]] > share * n_records and len(_TOKEN.findall(keys[i])) >= 2
            and not keys[i].endswith(":")}


# "Label: value" or a two-cell table row "Label   value" (cells apart by two spaces or more, a
# letter or digit in the value: a row of check marks is a matrix, not a data sheet); a list
# marker allowed before it; the label holds no bracket, bar or digit first
_FIELD_LINE = re.compile(r"^\s*(?:[*•·\-–+>o]\s+)?([^\W\d_][^:|•·()\[\]]{0,40}?)(?:\s*:\s+| {2,}(?=[^\n]*[^\W_]))\S")


def _field_label(text: str, max_label: int, max_words: int) -> str | None:
    """The case-folded label of a field line, or None when the line is not one."""
    m = _FIELD_LINE.match(text)
    # numbers are not words: a measurement ('4.9" x 3.1" x .9" / 12.4 x 7.8 cm') is one value
    if not m or sum(1 for t in _TOKEN.findall(text) if not t.isdigit()) > max_words:
        return None
    if ":" not in text[m.start(1):m.end()] and _CELL_GAP.search(text, m.end() - 1):
        return None   # a row of three cells or more is a table's, not a data sheet's
    label = m.group(1).strip()
    return label.casefold() if 0 < len(_TOKEN.findall(label)) <= max_label else None


def field_runs(texts: list[str], idx: list[int], labels: list[tuple[str, str]], replaceable: frozenset[str],
               cfg: dict[str, Any]) -> None:
    """Keep the lines of every run of at least ``field_run_min_lines`` consecutive field lines
    with at least ``field_run_min_labels`` different labels (see the module's docstring)."""
    n_min = int(cfg["field_run_min_lines"])
    if n_min < 2:
        return
    n_labels, max_label, max_words = (int(cfg[k]) for k in ("field_run_min_labels", "field_label_max_words",
                                                              "field_line_max_words"))
    runs: list[list[tuple[int, str]]] = []
    run: list[tuple[int, str]] = []
    for i in [*idx, None]:
        label = _field_label(texts[i], max_label, max_words) if i is not None else None
        if label is not None:
            run.append((i, label))
            continue
        if len(run) >= n_min and len({lab for _, lab in run}) >= n_labels:
            runs.append(run)
        run = []
    # the same fields printed for every post or record ("Join Date", "Location", "Posts") are the
    # template's chrome: a data sheet is printed once, or twice (minimum and recommended)
    copies = int(cfg["field_run_max_copies"])
    printed = Counter(lab for r in runs for lab in {lab for _, lab in r})
    for r in runs:
        if sum(printed[lab] > copies for lab in {lab for _, lab in r}) < n_labels:
            for j, _ in r:
                if labels[j][1] in replaceable:
                    labels[j] = ("content", FIELD_RUN)
