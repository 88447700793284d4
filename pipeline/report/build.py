"""Building the report incrementally: a page is rewritten only when what it is built from changed."""

from __future__ import annotations

import argparse
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import PipelineError
from ..store import write_if_changed
from .index import index_page, index_row
from .load import load_doc, page_name, settings
from .pages import doc_page

# ----------------------------------------------------------------------------- entry points
# Beside report/ (whose listing is pages only): per document, what its page was built from and its index row.
STAMP = ".report-pages.json"


@dataclass
class BuildResult:
    """Which pages a build (re)wrote and which it deleted."""

    written: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)


def report_code_hash(opts: dict[str, Any]) -> str:
    """What every page depends on besides its document: this module's code, the stage folders
    and the report settings. A change rebuilds every page."""
    import sys

    from ..stages import stages

    h = hashlib.sha256()
    for module in sorted(Path(__file__).parent.glob("*.py")):  # every module of this package
        h.update(module.name.encode())
        h.update(module.read_bytes())
    h.update(json.dumps([[s.folder for s in stages()], opts, list(sys.version_info[:2])], sort_keys=True).encode())
    return h.hexdigest()[:16]


def page_fingerprint(out_dir: Path, doc: Any, error_paths: list[Path], hashes: Any) -> str:
    """What a document's page is built from: its stage outputs (by content), its error lines and
    its raw file. The page shows nothing of other documents (cross-document copy flags are part
    of the document's own copyright output), so nothing else goes in."""
    import os

    from ..manifest import error_line
    from ..stages import stages

    base = str(out_dir)  # strings, not Paths: this runs for every file of the corpus
    outputs = [hashes.sha256(os.path.join(base, s.folder, f"{doc.doc_id}.json")) for s in stages()]
    raw = None if readable_raw(doc) is None else hashes.sha256(doc.path)
    blob = json.dumps([doc.doc_id, doc.name, outputs, [error_line(p) for p in error_paths], raw],
                      ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def readable_raw(doc: Any) -> Path | None:
    """The document's raw path if the guarded reader would read it (a link out of raw/ or a
    FIFO is never opened, not even to hash it); None otherwise."""
    from ..store import raw_dir_of, raw_refusal

    return None if raw_refusal(doc, raw_dir_of(doc)) else doc.path


def _read_stamp(path: Path, code: str) -> dict[str, Any]:
    """The previous build's entries, or nothing when they were built by other code or settings."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("schema") != "pipeline.report-pages/1" or data.get("code") != code:
        return {}
    docs = data.get("documents")
    return docs if isinstance(docs, dict) else {}


def build(out_dir: Path, docs: list[Any], config: Any, hashes: Any = None) -> BuildResult:
    """Write ``report/index.html`` and one page per document under ``out_dir``, incrementally.

    A page is rewritten only when its fingerprint (:func:`page_fingerprint`) or the report code
    or settings changed, or the page on disk is not the one last written; ``.report-pages.json``
    keeps, per document, the fingerprint, the page's sha256 and the index row. The result is
    byte-identical to building from scratch. Pages of documents no longer in raw/ are deleted.
    """
    from ..manifest import FileHashes, error_files
    from ..store import atomic_write_bytes

    opts = settings(config)
    own_hashes = hashes is None
    if hashes is None:
        hashes = FileHashes.for_out_dir(out_dir)
    report_dir = out_dir / "report"
    report_dir.mkdir(parents=True, exist_ok=True)
    code = report_code_hash(opts)
    old = _read_stamp(out_dir / STAMP, code)
    errors_of = error_files(out_dir, [d.doc_id for d in docs])
    entries: dict[str, Any] = {}
    result = BuildResult()
    for d in docs:
        errs = errors_of.get(d.doc_id, [])
        fp = page_fingerprint(out_dir, d, errs, hashes)
        path = report_dir / page_name(d.doc_id)
        prev = old.get(d.doc_id)
        if isinstance(prev, dict) and prev.get("fingerprint") == fp and isinstance(prev.get("row"), dict) \
                and prev.get("page") is not None and hashes.sha256(path) == prev["page"]:
            entries[d.doc_id] = prev
            continue
        data = load_doc(out_dir, d.doc_id, d.name, readable_raw(d), error_paths=errs, for_page=True)
        blob = doc_page(data, out_dir, opts, hashes).encode("utf-8")
        atomic_write_bytes(path, blob)
        digest = hashlib.sha256(blob).hexdigest()
        hashes.remember(path, digest)
        entries[d.doc_id] = {"fingerprint": fp, "page": digest, "row": index_row(data)}
        result.written.append(d.doc_id)
        del data, blob  # one document's records at a time: memory stays flat on large corpora
    keep = {page_name(d.doc_id) for d in docs} | {"index.html"}
    for p in sorted(report_dir.iterdir()):
        if p.suffix == ".html" and p.name not in keep:
            p.unlink()
            result.deleted.append(p.name)
    rows = [entries[d.doc_id]["row"] for d in docs]
    write_if_changed(report_dir / "index.html", index_page(rows, out_dir, opts).encode("utf-8"))
    stamp = {"schema": "pipeline.report-pages/1", "code": code, "documents": entries}
    write_if_changed(out_dir / STAMP, (json.dumps(stamp, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))
    if own_hashes:
        hashes.save()
    return result


def _report_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--raw", type=Path, default=Path("raw"), help="folder of raw documents (default: raw)")
    p.add_argument("--out", type=Path, default=Path("processed"), help="output folder (default: processed)")
    p.add_argument("--config", default=None, help="config file (default: config/pipeline.yaml)")


def _report_main(args: argparse.Namespace) -> int:
    import sys

    from ..config import load_config
    from ..store import list_raw

    from ..cli import check_folders

    check_folders(args.raw, args.out)
    if not (args.out / "01_extract").is_dir():
        raise PipelineError(f"{args.out}: no stage outputs here; run `pipeline run` or `make all` first")
    build(args.out, list_raw(args.raw), load_config(args.config))
    print(f"report: {args.out / 'report' / 'index.html'}", file=sys.stderr)
    return 0
