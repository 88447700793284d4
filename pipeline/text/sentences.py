"""Sentence ends: how the stages tell a sentence (or a clause) from a label, a heading or a menu.

A sentence ends in ``.``, ``!``, ``?`` or ``…``, possibly followed by closing quote marks or
brackets. The variants differ in what else they accept, each for its reader (see each line).
"""

from __future__ import annotations

import re

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
