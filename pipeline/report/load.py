"""Reading a document's stage outputs and raw text for the report; settings and small helpers."""

from __future__ import annotations

import hashlib
import html
import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import quote

from ..errors import ConfigError
from ..store import iter_jsonl, read_jsonl  # noqa: F401  (the report's readers of corpus indexes)

DEFAULTS: dict[str, Any] = {
    "max_page_chars": 1_000_000,  # characters of raw text shown on a page; the rest is summarised
    "markup_chars": 160,          # characters shown of each run of HTML markup (the rest elided)
    "preview_chars": 220,         # characters of a record's text shown in tables
    "max_page_marks": 50_000,     # records drawn over the text of one page; the text stops before the next
    "max_span_depth": 12,         # records nested over one character; deeper ones are left to the tables
    "max_table_rows": 5_000,      # rows of each table on a page (the first ones; the count says how many)
}
PALETTE = ("#ffd8a8", "#b2f2bb", "#a5d8ff", "#fcc2d7", "#d0bfff", "#ffec99",
           "#99e9f2", "#eebefa", "#c0eb75", "#ffc9c9", "#bac8ff", "#96f2d7")
STAGE_ORDER = ("extract", "strip", "normalise", "quotes", "copyright", "publish")


def esc(s: Any) -> str:
    """Every piece of document text goes through here (quotes too: text lands in attributes)."""
    return html.escape(str(s), quote=True)


def settings(config: Any) -> dict[str, Any]:
    """The ``report`` config section over the defaults; unknown keys are errors."""
    section = dict(config.section("report")) if config is not None else {}
    unknown = sorted(set(section) - set(DEFAULTS))
    if unknown:
        raise ConfigError(f"{getattr(config, 'path', 'config')}: report: unknown key '{unknown[0]}'")
    out = {**DEFAULTS, **section}
    for key, value in out.items():
        if not isinstance(value, int) or value < 1:
            raise ConfigError(f"{getattr(config, 'path', 'config')}: report.{key}: must be a positive integer")
    return out


# ----------------------------------------------------------------------------- reading outputs
class LineIndex:
    """Line and column (both 1-based) of raw offsets."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def lc(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.starts, pos) - 1
        return i + 1, pos - self.starts[i] + 1

    def fmt(self, pos: int) -> str:
        line, col = self.lc(pos)
        return f"{line}:{col}"


@dataclass
class DocData:
    """A document's stage outputs as written, its raw text and errors."""

    doc_id: str
    name: str
    outputs: dict[str, dict[str, Any]] = field(default_factory=dict)
    paths: dict[str, Path] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    raw_text: str | None = None
    raw_sha256: str | None = None
    raw_len: int = 0
    _lines: LineIndex | None = None
    counts: dict[tuple[str, str], int] = field(default_factory=dict)   # (stage, key): records of lists not loaded whole

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.raw_text or "")
        return self._lines

    def get(self, stage_name: str) -> dict[str, Any]:
        return self.outputs.get(stage_name) or {}

    def count(self, stage_name: str, key: str) -> int:
        """How many records the output's list ``key`` holds, also when not all were loaded."""
        return self.counts.get((stage_name, key), len(self.get(stage_name).get(key, [])))


def _page_keeps(data: DocData) -> Any:
    """What a page needs of extract's records: all of them for HTML (markup, entities); for text,
    only the removed blocks (a text of many short lines has a block and a gap per line)."""
    removed = {d.get("block") for d in data.get("strip").get("decisions", []) if d.get("label") != "content"}

    def keep(head: dict[str, Any], key: str, record: Any) -> bool:
        return head.get("format") == "html" or (key == "blocks" and record.get("id") in removed)

    return keep


STRIP_DECISIONS = ("strip", "decisions")


def _removed_decisions(data: DocData) -> Any:
    """Of strip's decisions a page needs only those that removed a block (and how many there are)."""
    data.counts[STRIP_DECISIONS] = 0

    def keep(_head: dict[str, Any], key: str, record: Any) -> bool:
        if key != "decisions":
            return True
        data.counts[STRIP_DECISIONS] += 1
        return record.get("label") != "content"

    return keep


# Of these outputs a page reads only the record lists named (a huge document's others are not loaded).
_PAGE_LISTS = {"normalise": ("edits", "ftfy"), "publish": ()}


def load_doc(out_dir: Path, doc_id: str, name: str | None = None, raw_path: Path | None = None,
             error_paths: list[Path] | None = None, for_page: bool = False) -> DocData:
    """Read every stage output of one document (missing ones stay absent) and decode its raw bytes.

    ``error_paths``: the document's error files when the caller has listed them already.
    ``for_page``: read of extract's records only those a page shows (memory of huge documents).
    """
    from ..manifest import error_files, error_line
    from ..stages import stages
    from ..store import read_json, read_json_records

    data = DocData(doc_id, name or doc_id)
    order = sorted(stages(), key=lambda s: for_page and s.name == "extract")  # extract last: it keeps by strip's decisions
    for spec in order:
        path = out_dir / spec.folder / f"{doc_id}.json"
        if path.exists():
            try:
                if for_page and spec.name == "extract":
                    data.outputs[spec.name] = read_json_records(path, _page_keeps(data))
                elif for_page and spec.name == "strip":
                    data.outputs[spec.name] = read_json_records(path, _removed_decisions(data))
                elif for_page and spec.name in _PAGE_LISTS:
                    lists = _PAGE_LISTS[spec.name]
                    data.outputs[spec.name] = read_json_records(path, lambda _h, key, _r, lists=lists: key in lists,
                                                                  only=frozenset(lists))
                else:
                    data.outputs[spec.name] = read_json(path)  # orjson: a huge document's outputs load ~3x faster
            except (OSError, ValueError) as exc:
                data.errors.append(f"{spec.name}: unreadable output {path}: {exc}")
                continue
            data.paths[spec.name] = path
    data.outputs = {s.name: data.outputs[s.name] for s in stages() if s.name in data.outputs}
    data.paths = {s.name: data.paths[s.name] for s in stages() if s.name in data.paths}
    if name is None and "extract" in data.outputs:
        data.name = data.outputs["extract"].get("document", {}).get("name", doc_id)
    if error_paths is None:
        error_paths = error_files(out_dir, [doc_id]).get(doc_id, [])
    data.errors.extend(error_line(p) for p in error_paths)
    if raw_path is not None and raw_path.is_file() and "extract" in data.outputs:
        raw = raw_path.read_bytes()
        data.raw_sha256 = hashlib.sha256(raw).hexdigest()
        encoding = data.get("extract").get("encoding") or "utf-8"
        try:
            data.raw_text = raw.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            data.raw_text = raw.decode("utf-8", errors="replace")
            data.errors.append(f"raw file no longer decodes as {encoding}: re-run the pipeline")
        data.raw_len = len(data.raw_text)
    return data


def local_id(record_id: Any) -> str:
    """``doc#q3`` -> ``q3``, made safe for an HTML id."""
    s = str(record_id or "")
    return re.sub(r"[^\w.-]", "_", s.split("#", 1)[1] if "#" in s else s)


def short(text: Any, n: int) -> str:
    s = " ".join(str(text or "").split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def page_name(doc_id: str) -> str:
    """``<id>.html``; the document whose id is ``index`` gets ``index~.html`` (``~`` is in no id),
    so that its page is not the report's index."""
    return f"{doc_id}~.html" if doc_id == "index" else f"{doc_id}.html"


def href(doc_id: str, anchor: str = "") -> str:
    return quote(page_name(doc_id)) + (f"#{anchor}" if anchor else "")
