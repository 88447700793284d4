"""``make bench``: build a corpus from the bench pages and measure the pipeline, in one run.

    python -m benchmarks.run --bench ../shared/bench [--docs 2000] [--small 200] [--quick]

The corpus (HTML pages and plain-text dumps, replicated to ``--docs`` documents) is cached
outside the repository (``$XDG_CACHE_HOME/pipeline-bench`` or ``/tmp/pipeline-bench``), as hard
links to the bench pages where possible; the pages are never copied into the project.

Every measured configuration runs in its own subprocess, so that its peak RSS (``wait4``'s
``ru_maxrss``, the largest process of the tree) and its time are its own. Ratios are measured
side by side in the same run, because absolute figures on a shared machine are noisy:

- per stage: each stage alone over the corpus (inputs read from disk, untimed): docs/s, MB/s of
  raw input, peak RSS;
- whole runs: ``pipeline run`` with 1 and 2 workers and with the Ray executor, on ``--small`` and
  ``--docs`` documents (peak RSS must not grow with the corpus); outputs compared byte for byte;
- the spaCy model's ``nlp.pipe`` alone over the same clean text (target: whole pipeline <= 0.8x, issue 12);
- extract+strip+normalise against ``trafilatura.extract`` on the same HTML pages, interleaved
  page by page (target <= 1.0x);
- the quotation stage against textacy's ``direct_quotations`` (same model) on the same documents;
- ``make all`` from scratch against ``pipeline run`` on the same ``--small`` documents (target
  <= 1.1); nothing changed (target < 2 s); one document added (only it and the corpus steps
  rebuilt); ``make -j1`` against ``make -j2`` on a subset;
- a generated 30 MB text document against the same prose as ordinary documents: time per MB
  (target <= 2x) and peak RSS (target <= 1 GB) (``benchmarks/hugedoc.py``; ``--huge-only``).

Modules: ``common`` (corpus, measuring, snapshot), ``children`` (what runs in a measured child),
``runs`` (the measurements), ``report`` (the markdown), this one (the command line).

The report (markdown) goes to ``--report`` (default docs/BENCHMARKS.md for a full run), the raw
figures to ``results.json`` beside the cached corpus.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .children import CHILDREN
from .common import ROOT, Options, cache_root
from .report import render
from .runs import run_all_measurements


# ------------------------------------------------------------------------------ command line
def reproduce_command(docs: int, argv: list[str]) -> str:
    """The ``make bench`` line that reproduces this run (the bench folder is make's BENCH)."""
    rest: list[str] = []
    skip = False
    for x in argv:
        if skip:
            skip = False
        elif x in ("--bench", "--docs"):
            skip = True
        elif not x.startswith(("--bench=", "--docs=")):
            rest.append(x)
    cmd = "make bench" + (f" BENCH_DOCS={docs}" if docs != 2000 else "")
    return cmd + (f" BENCH_ARGS='{' '.join(rest)}'" if rest else "")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    p.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench", help="folder of bench pages")
    p.add_argument("--docs", type=int, default=2000, help="documents in the corpus (default: 2000)")
    p.add_argument("--small", type=int, default=None,
                   help="documents for per-stage figures, ratios, speed-ups and the memory comparison (default: docs/10)")
    p.add_argument("--make-docs", type=int, default=None, help="documents for make -j1 / -jN from scratch (default 20)")
    p.add_argument("--workers", type=int, default=2, help="workers for the parallel runs (default: 2)")
    p.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size of the spaCy baselines")
    p.add_argument("--no-ray", action="store_true", help="skip the Ray executor")
    p.add_argument("--no-make", action="store_true", help="skip the make measurements")
    p.add_argument("--huge-mb", type=float, default=30.0,
                   help="size of the generated huge text document (default 30; 0 skips it)")
    p.add_argument("--huge-only", action="store_true",
                   help="only the huge-document measurement: print its section, raw figures in huge.json")
    p.add_argument("--quick", action="store_true", help="a small run to check the harness (120 docs unless --docs "
                   "says otherwise; the report is not written to docs/ unless --report is given)")
    p.add_argument("--report", type=Path, default=None, help="markdown report (default: docs/BENCHMARKS.md)")
    p.add_argument("--render", type=Path, default=None,
                   help="write the report again from a results.json (after a change to the report's wording)")
    p.add_argument("--only", choices=["front", "make", "pipe"], default=None,
                   help="front: only extract+strip+normalise against trafilatura.extract, on the HTML pages of the "
                        "--small corpus (default 200 documents); make: only `make all` from scratch against "
                        "`pipeline run` on the --small corpus, alternating (A B B A); pipe: `pipeline run` against "
                        "the model's nlp.pipe alone over the same clean text, alternating; printed, not written "
                        "to the report")
    p.add_argument("--rounds", type=int, default=1,
                   help="with --only front: measure every page this many times, each side's fastest time counting; "
                        "with --only make or pipe: pairs of runs (at least 2)")
    p.add_argument("--decider", choices=["trafilatura", "own"], default=None,
                   help="with --only front: the HTML main-text decision measured (default: the config's strip.html.decider)")
    p.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.child:
        print(json.dumps(CHILDREN[a.child[0]](*a.child[1:])))
        return 0
    if a.render:
        res = json.loads(a.render.read_text())
        text = render(res, res.get("command") or "make bench")
        (a.report or ROOT / "docs" / "BENCHMARKS.md").write_text(text, encoding="utf-8")
        return 0
    if a.only == "front":
        return front_only(a.bench, a.small or max(1, a.docs // 10), a.rounds, a.decider or "")
    if a.only in ("make", "pipe"):   # one ratio alone, side by side: make's or nlp.pipe's
        from . import runs

        o = Options(a.bench, a.docs, a.small or max(1, a.docs // 10), 0, 1, a.batch_size, False, True, None,
                    False, 0.0)
        r = getattr(runs, f"{a.only}_ratio_only")(o, max(2, a.rounds))
        (cache_root() / f"{a.only}-ratio.json").write_text(json.dumps(r, indent=1))
        print(json.dumps(r, indent=1))
        return 0
    if a.huge_only:
        from .common import Bench, snapshot
        from .hugedoc import measure_huge, render_huge

        h = measure_huge(Bench(snapshot(cache_root() / "src")), cache_root(), a.huge_mb or 30.0)
        h["load"] = __import__("os").getloadavg()
        (cache_root() / "huge.json").write_text(json.dumps(h, indent=1))
        print("\n".join(render_huge(h)))
        return 0
    if a.quick and a.docs == 2000:  # the default: --quick means a small corpus
        a.docs = 120
    small = a.small or max(1, a.docs // 10)
    make_docs = a.make_docs or (6 if a.quick else 20)
    report = a.report or (None if a.quick else ROOT / "docs" / "BENCHMARKS.md")
    o = Options(a.bench, a.docs, small, make_docs, a.workers, a.batch_size,
                not a.no_ray, not a.no_make, report, a.quick, 0.0 if a.quick else a.huge_mb)
    if not a.bench.is_dir():
        print(f"error: {a.bench}: no such folder of bench pages", file=sys.stderr)
        return 2
    res = run_all_measurements(o)
    command = reproduce_command(a.docs, argv if argv is not None else sys.argv[1:])
    text = render(res, command)
    res["command"] = command
    results_path = cache_root() / "results.json"
    results_path.write_text(json.dumps(res, indent=1))
    if report:
        report.write_text(text, encoding="utf-8")
        print(f"report: {report}", file=sys.stderr)
    print(text)
    print(f"raw figures: {results_path}", file=sys.stderr)
    return 0


def front_only(bench: Path, docs: int, rounds: int, decider: str = "") -> int:
    """The front-end ratio alone, in this process: the same measurement as ``make bench``'s."""
    from .common import build_corpus

    if not bench.is_dir():
        print(f"error: {bench}: no such folder of bench pages", file=sys.stderr)
        return 2
    raw = build_corpus(bench, docs, cache_root())
    r = CHILDREN["front"](str(raw), "0", str(rounds), decider)
    r["ratio"] = r["ours_seconds"] / r["trafilatura_seconds"] if r["trafilatura_seconds"] else None
    print(json.dumps(r, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
