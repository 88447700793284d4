"""A deterministic synthetic text document of any size, for the huge-document measurement.

Made-up prose in the forms the quotation stage reads: narrative paragraphs naming people,
inline quotations with a reporting verb, pronoun attributions in the next paragraph, dialogue
lines, cue lines ending in a colon before a block quotation, question/answer turns, headings.
The same seed and size give the same bytes; ``ordinary(...)`` cuts the same prose into
documents of an ordinary size, so that time per megabyte can be compared on like text.

    python -m benchmarks.hugedoc SIZE_MB DEST.txt
"""

from __future__ import annotations

import random
import shutil
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

FIRST = ("Anna", "Peter", "Maria", "Thomas", "Laura", "David", "Sofia", "Martin", "Clara", "Jonas",
         "Helen", "Victor", "Irene", "Oscar", "Nadia", "Hugo")
LAST = ("Keller", "Brandt", "Novak", "Lindqvist", "Moreau", "Okafor", "Castell", "Whitfield", "Rossi",
        "Halvorsen", "Duarte", "Kowalski", "Ferreira", "Janssen", "Ibarra", "Tanaka")
ROLES = ("the director of the institute", "a spokeswoman for the council", "the mayor", "a local teacher",
         "the chief engineer", "a senior analyst", "the committee chair", "a retired judge")
NOUNS = ("the river", "the budget", "the new bridge", "the harbour", "the school", "the election", "the report",
         "the museum", "the railway", "the hospital", "the market", "the forest", "the festival", "the archive")
VERBS = ("opened", "delayed", "reviewed", "questioned", "funded", "closed", "expanded", "praised", "criticised",
         "rebuilt", "measured", "moved")
ADVS = ("slowly", "again", "last spring", "without warning", "in the end", "after a long debate", "this week",
        "for the first time", "quietly", "once more")
SAY = ("said", "added", "explained", "told reporters", "insisted", "noted", "warned", "recalled")


class Prose:
    """Paragraphs drawn from a seeded generator."""

    def __init__(self, seed: int = 14) -> None:
        self.r = random.Random(seed)
        self.last_person: tuple[str, str] | None = None

    def person(self) -> tuple[str, str]:
        i = self.r.randrange(len(FIRST))
        return FIRST[i], LAST[self.r.randrange(len(LAST))]

    def clause(self) -> str:
        r = self.r
        return f"{r.choice(NOUNS)} was {r.choice(VERBS)} {r.choice(ADVS)}"

    def sentence(self) -> str:
        r = self.r
        s = self.clause()
        if r.random() < 0.5:
            s += f", and {self.clause()}"
        if r.random() < 0.3:
            s += f" while {self.clause()}"
        return s[0].upper() + s[1:] + "."

    def sentences(self, lo: int, hi: int) -> str:
        return " ".join(self.sentence() for _ in range(self.r.randint(lo, hi)))

    def quoted(self, lo: int = 1, hi: int = 3) -> str:
        """Sentences without the last full stop (a comma or question mark follows)."""
        return self.sentences(lo, hi)[:-1]

    def paragraph(self) -> str:
        r = self.r
        kind = r.random()
        f, l = self.person()
        if kind < 0.30:
            self.last_person = (f, l)
            return f"{f} {l}, {r.choice(ROLES)}, spoke at the meeting. {self.sentences(2, 6)}"
        if kind < 0.45:
            q = self.quoted()
            return f"\u201c{q},\u201d {f} {l} {r.choice(SAY)}. {self.sentences(0, 3)}".rstrip()
        if kind < 0.55 and self.last_person:
            pron = "she" if self.last_person[0] in ("Anna", "Maria", "Laura", "Sofia", "Clara", "Helen", "Irene", "Nadia") else "he"
            return f"\u201c{self.quoted()},\u201d {pron} {r.choice(SAY)}."
        if kind < 0.65:
            lines = []
            for _ in range(r.randint(2, 5)):
                a, b = self.person()
                lines.append(f"\u201c{self.quoted(1, 1)}?\u201d asked {a}.\n\u201c{self.quoted(1, 1)},\u201d {b} replied.")
            return "\n".join(lines)
        if kind < 0.72:
            return f"In a statement, {f} {l} wrote:\n\n\u201c{self.sentences(3, 8)}\u201d"
        if kind < 0.78:
            return (f"Question: {self.sentences(1, 1)[:-1]}?\n\nAnswer: {self.sentences(2, 5)}\n\n"
                    f"Question: {self.sentences(1, 1)[:-1]}?\n\nAnswer: {self.sentences(1, 4)}")
        if kind < 0.83:
            return f"{r.choice(NOUNS).capitalize()} and {r.choice(NOUNS)}"
        return self.sentences(3, 12)

    def text(self, size: int) -> str:
        """Paragraphs (blank lines between them) up to ``size`` bytes of UTF-8."""
        parts: list[str] = []
        n = 0
        while n < size:
            p = self.paragraph() + "\n\n"
            parts.append(p)
            n += len(p.encode())
        return "".join(parts)


def write(dest: Path, size: int, seed: int = 14) -> int:
    """The document of about ``size`` bytes at ``dest``; returns its size."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    data = Prose(seed).text(size).encode()
    dest.write_bytes(data)
    return len(data)


def ordinary(dest: Path, count: int, size: int, seed: int = 14) -> int:
    """``count`` documents of about ``size`` bytes of the same prose in folder ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    prose, total = Prose(seed), 0
    for i in range(count):
        data = prose.text(size).encode()
        (dest / f"ordinary_{i:03d}.txt").write_bytes(data)
        total += len(data)
    return total


# ------------------------------------------------------------------------------ the measurement
TIME_RATIO_TARGET = 2.0     # issue 14: time per MB at most twice that of ordinary documents
RSS_TARGET_MB = 1024.0      # ... and peak RSS at most 1 GB
ORDINARY = (60, 50_000)     # the comparison: the same prose as 60 documents of 50 KB


def measure_huge(b: Any, root: Path, mb: float) -> dict[str, Any]:
    """``pipeline run`` on one generated document of ``mb`` MB, and on the same prose cut into
    ordinary documents, one after the other in this run: time per MB of each (wall and CPU), their
    ratio, and the huge run's peak RSS, against the targets."""
    size = int(mb * 1e6)
    raw, ordinary_raw = root / f"huge-{size}" / "raw", root / "huge-ordinary" / "raw"
    if not (raw / "huge.txt").exists() or (raw / "huge.txt").stat().st_size < size:
        shutil.rmtree(raw, ignore_errors=True)
        write(raw / "huge.txt", size)
    if not ordinary_raw.is_dir() or len(list(ordinary_raw.iterdir())) != ORDINARY[0]:
        shutil.rmtree(ordinary_raw, ignore_errors=True)
        ordinary(ordinary_raw, *ORDINARY)
    work = root / "work"
    runs = {"ordinary": b.run(f"pipeline run, {ORDINARY[0]} ordinary documents of the same prose", ordinary_raw,
                              work / "huge-ordinary" / "processed"),
            "huge": b.run(f"pipeline run, one {mb:g} MB text document", raw, work / "huge" / "processed")}
    mbs = {"ordinary": sum(p.stat().st_size for p in ordinary_raw.iterdir()) / 1e6,
           "huge": (raw / "huge.txt").stat().st_size / 1e6}
    out: dict[str, Any] = {"mb": mbs, "runs": {k: asdict(v) for k, v in runs.items()}}
    for k in ("seconds", "cpu_seconds"):
        per = {n: getattr(runs[n], k) / mbs[n] for n in runs}
        out[f"{k}_per_mb"] = per
        out[f"{k}_ratio"] = per["huge"] / per["ordinary"] if per["ordinary"] else None
    shutil.rmtree(work / "huge", ignore_errors=True)   # hundreds of MB of outputs
    return out


def render_huge(h: dict[str, Any]) -> list[str]:
    """The report's section on the huge document."""
    o, g = h["runs"]["ordinary"], h["runs"]["huge"]
    ok = g["returncode"] == 0 and o["returncode"] == 0
    cr, wr = h["cpu_seconds_ratio"] or 0, h["seconds_ratio"] or 0
    met = lambda v, t: "yes" if ok and v <= t else "**no**"   # noqa: E731
    return ["## A huge document", "",
            f"One generated text document of {h['mb']['huge']:.1f} MB (`benchmarks/hugedoc.py`: prose with inline, "
            "pronoun and block quotations, dialogue and interviews), and the same prose cut into "
            f"{ORDINARY[0]} ordinary documents ({h['mb']['ordinary']:.1f} MB), each by `pipeline run` (1 worker) in "
            "this run. CPU time (user + system of the process tree) is steadier than wall time on a shared machine.",
            "", "| run | MB | wall (s) | CPU (s) | CPU s/MB | peak RSS (MB) |", "|---|---:|---:|---:|---:|---:|",
            *(_row(label, r, mb) for label, r, mb in (("ordinary documents", o, h["mb"]["ordinary"]),
                                                       ("the huge document", g, h["mb"]["huge"]))),
            "", "| target | value | met |", "|---|---:|---|",
            f"| time per MB, huge / ordinary (CPU) <= {TIME_RATIO_TARGET:g} | {cr:.2f} | {met(cr, TIME_RATIO_TARGET)} |",
            f"| the same in wall time | {wr:.2f} | {met(wr, TIME_RATIO_TARGET)} |",
            f"| peak RSS of the huge run <= {RSS_TARGET_MB:.0f} MB | {g['peak_rss_mb']:.0f} | {met(g['peak_rss_mb'], RSS_TARGET_MB)} |", ""]


def _row(label: str, r: dict[str, Any], mb: float) -> str:
    bad = "" if r["returncode"] == 0 else f" (**exit {r['returncode']}**)"
    return (f"| {label}{bad} | {mb:.1f} | {r['seconds']:.0f} | {r['cpu_seconds']:.0f} | {r['cpu_seconds'] / mb:.1f} | "
            f"{r['peak_rss_mb']:.0f} |")


if __name__ == "__main__":
    print(write(Path(sys.argv[2]), int(float(sys.argv[1]) * 1e6)))
