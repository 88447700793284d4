"""Executors run the same per-document function locally, in a process pool, or as Ray tasks.

Stages know nothing of executors (the datatrove way): an executor only decides where
``process_document`` runs. Results come back in document order, so outputs and summaries
do not depend on scheduling.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterator, Protocol

from .store import RawDoc


class Executor(Protocol):
    def map_documents(self, docs: list[RawDoc], raw_dir: Path, out_dir: Path, config_path: str) -> Iterator["DocResult"]: ...


@lru_cache(maxsize=4)
def _config(path: str):  # noqa: ANN202 - cached per worker process
    from .config import load_config

    return load_config(path)


def _process(args: tuple[RawDoc, Path, Path, str]):  # noqa: ANN202
    from .runner import process_document

    doc, raw_dir, out_dir, config_path = args
    return process_document(doc, raw_dir, out_dir, _config(config_path))


class LocalExecutor:
    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)

    def map_documents(self, docs, raw_dir, out_dir, config_path):  # noqa: ANN001, ANN201
        jobs = [(d, raw_dir, out_dir, config_path) for d in docs]
        if self.workers == 1 or len(jobs) < 2:
            for job in jobs:
                yield _process(job)
            return
        import multiprocessing as mp

        with mp.get_context("fork").Pool(self.workers, maxtasksperchild=200) as pool:
            yield from pool.imap(_process, jobs, chunksize=1)


class RayExecutor:
    """Each document is a Ray task running the same function; files are read and written by
    the task, so the workers must see the same file system (a shared volume on a cluster)."""

    def __init__(self, workers: int = 1, address: str | None = None) -> None:
        self.workers = workers
        self.address = address

    def map_documents(self, docs, raw_dir, out_dir, config_path):  # noqa: ANN001, ANN201
        import ray

        started_here = False
        if not ray.is_initialized():
            if self.address:
                ray.init(address=self.address, log_to_driver=False)
            else:
                ray.init(num_cpus=max(1, self.workers), include_dashboard=False, log_to_driver=False)
            started_here = True
        try:
            task = ray.remote(_process)
            refs = [task.remote((d, raw_dir, out_dir, config_path)) for d in docs]
            for ref in refs:
                yield ray.get(ref)
        finally:
            if started_here:
                ray.shutdown()


def make_executor(name: str, workers: int = 1, address: str | None = None) -> Executor:
    if name == "local":
        return LocalExecutor(workers)
    if name == "ray":
        return RayExecutor(workers, address)
    raise ValueError(f"unknown executor {name!r} (local, ray)")
