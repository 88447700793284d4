"""Executors run the same per-document function in this process, in a process pool, or as Ray tasks.

Stages know nothing of executors (the datatrove way): an executor only decides where
``process_document`` runs. Every executor yields results in document order and keeps only a
bounded window of documents in flight, so outputs and summaries do not depend on scheduling and
memory does not grow with the corpus. Workers read their inputs and write their outputs
themselves (only small ``DocResult``s travel back), so every executor writes the same bytes.
"""

from __future__ import annotations

import os
from collections import deque
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Protocol

from .errors import PipelineError
from .store import RawDoc

if TYPE_CHECKING:
    from .runner import DocResult

# Documents in flight per worker: enough to keep every worker busy, few enough to stream.
WINDOW_PER_WORKER = 4
Job = tuple[RawDoc, Path, Path, str, "str | None", "str | None"]  # doc, raw, out, config, until, start


class ExecutorError(PipelineError):
    """An executor that cannot run (Ray missing, cluster unreachable, a worker killed)."""


class Executor(Protocol):
    def map_documents(self, docs: list[RawDoc], raw_dir: Path, out_dir: Path,
                      config_path: str, until: str | None = None,
                      start: str | None = None) -> Iterator["DocResult"]: ...


@lru_cache(maxsize=4)
def _config(path: str):  # noqa: ANN202 - loaded once per worker process, not once per document
    from .config import load_config

    return load_config(path)


def load_config_once(path: str | None):  # noqa: ANN201
    """The config for a run: the same cached object its jobs get in this process (loading and
    validating it costs a quarter of a second)."""
    from .config import DEFAULT_CONFIG

    return _config(str(Path(path or DEFAULT_CONFIG).absolute()))


def _process(job: Job) -> "DocResult":
    """What every executor runs for one document (module level, so workers import it by name)."""
    from .runner import process_document

    doc, raw_dir, out_dir, config_path, until, start = job
    return process_document(doc, raw_dir, out_dir, _config(config_path), until, start)


def _jobs(docs: Iterable[RawDoc], raw_dir: Path, out_dir: Path, config_path: str,
          until: str | None, start: str | None = None) -> Iterator[Job]:
    """Absolute paths: a worker may run in another directory (or on another machine)."""
    raw, out, cfg = raw_dir.absolute(), out_dir.absolute(), str(Path(config_path).absolute())
    for d in docs:
        yield (RawDoc(d.doc_id, d.name, d.path.absolute()), raw, out, cfg, until, start)


def _ordered(jobs: Iterator[Job], submit: Any, result: Any, window: int) -> Iterator[Any]:
    """Submit jobs keeping at most ``window`` in flight; yield results in submission order."""
    pending: deque[Any] = deque()
    for job in jobs:
        pending.append((job, submit(job)))
        if len(pending) >= window:
            yield result(*pending.popleft())
    while pending:
        yield result(*pending.popleft())


class LocalExecutor:
    """One worker: documents run in this process. More: a pool of forked worker processes."""

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)

    def map_documents(self, docs: list[RawDoc], raw_dir: Path, out_dir: Path,
                      config_path: str, until: str | None = None,
                      start: str | None = None) -> Iterator["DocResult"]:
        jobs = _jobs(docs, raw_dir, out_dir, config_path, until, start)
        if self.workers == 1 or len(docs) < 2:
            for job in jobs:
                yield _process(job)
            return
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        # fork shares the imported modules; a pool that loses a worker (killed for memory)
        # raises instead of hanging, unlike multiprocessing.Pool.
        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        if method == "fork":
            # The first document here: the forked workers then inherit the loaded modules and
            # model (shared copy-on-write) instead of each loading them again.
            yield _process(next(jobs))
        pool = ProcessPoolExecutor(min(self.workers, len(docs)), mp_context=mp.get_context(method))

        def result(job: Job, fut: Any) -> "DocResult":
            try:
                return fut.result()
            except BrokenProcessPool:
                raise ExecutorError(f"{job[0].name}: a worker process died (out of memory?); "
                                    "run again with fewer --workers") from None

        try:
            yield from _ordered(jobs, lambda job: pool.submit(_process, job), result,
                                self.workers * WINDOW_PER_WORKER)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


class RayExecutor:
    """Each document is a Ray task running the same function as the local executor.

    Tasks read raw files and write outputs themselves, so on a cluster every node must see the
    same paths (a shared volume) and have this package installed. Without an address a local
    Ray instance with ``workers`` CPUs is started, and shut down at the end of the run.
    """

    def __init__(self, workers: int = 1, address: str | None = None) -> None:
        self.workers = max(1, workers)
        self.address = address or os.environ.get("RAY_ADDRESS") or None

    def _init(self) -> Any:
        try:
            import ray
        except ImportError:
            raise ExecutorError("--executor ray needs Ray: pip install 'ray[default]' "
                                "(pinned in requirements.lock)") from None
        if ray.is_initialized():
            return ray, False
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        try:
            if self.address:
                ray.init(address=self.address, log_to_driver=False, logging_level="warning")
            else:
                # A small object store: only DocResults travel through it.
                ray.init(num_cpus=self.workers, include_dashboard=False, log_to_driver=False,
                         logging_level="warning", object_store_memory=100 * 1024 * 1024)
        except Exception as exc:  # noqa: BLE001 - Ray raises many kinds; the user needs one line
            where = f"the Ray cluster at {self.address}" if self.address else "a local Ray instance"
            raise ExecutorError(f"cannot start {where}: {type(exc).__name__}: {exc}") from None
        return ray, True

    def map_documents(self, docs: list[RawDoc], raw_dir: Path, out_dir: Path,
                      config_path: str, until: str | None = None,
                      start: str | None = None) -> Iterator["DocResult"]:
        if not docs:
            return
        ray, started_here = self._init()
        try:
            task = ray.remote(num_cpus=1, max_retries=1)(_process)
            cpus = int(ray.cluster_resources().get("CPU", self.workers)) or 1
            yield from _ordered(_jobs(docs, raw_dir, out_dir, config_path, until, start), lambda job: task.remote(job),
                                lambda job, ref: self._get(ray, job, ref), cpus * WINDOW_PER_WORKER)
        finally:
            if started_here:
                ray.shutdown()

    @staticmethod
    def _get(ray: Any, job: Job, ref: Any) -> "DocResult":
        from .runner import DocResult

        try:
            return ray.get(ref)
        except ray.exceptions.RayError as exc:  # a worker killed or lost: report, go on
            doc = job[0]
            return DocResult(doc.doc_id, doc.name, False, f"ray task failed: {type(exc).__name__}", "ray")


def make_executor(name: str, workers: int = 1, address: str | None = None) -> Executor:
    if name == "local":
        if address:
            raise ExecutorError("--ray-address needs --executor ray")
        return LocalExecutor(workers)
    if name == "ray":
        return RayExecutor(workers, address)
    raise ExecutorError(f"unknown executor {name!r} (local, ray)")
