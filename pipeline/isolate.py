"""A huge document's stages, each in a fresh child process (``runner.own_process_bytes``).

Why: run in one process, a stage's peak stands on top of what the earlier stages left behind
(freed memory the allocator keeps, the model, fragments), so a 30 MB document peaked at the sum,
not at its largest stage. A child started with ``spawn`` holds only its own stage: it reads the
earlier stages' outputs from disk (``process_document(start=X, until=X)``, the path a second
phase already takes), writes its own, and sends back a small ``DocResult``. The parent never reads
the document. Outputs are the same bytes as in one process: the same functions write them.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import signal
import sys
import time
import traceback
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING

from .store import RawDoc, raw_refusal

if TYPE_CHECKING:
    from .config import Config
    from .runner import DocResult
    from .stages import StageSpec

INTERRUPTED = 130   # a child's exit code after Ctrl-C (the shell's 128 + SIGINT)


def own_process(doc: RawDoc, raw_dir: Path, config: "Config") -> bool:
    """Whether this document runs stage by stage in child processes: a readable raw file of at
    least ``runner.own_process_bytes`` (a refused one fails in this process, as any other)."""
    from .runner import max_raw_bytes

    if mp.current_process().daemon:   # a daemonic worker may not start processes: the document runs in it
        return False
    if raw_refusal(doc, raw_dir, max_raw_bytes(config)) is not None:
        return False
    return doc.path.stat().st_size >= int(config.section("runner")["own_process_bytes"])


def run_in_children(doc: RawDoc, raw_dir: Path, out_dir: Path, config: "Config",
                    todo: list["StageSpec"]) -> "DocResult":
    """The stages ``todo`` for one document, each in its own child process, in order; the first
    failure ends the document (recorded beside the outputs, as in one process)."""
    from .runner import DocResult

    counts: dict[str, int] = {}
    began = time.monotonic()
    for spec in todo:
        res, peak_kb = run_child(doc, raw_dir, out_dir, config, spec)
        for key, n in res.counts.items():   # each count is whole in the child that ran its stage
            counts[key] = max(counts.get(key, 0), n)
        if not res.ok:
            return DocResult(res.doc_id, res.name, False, res.error, res.stage, counts)
        child_done(doc, spec, began, peak_kb)
    return DocResult(doc.doc_id, doc.name, True, counts=counts)


def run_child(doc: RawDoc, raw_dir: Path, out_dir: Path, config: "Config",
              spec: "StageSpec") -> tuple["DocResult", int]:
    """One stage in a fresh process: its result and the child's peak RSS (KB). A child that ends
    without a result (killed, out of memory) is a failed document; Ctrl-C stops the child too."""
    from .runner import DocResult, record_failure

    ctx = mp.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    # The config goes as its path, the child loading it: what the parent writes to a starting child
    # must fit the pipe's buffer, or a child dying before it reads all of it would hang the parent.
    child = ctx.Process(target=_child_main, args=(doc, raw_dir, out_dir, config.path, spec.name, send),
                        name=f"pipeline {spec.name}", daemon=True)
    try:
        child.start()
        send.close()   # the child's end: the parent's copy would keep the pipe open after the child died
        answer = _receive(receive, child)
        child.join()
    except BaseException:   # Ctrl-C, or the parent stopped: never leave the child running
        if child.is_alive():
            child.terminate()
            child.join()
        raise
    finally:
        receive.close()
    if answer is not None:
        return answer
    if child.exitcode == INTERRUPTED:
        raise KeyboardInterrupt
    why = died(child.exitcode)
    remove_temporaries(out_dir, doc, spec)
    record_failure(out_dir, doc, spec, why)
    return DocResult(doc.doc_id, doc.name, False, why, spec.name), 0


def _receive(receive: Connection, child: mp.process.BaseProcess) -> "tuple[DocResult, int] | None":
    """The child's answer, or None once it has ended without one."""
    wait([receive, child.sentinel])
    try:
        return receive.recv() if receive.poll() else None
    except EOFError:
        return None


def died(exitcode: int | None) -> str:
    """Why a child gave no result, in words."""
    if exitcode is not None and exitcode < 0:
        try:
            sig = signal.Signals(-exitcode).name
        except ValueError:
            sig = f"signal {-exitcode}"
        hint = " (out of memory?)" if -exitcode == signal.SIGKILL else ""
        return f"the stage's own process was killed by {sig}{hint}"
    return f"the stage's own process ended without a result (exit code {exitcode}; its own message is above)"


def remove_temporaries(out_dir: Path, doc: RawDoc, spec: "StageSpec") -> None:
    """A killed child's half-written output files (``.<output name>.<random>.tmp``)."""
    from .runner import output_path
    from .store import temporaries_of

    for suffix in {".json", spec.text_suffix or ".json"}:
        for p in temporaries_of(output_path(out_dir, spec, doc.doc_id, suffix)):
            p.unlink(missing_ok=True)


def child_done(doc: RawDoc, spec: "StageSpec", began: float, peak_kb: int) -> None:
    """Progress within a long document, as in one process, with the stage's own peak memory."""
    from .runner import LONG_DOCUMENT_S
    from .stages import stages

    elapsed = time.monotonic() - began
    if elapsed >= LONG_DOCUMENT_S:
        from .progress import clock

        print(f"progress: {doc.name}: {spec.name} done ({spec.number} of {len(stages())} stages, in its own "
              f"process, peak {peak_kb / 1024:.0f} MB), {clock(elapsed)}", file=sys.stderr, flush=True)


def _child_main(doc: RawDoc, raw_dir: Path, out_dir: Path, config_path: str, name: str, send: Connection) -> None:
    """In the child: one stage of one document, earlier outputs read from disk; the result and
    this process's peak RSS go back through ``send``. Anything raised is a failed document."""
    from .executors import _config
    from .runner import DocResult, describe, process_document, record_failure
    from .stages import stage

    try:
        try:
            res = process_document(doc, raw_dir, out_dir, _config(config_path), until=name, start=name, in_child=True)
        except Exception as exc:  # noqa: BLE001 - e.g. an earlier output that cannot be read
            record_failure(out_dir, doc, stage(name), describe(exc), traceback.format_exc())
            res = DocResult(doc.doc_id, doc.name, False, describe(exc), name)
        send.send((res, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
    except KeyboardInterrupt:
        sys.exit(INTERRUPTED)
    finally:
        send.close()
