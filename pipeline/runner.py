"""Run stages over documents: one stage for one document (what ``make`` calls), or every stage
for a whole folder (``pipeline run``). Reading and writing files happens here; the stages
themselves are pure functions of their inputs and config section.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Iterable

from . import __version__
from .config import Config
from .errors import InputError, PipelineError
from .stages import StageSpec, stage, stages
from .store import PackedRecords, RawDoc, atomic_write_bytes, atomic_write_text, dump_chunks, find_raw, list_raw, read_json, read_json_records, read_raw_bytes, sha256_bytes

SCHEMA_VERSION = 1
CACHE_FOLDER = ".cache"   # corpus-wide indexes corpus steps keep between runs (not outputs)


@dataclass
class DocContext:
    """What a stage may read: its document's raw bytes and the outputs of earlier stages (and
    of corpus steps, such as ``copies``). No corpus folder: a stage cannot read other documents."""

    doc_id: str
    name: str
    raw_bytes: bytes
    raw_sha256: str
    outputs: dict[str, dict[str, Any]] = field(default_factory=dict)
    _raw_text: str | None = None
    shaped: dict[str, str] = field(default_factory=dict)   # output -> the stage its records were cut for

    def raw_text(self) -> str:
        """The decoded raw text: the coordinate system of every record."""
        if self._raw_text is None:
            self._raw_text = self.raw_bytes.decode(self.outputs["extract"]["encoding"])
        return self._raw_text


@dataclass
class DocResult:
    doc_id: str
    name: str
    ok: bool
    error: str | None = None
    stage: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    raw_sha256: str | None = None   # of the raw bytes the stage read (make's provenance cache)


@lru_cache(maxsize=None)
def library_versions(names: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for n in names:
        try:
            out[n] = metadata.version(n)
        except metadata.PackageNotFoundError:
            out[n] = "not installed"
    return out


def output_path(out_dir: Path, spec: StageSpec, doc_id: str, suffix: str = ".json") -> Path:
    return out_dir / spec.folder / f"{doc_id}{suffix}"


def error_path(out_dir: Path, doc_id: str, stage_name: str) -> Path:
    return out_dir / "errors" / f"{doc_id}.{stage_name}.txt"


def envelope(spec: StageSpec, ctx: DocContext, config: Config, payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "schema": f"pipeline.{spec.name}/{SCHEMA_VERSION}",
        "document": {"id": ctx.doc_id, "name": ctx.name, "raw_sha256": ctx.raw_sha256},
        "provenance": {
            "stage": spec.name,
            "config_file": os.path.basename(config.path),
            "config_section": spec.name,
            "config_hash": config.section_hash(spec.name),
            "code_hash": spec.code_hash(),
            "pipeline_version": __version__,
            "libraries": library_versions(spec.libraries),
        },
        **payload,
    }


def run_stage(spec: StageSpec, ctx: DocContext, config: Config) -> dict[str, Any]:
    """Run one stage on one document in memory; returns its output (envelope and payload)."""
    payload = spec.run(ctx, config.section(spec.name))
    out = envelope(spec, ctx, config, payload)
    ctx.outputs[spec.name] = out
    return out


def write_stage_output(spec: StageSpec, out_dir: Path, doc_id: str, out: dict[str, Any]) -> Path:
    if spec.text_suffix:
        atomic_write_text(output_path(out_dir, spec, doc_id, spec.text_suffix), spec.module.render(out))
    path = output_path(out_dir, spec, doc_id)
    atomic_write_bytes(path, dump_chunks(out))  # in pieces: no second copy of a large output
    err = error_path(out_dir, doc_id, spec.name)
    if err.exists():
        err.unlink()
    return path


def record_failure(out_dir: Path, doc: RawDoc, spec: StageSpec, message: str, detail: str = "") -> None:
    """Write the error beside the outputs, and drop this and later stages' stale outputs."""
    line = one_line(f"{doc.name}: {spec.name}: {message}")
    atomic_write_text(error_path(out_dir, doc.doc_id, spec.name), f"{line}\n{detail}")
    for later in stages()[spec.number - 1:]:
        for suffix in {".json", later.text_suffix or ".json"}:
            p = output_path(out_dir, later, doc.doc_id, suffix)
            if p.exists():
                p.unlink()


def one_line(text: str) -> str:
    """A message on one line whatever the file name in it (a name may hold line breaks)."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


def max_raw_bytes(config: Config | None) -> int | None:
    """The size cap on raw files (``input.max_bytes``; None: no config, no cap)."""
    return None if config is None else int(config.section("input")["max_bytes"])


def new_context(doc: RawDoc, data: bytes) -> DocContext:
    """A document's context as the runner gives it to stages."""
    return DocContext(doc.doc_id, doc.name, data, sha256_bytes(data))


def load_context(doc: RawDoc, raw_dir: Path, out_dir: Path, needs: Iterable[str],
                 config: Config | None = None, readers: Iterable[StageSpec] | None = None) -> DocContext:
    """A document's context with the outputs ``needs`` names read back from disk (``config``:
    what the raw reader's limits come from). With ``readers`` (the stages that will run on it),
    of each output only the record lists they read are loaded (:func:`records_read`): none of
    extract when it is read only for ``ctx.raw_text`` (its encoding), not a huge document's lines."""
    ctx = new_context(doc, read_raw_bytes(doc, raw_dir, max_raw_bytes(config)))
    readers = None if readers is None else list(readers)
    for name in needs:
        if name in CORPUS_INPUTS:
            path = CORPUS_INPUTS[name](out_dir, doc.doc_id)
            if path.exists():   # absent: the corpus step has not run (a stage run by hand)
                ctx.outputs[name] = read_json(path)
            continue
        path = output_path(out_dir, stage(name), doc.doc_id)
        if not path.exists():
            raise InputError(f"{doc.name}: {name} output missing ({path}); run the earlier stages first")
        read_output(ctx, name, path, readers)
    return ctx


def read_output(ctx: DocContext, name: str, path: Path, readers: list[StageSpec] | None) -> None:
    """Output ``name`` into ``ctx``: of it the record lists ``readers`` read; when the first of
    them (the next to run) declares a ``RECORD_SHAPE`` for it (per record list, a function of the
    record), only that stage's lists, each record cut to what it reads (a huge document's quotations, about a tenth of each), marked in
    ``ctx.shaped`` so that a later reader gets the records whole (:func:`reload_shaped`)."""
    shape = readers[0].record_shape(name) if readers else None
    if shape is not None:
        readers = readers[:1]
    keys = None if readers is None else records_read(readers, name)
    ctx.shaped.pop(name, None)
    if keys is None:
        ctx.outputs[name] = read_json(path)
        return
    ctx.outputs[name] = read_json_records(path, lambda _head, key, _record, keys=keys: key in keys,
                                          None if shape is None else
                                          lambda key, record: shape[key](record) if key in shape else record, frozenset(keys))
    if shape is not None:
        ctx.shaped[name] = readers[0].name


def reload_shaped(ctx: DocContext, out_dir: Path, todo: list[StageSpec]) -> None:
    """Before ``todo[0]`` runs: read again the inputs it reads that were cut for another stage."""
    for name in stage_inputs(todo[0]):
        if ctx.shaped.get(name, todo[0].name) != todo[0].name:
            del ctx.outputs[name]
            read_output(ctx, name, output_path(out_dir, stage(name), ctx.doc_id), todo)


def implicit_inputs(specs: Iterable[StageSpec]) -> set[str]:
    """Inputs the stages read only through ``ctx.raw_text`` (extract, when none declares it)."""
    specs = list(specs)
    return {"extract"} - {n for s in specs for n in s.requires} - {s.name for s in specs}


def _copies_path(out_dir: Path, doc_id: str) -> Path:
    from .corpus_copies import copies_path

    return copies_path(out_dir, doc_id)


# Per-document outputs of corpus steps that a stage reads as an input (by name, like a stage's).
CORPUS_INPUTS = {"copies": _copies_path}
# The corpus step that must run before a stage (over every document's earlier stages).
CORPUS_STEP_BEFORE = {"copyright": "copies"}


def describe(exc: BaseException) -> str:
    if isinstance(exc, PipelineError):
        return str(exc)
    if isinstance(exc, RecursionError):
        return "input too deeply nested to process"
    if isinstance(exc, MemoryError):
        return "out of memory on this input"
    return f"internal error: {type(exc).__name__}: {exc}"


def run_one_stage(stage_name: str, doc_id: str, raw_dir: Path, out_dir: Path, config: Config) -> DocResult:
    """``pipeline stage NAME --doc ID``: one stage, one document, outputs read from disk."""
    return stage_for_document(stage(stage_name), find_raw(raw_dir, doc_id), raw_dir, out_dir, config)


def stage_for_document(spec: StageSpec, doc: RawDoc, raw_dir: Path, out_dir: Path, config: Config) -> DocResult:
    """One stage for one document, its inputs read from disk; a failure is recorded, not raised."""
    try:
        ctx = load_context(doc, raw_dir, out_dir, stage_inputs(spec), config, [spec])
        out = run_stage(spec, ctx, config)
        write_stage_output(spec, out_dir, doc.doc_id, out)
        return DocResult(doc.doc_id, doc.name, True, raw_sha256=ctx.raw_sha256)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the others
        record_failure(out_dir, doc, spec, describe(exc), traceback.format_exc())
        return DocResult(doc.doc_id, doc.name, False, describe(exc), spec.name)


LONG_DOCUMENT_S = 10.0   # a document taking longer reports each stage it finishes


def stage_done(doc: RawDoc, spec: StageSpec, began: float) -> None:
    """Progress within a long document: one line per finished stage once it has run for a while,
    so a huge document is not minutes of silence."""
    elapsed = time.monotonic() - began
    if elapsed >= LONG_DOCUMENT_S:
        from .progress import clock

        print(f"progress: {doc.name}: {spec.name} done ({spec.number} of {len(stages())} stages), "
              f"{clock(elapsed)}", file=sys.stderr, flush=True)


def release_outputs(ctx: DocContext, todo: list[StageSpec]) -> None:
    """Drop the outputs (already written) that none of the stages left in ``todo`` reads, and the
    records of those they read only through ``ctx.raw_text`` (extract's encoding): a huge
    document's earlier records are not held through the later stages."""
    needed = {n for s in todo for n in stage_inputs(s)}
    for name in [n for n in ctx.outputs if n not in needed]:
        del ctx.outputs[name]
    if len(ctx.raw_bytes) >= TRIM_ABOVE_BYTES:
        ctx._raw_text = None   # a huge text: decoded again by the next stage that reads it, not held between
    for name in list(ctx.outputs):
        keys = records_read(todo, name)
        if keys is not None:
            ctx.outputs[name] = {k: [] if isinstance(v, (list, PackedRecords)) and k not in keys else v
                                 for k, v in ctx.outputs[name].items()}


def records_read(todo: Iterable[StageSpec], name: str) -> frozenset[str] | None:
    """The record lists of output ``name`` that the stages in ``todo`` read (None: all): none of
    an output read only for ``ctx.raw_text``, else those every reader declares (``RECORDS_READ``)."""
    todo = list(todo)
    if name in implicit_inputs(todo):
        return frozenset()
    owns = [s.records_read(name) for s in todo if name in s.requires]
    if not owns or None in owns:   # a corpus step's output, or a reader that declares nothing
        return None
    return frozenset().union(*owns)


def stage_inputs(spec: StageSpec) -> list[str]:
    """Every earlier stage a stage reads, directly or through ``ctx.raw_text`` (extract), then
    the corpus-step outputs it reads (``copies`` for copyright)."""
    names = {"extract"} if spec.name != "extract" else set()
    names.update(spec.requires)
    corpus = [CORPUS_STEP_BEFORE[spec.name]] if spec.name in CORPUS_STEP_BEFORE else []
    return [s.name for s in stages() if s.name in names] + corpus


def process_document(doc: RawDoc, raw_dir: Path, out_dir: Path, config: Config,
                     until: str | None = None, start: str | None = None, in_child: bool = False) -> DocResult:
    """Every stage for one document (or those from ``start`` up to ``until``), writing each
    stage's output; stages before ``start`` are read from their outputs. In this process, or for
    a huge document each stage in a child process of its own (:mod:`.isolate`; ``in_child``: this
    is that child)."""
    todo = list(stages())
    if start is not None:
        todo = todo[stage(start).number - 1:]
    if until is not None:
        todo = todo[:stage(until).number - todo[0].number + 1]
    if not in_child:
        from .isolate import own_process, run_in_children

        if own_process(doc, raw_dir, config):
            return run_in_children(doc, raw_dir, out_dir, config, todo)
    try:
        if start is None:
            data = read_raw_bytes(doc, raw_dir, max_raw_bytes(config))
            ctx = new_context(doc, data)
        else:
            running = {s.name for s in todo}
            needs = dict.fromkeys(n for s in todo for n in stage_inputs(s) if n not in running)
            ctx = load_context(doc, raw_dir, out_dir, needs, config, todo)
    except PipelineError as exc:
        record_failure(out_dir, doc, todo[0], str(exc))
        return DocResult(doc.doc_id, doc.name, False, str(exc), todo[0].name)
    counts: dict[str, int] = {}
    began = time.monotonic()
    for i, spec in enumerate(todo):
        release_outputs(ctx, todo[i:])
        if len(ctx.raw_bytes) >= TRIM_ABOVE_BYTES:
            return_free_memory()
        try:
            reload_shaped(ctx, out_dir, todo[i:])
            out = run_stage(spec, ctx, config)
            write_stage_output(spec, out_dir, doc.doc_id, out)
        except Exception as exc:  # noqa: BLE001
            record_failure(out_dir, doc, spec, describe(exc), traceback.format_exc())
            return DocResult(doc.doc_id, doc.name, False, describe(exc), spec.name, counts)
        if not in_child:   # the parent reports it, with the child's peak memory
            stage_done(doc, spec, began)
    counts["quotations"] = len(ctx.outputs.get("quotes", {}).get("quotations", []))
    counts["flags"] = len(ctx.outputs.get("copyright", {}).get("flags", []))
    return DocResult(doc.doc_id, doc.name, True, counts=counts)


# ------------------------------------------------------------------------------ whole runs
def run_all(raw_dir: Path, out_dir: Path, config_path: str | None, workers: int = 1,
            executor: str = "local", ray_address: str | None = None, until: str | None = None) -> list[DocResult]:
    from .executors import load_config_once, make_executor
    from .store import remove_stale_temporaries

    config = load_config_once(config_path)
    docs = list_raw(raw_dir)
    start = time.monotonic()
    remove_stale_temporaries(out_dir)
    ex = make_executor(executor, workers, ray_address)
    # Per-document stages up to the corpus step of copy detection, that step over the corpus,
    # then the stages after it (read back from their inputs' outputs): what `make all` runs too.
    after = stage(next(iter(CORPUS_STEP_BEFORE)))
    first_until = until if until is not None and stage(until).number < after.number else stages()[after.number - 2].name
    results: dict[str, DocResult] = {}
    _run_phase(ex.map_documents(docs, raw_dir, out_dir, config.path, first_until), len(docs), "documents", results)
    if first_until != until:
        from .corpus_copies import update

        drop_models()
        update(out_dir, [d.doc_id for d in docs], config)
        ok = [d for d in docs if results[d.doc_id].ok]
        label = f"documents ({', '.join(s.name for s in stages()[after.number - 1:])})"
        _run_phase(ex.map_documents(ok, raw_dir, out_dir, config.path, until, after.name), len(ok), label, results)
    if until is None:
        finish(raw_dir, out_dir, config)
    else:  # later stages did not run: no corpus indexes, just the manifest
        from . import manifest

        manifest.prune_orphans(out_dir, docs)
        manifest.write(out_dir, raw_dir, docs, config)
    ordered = [results[d.doc_id] for d in docs]
    print_summary(ordered, time.monotonic() - start)
    return ordered


def drop_models() -> None:
    """Free the quotation stage's model once every document is past it: the later stages and the
    corpus steps do not read it, and a huge document's later steps need the memory."""
    import gc

    speakers = sys.modules.get(f"{__package__}.quoting.speakers")
    if speakers is not None:
        speakers.load_nlp.cache_clear()
    gc.collect()
    return_free_memory()


TRIM_ABOVE_BYTES = 1 << 20   # a document this large gives freed memory back between its stages


def return_free_memory() -> None:
    """Give the C heap's free pages back to the system (glibc's ``malloc_trim``). Freed records
    stay in the process's RSS otherwise: after a 3 MB document's quotation stage, 122 of its 328 MB
    were free but held, and the next stage's peak stood on top of them. No-op elsewhere."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):   # not glibc
        pass


def _run_phase(outcomes: Iterable[DocResult], total: int, label: str, results: dict[str, DocResult]) -> None:
    """Collect one phase's results into ``results`` under a progress display naming failures."""
    from .progress import Progress

    with Progress(total, label=label) as bar:
        for res in outcomes:
            results[res.doc_id] = res
            if not res.ok:
                bar.write(one_line(f"error: {res.name}: {res.stage}: {res.error}"))
            bar.update()


def finish(raw_dir: Path, out_dir: Path, config: Config) -> None:
    """Corpus-level outputs (cross-document indexes, report) and the manifest.

    Incremental: report pages are rewritten only for documents whose outputs changed, and file
    hashes are reused while a file's size and mtime are unchanged (``manifest.FileHashes``), so
    adding one document to a large corpus costs about one document's work plus the indexes.
    """
    from . import corpus, manifest, report, rule_stats

    docs = list_raw(raw_dir)
    manifest.prune_orphans(out_dir, docs)
    corpus.build(out_dir, docs, config)
    rule_stats.build(out_dir, docs)  # processed/rule_stats.json: how often each rule fired
    hashes = manifest.FileHashes.for_out_dir(out_dir)
    report.build(out_dir, docs, config, hashes)
    manifest.write(out_dir, raw_dir, docs, config, hashes)
    hashes.save()


def print_summary(results: list[DocResult], seconds: float) -> None:
    ok = [r for r in results if r.ok]
    failed = [r for r in results if not r.ok]
    quotes = sum(r.counts.get("quotations", 0) for r in ok)
    flags = sum(r.counts.get("flags", 0) for r in ok)
    print(f"summary: {len(results)} documents, {len(ok)} processed, {len(failed)} failed; "
          f"{quotes} quotations, {flags} copyright flags; {seconds:.1f} s", file=sys.stderr)
    for r in failed:
        print(one_line(f"  failed: {r.name} ({r.stage}): {r.error}"), file=sys.stderr)
