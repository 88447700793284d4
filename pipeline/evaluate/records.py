"""The prediction dump built from stage records, and the gold files read from a folder."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ..errors import InputError
from .normal import normalise
from .scoring import STAGE_FOLDERS


# --------------------------------------------------------------------------- reading the records
def read_stage(processed: Path, stage: str, doc_id: str) -> dict[str, Any] | None:
    path = processed / STAGE_FOLDERS[stage] / f"{doc_id}.json"
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: unreadable stage output: {exc}") from None


def build_dump(normalised: dict[str, Any] | None, quotes: dict[str, Any] | None,
               copyright_: dict[str, Any] | None) -> dict[str, Any]:
    """The prediction dump of GOLD_FORMAT.md from the stage records of one document."""
    clean = (normalised or {}).get("text") or ""
    refs: dict[str, str] = {}
    for r in (quotes or {}).get("references") or []:
        refs.setdefault(str(r.get("number")), r.get("text") or "")
    quotations = []
    for q in (quotes or {}).get("quotations") or []:
        src = q.get("source") or {}
        quotations.append({
            "text": q.get("text") or "",
            "speaker": (q.get("speaker") or {}).get("name"),
            "source": src.get("outlet") or src.get("author"),
            "date": src.get("date"),
            "reference_text": (q.get("reference") or {}).get("text"),
            "interpolations": [i.get("text") or "" for i in q.get("interpolations") or []],
        })
    flags = []
    for f in (copyright_ or {}).get("flags") or []:
        if f.get("action", "summarise") != "summarise":   # an open licence: reproduced with credit, not flagged for summary
            continue
        why = ": ".join(x for x in (f.get("rule"), f.get("reason")) if x)
        flags.append({"text": clean[f.get("start", 0): f.get("end", 0)], "why": why})
    return {"clean_text": clean, "references": refs, "quotations": quotations, "flags": flags}


def _block_finder(processed: Path, doc_id: str) -> Callable[[str], str]:
    """For misses: the extracted block that holds a fragment and the strip decision on it."""
    ext = processed / "01_extract" / f"{doc_id}.json"
    strip = processed / "02_strip" / f"{doc_id}.json"
    blocks = json.loads(ext.read_text(encoding="utf-8")).get("blocks") or [] if ext.exists() else []
    decisions = {}
    if strip.exists():
        decisions = {d.get("block"): d for d in json.loads(strip.read_text(encoding="utf-8")).get("decisions") or []}
    texts = [(b.get("id"), normalise(b.get("text"))) for b in blocks]

    def where(fragment: str) -> str:
        frag = normalise(fragment)
        for probe, how in ((frag, "in"), (frag[:40], "starts in")):
            hits = [bid for bid, t in texts if probe and probe in t]
            if hits:
                d = decisions.get(hits[0], {})
                return f"{how} block {hits[0]} ({d.get('label', '?')} by {d.get('rule', '?')})"
        return "in no single extracted block"
    return where


# --------------------------------------------------------------------------- gold files
@dataclass
class GoldDoc:
    path: Path
    document: str
    data: dict[str, Any]


def load_gold(gold_dir: Path) -> tuple[list[GoldDoc], dict[str, Any]]:
    """Per-document gold files (sorted by document name) and ``corpus.yaml`` (or ``{}``)."""
    import yaml

    if not gold_dir.is_dir():
        raise InputError(f"{gold_dir}: no such gold folder")
    docs: list[GoldDoc] = []
    corpus: dict[str, Any] = {}
    for path in sorted(gold_dir.glob("*.y*ml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise InputError(f"{path}: unreadable gold file: {str(exc).splitlines()[0]}") from None
        if path.stem == "corpus":
            corpus = data or {}
            continue
        if not isinstance(data, dict) or not data.get("document"):
            raise InputError(f"{path}: gold file has no 'document' key naming its raw file")
        docs.append(GoldDoc(path, str(data["document"]), data))
    docs.sort(key=lambda g: g.document)
    return docs, corpus
