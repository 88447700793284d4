"""The page writer the composed copyright splits share (dev7 onwards).

Why: dev7, dev8 and dev9 each carried the same ~20 lines that put an insertion and the page's extra
lines (short excerpts, controls) into a host page, as HTML after one of its `<p>` or as a text dump
after one of its paragraphs; one copy keeps every split writing pages the same way.
"""

from __future__ import annotations

import html
from pathlib import Path


def write_page(raw_d: Path, name: str, is_html: bool, raw_html: str, text_lines: list[str], at: int,
               html_at: int | None, ins_html: str, ins_text: list[str], extra: list[list[str]],
               others_at: list[tuple[int, str]], html_of, tail: tuple[int, list[str]] | None = None) -> str:
    """Write the page (insertion at `at` / `html_at`, each extra block after another host paragraph); its file name.

    `html_of(paragraph)` finds a host paragraph's offset in the HTML; `tail` (text dumps only) adds lines after
    one more host line (a page footer)."""
    if is_html:
        edits = [(html_at, ins_html)]
        for j, lines in enumerate(extra):
            cut = html_of(others_at[j % len(others_at)][1]) if others_at else None
            edits.append((cut if cut is not None else edits[0][0],
                          "".join(f"\n<p>{html.escape(x, quote=False)}</p>" for x in lines) + "\n"))
        merged: dict[int, str] = {}
        for off, s in edits:
            merged[off] = merged.get(off, "") + s
        raw = raw_html
        for off in sorted(merged, reverse=True):
            raw = raw[:off] + merged[off] + raw[off:]
        doc = f"{name}.html"
        (raw_d / doc).write_text(raw, encoding="utf-8")
        return doc
    pieces: dict[int, list[str]] = {at: ins_text}
    for j, lines in enumerate(extra):
        k = others_at[j % len(others_at)][0] if others_at else at
        pieces.setdefault(k, []).extend([x for ln in lines for x in ("", ln)] + [""])
    if tail:
        pieces.setdefault(tail[0], []).extend([x for ln in tail[1] for x in ("", ln)] + [""])
    out: list[str] = []
    for j, ln in enumerate(text_lines):
        out.append(ln)
        out += pieces.get(j, [])
    doc = f"{name}.txt"
    (raw_d / doc).write_text("\n".join(out), encoding="utf-8")
    return doc


def shuffled_pools(bench: Path, split: str):
    """The split's random draws and its article / host page pools, shuffled by them (the seed names the split)."""
    import random

    from .copyright_dev6 import pools

    rng = random.Random(f"copyright-compose:{split}")
    arts, others = pools(bench)
    rng.shuffle(arts)
    rng.shuffle(others)
    return rng, arts, others


def split_dirs(out: Path, split: str) -> tuple[Path, Path]:
    """The split's raw/ and gold/ folders, made."""
    raw_d, gold_d = out / split / "raw", out / split / "gold"
    raw_d.mkdir(parents=True, exist_ok=True)
    gold_d.mkdir(parents=True, exist_ok=True)
    return raw_d, gold_d


def next_host(bench: Path, hosts: list[str], hi: int) -> tuple[str, int]:
    """The next host page (round-robin from `hi`) with a paragraph to insert after, and the index past it."""
    from .copyright_dev6 import points

    while True:
        host = hosts[hi % len(hosts)]
        hi += 1
        if points(bench, host):
            return host, hi
