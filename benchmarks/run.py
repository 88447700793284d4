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
- the spaCy model's ``nlp.pipe`` alone over the same clean text (target: whole pipeline <= 1.3x);
- extract+strip+normalise against ``trafilatura.extract`` on the same HTML pages, interleaved
  page by page (target <= 1.0x);
- the quotation stage against textacy's ``direct_quotations`` (same model) on the same documents;
- ``make all``: nothing changed (target < 2 s), one document added, and ``make -j1`` against
  ``make -j2`` on a subset (every stage of every document is its own process under make).

The report (markdown) goes to ``--report`` (default docs/BENCHMARKS.md for a full run), the raw
figures to ``results.json`` beside the cached corpus.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
PIPELINE = str(Path(sys.executable).parent / "pipeline")
STAGE_NAMES = ("extract", "strip", "normalise", "quotes", "copyright", "publish")
CHILD_TIMEOUT_S = 4 * 3600


# ------------------------------------------------------------------------------ corpus
def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME")
    return Path(base) / "pipeline-bench" if base else Path("/tmp/pipeline-bench")


LARGEST_FIRST = 3


def bench_sources(bench: Path) -> list[Path]:
    """The bench pages: HTML as crawled, the same pages as plain-text dumps, the quotation pages."""
    groups = [sorted((bench / "wcxb-dev" / "raw").glob("*.html")),
              sorted((bench / "wcxb-dev" / "raw_text").glob("*.txt")),
              sorted((bench / "quotes-dev" / "raw").glob("*.txt"))]
    # Each group's largest pages first, then the groups interleaved: any prefix of the corpus mixes
    # HTML and text and holds the worst cases, so that comparing the peak memory of two prefixes
    # measures the number of documents, not the size of the largest page.
    groups = [sorted(g, key=lambda p: -p.stat().st_size)[:LARGEST_FIRST] +
              [p for p in g if p not in sorted(g, key=lambda p: -p.stat().st_size)[:LARGEST_FIRST]] for g in groups]
    out: list[Path] = []
    for i in range(max(map(len, groups), default=0)):
        out.extend(g[i] for g in groups if i < len(g))
    if not out:
        sys.exit(f"error: {bench}: no bench pages (expected wcxb-dev/raw/*.html, wcxb-dev/raw_text/*.txt)")
    return out


def build_corpus(bench: Path, n: int, root: Path) -> Path:
    """``n`` documents, the bench pages replicated round-robin; rebuilt only if missing or different."""
    sources = bench_sources(bench)
    raw = root / f"corpus-{n}" / "raw"
    names = [f"{i:05d}_{sources[i % len(sources)].parent.parent.name}_{sources[i % len(sources)].name}"
             for i in range(n)]
    stamp = raw.parent / "corpus.json"
    want = {"bench": str(bench.resolve()), "names": names}
    if stamp.exists() and json.loads(stamp.read_text()) == want and sorted(p.name for p in raw.iterdir()) == names:
        return raw
    shutil.rmtree(raw.parent, ignore_errors=True)
    raw.mkdir(parents=True)
    for i, name in enumerate(names):
        src = sources[i % len(sources)]
        try:
            os.link(src, raw / name)  # no copy of third-party pages, and no disk
        except OSError:
            shutil.copyfile(src, raw / name)
    stamp.write_text(json.dumps(want))
    return raw


def corpus_bytes(raw: Path) -> int:
    return sum(p.stat().st_size for p in raw.iterdir())


# ------------------------------------------------------------------------------ measuring
@dataclass
class Run:
    """One measured subprocess: wall time, peak RSS of its process tree, its JSON answer."""

    label: str
    seconds: float
    peak_rss_mb: float
    returncode: int
    answer: dict[str, Any] = field(default_factory=dict)
    stderr_tail: str = ""


def measure(label: str, argv: list[str], cwd: Path = ROOT, env: dict[str, str] | None = None,
            timeout: float = CHILD_TIMEOUT_S) -> Run:
    """Run ``argv`` and return its wall time and peak RSS (``wait4`` gives this child's own rusage)."""
    import signal
    import tempfile

    print(f"  {label} ...", file=sys.stderr, flush=True)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=err, start_new_session=True,
                                env={**os.environ, "RAY_USAGE_STATS_ENABLED": "0", **(env or {})})
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    answer: dict[str, Any] = {}
    for line in reversed(stdout.splitlines()):
        if line.startswith("{"):
            answer = json.loads(line)
            break
    run = Run(label, seconds, usage.ru_maxrss / 1024, proc.returncode, answer, stderr[-1500:])
    note = "" if proc.returncode == 0 else f"  (exit {proc.returncode}: {stderr.strip().splitlines()[-1:]})"
    print(f"    {seconds:8.2f} s  {run.peak_rss_mb:7.0f} MB{note}", file=sys.stderr, flush=True)
    return run


def tree_digest(root: Path) -> str:
    """One hash of every output file (names and bytes), to compare executors' outputs."""
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file() and not any(x.startswith(".") for x in p.relative_to(root).parts):  # caches, make files
            h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


# ------------------------------------------------------------------------------ children
# Each child prints one JSON line with its own timings; the parent adds wall time and RSS.

def _docs_and_config(raw: str) -> tuple[list[Any], Any]:
    from pipeline.config import load_config
    from pipeline.store import list_raw

    return list_raw(Path(raw)), load_config(None)


def child_stage(raw: str, out: str, stage_name: str) -> dict[str, Any]:
    """One stage alone over every document; earlier outputs are read from disk, untimed."""
    from pipeline.runner import stage_inputs, load_context, run_stage
    from pipeline.stages import stage

    docs, config = _docs_and_config(raw)
    spec = stage(stage_name)
    seconds, nbytes, first, first_bytes = 0.0, 0, None, 0
    for doc in docs:
        ctx = load_context(doc, Path(raw), Path(out), stage_inputs(spec))
        t0 = time.perf_counter()
        run_stage(spec, ctx, config)
        dt = time.perf_counter() - t0
        if first is None:  # imports, model load: reported apart
            first, first_bytes = dt, len(ctx.raw_bytes)
        seconds += dt
        nbytes += len(ctx.raw_bytes)
    return {"docs": len(docs), "bytes": nbytes, "seconds": seconds, "first_doc_seconds": first,
            "first_doc_bytes": first_bytes}


def _nlp(config: Any) -> Any:
    """The model as shipped (``spacy.load`` with its default pipes, the lemmatizer included): the
    baseline a user would run. The quotation stage loads its own copy (it leaves the lemmatizer
    out and computes the few lemmas it reads on demand), so the two do not share a model."""
    import spacy

    return spacy.load(config.section("quotes").get("model") or "en_core_web_sm")


def _clean_texts(docs: list[Any], out: str) -> list[str]:
    from pipeline.store import read_json

    return [read_json(Path(out) / "03_normalise" / f"{d.doc_id}.json")["text"] for d in docs]


def child_front_vs_trafilatura(raw: str, limit: str) -> dict[str, Any]:
    """extract+strip+normalise against trafilatura.extract on the same HTML pages, page by page."""
    import trafilatura

    from pipeline.runner import DocContext, run_stage
    from pipeline.stages import stage
    from pipeline.store import read_raw_bytes, sha256_bytes

    docs, config = _docs_and_config(raw)
    html = [d for d in docs if d.name.endswith((".html", ".htm"))][: int(limit) or None]
    specs = [stage(n) for n in ("extract", "strip", "normalise")]
    ours, theirs, per_doc, nbytes = 0.0, 0.0, [], 0
    by_stage = {s.name: 0.0 for s in specs}
    inner = [0.0]  # trafilatura as called by the strip stage itself, if it does
    try:
        from pipeline.stages import strip_html

        wrapped = strip_html.trafilatura_text

        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return wrapped(*args, **kwargs)
            finally:
                inner[0] += time.perf_counter() - t0

        strip_html.trafilatura_text = timed
    except (ImportError, AttributeError):
        pass
    for i, doc in enumerate(html):
        data = read_raw_bytes(doc, Path(raw))
        nbytes += len(data)
        # Alternate which goes first, so that neither always finds the page in a warm cache.
        order = (0, 1) if i % 2 == 0 else (1, 0)
        t = [0.0, 0.0]
        for who in order:
            t0 = time.perf_counter()
            if who == 0:
                ctx = DocContext(doc.doc_id, doc.name, data, sha256_bytes(data))
                inner_before = inner[0]
                for spec in specs:
                    t1 = time.perf_counter()
                    run_stage(spec, ctx, config)
                    if i:
                        by_stage[spec.name] += time.perf_counter() - t1
                if not i:
                    inner[0] = inner_before
            else:
                trafilatura.extract(data)
            t[who] = time.perf_counter() - t0
        if i == 0:  # first page: imports and caches on both sides; not counted
            continue
        ours += t[0]
        theirs += t[1]
        per_doc.append(t[0] / t[1] if t[1] else float("nan"))
    return {"docs": max(0, len(html) - 1), "bytes": nbytes, "ours_seconds": ours, "trafilatura_seconds": theirs,
            "median_page_ratio": statistics.median(per_doc) if per_doc else None, "by_stage": by_stage,
            "trafilatura_inside_strip_seconds": inner[0]}


def child_spacy(raw: str, out: str, batch_size: str) -> dict[str, Any]:
    """The quotation stage, ``nlp.pipe`` alone and textacy's ``direct_quotations``, side by side.

    Documents go in groups of ``batch_size``: our stage on each document of the group (as the
    pipeline calls it), then the same model's ``nlp.pipe`` over the group's clean texts, then
    ``direct_quotations`` on the parses. The model is the quotation stage's (its loader is cached,
    so all three share one model); stage inputs are read from disk untimed.
    """
    from textacy.extract import direct_quotations

    from pipeline.runner import stage_inputs, load_context, run_stage
    from pipeline.stages import stage

    docs, config = _docs_and_config(raw)
    spec = stage("quotes")
    needs = stage_inputs(spec)
    t0 = time.perf_counter()
    nlp = _nlp(config)
    load = time.perf_counter() - t0
    ours = parse = dq = 0.0
    found = theirs_found = tokens = chars = nbytes = bailed = 0
    b = int(batch_size)
    for g in range(0, len(docs), b):
        texts = []
        for doc in docs[g:g + b]:
            ctx = load_context(doc, Path(raw), Path(out), needs)
            nbytes += len(ctx.raw_bytes)
            texts.append(ctx.outputs["normalise"]["text"])
            t0 = time.perf_counter()
            res = run_stage(spec, ctx, config)
            ours += time.perf_counter() - t0
            found += len(res.get("quotations", []))
        chars += sum(map(len, texts))
        t0 = time.perf_counter()
        parsed = list(nlp.pipe(texts, batch_size=b))
        t1 = time.perf_counter()
        for d in parsed:
            try:
                theirs_found += sum(1 for _ in direct_quotations(d))
            except ValueError:  # textacy gives up on unbalanced quotation marks
                bailed += 1
            tokens += len(d)
        parse += t1 - t0
        dq += time.perf_counter() - t1
    return {"docs": len(docs), "bytes": nbytes, "chars": chars, "tokens": tokens, "load_seconds": load,
            "quotes_seconds": ours, "pipe_seconds": parse, "direct_quotations_seconds": dq,
            "ours_quotations": found, "textacy_quotations": theirs_found, "textacy_gave_up": bailed,
            "pipeline": list(nlp.pipe_names)}


CHILDREN: dict[str, Callable[..., dict[str, Any]]] = {
    "stage": child_stage, "spacy": child_spacy, "front": child_front_vs_trafilatura,
}


# ------------------------------------------------------------------------------ the run
@dataclass
class Options:
    bench: Path
    docs: int            # the big corpus: memory and incremental make
    small: int           # the small corpus: memory comparison, per stage, ratios, speed-ups
    make_docs: int       # make -j1 / -jN from scratch
    workers: int
    batch_size: int
    ray: bool
    make: bool
    report: Path | None
    quick: bool


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        mem_gb = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError):
        pass
    from importlib import metadata

    libs = {}
    for n in ("spacy", "trafilatura", "textacy", "ray"):
        try:
            libs[n] = metadata.version(n)
        except metadata.PackageNotFoundError:
            libs[n] = "not installed"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = bool(subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                                capture_output=True, text=True).stdout.strip())
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": mem_gb, "os": platform.platform(),
            "python": platform.python_version(), "libraries": libs,
            "commit": commit + (" (with uncommitted changes)" if dirty else ""), "load_start": os.getloadavg()}


SNAPSHOT_FILES = ("Makefile", "pyproject.toml", "requirements.lock", "requirements-model.txt")
SNAPSHOT_DIRS = ("pipeline", "config", "benchmarks")


def snapshot(dest: Path) -> Path:
    """A copy of the code and config as they are now, so that edits made while the benchmark runs
    (or make's stamps changing under it) do not mix two versions into one set of figures. Times of
    modification are kept, so make finds its set-up target up to date."""
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    installed = ROOT / ".venv" / ".installed"
    for name in SNAPSHOT_FILES:
        shutil.copy2(ROOT / name, dest / name)
        # The snapshot shares the set-up venv: make must not set it up again for it.
        if installed.exists() and (dest / name).stat().st_mtime > installed.stat().st_mtime:
            t = installed.stat().st_mtime - 1
            os.utime(dest / name, (t, t))
    for name in SNAPSHOT_DIRS:
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    (dest / ".venv").symlink_to(ROOT / ".venv")
    # Bytecode written once, as an installed package has it (even where PYTHONDONTWRITEBYTECODE is
    # set): otherwise every `pipeline` process under make would compile the package again.
    import compileall

    for name in ("pipeline", "benchmarks"):
        compileall.compile_dir(dest / name, quiet=1)
    return dest


class Bench:
    """Runs measurements against a code snapshot: children import ``pipeline`` from it."""

    def __init__(self, src: Path) -> None:
        self.src = src
        self.env = {"PYTHONPATH": str(src)}

    def measure(self, label: str, argv: list[str], timeout: float = CHILD_TIMEOUT_S) -> Run:
        return measure(label, argv, cwd=self.src, env=self.env, timeout=timeout)

    def pipeline(self, *args: str, check: bool = True) -> None:
        subprocess.run([PIPELINE, *args], cwd=self.src, env={**os.environ, **self.env}, check=check,
                       capture_output=True)

    def run(self, label: str, raw: Path, out: Path, *extra: str, plan: bool = False) -> Run:
        shutil.rmtree(out, ignore_errors=True)
        if plan:  # make's stamps first, so that make finds the outputs newer than them
            self.pipeline("plan", "--raw", str(raw), "--out", str(out), "--pipeline", str(self.src / ".venv/bin/pipeline"))
        return self.measure(label, [PIPELINE, "run", "--raw", str(raw), "--out", str(out), *extra])

    def make_all(self, label: str, raw: Path, out: Path, jobs: int = 1, timeout: float = CHILD_TIMEOUT_S) -> Run:
        return self.measure(label, ["make", "--no-print-directory", f"-j{jobs}", "all", f"RAW={raw}", f"OUT={out}"],
                            timeout)

    def child(self, label: str, name: str, *args: str) -> Run:
        return self.measure(label, [PY, "-m", "benchmarks.run", "--child", name, *args])


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
    runs["small_wN"] = b.run(f"pipeline run, {o.small} docs, {w} workers", small, work / "small-wN" / "processed",
                             "--workers", str(w))
    res["identical"] = {f"--workers {w}": tree_digest(work / "small-wN" / "processed") == tree_digest(out1)}
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
        runs["big_wN"] = b.run(f"pipeline run, {o.docs} docs, {w} workers", big, outb, "--workers", str(w),
                               plan=True)
        res["longest_paragraph"]["big"] = longest_paragraph(outb)
        _forget_report(outb)
        runs["finish_big"] = b.measure(f"pipeline finish, {o.docs} docs",
                                       [PIPELINE, "finish", "--raw", str(big), "--out", str(outb)])
        if o.make:
            res["make"] = make_measurements(o, b, big, outb, work, runs)
    res["runs"] = {k: asdict(v) for k, v in runs.items()}
    res["machine"]["load_end"] = os.getloadavg()
    return res


MAKE_TIMEOUT_S = 600


def make_measurements(o: Options, b: Bench, big: Path, outb: Path, work: Path, runs: dict[str, Run]) -> dict[str, Any]:
    """No-change rerun and add-one rerun on the big corpus; -j1 against -jN on a subset."""
    info: dict[str, Any] = {}
    t_before = time.time()
    runs["make_nochange"] = b.make_all(f"make all, nothing changed, {o.docs} docs", big, outb, timeout=MAKE_TIMEOUT_S)
    info["nochange_rebuilt"] = _newer_than(outb, t_before)
    runs["make_nochange_2"] = b.make_all(f"make all, nothing changed, {o.docs} docs (again)", big, outb, timeout=MAKE_TIMEOUT_S)
    src = bench_sources(o.bench)[0]
    added = big / f"zz_added_{src.name}"
    shutil.copyfile(src, added)
    try:
        t_before = time.time()
        runs["make_add_one"] = b.make_all(f"make all, one document added to {o.docs}", big, outb, timeout=MAKE_TIMEOUT_S)
        info["add_one_rebuilt"] = _newer_than(outb, t_before)
    finally:
        added.unlink()
        b.pipeline("finish", "--raw", str(big), "--out", str(outb), check=False)
    sub = build_corpus(o.bench, o.make_docs, cache_root())
    for jobs in (1, o.workers):
        out = work / f"make-j{jobs}" / "processed"
        shutil.rmtree(out, ignore_errors=True)
        runs[f"make_full_j{jobs}"] = b.make_all(f"make -j{jobs} all, {o.make_docs} docs from scratch", sub, out, jobs)
    info["make_identical"] = tree_digest(work / "make-j1" / "processed") == tree_digest(work / f"make-j{o.workers}" / "processed")
    return info


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


# ------------------------------------------------------------------------------ report
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
                   "in flight, and only a one-line result per document is kept; the copyright stage's corpus index "
                   "is on disk. With workers the figure is the largest single process, a worker holding the spaCy "
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
                   f"{w1.seconds / nlp_t:.2f} | <= 1.3 | {_met(w1.seconds / nlp_t, 1.3)} |")
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
                   f"{others:.1f} s (copyright includes building the corpus shingle index), corpus indexes, "
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
                     f"(`pipeline/stages/strip_html.py`, `trafilatura_text`, to decide main text): {inner:.1f} s of "
                     f"the strip time, so our front end always contains one trafilatura call per page; without "
                     f"that call the ratio would be {(fr['ours_seconds'] - inner) / fr['trafilatura_seconds']:.2f}.")
        out.append(line)

    if "make" in res:
        mk = res["make"]
        md = int(o["make_docs"])
        out += ["", "## Incremental and parallel `make`", "",
                f"On the {n}-document corpus, outputs produced by `pipeline run --workers {w}` after `pipeline plan` "
                "had written make's stamps (so that every output is newer than its inputs):", "",
                "| run | time (s) | target | what was rebuilt |", "|---|---:|---:|---|",
                f"| `make all`, nothing changed | {r['make_nochange'].seconds:.2f} | < 2 s: "
                f"{_met(r['make_nochange'].seconds, 2)} | {_rebuilt(mk['nochange_rebuilt'])} |",
                f"| the same, again | {r['make_nochange_2'].seconds:.2f} | < 2 s: "
                f"{_met(r['make_nochange_2'].seconds, 2)} | |",
                f"| `make all`, one raw document added | {r['make_add_one'].seconds:.2f} | | "
                f"{_rebuilt(mk['add_one_rebuilt'])} |", "",
                f"`make` from scratch on {md} documents (every stage of every document is its own process, "
                "so the model loads once per document):", "",
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
    p.add_argument("--quick", action="store_true", help="a small run to check the harness (120 docs unless --docs "
                   "says otherwise; the report is not written to docs/ unless --report is given)")
    p.add_argument("--report", type=Path, default=None, help="markdown report (default: docs/BENCHMARKS.md)")
    p.add_argument("--render", type=Path, default=None,
                   help="write the report again from a results.json (after a change to the report's wording)")
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
    if a.quick and a.docs == 2000:  # the default: --quick means a small corpus
        a.docs = 120
    small = a.small or max(1, a.docs // 10)
    make_docs = a.make_docs or (6 if a.quick else 20)
    report = a.report or (None if a.quick else ROOT / "docs" / "BENCHMARKS.md")
    o = Options(a.bench, a.docs, small, make_docs, a.workers, a.batch_size,
                not a.no_ray, not a.no_make, report, a.quick)
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


if __name__ == "__main__":
    sys.exit(main())
