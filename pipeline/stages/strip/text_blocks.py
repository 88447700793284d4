"""Blocks inside a text dump's body that are not prose but are its text (strip stage, text dumps).

The body rules (``text_dump``) keep a short line inside the body only when prose claims it, so
a run of lines that are neither sentences nor list items that read as phrases is dropped from the
middle of the text as ``strip.text.detached_line``. Two such runs are the page's own:

- ``strip.text.body_code``: a documentation page's example or an article's commands: a run of
  ``code_run_min_lines`` consecutive lines shaped like code (``code_line``: an assignment, a
  ``[section]``, a ``def``/``class``/``return``/``import``, a shell or interpreter prompt, a line
  opening or closing a bracket). Menus and footers hold no such runs.
- ``strip.text.quantity_list``: a run of ``quantity_list_min_items`` bulleted items, most of them
  opening with a quantity and a word in lower case ("* 1 large onion, chopped", "* 200 g red
  lentils"): a recipe's ingredients, a kit's parts. A menu's entries are names.

A short heading right over such a run ("Ingredients", "Example") belongs to it.

And one run that the body rules keep but is not the text: ``strip.text.title_run``, a run of
``title_run_min_lines`` consecutive headline-shaped lines (Title Case: at least
``title_run_capitalised`` of the words that are not stopwords capitalised, three to
``title_run_max_words`` words, no sentence end) is a list of other pages' titles (most popular,
related posts, a services menu); an article's own headings each stand over a paragraph.
"""

from __future__ import annotations

import re
from typing import Any

from ...rules import declare
from .text_lists import BULLET

BODY_CODE = declare("strip.text.body_code", stage="strip", kind="text",
                    why="a run of code-shaped lines inside the body (an example, a configuration, commands) is its text",
                    params=["text.code_line", "text.code_run_min_lines", "text.list_tail_heading_words"])
QUANTITY_LIST = declare("strip.text.quantity_list", stage="strip", kind="text",
                        why="a run of bulleted items inside the body that open with quantities (a recipe's ingredients)"
                            " is its text; a menu's entries are names",
                        params=["text.quantity_list_min_items", "text.list_tail_heading_words"])

TITLE_RUN = declare("strip.text.title_run", stage="strip", kind="text",
                    why="a run of consecutive Title Case headlines is a list of other pages' titles (popular or related"
                        " posts, a services menu), not the text; the text's headings each stand over a paragraph",
                    params=["text.title_run_min_lines", "text.title_run_max_words", "text.title_run_capitalised",
                            "text.stopwords"])

_QUANTITY = re.compile(r"^\s*(\d+([.,/]\d+)?|[½¼¾⅓⅔⅛])\s*(-\s*\d+\s*)?[a-zµ]")   # "1 large", "200 g", "½ cup"
_HEADING_STOP = re.compile(r"[.,;!?]\s*$")


def runs(texts: list[str], idx: list[int], body: set[int], prose: dict[int, bool], n_words: dict[int, int],
         cfg: dict[str, Any]) -> dict[int, str]:
    """line -> rule for the lines of code runs and quantity lists inside the body, with the short
    heading right over each run."""
    out: dict[int, str] = {}
    code = re.compile(cfg["code_line"]) if cfg["code_line"] else None
    n_code, n_items = int(cfg["code_run_min_lines"]), int(cfg["quantity_list_min_items"])
    inside = {i for i in idx if i in body and not prose[i]}
    if code and n_code > 0:
        for run in _runs(idx, lambda i: i in body and not prose[i] and bool(code.search(texts[i]))):
            if len(run) >= n_code:
                out.update(dict.fromkeys(run, BODY_CODE))
    if n_items > 0:
        for run in _runs(idx, lambda i: i in body and bool(BULLET.match(texts[i]))):
            qty = [i for i in run if _QUANTITY.match(BULLET.sub("", texts[i], count=1))]
            if len(run) >= n_items and 2 * len(qty) >= len(run):
                out.update((i, QUANTITY_LIST) for i in run if not prose[i])
    heading_words = int(cfg["list_tail_heading_words"])
    pos = {i: p for p, i in enumerate(idx)}
    for i, rule in list(out.items()):
        p = pos[i]
        if p and idx[p - 1] not in out and idx[p - 1] in inside:
            h = texts[idx[p - 1]].strip()
            if 0 < n_words[idx[p - 1]] <= heading_words and h[:1].isupper() and not _HEADING_STOP.search(h) \
                    and not BULLET.match(h):
                out[idx[p - 1]] = rule
    return out


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_TITLE_END = re.compile(r"[.!,;:…][\"'”’)]*\s*$")


def title_runs(texts: list[str], idx: list[int], labels: list[tuple[str, str]], replaceable: frozenset[str],
               into: str, cfg: dict[str, Any]) -> None:
    """Label the lines of runs of Title Case headlines that the body rules kept ``strip.text.title_run``."""
    n_min, w_max = int(cfg["title_run_min_lines"]), int(cfg["title_run_max_words"])
    share = float(cfg["title_run_capitalised"])
    if n_min < 2:
        return
    stop = frozenset(w.casefold() for w in cfg["stopwords"])

    def title(i: int) -> bool:
        t = texts[i].strip()
        ws = _WORD.findall(t)
        if not 3 <= len(ws) <= w_max or _TITLE_END.search(t) or not ws[0][0].isupper() or BULLET.match(t):
            return False
        big = [w for w in ws if w.casefold() not in stop]
        return len(big) >= 2 and sum(1 for w in big if w[0].isupper()) >= share * len(big)

    following = dict(zip(idx, idx[1:]))
    for run in _runs(idx, title):
        nxt = following.get(run[-1])
        # titles that run straight into a paragraph of the text head it (a page's title, a card's own text)
        if len(run) >= n_min and not (nxt is not None and labels[nxt][1] == into):
            for i in run:
                if labels[i][1] in replaceable:
                    labels[i] = ("boilerplate", TITLE_RUN)


def _runs(idx: list[int], member: Any) -> list[list[int]]:
    """Runs of consecutive lines (no line between them) that are members."""
    out: list[list[int]] = []
    prev = None
    for i in idx:
        if member(i):
            if out and prev is not None and out[-1][-1] == prev and i == prev + 1:
                out[-1].append(i)
            else:
                out.append([i])
        prev = i
    return out


