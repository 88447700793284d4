"""``processed/manifest.json``: every document with its hashes, its stage outputs and errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import __version__
from .config import Config
from .stages import stages
from .store import RawDoc, atomic_write_text, dumps, is_outside, sha256_file


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


def write(out_dir: Path, raw_dir: Path, docs: list[RawDoc], config: Config) -> dict[str, Any]:
    entries = []
    for doc in docs:
        entry: dict[str, Any] = {"id": doc.doc_id, "raw": f"{raw_dir.name}/{doc.name}"}
        try:
            entry["raw_sha256"] = None if is_outside(doc, raw_dir) else sha256_file(doc.path)
        except OSError:
            entry["raw_sha256"] = None
        outputs = {}
        for spec in stages():
            for suffix in dict.fromkeys([".json", spec.text_suffix or ".json"]):
                p = out_dir / spec.folder / f"{doc.doc_id}{suffix}"
                if p.exists():
                    outputs[f"{spec.name}{suffix}"] = {"path": p.relative_to(out_dir).as_posix(), "sha256": sha256_file(p)}
        entry["outputs"] = outputs
        errs = sorted((out_dir / "errors").glob(f"{doc.doc_id}.*.txt")) if (out_dir / "errors").is_dir() else []
        if errs:
            entry["errors"] = [e.read_text(encoding="utf-8").splitlines()[0] for e in errs]
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
    atomic_write_text(out_dir / "manifest.json", dumps(manifest))
    return manifest
