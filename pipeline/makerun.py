"""The steps ``make all`` runs: ``pipeline plan``, then one process per step over the documents
the plan found stale (``pipeline make-stage NAME``, ``pipeline copies``, ``pipeline corpus``).

A stage runs its documents in this process, or with ``--workers N`` (default: make's ``-jN``)
in forked workers that inherit what the first document loaded (the spaCy model), as
``pipeline run`` does. One bad document is one failed document: the step goes on, records the
error beside the outputs and exits 0; the summary at the end names every failure.
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path
from typing import Any, Callable, Iterator

Job = tuple[str, Any, Path, Path, str]   # stage, RawDoc, raw dir, out dir, config path


def make_jobs(makeflags: str | None) -> int:
    """Workers from make's ``-jN`` (in ``MAKEFLAGS``); ``-j`` alone means one per CPU."""
    flags = (makeflags or "").split(" -- ")[0]
    m = re.search(r"(?:^|\s)-j(\d*)(?=\s|$)", flags)
    if not m:
        return 1
    return int(m.group(1)) if m.group(1) else (os.cpu_count() or 1)


def _one(job: Job) -> tuple[str, bool, str | None, str | None]:
    """One stage for one document: (doc id, ok, error, raw sha256)."""
    from .executors import _config
    from .runner import stage_for_document
    from .stages import stage

    name, doc, raw_dir, out_dir, config_path = job
    res = stage_for_document(stage(name), doc, raw_dir, out_dir, _config(config_path))
    return res.doc_id, res.ok, res.error, res.raw_sha256


def run_jobs(jobs: list[Job], workers: int) -> Iterator[tuple[str, bool, str | None, str | None]]:
    """Results in job order; the first job runs here, so forked workers share what it loaded."""
    if not jobs:
        return
    yield _one(jobs[0])
    if workers <= 1 or len(jobs) < 2:
        for job in jobs[1:]:
            yield _one(job)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(min(workers, len(jobs) - 1), mp_context=mp.get_context(method)) as pool:
        yield from pool.map(_one, jobs[1:], chunksize=1)


def run_stage_step(name: str, raw_dir: Path, out_dir: Path, config_path: str | None, workers: int) -> int:
    """``make <stage>``: the stage over the documents of ``.make/todo/<stage>`` whose inputs exist."""
    from .executors import load_config_once
    from .makeplan import ProvenanceCache, expected_provenance, read_todo
    from .progress import Progress
    from .runner import CORPUS_INPUTS, output_path, stage_inputs
    from .stages import stage
    from .store import list_raw

    spec = stage(name)
    config = load_config_once(config_path)
    by_id = {d.doc_id: d for d in list_raw(raw_dir)}
    ready = []
    for doc_id in read_todo(out_dir, name):
        doc = by_id.get(doc_id)
        if doc is None:
            continue
        # an input missing: an earlier stage failed for this document (its error is recorded)
        if all(n in CORPUS_INPUTS or output_path(out_dir, stage(n), doc_id).exists() for n in stage_inputs(spec)):
            ready.append(doc)
    raw, out, cfg = raw_dir.absolute(), out_dir.absolute(), str(Path(config.path).absolute())
    jobs = [(name, type(d)(d.doc_id, d.name, d.path.absolute()), raw, out, cfg) for d in ready]
    cache = ProvenanceCache(out_dir)
    want = expected_provenance(config)[name]
    with Progress(len(jobs), label=f"documents ({name})") as bar:
        for doc_id, ok, error, raw_sha in run_jobs(jobs, workers):
            if ok:
                cache.remember(f"{spec.folder}/{doc_id}.json", [raw_sha, *want])
            else:
                bar.write(f"error: {by_id[doc_id].name}: {name}: {error}")
            bar.update()
    cache.save(keep_old=True)
    return 0


def run_copies_step(raw_dir: Path, out_dir: Path, config_path: str | None) -> int:
    """``make copies``: the corpus step of copy detection; the documents whose copies changed
    join the copyright and publish lists."""
    from .config import load_config
    from .corpus_copies import update
    from .makeplan import add_todo, write_stamp
    from .store import list_raw

    config = load_config(config_path)
    ids = [d.doc_id for d in list_raw(raw_dir)]
    changed = update(out_dir, ids, config)
    from .runner import CORPUS_STEP_BEFORE
    from .stages import stages

    after = [s.name for s in stages()][[s.name for s in stages()].index(next(iter(CORPUS_STEP_BEFORE))):]
    for name in after:
        add_todo(out_dir, name, changed)
    write_stamp(out_dir, "copies", config, ids)
    return 0


def run_corpus_step(raw_dir: Path, out_dir: Path, config_path: str | None) -> int:
    """``make corpus``: corpus indexes, report and manifest (``pipeline finish`` without its summary)."""
    from .config import load_config
    from .makeplan import write_stamp
    from .runner import finish
    from .store import list_raw

    config = load_config(config_path)
    finish(raw_dir, out_dir, config)
    write_stamp(out_dir, "corpus", config, [d.doc_id for d in list_raw(raw_dir)])
    return 0


# ------------------------------------------------------------------------------ commands
def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--raw", type=Path, default=Path("raw"), help="folder of raw documents (default: raw)")
    p.add_argument("--out", type=Path, default=Path("processed"), help="output folder (default: processed)")
    p.add_argument("--config", default=None, help="config file (default: config/pipeline.yaml)")


def _plan_args(p: argparse.ArgumentParser) -> None:
    _common(p)
    p.add_argument("--pipeline", default=None, help=argparse.SUPPRESS)  # accepted for old Makefiles


def _plan_main(args: argparse.Namespace) -> int:
    from .cli import check_folders
    from .config import load_config
    from .makeplan import write_plan

    check_folders(args.raw, args.out)  # raw/ exists, out/ is no file and neither holds the other
    write_plan(args.raw, args.out, load_config(args.config))
    return 0


def _stage_args(p: argparse.ArgumentParser) -> None:
    from .stages import STAGE_MODULES

    p.add_argument("name", choices=STAGE_MODULES, help="the stage to run")
    _common(p)
    p.add_argument("--workers", type=int, default=None,
                   help="documents in parallel (default: make's -jN, else 1)")


def _stage_main(args: argparse.Namespace) -> int:
    from .errors import PipelineError

    workers = args.workers if args.workers is not None else make_jobs(os.environ.get("MAKEFLAGS"))
    if workers < 1:
        raise PipelineError(f"--workers {workers}: must be at least 1")
    return run_stage_step(args.name, args.raw, args.out, args.config, workers)


def _copies_main(args: argparse.Namespace) -> int:
    return run_copies_step(args.raw, args.out, args.config)


def _corpus_main(args: argparse.Namespace) -> int:
    return run_corpus_step(args.raw, args.out, args.config)


COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]] = {
    "plan": ("decide which documents each step of make all must rebuild (.make/todo/)", _plan_args, _plan_main),
    "make-stage": ("run one stage over the documents the plan found stale (what make all calls)",
                   _stage_args, _stage_main),
    "copies": ("corpus step: passages copied across documents (corpus/copies/)", _common, _copies_main),
    "corpus": ("corpus step: indexes, report and manifest, without the summary", _common, _corpus_main),
}
