"""The audit report: static HTML pages, one per document and an index, built from the stage outputs.

Each document page shows the raw text (the coordinate system of every record) with every record
laid over it as a span: removed boilerplate struck through and labelled with its rule, inline
removals, normalisation edits, quotations coloured by speaker (with their speaker, cue,
attribution line and reference), interpolations set apart and copyright flags boxed with their
reason. Pages need no server and load nothing: CSS and the small table-sorting script are inline,
and every piece of document text goes through ``html.escape``. Output is deterministic (no
timestamps) so that a re-run gives byte-identical pages.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .errors import ConfigError, PipelineError

DEFAULTS: dict[str, Any] = {
    "max_page_chars": 1_000_000,  # characters of raw text shown on a page; the rest is summarised
    "markup_chars": 160,          # characters shown of each run of HTML markup (the rest elided)
    "preview_chars": 220,         # characters of a record's text shown in tables
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

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.raw_text or "")
        return self._lines

    def get(self, stage_name: str) -> dict[str, Any]:
        return self.outputs.get(stage_name) or {}


def load_doc(out_dir: Path, doc_id: str, name: str | None = None, raw_path: Path | None = None,
             error_paths: list[Path] | None = None) -> DocData:
    """Read every stage output of one document (missing ones stay absent) and decode its raw bytes.

    ``error_paths``: the document's error files when the caller has listed them already.
    """
    from .manifest import error_files, error_line
    from .stages import stages

    data = DocData(doc_id, name or doc_id)
    for spec in stages():
        path = out_dir / spec.folder / f"{doc_id}.json"
        if path.exists():
            try:
                data.outputs[spec.name] = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                data.errors.append(f"{spec.name}: unreadable output {path}: {exc}")
                continue
            data.paths[spec.name] = path
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


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            try:
                rows.append(json.loads(line))
            except ValueError:
                continue
    return rows


def local_id(record_id: Any) -> str:
    """``doc#q3`` -> ``q3``, made safe for an HTML id."""
    s = str(record_id or "")
    return re.sub(r"[^\w.-]", "_", s.split("#", 1)[1] if "#" in s else s)


def short(text: Any, n: int) -> str:
    s = " ".join(str(text or "").split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def page_name(doc_id: str) -> str:
    return f"{doc_id}.html"


def href(doc_id: str, anchor: str = "") -> str:
    return quote(page_name(doc_id)) + (f"#{anchor}" if anchor else "")


# ----------------------------------------------------------------------------- span layout
@dataclass
class Mark:
    """An element laid over ``raw[start:end]``; ``prio`` orders nesting (lower = outer)."""

    start: int
    end: int
    prio: int
    cls: str
    title: str = ""
    anchor: str = ""
    badge: str = ""  # HTML put right after the opening tag (first opening only)
    order: int = 0

    def open(self, first: bool) -> str:
        attrs = f' class="{self.cls}"'
        if self.title:
            attrs += f' title="{esc(self.title)}"'
        if first and self.anchor:
            attrs += f' id="{esc(self.anchor)}"'
        else:
            attrs += ' data-cont="1"' if not first else ""
        return f"<span{attrs}>" + (self.badge if first else "")


@dataclass
class Atom:
    """Raw characters displayed as something else (HTML markup, an entity); never split."""

    start: int
    end: int
    html: str


def layout(raw: str, marks: list[Mark], atoms: list[Atom], cut: int) -> str:
    """Raw text with marks as properly nested spans.

    Boundaries of all marks are visited in order; when a mark ends while marks opened after it
    are still open, those are closed and reopened, so the HTML stays well-formed. Each text piece
    between boundaries is escaped.
    """
    atoms = sorted((a for a in atoms if a.start < cut and a.end > a.start), key=lambda a: a.start)
    a_starts = [a.start for a in atoms]

    def snap(pos: int, to_end: bool) -> int:
        i = bisect_right(a_starts, pos) - 1
        if i >= 0 and atoms[i].start < pos < atoms[i].end:
            return atoms[i].end if to_end else atoms[i].start
        return pos

    placed: list[Mark] = []
    for i, m in enumerate(marks):
        s, e = max(0, min(m.start, cut)), max(0, min(m.end, cut))
        if m.start >= cut or e < s:
            continue
        s, e = snap(s, False), snap(e, True)
        m.start, m.end, m.order = s, max(s, e), i
        placed.append(m)
    bounds = {0, cut}
    for m in placed:
        bounds.update((m.start, m.end))
    for a in atoms:
        bounds.update((a.start, min(a.end, cut)))
    starts: dict[int, list[Mark]] = {}
    for m in placed:
        starts.setdefault(m.start, []).append(m)
    atom_at = {a.start: a for a in atoms}
    out: list[str] = []
    stack: list[Mark] = []
    ordered = sorted(b for b in bounds if 0 <= b <= cut)
    for k, pos in enumerate(ordered):
        ending = [i for i, m in enumerate(stack) if m.end <= pos]
        if ending:
            i0 = ending[0]
            reopen = [m for m in stack[i0:] if m.end > pos]
            out.append("</span>" * (len(stack) - i0))
            del stack[i0:]
            for m in reopen:
                out.append(m.open(False))
                stack.append(m)
        for m in sorted(starts.get(pos, ()), key=lambda m: (m.prio, -m.end, m.order)):
            out.append(m.open(True))
            if m.end == pos:
                out.append("</span>")
            else:
                stack.append(m)
        if k + 1 < len(ordered):
            nxt = ordered[k + 1]
            atom = atom_at.get(pos)
            if atom is not None:  # snapping leaves no boundary inside an atom
                out.append(atom.html)
            else:
                out.append(esc(raw[pos:nxt]))
    out.append("</span>" * len(stack))
    return "".join(out)


# ----------------------------------------------------------------------------- a document page
@dataclass
class Speakers:
    """Colour per speaker, in order of first quotation."""

    index: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    @staticmethod
    def key(speaker: Any) -> str | None:
        if not isinstance(speaker, dict) or not speaker.get("name"):
            return None
        return " ".join(str(speaker["name"]).split()).casefold()

    def add(self, speaker: Any) -> None:
        k = self.key(speaker)
        if k is None:
            return
        if k not in self.index:
            self.index[k] = len(self.index)
            self.names[k] = " ".join(str(speaker["name"]).split())
        self.counts[k] = self.counts.get(k, 0) + 1

    def cls(self, speaker: Any) -> str:
        k = self.key(speaker)
        return "s-none" if k is None else f"s{self.index[k] % len(PALETTE)}"


def _quotations(doc: DocData) -> list[dict[str, Any]]:
    qs = [q for q in doc.get("quotes").get("quotations", []) if isinstance(q, dict)]
    return sorted(qs, key=lambda q: (q.get("raw_start", 0), q.get("raw_end", 0)))


def _flags_by_quote(doc: DocData) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    flags = doc.get("copyright").get("flags", [])
    for q in _quotations(doc):
        for f in flags:
            if q.get("id") in (f.get("quotations") or []) or (
                f.get("raw_start", 0) < q.get("raw_end", 0) and q.get("raw_start", 0) < f.get("raw_end", 0)
            ):
                out.setdefault(q.get("id"), []).append(f)
    return out


def build_marks(doc: DocData, speakers: Speakers, opts: dict[str, Any]) -> tuple[list[Mark], list[Atom]]:
    """Every record of every stage as a mark over the raw text."""
    raw = doc.raw_text or ""
    ext, strip, norm = doc.get("extract"), doc.get("strip"), doc.get("normalise")
    quotes, copy = doc.get("quotes"), doc.get("copyright")
    marks: list[Mark] = []
    atoms: list[Atom] = []
    is_html = ext.get("format") == "html"
    if is_html:
        spans = sorted((b["raw_start"], b["raw_end"]) for b in ext.get("blocks", []))
        b_starts = [s for s, _ in spans]
        first_start = b_starts[0] if b_starts else 0
        starts_set = set(b_starts)
        for g in ext.get("gaps", []):
            s, e = g["raw_start"], g["raw_end"]
            i = bisect_right(b_starts, s) - 1
            inside = i >= 0 and spans[i][0] < s and e <= spans[i][1]
            # one visual break between two blocks: on the last gap before a block, not before the first
            inside = inside or e not in starts_set or e <= first_start
            text = raw[s:e]
            shown = esc(text[: opts["markup_chars"]])
            if len(text) > opts["markup_chars"]:
                shown += f'<span class="more">… {len(text) - opts["markup_chars"]:,} more characters</span>'
            sep = "" if inside else '<span class="bs"></span>'
            atoms.append(Atom(s, e, f'<span class="mk" title="{esc(g.get("rule", ""))}">{shown}</span>{sep}'))
        for b in ext.get("blocks", []):
            for t0, t1, r0, r1 in b.get("map", []):
                if (t1 - t0) != (r1 - r0) and raw[r0:r1].startswith("&"):
                    atoms.append(Atom(r0, r1, f'<span class="ent" title="{esc("raw: " + raw[r0:r1])}">'
                                              f'{esc(b["text"][t0:t1])}</span>'))

    notice_of: dict[str, dict[str, Any]] = {}
    for n in strip.get("notices", []):
        for bid in n.get("blocks", []):
            notice_of.setdefault(bid, n)
    for d in strip.get("decisions", []):
        if d.get("label") != "boilerplate":
            continue
        rule = d.get("rule", "")
        n = notice_of.get(d.get("block"))
        extra = f'<span class="nt">{esc(n.get("kind", "notice"))} notice {esc(local_id(n.get("id")))}</span>' if n else ""
        marks.append(Mark(d["raw_start"], d["raw_end"], 4, "bp", f"{d.get('block')} removed as boilerplate: {rule}",
                          anchor=f"t-{local_id(d.get('block'))}",
                          badge=f'<span class="lbl">{esc(rule)}</span>{extra}'))
    for r in strip.get("inline_removals", []):
        marks.append(Mark(r["raw_start"], r["raw_end"], 5, "ir", f"{r.get('block')} inline removal: {r.get('rule', '')}",
                          badge=f'<span class="lbl">{esc(r.get("rule", ""))}</span>'))
    for e in norm.get("edits", []):
        rule = e.get("rule", "")
        ws = " ws" if rule.startswith("normalise.whitespace") else ""
        title = f"{rule}: {json.dumps(e.get('before', ''), ensure_ascii=False)} → {json.dumps(e.get('after', ''), ensure_ascii=False)}"
        marks.append(Mark(e["raw_start"], e["raw_end"], 7, "ed" + ws, title))

    flags_of = _flags_by_quote(doc)
    users: dict[str, list[str]] = {}
    seen_spk: set[tuple[int, int]] = set()
    for q in _quotations(doc):
        qid = local_id(q.get("id"))
        for key in ("source", "reference"):
            link = (q.get(key) or {}).get("attribution" if key == "source" else "ref")
            if link:
                users.setdefault(local_id(link), []).append(qid)
        spk = q.get("speaker")
        scls = speakers.cls(spk)
        who = spk.get("name") if isinstance(spk, dict) and spk.get("name") else "no speaker"
        title = f"{qid} · {who} · {q.get('kind', '')} · {q.get('rule', '')}"
        flagged = " flagged" if flags_of.get(q.get("id")) else ""
        prio = 2 if q.get("parent") else 1
        marks.append(Mark(q["raw_start"], q["raw_end"], prio, f"q {scls}{flagged}", title, anchor=f"t-{qid}",
                          badge=f'<a class="qb" href="#row-{esc(qid)}">{esc(qid)}</a>'))
        for ip in q.get("interpolations") or []:
            marks.append(Mark(ip["raw_start"], ip["raw_end"], 3, "ip",
                              f"interpolation in {qid}, not the speaker's words: {ip.get('rule', '')}"))
        if isinstance(spk, dict) and spk.get("raw_end", 0) > spk.get("raw_start", 0):
            span = (spk["raw_start"], spk["raw_end"])
            if span not in seen_spk:
                seen_spk.add(span)
                marks.append(Mark(span[0], span[1], 2, f"spk {scls}", f"speaker of {qid}: {spk.get('rule', '')}"))
        cue = q.get("cue")
        if isinstance(cue, dict) and cue.get("raw_end", 0) > cue.get("raw_start", 0):
            marks.append(Mark(cue["raw_start"], cue["raw_end"], 2, "cue", f"cue of {qid}"))
    for kind, records in (("att", quotes.get("attribution_lines", [])), ("ref", quotes.get("references", []))):
        for rec in records:
            rid = local_id(rec.get("id"))
            back = "".join(f'<a class="bk" href="#t-{esc(q)}">{esc(q)}</a>' for q in users.get(rid, []))
            label = "attribution" if kind == "att" else f"reference {rec.get('number', '')}"
            marks.append(Mark(rec["raw_start"], rec["raw_end"], 2, kind, f"{rid}: {label} ({rec.get('rule', '')})",
                              anchor=f"t-{rid}", badge=f'<span class="rb">{esc(rid)}{back}</span>'))
    for f in copy.get("flags", []):
        fid = local_id(f.get("id"))
        marks.append(Mark(f["raw_start"], f["raw_end"], 0, "fl", f"{fid}: {f.get('reason', '')} ({f.get('rule', '')})",
                          anchor=f"t-{fid}",
                          badge=f'<a class="fb" href="#row-{esc(fid)}">⚑ {esc(fid)} · {esc(f.get("action", "flag"))}: '
                                f'{esc(short(f.get("reason", ""), 90))}</a>'))
    return marks, atoms


def page_cut(doc: DocData, opts: dict[str, Any]) -> int:
    """Raw offset up to which the page shows text: all of it unless the shown text gets too long."""
    raw = doc.raw_text or ""
    budget = opts["max_page_chars"]
    if doc.get("extract").get("format") != "html":
        return min(len(raw), budget)
    shown = 0
    pos = 0
    for g in sorted(doc.get("extract").get("gaps", []), key=lambda g: g["raw_start"]):
        seg = g["raw_start"] - pos
        if shown + seg > budget:
            return pos + (budget - shown)
        shown += seg + min(g["raw_end"] - g["raw_start"], opts["markup_chars"])
        pos = g["raw_end"]
        if shown > budget:
            return pos
    return min(len(raw), pos + max(0, budget - shown))


def _th(label: str, num: bool = False) -> str:
    return f'<th{" class=num" if num else ""} title="click to sort">{esc(label)}</th>'


def _td(content_html: str, sort: Any = None, cls: str = "") -> str:
    attrs = f' data-v="{esc(sort)}"' if sort is not None else ""
    attrs += f' class="{cls}"' if cls else ""
    return f"<td{attrs}>{content_html}</td>"


def quotation_rows(doc: DocData, speakers: Speakers, opts: dict[str, Any]) -> str:
    flags_of = _flags_by_quote(doc)
    rows = []
    for q in _quotations(doc):
        qid = local_id(q.get("id"))
        spk = q.get("speaker")
        if isinstance(spk, dict) and spk.get("name"):
            spk_html = (f'<span class="sw {speakers.cls(spk)}"></span>{esc(spk["name"])}'
                        f'<div class="sub">{esc(spk.get("type", ""))} · {esc(spk.get("rule", ""))}</div>')
            spk_sort = spk["name"]
        else:
            spk_html, spk_sort = '<span class="sw s-none"></span><span class="none">no speaker</span>', "~"
        src = q.get("source") or {}
        src_bits = [esc(x) for x in (src.get("outlet"), src.get("author")) if x]
        if src.get("attribution"):
            src_bits.append(f'<a href="#t-{esc(local_id(src["attribution"]))}">{esc(local_id(src["attribution"]))}</a>')
        ref = q.get("reference") or {}
        if ref.get("number") or ref.get("ref"):
            target = local_id(ref.get("ref")) if ref.get("ref") else ""
            label = f"[{ref.get('number', '?')}]"
            src_bits.append(f'<a href="#t-{esc(target)}">{esc(label)}</a>' if target else esc(label))
            if ref.get("text"):
                src_bits.append(f'<div class="sub">{esc(short(ref["text"], 120))}</div>')
        flags = flags_of.get(q.get("id"), [])
        if flags:
            flag_html = "".join(f'<a class="fl-link" href="#t-{esc(local_id(f.get("id")))}">⚑ {esc(local_id(f.get("id")))}</a> '
                                f'<span class="sub">{esc(short(f.get("reason", ""), 140))}</span>' for f in flags)
        else:
            flag_html = '<span class="none">not flagged</span>'
        ips = q.get("interpolations") or []
        ip_html = f'<div class="sub">{len(ips)} interpolation{"s" if len(ips) != 1 else ""}</div>' if ips else ""
        rows.append(
            f'<tr id="row-{esc(qid)}">'
            + _td(f'<a href="#t-{esc(qid)}">{esc(qid)}</a>', q.get("raw_start", 0))
            + _td(spk_html, spk_sort)
            + _td(f'<span class="qt">{esc(short(q.get("text", ""), opts["preview_chars"]))}</span>{ip_html}')
            + _td(" ".join(src_bits) or '<span class="none">—</span>', " ".join(str(x) for x in (src.get("outlet"), src.get("author")) if x))
            + _td(esc(src.get("date") or ""), src.get("date") or "")
            + _td(esc(q.get("kind", "")))
            + _td(esc(q.get("words", "")), q.get("words", 0), "num")
            + _td(flag_html, 1 if flags else 0)
            + _td(f'{esc(doc.lines.fmt(q.get("raw_start", 0)))}<div class="sub">{esc(q.get("rule", ""))}</div>',
                  q.get("raw_start", 0))
            + "</tr>")
    return "".join(rows)


CSS = """
:root{--ink:#1f2430;--mute:#6b7280;--line:#e5e7eb;--bg:#f7f7f5;--card:#fff;--accent:#2f5fb3;--flag:#c92a2a}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
header{background:#1f2a44;color:#fff;padding:14px 28px}
header h1{margin:0;font-size:20px;font-weight:600;word-break:break-all}
header .meta{color:#c8d1e6;font-size:13px;margin-top:2px}
header a{color:#c8d1e6}
main{padding:18px 28px 40px;max-width:1500px;margin:0 auto}
h2{font-size:17px;margin:26px 0 10px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin-bottom:16px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:108px}
.card b{display:block;font-size:20px;font-weight:600}
.card span{color:var(--mute);font-size:12px}
.card.warn b{color:var(--flag)}
.grid{display:grid;grid-template-columns:minmax(0,1fr) 320px;gap:18px;align-items:start}
.textbox{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:20px 26px;max-height:78vh;overflow:auto}
.doc{font:15.5px/1.75 Georgia,"Times New Roman",serif;white-space:pre-wrap;overflow-wrap:anywhere;max-width:92ch}
.doc.html{white-space:normal}
.side{position:sticky;top:10px;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px;font-size:13px;max-height:92vh;overflow:auto}
.side h3{font-size:13px;margin:10px 0 6px;text-transform:uppercase;letter-spacing:.04em;color:var(--mute)}
.side h3:first-child{margin-top:0}
.legend div{margin:3px 0}
.note{background:#fff4e6;border:1px solid #ffd8a8;border-radius:6px;padding:8px 12px;margin:8px 0;font-size:13.5px}
.err{background:#fff5f5;border:1px solid #ffc9c9;border-radius:6px;padding:8px 12px;margin:8px 0;font-size:13.5px;color:#862e2e}
/* removed and changed raw text */
.bp,.ir{color:#9aa0a6;text-decoration:line-through;text-decoration-color:#b0b6bd}
.lbl,.nt{display:inline-block;font:11px/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#5c6370;background:#eef0f3;border-radius:3px;padding:0 4px;margin:0 4px 0 0;text-decoration:none;vertical-align:1px;white-space:nowrap}
.nt{background:#fff0f6;color:#a61e4d}
.ed{text-decoration:underline dotted #e8590c;text-underline-offset:3px;background:#fff4e6}
.ed.ws{background:none;text-decoration:none;box-shadow:inset 0 -2px 0 #ffe8cc}
.mk{display:none;font:11.5px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#a3a9b3}
.mk .more{font-style:italic;color:#868e96}
.bs{display:block;height:.55em}
#showmk:checked ~ .grid .doc.html{white-space:pre-wrap}
#showmk:checked ~ .grid .mk{display:inline}
#showmk:checked ~ .grid .bs{display:none}
.ent{border-bottom:1px dotted #868e96}
/* quotations and what goes with them */
.q{border-radius:3px;padding:1px 0;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.q.s-none{background:#e9ecef;box-shadow:inset 0 -2px 0 #adb5bd}
.qb{display:inline-block;font:600 10.5px/1.3 system-ui,sans-serif;color:#fff;background:#364fc7;border-radius:3px;padding:0 4px;margin-right:3px;text-decoration:none;vertical-align:2px}
.ip{background:#fff;color:#495057;font-style:italic;border:1px dashed #868e96;border-radius:3px;padding:0 2px}
.spk{font-weight:700;border-bottom:3px solid #364fc7}
.cue{border-bottom:1px dashed #495057}
.att,.ref{background:#e7f5ff;box-shadow:inset 0 -2px 0 #74c0fc}
.rb{display:inline-block;font:600 10.5px/1.3 system-ui,sans-serif;color:#1864ab;background:#d0ebff;border-radius:3px;padding:0 4px;margin-right:3px;vertical-align:2px}
.bk{color:#1864ab;margin-left:4px}
.fl{border:1.5px solid var(--flag);border-radius:3px;padding:2px 3px;background:#fff5f5}
.fb{display:inline-block;font:600 11px/1.3 system-ui,sans-serif;color:#fff;background:var(--flag);border-radius:3px;padding:1px 6px;margin:0 4px 2px 0;text-decoration:none;font-style:normal}
:target{outline:3px solid #fab005;outline-offset:2px}
tr:target{outline:none}
tr:target td{background:#fff9db}
/* tables */
table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line);border-radius:8px;font-size:13.5px}
th{position:sticky;top:0;background:#f1f3f5;text-align:left;font-weight:600;padding:7px 9px;border-bottom:1px solid var(--line);white-space:nowrap}
.sortable th{cursor:pointer;user-select:none}
.sortable th:after{content:" ⇅";color:#adb5bd;font-weight:400}
th.asc:after{content:" ▲";color:var(--accent)}
th.desc:after{content:" ▼";color:var(--accent)}
td{padding:6px 9px;border-bottom:1px solid #f1f3f5;vertical-align:top}
td.num,th.num{text-align:right}
.sub{color:var(--mute);font-size:12px}
.none{color:#adb5bd}
.qt{font-family:Georgia,serif}
.sw{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:6px;vertical-align:-1px;border:1px solid rgba(0,0,0,.15)}
.sw.plain{background:#fff}
.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
details{margin:8px 0}
summary{cursor:pointer;font-weight:600}
a{color:var(--accent)}
.fl-link{color:var(--flag);font-weight:600}
dl.prov{display:grid;grid-template-columns:max-content 1fr;gap:3px 14px;margin:0;font-size:13px}
dl.prov dt{color:var(--mute)}
dl.prov dd{margin:0;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
.tw{overflow-x:auto;max-height:70vh;overflow-y:auto;border-radius:8px}
""" + "".join(f".s{i}{{background:{c}}}.spk.s{i}{{background:none;border-bottom-color:{c};box-shadow:inset 0 -3px 0 {c}}}"
              f".sw.s{i}{{background:{c}}}\n" for i, c in enumerate(PALETTE)) + ".sw.s-none{background:#e9ecef}\n"

SORT_JS = """
(function(){
  function key(td){var v=td.getAttribute('data-v');return v===null?td.textContent.trim():v;}
  document.querySelectorAll('table.sortable').forEach(function(table){
    var heads=table.querySelectorAll('th');
    heads.forEach(function(th,col){
      th.addEventListener('click',function(){
        var body=table.tBodies[0];if(!body)return;
        var asc=!th.classList.contains('asc');
        heads.forEach(function(h){h.classList.remove('asc','desc');});
        th.classList.add(asc?'asc':'desc');
        var rows=Array.prototype.slice.call(body.rows);
        rows.sort(function(a,b){
          var x=key(a.cells[col]),y=key(b.cells[col]);
          var nx=parseFloat(x),ny=parseFloat(y);
          var c=(!isNaN(nx)&&!isNaN(ny)&&String(nx)===x.replace(/^0+(?=\\d)/,'')&&String(ny)===y.replace(/^0+(?=\\d)/,''))?nx-ny:x.localeCompare(y);
          return asc?c:-c;
        });
        rows.forEach(function(r){body.appendChild(r);});
      });
    });
  });
  document.documentElement.setAttribute('data-report-js','ok');
})();
"""


def _script_hash() -> str:
    import base64

    return base64.b64encode(hashlib.sha256(SORT_JS.encode("utf-8")).digest()).decode("ascii")


def page(title: str, header_html: str, body: str) -> str:
    """A whole page. The CSP allows only our own script (by hash): even if some text escaped
    escaping, an injected script or event handler would be refused, not run."""
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
            f"script-src 'sha256-{_script_hash()}'; img-src data:\">"
            f"<title>{esc(title)}</title><style>{CSS}</style></head><body>"
            f"<header>{header_html}</header><main>{body}</main><script>{SORT_JS}</script></body></html>\n")


def _card(value: Any, label: str, warn: bool = False) -> str:
    return f'<div class="card{" warn" if warn else ""}"><b>{esc(value)}</b><span>{esc(label)}</span></div>'


def doc_page(doc: DocData, out_dir: Path, opts: dict[str, Any], hashes: Any = None) -> str:
    """The HTML page of one document."""
    ext, strip, norm = doc.get("extract"), doc.get("strip"), doc.get("normalise")
    quotes, copy = doc.get("quotes"), doc.get("copyright")
    raw = doc.raw_text or ""
    speakers = Speakers()
    for q in _quotations(doc):
        speakers.add(q.get("speaker"))
    qs = _quotations(doc)
    flags = copy.get("flags", [])
    decisions = strip.get("decisions", [])
    removed = [d for d in decisions if d.get("label") == "boilerplate"]
    removed_chars = sum(d["raw_end"] - d["raw_start"] for d in removed)
    attributed = sum(1 for q in qs if Speakers.key(q.get("speaker")))
    fmt = ext.get("format", "?")
    head = (f'<div class="meta"><a href="index.html">← all documents</a></div><h1>{esc(doc.name)}</h1>'
            f'<div class="meta">{esc(fmt)} · {esc(ext.get("encoding", "?"))} ({esc(ext.get("encoding_rule", ""))}) · '
            f'{len(raw):,} characters · {len(doc.lines.starts):,} lines</div>')
    parts: list[str] = []
    for e in doc.errors:
        parts.append(f'<div class="err">{esc(e)}</div>')
    parts.append('<div class="cards">' + "".join([
        _card(f"{len(decisions) - len(removed)}/{len(decisions)}", "blocks kept"),
        _card(f"{removed_chars:,}", "raw chars in removed blocks"),
        _card(len(strip.get("inline_removals", [])), "inline removals"),
        _card(len(norm.get("edits", [])), "normalisation edits"),
        _card(len(qs), "quotations"),
        _card(f"{attributed}/{len(qs)}", "with a speaker"),
        _card(len(quotes.get("attribution_lines", [])), "attribution lines"),
        _card(len(quotes.get("references", [])), "references"),
        _card(len(flags), "copyright flags", warn=bool(flags)),
    ]) + "</div>")

    if doc.raw_text is None:
        why = "The raw file is missing" if "extract" in doc.outputs else "There is no extract output"
        parts.append(f'<div class="err">{why}: the text cannot be shown. The tables below come from the stage outputs.</div>')
        text_html = ""
        cut = 0
    else:
        cut = page_cut(doc, opts)
        marks, atoms = build_marks(doc, speakers, opts)
        text_html = layout(raw, marks, atoms, cut)
        if cut < len(raw):
            text_html += (f'<div class="note">The page shows the first {cut:,} of {len(raw):,} raw characters '
                          f'(report.max_page_chars). The tables below cover the whole document; '
                          f'<code>pipeline show {esc(doc.doc_id)} --stage strip</code> prints the rest.</div>')
    if fmt == "html":
        parts.append('<input type="checkbox" id="showmk"> <label for="showmk">show the HTML markup between '
                     'text blocks (dimmed; long runs elided)</label>')
    legend = ['<div><span class="bp">struck</span> removed block <span class="lbl">rule</span></div>',
              '<div><span class="ir">struck</span> inline removal</div>',
              '<div><span class="ed">dotted</span> normalised (hover: rule, before → after)</div>',
              '<div><span class="q s-none">grey</span> quotation without speaker</div>',
              '<div><span class="ip">[…]</span> interpolation: not the speaker\'s words</div>',
              '<div><span class="spk s0">Name</span> speaker · <span class="cue">said</span> cue</div>',
              '<div><span class="att">attribution line / reference</span></div>',
              '<div><span class="fl">boxed</span> flagged for copyright</div>']
    if fmt == "html":
        legend.append('<div><span class="ent">’</span> HTML entity (hover: raw)</div>')
    spk_list = "".join(
        f'<div><span class="sw s{speakers.index[k] % len(PALETTE)}"></span>{esc(speakers.names[k])} '
        f'<span class="sub">{speakers.counts[k]}</span></div>'
        for k in sorted(speakers.index, key=lambda k: speakers.index[k]))
    unattributed = len(qs) - attributed
    if unattributed:
        spk_list += f'<div><span class="sw s-none"></span><span class="none">no speaker</span> <span class="sub">{unattributed}</span></div>'
    side = (f'<aside class="side"><h3>Speakers</h3>{spk_list or "<div class=none>no quotations</div>"}'
            f'<h3>Legend</h3><div class="legend">{"".join(legend)}</div>'
            '<h3>Jump to</h3><div><a href="#quotations">quotations</a> · <a href="#flags">flags</a> · '
            '<a href="#removed">removed</a> · <a href="#edits">edits</a> · <a href="#provenance">provenance</a></div></aside>')
    parts.append(f'<div class="grid"><div class="textbox"><div class="doc {esc(fmt)}" id="rawtext">{text_html}</div></div>{side}</div>')

    # quotations
    parts.append(f'<h2 id="quotations">Quotations ({len(qs)})</h2>')
    if qs:
        parts.append('<div class="tw"><table class="sortable" id="qtable"><thead><tr>'
                     + _th("id") + _th("speaker") + _th("quotation") + _th("source · reference") + _th("date")
                     + _th("kind") + _th("words", True) + _th("flag") + _th("raw line:col · rule")
                     + f"</tr></thead><tbody>{quotation_rows(doc, speakers, opts)}</tbody></table></div>")
    else:
        parts.append('<p class="none">No quotations found in this document.</p>')

    # flags
    parts.append(f'<h2 id="flags">Copyright flags ({len(flags)})</h2>')
    if flags:
        rows = []
        for f in flags:
            fid = local_id(f.get("id"))
            sig = ", ".join(f"{esc(k)} {esc(v.get('value') if isinstance(v, dict) else v)}"
                            + (f" (threshold {esc(v.get('threshold'))})" if isinstance(v, dict) and v.get("threshold") is not None else "")
                            for k, v in sorted((f.get("signals") or {}).items()))
            qlinks = " ".join(f'<a href="#t-{esc(local_id(q))}">{esc(local_id(q))}</a>' for q in f.get("quotations") or [])
            rows.append(f'<tr id="row-{esc(fid)}">' + _td(f'<a href="#t-{esc(fid)}">{esc(fid)}</a>', f.get("raw_start", 0))
                        + _td(esc(f.get("reason", ""))) + _td(f'<span class="sub">{sig}</span>')
                        + _td(qlinks) + _td(esc(f.get("action", "")))
                        + _td(f'{esc(doc.lines.fmt(f.get("raw_start", 0)))}–{esc(doc.lines.fmt(f.get("raw_end", 0)))}'
                              f'<div class="sub">{esc(f.get("rule", ""))}</div>', f.get("raw_start", 0)) + "</tr>")
        parts.append('<div class="tw"><table class="sortable"><thead><tr>' + _th("id") + _th("reason") + _th("signals")
                     + _th("quotations") + _th("action") + _th("raw span · rule") + f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")
    else:
        parts.append('<p class="none">No passage flagged.</p>')

    # removals
    blocks = {b["id"]: b for b in ext.get("blocks", [])}
    parts.append(f'<h2 id="removed">Removed text ({len(removed)} blocks, {len(strip.get("inline_removals", []))} inline)</h2>')
    if removed or strip.get("inline_removals"):
        rows = []
        for d in removed:
            b = blocks.get(d.get("block"), {})
            rows.append("<tr>" + _td(f'<a href="#t-{esc(local_id(d.get("block")))}">{esc(d.get("block"))}</a>', d.get("raw_start", 0))
                        + _td(f'<span class="mono">{esc(d.get("rule", ""))}</span>') + _td(esc(b.get("kind", "")))
                        + _td(esc(short(b.get("text", ""), opts["preview_chars"])))
                        + _td(esc(doc.lines.fmt(d.get("raw_start", 0))), d.get("raw_start", 0)) + "</tr>")
        for r in strip.get("inline_removals", []):
            rows.append("<tr>" + _td(esc(r.get("block", "")), r.get("raw_start", 0))
                        + _td(f'<span class="mono">{esc(r.get("rule", ""))}</span>') + _td("inline")
                        + _td(esc(short(r.get("text", ""), opts["preview_chars"])))
                        + _td(esc(doc.lines.fmt(r.get("raw_start", 0))), r.get("raw_start", 0)) + "</tr>")
        counts: dict[str, int] = {}
        for d in removed:
            counts[d.get("rule", "")] = counts.get(d.get("rule", ""), 0) + 1
        parts.append('<p class="sub">' + " · ".join(f'<span class="mono">{esc(k)}</span> {v}' for k, v in sorted(counts.items())) + "</p>")
        parts.append(f'<details><summary>every removal</summary><div class="tw"><table class="sortable"><thead><tr>'
                     + _th("block") + _th("rule") + _th("kind") + _th("text") + _th("raw line:col")
                     + f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div></details>")
        if strip.get("notices"):
            parts.append("<p>Copyright notices kept as records: " + ", ".join(
                f'{esc(local_id(n.get("id")))} ({esc(n.get("kind", ""))}, {esc(n.get("rule", ""))})' for n in strip["notices"]) + "</p>")

    # edits
    edits = norm.get("edits", [])
    parts.append(f'<h2 id="edits">Normalisation edits ({len(edits)})</h2>')
    if edits:
        by_rule: dict[str, int] = {}
        for e in edits:
            by_rule[e.get("rule", "")] = by_rule.get(e.get("rule", ""), 0) + 1
        parts.append('<p class="sub">' + " · ".join(f'<span class="mono">{esc(k)}</span> {v}' for k, v in sorted(by_rule.items()))
                     + f' · quote policy <span class="mono">{esc(norm.get("quote_policy", ""))}</span></p>')
        rows = "".join("<tr>" + _td(esc(doc.lines.fmt(e.get("raw_start", 0))), e.get("raw_start", 0))
                       + _td(f'<span class="mono">{esc(e.get("rule", ""))}</span>')
                       + _td(f'<span class="mono">{esc(json.dumps(e.get("before", ""), ensure_ascii=False))}</span>')
                       + _td(f'<span class="mono">{esc(json.dumps(e.get("after", ""), ensure_ascii=False))}</span>') + "</tr>"
                       for e in edits[:5000])
        more = f'<p class="sub">first 5,000 of {len(edits):,} shown</p>' if len(edits) > 5000 else ""
        parts.append(f'<details><summary>every edit</summary><div class="tw"><table class="sortable"><thead><tr>'
                     + _th("raw line:col") + _th("rule") + _th("before") + _th("after")
                     + f"</tr></thead><tbody>{rows}</tbody></table></div>{more}</details>")
    if norm.get("ftfy"):
        parts.append(f'<p class="sub">ftfy fixed {len(norm["ftfy"])} block(s): '
                     + "; ".join(f'{esc(x.get("block"))}: {esc(" / ".join(str(s) for s in x.get("steps", [])))}' for x in norm["ftfy"]) + "</p>")

    parts.append('<h2 id="provenance">Provenance</h2>' + provenance_html(doc, out_dir, hashes))
    return page(f"{doc.name} · report", head, "".join(parts))


def provenance_html(doc: DocData, out_dir: Path, hashes: Any = None) -> str:
    from .manifest import FileHashes
    from .stages import stages

    hashes = hashes if hashes is not None else FileHashes(None)

    envelope_sha = next((o.get("document", {}).get("raw_sha256") for o in doc.outputs.values() if o.get("document")), None)
    if doc.raw_sha256 is None:
        check = "raw file missing"
    elif envelope_sha == doc.raw_sha256:
        check = "matches the raw file"
    else:
        check = "DIFFERS from the raw file now on disk: re-run the pipeline"
    rows = [("raw file", doc.name), ("raw sha256", f"{envelope_sha or '—'} ({check})")]
    ext = doc.get("extract")
    rows.append(("encoding", f"{ext.get('encoding', '?')} by {ext.get('encoding_rule', '?')}"))
    out = '<dl class="prov">' + "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows) + "</dl>"
    trs = []
    for spec in stages():
        o = doc.outputs.get(spec.name)
        if o is None:
            trs.append(f"<tr><td>{spec.number} {esc(spec.name)}</td><td colspan=6 class=none>no output</td></tr>")
            continue
        p = o.get("provenance", {})
        path = doc.paths[spec.name]
        rel = path.relative_to(out_dir).as_posix()
        libs = ", ".join(f"{k} {v}" for k, v in sorted((p.get("libraries") or {}).items()))
        trs.append("<tr>" + _td(f"{spec.number} {esc(spec.name)}") + _td(f'<a href="../{esc(quote(rel))}">{esc(rel)}</a>')
                   + _td(f'<span class="mono">{esc((hashes.sha256(path) or "")[:16])}</span>')
                   + _td(f'<span class="mono">{esc(p.get("config_file", ""))}:{esc(p.get("config_section", ""))} {esc(p.get("config_hash", ""))}</span>')
                   + _td(f'<span class="mono">{esc(p.get("code_hash", ""))}</span>')
                   + _td(esc(p.get("pipeline_version", ""))) + _td(esc(libs)) + "</tr>")
    out += ('<div class="tw" style="margin-top:10px"><table><thead><tr><th>stage</th><th>output</th><th>sha256</th>'
            '<th>config section hash</th><th>code hash</th><th>version</th><th>libraries</th></tr></thead><tbody>'
            + "".join(trs) + "</tbody></table></div>")
    return out


# ----------------------------------------------------------------------------- the index
def index_row(doc: DocData) -> dict[str, Any]:
    """What the index shows of a document: a few numbers, its quotation ids and provenance hashes.

    Kept per document in the page stamp, so that the index can be rebuilt without reading every
    document's outputs again (and without holding them: memory stays flat in the corpus size).
    """
    from .stages import stages

    ext, strip = doc.get("extract"), doc.get("strip")
    qs = _quotations(doc)
    dec = strip.get("decisions", [])
    prov = {}
    for spec in stages():
        p = doc.get(spec.name).get("provenance")
        if p:
            prov[spec.name] = [p.get("config_hash", ""), p.get("code_hash", ""), p.get("pipeline_version", "")]
    return {"doc_id": doc.doc_id, "name": doc.name, "errors": list(doc.errors),
            "format": ext.get("format", ""), "encoding": ext.get("encoding", ""), "raw_len": doc.raw_len,
            "kept": sum(1 for x in dec if x.get("label") == "content"), "blocks": len(dec),
            "quotations": [q.get("id") for q in qs],
            "attributed": sum(1 for q in qs if Speakers.key(q.get("speaker"))),
            "flags": len(doc.get("copyright").get("flags", [])), "provenance": prov}


def index_page(docs: list[dict[str, Any]], out_dir: Path, opts: dict[str, Any]) -> str:
    """The index from the documents' :func:`index_row` rows and the corpus indexes."""
    from .stages import stages

    corpus_q = read_jsonl(out_dir / "corpus" / "quotations.jsonl")
    corpus_s = read_jsonl(out_dir / "corpus" / "speakers.jsonl")
    total_q = sum(len(d["quotations"]) for d in docs)
    total_f = sum(d["flags"] for d in docs)
    failed = [d for d in docs if d["errors"]]
    parts = ['<div class="cards">' + "".join([
        _card(len(docs), "documents"), _card(len(failed), "with errors", warn=bool(failed)),
        _card(total_q, "quotations"), _card(len(corpus_q), "distinct quotations"),
        _card(len(corpus_s), "speakers"), _card(total_f, "copyright flags", warn=bool(total_f))]) + "</div>"]
    parts.append('<p class="sub">Open a document to see its raw text with every removal, edit, quotation and flag laid over it. '
                 'Click a column heading to sort. On the command line: <code>pipeline trace ID</code> explains any record, '
                 '<code>pipeline show DOC --stage strip</code> prints a stage\'s view.</p>')
    rows = []
    for d in docs:
        kept, nq, attributed, nflags = d["kept"], len(d["quotations"]), d["attributed"], d["flags"]
        status = (f'<span class="fl-link">{esc(short("; ".join(d["errors"]), 160))}</span>' if d["errors"] else "ok")
        rows.append("<tr>" + _td(f'<a href="{esc(href(d["doc_id"]))}">{esc(d["name"])}</a>', d["name"])
                    + _td(esc(d["format"]) + f' <span class="sub">{esc(d["encoding"])}</span>', d["format"])
                    + _td(f'{d["raw_len"]:,}', d["raw_len"], "num")
                    + _td(f'{kept}/{d["blocks"]}', kept, "num")
                    + _td(str(nq), nq, "num") + _td(f"{attributed}", attributed, "num")
                    + _td(str(nflags), nflags, "num") + _td(status, 1 if d["errors"] else 0) + "</tr>")
    parts.append('<h2 id="documents">Documents</h2><div class="tw"><table class="sortable" id="doctable"><thead><tr>'
                 + _th("document") + _th("format") + _th("raw chars", True) + _th("blocks kept", True)
                 + _th("quotations", True) + _th("with speaker", True) + _th("flags", True) + _th("status")
                 + f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")

    # corpus quotations
    qid_doc = {}
    for d in docs:
        for qid in d["quotations"]:
            qid_doc[qid] = d["doc_id"]
    parts.append(f'<h2 id="corpus-quotations">Distinct quotations across documents ({len(corpus_q)})</h2>')
    if corpus_q:
        rows = []
        for r in corpus_q:
            occ = r.get("occurrences") or []
            by_doc: dict[str, list[str]] = {}
            for o in occ:
                doc_id = str(o.get("document") or qid_doc.get(o.get("quotation"), ""))
                by_doc.setdefault(doc_id, []).append(local_id(o.get("quotation")))
            links = [f'<span class="sub">{esc(short(doc_id, 28))}</span> '
                     + " ".join(f'<a href="{esc(href(doc_id, "t-" + q))}">{esc(q)}</a>' for q in qs)
                     for doc_id, qs in by_doc.items()]
            spk = r.get("speakers") or []
            names = ", ".join(str(s.get("name", s.get("id", "")) if isinstance(s, dict) else s) for s in spk)
            rows.append("<tr>" + _td(esc(r.get("id", "")), r.get("id", "")) + _td(f'<span class="qt">{esc(short(r.get("text", ""), opts["preview_chars"]))}</span>')
                        + _td(esc(names) or '<span class="none">no speaker</span>', names or "~")
                        + _td(str(len(occ)), len(occ), "num") + _td("<br>".join(links)) + "</tr>")
        parts.append('<div class="tw"><table class="sortable" id="corpusq"><thead><tr>' + _th("id") + _th("quotation")
                     + _th("speakers") + _th("occurrences", True) + _th("where") + f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")
    else:
        parts.append('<p class="none">corpus/quotations.jsonl is empty or missing.</p>')
    parts.append(f'<h2 id="corpus-speakers">Speakers across documents ({len(corpus_s)})</h2>')
    if corpus_s:
        rows = []
        for s in corpus_s:
            qids = s.get("quotations") or []
            variants = s.get("variants") or []
            links = " ".join(
                f'<a href="{esc(href(qid_doc[q], "t-" + local_id(q)))}">{esc(local_id(q))}</a>' if q in qid_doc else esc(q)
                for q in qids[:40]) + (f" … {len(qids) - 40} more" if len(qids) > 40 else "")
            docs_of = sorted({qid_doc[q] for q in qids if q in qid_doc})
            rows.append("<tr>" + _td(esc(s.get("name", "")), s.get("name", "")) + _td(esc(s.get("type", "")))
                        + _td(esc(", ".join(str(v) for v in variants)))
                        + _td(str(len(qids)), len(qids), "num") + _td(str(len(docs_of)), len(docs_of), "num")
                        + _td(f'<span class="sub">{links}</span>') + "</tr>")
        parts.append('<div class="tw"><table class="sortable" id="corpuss"><thead><tr>' + _th("speaker") + _th("type")
                     + _th("name variants") + _th("quotations", True) + _th("documents", True) + _th("quotation ids")
                     + f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")
    else:
        parts.append('<p class="none">corpus/speakers.jsonl is empty or missing.</p>')

    # provenance across documents
    trs = []
    for spec in stages():
        seen: dict[tuple[str, str, str], int] = {}
        for d in docs:
            p = d["provenance"].get(spec.name)
            if p:
                k = (p[0], p[1], p[2])
                seen[k] = seen.get(k, 0) + 1
        for (ch, code, ver), n in sorted(seen.items()):
            trs.append(f"<tr><td>{spec.number} {esc(spec.name)}</td><td class=mono>{esc(ch)}</td><td class=mono>{esc(code)}</td>"
                       f"<td>{esc(ver)}</td><td class=num>{n}</td></tr>")
    parts.append('<h2 id="provenance">Provenance</h2><p class="sub">Hashes of the config section and code each stage output '
                 'was made with (from the outputs\' envelopes); more than one line for a stage means the outputs are from different runs.</p>'
                 '<div class="tw"><table><thead><tr><th>stage</th><th>config section hash</th><th>code hash</th><th>version</th>'
                 f'<th class=num>documents</th></tr></thead><tbody>{"".join(trs)}</tbody></table></div>')
    head = (f'<h1>Pipeline report</h1><div class="meta">{len(docs)} documents · outputs in {esc(out_dir.name)}/ · '
            'built from the stage outputs</div>')
    return page("Pipeline report", head, "".join(parts))


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

    from .stages import stages

    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(json.dumps([[s.folder for s in stages()], opts, list(sys.version_info[:2])], sort_keys=True).encode())
    return h.hexdigest()[:16]


def page_fingerprint(out_dir: Path, doc: Any, error_paths: list[Path], hashes: Any) -> str:
    """What a document's page is built from: its stage outputs (by content), its error lines and
    its raw file. The page shows nothing of other documents (cross-document copy flags are part
    of the document's own copyright output), so nothing else goes in."""
    import os

    from .manifest import error_line
    from .stages import stages

    base = str(out_dir)  # strings, not Paths: this runs for every file of the corpus
    outputs = [hashes.sha256(os.path.join(base, s.folder, f"{doc.doc_id}.json")) for s in stages()]
    raw = hashes.sha256(doc.path) if os.path.isfile(doc.path) else None
    blob = json.dumps([doc.doc_id, doc.name, outputs, [error_line(p) for p in error_paths], raw],
                      ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


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


def _write_if_changed(path: Path, data: bytes) -> bool:
    from .store import atomic_write_bytes

    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    atomic_write_bytes(path, data)
    return True


def build(out_dir: Path, docs: list[Any], config: Any, hashes: Any = None) -> BuildResult:
    """Write ``report/index.html`` and one page per document under ``out_dir``, incrementally.

    A page is rewritten only when its fingerprint (:func:`page_fingerprint`) or the report code
    or settings changed, or the page on disk is not the one last written; ``.report-pages.json``
    keeps, per document, the fingerprint, the page's sha256 and the index row. The result is
    byte-identical to building from scratch. Pages of documents no longer in raw/ are deleted.
    """
    from .manifest import FileHashes, error_files
    from .store import atomic_write_bytes

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
        data = load_doc(out_dir, d.doc_id, d.name, d.path, error_paths=errs)
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
    _write_if_changed(report_dir / "index.html", index_page(rows, out_dir, opts).encode("utf-8"))
    stamp = {"schema": "pipeline.report-pages/1", "code": code, "documents": entries}
    _write_if_changed(out_dir / STAMP, (json.dumps(stamp, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))
    if own_hashes:
        hashes.save()
    return result


def _report_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--raw", type=Path, default=Path("raw"), help="folder of raw documents (default: raw)")
    p.add_argument("--out", type=Path, default=Path("processed"), help="output folder (default: processed)")
    p.add_argument("--config", default=None, help="config file (default: config/pipeline.yaml)")


def _report_main(args: argparse.Namespace) -> int:
    import sys

    from .config import load_config
    from .store import list_raw

    if not args.raw.is_dir():
        raise PipelineError(f"{args.raw}: no such folder of raw documents")
    if not (args.out / "01_extract").is_dir():
        raise PipelineError(f"{args.out}: no stage outputs here; run `pipeline run` or `make all` first")
    build(args.out, list_raw(args.raw), load_config(args.config))
    print(f"report: {args.out / 'report' / 'index.html'}", file=sys.stderr)
    return 0


COMMANDS = {
    "report": ("rebuild the HTML audit report (report/index.html) from the stage outputs", _report_args, _report_main),
}
