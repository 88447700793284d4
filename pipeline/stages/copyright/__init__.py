"""Stage 5, copyright: flag passages to summarise instead of reproduce, with evidence.

Users publish from these outputs; a page that reproduced a newspaper article, an
interview or a letter does not make it ours to republish. Each signal is a named rule
(``copyright.*`` in config/pipeline.yaml, thresholds beside it) that proposes passages;
overlapping proposals merge into one flag that lists every rule that fired and the values
it saw. Flags are audit records: they give spans and reasons, never the passage's text.
See docs/COPYRIGHT.md.
"""

from __future__ import annotations

import bisect
from array import array
from typing import Any

from .signals import (Candidate, excerpt_markers, letter, long_quotation, news_article, notice_scope,
                              sig)
from .cumulative import source_totals
from .duplicates import drop_copies_of_duplicates, duplicate_documents, merge_spans
from .reprint import reprint
from .rights import apply_licence, rights_signals
from .text import WORD_RE, count_words, paragraphs, with_attribution_lines
from .release import drop_press_releases
from .voice import drop_own_interviews, own_interviews
from ..normalise import clean_text

NAME = "copyright"
REQUIRES = ("extract", "strip", "normalise", "quotes")
# (extract's blocks: the visible words after each copyright line, which tell a site footer from a notice
# inside the page; without "extract" here the runner handed this stage no blocks, every notice had no
# words after it, and ``reprint.footer_tail_words`` never held in a full run)
RECORDS_READ = {"extract": ("blocks",), "strip": ("notices",), "normalise": ("map", "paragraphs"),
                "quotes": ("quotations",)}
LIBRARIES: tuple[str, ...] = ()
# Of each quotation, the fields this stage reads (the runner cuts each record as it reads it: a huge
# document's quotations whole are a few hundred MB). A rule that reads another field adds it here.
QUOTATION_FIELDS = ("id", "start", "end", "parent", "form", "kind", "words", "source")
SPEAKER_FIELDS = ("name", "type")


def quotation_fields(q: dict[str, Any]) -> dict[str, Any]:
    """A quotation record cut to the fields this stage reads (its text only when it has no word count)."""
    out = {k: q[k] for k in QUOTATION_FIELDS if k in q}
    sp = q.get("speaker")
    if "speaker" in q:
        out["speaker"] = {k: sp[k] for k in SPEAKER_FIELDS if k in sp} if isinstance(sp, dict) else sp
    if not q.get("words") and "text" in q:
        out["text"] = q["text"]
    return out


def paragraph_fields(p: dict[str, Any]) -> dict[str, Any]:
    """A paragraph record cut to what ``text.paragraphs`` reads."""
    return {k: p[k] for k in PARAGRAPH_FIELDS if k in p}


PARAGRAPH_FIELDS = ("id", "start", "end", "kind")
# per input, per record list: what each record is cut to (the map's segments as tuples, MappedText's own form)
RECORD_SHAPE = {"quotes": {"quotations": quotation_fields},
                "normalise": {"map": tuple, "paragraphs": paragraph_fields}}
CODE_DEPS = ("stages/normalise/__init__.py",)  # and every file of this package

_RULE = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}
CONFIG_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["never_flag_below_words", "months", "heading", "date_line_max_words", "interview_labels",
                 "notice_scope", "news_article", "reprint", "rights", "cumulative", "letter", "long_quotation",
                 "third_party_share", "excerpt_markers", "copied", "press_release"],
    "properties": {
        "never_flag_below_words": {"type": "integer", "minimum": 1},
        "months": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 1, "maximum": 12}},
        "heading": {"type": "object"},
        "date_line_max_words": {"type": "integer"},
        "interview_labels": {"type": "array", "items": {"type": "string"}},
        "notice_scope": _RULE, "news_article": _RULE, "reprint": _RULE, "rights": {"type": "object"},
        "cumulative": _RULE, "letter": _RULE, "long_quotation": _RULE, "third_party_share": _RULE,
        "excerpt_markers": _RULE, "copied": _RULE, "press_release": _RULE,
    },
}

PRIORITY = ("news_article", "letter", "notice_scope", "long_quotation", "reprint", "third_party_share",
            "excerpt_markers", "cumulative", "copied")


def run(ctx: Any, cfg: dict[str, Any]) -> dict[str, Any]:
    norm = ctx.outputs["normalise"]
    text = norm["text"]
    clean = clean_text(norm)
    paras = paragraphs(norm)
    notices = ctx.outputs.get("strip", {}).get("notices", [])
    quotes = ctx.outputs.get("quotes", {}).get("quotations", [])
    cfg = {**cfg, "months": {k.lower(): v for k, v in cfg["months"].items()}}

    lines = [n for n in notices if n["kind"] == "attribution"]   # source lines strip removed, read as anchors
    notices = [n for n in notices if n["kind"] != "attribution"]
    notice_cands, scopes = notice_scope(paras, notices, clean, cfg)
    raw = ctx.raw_text()
    # each copyright line: where it sits, its text, and how many visible words of the page follow it
    # (a site footer is the page's last words; a notice closing a reproduced article has the page after it)
    blocks = ctx.outputs.get("extract", {}).get("blocks", [])
    notice_pos = [(clean.from_raw_pos(n["raw_start"]), n["text"],
                   sum(count_words(b.get("text", "")) for b in blocks if b["raw_start"] >= n["raw_end"]))
                  for n in notices if n["kind"] != "fair_use"]
    reprints = reprint(with_attribution_lines(paras, lines, clean), cfg, notice_pos, quotes)
    notice_cands = _bounded_by_reprints(notice_cands, reprints)
    structural = [*news_article(paras, cfg), *reprints, *letter(paras, cfg), *notice_cands]
    quotes = _blocks_bounded_by_reprints(quotes, reprints, text)
    own = own_interviews(quotes, text, paras, cfg)      # the page's own Q/A: not a long quotation
    quoted = drop_own_interviews(long_quotation(quotes, text, cfg, cfg["long_quotation"]["min_words"],
                                                cfg["long_quotation"]["id"]), own)
    excerpts = excerpt_markers(paras, cfg)

    # Share of the document that is verbatim third-party text: quotations plus reproduced works.
    total = sum(p.words for p in paras)
    verbatim = _covered_words(text, [(q["start"], q["end"]) for q in quotes if not q.get("parent")]
                              + [(c.start, c.end) for c in structural + excerpts])
    share = round(verbatim / total, 4) if total else 0.0
    scfg = cfg["third_party_share"]
    lowered: list[Candidate] = []
    if share >= scfg["threshold"]:
        main_min = cfg["long_quotation"]["min_words"]
        lowered = [c for c in drop_own_interviews(long_quotation(quotes, text, cfg, scfg["min_words"], scfg["id"],
                                             f" in a page that is {round(100 * share)}% third-party text"), own)
                   if c.signals["quoted_words"]["value"] < main_min]   # longer runs are long_quotation's
        for c in lowered:
            c.signals["third_party_share"] = sig(share, scfg["threshold"])

    totals, cumulative = source_totals(quotes, structural, text, cfg)
    copied, links = _copied(ctx, cfg)
    copied, duplicates = _duplicates(ctx.doc_id, text, copied, cfg)
    if isinstance(links, list):
        links = sorted({d for c in copied for d in c.documents})
    cands = [c for c in structural + quoted + lowered + excerpts + cumulative + copied
             if count_words(text[c.start:c.end]) >= cfg["never_flag_below_words"]]
    cands, releases = drop_press_releases(cands, paras, cfg)   # issued to be reproduced
    flags = _merge(cands, quotes, text)
    records = [_record(ctx.doc_id, i, f, clean, text) for i, f in enumerate(flags, start=1)]
    line_spans = {n["id"]: (n["raw_start"], n["raw_end"]) for n in lines}
    for e in (e for r in records for e in r["evidence"] if e.get("notice") in line_spans):
        e["raw_start"], e["raw_end"] = line_spans[e["notice"]]   # the removed line itself, in the raw text
    rights = rights_signals(raw, ctx.outputs.get("extract", {}).get("format") == "html", cfg)
    apply_licence(records, rights, raw, cfg)
    return {
        "flags": records,
        "document_signals": {
            "words": total,
            "third_party_words": verbatim,
            "third_party_share": sig(share, scfg["threshold"]),
            "notices": scopes,
            "copied_documents": links,
            "rights": rights,
            "source_totals": totals,
            "duplicates": duplicates,
            "own_interviews": own,
            "press_releases": releases,
        },
    }


def _bounded_by_reprints(notice_cands: list[Candidate], reprints: list[Candidate]) -> list[Candidate]:
    """A notice's section that a reprint closed by the same notice bounds better (from its headline,
    not from the host's previous heading) gives way to it: a notice never reaches back over the host."""
    out = []
    for c in notice_cands:
        r = next((r for r in reprints if r.end == c.end and r.start > c.start), None)
        if r is None:
            out.append(c)
        elif r.notice is None:
            r.notice = c.notice
    return out


def _blocks_bounded_by_reprints(quotes: list[dict[str, Any]], reprints: list[Candidate],
                                text: str) -> list[dict[str, Any]]:
    """A block quotation (no quote marks: the quotation stage ends it by layout) that an introduction
    line opens as a reprint too ends where that reprint ends: the reprint's end was read from the
    passage's vocabulary, the block's only from the page's layout. (This stage's view only: the
    quotation records of ``04_quotes`` keep their spans.)"""
    out = []
    for q in quotes:
        r = None if q.get("form") != "block" else \
            next((r for r in reprints if r.start <= q["start"] < r.end < q["end"]
                  and "introduction" in str(r.signals["anchor"]["value"])), None)
        if r is not None:
            q = {**q, "end": r.end, "words": count_words(text[q["start"]:r.end])}
        out.append(q)
    return out


def _duplicates(doc_id: str, text: str, copied: list[Candidate],
                cfg: dict[str, Any]) -> tuple[list[Candidate], list[dict[str, Any]]]:
    """The same page saved twice (HTML and text dump) is one duplicate pair, not copies of each other."""
    matches = [{"document": d, "start": c.start, "end": c.end, "words": c.signals["words"]["value"]}
               for c in copied for d in c.documents]
    sizes = {d: n for c in copied for d, n in c.document_words.items()}
    starts = array("q", (m.start() for m in WORD_RE.finditer(text)))   # 8 bytes a word (a huge document's)
    dups = duplicate_documents(doc_id, starts, matches, sizes, cfg["copied"]["duplicate_min_share"])
    return drop_copies_of_duplicates(copied, dups), dups


def _covered_words(text: str, spans: list[tuple[int, int]]) -> int:
    return sum(count_words(text[s:e]) for s, e in merge_spans(spans))


def _copied(ctx: Any, cfg: dict[str, Any]) -> tuple[list[Candidate], Any]:
    """Passages the corpus step (pipeline/corpus_copies.py) found shared with another document."""
    rcfg = cfg["copied"]
    copies = ctx.outputs.get("copies")
    if copies is None:
        return [], "not checked: no corpus step"
    if not copies["enabled"]:
        return [], "not checked: disabled"
    cands = [Candidate(
        rule=rcfg["id"], kind="copied passage", start=m["start"], end=m["end"],
        signals={"shared_shingles": sig(m["shared_shingles"], None), "passage_shingles": sig(m["passage_shingles"], None),
                 "words": sig(m["words"], rcfg["min_words"]),
                 "earwig_confidence": sig(m["earwig_confidence"], rcfg["min_confidence"]),
                 "prose_share": sig(m["prose_share"], rcfg["min_prose_share"])},
        why=f"its {rcfg['shingle_words']}-word shingles largely occur in another document ({m['document']})",
        documents=[m["document"]],
        document_words={m["document"]: m["document_words"]} if "document_words" in m else {})
        for m in copies["matches"]]
    return cands, sorted({d for c in cands for d in c.documents})


def _merge(cands: list[Candidate], quotes: list[dict[str, Any]], text: str) -> list[Candidate]:
    """Overlapping candidates become one flag; the highest-priority rule names it."""
    def prio(c: Candidate) -> int:
        return next((i for i, k in enumerate(PRIORITY) if c.rule.endswith(k)), len(PRIORITY))

    ordered = sorted(quotes, key=lambda q: (q["start"], q["id"]))   # once, not once per flag
    starts = [q["start"] for q in ordered]
    longest = max((q["end"] - q["start"] for q in ordered), default=0)
    groups: list[list[Candidate]] = []
    for c in sorted(cands, key=lambda c: (c.start, -c.end, prio(c), c.rule)):
        if groups and c.start < max(x.end for x in groups[-1]):
            groups[-1].append(c)
        else:
            groups.append([c])
    out = []
    for g in groups:
        g.sort(key=lambda c: (prio(c), c.start, c.rule))
        head = g[0]
        flag = Candidate(rule=head.rule, kind=head.kind, start=min(c.start for c in g), end=max(c.end for c in g),
                         signals={}, why=head.why)
        flag.rules = sorted({c.rule for c in g}, key=lambda r: (prio(next(c for c in g if c.rule == r)), r))
        for c in g:
            for k, v in c.signals.items():
                flag.signals.setdefault(k if c is head or k not in flag.signals else f"{c.rule.split('.')[-1]}.{k}", v)
            for attr in ("who", "outlet", "date", "date_text", "notice"):
                if getattr(flag, attr) is None and getattr(c, attr) is not None:
                    setattr(flag, attr, getattr(c, attr))
            flag.evidence.extend(e for e in c.evidence if e not in flag.evidence)
            flag.documents.extend(d for d in c.documents if d not in flag.documents)
        if head.kind == "passage":  # a notice section that quotations describe better
            flag.kind = next((c.kind for c in g if c.kind != "passage"), head.kind)
        flag.extra = sorted({c.why for c in g[1:] if c.why != head.why})
        near = ordered[bisect.bisect_right(starts, flag.start - longest):bisect.bisect_left(starts, flag.end)]
        flag.quotations = [q["id"] for q in near if flag.start < q["end"]]
        out.append(flag)
    return out


def _record(doc_id: str, n: int, f: Candidate, clean: Any, text: str) -> dict[str, Any]:
    raw_start, raw_end = clean.to_raw(f.start, f.end)
    words = count_words(text[f.start:f.end])
    bits = [b for b in (f.who, f.outlet, f.date or f.date_text) if b]
    also = "; also " + "; ".join(f.extra) if f.extra else ""
    reason = (f"{f.kind[0].upper()}{f.kind[1:]}" + (f" ({', '.join(bits)})" if bits else "")
              + f", {words} words: {f.why}{also}; summarise it instead of reproducing it.")
    evidence = []
    for e in f.evidence:
        rs, re_ = clean.to_raw(e["start"], e["end"])
        evidence.append({"what": e["what"], "start": e["start"], "end": e["end"], "raw_start": rs, "raw_end": re_,
                         **({"notice": e["notice"]} if "notice" in e else {})})
    return {
        "id": f"{doc_id}#f{n}",
        "start": f.start, "end": f.end, "raw_start": raw_start, "raw_end": raw_end,
        "rule": f.rule, "rules": f.rules or [f.rule],
        "kind": f.kind, "words": words,
        "who": f.who, "outlet": f.outlet, "date": f.date, "date_text": f.date_text,
        "signals": {k: f.signals[k] for k in sorted(f.signals)},
        "quotations": f.quotations, "notice": f.notice, "evidence": evidence,
        "documents": f.documents,
        "action": "summarise",
        "reason": reason,
    }
