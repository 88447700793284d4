"""The corpus step of copy detection: passages a document shares with another document.

Copying is a relation between documents, so it is not a per-document stage: this step runs
once over the corpus after every document's quotes stage and before the copyright stage, and
reads only stage outputs (the normalised text of ``03_normalise``), never raw files. For each
document it writes ``corpus/copies/<doc_id>.json``: the runs of 5-word shingles it shares with
one other document that pass the ``copyright.copied`` thresholds. The copyright stage turns
them into flags like its other signals, so that stage stays a pure function of its inputs, and
a copies file is rewritten only when its content changes, so only the documents whose
cross-document flags changed are flagged again.

The shingle index (SQLite, ``processed/.cache/``) is kept in step with the normalise outputs by
their file signature; adding, changing or deleting a document re-indexes that document and
re-checks exactly the documents that share enough shingles with it (old or new text) to have a
match with it (``min_shared``), so the step costs about one document, not a corpus.
Confidence follows Earwig's copyvio detector: C = max(C_AΔ, C_Δ) with A the passage's shingles
and Δ those it shares with the other document.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import sqlite3
import unicodedata
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

from .config import Config, hash_json
from .store import dump_bytes, read_json_records, write_if_changed

TOKEN_RE = re.compile(r"[^\W_]+")
INDEX_VERSION = 3   # 3: each document's word count (a duplicate needs the other's size)
FOLDER = Path("corpus") / "copies"
SOURCE = "03_normalise"   # the stage output compared: clean text, boilerplate already stripped
_QUERY_CHUNK = 500


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words, case-folded and NFKC-normalised, with their offsets in ``text``."""
    return [(unicodedata.normalize("NFKC", m.group(0)).casefold(), m.start(), m.end())
            for m in TOKEN_RE.finditer(text)]


def _word_spans(text: str) -> tuple[list[str], array, array]:
    """:func:`tokens` as three columns (words, starts, ends), each distinct word one string: a
    huge document's words cost a pointer and two machine integers each, not a tuple each."""
    forms: dict[str, str] = {}
    words: list[str] = []
    starts, ends = array("q"), array("q")
    for m in TOKEN_RE.finditer(text):
        w = m.group(0)
        f = forms.get(w)
        if f is None:
            f = forms[w] = unicodedata.normalize("NFKC", w).casefold()
        words.append(f)
        starts.append(m.start())
        ends.append(m.end())
    return words, starts, ends


def shingle_hash(words: Sequence[str]) -> int:
    """A stable 64-bit key for a shingle (the same in every process and on every machine)."""
    return int.from_bytes(hashlib.blake2b("\x1f".join(words).encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def doc_shingles(text: str, n: int) -> Any:
    """The document's distinct shingle hashes, sorted (a numpy array: 8 bytes a shingle, not a set entry)."""
    words = _word_spans(text)[0]
    return unique_sorted(array("q", (shingle_hash(words[i:i + n]) for i in range(len(words) - n + 1))))


def unique_sorted(hashes: Iterable[int]) -> Any:
    """Distinct hashes in order, as a numpy int64 array (a huge document's are never a set of ints)."""
    import numpy

    if isinstance(hashes, array):
        return numpy.unique(numpy.frombuffer(hashes, dtype=numpy.int64))
    return numpy.unique(numpy.fromiter(hashes, dtype=numpy.int64))


def min_shared(rcfg: dict[str, Any]) -> int:
    """Fewest distinct shingles a match can share: a run of ``min_words`` words whose shared
    shingles are at most ``max_gap_shingles`` apart holds at least this many. Documents that
    share fewer with a changed document cannot gain or lose a match with it."""
    n, gap = rcfg["shingle_words"], rcfg["max_gap_shingles"]
    return max(1, math.ceil(max(0, rcfg["min_words"] - n) / (gap + 1)) + 1)


class ShingleIndex:
    """Which documents hold each shingle, in an SQLite file: memory stays flat however large
    the corpus. A write transaction serialises two runs on one output folder."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.con = sqlite3.connect(path, timeout=600, isolation_level=None)
        self.con.executescript(
            "CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT NOT NULL);"
            "CREATE TABLE IF NOT EXISTS docs(id INTEGER PRIMARY KEY, doc_id TEXT UNIQUE NOT NULL, sig TEXT NOT NULL,"
            " words INTEGER NOT NULL DEFAULT 0);"
            "CREATE TABLE IF NOT EXISTS shingles(h INTEGER NOT NULL, doc INTEGER NOT NULL,"
            " PRIMARY KEY (h, doc)) WITHOUT ROWID;"
            "CREATE INDEX IF NOT EXISTS shingles_doc ON shingles(doc);")

    def meta(self, key: str) -> str | None:
        row = self.con.execute("SELECT v FROM meta WHERE k = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta(k, v) VALUES (?, ?)", (key, value))

    def signatures(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT doc_id, sig FROM docs"))

    def shingles_of(self, doc_id: str) -> list[int]:
        return [h for (h,) in self.con.execute(
            "SELECT s.h FROM shingles s JOIN docs d ON d.id = s.doc WHERE d.doc_id = ?", (doc_id,))]

    def remove(self, doc_id: str) -> None:
        row = self.con.execute("SELECT id FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
        if row:
            self.con.execute("DELETE FROM shingles WHERE doc = ?", row)
            self.con.execute("DELETE FROM docs WHERE id = ?", row)

    def words_of(self, doc_id: str) -> int | None:
        """The document's word count (tokens of its clean text), as indexed."""
        row = self.con.execute("SELECT words FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def add(self, doc_id: str, sig: str, hashes: Iterable[int], words: int = 0) -> None:
        i = self.con.execute("INSERT INTO docs(doc_id, sig, words) VALUES (?, ?, ?)", (doc_id, sig, words)).lastrowid
        self.con.executemany("INSERT OR IGNORE INTO shingles(h, doc) VALUES (?, ?)",
                             ((h, i) for h in unique_sorted(hashes).tolist()))

    def holders(self, hashes: Iterable[int], exclude: str) -> dict[int, list[str]]:
        """For each shingle, the other documents that hold it (sorted ids); shingles no other holds are left out."""
        out: dict[int, list[str]] = {}
        keys = unique_sorted(hashes)
        for k in range(0, len(keys), _QUERY_CHUNK):
            chunk = keys[k:k + _QUERY_CHUNK].tolist()
            q = ("SELECT s.h, d.doc_id FROM shingles s JOIN docs d ON d.id = s.doc WHERE s.h IN ("
                 + ",".join("?" * len(chunk)) + ")")
            for h, doc_id in self.con.execute(q, chunk):
                if doc_id != exclude:
                    out.setdefault(h, []).append(doc_id)
        for v in out.values():
            v.sort()
        return out

    def sharing(self, hashes: Iterable[int], exclude: str, at_least: int) -> set[str]:
        """Other documents holding at least ``at_least`` of these (distinct) shingles."""
        counts: dict[str, int] = {}
        for docs in self.holders(hashes, exclude).values():
            for d in docs:
                counts[d] = counts.get(d, 0) + 1
        return {d for d, c in counts.items() if c >= at_least}


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
    distinct: int = 0   # distinct shingles among them


def shared_runs(text: str, index: ShingleIndex, self_id: str, n: int, max_gap: int) -> list[Match]:
    """Runs of consecutive shingles of ``text`` that occur in one other document (gaps allowed)."""
    words, starts, ends = _word_spans(text)
    sh = array("q", (shingle_hash(words[i:i + n]) for i in range(len(words) - n + 1)))
    held = index.holders(sh, self_id)
    hits: dict[str, list[int]] = {}
    for i, s in enumerate(sh):
        for d in held.get(s, ()):
            hits.setdefault(d, []).append(i)
    out: list[Match] = []
    for d in sorted(hits):
        idx = hits[d]
        a = b = idx[0]
        run = [a]
        for i in idx[1:] + [None]:  # type: ignore[list-item]
            if i is not None and i - b <= max_gap + 1:
                b = i
                run.append(i)
                continue
            last_word = min(len(words) - 1, b + n - 1)
            out.append(Match(d, starts[a], ends[last_word], len(run), last_word - a + 1,
                             len({sh[j] for j in run})))
            if i is not None:
                a = b = i
                run = [i]
    return out


def matches(norm: dict[str, Any], index: ShingleIndex, doc_id: str, rcfg: dict[str, Any]) -> list[dict[str, Any]]:
    """The shared runs of one document that pass the ``copyright.copied`` thresholds."""
    from .stages.copyright.text import paragraphs, prose_share

    n = rcfg["shingle_words"]
    floor = min_shared(rcfg)
    runs = [m for m in shared_runs(norm["text"], index, doc_id, n, rcfg["max_gap_shingles"])
            if m.words >= rcfg["min_words"] and m.distinct >= floor]
    paras = paragraphs(norm) if runs else []   # a document sharing nothing never builds them
    out = []
    for m in runs:
        touched = [p for p in paras if p.start < m.end and m.start < p.end]
        article = max(1, sum(max(0, p.words - n + 1) for p in touched))
        conf = earwig_confidence(article, m.shared)
        share = prose_share(touched, rcfg["prose_min_words"])
        if conf < rcfg["min_confidence"] or share < rcfg["min_prose_share"]:
            continue   # shared menus and site templates are boilerplate, not a reproduced work
        # the other document's size: the copyright stage tells a duplicate (the same page saved
        # twice) from a page wholly contained in a longer one
        out.append({"document": m.document, "document_words": index.words_of(m.document) or 0,
                    "start": m.start, "end": m.end, "words": m.words,
                    "shared_shingles": m.shared, "passage_shingles": article,
                    "earwig_confidence": conf, "prose_share": share})
    return out


# ------------------------------------------------------------------------------ the step
def params_hash(config: Config) -> str:
    """What the copies files depend on besides the documents: the rule's section and this code."""
    code = Path(__file__).read_bytes() + (Path(__file__).parent / "stages" / "copyright" / "text.py").read_bytes()
    return hash_json({"copied": config.section("copyright").get("copied"), "index": INDEX_VERSION,
                      "code": hashlib.sha256(code).hexdigest()})


def copies_path(out_dir: Path, doc_id: str) -> Path:
    return out_dir / FOLDER / f"{doc_id}.json"


def _signature(path: Path) -> str | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


def update(out_dir: Path, doc_ids: Iterable[str], config: Config) -> list[str]:
    """Bring ``corpus/copies/`` in step with the normalise outputs of ``doc_ids``.

    Returns the documents whose copies file was written (their copyright stage is stale)."""
    rcfg = config.section("copyright")["copied"]
    want = {}
    for d in doc_ids:
        sig = _signature(out_dir / SOURCE / f"{d}.json")
        if sig is not None:
            want[d] = sig
    cache = out_dir / ".cache"
    cache.mkdir(parents=True, exist_ok=True)
    index = ShingleIndex(str(cache / f"copies-v{INDEX_VERSION}-n{rcfg['shingle_words']}.sqlite"))
    params = params_hash(config)
    floor = min_shared(rcfg)
    affected: set[str] = set()
    index.con.execute("BEGIN IMMEDIATE")
    try:
        have = index.signatures()
        if index.meta("params") != params:
            affected = set(want)   # thresholds or code changed: every document is checked again
        for d in sorted(have):
            if want.get(d) != have[d]:
                affected |= index.sharing(index.shingles_of(d), d, floor)
                index.remove(d)
        for d in sorted(want):
            if have.get(d) != want[d]:
                text = _normalised(out_dir, d, ())["text"]
                hashes = doc_shingles(text, rcfg["shingle_words"]) if rcfg["enabled"] else unique_sorted(())
                index.add(d, want[d], hashes, sum(1 for _ in TOKEN_RE.finditer(text)))
                affected.add(d)
                affected |= index.sharing(hashes, d, floor)
        index.set_meta("params", params)
        # kept until every file is written: an interrupted step re-checks them next time
        affected |= set(json.loads(index.meta("pending") or "[]"))
        index.set_meta("pending", json.dumps(sorted(affected)))
        index.con.execute("COMMIT")
    except BaseException:
        index.con.execute("ROLLBACK")
        raise
    affected |= {d for d in want if not copies_path(out_dir, d).exists()}
    written = []
    for d in sorted(affected & set(want)):
        norm = _normalised(out_dir, d, ("paragraphs",))
        found = matches(norm, index, d, rcfg) if rcfg["enabled"] else []
        data = dump_bytes({"schema": "pipeline.copies/1", "document": d, "params_hash": params,
                           "enabled": bool(rcfg["enabled"]), "matches": found})
        if write_if_changed(copies_path(out_dir, d), data):
            written.append(d)
    index.set_meta("pending", "[]")
    folder = out_dir / FOLDER
    if folder.is_dir():
        for p in folder.iterdir():
            if p.name.endswith(".json") and not p.name.startswith(".") and p.name[:-5] not in want:
                p.unlink()
    index.con.close()
    return written


def _normalised(out_dir: Path, doc_id: str, lists: tuple[str, ...]) -> dict[str, Any]:
    """A normalise output with its text and only the record lists named (``map``, ``lines``
    and ``edits`` of a huge document are never read into memory here)."""
    return read_json_records(out_dir / SOURCE / f"{doc_id}.json", lambda _h, key, _r: key in lists,
                             only=frozenset(lists))
