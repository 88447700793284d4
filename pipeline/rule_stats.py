"""Per-rule statistics, read from the stage outputs (like datatrove's ``stat_update`` counts).

For each rule id: ``fired`` (records that name it, as ``rule``, in ``rules`` or as
``encoding_rule``), ``records`` (records it made: its id is their ``rule``) and
``chars_removed`` (characters its removals took out of the text: extract gaps by raw span,
strip boilerplate decisions by their block's text, strip inline removals by their text,
normalise edits by what they shortened). ``processed/rule_stats.json`` holds the corpus totals
and every document's counts; documents whose outputs did not change since the last run are not
re-read (their counts are cached beside the corpus indexes, keyed by file size and mtime).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

from .store import dump_bytes, read_json, read_json_records, read_json_streamed, write_if_changed

SCHEMA = "pipeline.rule_stats/1"
FILE = "rule_stats.json"
CACHE = Path(".cache") / "rule_stats.json"
RULE_KEYS = ("rule", "encoding_rule")
COUNTS = ("fired", "records", "chars_removed")


def _bump(stats: dict[str, dict[str, int]], rule_id: str, key: str, n: int = 1) -> None:
    entry = stats.setdefault(rule_id, dict.fromkeys(COUNTS, 0))
    entry[key] += n


def _walk(node: Any, stats: dict[str, dict[str, int]], seen: frozenset[str] = frozenset()) -> None:
    """Count every rule id a record names once per record (not again in its nested parts)."""
    if isinstance(node, list):
        for x in node:
            if isinstance(x, (dict, list)):   # a list of plain values names no rule
                _walk(x, stats, seen)
        return
    if not isinstance(node, dict):
        return
    ids = [v for v in map(node.get, RULE_KEYS) if isinstance(v, str)]
    rules = node.get("rules")
    if isinstance(rules, list):
        ids += [r for r in rules if isinstance(r, str)]
    here = [r for r in dict.fromkeys(ids) if r not in seen] if ids else ids
    for r in here:
        _bump(stats, r, "fired")
    rule = node.get("rule")
    if isinstance(rule, str) and rule not in seen:
        _bump(stats, rule, "records")
    inner = seen | set(here) if here else seen
    for v in node.values():
        if isinstance(v, (dict, list)):
            _walk(v, stats, inner)


def _removed(outputs: dict[str, dict[str, Any]], stats: dict[str, dict[str, int]]) -> None:
    ext = outputs.get("extract") or {}
    block_chars = {b["id"]: len(b.get("text", "")) for b in ext.get("blocks", [])}
    for name, key in _REMOVALS:
        for r in (outputs.get(name) or {}).get(key, []):
            _removed_by(name, key, r, stats, block_chars)


# the records whose removals count as ``chars_removed``, in the order ``_removed_by`` reads them
_REMOVALS = (("extract", "gaps"), ("strip", "decisions"), ("strip", "inline_removals"), ("normalise", "edits"))


def _removed_by(name: str, key: str, r: dict[str, Any], stats: dict[str, dict[str, int]],
                block_chars: dict[Any, int]) -> None:
    """The characters one record removed, counted for its rule (``block_chars``: extract's
    blocks' text lengths, for strip's boilerplate decisions)."""
    if name == "extract" and key == "gaps":
        _bump(stats, r["rule"], "chars_removed", r["raw_end"] - r["raw_start"])
    elif name == "strip" and key == "decisions":
        if r.get("label") == "boilerplate":
            _bump(stats, r["rule"], "chars_removed", block_chars.get(r.get("block"), r["raw_end"] - r["raw_start"]))
    elif name == "strip" and key == "inline_removals":
        _bump(stats, r["rule"], "chars_removed", len(r.get("text", "")))
    elif name == "normalise" and key == "edits":
        shorter = len(r.get("before", "")) - len(r.get("after", ""))
        if shorter > 0:
            _bump(stats, r["rule"], "chars_removed", shorter)


def document_stats(outputs: dict[str, dict[str, Any]]) -> dict[str, dict[str, int]]:
    """One document's counts per rule id, from its stage outputs (``{stage name: output}``)."""
    stats: dict[str, dict[str, int]] = {}
    for name, out in outputs.items():
        payload = {k: v for k, v in out.items() if k not in ("schema", "document", "provenance")}
        _walk(payload, stats)
    _removed(outputs, stats)
    return dict(sorted(stats.items()))


_ENVELOPE = ("schema", "document", "provenance")
def file_stats(files: dict[str, Path]) -> dict[str, dict[str, int]]:
    """``document_stats`` of the outputs in ``files`` (``{stage name: path}``), the same counts,
    read one record at a time: a huge document's outputs are never all in memory at once."""
    stats: dict[str, dict[str, int]] = {}
    block_chars: dict[Any, int] = {}   # extract's blocks by their text's length, not their text
    for name, path in files.items():
        if not path.exists():
            continue
        # the top-level values first (other lists' records skipped unparsed: they are read below)
        head = read_json_records(path, lambda _h, key, _r: key == "rules", only=frozenset(("rules",)))
        payload = {k: v for k, v in head.items() if k not in _ENVELOPE}
        ids = [payload[k] for k in RULE_KEYS if isinstance(payload.get(k), str)]
        if isinstance(payload.get("rules"), list):
            ids += [r for r in payload["rules"] if isinstance(r, str)]
        here = list(dict.fromkeys(ids))
        for r in here:
            _bump(stats, r, "fired")
        if isinstance(payload.get("rule"), str):
            _bump(stats, payload["rule"], "records")
        inner = frozenset(here)
        removals = {key for n, key in _REMOVALS if n == name}

        def each(_head: dict[str, Any], key: str, record: Any) -> None:
            if key in _ENVELOPE:
                return
            _walk(record, stats, inner)
            if key in removals and isinstance(record, dict):   # counted as read, never kept
                _removed_by(name, key, record, stats, block_chars)
            if name == "extract" and key == "blocks":
                block_chars[record["id"]] = len(record.get("text", ""))

        lists = [k for k, v in head.items() if isinstance(v, list)]
        head = payload = {}   # read again below: not held twice (a huge document's text)
        rest = read_json_streamed(path, each, lists)
        for k, v in rest.items():
            if k not in _ENVELOPE and isinstance(v, (dict, list)):
                _walk(v, stats, inner)
    return dict(sorted(stats.items()))


def stage_files(out_dir: Path, doc_id: str) -> dict[str, Path]:
    from .stages import stages

    return {s.name: out_dir / s.folder / f"{doc_id}.json" for s in stages()}


def read_outputs(out_dir: Path, doc_id: str) -> dict[str, dict[str, Any]]:
    return {n: read_json(p) for n, p in stage_files(out_dir, doc_id).items() if p.exists()}


def _file_key(paths: Iterable[Path]) -> list[list[Any]]:
    out = []
    for p in paths:
        if p.exists():
            st = p.stat()
            out.append([p.parent.name, st.st_size, st.st_mtime_ns])
    return out


def corpus_stats(out_dir: Path) -> dict[str, dict[str, int]]:
    """Counts of the corpus step's records (``corpus/*.jsonl``)."""
    stats: dict[str, dict[str, int]] = {}
    for path in sorted((out_dir / "corpus").glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    _walk(json.loads(line), stats)
    return dict(sorted(stats.items()))


def build(out_dir: Path, docs: Iterable[Any]) -> dict[str, Any]:
    """Write ``rule_stats.json`` for ``docs`` (objects with ``doc_id``); returns its content."""
    cache_path = out_dir / CACHE
    try:
        cache = json.loads(cache_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cache = {}
    per_doc: dict[str, dict[str, dict[str, int]]] = {}
    new_cache: dict[str, Any] = {}
    for doc in docs:
        key = _file_key(stage_files(out_dir, doc.doc_id).values())
        hit = cache.get(doc.doc_id)
        stats = hit["stats"] if hit and hit.get("key") == key else file_stats(stage_files(out_dir, doc.doc_id))
        new_cache[doc.doc_id] = {"key": key, "stats": stats}
        if stats:
            per_doc[doc.doc_id] = stats
    corpus = corpus_stats(out_dir)
    totals: dict[str, dict[str, int]] = {}
    for doc_id, stats in per_doc.items():
        for rid, c in stats.items():
            t = totals.setdefault(rid, {**dict.fromkeys(COUNTS, 0), "documents": 0})
            for k in COUNTS:
                t[k] += c[k]
            t["documents"] += 1
    for rid, c in corpus.items():
        totals.setdefault(rid, {**dict.fromkeys(COUNTS, 0), "documents": 0})
        for k in COUNTS:
            totals[rid][k] += c[k]
    result = {"schema": SCHEMA, "totals": dict(sorted(totals.items())), "corpus": corpus,
              "documents": dict(sorted(per_doc.items()))}
    write_if_changed(out_dir / FILE, dump_bytes(result))
    write_if_changed(cache_path, dump_bytes(new_cache))
    return result
