"""Copying across documents: 5-word shingles of every raw document, and passages that share them.

The index is built from the **raw** files of the corpus folder (every document but the one
being checked), never from other documents' stage outputs: raw files all exist before any
stage runs, so a document's flags do not depend on the order documents are processed in.
It is kept on disk (``processed/.cache/``, SQLite) and brought in step with raw/ by file names,
sizes and modification times, so memory does not grow with the corpus and a new document
costs only its own indexing.
Confidence follows Earwig's copyvio detector: C = max(C_AΔ, C_Δ) with A the passage's
shingles and Δ those it shares with one other document.
"""

from __future__ import annotations

import hashlib
import html
import math
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import InputError
from ..store import RawDoc, list_raw, raw_refusal, read_raw_bytes

TAG_RE = re.compile(r"(?is)<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]+>")
TOKEN_RE = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words, case-folded and NFKC-normalised, with their offsets in ``text``."""
    return [(unicodedata.normalize("NFKC", m.group(0)).casefold(), m.start(), m.end())
            for m in TOKEN_RE.finditer(text)]


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


INDEX_VERSION = 1
_QUERY_CHUNK = 500


def shingle_hash(words: Sequence[str]) -> int:
    """A stable 64-bit key for a shingle (the same in every process and on every machine)."""
    return int.from_bytes(hashlib.blake2b("\x1f".join(words).encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def doc_shingles(text: str, n: int) -> set[int]:
    words = [w for w, _, _ in tokens(text)]
    return {shingle_hash(words[i:i + n]) for i in range(len(words) - n + 1)}


class ShingleIndex:
    """Which raw documents hold each shingle, in an SQLite file (or in memory, with no cache folder).

    On disk, so that memory stays flat however large the corpus, and kept in step with raw/ by
    file name, size and modification time: adding a document indexes that document only. A
    write transaction serialises processes that find it out of date (``make -j``, workers)."""

    def __init__(self, path: str, n: int) -> None:
        self.path, self.n = path, n
        self.con = sqlite3.connect(path, timeout=600, isolation_level=None)
        self.con.executescript(
            "CREATE TABLE IF NOT EXISTS docs(id INTEGER PRIMARY KEY, doc_id TEXT UNIQUE NOT NULL,"
            " name TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL);"
            "CREATE TABLE IF NOT EXISTS shingles(h INTEGER NOT NULL, doc INTEGER NOT NULL,"
            " PRIMARY KEY (h, doc)) WITHOUT ROWID;")

    def _indexed(self) -> dict[str, tuple[str, int, int, int]]:
        return {d: (name, size, mt, i) for i, d, name, size, mt in
                self.con.execute("SELECT id, doc_id, name, size, mtime_ns FROM docs")}

    def sync(self, raw_dir: Path) -> None:
        """Bring the index in step with the raw files of ``raw_dir``."""
        state = _state(raw_dir)
        if {d: v[:3] for d, v in self._indexed().items()} == state:
            return
        self.con.execute("BEGIN IMMEDIATE")
        try:
            have = self._indexed()   # again, under the write lock: another process may have synced
            paths = {d.doc_id: d.path for d in list_raw(raw_dir)}
            for doc_id, (name, size, mt, i) in sorted(have.items()):
                if state.get(doc_id) != (name, size, mt):
                    self.con.execute("DELETE FROM shingles WHERE doc = ?", (i,))
                    self.con.execute("DELETE FROM docs WHERE id = ?", (i,))
            for doc_id, (name, size, mt) in sorted(state.items()):
                if doc_id in have and have[doc_id][:3] == (name, size, mt):
                    continue
                try:  # the guarded reader: a FIFO, a link out of raw/ or to a folder is never read
                    data = read_raw_bytes(RawDoc(doc_id, name, paths.get(doc_id, raw_dir / name)), raw_dir)
                except InputError:
                    data = b""  # that document fails on its own; it shares nothing here
                hashes = doc_shingles(decode(data), self.n)
                i = self.con.execute("INSERT INTO docs(doc_id, name, size, mtime_ns) VALUES (?, ?, ?, ?)",
                                     (doc_id, name, size, mt)).lastrowid
                self.con.executemany("INSERT OR IGNORE INTO shingles(h, doc) VALUES (?, ?)",
                                     ((h, i) for h in sorted(hashes)))
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def holders(self, hashes: Iterable[int], exclude: str) -> dict[int, list[str]]:
        """For each shingle, the other documents that hold it (sorted ids); shingles no other holds are left out."""
        out: dict[int, list[str]] = {}
        keys = sorted(set(hashes))
        for k in range(0, len(keys), _QUERY_CHUNK):
            chunk = keys[k:k + _QUERY_CHUNK]
            q = ("SELECT s.h, d.doc_id FROM shingles s JOIN docs d ON d.id = s.doc WHERE s.h IN ("
                 + ",".join("?" * len(chunk)) + ")")
            for h, doc_id in self.con.execute(q, chunk):
                if doc_id != exclude:
                    out.setdefault(h, []).append(doc_id)
        for v in out.values():
            v.sort()
        return out


def _state(raw_dir: Path) -> dict[str, tuple[str, int, int]]:
    out = {}
    for doc in list_raw(raw_dir):
        if raw_refusal(doc, raw_dir):
            continue  # refused documents are not in the index (they fail on their own)
        try:
            st = doc.path.stat()
        except OSError:
            continue
        out[doc.doc_id] = (doc.name, st.st_size, st.st_mtime_ns)
    return out


_OPEN: dict[tuple[str, int], ShingleIndex] = {}


def corpus_index(raw_dir: Path, n: int, cache_dir: Path | None = None) -> ShingleIndex:
    """The shingle index of ``raw_dir``, in step with it: a file under ``cache_dir``
    (``processed/.cache``), opened once per process; in memory when there is none."""
    raw_dir = Path(raw_dir).absolute()
    path = ":memory:"
    if cache_dir is not None:
        Path(cache_dir).mkdir(parents=True, exist_ok=True)
        path = str(Path(cache_dir).absolute() / f"shingles-v{INDEX_VERSION}-n{n}.sqlite")
    key = (path if cache_dir is not None else f"{path}{raw_dir}", n)  # one in-memory index per corpus folder
    index = _OPEN.get(key)
    if index is None:
        index = _OPEN[key] = ShingleIndex(path, n)
    index.sync(raw_dir)
    return index


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
    sh = [shingle_hash(words[i:i + index.n]) for i in range(len(words) - index.n + 1)]
    held = index.holders(sh, self_id)
    hits: dict[str, list[int]] = {}
    for i, s in enumerate(sh):
        for d in held.get(s, ()):
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
