"""The plan of ``make all``: which documents each step must (re)build, from recorded provenance.

The Makefile names the steps (``extract strip normalise quotes copies copyright publish
corpus``); each step is one process over all of its stale documents (``pipeline make-stage``),
so a model loads once per worker, not once per document. ``pipeline plan`` decides, for every
document and stage, whether the output is stale the way ``pipeline run`` would rebuild it:

- the output (or its text rendering) is missing;
- its recorded provenance differs: the raw file's sha256, the stage's config-section hash,
  code hash or library versions;
- an input (an earlier stage's output, or the corpus step's ``copies`` file) is newer than it,
  or is rebuilt in this run.

It writes one list of document ids per step under ``.make/todo/`` (data, never a recipe: no
raw file name ever reaches make or a shell), and the Makefile skips a step whose list is empty
without starting Python. The check stays cheap on a large corpus: a raw file's hash is reused
while its size, mtime and inode are unchanged (``manifest.FileHashes``), and an output's
provenance is cached against the same signature (read from the file's head otherwise).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from .config import Config, hash_json
from .stages import code_hash, stages
from .store import RawDoc, atomic_write_text, list_raw, raw_refusal, read_json, remove_stale_temporaries

MAKE_DIR = ".make"
TODO_DIR = Path(MAKE_DIR) / "todo"
CORPUS_STEPS = ("copies", "corpus")   # copies: before copyright; corpus: indexes, report, manifest
FINISH_MODULES = ("corpus.py", "report", "manifest.py", "summary.py")


def steps() -> tuple[str, ...]:
    """Every step of ``make all`` in order (the Makefile's targets)."""
    from .runner import CORPUS_STEP_BEFORE

    out: list[str] = []
    for spec in stages():
        if spec.name in CORPUS_STEP_BEFORE:
            out.append(CORPUS_STEP_BEFORE[spec.name])
        out.append(spec.name)
    return (*out, "corpus")


def todo_path(out_dir: Path, step: str) -> Path:
    return out_dir / TODO_DIR / step


def read_todo(out_dir: Path, step: str) -> list[str]:
    try:
        text = todo_path(out_dir, step).read_text(encoding="utf-8")
    except OSError:
        return []
    return [json.loads(line) for line in text.split("\n") if line.strip()]


def write_todo(out_dir: Path, step: str, doc_ids: list[str]) -> None:
    """One JSON string a line: any id, any character, read back exactly."""
    atomic_write_text(todo_path(out_dir, step), "".join(json.dumps(d) + "\n" for d in doc_ids))


def add_todo(out_dir: Path, step: str, doc_ids: list[str]) -> None:
    have = read_todo(out_dir, step)
    new = [d for d in doc_ids if d not in set(have)]
    if new:
        write_todo(out_dir, step, have + new)


# ------------------------------------------------------------------------------ provenance
def _sig(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def read_provenance(path: Path) -> list[str] | None:
    """[raw sha256, config hash, code hash, libraries hash] an output records, from its head
    (the envelope comes first in every output), or from the whole file if need be."""
    try:
        with open(path, "rb") as fh:
            head = _envelope(fh.read(1 << 16))
    except OSError:
        return None
    if head is None:
        try:
            head = read_json(path)
        except (OSError, ValueError):
            return None
    try:
        prov = head["provenance"]
        return [head["document"]["raw_sha256"], prov["config_hash"], prov["code_hash"], hash_json(prov["libraries"])]
    except (KeyError, TypeError):
        return None


def _envelope(data: bytes) -> dict[str, Any] | None:
    """``document`` and ``provenance`` from the first bytes of an output: one top-level key a
    line (``store.dump_chunks``), or an indented block each; None if they are not both there."""
    out: dict[str, Any] = {}
    for key in (b"document", b"provenance"):
        start = data.find(b'\n  "' + key + b'": {')
        if start < 0:
            return None
        value = start + len(key) + 7
        line_end = data.find(b"\n", value)
        end = line_end if line_end >= 0 and data[value:line_end].rstrip(b",").endswith(b"}") else data.find(b"\n  }", value) + 4
        if end < 4:
            return None
        try:
            out[key.decode()] = json.loads(data[value:end].rstrip().rstrip(b","))
        except ValueError:
            return None
    return out


class ProvenanceCache:
    """Outputs' provenance, reused while an output's (size, mtime, inode) is unchanged."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / MAKE_DIR / "provenance.json"
        self.base = str(out_dir)
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.old: dict[str, list[Any]] = data["files"] if data.get("schema") == "pipeline.provenance/1" else {}
        except (OSError, ValueError, KeyError, AttributeError):
            self.old = {}
        self.new: dict[str, list[Any]] = {}
        self.remembered = False

    def get(self, rel: str, st: os.stat_result) -> list[str] | None:
        hit = self.new.get(rel) or self.old.get(rel)
        if hit is not None and hit[:3] == _sig(st):
            self.new[rel] = hit
            return hit[3:]
        prov = read_provenance(Path(self.base) / rel)
        if prov is not None:
            self.new[rel] = [*_sig(st), *prov]
        return prov

    def remember(self, rel: str, prov: list[str]) -> None:
        try:
            st = os.stat(os.path.join(self.base, rel))
        except OSError:
            return
        self.new[rel] = [*_sig(st), *prov]
        self.remembered = True

    def save(self, keep_old: bool = False) -> None:
        files = {**self.old, **self.new} if keep_old else self.new
        if files == self.old and not self.remembered:
            return
        try:
            atomic_write_text(self.path, json.dumps({"schema": "pipeline.provenance/1", "files": files},
                                                    sort_keys=True, separators=(",", ":")) + "\n")
        except OSError:
            pass   # a cache: losing it costs time, not correctness


def expected_provenance(config: Config) -> dict[str, list[str]]:
    """Per stage, [config hash, code hash, libraries hash] a fresh output records."""
    from .runner import library_versions

    return {s.name: [config.section_hash(s.name), code_hash(s.name), hash_json(library_versions(s.libraries))]
            for s in stages()}


# ------------------------------------------------------------------------------ stamps
def finish_hash(config: Config) -> str:
    from .stages import PACKAGE_DIR

    h = hashlib.sha256()
    for name in FINISH_MODULES:
        p = PACKAGE_DIR / name
        for f in sorted(p.glob("*.py")) if p.is_dir() else [p] if p.exists() else []:  # report/ is a package
            h.update(f.read_bytes())
    h.update(hash_json({k: config.section(k) for k in ("corpus", "report")}).encode())
    return h.hexdigest()[:16]


def stamp_text(step: str, config: Config, doc_ids: list[str]) -> str:
    """What a corpus step was last run for: its code and config, and the set of documents."""
    from .corpus_copies import params_hash

    what = params_hash(config) if step == "copies" else finish_hash(config)
    return f"{step} {what}\ndocuments {hash_json(sorted(doc_ids))}\n"


def stamp_path(out_dir: Path, step: str) -> Path:
    return out_dir / MAKE_DIR / f"{step}.done"


def write_stamp(out_dir: Path, step: str, config: Config, doc_ids: list[str]) -> None:
    atomic_write_text(stamp_path(out_dir, step), stamp_text(step, config, doc_ids))


def _stamp_ok(out_dir: Path, step: str, config: Config, doc_ids: list[str], newest_input: int) -> bool:
    path = stamp_path(out_dir, step)
    try:
        if path.read_text(encoding="utf-8") != stamp_text(step, config, doc_ids):
            return False
        return path.stat().st_mtime_ns >= newest_input
    except OSError:
        return False


# ------------------------------------------------------------------------------ the plan
def write_plan(raw_dir: Path, out_dir: Path, config: Config) -> dict[str, list[str]]:
    """Decide every step's documents and write ``.make/todo/<step>``; returns the lists."""
    from .corpus_copies import copies_path
    from .manifest import FileHashes
    from .runner import CORPUS_INPUTS, stage_inputs

    remove_stale_temporaries(out_dir)
    (out_dir / MAKE_DIR).mkdir(parents=True, exist_ok=True)
    docs = list_raw(raw_dir)
    ids = [d.doc_id for d in docs]
    raw_hashes = FileHashes(out_dir / MAKE_DIR / "raw-hashes.json")
    cache = ProvenanceCache(out_dir)
    expected = expected_provenance(config)
    specs = stages()
    inputs = {s.name: stage_inputs(s) for s in specs}
    todo: dict[str, list[str]] = {s: [] for s in steps()}
    newest = {"normalise": 0, "all": 0}
    base, copies_dir = str(out_dir), str(copies_path(out_dir, "x").parent)
    for doc in docs:   # paths as strings: this loop runs for every stage of every document
        raw_sha = None if raw_refusal(doc, raw_dir) else raw_hashes.sha256(doc.path)  # a FIFO is never opened
        mtime: dict[str, int | None] = {}
        stale: set[str] = set()
        for spec in specs:
            rel = f"{spec.folder}/{doc.doc_id}.json"
            st = _stat(f"{base}/{rel}")
            mtime[spec.name] = st.st_mtime_ns if st else None
            bad = st is None or raw_sha is None
            if not bad and spec.text_suffix:
                bad = _stat(f"{base}/{spec.folder}/{doc.doc_id}{spec.text_suffix}") is None
            for name in inputs[spec.name]:
                if bad:
                    break
                if name in CORPUS_INPUTS:
                    cst = _stat(f"{copies_dir}/{doc.doc_id}.json")
                    bad = cst is None or cst.st_mtime_ns > st.st_mtime_ns
                else:
                    bad = name in stale or mtime[name] is None or mtime[name] > st.st_mtime_ns
            if not bad:
                bad = cache.get(rel, st) != [raw_sha, *expected[spec.name]]
            if bad:
                stale.add(spec.name)
                todo[spec.name].append(doc.doc_id)
            elif st is not None:
                newest["all"] = max(newest["all"], st.st_mtime_ns)
                if spec.name == "normalise":
                    newest["normalise"] = max(newest["normalise"], st.st_mtime_ns)
    raw_hashes.save()
    cache.save()
    before_copies = steps()[:steps().index("copies")]
    if any(todo[s] for s in before_copies) or not _stamp_ok(out_dir, "copies", config, ids, newest["normalise"]):
        todo["copies"] = ["*"]
    if any(todo[s] for s in steps()) or not _stamp_ok(out_dir, "corpus", config, ids, newest["all"]) \
            or not (out_dir / "manifest.json").exists():
        todo["corpus"] = ["*"]
    for step, doc_ids in todo.items():
        write_todo(out_dir, step, doc_ids)
    return todo


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None
