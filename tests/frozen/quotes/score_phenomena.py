#!/usr/bin/env python3
"""Per-phenomenon counts and scores for the frozen quotation gold (README.md).

Reads gold files, the phenomenon tags in phenomena.yaml and the prediction dumps of
`pipeline evaluate --dump-predictions DIR`, and applies the matching rules of
shared/GOLD_FORMAT.md: a prediction matches a gold quotation when its text contains the gold
`start`; the shortest matching prediction (earliest on a tie) is scored. Self-contained on
purpose, so that it does not move when pipeline/ changes.

usage: score_phenomena.py --set GOLD_DIR RAW_DIR DUMP_DIR [--set ...] [--phenomena FILE] [--counts-only]
(--phenomena: another set's tags; default this folder's phenomena.yaml)
"""
import argparse
import json
import pathlib
import re
import sys
import unicodedata

import yaml

HERE = pathlib.Path(__file__).resolve().parent
_DOUBLE, _SINGLE = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", "\u2018\u2019\u201a\u201b`\u00b4\u2032"
_TABLE = {**{ord(c): '"' for c in _DOUBLE}, **{ord(c): "'" for c in _SINGLE},
          **{ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"}, ord("\u2026"): "..."}


def norm(text):
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text.translate(_TABLE)).translate(_TABLE)
    return re.sub(r"\s+", " ", text).strip().casefold()


def has_words(name, wanted):
    w = norm(wanted)
    return bool(w) and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", norm(name)) is not None


def hard_wrapped(raw, q):
    """The quoted words cross a single line break in the raw file (not a paragraph break)."""
    words = [re.escape(w) for w in q["start"].split()]
    m = re.search(r"\s+".join(words), raw)
    if not m:
        return False
    stop = m.end()
    if q.get("end"):
        e = re.search(r"\s+".join(re.escape(w) for w in q["end"].split()), raw[m.start():])
        if e:
            stop = m.start() + e.end()
    span = raw[m.start():stop]
    return "\n" in span.replace("\n\n", "")


def load_sets(sets, phenomena=HERE / "phenomena.yaml"):
    tags = yaml.safe_load(pathlib.Path(phenomena).read_text(encoding="utf-8"))
    rows = []
    for gold_dir, raw_dir, dump_dir in sets:
        for p in sorted(pathlib.Path(gold_dir).glob("*.yaml")):
            g = yaml.safe_load(p.read_text(encoding="utf-8"))
            doc = g["document"]
            raw = (pathlib.Path(raw_dir) / doc).read_text(encoding="utf-8", errors="replace")
            preds = None
            if dump_dir:
                dp = pathlib.Path(dump_dir) / f"{doc}.json"
                preds = json.loads(dp.read_text())["quotations"] if dp.exists() else []
            doc_tags = (tags.get("doc_tags") or {}).get(doc, [])
            q_tags = (tags.get("tags") or {}).get(doc, {})
            unknown = set(q_tags) - {q["start"] for q in g.get("quotations") or []}
            if unknown:
                sys.exit(f"phenomena.yaml: {doc}: no gold start {sorted(unknown)}")
            for q in g.get("quotations") or []:
                if q.get("optional"):
                    continue
                t = {"all", f"set:{pathlib.Path(gold_dir).name}", *doc_tags, *q_tags.get(q["start"], [])}
                if "speaker" in q and q["speaker"] is None:
                    t.add("speaker_null")
                if q.get("source"):
                    t.add("source")
                if hard_wrapped(raw, q):
                    t.add("hard_wrapped")
                rows.append((doc, q, t, preds))
    return rows


def score(q, preds):
    """(found, speaker verdict, source right) for one required gold quotation."""
    if preds is None:
        return None
    start = norm(q["start"])
    hits = [p for p in preds if start and start in norm(p.get("text"))]
    if not hits:
        return False, None, None
    best = min(hits, key=lambda p: len(p.get("text") or ""))
    verdict = None
    if "speaker" in q:
        said = best.get("speaker")
        if q["speaker"] is None:
            verdict = "right" if not said else "wrong"
        elif not said:
            verdict = "none"
        else:
            verdict = "right" if any(has_words(said, n) for n in q["speaker"]) else "wrong"
    src = None
    if q.get("source"):
        src = any(norm(n) in norm(best.get("source")) for n in q["source"]) if best.get("source") else False
    return True, verdict, src


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", nargs=3, action="append", required=True, metavar=("GOLD", "RAW", "DUMP"))
    ap.add_argument("--phenomena", default=str(HERE / "phenomena.yaml"), help="the set's phenomenon tags")
    ap.add_argument("--counts-only", action="store_true")
    a = ap.parse_args(argv)
    sets = [(g, r, None if a.counts_only else d) for g, r, d in a.set]
    rows = load_sets(sets, a.phenomena)
    names = sorted({t for _, _, ts, _ in rows for t in ts}, key=lambda t: (t != "all", not t.startswith("set:"), t))
    head = "| phenomenon | required | speakers scored | null | source |"
    if not a.counts_only:
        head += " recall | speaker right | speaker wrong | no speaker | source right |"
    print(head)
    print("|" + "|".join("---" for _ in head.split("|")[1:-1]) + "|")
    for name in names:
        sel = [(q, preds) for _, q, ts, preds in rows if name in ts]
        scored = [q for q, _ in sel if "speaker" in q]
        nulls = [q for q in scored if q["speaker"] is None]
        srcs = [q for q, _ in sel if q.get("source")]
        line = f"| {name} | {len(sel)} | {len(scored)} | {len(nulls)} | {len(srcs)} |"
        if not a.counts_only:
            res = [(q, score(q, p)) for q, p in sel]
            found = [(q, r) for q, r in res if r and r[0]]
            sp = [r[1] for _, r in found if r[1] is not None]
            sr = [r[2] for _, r in found if r[2] is not None]

            def frac(n, d):
                return f"{n / d:.3f} ({n}/{d})" if d else "n/a"
            line += (f" {frac(len(found), len(sel))} | {frac(sp.count('right'), len(sp))} |"
                     f" {frac(sp.count('wrong'), len(sp))} | {frac(sp.count('none'), len(sp))} |"
                     f" {frac(sum(sr), len(sr))} |")
        print(line)


if __name__ == "__main__":
    main()
