"""Command line: ``pipeline <command>`` (also ``python -m pipeline``).

Core commands live here; other modules contribute commands through a ``COMMANDS`` mapping
``{name: (help, add_arguments, main)}``. Expected failures print one line, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path
from typing import Any, Callable

from .errors import PipelineError

# Modules that contribute subcommands (imported for --help; they must import lightly).
COMMAND_MODULES = ("pipeline.evaluate", "pipeline.audit", "pipeline.report", "pipeline.makerun")


def _add_common(p: argparse.ArgumentParser, raw: bool = True, out: bool = True) -> None:
    if raw:
        p.add_argument("--raw", type=Path, default=Path("raw"), help="folder of raw documents (default: raw)")
    if out:
        p.add_argument("--out", type=Path, default=Path("processed"), help="output folder (default: processed)")
    p.add_argument("--config", default=None, help="config file (default: config/pipeline.yaml)")


# ----------------------------------------------------------------------------- run
def _run_args(p: argparse.ArgumentParser) -> None:
    _add_common(p)
    p.add_argument("--workers", type=int, default=1, help="documents processed in parallel (default: 1)")
    p.add_argument("--executor", choices=("local", "ray"), default="local",
                   help="where documents run: local processes or Ray tasks (default: local)")
    p.add_argument("--ray-address", default=None,
                   help="address of an existing Ray cluster (default: start a local Ray instance)")
    from .stages import STAGE_MODULES

    p.add_argument("--until", choices=STAGE_MODULES, default=None,
                   help="stop after this stage (e.g. normalise, to score boilerplate removal quickly); "
                   "corpus indexes are not built")


def _run_main(args: argparse.Namespace) -> int:
    from .runner import run_all

    if not args.raw.is_dir():
        raise PipelineError(f"{args.raw}: no such folder of raw documents")
    results = run_all(args.raw, args.out, args.config, args.workers, args.executor, args.ray_address,
                      until=args.until)
    return 0 if all(r.ok for r in results) else 2


# ----------------------------------------------------------------------------- stage
def _stage_args(p: argparse.ArgumentParser) -> None:
    from .stages import STAGE_MODULES

    p.add_argument("name", choices=STAGE_MODULES, help="the stage to run")
    p.add_argument("--doc", required=True, help="document id (the raw file name, made safe)")
    _add_common(p)


def _stage_main(args: argparse.Namespace) -> int:
    from .config import load_config
    from .runner import run_one_stage

    config = load_config(args.config)
    res = run_one_stage(args.name, args.doc, args.raw, args.out, config)
    if not res.ok:
        print(f"error: {res.name}: {args.name}: {res.error}", file=sys.stderr)
        return 2
    if sys.stderr.isatty() and not os.environ.get("CI"):
        print(f"  {args.name:<10} {res.name}", file=sys.stderr)
    return 0


# ----------------------------------------------------------------------------- finish / summary (plan: makerun.py)
def _finish_args(p: argparse.ArgumentParser) -> None:
    _add_common(p)


def _finish_main(args: argparse.Namespace) -> int:
    from .config import load_config
    from .runner import finish
    from .summary import print_manifest_summary

    config = load_config(args.config)
    finish(args.raw, args.out, config)
    return print_manifest_summary(args.out)


def _summary_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", type=Path, default=Path("processed"), help="output folder (default: processed)")


def _summary_main(args: argparse.Namespace) -> int:
    from .summary import print_manifest_summary

    return print_manifest_summary(args.out)


CORE: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]] = {
    "run": ("run every stage over a folder of raw documents in one process", _run_args, _run_main),
    "stage": ("run one stage on one document (by hand; make all runs make-stage)", _stage_args, _stage_main),
    "finish": ("build corpus indexes, report and manifest from the stage outputs", _finish_args, _finish_main),
    "summary": ("print the summary of a processed folder", _summary_args, _summary_main),
}


def commands() -> dict[str, tuple[str, Callable[..., Any], Callable[..., int]]]:
    out = dict(CORE)
    for mod_name in COMMAND_MODULES:
        try:
            mod = importlib.import_module(mod_name)
        except ModuleNotFoundError as exc:
            if exc.name == mod_name:
                continue
            raise
        out.update(getattr(mod, "COMMANDS", {}))
    return out


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pipeline",
        description="Provenance-aware text pipeline: raw web pages to attributed quotations, with every "
        "record traced to its raw characters.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (help_text, add_args, main_fn) in commands().items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        add_args(p)
        p.set_defaults(_main=main_fn)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args._main(args) or 0)
    except PipelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
