"""The closing summary of a run, read from ``manifest.json``."""

from __future__ import annotations

import sys
from pathlib import Path

from .store import read_json


def print_manifest_summary(out_dir: Path) -> int:
    """Print one summary line (and one per failed document); non-zero if any document failed."""
    path = out_dir / "manifest.json"
    if not path.exists():
        print(f"summary: no manifest in {out_dir}/ yet", file=sys.stderr)
        return 1
    manifest = read_json(path)
    docs = manifest["documents"]
    failed = [d for d in docs if d["status"] != "ok"]
    print(f"summary: {len(docs)} documents, {len(docs) - len(failed)} processed, {len(failed)} failed; "
          f"outputs in {out_dir}/ (report: {out_dir}/report/index.html)", file=sys.stderr)
    for d in failed:
        for err in d.get("errors", ["incomplete"]):
            print(f"  failed: {err}", file=sys.stderr)
    return 2 if failed else 0
