"""What every part of ``make bench`` shares: the corpus, measuring a subprocess, the machine,
the code snapshot the measurements run against."""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    cpu_seconds: float = 0.0   # user + system time of the process tree: steadier than wall time on a shared machine


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
    run = Run(label, seconds, usage.ru_maxrss / 1024, proc.returncode, answer, stderr[-1500:],
              usage.ru_utime + usage.ru_stime)
    note = "" if proc.returncode == 0 else f"  (exit {proc.returncode}: {stderr.strip().splitlines()[-1:]})"
    print(f"    {seconds:8.2f} s  {run.peak_rss_mb:7.0f} MB  {run.cpu_seconds:8.2f} s CPU{note}", file=sys.stderr, flush=True)
    return run


def tree_digest(root: Path) -> str:
    """One hash of every output file (names and bytes), to compare executors' outputs."""
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file() and not any(x.startswith(".") for x in p.relative_to(root).parts):  # caches, make files
            h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


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
    huge_mb: float = 30.0   # the generated huge document (0: not measured)


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

    def run(self, label: str, raw: Path, out: Path, *extra: str) -> Run:
        shutil.rmtree(out, ignore_errors=True)
        return self.measure(label, [PIPELINE, "run", "--raw", str(raw), "--out", str(out), *extra])

    def make_all(self, label: str, raw: Path, out: Path, jobs: int = 1, timeout: float = CHILD_TIMEOUT_S,
                 scratch: bool = False) -> Run:
        if scratch:
            shutil.rmtree(out, ignore_errors=True)
        return self.measure(label, ["make", "--no-print-directory", f"-j{jobs}", "all", f"RAW={raw}", f"OUT={out}"],
                            timeout)

    def child(self, label: str, name: str, *args: str) -> Run:
        return self.measure(label, [PY, "-m", "benchmarks.run", "--child", name, *args])
