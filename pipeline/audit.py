"""Terminal audit: ``pipeline trace ID`` explains one record from its raw characters through every
stage, and ``pipeline show DOC --stage NAME`` prints one stage's view of a document.

Both read only what the stages wrote (and the raw file, for line and column numbers), so what
they print is what the outputs say, with the rule and config hash of every step.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, Iterator

from .errors import InputError, PipelineError

STAGES = ("extract", "strip", "normalise", "quotes", "copyright", "publish")
PREVIEW = 100


# ----------------------------------------------------------------------------- shared helpers
class Style:
    """ANSI styling on a terminal only (and never with NO_COLOR)."""

    def __init__(self, enabled: bool) -> None:
        self.on = enabled

    def _w(self, code: str, s: str) -> str:
        return f"\033[{code}m{s}\033[0m" if self.on else s

    def dim(self, s: str) -> str:
        return self._w("2", s)

    def strike(self, s: str) -> str:
        return self._w("2;9", s)

    def bold(self, s: str) -> str:
        return self._w("1", s)

    def red(self, s: str) -> str:
        return self._w("31", s)

    def green(self, s: str) -> str:
        return self._w("32", s)


def _style(args: argparse.Namespace) -> Style:
    return Style(sys.stdout.isatty() and not os.environ.get("NO_COLOR") and not getattr(args, "no_color", False))


def preview(text: Any, n: int = PREVIEW) -> str:
    s = " ".join(str(text or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def resolve_doc(ref: str, raw_dir: Path, out_dir: Path) -> tuple[str, str, Path | None]:
    """A document given by id, raw file name or path: (doc id, name, raw path or None)."""
    from .store import doc_id_for, list_raw

    candidates = [ref, Path(ref).name]
    docs = list_raw(raw_dir) if raw_dir.is_dir() else []
    for d in docs:
        if d.doc_id in candidates or d.name in candidates or d.name == ref.removeprefix(f"{raw_dir.name}/"):
            return d.doc_id, d.name, d.path
    for c in candidates + [doc_id_for(Path(ref).name)]:
        if (out_dir / "01_extract" / f"{c}.json").exists():
            return c, c, None
    raise InputError(f"{ref}: no such document in {raw_dir}/ or {out_dir}/ (give a document id or raw file name)")


def load(ref: str, raw_dir: Path, out_dir: Path) -> Any:
    from .report import load_doc

    if not out_dir.is_dir():
        raise InputError(f"{out_dir}: no such output folder; run `make all` or `pipeline run` first")
    doc_id, name, path = resolve_doc(ref, raw_dir, out_dir)
    doc = load_doc(out_dir, doc_id, name, path)
    if not doc.outputs:
        raise InputError(f"{doc_id}: no stage outputs in {out_dir}/; run `make all` or `pipeline run` first")
    return doc


def stage_line(doc: Any, name: str, st: Style) -> str:
    from .stages import stage

    spec = stage(name)
    o = doc.outputs.get(name)
    if o is None:
        return st.bold(f"{spec.number} {name:<10}") + " no output"
    p = o.get("provenance", {})
    libs = ", ".join(f"{k} {v}" for k, v in sorted((p.get("libraries") or {}).items()))
    return (st.bold(f"{spec.number} {name:<10}") + st.dim(
        f" {spec.folder}/{doc.doc_id}.json · {p.get('config_file', '')}:{p.get('config_section', '')} "
        f"config {p.get('config_hash', '')} · code {p.get('code_hash', '')} · v{p.get('pipeline_version', '')}"
        + (f" · {libs}" if libs else "")))


def where(doc: Any, start: int, end: int | None = None) -> str:
    if doc.raw_text is None:
        return f"[{start}, {end})" if end is not None else f"[{start}]"
    a = doc.lines.fmt(start)
    if end is None:
        return a
    return f"{a}–{doc.lines.fmt(end)}"


def raw_slice(doc: Any, start: int, end: int, n: int = 200) -> str:
    if doc.raw_text is None:
        return "(raw file not available)"
    return json.dumps(preview(doc.raw_text[start:end], n) if end - start > n else doc.raw_text[start:end], ensure_ascii=False)


def overlaps(rec: dict[str, Any], start: int, end: int) -> bool:
    a, b = rec.get("raw_start", 0), rec.get("raw_end", 0)
    if start == end:
        return a <= start <= b
    return a < end and start < b or (a == b and start <= a < end)


# ----------------------------------------------------------------------------- trace
def _walk(obj: Any) -> Iterator[dict[str, Any]]:
    if isinstance(obj, dict):
        yield obj
        for k, v in obj.items():
            if k not in ("map", "text", "markdown"):
                yield from _walk(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _walk(v)


def find_record(doc: Any, record_id: str) -> tuple[str, dict[str, Any]] | None:
    """The stage and record with this id (full ``doc#x1`` or local ``x1``: blocks, paragraphs)."""
    local = record_id.split("#", 1)[1] if "#" in record_id else record_id
    for name in STAGES:
        out = doc.outputs.get(name)
        if not out:
            continue
        for rec in _walk({k: v for k, v in out.items() if k not in ("document", "provenance")}):
            if rec.get("id") in (record_id, local) and "raw_start" in rec:
                return name, rec
    return None


def trace(record_id: str, raw_dir: Path, out_dir: Path, st: Style) -> list[str]:
    corpus = trace_corpus(record_id, raw_dir, out_dir, st)
    if corpus is not None:
        return corpus
    if "#" not in record_id:
        raise InputError(f"{record_id}: not a record id (records are <document id>#<letter><n>, e.g. 000_x.txt#q3) "
                         f"and not in {out_dir}/corpus/")
    doc_ref, local = record_id.split("#", 1)
    doc = load(doc_ref, raw_dir, out_dir)
    found = find_record(doc, record_id)
    if found is None:
        raise InputError(f"{record_id}: no record with this id in the outputs of {doc.doc_id} "
                         f"(ids look like {doc.doc_id}#q1, #b12, #p3, #f1)")
    rec_stage, rec = found
    s, e = rec["raw_start"], rec["raw_end"]
    ext, strip, norm = doc.get("extract"), doc.get("strip"), doc.get("normalise")
    lines = [st.bold(f"{doc.doc_id}#{local}") + f"  a {_kind(rec_stage, rec)} (stage {rec_stage})"
             + (f", rule {rec.get('rule')}" if rec.get("rule") else "")]
    lines.append(f"raw      {doc.name}  sha256 {(doc.raw_sha256 or '?')[:16]}…  decoded as {ext.get('encoding', '?')} "
                 f"({ext.get('encoding_rule', '?')})")
    envelope_sha = doc.get("extract").get("document", {}).get("raw_sha256")
    if doc.raw_sha256 and envelope_sha and envelope_sha != doc.raw_sha256:
        lines.append(st.red("         the raw file changed since these outputs were made: re-run the pipeline"))
    lines.append(f"span     raw [{s}, {e})  line:col {where(doc, s, e)}")
    lines.append(f"chars    {raw_slice(doc, s, e)}")
    lines.append("")

    # 1 extract
    lines.append(stage_line(doc, "extract", st))
    blocks = [b for b in ext.get("blocks", []) if overlaps(b, s, e)]
    for b in blocks[:12]:
        tag = f" <{b['tag']}> {b.get('tag_path', '')}" if b.get("tag") else ""
        lines.append(f"  {b['id']:<6} {b.get('kind', ''):<10} {where(doc, b['raw_start'], b['raw_end']):<16} "
                     f"{b.get('rule', '')}{tag}")
    if len(blocks) > 12:
        lines.append(f"  … {len(blocks) - 12} more blocks")
    gaps = [g for g in ext.get("gaps", []) if overlaps(g, s, e) and g["raw_start"] >= s and g["raw_end"] <= e]
    if gaps:
        counts: dict[str, int] = {}
        for g in gaps:
            counts[g.get("rule", "")] = counts.get(g.get("rule", ""), 0) + 1
        lines.append("  not text inside the span: " + ", ".join(f"{n} × {r}" for r, n in sorted(counts.items())))

    # 2 strip
    lines.append(stage_line(doc, "strip", st))
    ids = {b["id"] for b in blocks}
    for d in strip.get("decisions", []):
        if d.get("block") in ids:
            label = d.get("label", "")
            shown = st.green(label) if label == "content" else st.red(label)
            lines.append(f"  {d['block']:<6} {shown:<11} by {d.get('rule', '')}")
    for r in strip.get("inline_removals", []):
        if overlaps(r, s, e):
            lines.append(f"  inline removal {where(doc, r['raw_start'], r['raw_end'])} {r.get('rule', '')}: "
                         f"{json.dumps(r.get('text', ''), ensure_ascii=False)}")
    for n in strip.get("notices", []):
        if overlaps(n, s, e):
            lines.append(f"  notice {n.get('id')} ({n.get('kind')}) kept as a record by {n.get('rule', '')}")

    # 3 normalise
    lines.append(stage_line(doc, "normalise", st))
    in_clean = any(d.get("label") == "content" for d in strip.get("decisions", []) if d.get("block") in ids)
    if norm and not in_clean:
        lines.append("  not in the clean text: removed at the strip stage")
    elif norm:
        from .stages.normalise import clean_text

        mapped = clean_text(norm)
        cs, ce = rec.get("start"), rec.get("end")
        if cs is None or ce is None:
            cs, ce = mapped.from_raw_pos(s), mapped.from_raw_pos(e)
        paras = [p["id"] for p in norm.get("paragraphs", []) if p["start"] < max(ce, cs + 1) and cs < p["end"]]
        lines.append(f"  clean text [{cs}, {ce}) in {', '.join(paras) or 'no paragraph'}: "
                     f"{json.dumps(preview(norm.get('text', '')[cs:ce], 160), ensure_ascii=False)}")
        edits = [x for x in norm.get("edits", []) if overlaps(x, s, e)]
        for x in edits[:20]:
            lines.append(f"  edit {where(doc, x['raw_start']):<8} {json.dumps(x.get('before', ''), ensure_ascii=False)} → "
                         f"{json.dumps(x.get('after', ''), ensure_ascii=False)}  {x.get('rule', '')}")
        if len(edits) > 20:
            lines.append(f"  … {len(edits) - 20} more edits")
        if not edits:
            lines.append("  no edit inside the span: the clean text has the raw characters as they are")
        for f in norm.get("ftfy", []):
            if overlaps(f, s, e):
                lines.append(f"  ftfy on {f.get('block')}: {f.get('steps')}")

    # 4 quotes
    lines.append(stage_line(doc, "quotes", st))
    if rec_stage == "quotes":
        lines += _describe_quote_record(doc, rec)
    others = [q for q in doc.get("quotes").get("quotations", []) if overlaps(q, s, e) and q.get("id") != rec.get("id")]
    for q in others[:10]:
        spk = q["speaker"].get("name") if isinstance(q.get("speaker"), dict) else None
        lines.append(f"  {q.get('id')} ({q.get('kind', '')}, speaker {spk or 'none'}) overlaps: {preview(q.get('text'), 70)}")
    if rec_stage != "quotes" and not others:
        lines.append("  no quotation overlaps this span")

    # 5 copyright
    lines.append(stage_line(doc, "copyright", st))
    if rec_stage == "copyright":
        lines += _describe_flag(doc, rec)
    flags = [f for f in doc.get("copyright").get("flags", [])
             if f.get("id") != rec.get("id") and (overlaps(f, s, e) or rec.get("id") in (f.get("quotations") or []))]
    for f in flags:
        lines.append(st.red(f"  flagged by {f.get('id')}") + f": {f.get('action', '')} — {f.get('reason', '')} ({f.get('rule', '')})")
    if rec_stage != "copyright" and not flags:
        lines.append("  not flagged: no copyright flag covers this span")

    # 6 publish
    lines.append(stage_line(doc, "publish", st))
    holders = [p for p in doc.get("publish").get("placeholders", []) if overlaps(p, s, e)]
    for p in holders:
        lines.append(f"  replaced by a placeholder for {p.get('flag')}: {preview(p.get('text', ''), 90)}")
    if not holders and doc.get("publish"):
        lines.append("  published as it stands in the clean text" if in_clean else "  not published (removed)")
    return lines


def _kind(stage_name: str, rec: dict[str, Any]) -> str:
    local = str(rec.get("id", "")).split("#")[-1]
    return {"b": "block", "p": "paragraph", "n": "notice", "q": "quotation", "r": "reference",
            "a": "attribution line", "f": "copyright flag", "s": "speaker"}.get(local[:1], "record")


def _describe_quote_record(doc: Any, rec: dict[str, Any]) -> list[str]:
    out = [f"  {rec.get('id')}: rule {rec.get('rule', '')}" + (f" (rules: {', '.join(rec['rules'])})" if rec.get("rules") else "")]
    if "kind" in rec:
        out.append(f"  kind {rec.get('kind')}, {rec.get('words', '?')} words"
                   + (f", inside {rec['parent']}" if rec.get("parent") else ""))
        out.append(f"  text {json.dumps(preview(rec.get('text', ''), 160), ensure_ascii=False)}")
        spk = rec.get("speaker")
        if isinstance(spk, dict):
            out.append(f"  speaker {spk.get('name')} ({spk.get('type', '?')}) at {where(doc, spk.get('raw_start', 0))} "
                       f"by {spk.get('rule', '')}")
        else:
            out.append("  speaker none: the document does not say who (never guessed)")
        cue = rec.get("cue")
        if isinstance(cue, dict):
            out.append(f"  cue {json.dumps(cue.get('text', ''), ensure_ascii=False)} at {where(doc, cue.get('raw_start', 0))}")
        src = rec.get("source")
        if isinstance(src, dict):
            bits = [str(x) for x in (src.get("outlet"), src.get("author"), src.get("date")) if x]
            out.append(f"  source {', '.join(bits) or '?'}" + (f" via {src['attribution']}" if src.get("attribution") else "")
                       + (f" at {where(doc, src['raw_start'])}" if "raw_start" in src else ""))
        ref = rec.get("reference")
        if isinstance(ref, dict):
            out.append(f"  reference [{ref.get('number', '?')}] {ref.get('ref', '')}: {preview(ref.get('text', ''), 90)}")
        for ip in rec.get("interpolations") or []:
            out.append(f"  interpolation {json.dumps(ip.get('text', ''), ensure_ascii=False)} at "
                       f"{where(doc, ip.get('raw_start', 0))} by {ip.get('rule', '')} (not the speaker's words)")
    else:
        keys = {k: v for k, v in rec.items() if k not in ("id", "rule", "rules", "start", "end", "raw_start", "raw_end")}
        out.append(f"  {json.dumps(keys, ensure_ascii=False)[:300]}")
    return out


def _describe_flag(doc: Any, f: dict[str, Any]) -> list[str]:
    out = [f"  {f.get('id')}: {f.get('action', 'flag')} — {f.get('reason', '')}",
           f"  rule {f.get('rule', '')}" + (f" (rules: {', '.join(f['rules'])})" if f.get("rules") else "")]
    for k, v in sorted((f.get("signals") or {}).items()):
        out.append(f"  signal {k} = {v.get('value') if isinstance(v, dict) else v}"
                   + (f" (threshold {v.get('threshold')})" if isinstance(v, dict) and "threshold" in v else ""))
    if f.get("quotations"):
        out.append(f"  quotations {', '.join(f['quotations'])}")
    if f.get("notice"):
        out.append(f"  notice {f['notice']}")
    return out


def trace_corpus(record_id: str, raw_dir: Path, out_dir: Path, st: Style) -> list[str] | None:
    """A corpus index row (distinct quotation or speaker) and the trace of each quotation in it."""
    from .report import read_jsonl

    for fname in ("quotations.jsonl", "speakers.jsonl"):
        for row in read_jsonl(out_dir / "corpus" / fname):
            if str(row.get("id")) != record_id:
                continue
            lines = [st.bold(record_id) + f"  in corpus/{fname}"]
            lines.append("  " + json.dumps({k: v for k, v in row.items() if k not in ("occurrences", "quotations")},
                                           ensure_ascii=False)[:400])
            qids = [o.get("quotation") for o in row.get("occurrences") or []] or list(row.get("quotations") or [])
            for qid in qids[:20]:
                lines.append("")
                lines += trace(str(qid), raw_dir, out_dir, st)
            if len(qids) > 20:
                lines.append(f"… {len(qids) - 20} more quotations: trace them one by one")
            return lines
    return None


# ----------------------------------------------------------------------------- show
def show(doc: Any, stage_name: str, st: Style, full: bool) -> list[str]:
    n = 10 ** 9 if full else PREVIEW
    ext, strip, norm = doc.get("extract"), doc.get("strip"), doc.get("normalise")
    out = [st.bold(doc.name) + f"  ({doc.doc_id})", stage_line(doc, stage_name, st)]
    if doc.errors:
        out += [st.red(f"error: {e}") for e in doc.errors]
    if stage_name not in doc.outputs:
        return out
    if stage_name == "extract":
        counts: dict[str, int] = {}
        for g in ext.get("gaps", []):
            counts[g.get("rule", "")] = counts.get(g.get("rule", ""), 0) + 1
        out.append(f"{ext.get('format')} · {ext.get('encoding')} ({ext.get('encoding_rule')}) · {ext.get('raw_chars')} chars · "
                   f"{len(ext.get('blocks', []))} blocks · gaps: " + ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
        for b in ext.get("blocks", []):
            tag = f" <{b['tag']}>" if b.get("tag") else ""
            out.append(f"{b['id']:>6} {where(doc, b['raw_start']):>8} {b.get('kind', ''):<10}{tag} {st.dim(b.get('rule', ''))}")
            out.append(f"{'':>8}{preview(b.get('text'), n)}")
    elif stage_name == "strip":
        blocks = {b["id"]: b for b in ext.get("blocks", [])}
        removals: dict[str, list[dict[str, Any]]] = {}
        for r in strip.get("inline_removals", []):
            removals.setdefault(r["block"], []).append(r)
        kept = sum(1 for d in strip.get("decisions", []) if d.get("label") == "content")
        out.append(f"{kept} of {len(strip.get('decisions', []))} blocks kept; "
                   f"{len(strip.get('inline_removals', []))} inline removals; {len(strip.get('notices', []))} notices "
                   "(- removed, + kept)")
        for d in strip.get("decisions", []):
            text = preview(blocks.get(d["block"], {}).get("text", ""), n)
            if d.get("label") == "content":
                out.append(f"+ {d['block']:>5} {where(doc, d['raw_start']):>8}  {text}")
            else:
                out.append(st.red(f"- {d['block']:>5} {where(doc, d['raw_start']):>8}  [{d.get('rule', '')}] ")
                           + st.strike(text))
            for r in removals.get(d["block"], []):
                out.append(st.red(f"{'':>17}  - inline [{r.get('rule', '')}] ") + st.strike(json.dumps(r.get("text", ""), ensure_ascii=False)))
        for nt in strip.get("notices", []):
            out.append(f"notice {nt.get('id')} ({nt.get('kind')}, {nt.get('rule')}) from {', '.join(nt.get('blocks', []))}: "
                       f"{preview(nt.get('text'), n)}")
    elif stage_name == "normalise":
        counts = {}
        for x in norm.get("edits", []):
            counts[x.get("rule", "")] = counts.get(x.get("rule", ""), 0) + 1
        out.append(f"{len(norm.get('text', ''))} chars of clean text · {len(norm.get('paragraphs', []))} paragraphs · "
                   f"quote policy {norm.get('quote_policy')} · edits: " + (", ".join(f"{v} {k}" for k, v in sorted(counts.items())) or "none"))
        for p in norm.get("paragraphs", []):
            out.append(f"{p['id']:>6} {where(doc, p['raw_start']):>8} {st.dim(','.join(p.get('blocks', [])))}")
            out.append(f"{'':>8}{preview(norm.get('text', '')[p['start']:p['end']], n)}")
        if full:
            for x in norm.get("edits", []):
                out.append(f"edit {where(doc, x['raw_start']):>8} {json.dumps(x.get('before', ''), ensure_ascii=False)} → "
                           f"{json.dumps(x.get('after', ''), ensure_ascii=False)} {x.get('rule', '')}")
    elif stage_name == "quotes":
        q = doc.get("quotes")
        model = q.get("model")
        out.append(f"{len(q.get('quotations', []))} quotations · {len(q.get('attribution_lines', []))} attribution lines · "
                   f"{len(q.get('references', []))} references · model {json.dumps(model, ensure_ascii=False)}")
        flags = doc.get("copyright").get("flags", [])
        for rec in q.get("quotations", []):
            spk = rec.get("speaker")
            name = spk.get("name") if isinstance(spk, dict) else None
            flagged = [f.get("id") for f in flags if rec.get("id") in (f.get("quotations") or []) or overlaps(f, rec["raw_start"], rec["raw_end"])]
            out.append(st.bold(f"{rec.get('id')}") + f" {where(doc, rec['raw_start'])} {rec.get('kind', '')} "
                       f"{rec.get('words', '?')}w · speaker " + (st.green(name) if name else st.dim("none"))
                       + (st.red(f" · flagged {', '.join(map(str, flagged))}") if flagged else ""))
            out.append(f"    {json.dumps(preview(rec.get('text'), n), ensure_ascii=False)}")
            src = rec.get("source") or {}
            ref = rec.get("reference") or {}
            bits = [str(x) for x in (src.get("outlet"), src.get("author"), src.get("date")) if x]
            if bits or ref:
                out.append(st.dim(f"    source {', '.join(bits) or '-'}" + (f" · ref [{ref.get('number')}]" if ref else "")))
            for ip in rec.get("interpolations") or []:
                out.append(st.dim(f"    interpolation {ip.get('text')}"))
            out.append(st.dim(f"    {rec.get('rule', '')}"))
        for a in q.get("attribution_lines", []):
            out.append(f"{a.get('id')} {where(doc, a['raw_start'])} attribution: {preview(a.get('text'), n)}")
        for r in q.get("references", []):
            out.append(f"{r.get('id')} {where(doc, r['raw_start'])} reference [{r.get('number')}]: {preview(r.get('text'), n)}")
    elif stage_name == "copyright":
        flags = doc.get("copyright").get("flags", [])
        out.append(f"{len(flags)} flags")
        for f in flags:
            out.append(st.red(st.bold(str(f.get("id")))) + f" {where(doc, f['raw_start'], f['raw_end'])}")
            out += _describe_flag(doc, f)
            out.append(f"    {raw_slice(doc, f['raw_start'], f['raw_end'], n)}")
    elif stage_name == "publish":
        pub = doc.get("publish")
        out.append(f"{len(pub.get('placeholders', []))} placeholders")
        out.append(pub.get("markdown", ""))
    return out


# ----------------------------------------------------------------------------- commands
def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", type=Path, default=Path("processed"), help="output folder (default: processed)")
    p.add_argument("--raw", type=Path, default=Path("raw"), help="folder of raw documents (default: raw)")
    p.add_argument("--no-color", action="store_true", help="no ANSI styling (also: NO_COLOR=1)")


def _trace_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", help="a record id: <document id>#<letter><n> (q3, b12, p4, f1, a1, r6, n1) or a corpus id")
    _common(p)


def _trace_main(args: argparse.Namespace) -> int:
    print("\n".join(trace(args.id, args.raw, args.out, _style(args))))
    return 0


def _show_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("doc", help="document id or raw file name")
    p.add_argument("--stage", choices=STAGES, default="strip", help="the stage whose view to print (default: strip)")
    p.add_argument("--full", action="store_true", help="print whole texts instead of previews")
    _common(p)


def _show_main(args: argparse.Namespace) -> int:
    doc = load(args.doc, args.raw, args.out)
    print("\n".join(show(doc, args.stage, _style(args), args.full)))
    return 0


COMMANDS = {
    "trace": ("explain a record: its raw characters (line:col) and every stage's step, rule and config", _trace_args, _trace_main),
    "show": ("print one stage's view of a document (removed blocks, edits, quotations, flags)", _show_args, _show_main),
}

__all__ = ["COMMANDS", "trace", "show", "PipelineError"]
