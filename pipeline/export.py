"""``pipeline export --format w3c``: quotations and copyright flags as W3C Web Annotations.

Writes JSON-LD that annotation tools can load (https://www.w3.org/TR/annotation-model/): one
``AnnotationCollection`` (default) or, with ``--jsonl``, one ``Annotation`` per line. Each
annotation's target is the raw file (``source``: ``--base`` + its name) with a
``TextPositionSelector`` and a ``TextQuoteSelector`` (``pipeline.selectors``); a quotation's body
names its speaker, source and rule (motivation ``quoting``), a flag's body gives its reason,
action and rules (motivation ``assessing``). The raw text is re-read and its hash checked
against the outputs, so an annotation never points into a file that changed since its run.
Output is deterministic (no creation time), sorted by document then record.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

from . import __version__
from .errors import InputError
from .selectors import for_record
from .store import atomic_write_text, read_json, sha256_bytes

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
FORMATS = ("w3c",)
GENERATOR = {"id": "urn:pipeline:generator", "type": "Software", "name": f"pipeline {__version__}"}


def _tag(value: str) -> dict[str, Any]:
    return {"type": "TextualBody", "purpose": "tagging", "value": value}


def _text(value: str, purpose: str) -> dict[str, Any]:
    return {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}


def _target(source: str, raw_text: str, rec: dict[str, Any]) -> dict[str, Any]:
    return {"type": "SpecificResource", "source": source, "selector": for_record(raw_text, rec)}


def quotation_annotation(rec: dict[str, Any], source: str, raw_text: str, id_base: str) -> dict[str, Any]:
    body = []
    sp = rec.get("speaker") or {}
    if sp.get("name"):
        kind = f" ({sp['type']})" if sp.get("type") else ""
        body.append(_text(f"Speaker: {sp['name']}{kind}", "describing"))
    src = rec.get("source") or {}
    parts = [src[k] for k in ("author", "outlet") if src.get(k)] + ([src.get("date") or src.get("date_text")]
                                                                   if src.get("date") or src.get("date_text") else [])
    if parts:
        body.append(_text("Source: " + ", ".join(parts), "describing"))
    ref = rec.get("reference") or {}
    if ref.get("text"):
        body.append(_text(f"Reference [{ref.get('number')}]: {ref['text']}", "describing"))
    body += [_tag(r) for r in dict.fromkeys([rec.get("rule"), *(rec.get("rules") or [])]) if r]
    return {"@context": CONTEXT, "id": id_base + quote(rec["id"], safe=""), "type": "Annotation",
            "motivation": "quoting", "generator": GENERATOR, "body": body, "target": _target(source, raw_text, rec)}


def flag_annotation(rec: dict[str, Any], source: str, raw_text: str, id_base: str) -> dict[str, Any]:
    body = [_text(rec.get("reason") or rec.get("kind") or "flagged", "assessing")]
    if rec.get("action"):
        body.append(_tag(rec["action"]))
    body += [_tag(r) for r in dict.fromkeys([rec.get("rule"), *(rec.get("rules") or [])]) if r]
    return {"@context": CONTEXT, "id": id_base + quote(rec["id"], safe=""), "type": "Annotation",
            "motivation": "assessing", "generator": GENERATOR, "body": body, "target": _target(source, raw_text, rec)}


def document_annotations(out_dir: Path, raw_dir: Path, doc_id: str, base: str, id_base: str) -> list[dict[str, Any]]:
    """One document's annotations; a clear ``InputError`` if its raw file is gone or changed."""
    ext_path = out_dir / "01_extract" / f"{doc_id}.json"
    ext = read_json(ext_path)
    doc = ext["document"]
    raw_path = raw_dir / doc["name"]
    try:
        data = raw_path.read_bytes()
    except OSError as exc:
        raise InputError(f"{doc['name']}: cannot read the raw file {raw_path}: {exc.strerror}") from None
    if sha256_bytes(data) != doc["raw_sha256"]:
        raise InputError(f"{doc['name']}: the raw file changed since it was processed; run the pipeline again")
    raw_text = data.decode(ext["encoding"])
    source = base + quote(doc["name"])
    out = []
    qpath = out_dir / "04_quotes" / f"{doc_id}.json"
    if qpath.exists():
        out += [quotation_annotation(q, source, raw_text, id_base) for q in read_json(qpath).get("quotations", [])]
    cpath = out_dir / "05_copyright" / f"{doc_id}.json"
    if cpath.exists():
        out += [flag_annotation(f, source, raw_text, id_base) for f in read_json(cpath).get("flags", [])]
    return out


def annotations(out_dir: Path, raw_dir: Path, base: str = "raw/", id_base: str = "urn:pipeline:annotation:",
                errors: list[str] | None = None) -> list[dict[str, Any]]:
    """Every processed document's annotations; a bad document is reported in ``errors`` and skipped."""
    folder = out_dir / "01_extract"
    if not folder.is_dir():
        raise InputError(f"{out_dir}: no processed corpus here (run `pipeline run` or `make all` first)")
    out: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.json")):
        try:
            out += document_annotations(out_dir, raw_dir, path.name[:-len(".json")], base, id_base)
        except (InputError, ValueError, KeyError, UnicodeDecodeError) as exc:
            if errors is None:
                raise
            errors.append(str(exc) if isinstance(exc, InputError) else f"{path.name}: cannot export: {exc}")
    return out


def collection(items: list[dict[str, Any]], label: str) -> dict[str, Any]:
    """An ``AnnotationCollection`` with one embedded page of all items."""
    bare = [{k: v for k, v in a.items() if k != "@context"} for a in items]
    return {"@context": CONTEXT, "type": "AnnotationCollection", "label": label, "total": len(bare),
            "first": {"type": "AnnotationPage", "startIndex": 0, "items": bare}}


def render(items: list[dict[str, Any]], jsonl: bool, label: str) -> str:
    if jsonl:
        return "".join(json.dumps(a, ensure_ascii=False, sort_keys=False) + "\n" for a in items)
    return json.dumps(collection(items, label), ensure_ascii=False, indent=2) + "\n"


# ------------------------------------------------------------------------------ CLI
def _export_args(p: Any) -> None:
    p.add_argument("--format", choices=FORMATS, default="w3c", help="output format (default: w3c Web Annotation JSON-LD)")
    p.add_argument("--out", type=Path, default=Path("processed"), help="processed folder (default: processed)")
    p.add_argument("--raw", type=Path, default=Path("raw"), help="folder of raw documents (default: raw)")
    p.add_argument("--dest", default=None, help="file to write, '-' for standard output "
                   "(default: OUT/annotations.jsonld, or .jsonl with --jsonl)")
    p.add_argument("--jsonl", action="store_true", help="one Annotation per line instead of one AnnotationCollection")
    p.add_argument("--base", default="raw/", help="prefix of each target's source IRI before the raw file's name (default: raw/)")
    p.add_argument("--id-base", default="urn:pipeline:annotation:", help="prefix of each annotation's id")


def _export_main(args: Any) -> int:
    errors: list[str] = []
    items = annotations(args.out, args.raw, args.base, args.id_base, errors)
    text = render(items, args.jsonl, f"quotations and copyright flags of {args.out.name or args.out}")
    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    if args.dest == "-":
        sys.stdout.write(text)
    else:
        dest = Path(args.dest) if args.dest else args.out / ("annotations.jsonl" if args.jsonl else "annotations.jsonld")
        atomic_write_text(dest, text)
        print(f"export: {len(items)} annotations to {dest}", file=sys.stderr)
    return 2 if errors else 0


COMMANDS = {
    "export": ("export quotations and copyright flags (W3C Web Annotation JSON-LD)", _export_args, _export_main),
}
