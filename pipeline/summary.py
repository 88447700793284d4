"""The closing summary of a run, read from ``manifest.json`` (what ``make all`` prints).

The same counts ``pipeline run`` gives: documents, processed, failed, quotations and copyright
flags, then one line per failed document naming it and the reason. Printed once per call.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .store import read_json

REPORT_STAMP = ".report-pages.json"  # the report's per-document index rows (report.STAMP)


def _counts(out_dir: Path, ids: set[str]) -> tuple[int, int] | None:
    """Quotations and flags of the documents in ``ids``, from the report's index rows."""
    try:
        rows = json.loads((out_dir / REPORT_STAMP).read_text(encoding="utf-8"))["documents"]
        mine = [rows[i]["row"] for i in ids if i in rows]
        return sum(len(r["quotations"]) for r in mine), sum(int(r["flags"]) for r in mine)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def failure_lines(docs: list[dict[str, Any]]) -> list[str]:
    """``failed: <raw name>: <stage>: <reason>`` for every document that is not ok."""
    lines = []
    for d in docs:
        if d["status"] == "ok":
            continue
        name = d["raw"].split("/", 1)[-1]
        errors = d.get("errors") or [f"{name}: incomplete (a stage output is missing; run again)"]
        lines += [f"  failed: {err}" for err in errors]
    return lines


def print_manifest_summary(out_dir: Path) -> int:
    """Print the summary line and one line per failure; non-zero if any document failed."""
    path = out_dir / "manifest.json"
    if not path.exists():
        print(f"summary: no manifest in {out_dir}/ yet", file=sys.stderr)
        return 1
    manifest = read_json(path)
    docs = manifest["documents"]
    failed = [d for d in docs if d["status"] != "ok"]
    counts = _counts(out_dir, {d["id"] for d in docs if d["status"] == "ok"})
    found = f"{counts[0]} quotations, {counts[1]} copyright flags; " if counts else ""
    text = [f"summary: {len(docs)} documents, {len(docs) - len(failed)} processed, {len(failed)} failed; "
            f"{found}outputs in {out_dir}/ (report: {out_dir}/report/index.html)", *failure_lines(docs)]
    print("\n".join(text), file=sys.stderr)
    return 2 if failed else 0
