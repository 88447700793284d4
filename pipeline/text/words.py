"""Words: the token regexes and word counts of the pipeline, one place for all of them.

``WORD`` is *the* word: a run of letters or digits, joined across an apostrophe or a hyphen
("don't", "well-known", "2019" are one word each). The other patterns are named variants,
kept because a stage's thresholds were set on its own count (see each line's why).
"""

from __future__ import annotations

import re

# the word (quotes, copyright, publish): letters/digits, an apostrophe or hyphen inside joins
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# \w runs (strip): "don't" is two; strip's max_words / min_words thresholds were set on this count
RUN = re.compile(r"\w+", re.UNICODE)
# letter-only words (strip's stub and stopword shares, extract's prose test): digits are not words
LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)
# letter-only words keeping one elision ("don't", "l'homme"): text dumps' stopword share, whose
# stopword list holds such forms
LETTERS_ELIDED = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
# \w runs joined by a straight apostrophe or hyphen (the corpus step's shared-passage tokens:
# its text is already normalised, and the passage index was built on this tokenisation)
JOINED_RUN = re.compile(r"\w+(?:['-]\w+)*")
# the WCXB benchmark's own tokenisation for its bag-of-words F1 ("lower-cased \w+ runs"): the
# benchmark defines it, so it must not follow any change to our word
BENCHMARK_TOKEN = re.compile(r"\w+", re.UNICODE)


def count(text: str) -> int:
    """Words of ``text`` (``WORD``)."""
    return len(WORD.findall(text))


def count_runs(text: str) -> int:
    """``\\w`` runs of ``text`` (``RUN``: strip's count)."""
    return len(RUN.findall(text))


def count_runs_upto(text: str, cap: int) -> int:
    """``count_runs``, counted no further than ``cap + 1``: enough to compare with a
    ``max_words`` without reading a long paragraph to its end."""
    n = 0
    for _ in RUN.finditer(text):
        n += 1
        if n > cap:
            break
    return n


def count_spaced(text: str) -> int:
    """Whitespace-separated tokens ("Smith," and "02.03.2019." count one each): strip's keep
    rules, whose line-length limits were set on this count."""
    return len(text.split())


def letter_words(text: str, min_letters: int = 1) -> list[str]:
    """Letter-only words of at least ``min_letters`` letters (``LETTERS``)."""
    if min_letters == 1:
        return LETTERS.findall(text)
    return letters_at_least(min_letters).findall(text)


_LONG: dict[int, re.Pattern[str]] = {}


def letters_at_least(n: int) -> re.Pattern[str]:
    """``LETTERS`` of at least ``n`` letters (extract's prose words: two)."""
    if n not in _LONG:
        _LONG[n] = re.compile(r"[^\W\d_]{%d,}" % n)
    return _LONG[n]
