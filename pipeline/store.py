"""Files on disk: document ids, stage paths, canonical JSON, atomic writes.

Writes go to a temporary file in the same folder and are renamed into place, so an
interrupted run never leaves a half-written output in ``processed/``.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Sequence
from typing import Any, Callable, Iterable, Iterator

from .errors import InputError

RAW_SUFFIXES_IGNORED = (".gitkeep", ".DS_Store")
_UMASK = os.umask(0)
os.umask(_UMASK)
_UNSAFE = re.compile(r"[^\w.\-]", re.UNICODE)


MAX_ID_BYTES = 150  # an id plus the longest suffix and temporary-file affixes stays under 255 bytes


def doc_id_for(name: str) -> str:
    """A file-system and Makefile-safe id for a raw file name, stable and collision-free.

    Names that are already safe (and short) stay as they are (``000_x.txt``); others get their
    unsafe characters replaced, are cut to ``MAX_ID_BYTES`` and get a short hash of the
    original name appended (a 250-byte name plus ``.extract.txt`` is no file name).
    """
    safe = _UNSAFE.sub("_", name)
    if safe == name and not name.startswith(".") and len(name.encode("utf-8", "surrogateescape")) <= MAX_ID_BYTES:
        return name
    digest = hashlib.sha1(name.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    head = safe.lstrip(".").encode("utf-8", "surrogateescape")[: MAX_ID_BYTES - len(digest) - 1]
    return f"{head.decode('utf-8', 'ignore')}-{digest}"


@dataclass(frozen=True)
class RawDoc:
    doc_id: str
    name: str
    path: Path


def _hidden(name: str) -> bool:
    return name.startswith(".") or name in RAW_SUFFIXES_IGNORED


def list_raw(raw_dir: Path) -> list[RawDoc]:
    """Every raw document under ``raw_dir`` (recursively), sorted by name for determinism.

    Hidden files and folders (``.git/``, ``.DS_Store``) are not documents. No file is opened
    here and no symlink is followed: a symlink (to a folder, or dangling), a FIFO or a device
    is listed as a document, so that :func:`read_raw_bytes` refuses it as one failed document.
    """
    docs: list[RawDoc] = []
    root = str(raw_dir)
    for folder, dirs, files in os.walk(root, followlinks=False):
        kept = []
        for d in dirs:
            if _hidden(d):
                continue
            if os.path.islink(os.path.join(folder, d)):
                files.append(d)  # a symlink to a folder: one (refused) document, never walked
            else:
                kept.append(d)
        dirs[:] = kept
        for f in files:
            if _hidden(f):
                continue
            path = Path(folder, f)
            name = path.relative_to(raw_dir).as_posix()
            docs.append(RawDoc(doc_id_for(name), printable_name(name), path))
    docs.sort(key=lambda d: d.name)
    return docs


def printable_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as surrogates, which no
    output can hold) shown as ``\\xff`` escapes. The id is made from the name as it is."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def find_raw(raw_dir: Path, doc_id: str) -> RawDoc:
    direct = raw_dir / doc_id
    if doc_id_for(doc_id) == doc_id and os.path.lexists(direct):
        return RawDoc(doc_id, doc_id, direct)  # a safe name is its own id: no need to list the folder
    for doc in list_raw(raw_dir):
        if doc.doc_id == doc_id:
            return doc
    raise InputError(f"{raw_dir}/{doc_id}: no raw document with this id")


def is_outside(doc: RawDoc, raw_dir: Path) -> bool:
    """Does the raw path lead outside the raw folder (through a symlink, itself or a parent's)?"""
    root = raw_dir.resolve()
    return root not in doc.path.resolve().parents


def raw_dir_of(doc: RawDoc) -> Path:
    """The raw folder a listed document came from (its path less its relative name)."""
    return doc.path.parents[len(Path(doc.name).parts) - 1]


def raw_refusal(doc: RawDoc, raw_dir: Path, max_bytes: int | None = None) -> str | None:
    """Why the raw file is refused, or None for a readable document. Never opens the file.

    The symlink policy: a symlink is followed only when it (and every link on the way) ends
    at a regular, not hidden, file inside the raw folder; a link out of raw/, to a folder, to a
    hidden file or to nothing is refused. Only regular files are read: a FIFO would block the run, a device never ends.
    """
    try:
        link = os.path.islink(doc.path)
        st = os.stat(doc.path)  # follows links: what a read would get
    except FileNotFoundError:
        return "dangling symlink refused (its target does not exist)" if os.path.lexists(doc.path) \
            else "the file disappeared"
    except OSError as exc:
        return "symlink loop refused" if exc.errno == errno.ELOOP else f"cannot read: {exc.strerror}"
    if link and is_outside(doc, raw_dir):  # listed files have no linked folder above them (never walked)
        return f"symlink to a {'folder' if stat.S_ISDIR(st.st_mode) else 'file'} outside the raw folder refused"
    if stat.S_ISDIR(st.st_mode):
        return "symlink to a folder refused" if link else "a folder, not a file"
    if link and any(_hidden(part) for part in doc.path.resolve().relative_to(raw_dir.resolve()).parts):
        return "symlink to a hidden file refused (hidden files are not documents)"
    if not stat.S_ISREG(st.st_mode):
        return f"not a regular file ({_kind(st.st_mode)}) refused"
    if max_bytes is not None and st.st_size > max_bytes:
        return f"file too large: {st.st_size:,} bytes, over the input.max_bytes limit of {max_bytes:,}"
    return None


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a file"


def read_raw_bytes(doc: RawDoc, raw_dir: Path, max_bytes: int | None = None) -> bytes:
    """The raw bytes of one document, through :func:`raw_refusal`'s checks; a refusal is an
    ``InputError`` (one failed document, never a failed corpus).

    Opened non-blocking and checked again on the open file, so a file swapped for a FIFO
    between the check and the open cannot hang the run.
    """
    why = raw_refusal(doc, raw_dir, max_bytes)
    if why:
        raise InputError(why)
    try:
        fd = os.open(doc.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"not a regular file ({_kind(st.st_mode)}) refused")
        try:
            data = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}") from None
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(f"file too large: over the input.max_bytes limit of {max_bytes:,} bytes")
    return data


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


_RECORDS_PER_CHUNK = 2000


class PackedRecords(Sequence):
    """A list of records held as their canonical JSON (about a third of the memory of the dicts: a
    huge document's quotations): :func:`dump_chunks` writes the bytes as they are, a reader in the
    same process gets each record decoded afresh (a copy: changing it changes nothing here)."""

    def __init__(self, records: Iterable[Any] = ()) -> None:
        import orjson

        # orjson's result keeps its working buffer (about 10 KB a record): copied to its length
        self.packed = [bytes(memoryview(orjson.dumps(r, option=orjson.OPT_NON_STR_KEYS))) for r in records]

    def append(self, record: Any) -> None:
        import orjson

        self.packed.append(bytes(memoryview(orjson.dumps(record, option=orjson.OPT_NON_STR_KEYS))))

    def __len__(self) -> int:
        return len(self.packed)

    def __getitem__(self, i: Any) -> Any:
        import orjson

        if isinstance(i, slice):
            return [orjson.loads(b) for b in self.packed[i]]
        return orjson.loads(self.packed[i])

    def __iter__(self) -> Iterator[Any]:
        import orjson

        return (orjson.loads(b) for b in self.packed)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (list, PackedRecords)) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"PackedRecords({list(self)!r})"


def _unpacked(value: Any) -> Any:
    """orjson's fallback: packed records (empty, or not at an output's top level) as a list."""
    if isinstance(value, PackedRecords):
        return list(value)
    raise TypeError(f"Type is not JSON serializable: {type(value).__name__}")


def dump_chunks(obj: Any) -> Iterator[bytes]:
    """Canonical JSON for outputs, in pieces: same object, same bytes (UTF-8, keys in insertion
    order, final newline). A mapping has one top-level key a line and a list of records one
    record a line, each record compact: an output stays about the size of its records (one
    value a line tripled extract's output on text with many short lines) and stays readable
    and diffable. Pieces, so that a large output is written without one huge buffer.
    """
    import orjson

    opts = orjson.OPT_NON_STR_KEYS
    if not isinstance(obj, dict) or not obj:
        yield orjson.dumps(obj, option=opts, default=_unpacked) + b"\n"
        return
    last = len(obj) - 1
    yield b"{\n"
    for i, (key, value) in enumerate(obj.items()):
        end = b"\n" if i == last else b",\n"
        head = b"  " + orjson.dumps(key if isinstance(key, str) else str(key)) + b": "
        if isinstance(value, (list, PackedRecords)) and value:
            packed = value.packed if isinstance(value, PackedRecords) else None
            yield head + b"[\n"
            for k in range(0, len(value), _RECORDS_PER_CHUNK):
                piece = b",\n".join(b"    " + v for v in packed[k:k + _RECORDS_PER_CHUNK]) if packed is not None else \
                    b",\n".join(b"    " + orjson.dumps(v, option=opts, default=_unpacked) for v in value[k:k + _RECORDS_PER_CHUNK])
                yield piece + (b"\n" if k + _RECORDS_PER_CHUNK >= len(value) else b",\n")
            yield b"  ]" + end
        else:
            yield head + orjson.dumps(value, option=opts, default=_unpacked) + end
    yield b"}\n"


def dump_bytes(obj: Any) -> bytes:
    """:func:`dump_chunks` in one piece."""
    return b"".join(dump_chunks(obj))


def dumps(obj: Any) -> str:
    """``dump_bytes`` as text."""
    return dump_bytes(obj).decode("utf-8")


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` (bytes, or pieces of it) to a temporary file and rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, (bytes, bytearray, memoryview)):
                fh.write(data)
            else:
                for piece in data:
                    fh.write(piece)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` atomically unless the file already holds exactly it: a run that changed
    nothing leaves the file (and its mtime) alone. Whether it wrote."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    atomic_write_bytes(path, data)
    return True


def temporaries_of(path: Path) -> list[Path]:
    """The temporary files a write of ``path`` (:func:`atomic_write_bytes`) may have left behind."""
    temp = re.compile(rf"\.{re.escape(path.name)}\.[a-z0-9_]{{8}}\.tmp")
    return [p for p in (path.parent.iterdir() if path.parent.is_dir() else ()) if temp.fullmatch(p.name)]


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
    """One JSON line per row, written row by row (a large index is never one string)."""
    atomic_write_bytes(path, ((json.dumps(r, ensure_ascii=False) + "\n").encode("utf-8") for r in rows))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return list(iter_jsonl(path))


def iter_jsonl(path: Path) -> Iterator[Any]:
    """The rows of a JSON-lines file one at a time (a huge corpus index is never all in memory).
    Rows end at a newline only: a quotation holding U+2028 (which ``str.splitlines`` also splits
    at) is one row, not two broken ones; unreadable lines are skipped."""
    if not path.exists():
        return
    with open(path, "rb") as fh:
        for raw in fh:
            line = raw.decode("utf-8").rstrip("\r\n")
            if line.strip():
                try:
                    yield json.loads(line)
                except ValueError:
                    continue


def read_json_streamed(path: Path, each: Callable[[dict[str, Any], str, Any], None],
                       lists: Iterable[str] = ()) -> Any:
    """An output's top-level values, its lists named in ``lists`` passed to ``each(head, key,
    record)`` one record at a time and never kept (they come back empty; other lists are kept
    whole): a reader that needs a summary of a huge output never holds its records. The same
    calls, in the same order, whether the file is one record a line or not."""
    wanted = set(lists)
    calls = [0]

    def keep(head: dict[str, Any], key: str, record: Any) -> bool:
        if key not in wanted:
            return True
        calls[0] += 1
        each(head, key, record)
        return False

    data = _records_by_line(path, keep)
    if data is _NOT_BY_LINE:
        if calls[0]:
            raise ValueError(f"{path}: not one JSON record a line after {calls[0]} records")
        data = read_json(path)
    if isinstance(data, dict) and not calls[0]:   # read whole: the same calls now
        for key in [k for k in data if k in wanted and isinstance(data[k], list)]:
            records, data[key] = data[key], []
            for record in records:
                each(data, key, record)
    return data


_NOT_BY_LINE = object()


def read_json_records(path: Path, keep: Callable[[dict[str, Any], str, Any], bool],
                      shape: Callable[[str, Any], Any] | None = None, only: frozenset[str] | None = None) -> Any:
    """An output written by :func:`dump_chunks`, keeping of its lists only the records for which
    ``keep(head, key, record)`` is true (``head``: the top-level keys read so far), one line at
    a time: a reader that needs a few records of a huge output never holds all of them.
    ``shape(key, record)``, if given, replaces each kept record as it is read (a reader that
    needs a few fields of each). ``only``, if given: the lists whose records ``keep`` can want; the
    records of the others are skipped unparsed (their lists come back empty). Any other JSON is
    read whole (and not shaped)."""
    data = _records_by_line(path, keep, shape, only)
    return read_json(path) if data is _NOT_BY_LINE else data  # not the line-per-record form after all


def _records_by_line(path: Path, keep: Callable[[dict[str, Any], str, Any], bool],
                     shape: Callable[[str, Any], Any] | None = None, only: frozenset[str] | None = None) -> Any:
    import orjson

    with open(path, "rb") as fh:
        first = fh.readline()
        if first != b"{\n":
            return orjson.loads(first + fh.read())
        head: dict[str, Any] = {}
        key, items = "", None
        try:
            for line in fh:
                if items is not None:
                    if line.startswith(b"  ]"):
                        head[key], items = items, None
                    elif only is not None and key not in only:
                        pass   # a list the reader never keeps a record of: not parsed
                    else:
                        record = _loads(line.rstrip(b"\n").rstrip(b","))
                        if keep(head, key, record):
                            items.append(record if shape is None else shape(key, record))
                    continue
                if line == b"}\n":
                    return head
                text = line.rstrip(b"\n").rstrip(b",") if len(line) < _LONG_LINE else None
                if text is not None and text.endswith(b": ["):  # a list, one record a line (a string value ends with a quote)
                    key, items = orjson.loads(text[:-3]), []
                elif text is not None:
                    head.update(orjson.loads(b"{" + text + b"}"))
                else:
                    head.update(_long_value(line))
        except (json.JSONDecodeError, UnicodeDecodeError):   # orjson's is json's too
            pass
    return _NOT_BY_LINE


_LONG_LINE = 1 << 16   # a top-level value this long (a huge document's text) is parsed in place
_SIMPLE_KEY = re.compile(rb'  ("[A-Za-z0-9_]+"): ')


def _long_value(line: bytes) -> dict[str, Any]:
    """One long ``  "key": value,`` line as ``{key: value}``, the value parsed from a view of the
    line (no copies of a text of many megabytes)."""
    import orjson

    m = _SIMPLE_KEY.match(line)
    if m is None:
        return _loads(b"{" + line.rstrip(b"\n").rstrip(b",") + b"}")
    end = len(line) - (line[-1:] == b"\n")
    end -= line[end - 1:end] == b","
    return {orjson.loads(m.group(1)): _loads(line[m.end():end])}


def _loads(data: bytes) -> Any:
    """One JSON value: orjson, except for a long one (json's parser holds about the text once,
    orjson's about fifteen times its size while it parses)."""
    import orjson

    return json.loads(data) if len(data) >= _LONG_LINE else orjson.loads(data)


def read_json(path: Path) -> Any:
    """A JSON file; an output written by :func:`dump_chunks` a line at a time (parsed whole, a
    huge document's output would hold about fifteen times its size while it is read)."""
    import orjson

    data = _records_by_line(path, _all)
    return orjson.loads(path.read_bytes()) if data is _NOT_BY_LINE else data  # its JSONDecodeError is a ValueError


def _all(_head: dict[str, Any], _key: str, _record: Any) -> bool:
    return True
