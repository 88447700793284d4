"""Quote-mark conventions, read into a *mark view* of the clean text: the same length, the same
offsets, with every quotation mark written `"`, so that one pairing rule serves them all.

- doubled apostrophes of ASCII news archives: ``` ``Yes,'' he said ``` and `''Yes,'' he said`;
- guillemets `« »` and `‹ ›` (and the reversed German `» «`);
- single quote marks as quotation marks (British style), told apart from apostrophes: only in a
  document that quotes with single marks more than with double ones, and only an opening mark
  (after space or a bracket, before a letter) paired with a closing one (after a non-space,
  before space or punctuation), so that `don't`, `the boys' toys` and `'90s` stay apostrophes; an
  opening mark left open at a paragraph's end when the next paragraph opens with one (a speech over
  paragraphs) is a mark too.

Records keep the clean text itself: the view only tells where quotations are.
"""

from __future__ import annotations

import re

_DOUBLED = re.compile(r"``|''")
_GUILLEMETS = re.compile(r"[«»‹›]")
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[{—–-]))'(?=[^\W\d_])", re.MULTILINE)
_SINGLE_CLOSE = re.compile(r"(?<=[^\s'])'(?=[\s.,;:!?)\]}—–-]|$)", re.MULTILINE)
_ELISIONS = re.compile(r"'(?:tis|twas|em|n|cause|cos|til|bout|round)\b", re.IGNORECASE)


def mark_view(text: str) -> str:
    """The text with every quotation mark as `"` (same length)."""
    if "'" not in text and "`" not in text and not _GUILLEMETS.search(text):
        return text
    chars = list(text)
    for m in _DOUBLED.finditer(text):
        i = m.start()
        before = text[i - 1] if i else " "
        after = text[i + 2] if i + 2 < len(text) else " "
        if m.group() == "''" and before.isalnum() and after.isalnum():
            continue   # "rock''n''roll": no mark
        opening = m.group() == "``" or before.isspace() or before in "([{—–-"
        chars[i], chars[i + 1] = (" ", '"') if opening else ('"', " ")
    for m in _GUILLEMETS.finditer(text):
        if not _separator(text, m.start()):
            chars[m.start()] = '"'
    view = "".join(chars)
    if _british(view):
        view = _pair_singles(view)
    return view


def _separator(text: str, i: int) -> bool:
    """A guillemet between spaces in a paragraph with no guillemet of the other direction is a
    separator ("Post by NAME » date", "Home » Blog"), not a quote mark: quotations pair them."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if not (before.isspace() and after.isspace()):
        return False
    p0 = text.rfind("\n\n", 0, i) + 1
    p1 = text.find("\n\n", i)
    para = text[p0:p1 if p1 >= 0 else len(text)]
    other = {"»": "«", "«": "»", "›": "‹", "‹": "›"}[text[i]]
    return other not in para


def _british(text: str) -> bool:
    opens = sum(1 for m in _SINGLE_OPEN.finditer(text) if not _ELISIONS.match(text, m.start()))
    return opens >= 2 and opens > text.count('"') // 2


def _pair_singles(text: str) -> str:
    """Each paragraph's single marks: an opening mark with the next closing mark before the next
    opening one or the paragraph end; a closing `s'` before a lower-case word is a possessive
    when a later closing mark can end the quotation instead."""
    chars = list(text)
    for para in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        p0, p1 = para.start(), para.end()
        opens = [m.start() for m in _SINGLE_OPEN.finditer(text, p0, p1) if not _ELISIONS.match(text, m.start())]
        # the second apostrophe of "rock 'n' roll" closes the elision its word opened, not a quotation
        closes = [m.start() for m in _SINGLE_CLOSE.finditer(text, p0, p1) if not _elision_end(text, m.start())]
        n = 0
        while n < len(opens):
            o, m = opens[n], n + 1
            while True:
                nxt = opens[m] if m < len(opens) else p1
                cands = [c for c in closes if o < c < nxt]
                cands = [c for k, c in enumerate(cands) if not (text[c - 1] == "s" and re.match(r"'\s+[a-z]", text[c:c + 3])
                                                               and k + 1 < len(cands))]
                if cands or m >= len(opens):
                    break
                # no closing mark before the next "opening" one: that one is an apostrophe inside this
                # quotation ("talking about the 'forty-seven flood"), if a closing mark follows it
                m += 1
            if cands:
                chars[o] = chars[cands[0]] = '"'
                for k in range(o + 1, cands[0]):   # 'He told me, "Go home," and left.': the inner quotation
                    if chars[k] == '"':             # is part of the outer one, not a mark of its own pairing
                        chars[k] = "'"
                n = m
            else:
                if n == len(opens) - 1 and not [c for c in closes if c > o] and _SINGLE_OPEN.match(text, _next_para(text, p1)):
                    chars[o] = '"'   # the multi-paragraph convention: left open, the next paragraph reopens it
                n += 1
    return "".join(chars)


def _next_para(text: str, p1: int) -> int:
    """Where the paragraph after the one ending at p1 starts (past the blank line), else the text's end."""
    m = re.compile(r"\n[ \t]*\n\s*").match(text, p1)
    return m.end() if m else len(text)


def _elision_end(text: str, c: int) -> bool:
    """The mark at c ends a word that opens with an elision's apostrophe ("'n'")."""
    w = c
    while w > 0 and not text[w - 1].isspace():
        w -= 1
    return w < c and text[w] == "'" and bool(_ELISIONS.match(text, w))
