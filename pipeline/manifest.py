"""``processed/manifest.json``: every document with its hashes, its stage outputs and errors.

Hashing every output of every document on each run would make adding one document to a large
corpus slow, so :class:`FileHashes` reuses a file's sha256 while its (size, mtime, inode) is
unchanged since it was hashed. That cache lives in make's bookkeeping folder
(``processed/.make/hashes.json``), never in ``manifest.json``, which stays deterministic.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from . import __version__
from .config import Config
from .stages import stages
from .store import RawDoc, atomic_write_bytes, atomic_write_text, dump_bytes, raw_refusal, sha256_file

HASH_CACHE = Path(".make") / "hashes.json"
# A file modified this soon before it was hashed may change again within the file system's
# timestamp resolution without its (size, mtime) changing: such hashes are not kept.
RACY_NS = 2_000_000_000


class FileHashes:
    """sha256 of files, reused while a file's (size, mtime_ns, inode) is unchanged.

    ``path`` is the cache file; None keeps hashes for this process only (a folder that make
    does not manage: ``pipeline run`` rewrites every output anyway).
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.old: dict[str, list[Any]] = {}
        self.new: dict[str, list[Any]] = {}
        self.fresh: dict[str, list[Any]] = {}  # hashed this run but too recent to keep
        self.computed = 0  # files actually read this run (tests count them)
        if path is not None:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("schema") == "pipeline.hashes/1" and isinstance(data.get("files"), dict):
                    self.old = data["files"]
            except (OSError, ValueError, AttributeError):
                self.old = {}

    @classmethod
    def for_out_dir(cls, out_dir: Path) -> "FileHashes":
        """The cache of a processed folder, kept only where make keeps its bookkeeping."""
        return cls(out_dir / HASH_CACHE if (out_dir / ".make").is_dir() else None)

    def sha256(self, path: Path | str) -> str | None:
        """The file's sha256, or None when it does not exist (or is not a readable file)."""
        key = str(path)
        try:
            st = os.stat(path)
        except OSError:
            return None
        sig = [st.st_size, st.st_mtime_ns, st.st_ino]
        for cache in (self.new, self.old):
            hit = cache.get(key)
            if hit is not None and hit[:3] == sig:
                self.new[key] = hit
                return hit[3]
        hit = self.fresh.get(key)
        if hit is not None and hit[:3] == sig:
            return hit[3]
        now = time.time_ns()
        try:
            digest = sha256_file(path)
        except OSError:
            return None
        self.computed += 1
        (self.new if now - st.st_mtime_ns > RACY_NS else self.fresh)[key] = [*sig, digest]
        return digest

    def remember(self, path: Path | str, digest: str) -> None:
        """Record the hash of a file this process has just written (its content is known)."""
        try:
            st = os.stat(path)
        except OSError:
            return
        self.new[str(path)] = [st.st_size, st.st_mtime_ns, st.st_ino, digest]

    def save(self) -> None:
        """Keep the hashes used in this run (files no longer asked about drop out)."""
        if self.path is None or self.new == self.old:
            return
        text = json.dumps({"schema": "pipeline.hashes/1", "files": self.new}, sort_keys=True, separators=(",", ":"))
        try:
            atomic_write_text(self.path, text + "\n")
        except OSError:
            pass  # a cache: losing it costs time, not correctness


def prune_orphans(out_dir: Path, docs: list[RawDoc]) -> None:
    """Remove outputs of documents no longer in raw/, so processed/ mirrors raw/."""
    ids = {d.doc_id for d in docs}
    for spec in stages():
        folder = out_dir / spec.folder
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            doc_id = _doc_id_of(path.name, spec.text_suffix)
            if doc_id is not None and doc_id not in ids:
                path.unlink()
    errors = out_dir / "errors"
    if errors.is_dir():
        for path in errors.iterdir():
            if path.name.rsplit(".", 2)[0] not in ids:
                path.unlink()


def _doc_id_of(filename: str, text_suffix: str | None) -> str | None:
    for suffix in (".json", text_suffix):
        if suffix and filename.endswith(suffix) and not filename.startswith("."):
            return filename[: -len(suffix)]
    return None


def error_files(out_dir: Path, doc_ids: list[str]) -> dict[str, list[Path]]:
    """Per document, its files ``errors/<doc_id>.*.txt`` (sorted), from one listing of the folder.

    Same files as ``glob(f"{doc_id}.*.txt")`` per document, without listing the folder once per document.
    """
    folder = out_dir / "errors"
    out: dict[str, list[Path]] = {}
    if not folder.is_dir():
        return out
    ids = set(doc_ids)
    for path in sorted(folder.iterdir()):
        name = path.name
        if name.startswith(".") or not name.endswith(".txt"):
            continue
        doc_id, dot, step = name[:-4].rpartition(".")  # the step (a stage name) has no dot; an id may
        if dot and step and doc_id in ids and path.is_file():
            out.setdefault(doc_id, []).append(path)
    return out


def error_line(path: Path) -> str:
    """What the manifest and the report show of an error file: its first line."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return lines[0] if lines else path.name


def write(out_dir: Path, raw_dir: Path, docs: list[RawDoc], config: Config,
          hashes: FileHashes | None = None) -> dict[str, Any]:
    own_cache = hashes is None
    if hashes is None:
        hashes = FileHashes.for_out_dir(out_dir)
    errors_of = error_files(out_dir, [d.doc_id for d in docs])
    # (key, folder) per stage output; paths as strings: this loop runs for every file of the corpus
    kinds = [(f"{spec.name}{suffix}", spec.folder, suffix) for spec in stages()
             for suffix in dict.fromkeys([".json", spec.text_suffix or ".json"])]
    base = str(out_dir)
    entries = []
    for doc in docs:
        entry: dict[str, Any] = {"id": doc.doc_id, "raw": f"{raw_dir.name}/{doc.name}"}
        try:
            # a refused raw file (a FIFO, a link out of raw/) is never opened, not even to hash it
            entry["raw_sha256"] = None if raw_refusal(doc, raw_dir) else hashes.sha256(doc.path)
        except OSError:
            entry["raw_sha256"] = None
        outputs = {}
        for key, folder, suffix in kinds:
            rel = f"{folder}/{doc.doc_id}{suffix}"
            digest = hashes.sha256(os.path.join(base, rel))
            if digest is not None:
                outputs[key] = {"path": rel, "sha256": digest}
        entry["outputs"] = outputs
        errs = errors_of.get(doc.doc_id, [])
        if errs:
            entry["errors"] = [error_line(e) for e in errs]
        entry["status"] = "error" if errs else ("ok" if len(outputs) > len(stages()) - 1 else "incomplete")
        entries.append(entry)
    manifest = {
        "schema": "pipeline.manifest/1",
        "pipeline_version": __version__,
        "config_file": Path(config.path).name,
        "stages": [
            {"name": s.name, "folder": s.folder, "config_hash": config.section_hash(s.name), "code_hash": s.code_hash()}
            for s in stages()
        ],
        "documents": entries,
    }
    atomic_write_bytes(out_dir / "manifest.json", dump_bytes(manifest))
    if own_cache:
        hashes.save()
    return manifest
