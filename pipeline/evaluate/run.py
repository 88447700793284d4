"""The whole evaluation of a processed folder against a gold folder, and its printed forms."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..errors import InputError
from .normal import normalise
from .records import _block_finder, build_dump, load_gold, read_stage
from .scoring import DOC_METRICS, LOWER_IS_BETTER, METRICS, STAGE_FOLDERS, DocScore, Miss, Score, score_dump


# --------------------------------------------------------------------------- whole evaluation
@dataclass
class Evaluation:
    documents: list[DocScore]
    totals: dict[str, Score]
    dumps: dict[str, dict[str, Any]]
    skipped: list[str]
    misses: list[Miss] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "metrics": {m: {"meaning": METRICS[m][2], "lower_is_better": m in LOWER_IS_BETTER} for m in METRICS},
            "total": {m: sc.as_json() for m, sc in self.totals.items()},
            "documents": {d.document: {m: sc.as_json() for m, sc in d.scores.items()} for d in self.documents},
            "not_processed": self.skipped,
        }


def evaluate(gold_dir: Path, processed: Path, explain: bool = False) -> Evaluation:
    """Score every gold file whose document was processed (its extract output exists)."""
    from ..store import doc_id_for

    if not processed.is_dir():
        raise InputError(f"{processed}: no such processed folder")
    gold_docs, corpus_gold = load_gold(gold_dir)
    docs: list[DocScore] = []
    dumps: dict[str, dict[str, Any]] = {}
    skipped: list[str] = []
    present: dict[str, dict[str, bool]] = {}
    built: dict[str, bool] = {"": True, "references": False, "quotations": False, "flags": False}
    for g in gold_docs:
        doc_id = doc_id_for(g.document)
        if not (processed / "01_extract" / f"{doc_id}.json").exists():
            skipped.append(g.document)
            continue
        recs = {st: read_stage(processed, st, doc_id) for st in STAGE_FOLDERS}
        present[g.document] = {st: recs[st] is not None for st in STAGE_FOLDERS}
        dump = build_dump(recs["normalise"], recs["quotes"], recs["copyright"])
        built["references"] |= bool(dump["references"])
        built["quotations"] |= bool(dump["quotations"])
        built["flags"] |= bool(dump["flags"])
        dumps[g.document] = dump
        where = _block_finder(processed, doc_id) if explain else None
        docs.append(score_dump(g.data, dump, g.document, explain, where))
    totals = {m: Score() for m in METRICS}
    for d in docs:
        for m, sc in d.scores.items():
            stage, kind, _ = METRICS[m]
            if not present[d.document][stage]:
                sc.na = f"no {STAGE_FOLDERS[stage]} output"
            elif not built[kind]:
                sc.na = f"{stage} stage produced no {kind} on any document (not built)"
            else:
                totals[m].add(sc)
    for m in DOC_METRICS:
        reasons = {d.scores[m].na for d in docs if d.scores[m].na}
        if totals[m].total == 0 and reasons:
            totals[m].na = sorted(reasons)[0]
    if not docs:
        for m in DOC_METRICS:
            totals[m].na = "no gold document was processed"
    totals["corpus_links"] = score_corpus_links(corpus_gold, processed, {d.document for d in docs})
    misses = [ms for d in docs for ms in d.misses if d.scores[ms.metric].na is None]
    return Evaluation(docs, totals, dumps, skipped, misses)


def score_corpus_links(corpus_gold: dict[str, Any], processed: Path, scored: set[str]) -> Score:
    """Share of ``same_quotation`` links found: one corpus entry whose occurrences include, in
    every listed document, a quotation containing the fragment. Links naming a document that
    was not processed are not scored."""
    from ..store import doc_id_for, read_jsonl

    links = [lk for lk in corpus_gold.get("same_quotation") or []
             if all(str(d) in scored for d in lk.get("documents") or [])]
    path = processed / "corpus" / "quotations.jsonl"
    if not path.exists():
        return Score(0, len(links), "no corpus/quotations.jsonl")
    entries = read_jsonl(path)
    if not entries:
        return Score(0, len(links), "corpus index has no quotations (not built)")
    texts: dict[str, str] = {}  # quotation id -> text, from 04_quotes
    for doc in {str(d) for lk in links for d in lk.get("documents") or []}:
        for q in (read_stage(processed, "quotes", doc_id_for(doc)) or {}).get("quotations") or []:
            texts[q.get("id")] = q.get("text") or ""
    score = Score(0, len(links))
    for lk in links:
        frag = normalise(lk.get("fragment"))
        wanted = {doc_id_for(str(d)) for d in lk.get("documents") or []}
        for e in entries:
            have = set()
            for occ in e.get("occurrences") or []:
                text = texts.get(occ.get("quotation"), e.get("text") or "")
                if frag and frag in normalise(text):
                    have.add(doc_id_for(str(occ.get("document"))))
            if wanted <= have:
                score.found += 1
                break
    return score


# --------------------------------------------------------------------------- output
def format_table(ev: Evaluation, columns_max: int = 3) -> str:
    """Metrics as rows; the total first, then each document (as columns when there are few
    documents, else as blocks of rows without the document's n/a metrics)."""
    names = [d.document for d in ev.documents]
    width = max(len(m) for m in METRICS) + 2
    lines = []
    if len(names) <= columns_max:
        rows = [["metric", "TOTAL", *names]]
        for m in METRICS:
            rows.append([m, ev.totals[m].text()] + [d.scores[m].text() if m in d.scores else "" for d in ev.documents])
        widths = [max(len(r[i]) for r in rows) + 2 for i in range(len(rows[0]))]
        lines += ["".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    else:
        dw = max(len(n) for n in ["document", "TOTAL", *names]) + 2
        lines.append("document".ljust(dw) + "metric".ljust(width) + "value")
        blocks = [("TOTAL", ev.totals)] + [(d.document, d.scores) for d in ev.documents]
        for name, scores in blocks:
            for m, sc in scores.items():
                if name == "TOTAL" or sc.value is not None:  # a document's n/a rows are noise
                    lines.append(name.ljust(dw) + m.ljust(width) + sc.text())
    if ev.skipped:
        lines.append(f"not processed (not scored): {', '.join(ev.skipped)}")
    na = {m: sc.reason() for m, sc in ev.totals.items() if sc.value is None}
    for m, why in na.items():
        lines.append(f"n/a {m}: {why}")
    return "\n".join(lines)


def format_misses(ev: Evaluation, metrics: Iterable[str] | None = None, limit: int | None = None) -> str:
    wanted = set(metrics) if metrics else None
    rows = [ms for ms in ev.misses if wanted is None or ms.metric in wanted]
    out = [f"misses ({len(rows)}):"] + [ms.line() for ms in rows[:limit]]
    if limit is not None and len(rows) > limit:
        out.append(f"... {len(rows) - limit} more")
    return "\n".join(out)


def write_dumps(ev: Evaluation, folder: Path) -> None:
    from ..store import atomic_write_text, dumps

    for name, dump in ev.dumps.items():
        atomic_write_text(folder / f"{Path(name).name}.json", dumps(dump))
