"""Copying across documents: 5-word shingles of every raw document, and passages that share them.

The index is built from the **raw** files of the corpus folder (every document but the one
being checked), never from other documents' stage outputs: raw files all exist before any
stage runs, so a document's flags do not depend on the order documents are processed in.
It is built once per process and corpus state (file names, sizes and modification times).
Confidence follows Earwig's copyvio detector: C = max(C_AΔ, C_Δ) with A the passage's
shingles and Δ those it shares with one other document.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..store import list_raw

TAG_RE = re.compile(r"(?is)<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]+>")
TOKEN_RE = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words, case-folded and NFKC-normalised, with their offsets in ``text``."""
    return [(unicodedata.normalize("NFKC", m.group(0)).casefold(), m.start(), m.end())
            for m in TOKEN_RE.finditer(text)]


def shingles(words: list[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(words[i:i + n]) for i in range(len(words) - n + 1)]


def decode(data: bytes) -> str:
    """Enough decoding to compare words: UTF-8, else cp1252, else Latin-1; markup dropped."""
    for enc in ("utf-8", "cp1252", "latin-1"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    if "<" in text[:2000] and re.search(r"(?i)<(html|body|div|p)\b", text[:20000]):
        text = html.unescape(TAG_RE.sub(" ", text))
    return text


@dataclass(frozen=True)
class ShingleIndex:
    n: int
    holders_of: dict[tuple[str, ...], tuple[str, ...]]   # shingle -> ids of the documents that hold it (sorted)

    def holders(self, sh: tuple[str, ...], exclude: str) -> list[str]:
        return [d for d in self.holders_of.get(sh, ()) if d != exclude]


def _state(raw_dir: Path) -> tuple[tuple[str, int, int], ...]:
    out = []
    for doc in list_raw(raw_dir):
        st = (raw_dir / doc.name).stat()
        out.append((doc.name, st.st_size, st.st_mtime_ns))
    return tuple(out)


def corpus_index(raw_dir: Path, n: int) -> ShingleIndex:
    raw_dir = Path(raw_dir).absolute()
    return _build(raw_dir, n, _state(raw_dir))


@lru_cache(maxsize=4)
def _build(raw_dir: Path, n: int, state: tuple[tuple[str, int, int], ...]) -> ShingleIndex:
    holders: dict[tuple[str, ...], list[str]] = {}
    for doc in sorted(list_raw(raw_dir), key=lambda d: d.doc_id):
        words = [w for w, _, _ in tokens(decode((raw_dir / doc.name).read_bytes()))]
        for sh in set(shingles(words, n)):
            holders.setdefault(sh, []).append(doc.doc_id)
    return ShingleIndex(n, {k: tuple(v) for k, v in holders.items()})


def earwig_confidence(article: int, delta: int) -> float:
    """Earwig's copyvio confidence for a passage of ``article`` shingles sharing ``delta``."""
    if article <= 0 or delta <= 0:
        return 0.0
    r = min(1.0, delta / article)
    if r <= 0.52763:
        c_ad = math.log(1 / (1 - r)) if r < 1 else 1.0
    else:
        c_ad = -0.8939 * r * r + 1.8948 * r - 0.0009
    if delta <= 100:
        c_d = delta / (delta + 100)
    elif delta <= 250:
        c_d = (delta - 25) / (delta + 50)
    elif delta <= 500:
        c_d = (10.5 * delta - 750) / (10 * delta)
    else:
        c_d = (delta - 50) / delta
    return round(min(1.0, max(c_ad, c_d)), 4)


@dataclass
class Match:
    document: str
    start: int          # clean-text span of the shared run, widened to whole words
    end: int
    shared: int         # shingles of the run found in the other document
    words: int


def shared_runs(text: str, index: ShingleIndex, self_id: str, max_gap: int) -> list[Match]:
    """Runs of consecutive shingles of ``text`` that occur in one other document (gaps allowed)."""
    toks = tokens(text)
    words = [w for w, _, _ in toks]
    sh = shingles(words, index.n)
    hits: dict[str, list[int]] = {}
    for i, s in enumerate(sh):
        for d in index.holders(s, self_id):
            hits.setdefault(d, []).append(i)
    out: list[Match] = []
    for d in sorted(hits):
        idx = hits[d]
        a = b = idx[0]
        count = 1
        for i in idx[1:] + [None]:  # type: ignore[list-item]
            if i is not None and i - b <= max_gap + 1:
                b, count = i, count + 1
                continue
            last_word = min(len(toks) - 1, b + index.n - 1)
            out.append(Match(d, toks[a][1], toks[last_word][2], count, last_word - a + 1))
            if i is not None:
                a = b = i
                count = 1
    return out
