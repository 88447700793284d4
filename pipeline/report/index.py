"""The index page: one row per document (from the page stamp) and the corpus indexes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .assets import page
from .layout import Speakers, _quotations
from .load import DocData, esc, href, iter_jsonl, local_id, read_jsonl, short
from .pages import _card, _td, _th

def index_row(doc: DocData) -> dict[str, Any]:
    """What the index shows of a document: a few numbers, its quotation ids and provenance hashes.

    Kept per document in the page stamp, so that the index can be rebuilt without reading every
    document's outputs again (and without holding them: memory stays flat in the corpus size).
    """
    from ..stages import stages

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
            "kept": doc.count("strip", "decisions") - sum(1 for x in dec if x.get("label") != "content"),
            "blocks": doc.count("strip", "decisions"),
            "quotations": [q.get("id") for q in qs],
            "attributed": sum(1 for q in qs if Speakers.key(q.get("speaker"))),
            "flags": len(doc.get("copyright").get("flags", [])), "provenance": prov}


def index_page(docs: list[dict[str, Any]], out_dir: Path, opts: dict[str, Any]) -> str:
    """The index from the documents' :func:`index_row` rows and the corpus indexes."""
    from ..stages import stages

    q_path = out_dir / "corpus" / "quotations.jsonl"   # read twice, a row at a time: it grows with the corpus
    n_corpus_q = sum(1 for _ in iter_jsonl(q_path))
    corpus_s = read_jsonl(out_dir / "corpus" / "speakers.jsonl")
    total_q = sum(len(d["quotations"]) for d in docs)
    total_f = sum(d["flags"] for d in docs)
    failed = [d for d in docs if d["errors"]]
    parts = ['<div class="cards">' + "".join([
        _card(len(docs), "documents"), _card(len(failed), "with errors", warn=bool(failed)),
        _card(total_q, "quotations"), _card(n_corpus_q, "distinct quotations"),
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
    parts.append(f'<h2 id="corpus-quotations">Distinct quotations across documents ({n_corpus_q})</h2>')
    if n_corpus_q:
        rows = []
        for r in iter_jsonl(q_path):
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
