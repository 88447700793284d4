"""Files on disk: document ids, stage paths, canonical JSON, atomic writes.

Writes go to a temporary file in the same folder and are renamed into place, so an
interrupted run never leaves a half-written output in ``processed/``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from .errors import InputError

RAW_SUFFIXES_IGNORED = (".gitkeep", ".DS_Store")
_UMASK = os.umask(0)
os.umask(_UMASK)
_UNSAFE = re.compile(r"[^\w.\-]", re.UNICODE)


def doc_id_for(name: str) -> str:
    """A file-system and Makefile-safe id for a raw file name, stable and collision-free.

    Names that are already safe stay as they are (``000_x.txt``); others get their
    unsafe characters replaced and a short hash of the original name appended.
    """
    safe = _UNSAFE.sub("_", name)
    if safe == name and not name.startswith("."):
        return name
    digest = hashlib.sha1(name.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return f"{safe.lstrip('.')}-{digest}"


@dataclass(frozen=True)
class RawDoc:
    doc_id: str
    name: str
    path: Path


def list_raw(raw_dir: Path) -> list[RawDoc]:
    """Every raw document under ``raw_dir`` (recursively), sorted by name for determinism."""
    docs: list[RawDoc] = []
    for path in sorted(raw_dir.rglob("*")):
        if path.is_dir() and not path.is_symlink():
            continue
        if path.name in RAW_SUFFIXES_IGNORED or path.name.startswith("."):
            continue
        name = path.relative_to(raw_dir).as_posix()
        docs.append(RawDoc(doc_id_for(name), name, path))
    return docs


def find_raw(raw_dir: Path, doc_id: str) -> RawDoc:
    direct = raw_dir / doc_id
    if doc_id_for(doc_id) == doc_id and (direct.is_file() or direct.is_symlink()):
        return RawDoc(doc_id, doc_id, direct)  # a safe name is its own id: no need to list the folder
    for doc in list_raw(raw_dir):
        if doc.doc_id == doc_id:
            return doc
    raise InputError(f"{raw_dir}/{doc_id}: no raw document with this id")


def is_outside(doc: RawDoc, raw_dir: Path) -> bool:
    """Does the raw path lead outside the raw folder (through a symlink, itself or a parent's)?"""
    root = raw_dir.resolve()
    return root not in doc.path.resolve().parents


def read_raw_bytes(doc: RawDoc, raw_dir: Path) -> bytes:
    """Read a raw file, refusing symlinks that lead outside the raw folder (raw/ is the corpus:
    a link out of it could pull any file of the machine into the outputs)."""
    if is_outside(doc, raw_dir):
        raise InputError("symlink to a file outside the raw folder refused")
    try:
        return doc.path.read_bytes()
    except IsADirectoryError:
        raise InputError("a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}") from None


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


_ORJSON_OPTS = None


def dump_bytes(obj: Any) -> bytes:
    """Canonical JSON for outputs: same object, same bytes (UTF-8, keys in insertion order,
    two-space indent, final newline). orjson writes it ~10x faster than the json module's
    indenting encoder, which is pure Python."""
    global _ORJSON_OPTS
    import orjson

    if _ORJSON_OPTS is None:
        _ORJSON_OPTS = orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS | orjson.OPT_APPEND_NEWLINE
    return orjson.dumps(obj, option=_ORJSON_OPTS)


def dumps(obj: Any) -> str:
    """``dump_bytes`` as text."""
    return dump_bytes(obj).decode("utf-8")


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def remove_stale_temporaries(out_dir: Path) -> int:
    """Delete temporary files an interrupted run left behind (``.<name>.<random>.tmp``).

    Called before a run starts writing (``pipeline plan``, ``pipeline run``), so that an
    interrupted run followed by another leaves the same files as one clean run.
    """
    removed = 0
    if not out_dir.is_dir():
        return 0
    for path in out_dir.rglob(".*.tmp"):
        if path.is_file() and not path.is_symlink():
            try:
                path.unlink()
                removed += 1
            except OSError:
                pass
    return removed


def write_jsonl(path: Path, rows: Iterable[Any]) -> None:
    atomic_write_text(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))


def read_json(path: Path) -> Any:
    import orjson

    return orjson.loads(path.read_bytes())  # its JSONDecodeError is json's (a ValueError)
