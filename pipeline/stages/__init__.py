"""The stage registry: stages registered by name, in order, each with its config schema.

A stage module defines ``NAME``, ``REQUIRES`` (names of earlier stages whose outputs it
reads), ``CONFIG_SCHEMA`` (JSON Schema of its config section), ``LIBRARIES`` (distributions
whose versions go into its outputs), optional ``CODE_DEPS`` (other modules of this package
whose code it depends on) and ``run(ctx, cfg) -> dict``: a pure function of the document
context (raw bytes, earlier stages' outputs) and its config section.
A stage that also renders a text output defines ``TEXT_SUFFIX`` and ``render(payload) -> str``.
Optional ``RECORDS_READ = {stage: (list keys)}``: of those inputs, the only record lists ``run``
reads (the others are neither loaded nor held for it: a huge document's records).
"""

from __future__ import annotations

import hashlib
import importlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

from .. import __version__

STAGE_MODULES = ("extract", "strip", "normalise", "quotes", "copyright", "publish")
# Sections of the config file that belong to no per-document stage.
OTHER_SECTIONS: dict[str, dict[str, Any]] = {
    "site_specific": {
        "type": "object",
        "description": "Patterns particular to one site, kept apart from the generic rules.",
    },
    "input": {
        "type": "object",
        "description": "How raw files are read (every stage and index reads them through store.read_raw_bytes).",
        "properties": {"max_bytes": {"type": "integer", "minimum": 1,
                                     "description": "a larger raw file is one failed document, never read"}},
        "required": ["max_bytes"],
        "additionalProperties": False,
    },
    "runner": {
        "type": "object",
        "description": "How documents are run (pipeline run): in this process, or a huge one stage by stage in fresh processes.",
        "properties": {"own_process_bytes": {
            "type": "integer", "minimum": 1,
            "description": "a raw file this large or larger runs each stage in a fresh child process, its peak memory "
                           "one stage's rather than that stage's on top of what the earlier ones left behind"}},
        "required": ["own_process_bytes"],
        "additionalProperties": False,
    },
    "corpus": {
        "type": "object",
        "description": "The corpus step: links between documents and the speaker index.",
        "properties": {
            "min_shared_words": {"type": "integer", "minimum": 1,
                                 "description": "quotations sharing this many consecutive words are one passage"},
            "surname_merge": {"type": "boolean",
                              "description": "a bare surname joins the one full name of the corpus that ends with it"},
        },
        "required": ["min_shared_words", "surname_merge"],
        "additionalProperties": False,
    },
    "report": {"type": "object"},
    "evaluate": {"type": "object"},
}
PACKAGE_DIR = Path(__file__).resolve().parent.parent
CORE_MODULES = ("mapped_text.py", "records.py", "store.py", "config.py", "errors.py", "stages/__init__.py",
                *(f"text/{m}.py" for m in ("__init__", "words", "sentences", "dates", "names", "marks")))  # the text toolkit


@dataclass(frozen=True)
class StageSpec:
    name: str
    number: int
    module: ModuleType

    @property
    def folder(self) -> str:
        return f"{self.number:02d}_{self.name}"

    @property
    def requires(self) -> tuple[str, ...]:
        return tuple(getattr(self.module, "REQUIRES", ()))

    def records_read(self, name: str) -> frozenset[str] | None:
        """The record lists of input ``name`` this stage reads (None: all of them)."""
        keys = getattr(self.module, "RECORDS_READ", {}).get(name)
        return None if keys is None else frozenset(keys)

    def record_shape(self, name: str) -> Any:
        """What this stage keeps of each record of input ``name``: per record list, a function of the
        record (``RECORD_SHAPE``; None: all of it)."""
        return getattr(self.module, "RECORD_SHAPE", {}).get(name)

    @property
    def libraries(self) -> tuple[str, ...]:
        return tuple(getattr(self.module, "LIBRARIES", ()))

    @property
    def text_suffix(self) -> str | None:
        return getattr(self.module, "TEXT_SUFFIX", None)

    def run(self, ctx: Any, cfg: dict[str, Any]) -> dict[str, Any]:
        return self.module.run(ctx, cfg)

    def code_hash(self) -> str:
        return code_hash(self.name)


@lru_cache(maxsize=None)
def stages() -> tuple[StageSpec, ...]:
    out = []
    for i, name in enumerate(STAGE_MODULES, start=1):
        out.append(StageSpec(name, i, importlib.import_module(f"{__name__}.{name}")))
    return tuple(out)


def stage(name: str) -> StageSpec:
    for spec in stages():
        if spec.name == name:
            return spec
    raise KeyError(name)


@lru_cache(maxsize=None)
def code_hash(name: str) -> str:
    """Hash of the source a stage's output depends on: its module, its helpers, the core.

    Read from files (not imported) so that ``make`` can decide what to rebuild cheaply.
    """
    files = [*_stage_files(name), *CORE_MODULES, *_code_deps(name)]
    h = hashlib.sha256(__version__.encode())
    for rel in sorted(set(files)):
        path = PACKAGE_DIR / rel
        if path.exists():
            h.update(rel.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _stage_files(name: str) -> list[str]:
    """The stage's own source: its module, or every module of its package (stages/<name>/)."""
    folder = PACKAGE_DIR / "stages" / name
    if folder.is_dir():
        return sorted(f"stages/{name}/{p.relative_to(folder).as_posix()}" for p in folder.rglob("*.py"))
    return [f"stages/{name}.py"]


def _code_deps(name: str) -> tuple[str, ...]:
    """``CODE_DEPS = (...)`` read from the module's source without importing it."""
    import ast

    path = PACKAGE_DIR / "stages" / f"{name}.py"
    if not path.exists():
        path = PACKAGE_DIR / "stages" / name / "__init__.py"
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError):
        return ()
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "CODE_DEPS" for t in node.targets):
            try:
                return tuple(ast.literal_eval(node.value))
            except ValueError:
                return ()
    return ()


def config_schema() -> dict[str, Any]:
    """The JSON Schema of the whole config file: one section per stage, nothing unknown."""
    props: dict[str, Any] = dict(OTHER_SECTIONS)
    for spec in stages():
        props[spec.name] = _every_key_required(getattr(spec.module, "CONFIG_SCHEMA", {"type": "object"}))
    required = [*STAGE_MODULES, "input", "runner"]
    return {"type": "object", "properties": props, "required": required, "additionalProperties": False}


def _every_key_required(schema: dict[str, Any]) -> dict[str, Any]:
    """A stage's defaults live in the config file, not in code: a section that names no
    ``required`` keys (nested sections too) needs every key it defines (except those the schema gives a default),
    so a partial section is an error naming what is missing, not a KeyError mid-run."""
    if not schema.get("properties"):
        return schema
    props = {k: _every_key_required(v) if isinstance(v, dict) and v.get("type") == "object" else v
             for k, v in schema["properties"].items()}  # nested sections too: a missing key is named at load
    if "required" in schema:
        return {**schema, "properties": props}
    needed = [k for k, v in props.items() if not (isinstance(v, dict) and "default" in v)]
    return {**schema, "properties": props, **({"required": needed} if needed else {})}
