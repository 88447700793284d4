"""The measurements of ``make bench``: whole runs, stages alone, baselines, incremental make."""

from __future__ import annotations

import os
import shutil
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .common import (PIPELINE, STAGE_NAMES, Bench, Options, Run, bench_sources, build_corpus, cache_root,
                     corpus_bytes, machine, snapshot, tree_digest)


def run_all_measurements(o: Options) -> dict[str, Any]:
    root = cache_root()
    res: dict[str, Any] = {"machine": machine(), "options": {k: str(v) for k, v in asdict(o).items()}}
    print(f"corpus: {o.docs} and {o.small} documents under {root}", file=sys.stderr)
    big = build_corpus(o.bench, o.docs, root)
    small = build_corpus(o.bench, o.small, root)
    res["corpus"] = {"docs": o.docs, "mb": corpus_bytes(big) / 1e6, "small_docs": o.small,
                     "small_mb": corpus_bytes(small) / 1e6,
                     "html": sum(1 for p in big.iterdir() if p.suffix == ".html"),
                     "small_html": sum(1 for p in small.iterdir() if p.suffix == ".html"),
                     "distinct_pages": len(bench_sources(o.bench))}
    b = Bench(snapshot(root / "src"))
    work = root / "work"
    w = o.workers
    runs: dict[str, Run] = {}

    # Small corpus: whole runs side by side (1 worker, N workers, Ray), then each stage alone
    # and the baselines, reading the 1-worker run's outputs.
    out1 = work / "small-w1" / "processed"  # same folder name everywhere: the report shows it
    runs["small_w1"] = b.run(f"pipeline run, {o.small} docs, 1 worker", small, out1)
    outm = work / "make-small" / "processed"
    if o.make:   # right after it, on the same documents: make all must not be the slow path
        runs["make_small"] = b.make_all(f"make all from scratch, {o.small} docs, 1 worker", small, outm, scratch=True)
    if o.make:   # the other order too (A B B A): drift in the machine's load falls on both sides alike
        runs["make_small_2"] = b.make_all(f"make all from scratch, {o.small} docs, 1 worker (round 2)", small,
                                          work / "make-small-2" / "processed", scratch=True)
        runs["small_w1_2"] = b.run(f"pipeline run, {o.small} docs, 1 worker (round 2)", small,
                                   work / "small-w1-2" / "processed")
        shutil.rmtree(work / "make-small-2", ignore_errors=True)
        shutil.rmtree(work / "small-w1-2", ignore_errors=True)
    runs["small_wN"] = b.run(f"pipeline run, {o.small} docs, {w} workers", small, work / "small-wN" / "processed",
                             "--workers", str(w))
    res["identical"] = {f"--workers {w}": tree_digest(work / "small-wN" / "processed") == tree_digest(out1)}
    if o.make:
        res["identical"]["make all"] = tree_digest(outm) == tree_digest(out1)
    shutil.rmtree(work / "small-wN", ignore_errors=True)
    if o.ray:
        runs["small_ray"] = b.run(f"pipeline run --executor ray, {o.small} docs, {w} workers", small,
                                  work / "small-ray" / "processed", "--executor", "ray", "--workers", str(w))
        res["identical"][f"--executor ray --workers {w}"] = tree_digest(work / "small-ray" / "processed") == tree_digest(out1)
        shutil.rmtree(work / "small-ray", ignore_errors=True)
    for name in STAGE_NAMES:
        runs[f"stage_{name}"] = b.child(f"stage {name} alone", "stage", str(small), str(out1), name)
    runs["spacy"] = b.child("quotes stage, nlp.pipe alone, textacy", "spacy", str(small), str(out1),
                            str(o.batch_size))
    runs["front"] = b.child("extract+strip+normalise vs trafilatura", "front", str(small), "0")
    _forget_report(out1)   # so that finish is measured from scratch, not as an up-to-date check
    res["finish_from_scratch"] = True
    runs["finish_small"] = b.measure(f"pipeline finish, {o.small} docs",
                                     [PIPELINE, "finish", "--raw", str(small), "--out", str(out1)])

    # Big corpus: memory against the small one (same number of workers), then make.
    if o.docs != o.small:
        outb = work / "big" / "processed"
        res["longest_paragraph"] = {"small": longest_paragraph(out1)}
        runs["big_wN"] = b.run(f"pipeline run, {o.docs} docs, {w} workers", big, outb, "--workers", str(w))
        res["longest_paragraph"]["big"] = longest_paragraph(outb)
        _forget_report(outb)
        runs["finish_big"] = b.measure(f"pipeline finish, {o.docs} docs",
                                       [PIPELINE, "finish", "--raw", str(big), "--out", str(outb)])
        if o.make:
            res["make"] = make_measurements(o, b, big, outb, work, runs)
    elif o.make:   # one corpus only: the incremental runs on make's own outputs
        res["make"] = make_measurements(o, b, small, outm, work, runs)
    if o.huge_mb:
        from .hugedoc import measure_huge

        res["huge"] = measure_huge(b, root, o.huge_mb)
    res["runs"] = {k: asdict(v) for k, v in runs.items()}
    res["machine"]["load_end"] = os.getloadavg()
    return res


MAKE_TIMEOUT_S = 600


def make_ratio_only(o: Options, rounds: int) -> dict[str, Any]:
    """``make all`` from scratch against ``pipeline run`` alone, in A B B A order, ``rounds`` pairs."""
    small = build_corpus(o.bench, o.small, cache_root())
    b = Bench(snapshot(cache_root() / "src-make-ratio"))   # not "src": a full run may be using it
    work = cache_root() / "work-make-ratio"
    order = [("run", "make") if i % 2 == 0 else ("make", "run") for i in range(rounds)]
    sums = {"run": [0.0, 0.0], "make": [0.0, 0.0]}
    rows = []
    for i, pair in enumerate(order):
        for side in pair:
            out = work / side / "processed"
            r = (b.run(f"pipeline run, {o.small} docs, round {i + 1}", small, out) if side == "run" else
                 b.make_all(f"make all from scratch, {o.small} docs, round {i + 1}", small, out, scratch=True))
            sums[side][0] += r.seconds
            sums[side][1] += r.cpu_seconds
            rows.append({"round": i + 1, "side": side, "seconds": r.seconds, "cpu_seconds": r.cpu_seconds,
                         "peak_rss_mb": r.peak_rss_mb})
        identical = tree_digest(work / "run" / "processed") == tree_digest(work / "make" / "processed")
    shutil.rmtree(work, ignore_errors=True)
    return {"docs": o.small, "rounds": rows, "identical": identical, "load_end": os.getloadavg(),
            "ratio_wall": sums["make"][0] / sums["run"][0], "ratio_cpu": sums["make"][1] / sums["run"][1]}


def pipe_ratio_only(o: Options, rounds: int) -> dict[str, Any]:
    """``pipeline run`` against the model's ``nlp.pipe`` alone over the same clean text (issue 12),
    each in its own process, in A B B A order, ``rounds`` pairs; the pipe side reads the clean
    texts of the first run's outputs untimed (its process time includes reading them)."""
    small = build_corpus(o.bench, o.small, cache_root())
    b = Bench(snapshot(cache_root() / "src-pipe-ratio"))
    out = cache_root() / "work-pipe-ratio" / "processed"
    order = [("run", "pipe") if i % 2 == 0 else ("pipe", "run") for i in range(rounds)]
    sums = {"run": [0.0, 0.0], "pipe": [0.0, 0.0]}
    rows = []
    for i, pair in enumerate(order):
        for side in pair:
            if side == "pipe" and not (out / "03_normalise").is_dir():
                b.run("pipeline run (clean texts for nlp.pipe, untimed)", small, out)
            r = (b.run(f"pipeline run, {o.small} docs, round {i + 1}", small, out) if side == "run" else
                 b.child(f"nlp.pipe alone, {o.small} docs, round {i + 1}", "pipe", str(small), str(out),
                         str(o.batch_size)))
            sums[side][0] += r.seconds
            sums[side][1] += r.cpu_seconds
            rows.append({"round": i + 1, "side": side, "seconds": r.seconds, "cpu_seconds": r.cpu_seconds,
                         "load": os.getloadavg()[0]})
    shutil.rmtree(out.parent, ignore_errors=True)
    return {"docs": o.small, "rounds": rows, "load_end": os.getloadavg(),
            "ratio_wall": sums["run"][0] / sums["pipe"][0], "ratio_cpu": sums["run"][1] / sums["pipe"][1]}


def make_measurements(o: Options, b: Bench, big: Path, outb: Path, work: Path, runs: dict[str, Run]) -> dict[str, Any]:
    """No-change rerun and add-one rerun on the big corpus; -j1 against -jN on a subset."""
    info: dict[str, Any] = {}
    n = len(list(big.iterdir()))
    # The first make all after `pipeline run` reads every output's provenance once (make's caches)
    # and runs the corpus step once (its stamp): measured apart, it is not a no-change run.
    runs["make_first"] = b.make_all(f"make all after pipeline run, {n} docs (fills make's caches)", big, outb,
                                    timeout=MAKE_TIMEOUT_S)
    t_before = time.time()
    runs["make_nochange"] = b.make_all(f"make all, nothing changed, {n} docs", big, outb, timeout=MAKE_TIMEOUT_S)
    info["nochange_rebuilt"] = _newer_than(outb, t_before)
    runs["make_nochange_2"] = b.make_all(f"make all, nothing changed, {n} docs (again)", big, outb, timeout=MAKE_TIMEOUT_S)
    src = bench_sources(o.bench)[0]
    added = big / f"zz_added_{src.name}"
    shutil.copyfile(src, added)
    try:
        t_before = time.time()
        runs["make_add_one"] = b.make_all(f"make all, one document added to {n}", big, outb, timeout=MAKE_TIMEOUT_S)
        info["add_one_rebuilt"] = _newer_than(outb, t_before)
        info.update(_add_one_check(outb, added.name, info["add_one_rebuilt"]))
    finally:
        added.unlink()
        b.make_all("make all, the added document deleted again", big, outb, timeout=MAKE_TIMEOUT_S)
    sub = build_corpus(o.bench, o.make_docs, cache_root())
    for jobs in (1, o.workers):
        out = work / f"make-j{jobs}" / "processed"
        runs[f"make_full_j{jobs}"] = b.make_all(f"make -j{jobs} all, {o.make_docs} docs from scratch", sub, out, jobs,
                                                scratch=True)
    info["docs"] = n
    info["make_identical"] = tree_digest(work / "make-j1" / "processed") == tree_digest(work / f"make-j{o.workers}" / "processed")
    return info


def _add_one_check(out: Path, added: str, rebuilt: list[str]) -> dict[str, Any]:
    """Did adding one document rebuild only it, plus the copyright and publish outputs of the
    documents it shares a passage with (their cross-document flags changed), plus the corpus steps?"""
    from pipeline.store import read_json

    try:
        copies = read_json(out / "corpus" / "copies" / f"{added}.json")["matches"]
    except (OSError, ValueError, KeyError):
        copies = []
    sharing = {m["document"] for m in copies}
    others = {}
    for f in rebuilt:
        if f[:2].isdigit() and "/" in f and not f.split("/", 1)[1].startswith(added):
            folder, name = f.split("/", 1)
            others.setdefault(name.rsplit(".", 1)[0], set()).add(folder)
    ok = all(d in sharing and folders <= {"05_copyright", "06_publish"} for d, folders in others.items())
    return {"add_one_only_added": ok, "add_one_sharing": sorted(sharing)}


def longest_paragraph(out: Path) -> list[Any]:
    """[characters, document] of the longest paragraph the quotation stage parsed: what sets a
    worker's peak memory (spaCy's arrays grow with the text parsed at once)."""
    from pipeline.store import read_json

    best: list[Any] = [0, None]
    for p in sorted((out / "03_normalise").glob("*.json")):
        paras = read_json(p).get("paragraphs") or []
        m = max((x["end"] - x["start"] for x in paras), default=0)
        if m > best[0]:
            best = [m, p.name[: -len(".json")]]
    return best


def _forget_report(out: Path) -> None:
    """Drop the report and the record of what it was built from: the next finish rebuilds it all."""
    shutil.rmtree(out / "report", ignore_errors=True)
    (out / ".report-pages.json").unlink(missing_ok=True)


def _newer_than(out: Path, t: float) -> list[str]:
    """Output files (re)written since ``t``: what a make run actually rebuilt."""
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*")
                  if p.is_file() and ".make" not in p.parts and p.stat().st_mtime >= t)
