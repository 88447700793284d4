"""The seeds: every gold boilerplate fragment is gone from the clean text, every content fragment stays."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import yaml

GOLD = Path(__file__).resolve().parent / "gold"
_DQ, _SQ, _DASH = "“”„‟«»″", "‘’‚‛`´′", "‐‑‒–—―−"


def norm(s: str) -> str:
    """GOLD_FORMAT.md normalisation."""
    s = unicodedata.normalize("NFKC", s)
    s = s.translate({ord(c): '"' for c in _DQ}).translate({ord(c): "'" for c in _SQ})
    s = s.translate({ord(c): "-" for c in _DASH}).replace("…", "...")
    return re.sub(r"\s+", " ", s).strip().casefold()


def _cases() -> list[tuple[str, dict]]:
    out = []
    for p in sorted(GOLD.glob("*.yaml")):
        g = yaml.safe_load(p.read_text(encoding="utf-8"))
        if isinstance(g, dict) and g.get("document"):
            out.append((g["document"], g))
    return out


def _clean(processed: Path, document: str) -> str:
    return norm(json.loads((processed / "03_normalise" / f"{document}.json").read_text(encoding="utf-8"))["text"])


def test_every_gold_boilerplate_fragment_is_removed(seeds_processed: Path) -> None:
    left = [(doc, f) for doc, g in _cases() for f in g.get("boilerplate") or [] if norm(f) in _clean(seeds_processed, doc)]
    assert left == []


def test_every_gold_content_fragment_is_kept(seeds_processed: Path) -> None:
    lost = [(doc, f) for doc, g in _cases() for f in g.get("content") or [] if norm(f) not in _clean(seeds_processed, doc)]
    assert lost == []


def test_seed_copyright_notices_are_kept_as_records(seeds_processed: Path) -> None:
    notices = [n for doc, _ in _cases()
               for n in json.loads((seeds_processed / "02_strip" / f"{doc}.json").read_text(encoding="utf-8"))["notices"]]
    assert {n["kind"] for n in notices} == {"copyright", "fair_use"}
