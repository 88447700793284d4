"""``pipeline evaluate``: score processed documents against gold files (../shared/GOLD_FORMAT.md).

The scorer reads only the *prediction dump* of each document (the format at the end of
GOLD_FORMAT.md), built here from the stage records, so that what is scored is exactly what
``--dump-predictions`` writes and any other scorer can check the numbers. Every metric is a
count ``found/total``; totals add the counts of all documents (micro average). A metric is
``n/a`` (never 0, never 1) when it cannot be measured: see ``docs/EVALUATION.md``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .normal import contains_words, normalise, occurs
from .records import GoldDoc, build_dump, load_gold, read_stage
from .run import Evaluation, evaluate, format_misses, format_table, score_corpus_links, write_dumps
from .scoring import DOC_METRICS, LOWER_IS_BETTER, METRICS, STAGE_FOLDERS, DocScore, Miss, Score, score_dump

__all__ = ["DOC_METRICS", "LOWER_IS_BETTER", "METRICS", "STAGE_FOLDERS", "DocScore", "Evaluation", "GoldDoc", "Miss",
           "Score", "build_dump", "contains_words", "evaluate", "format_misses", "format_table", "load_gold",
           "normalise", "occurs", "read_stage", "score_corpus_links", "score_dump", "write_dumps"]


# --------------------------------------------------------------------------- command
def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gold", type=Path, default=Path("tests/gold"), help="folder of gold files (default: tests/gold)")
    p.add_argument("--processed", type=Path, default=Path("processed"),
                   help="output folder of `pipeline run` (default: processed)")
    p.add_argument("--json", type=Path, default=None, help="also write the numbers to this JSON file")
    p.add_argument("--dump-predictions", type=Path, default=None, metavar="DIR",
                   help="write each document's prediction dump (GOLD_FORMAT.md) to DIR/<raw name>.json")
    p.add_argument("--show-misses", nargs="?", const="all", default=None, metavar="METRICS",
                   help="list each miss with the nearest prediction (optionally only these comma-separated metrics)")


def main(args: argparse.Namespace) -> int:
    explain = args.show_misses is not None
    ev = evaluate(args.gold, args.processed, explain=explain)
    print(format_table(ev))
    if explain:
        metrics = None if args.show_misses == "all" else [m.strip() for m in args.show_misses.split(",")]
        print()
        print(format_misses(ev, metrics))
    if args.json:
        from ..store import atomic_write_text, dumps

        atomic_write_text(args.json, dumps(ev.as_json()))
    if args.dump_predictions:
        write_dumps(ev, args.dump_predictions)
    if not ev.documents:
        print(f"error: no gold document of {args.gold} was processed in {args.processed}", file=sys.stderr)
        return 2
    return 0


COMMANDS = {
    "evaluate": ("score processed documents against gold files (GOLD_FORMAT.md)", add_arguments, main),
}

