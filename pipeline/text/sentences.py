"""Sentence ends: how the stages tell a sentence (or a clause) from a label, a heading or a menu.

A sentence ends in ``.``, ``!``, ``?`` or ``…``, possibly followed by closing quote marks or
brackets. The variants differ in what else they accept, each for its reader (see each line).

``stops`` and ``starts`` split running text into sentences for the quotes stage: there an
honorific's full stop ends no sentence ("Mrs. Lomax twisted her ring." is one sentence), read
from the ``honorifics`` lexicon the stage passes.
"""

from __future__ import annotations

import re
from typing import Collection

# characters a finished sentence (or a quotation closing one) ends with (copyright's running text)
TERMINAL = tuple('.!?…"\'”’)]')
# every sentence end inside a text, to count sentences (copyright's words-per-sentence bound)
END = re.compile(r"[.!?…]+(?=[\s\"'”’)\]]|$)")
# a text that ends like a sentence, closing marks allowed (strip's fragments: a label does not)
ENDS_LIKE_SENTENCE = re.compile(r"[.!?…][\"”’)\]]*\s*$")
# a clause stop (sentence end, colon or semicolon) followed by space or the end: some sentence
# punctuation inside a line (strip's HTML recovery and text-dump line features)
CLAUSE_STOP = re.compile(r"[.!?…:;][\"'”’)\]]*(\s|$)")
# a line that ends with a clause stop (strip's text dumps: a wrapped line continues after none)
ENDS_WITH_CLAUSE_STOP = re.compile(r"[.!?…:;][\"'”’)\]]*\s*$")
# a capitalised sentence ending in a full stop, ! or ? (strip's closing lines over a valediction)
CAPITALISED = re.compile(r"^[A-Z\"'].*[.!?]$")

# a sentence stop in running text: a run of . ! ? …, the closing marks after it, then white space or the end
STOP = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
# what a new sentence starts with after a stop and its white space: a capital, an opening mark or bracket
_OPENS = "\"'“‘(["


def _honorific_stop(text: str, start: int, end: int, honorifics: Collection[str]) -> bool:
    """The stop at text[start:end] is the full stop of an honorific before a name: a lone '.' right
    after a capitalised word of `honorifics` (lower case, no full stop), a capital after it
    ("Mrs. Lomax", "Dr. Okafor"). "thank you, sir. Then" ends a sentence; so does "the Dr." at the end."""
    if end - start != 1 or text[start] != "." or not honorifics:
        return False
    j = start
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    word = text[j:start]
    if not word[:1].isupper() or word.lower() not in honorifics or j > 0 and (text[j - 1].isalnum() or text[j - 1] in ".-_"):
        return False
    k = end
    while k < len(text) and text[k].isspace():
        k += 1
    return k < len(text) and text[k].isupper()


def stops(text: str, honorifics: Collection[str] = ()) -> list[tuple[int, int]]:
    """Every sentence stop in text, as (start, end) of its punctuation and closing marks, followed by
    white space or the end of text; an honorific's full stop ("Mrs. Lomax") is none."""
    return [(m.start(), m.end()) for m in STOP.finditer(text)
            if not _honorific_stop(text, m.start(), m.end(), honorifics)]


def boundaries(text: str, honorifics: Collection[str] = ()) -> list[tuple[int, int]]:
    """Each sentence boundary as (where its stop starts, where the next sentence starts): a stop
    (``stops``), its white space, then a capital, an opening quote mark or an opening bracket (a stop
    before a lower-case word, a number or the end of text is no boundary)."""
    out = []
    for start, end in stops(text, honorifics):
        k = end
        while k < len(text) and text[k].isspace():
            k += 1
        if k > end and k < len(text) and (text[k].isupper() or text[k] in _OPENS):
            out.append((start, k))
    return out


def starts(text: str, honorifics: Collection[str] = ()) -> list[int]:
    """Where each sentence after the first starts (``boundaries``)."""
    return [k for _, k in boundaries(text, honorifics)]


def first_end(text: str, honorifics: Collection[str] = ()) -> int | None:
    """Where the first sentence of text ends: after the first stop with no closing mark of its own
    (a closing quote mark after a stop belongs to a quotation the sentence goes on around), else None."""
    for start, end in stops(text, honorifics):
        if not any(ch in "\"'”’)]" for ch in text[start:end]):
            return end
    return None
