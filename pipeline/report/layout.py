"""Records laid over the raw text: marks (spans) and atoms (markup shown as something else), nested properly."""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from .load import PALETTE, DocData, esc, local_id, short

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


def layout(raw: str, marks: list[Mark], atoms: list[Atom], cut: int, max_depth: int = 0,
           dropped: list[Mark] | None = None) -> str:
    """Raw text with marks as properly nested spans.

    Boundaries of all marks are visited in order; when a mark ends while marks opened after it
    are still open, those are closed and reopened, so the HTML stays well-formed. Each text piece
    between boundaries is escaped. ``max_depth`` (0: none) bounds how many spans are open at
    once: a mark that would open deeper is not drawn (and is added to ``dropped``), so chains
    of overlapping records cannot nest spans thousands deep (browsers give up on such pages).
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
            if max_depth and len(stack) >= max_depth and m.end > pos:
                if dropped is not None:
                    dropped.append(m)
                continue
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
    """Per quotation id, the flags naming it or overlapping it (in the flags' order).

    Flags sorted by start: a quotation looks only at those that can reach it (starting at most
    the longest flag's length before it), not at every flag: a huge document's thousands of
    quotations and flags cost their number, not their product."""
    out: dict[str, list[dict[str, Any]]] = {}
    flags = doc.get("copyright").get("flags", [])
    if not flags:
        return out
    named: dict[Any, set[int]] = {}
    for i, f in enumerate(flags):
        for qid in f.get("quotations") or []:
            named.setdefault(qid, set()).add(i)
    order = sorted(range(len(flags)), key=lambda i: flags[i].get("raw_start", 0))
    starts = [flags[i].get("raw_start", 0) for i in order]
    reach = max(f.get("raw_end", 0) - f.get("raw_start", 0) for f in flags)
    for q in _quotations(doc):
        qs, qe = q.get("raw_start", 0), q.get("raw_end", 0)
        hit = set(named.get(q.get("id"), ()))
        for j in range(bisect_left(starts, qs - reach), bisect_left(starts, qe)):
            if qs < flags[order[j]].get("raw_end", 0):
                hit.add(order[j])
        if hit:
            out.setdefault(q.get("id"), []).extend(flags[i] for i in sorted(hit))
    return out


def build_marks(doc: DocData, speakers: Speakers, opts: dict[str, Any],
                upto: int | None = None) -> tuple[list[Mark], list[Atom]]:
    """Every record of every stage as a mark over the raw text (those starting before ``upto``:
    a page that shows the first part of a huge document builds no marks for the rest)."""
    raw = doc.raw_text or ""
    ext, strip, norm = doc.get("extract"), doc.get("strip"), doc.get("normalise")
    quotes, copy = doc.get("quotes"), doc.get("copyright")
    marks: list[Mark] = []
    atoms: list[Atom] = []
    limit = len(raw) + 1 if upto is None else upto

    def add_mark(mark: Mark) -> None:
        if mark.start < limit:
            marks.append(mark)

    def add_atom(atom: Atom) -> None:
        if atom.start < limit:
            atoms.append(atom)
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
            add_atom(Atom(s, e, f'<span class="mk" title="{esc(g.get("rule", ""))}">{shown}</span>{sep}'))
        for b in ext.get("blocks", []):
            for t0, t1, r0, r1 in b.get("map", []):
                if (t1 - t0) != (r1 - r0) and raw[r0:r1].startswith("&"):
                    add_atom(Atom(r0, r1, f'<span class="ent" title="{esc("raw: " + raw[r0:r1])}">'
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
        add_mark(Mark(d["raw_start"], d["raw_end"], 4, "bp", f"{d.get('block')} removed as boilerplate: {rule}",
                          anchor=f"t-{local_id(d.get('block'))}",
                          badge=f'<span class="lbl">{esc(rule)}</span>{extra}'))
    for r in strip.get("inline_removals", []):
        add_mark(Mark(r["raw_start"], r["raw_end"], 5, "ir", f"{r.get('block')} inline removal: {r.get('rule', '')}",
                          badge=f'<span class="lbl">{esc(r.get("rule", ""))}</span>'))
    for e in norm.get("edits", []):
        rule = e.get("rule", "")
        ws = " ws" if rule.startswith("normalise.whitespace") else ""
        title = f"{rule}: {json.dumps(e.get('before', ''), ensure_ascii=False)} → {json.dumps(e.get('after', ''), ensure_ascii=False)}"
        add_mark(Mark(e["raw_start"], e["raw_end"], 7, "ed" + ws, title))

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
        add_mark(Mark(q["raw_start"], q["raw_end"], prio, f"q {scls}{flagged}", title, anchor=f"t-{qid}",
                          badge=f'<a class="qb" href="#row-{esc(qid)}">{esc(qid)}</a>'))
        for ip in q.get("interpolations") or []:
            add_mark(Mark(ip["raw_start"], ip["raw_end"], 3, "ip",
                              f"interpolation in {qid}, not the speaker's words: {ip.get('rule', '')}"))
        if isinstance(spk, dict) and spk.get("raw_end", 0) > spk.get("raw_start", 0):
            span = (spk["raw_start"], spk["raw_end"])
            if span not in seen_spk:
                seen_spk.add(span)
                add_mark(Mark(span[0], span[1], 2, f"spk {scls}", f"speaker of {qid}: {spk.get('rule', '')}"))
        cue = q.get("cue")
        if isinstance(cue, dict) and cue.get("raw_end", 0) > cue.get("raw_start", 0):
            add_mark(Mark(cue["raw_start"], cue["raw_end"], 2, "cue", f"cue of {qid}"))
    for kind, records in (("att", quotes.get("attribution_lines", [])), ("ref", quotes.get("references", []))):
        for rec in records:
            rid = local_id(rec.get("id"))
            back = "".join(f'<a class="bk" href="#t-{esc(q)}">{esc(q)}</a>' for q in users.get(rid, []))
            label = "attribution" if kind == "att" else f"reference {rec.get('number', '')}"
            add_mark(Mark(rec["raw_start"], rec["raw_end"], 2, kind, f"{rid}: {label} ({rec.get('rule', '')})",
                              anchor=f"t-{rid}", badge=f'<span class="rb">{esc(rid)}{back}</span>'))
    for f in copy.get("flags", []):
        fid = local_id(f.get("id"))
        add_mark(Mark(f["raw_start"], f["raw_end"], 0, "fl", f"{fid}: {f.get('reason', '')} ({f.get('rule', '')})",
                          anchor=f"t-{fid}",
                          badge=f'<a class="fb" href="#row-{esc(fid)}">⚑ {esc(fid)} · {esc(f.get("action", "flag"))}: '
                                f'{esc(short(f.get("reason", ""), 90))}</a>'))
    return marks, atoms


def marks_cut(marks: list[Mark], atoms: list[Atom], cut: int, max_marks: int) -> int:
    """``cut``, moved back so that at most ``max_marks`` marks and atoms start before it: a page's
    size follows what is drawn on it, not only its characters."""
    starts = sorted([m.start for m in marks if m.start < cut] + [a.start for a in atoms if a.start < cut])
    return starts[max_marks] if len(starts) > max_marks else cut


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
