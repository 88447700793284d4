"""One document's page: its raw text with every record over it, then tables of quotations,
flags, removals, edits and provenance."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .assets import page
from .layout import Speakers, _flags_by_quote, _quotations, build_marks, layout, marks_cut, page_cut
from .load import PALETTE, DocData, esc, local_id, short

def _th(label: str, num: bool = False) -> str:
    return f'<th{" class=num" if num else ""} title="click to sort">{esc(label)}</th>'


def _td(content_html: str, sort: Any = None, cls: str = "") -> str:
    attrs = f' data-v="{esc(sort)}"' if sort is not None else ""
    attrs += f' class="{cls}"' if cls else ""
    return f"<td{attrs}>{content_html}</td>"


def quotation_rows(doc: DocData, speakers: Speakers, opts: dict[str, Any]) -> str:
    flags_of = _flags_by_quote(doc)
    rows = []
    for q in _quotations(doc)[:opts["max_table_rows"]]:
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



def _card(value: Any, label: str, warn: bool = False) -> str:
    return f'<div class="card{" warn" if warn else ""}"><b>{esc(value)}</b><span>{esc(label)}</span></div>'


def _first_rows(total: int, limit: int) -> str:
    return f'<p class="sub">first {limit:,} of {total:,} shown (report.max_table_rows)</p>' if total > limit else ""


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
        _card(f"{doc.count('strip', 'decisions') - len(removed)}/{doc.count('strip', 'decisions')}", "blocks kept"),
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
        marks, atoms = build_marks(doc, speakers, opts, upto=cut)
        cut = marks_cut(marks, atoms, cut, opts["max_page_marks"])
        dropped: list[Any] = []
        text_html = layout(raw, marks, atoms, cut, opts["max_span_depth"], dropped)
        if dropped:
            text_html += (f'<div class="note">{len(dropped):,} records overlap more than {opts["max_span_depth"]} deep '
                          'and are not drawn over the text (report.max_span_depth); the tables list them.</div>')
        if cut < len(raw):
            text_html += (f'<div class="note">The page shows the first {cut:,} of {len(raw):,} raw characters '
                          f'(report.max_page_chars, report.max_page_marks). The rest is in the raw file '
                          f'<code>{esc(doc.name)}</code> and the stage outputs listed under Provenance; '
                          f'<code>pipeline show {esc(doc.doc_id)} --stage strip</code> prints it.</div>')
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

    limit = opts["max_table_rows"]  # a huge document's tables show their first rows and say so
    # quotations
    parts.append(f'<h2 id="quotations">Quotations ({len(qs)})</h2>')
    if qs:
        parts.append('<div class="tw"><table class="sortable" id="qtable"><thead><tr>'
                     + _th("id") + _th("speaker") + _th("quotation") + _th("source · reference") + _th("date")
                     + _th("kind") + _th("words", True) + _th("flag") + _th("raw line:col · rule")
                     + f"</tr></thead><tbody>{quotation_rows(doc, speakers, opts)}</tbody></table></div>"
                     + _first_rows(len(qs), limit))
    else:
        parts.append('<p class="none">No quotations found in this document.</p>')

    # flags
    parts.append(f'<h2 id="flags">Copyright flags ({len(flags)})</h2>')
    if flags:
        rows = []
        for f in flags[:limit]:
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
                     + _th("quotations") + _th("action") + _th("raw span · rule") + f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
                     + _first_rows(len(flags), limit))
    else:
        parts.append('<p class="none">No passage flagged.</p>')

    # removals
    blocks = {b["id"]: b for b in ext.get("blocks", [])}
    parts.append(f'<h2 id="removed">Removed text ({len(removed)} blocks, {len(strip.get("inline_removals", []))} inline)</h2>')
    if removed or strip.get("inline_removals"):
        rows = []
        inline = strip.get("inline_removals", [])
        for d in removed[:limit]:
            b = blocks.get(d.get("block"), {})
            rows.append("<tr>" + _td(f'<a href="#t-{esc(local_id(d.get("block")))}">{esc(d.get("block"))}</a>', d.get("raw_start", 0))
                        + _td(f'<span class="mono">{esc(d.get("rule", ""))}</span>') + _td(esc(b.get("kind", "")))
                        + _td(esc(short(b.get("text", ""), opts["preview_chars"])))
                        + _td(esc(doc.lines.fmt(d.get("raw_start", 0))), d.get("raw_start", 0)) + "</tr>")
        for r in inline[:max(0, limit - len(removed))]:
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
                     + f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
                     + _first_rows(len(removed) + len(inline), limit) + "</details>")
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
                       for e in edits[:limit])
        more = f'<p class="sub">first {limit:,} of {len(edits):,} shown</p>' if len(edits) > limit else ""
        parts.append(f'<details><summary>every edit</summary><div class="tw"><table class="sortable"><thead><tr>'
                     + _th("raw line:col") + _th("rule") + _th("before") + _th("after")
                     + f"</tr></thead><tbody>{rows}</tbody></table></div>{more}</details>")
    if norm.get("ftfy"):
        parts.append(f'<p class="sub">ftfy fixed {len(norm["ftfy"])} block(s): '
                     + "; ".join(f'{esc(x.get("block"))}: {esc(" / ".join(str(s) for s in x.get("steps", [])))}' for x in norm["ftfy"]) + "</p>")

    parts.append('<h2 id="provenance">Provenance</h2>' + provenance_html(doc, out_dir, hashes))
    return page(f"{doc.name} · report", head, "".join(parts))


def provenance_html(doc: DocData, out_dir: Path, hashes: Any = None) -> str:
    from ..manifest import FileHashes
    from ..stages import stages

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
