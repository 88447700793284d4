"""The report of ``make bench`` (docs/BENCHMARKS.md), written from the figures of one run."""

from __future__ import annotations

from typing import Any

from .common import STAGE_NAMES, Run


def render(res: dict[str, Any], command: str) -> str:
    r = {k: Run(**v) for k, v in res["runs"].items()}
    m, c, o = res["machine"], res["corpus"], res["options"]
    n, s_docs, s_mb = c["docs"], c["small_docs"], c["small_mb"]
    w = int(o["workers"])
    out = ["# Benchmarks", "",
           f"Produced by `{command}` in one run: every figure below comes from it. Each configuration ran in "
           "its own process; peak RSS is the largest process of its tree (`wait4` ru_maxrss). Ratios were "
           "measured side by side in the same run, so they suffer less than absolute figures from other load "
           "on the machine. The run measured a snapshot of the code taken at its start (byte-compiled, as an "
           "installed package is).", "",
           *([f"**Note.** {res['note']}", ""] if res.get("note") else []),
           "## Machine", "",
           f"- CPU: {m['cpu']}, {m['cores']} cores; memory {m['memory_gb']} GB; {m['os']}; Python {m['python']}",
           "- libraries: " + ", ".join(f"{k} {v}" for k, v in m["libraries"].items()),
           f"- code: commit {m['commit']}",
           f"- load average (1, 5, 15 min): {_load(m['load_start'])} at the start, {_load(m.get('load_end'))} at the end",
           "", "## Corpus", "",
           f"The {c['distinct_pages']} bench pages of `../shared/bench` (WCXB dev pages as HTML and as plain-text "
           "dumps, and the quotes-dev pages), interleaved and replicated round-robin, cached outside the repository: "
           f"{n} documents ({c['mb']:.1f} MB, {c['html']} HTML) and their first {s_docs} ({s_mb:.1f} MB, "
           f"{c['small_html']} HTML). Per-stage figures, ratios and speed-ups are on the {s_docs} documents; memory "
           f"is compared between {s_docs} and {n}; incremental `make` runs on {n}.", "",
           f"## Per stage ({s_docs} documents)", "",
           "Each stage alone in one process, calling the stage function (`pipeline.runner.run_stage`) on one "
           "document after another; its inputs (earlier stages' outputs) are read from disk untimed. docs/s and "
           "MB/s (raw input per second) leave out the first document, whose time (imports, model load) is shown "
           "apart; peak RSS includes the interpreter and the document being processed.", "",
           "| stage | docs/s | MB/s | peak RSS (MB) | first document (s) |", "|---|---:|---:|---:|---:|"]
    for name in STAGE_NAMES:
        run = r.get(f"stage_{name}")
        a = run.answer if run else {}
        if not a:
            out.append(f"| {name} | failed | | | |")
            continue
        t = (a["seconds"] - a["first_doc_seconds"]) or 1e-9
        out.append(f"| {name} | {(a['docs'] - 1) / t:,.1f} | {(a['bytes'] - a['first_doc_bytes']) / 1e6 / t:,.2f} | "
                   f"{run.peak_rss_mb:.0f} | {a['first_doc_seconds']:.3f} |")
    stage_sum = sum(r[f"stage_{k}"].answer.get("seconds", 0) for k in STAGE_NAMES if f"stage_{k}" in r)
    w1 = r["small_w1"]
    out += ["", f"The stage functions took {stage_sum:.1f} s in all; the whole `pipeline run` on the same documents "
            f"{w1.seconds:.1f} s (the difference: start-up, model load, reading and writing JSON, corpus indexes, "
            "report, manifest).", "", "## Whole runs", "",
            "| run | documents | time (s) | docs/s | MB/s | peak RSS (MB) | speed-up |",
            "|---|---:|---:|---:|---:|---:|---:|"]

    def row(label: str, run: Run, docs: int, size: float, base: Run | None = None) -> str:
        sp = f"{base.seconds / run.seconds:.2f}x" if base and run.seconds else ""
        bad = "" if run.returncode == 0 else f" (**exit {run.returncode}**)"
        return (f"| {label}{bad} | {docs} | {run.seconds:.1f} | {docs / run.seconds:,.2f} | {size / run.seconds:,.2f} | "
                f"{run.peak_rss_mb:.0f} | {sp} |")

    out.append(row("`pipeline run`", w1, s_docs, s_mb))
    out.append(row(f"`pipeline run --workers {w}`", r["small_wN"], s_docs, s_mb, w1))
    if "small_ray" in r:
        out.append(row(f"`pipeline run --executor ray --workers {w}` (local Ray, start-up included)",
                       r["small_ray"], s_docs, s_mb, w1))
    if "big_wN" in r:
        out.append(row(f"`pipeline run --workers {w}`", r["big_wN"], n, c["mb"]))
    for key, docs in (("finish_small", s_docs), ("finish_big", n)):
        if key in r:
            how = "report from scratch" if res.get("finish_from_scratch") else "on finished outputs: nothing to rebuild"
            out.append(f"| `pipeline finish` (corpus indexes, report, manifest; {how}) | {docs} | {r[key].seconds:.1f} | | | "
                       f"{r[key].peak_rss_mb:.0f} | |")
    out += ["", "Outputs byte-identical to the 1-worker run: " +
            "; ".join(f"`{k}`: {'yes' if v else '**NO**'}" for k, v in res.get("identical", {}).items()) + "."]
    if "big_wN" in r:
        big, sm = r["big_wN"].peak_rss_mb, r["small_wN"].peak_rss_mb
        lp = res.get("longest_paragraph", {})
        out.append(f"Memory: with {w} workers, peak RSS {sm:.0f} MB for {s_docs} documents and {big:.0f} MB for {n} "
                   f"({'flat' if big <= sm * 1.15 else 'higher'}): documents are streamed, a bounded window of them "
                   "in flight, and only a one-line result per document is kept; the copies corpus step's shingle index "
                   "is on disk (SQLite). With workers the figure is the largest single process, a worker holding the spaCy "
                   "model and one document: its peak follows the longest paragraph parsed, not the number of "
                   "documents" + (f" (longest paragraph: {lp['small'][0]:,} characters in the {s_docs} documents, "
                                  f"{lp['big'][0]:,} in the {n}, whose 612 distinct pages include longer ones than "
                                  f"the first {s_docs})" if "small" in lp and "big" in lp else "") + ".")
    if "finish_small" in r and "finish_big" in r:
        fs, fb = r["finish_small"].peak_rss_mb, r["finish_big"].peak_rss_mb
        if fb > fs * 1.15:
            out.append(f"`pipeline finish` peaked at {fs:.0f} MB for {s_docs} documents and {fb:.0f} MB for {n}: it "
                       "reads one document's records at a time, and keeps a small row per document for the corpus "
                       f"and report indexes and the manifest's hash cache (about {(fb - fs) * 1024 / (n - s_docs):.0f} "
                       "KB per document).")
    if "small_ray" in r:
        out.append("For Ray, peak RSS is what `wait4` sees of the driver's tree; Ray's workers are children of "
                   "its raylet, so they may not all be counted.")

    sp = r["spacy"].answer
    fr = r["front"].answer
    out += ["", f"## Ratios (side by side, {s_docs} documents)", "", "| ratio | value | target | met |",
            "|---|---:|---:|---|"]
    if sp:
        nlp_t = sp["load_seconds"] + sp["pipe_seconds"]
        out.append(f"| whole pipeline (`pipeline run`, 1 worker, {w1.seconds:.1f} s) / the same model's `nlp.pipe` "
                   f"alone over the same clean text (model as shipped, one text per document; {nlp_t:.1f} s, model "
                   f"load included on both sides) | "
                   f"{w1.seconds / nlp_t:.2f} | <= 0.8 | {_met(w1.seconds / nlp_t, 0.8)} |")
    if fr and fr["trafilatura_seconds"]:
        v = fr["ours_seconds"] / fr["trafilatura_seconds"]
        out.append(f"| extract+strip+normalise ({fr['ours_seconds']:.1f} s) / `trafilatura.extract` "
                   f"({fr['trafilatura_seconds']:.1f} s) on the same {fr['docs']} HTML pages | {v:.2f} | <= 1.0 | "
                   f"{_met(v, 1.0)} |")
    if sp:
        theirs = sp["pipe_seconds"] + sp["direct_quotations_seconds"]
        out.append(f"| quotation stage ({sp['quotes_seconds']:.1f} s) / textacy `direct_quotations` with the same "
                   f"model, parse included ({theirs:.1f} s) | {sp['quotes_seconds'] / theirs:.2f} | report | |")
        out += ["", f"spaCy: `{', '.join(sp['pipeline'])}` loaded in {sp['load_seconds']:.1f} s; `nlp.pipe` over "
                f"{sp['docs']} clean texts ({sp['chars'] / 1e6:.2f} M characters, {sp['tokens']:,} tokens) "
                f"{sp['pipe_seconds']:.1f} s ({sp['tokens'] / max(sp['pipe_seconds'], 1e-9):,.0f} tokens/s); "
                f"`direct_quotations` on the parses {sp['direct_quotations_seconds']:.2f} s "
                f"({sp['textacy_quotations']} quotations; it gave up on {sp['textacy_gave_up']} documents with "
                f"unbalanced quotation marks). Our stage found {sp['ours_quotations']} quotations with speakers, "
                "sources and raw offsets."]
    if fr:
        out.append(f"Front end: {fr['bytes'] / 1e6:.1f} MB of HTML; median per-page ratio "
                   f"{fr['median_page_ratio'] or 0:.2f} (pages alternate which of the two runs first; the first page "
                   "is not counted).")
    out += ["", "What limits the ratios (figures from this run):", ""]
    if sp and "stage_quotes" in r:
        q = sp["quotes_seconds"]
        others = sum(r[f"stage_{k}"].answer.get("seconds", 0) for k in STAGE_NAMES if k != "quotes" and f"stage_{k}" in r)
        fin = r["finish_small"].seconds if "finish_small" in r else 0.0
        rest = w1.seconds - q - others - fin
        out.append(f"- whole pipeline / `nlp.pipe`: of the {w1.seconds:.1f} s of `pipeline run`, the quotation stage "
                   f"took {q:.1f} s (its spaCy parse is the bulk; `nlp.pipe` alone over the same texts took "
                   f"{sp['pipe_seconds']:.1f} s; the stage parses paragraph by paragraph, skips reference lists and "
                   f"leaves the lemmatizer out, computing the few lemmas it reads on demand), the other five stages "
                   f"{others:.1f} s, corpus indexes, "
                   f"report and manifest (`pipeline finish`, its own process"
                   + ("" if res.get("finish_from_scratch") else ", measured again on finished outputs") + f") {fin:.1f} s"
                   + (f", and the rest ({rest:.1f} s) is start-up, model load and reading and writing the JSON outputs."
                      if rest >= 1 else f"; start-up, model load and JSON input/output are within the noise of "
                      f"measuring in separate processes ({rest:+.1f} s left over)."))
    if fr and fr["trafilatura_seconds"]:
        bs = fr.get("by_stage", {})
        inner = fr.get("trafilatura_inside_strip_seconds", 0.0)
        line = (f"- front end / trafilatura: extract {bs.get('extract', 0):.1f} s, strip {bs.get('strip', 0):.1f} s, "
                f"normalise {bs.get('normalise', 0):.1f} s.")
        if inner:
            line += (f" The strip stage itself calls `trafilatura.extract` on every HTML page "
                     f"(`pipeline/stages/strip/html_page.py`, `trafilatura_text`, to decide main text): {inner:.1f} s of "
                     f"the strip time, so our front end always contains one trafilatura call per page; without "
                     f"that call the ratio would be {(fr['ours_seconds'] - inner) / fr['trafilatura_seconds']:.2f}.")
        out.append(line)

    if "make_small" in r:
        pairs = [(w1, r["make_small"])] + ([(r["small_w1_2"], r["make_small_2"])] if "make_small_2" in r else [])
        run_s, make_s = sum(a.seconds for a, _ in pairs), sum(m.seconds for _, m in pairs)
        run_c, make_c = sum(a.cpu_seconds for a, _ in pairs), sum(m.cpu_seconds for _, m in pairs)
        v = make_s / run_s if run_s else 0.0
        cpu = make_c / run_c if run_c else 0.0
        out += ["", f"## `make all` against `pipeline run` ({s_docs} documents, from scratch, 1 worker)", "",
                "Run in the order `pipeline run`, `make all`, `make all`, `pipeline run` (where two rounds were "
                "measured), so that a change in the machine's load during the run falls on both sides; the "
                "ratios are of the totals.", "",
                "| run | round | time (s) | CPU time (s) | peak RSS (MB) |", "|---|---:|---:|---:|---:|"]
        for k, (a, m) in enumerate(pairs, 1):
            out += [f"| `pipeline run` | {k} | {a.seconds:.1f} | {a.cpu_seconds:.1f} | {a.peak_rss_mb:.0f} |",
                    f"| `make all` | {k} | {m.seconds:.1f} | {m.cpu_seconds:.1f} | {m.peak_rss_mb:.0f} |"]
        out += ["",
                f"`make all` / `pipeline run`: **{v:.2f}** in time (target <= 1.1: {_met(v, 1.1)}), {cpu:.2f} in CPU "
                "time (user + system of the process tree, which other load on the machine disturbs less). Under "
                "make each stage is one process over all its stale documents (the model loads once per worker), "
                "reading its inputs back from the earlier stages' outputs; outputs byte-identical to `pipeline "
                f"run`'s: {'yes' if res.get('identical', {}).get('make all') else '**NO**'}."]
    if "huge" in res:
        from .hugedoc import render_huge

        out += ["", *render_huge(res["huge"])]
    if "make" in res:
        mk = res["make"]
        md = int(o["make_docs"])
        nd = mk.get("docs", n)
        only = mk.get("add_one_only_added")
        out += ["", "## Incremental and parallel `make`", "",
                f"On the {nd}-document corpus, after a first `make all` that read every output's recorded provenance "
                f"into make's caches ({r['make_first'].seconds:.1f} s):" if "make_first" in r else "", "",
                "| run | time (s) | target | what was rebuilt |", "|---|---:|---:|---|",
                f"| `make all`, nothing changed | {r['make_nochange'].seconds:.2f} | < 2 s: "
                f"{_met(r['make_nochange'].seconds, 2)} | {_rebuilt(mk['nochange_rebuilt'])} |",
                f"| the same, again | {r['make_nochange_2'].seconds:.2f} | < 2 s: "
                f"{_met(r['make_nochange_2'].seconds, 2)} | |",
                f"| `make all`, one raw document added | {r['make_add_one'].seconds:.2f} | only that document, the "
                f"corpus steps and the flags of documents it shares text with ({len(mk.get('add_one_sharing', []))}): "
                f"{'yes' if only else '**no**'} | {_rebuilt(mk['add_one_rebuilt'])} |", "",
                f"`make` from scratch on {md} documents (each stage one process; `-jN` gives it N workers):", "",
                "| run | time (s) | docs/s | speed-up |", "|---|---:|---:|---:|",
                f"| `make -j1 all` | {r['make_full_j1'].seconds:.1f} | {md / r['make_full_j1'].seconds:.2f} | |",
                f"| `make -j{w} all` | {r[f'make_full_j{w}'].seconds:.1f} | {md / r[f'make_full_j{w}'].seconds:.2f} | "
                f"{r['make_full_j1'].seconds / r[f'make_full_j{w}'].seconds:.2f}x |", "",
                f"Outputs of `make -j1` and `make -j{w}` byte-identical: {'yes' if mk['make_identical'] else '**NO**'}."]
    if res.get("notes"):
        out += ["", "## Notes", "", *[f"- {x}" for x in res["notes"]]]
    failed = [f"{k} (exit {v.returncode}): {v.stderr_tail.strip().splitlines()[-1:]}" for k, v in r.items()
              if v.returncode != 0]
    if failed:
        out += ["", "## Failures", "", *[f"- {f}" for f in failed]]
    out += ["", "## Reproduce", "", "```sh", command, "```", "",
            "`make bench` options: `BENCH_DOCS=N` (documents in the big corpus; default 2000), "
            "`BENCH_ARGS='--small N --make-docs N --workers N --no-ray --no-make --quick --report FILE'` "
            "(`--quick`: 120 documents, report not written to docs/). The corpus is cached in "
            "`$XDG_CACHE_HOME/pipeline-bench` (or `/tmp/pipeline-bench`), raw figures in its `results.json`.",
            "", RAY_CLUSTER_NOTE]
    return "\n".join(out)


RAY_CLUSTER_NOTE = """## Running on a Ray cluster

`pipeline run --executor ray` runs `process_document` (every stage of one document) as one Ray task
per document, with a bounded number in flight, and collects results in document order; tasks read
the raw files and write the outputs themselves, so the files are byte-identical to the local
executor's (tested in `tests/test_executors.py` on a local Ray instance with 2 workers). Without an
address it starts a local instance with `--workers` CPUs and shuts it down at the end. To use an
existing cluster:

```sh
ray start --head                    # on the head node (or use the cluster you have)
ray start --address HEAD:6379       # on each worker node
pipeline run --executor ray --ray-address HEAD:6379 --raw /shared/raw --out /shared/processed
# or: RAY_ADDRESS=HEAD:6379 pipeline run --executor ray ...; or --ray-address auto on a cluster node
```

Every node must (1) see `--raw`, `--out` and the config file at the same absolute paths (a shared
volume: NFS, a mounted bucket), and (2) have this package and the pinned environment installed
(`make setup`, or a container image built from `requirements.lock` and `requirements-model.txt`),
since tasks import `pipeline` on the workers. Each worker process loads the config and the spaCy model
once and reuses them for every document it runs. Corpus indexes and the manifest are built by the
driver at the end, as with the local executor.
"""


def _met(v: float, target: float) -> str:
    return "yes" if v <= target else "**no**"


def _load(x: Any) -> str:
    return ", ".join(f"{v:.1f}" for v in x) if x else "?"


def _rebuilt(files: list[str]) -> str:
    """``N files: the 6 stage outputs of 1 document (x); report (2,001 files), ...``."""
    if not files:
        return "nothing"
    stage_files = [f for f in files if f[:2].isdigit() and "/" in f]
    docs = sorted({f.split("/", 1)[1].split(".", 1)[0] for f in stage_files})
    other: dict[str, int] = {}
    for f in files:
        if f not in stage_files:
            top = f.split("/", 1)[0]
            other[top] = other.get(top, 0) + 1
    return (f"{len(files)} files: {len(stage_files)} stage outputs of {len(docs)} document(s) "
            f"({', '.join(docs[:3])}); " + ", ".join(f"{k} ({v} files)" if v > 1 else k for k, v in sorted(other.items())))
