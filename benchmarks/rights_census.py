"""How many pages of a folder carry each machine-readable rights signal (issue 13's closing figures).

Why: the issue asks for the rights signals found on the 300 wcxb-dev pages; this counts them with
the copyright stage's own reader (``copyright.rights`` in config), per page, not per match, so the
figures in docs/COPYRIGHT.md can be re-measured. Raw pages are read in place, never copied.

    python -m benchmarks.rights_census --raw /work/shared/bench/wcxb-dev/raw
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from pipeline.config import load_config
from pipeline.stages.copyright.rights import rights_signals

LIMITED = "snippet length limited (max-snippet >= 0 or nosnippet)"


def census(raw_dir: Path) -> tuple[int, Counter[str], Counter[str]]:
    """Pages read, pages per signal, and pages per open licence (page level)."""
    cfg = load_config(None).section("copyright")
    pages: Counter[str] = Counter()
    licences: Counter[str] = Counter()
    files = sorted(p for p in raw_dir.iterdir() if p.is_file())
    for p in files:
        raw = p.read_bytes().decode("utf-8", errors="replace")
        r = rights_signals(raw, p.suffix.lower() in (".html", ".htm"), cfg)
        pages.update(r["counts"].keys())
        if r["open_licence"]:
            licences[r["open_licence"]["licence"]] += 1
        if r["max_snippet_chars"] is not None:
            pages[LIMITED] += 1
    return len(files), pages, licences


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", type=Path, default=Path("/work/shared/bench/wcxb-dev/raw"))
    a = ap.parse_args()
    n, pages, licences = census(a.raw)
    cfg = load_config(None).section("copyright")["rights"]
    print(f"{n} pages")
    for name in sorted({*cfg["markup_patterns"], *cfg["text_patterns"], *pages, LIMITED}):
        print(f"{name}\t{pages.get(name, 0)}")
    for name, k in sorted(licences.items()):
        print(f"open licence (page level): {name}\t{k}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
