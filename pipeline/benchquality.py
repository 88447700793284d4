"""``make bench-quality``: run the pipeline on the development benchmark and print its scores.

``python -m pipeline.benchquality --bench ../shared/bench [--only wcxb-text] [--show-misses]``

Three parts, each a folder of raw files and a folder of gold files (GOLD_FORMAT.md):
``wcxb-html`` and ``wcxb-text`` (boilerplate removed / content kept; the pipeline stops after
``normalise``, which is all these metrics read) and ``quotes-dev`` (every stage). Outputs go to a
cache folder outside the project (``$XDG_CACHE_HOME/pipeline-bench``), never into the repository.
This is a report, not a test: it always exits 0 when the benchmark could be run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .errors import PipelineError


@dataclass(frozen=True)
class Part:
    name: str
    raw: str          # relative to the bench folder
    gold: str
    until: str | None  # last stage to run (None: all)


PARTS = (
    Part("wcxb-html", "wcxb-dev/raw", "wcxb-dev/gold", "normalise"),
    Part("wcxb-text", "wcxb-dev/raw_text", "wcxb-dev/gold_text", "normalise"),
    Part("quotes-dev", "quotes-dev/raw", "quotes-dev/gold", None),
)
# Reference figures of bench/README.md (held-out split; boilerplate removed / content kept).
REFERENCES = "trafilatura (HTML) 0.922/0.874, resiliparse 0.868/0.862, jusText 0.950/0.642, C4 rules (text) 0.875/0.737"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "pipeline-bench"


def run_part(part: Part, bench: Path, out: Path, workers: int, config: str | None) -> float:
    """``pipeline run`` for one part into ``out`` (emptied first); returns seconds taken."""
    from .runner import run_all

    raw = bench / part.raw
    if not raw.is_dir():
        raise PipelineError(f"{raw}: no such benchmark folder")
    if out.exists():
        shutil.rmtree(out)
    t0 = time.monotonic()
    run_all(raw, out, config, workers, until=part.until)
    return time.monotonic() - t0


def macro(ev: object, metric: str) -> float | None:
    """Mean of the per-document values (documents where the metric applies)."""
    vals = [d.scores[metric].value for d in ev.documents if d.scores[metric].value is not None]  # type: ignore[attr-defined]
    return sum(vals) / len(vals) if vals else None


def report(part: Part, ev: object, seconds: float | None, per_doc: bool, worst: int,
           targets: dict[str, float]) -> str:
    from .evaluate import METRICS, format_table

    n = len(ev.documents)  # type: ignore[attr-defined]
    head = f"== {part.name}: {n} documents" + (f", pipeline {seconds:.1f} s ({n / seconds:.1f} docs/s)" if seconds else "")
    lines = [head]
    if per_doc:
        lines.append(format_table(ev))  # type: ignore[arg-type]
        return "\n".join(lines)
    shown = [m for m in METRICS if ev.totals[m].value is not None or m in targets]  # type: ignore[attr-defined]
    width = max(len(m) for m in METRICS) + 2
    lines.append("metric".ljust(width) + "total (micro)".ljust(22) + "mean per doc".ljust(14) + "target")
    for m in shown:
        sc = ev.totals[m]  # type: ignore[attr-defined]
        mac = macro(ev, m)
        tgt = targets.get(m)
        status = ""
        if tgt is not None and sc.value is not None:
            status = f">= {tgt:.2f} " + ("ok" if sc.value >= tgt else "BELOW")
        lines.append(m.ljust(width) + sc.text().ljust(22) + ("n/a" if mac is None else f"{mac:.3f}").ljust(14) + status)
    na = [m for m in METRICS if m not in shown]
    if na:
        lines.append("n/a: " + ", ".join(na))
    if targets and worst:
        keys = list(targets)
        docs = [d for d in ev.documents if any(d.scores[k].value is not None and d.scores[k].value < 1 for k in keys)]  # type: ignore[attr-defined]
        docs.sort(key=lambda d: (sum(d.scores[k].value if d.scores[k].value is not None else 1 for k in keys), d.document))
        if docs:
            lines.append(f"worst documents ({min(worst, len(docs))} of {len(docs)} below 1.0):")
            for d in docs[:worst]:
                lines.append("  " + d.document.ljust(14) + "  ".join(f"{k} {d.scores[k].text()}" for k in keys))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.benchquality", description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=Path("../shared/bench"), help="benchmark folder")
    ap.add_argument("--only", action="append", choices=[p.name for p in PARTS],
                    help="score only this part (repeatable)")
    ap.add_argument("--out", type=Path, default=None, help=f"where outputs go (default: {cache_dir()})")
    ap.add_argument("--workers", type=int, default=2, help="documents processed in parallel (default: 2)")
    ap.add_argument("--config", default=None, help="config file (default: config/pipeline.yaml)")
    ap.add_argument("--no-run", action="store_true", help="score the outputs of the previous run again")
    ap.add_argument("--per-doc", action="store_true", help="print every document's scores")
    ap.add_argument("--worst", type=int, default=10, help="list this many worst documents (default: 10)")
    ap.add_argument("--show-misses", nargs="?", const="all", default=None, metavar="METRICS",
                    help="list misses with the nearest prediction (optionally only these comma-separated metrics)")
    ap.add_argument("--no-words", action="store_true", help="skip the word-F1 table (and its trafilatura run)")
    ap.add_argument("--json", type=Path, default=None, help="write every part's numbers to this JSON file")
    args = ap.parse_args(argv)
    try:
        return _main(args)
    except PipelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _locked(folder: Path):  # noqa: ANN202
    """An exclusive lock on the output folder: engineers share the machine and the cache, and
    one run must not delete the outputs another is scoring. Released when the file is closed."""
    import fcntl

    folder.mkdir(parents=True, exist_ok=True)
    fh = open(folder / ".lock", "w")  # noqa: SIM115 - held for the whole run
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print(f"waiting for another bench-quality run using {folder} ...", file=sys.stderr, flush=True)
        fcntl.flock(fh, fcntl.LOCK_EX)
    return fh


def _main(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_misses
    from .store import atomic_write_text, dumps

    from .config import load_config

    all_targets = load_config(args.config).section("evaluate").get("bench_targets") or {}
    out_root = args.out or cache_dir()
    lock = _locked(out_root)  # noqa: F841 - held until the process exits
    parts = [p for p in PARTS if not args.only or p.name in args.only]
    results = {}
    wcxb_dumps: dict[str, dict] = {}
    for part in parts:
        out = out_root / part.name
        seconds = None
        if not args.no_run:
            seconds = run_part(part, args.bench, out, args.workers, args.config)
        explain = args.show_misses is not None
        ev = evaluate(args.bench / part.gold, out, explain=explain)
        print(report(part, ev, seconds, args.per_doc, args.worst, all_targets.get(part.name) or {}))
        if part.name.startswith("wcxb-"):
            from .benchwords import line_scores_by_half

            print(line_scores_by_half(ev))
            wcxb_dumps[part.name] = ev.dumps
        if explain:
            metrics = None if args.show_misses == "all" else [m.strip() for m in args.show_misses.split(",")]
            print(format_misses(ev, metrics))
        print(flush=True)
        results[part.name] = ev.as_json()
    if wcxb_dumps and not args.no_words:
        from .benchwords import report as words_report

        text, js = words_report(args.bench, wcxb_dumps)
        print(text + "\n")
        results["word_f1"] = js
    print(f"reference figures (bench/README.md): {REFERENCES}")
    if args.json:
        atomic_write_text(args.json, dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
