"""Compose a copyright development set from wcxb-dev: third-party articles inserted into host pages.

Why: the seeds show four reproductions in one wording each; real pages reproduce articles in a
handful of recurring forms with endlessly varied outlet names and date formats. This builds
pages deterministically (labelled by construction, ../shared/GOLD_FORMAT.md) so the rules can be
measured on forms rather than on wordings. Nothing is copied into the project: pages are read in
place and written to a folder outside it (default /tmp/cr-dev). Two disjoint splits by
construction: different host pages, different article pages, different outlet-name generators.

    python -m benchmarks.copyright_compose --bench /work/shared/bench/wcxb-dev --out /tmp/cr-dev
    python -m benchmarks.copyright_compose --score /tmp/cr-dev --processed /tmp/cr-out   # per form
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import random
import re
import sys
from pathlib import Path

import yaml

from . import copyright_dev4 as dev4
from . import copyright_dev5 as dev5
from . import copyright_dev6 as dev6
from . import copyright_dev7 as dev7
from . import copyright_dev8 as dev8
from . import copyright_dev9 as dev9
from . import copyright_dev10 as dev10
from . import copyright_dev11 as dev11

FORMS = ("a_attribution_after", "b_intro_before", "c_header_notice", "d_long_excerpt")
PER_FORM = 12
CONTROLS = 6          # pages with only short attributed excerpts and the host's own text

# Outlet-name generators: dev and frozen use different patterns and syllables, so that no list
# tuned on dev can match frozen names.
SYL = {"dev": ["mar", "vel", "ton", "bro", "ash", "lin", "dor", "kes", "wick", "ham", "ford", "ley"],
       "dev2": ["bel", "cor", "uth", "nov", "ira", "gal", "pen", "sor", "tre", "ova", "dun", "mil"],
       "dev3": ["hal", "kir", "oss", "bra", "emm", "vin", "lor", "sta", "neth", "ux", "ward", "pol"],
       "dev4": dev4.SYL,
       "frozen": ["qua", "zer", "olm", "rud", "fen", "pir", "sk", "ath", "gorn", "ibu", "tal", "vas"]}
PATTERNS = {
    "dev": ["The {P} Gazette", "{P} Times", "The {P} Post", "{P} Daily", "Radio {P}", "{P} News Agency",
            "Le Journal de {P}", "{P} Evening Standard"],
    "dev2": ["The {P} Sentinel", "{P} Tribune", "Le Matin de {P}", "{P} Morning Herald", "{P} Public Radio",
             "{P} Wire Service", "Gazeta {P}", "{P} Today"],
    "dev3": ["{P} Courier-Journal", "The {P} Examiner", "{P}Wire", "{P} Public Media", "La Voz de {P}",
             "{P} Business Review", "The {P} Ledger", "{P} Star-Telegram"],
    "dev4": dev4.PATTERNS,
    "frozen": ["The {P} Herald-Tribune", "{P} Chronicle", "El Diario de {P}", "Der {P}er Bote",
               "{P} Weekly Observer", "{P} Press Service", "Il Corriere di {P}", "{P} Broadcasting Corporation"],
}
FIRST = {"dev": ["Anna", "Mark", "Julia", "Peter", "Laura", "Samuel", "Grace", "Victor"],
         "dev2": ["Maria", "John", "Chen", "Fatima", "Lukas", "Priya", "Diego", "Ruth"],
         "dev3": ["Omar", "Beth", "Yuki", "Carlos", "Ingrid", "Tariq", "Molly", "Ade"],
         "dev4": dev4.FIRST,
        "frozen": ["Nadia", "Tomas", "Helen", "Oscar", "Ines", "Rafael", "Wendy", "Kofi"]}
LAST = {"dev": ["Whitcombe", "Marlowe", "Prentiss", "Okafor", "Lindqvist", "Barrow", "Sato", "Keller"],
        "dev2": ["Ferreira", "Walsh", "Li", "Haddad", "Novak", "Raman", "Ortega", "Klein"],
        "dev3": ["Pemberton", "Castillo", "Yamada", "Fitzgerald", "Andersen", "Mensah", "Roth", "Dubois"],
        "dev4": dev4.LAST,
        "frozen": ["Haverford", "Quintero", "Abernathy", "Nakamura", "Delacroix", "Osei", "Brandt", "Moreau"]}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def _h(s: str) -> int:
    return int(hashlib.blake2b(s.encode(), digest_size=8).hexdigest(), 16)


def outlet(rng: random.Random, split: str) -> str:
    syl = SYL[split]
    place = "".join(rng.choice(syl) for _ in range(rng.choice((2, 3)))).capitalize()
    return rng.choice(PATTERNS[split]).format(P=place)


def person(rng: random.Random, split: str) -> str:
    return f"{rng.choice(FIRST[split])} {rng.choice(LAST[split])}"


DATE_FORMATS = ["{M} {d}, {y}", "{d} {M} {y}", "{y}-{m:02d}-{d:02d}", "{m}/{d}/{y}", "{d}.{m:02d}.{y}",
                "{Mo}. {d}, {y}", "{M} {d} {y}"]
# dev3: other date shapes real pages print (weekday, ordinal, time of day, abbreviated month)
DATE_FORMATS_DEV3 = ["{W}, {M} {d}, {y}", "{d}th {M} {y}", "{Mo} {d}, {y} {h}:{mi:02d} {ap}", "{W}, {d} {Mo} {y}",
                     "{M} {d}th, {y}", "{y}/{m:02d}/{d:02d}", "{d} {Mo}. {y}"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def date_text(rng: random.Random, split: str = "") -> tuple[str, str]:
    y, m, d = rng.choice((2015, 2016, 2017, 2019)), rng.randint(1, 12), rng.randint(1, 28)
    if split not in ("dev3", "dev4"):     # the other splits' draws stay exactly as they were built
        fmt = rng.choice(DATE_FORMATS)
        return fmt.format(M=MONTHS[m - 1], Mo=MONTHS[m - 1][:3], d=d, m=m, y=y), str(y)
    fmt = rng.choice(DATE_FORMATS_DEV3)
    return fmt.format(M=MONTHS[m - 1], Mo=MONTHS[m - 1][:3], d=d, m=m, y=y, W=rng.choice(WEEKDAYS),
                      h=rng.randint(1, 12), mi=rng.randint(0, 59), ap=rng.choice(("AM", "PM"))), str(y)


# dev3: other wordings of the same four forms (the first splits keep theirs, so their pages are unchanged)
def dev3_wordings(o: str, d: str, y: str, who: str) -> dict[str, list[str]]:
    return {
        "a": [f"This article originally appeared in {o} on {d}.", f"Reprinted with permission from {o}.",
              f"(c) {y} {o}", f"Via {o}", f"Originally published at {o} on {d}.", f"Source: {o} ({d})",
              f"{o}, {d}", f"Credit: {who} / {o}", f"Story courtesy of {o}."],
        "b": [f"{o} reports:", f"From the {d} issue of {o}:", f"The following appeared in {o}:",
              f"{o} ran this piece on {d}:", f"Reprinted from {o} ({d}):", f"Below is the article {who} wrote for {o}.",
              f"Here's the report from {o}, published {d}:"],
        "c_by": [f"By {who}, {o}", f"{who}\n{o}", f"Written by {who} for {o}", f"By {who} | {d}", f"{o} staff"],
        "c_date": [f"Posted on {d}", f"{d}", f"Last updated {d}"],
        "c_notice": [f"Copyright © {y} {o}. All rights reserved.", f"© Copyright {o} {y}",
                     f"Copyright {y} by {o}. Used with permission.", f"All content © {y} {o}, all rights reserved.",
                     f"(c) {y} {o}. This article may not be reproduced without permission."],
        "d_intro": [f"{o} has the story:", f"Here is how {o} reported it on {d}:", f"According to {o}:",
                    f"{who} of {o} writes:"],
        "d_after": [f"— {who}, {o}", f"({o}, {d})", f"From {o}, {d}.", f"Read the full story at {o}.",
                    f"Excerpted from {o}."],
        "x": [f'{o} noted that "{{q}}"', f'"{{q}}," {o} wrote on {d}.', f'In a {d} report, {o} said: "{{q}}"',
              f'"{{q}}" — {o}'],
    }


def prose_paragraphs(text: str) -> list[str]:
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return [p for p in paras if len(p.split()) >= 15 and p[-1] in '.!?"”' and not p.startswith(("*", "-", "•"))]


def title_of(html_path: Path) -> str | None:
    m = re.search(r"<title[^>]*>(.*?)</title>", html_path.read_text(encoding="utf-8", errors="replace"), re.S | re.I)
    if not m:
        return None
    t = html.unescape(" ".join(m.group(1).split()))
    t = re.split(r"\s[|–—-]\s", t)[0].strip()
    return t if 3 <= len(t.split()) <= 14 else None


def sentences(p: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", p) if len(s.split()) >= 6]


def head_words(s: str, n: int = 7) -> str:
    return " ".join(s.split()[:n])


def tail_words(s: str, n: int = 7) -> str:
    return " ".join(s.split()[-n:])


def pools(bench: Path) -> dict[str, dict[str, list[str]]]:
    rows = [ln.split("\t") for ln in (bench / "index.tsv").read_text().splitlines()[1:] if ln.strip()]
    out = {"dev": {"sources": [], "hosts": []}, "frozen": {"sources": [], "hosts": []}}
    for pid, ptype, *_ in rows:
        h = _h("copyright-compose:" + pid) % 4
        split = "dev" if h % 2 == 0 else "frozen"
        if ptype == "article" and h < 2:
            if len(prose_paragraphs((bench / "main_content" / f"{pid}.txt").read_text())) >= 4:
                out[split]["sources"].append(pid)
        elif h >= 2 or ptype != "article":
            out[split]["hosts"].append(pid)
    return out


def host_insertion(bench: Path, pid: str) -> tuple[list[str], int, str, str] | None:
    """The host's text-dump lines, the line index after which to insert, and the host prose beside it."""
    lines = (bench / "raw_text" / f"{pid}.txt").read_text(encoding="utf-8").split("\n")
    own = prose_paragraphs((bench / "main_content" / f"{pid}.txt").read_text())
    if len(own) < 2:
        return None
    keys = {" ".join(ln.split())[:60]: i for i, ln in enumerate(lines) if len(ln.split()) >= 15}
    hits = [(keys[p[:60]], p) for p in own if p[:60] in keys]
    if len(hits) < 2:
        return None
    k = len(hits) // 2 - 1 if len(hits) > 2 else 0
    (i, before), (_, after) = hits[k], hits[k + 1]
    return lines, i, before, after, hits[-1][0] if k + 1 < len(hits) - 1 else hits[0][0]


def short_excerpt(rng: random.Random, split: str, src: list[str]) -> tuple[str, str]:
    para = rng.choice(src)
    sents = sentences(para)[: rng.randint(1, 3)] or [para]
    quote = " ".join(sents)
    if len(quote.split()) > 70:
        quote = sents[0]
    o = outlet(rng, split)
    d, y = date_text(rng, split)
    if split == "dev3":
        form = rng.choice(dev3_wordings(o, d, y, person(rng, split))["x"]).format(q=quote)
        return form, head_words(sents[0], 6)
    if split == "dev4":
        form = rng.choice(dev4.wordings(o, d, y, person(rng, split), outlet(rng, split))["x"]).format(q=quote)
        return form, head_words(sents[0], 6)
    form = rng.choice([f'As {o} reported on {d}, "{quote}"', f'“{quote}” ({o}, {d})',
                       f'{person(rng, split)} told {o}: "{quote}"', f'According to {o}, “{quote}”'])
    return form, head_words(sents[0], 6)


def article_body(rng: random.Random, form: str, bench: Path, src_id: str, most: int) -> list[str]:
    """The first paragraphs of a source article, up to a drawn length (at least three paragraphs)."""
    paras = prose_paragraphs((bench / "main_content" / f"{src_id}.txt").read_text())
    target = rng.randint(220, 420) if form == "d_long_excerpt" else rng.randint(300, most)
    body: list[str] = []
    for p in paras:
        body.append(p)
        if sum(len(b.split()) for b in body) >= target and len(body) >= 3:
            break
    return body


def compose_article(rng: random.Random, split: str, form: str, src_id: str, bench: Path) -> tuple[list[str], str, str]:
    body = article_body(rng, form, bench, src_id, 900)
    title = title_of(bench / "raw" / f"{src_id}.html")
    o, (d, year), who = outlet(rng, split), date_text(rng, split), person(rng, split)
    block: list[str] = []
    if split == "dev3":
        return _compose_dev3(rng, form, title, body, dev3_wordings(o, d, year, who))
    if split == "dev4":
        return dev4.compose(rng, form, title, body, dev4.wordings(o, d, year, who, outlet(rng, split)), o)
    if form == "a_attribution_after":
        if title:
            block.append(title)
        block += body
        block.append(rng.choice([f"This article was originally published by {o} on {d}.", f"Source: {o}, {d}",
                                 f"— {o}, {d}", f"({o}, {d})", f"First published in {o} on {d}. Republished with permission.",
                                 f"{o} | {d}", f"Article by {who} for {o}, {d}."]))
    elif form == "b_intro_before":
        block.append(rng.choice([f"The following article appeared in {o} on {d}:", f"From {o} ({d}):",
                                 f"Here is the full story {o} ran on {d}.", f"Reposted from {o}, {d}",
                                 f"{o} published this report on {d}:", f"Via {o} — {d}"]))
        if title and rng.random() < 0.7:
            block.append(title)
        block += body
    elif form == "c_header_notice":
        block.append(title or head_words(body[0], 8).rstrip(".,"))
        block.append(rng.choice([f"By {who}", f"By {who.upper()}, {o}", f"{who} | {o}", f"By {who}\n{d}"]))
        if rng.random() < 0.5:
            block.append(rng.choice([f"Published {d}", f"{d}", f"Updated: {d}"]))
        block += body
        block.append(rng.choice([f"© {year} {o}. All rights reserved.", f"Copyright {year} {o}",
                                 f"(c) {year} {o}. All Rights Reserved. This material may not be published, "
                                 f"broadcast, rewritten or redistributed.", f"© {o} {year}"]))
    else:
        if rng.random() < 0.5:
            block.append(rng.choice([f"As reported by {o} on {d}:", f"{o} reported:", f"In its {d} story, {o} wrote:",
                                     f"Here is what {who} wrote in {o}:"]))
            block += body
        else:
            block += [f"“{p}”" if i == 0 else p for i, p in enumerate(body)]
            block[-1] = block[-1] + "”" if not block[-1].endswith("”") else block[-1]
            block.append(rng.choice([f"— {o}, {d}", f"({o})", f"Source: {who}, {o}", f"Excerpt from {o}, {d}."]))
    first = block[0] if form in ("a_attribution_after", "c_header_notice") and block[0] != body[0] else body[0]
    if form == "a_attribution_after" and title:
        first = title
    if form == "b_intro_before" and title and block[1] == title:
        first = title
    return block, head_words(first.strip("“"), 6), tail_words(body[-1].strip("”"), 6)


def _compose_dev3(rng: random.Random, form: str, title: str | None, body: list[str],
                  w: dict[str, list[str]]) -> tuple[list[str], str, str]:
    """The four forms in dev3's wordings; the gold passage runs from the headline (or first words) to the last paragraph."""
    block: list[str] = []
    head = None
    if form == "a_attribution_after":
        head = title
        block = ([title] if title else []) + body + [rng.choice(w["a"])]
    elif form == "b_intro_before":
        head = title if title and rng.random() < 0.6 else None
        block = [rng.choice(w["b"])] + ([head] if head else []) + body
    elif form == "c_header_notice":
        head = title or head_words(body[0], 8).rstrip(".,")
        block = [head, rng.choice(w["c_by"])] + ([rng.choice(w["c_date"])] if rng.random() < 0.5 else [])
        block += body + [rng.choice(w["c_notice"])]
    else:
        block = excerpt_block(rng, body, w)
    return block, *passage_ends(head, body)


def excerpt_block(rng: random.Random, body: list[str], w: dict[str, list[str]]) -> list[str]:
    """Form d: a long excerpt after an introduction line, or in quote marks with its source after it."""
    if rng.random() < 0.5:
        return [rng.choice(w["d_intro"])] + body
    quoted = [f"“{p}" if i == 0 else p for i, p in enumerate(body)]
    quoted[-1] += "”"
    return quoted + [rng.choice(w["d_after"])]


def passage_ends(head: str | None, body: list[str]) -> tuple[str, str]:
    """The gold passage's first words (its headline, else its first paragraph) and last words."""
    first = head or body[0]
    return head_words(first.strip("“"), 6), tail_words(body[-1].strip("”"), 6)


def build(bench: Path, out: Path) -> dict[str, int]:
    counts = {}
    all_pools = pools(bench)
    # dev2: the dev pages again, with their own outlet, byline and random draws (a second tuning set
    # that never touches the frozen pages)
    # dev3: the dev pages once more, with its own outlets, dates and wordings (dev3_wordings)
    # dev4: and once more with dev4's wordings (benchmarks/copyright_dev4.py)
    for split, pool in [*all_pools.items(), ("dev2", all_pools["dev"]), ("dev3", all_pools["dev"]),
                        ("dev4", all_pools["dev"])]:
        rng = random.Random(f"copyright-compose:{split}")
        raw, gold = out / split / "raw", out / split / "gold"
        raw.mkdir(parents=True, exist_ok=True)
        gold.mkdir(parents=True, exist_ok=True)
        hosts = [h for h in pool["hosts"] if host_insertion(bench, h)]
        srcs = pool["sources"]
        rng.shuffle(hosts)
        shift = {"dev3": 7, "dev4": dev4.SHIFT}.get(split, 0)      # dev3, dev4 pair other articles with the hosts
        jobs = [(f, i) for f in FORMS for i in range(PER_FORM)] + [("control", i) for i in range(CONTROLS)]
        meta = {}
        for n, (form, i) in enumerate(jobs):
            host = hosts[n % len(hosts)]
            src = srcs[(n + shift) % len(srcs)]
            lines, at, before, after, ex_at = host_insertion(bench, host)  # type: ignore[misc]
            exc_src = prose_paragraphs((bench / "main_content" / f"{srcs[(n + shift + 1) % len(srcs)]}.txt").read_text())
            excerpt, ex_key = short_excerpt(rng, split, exc_src)
            keep = [ex_key, tail_words(before, 6), head_words(after, 6)]
            flag = []
            insert: list[str] = []
            if form != "control":
                block, st, en = compose_article(rng, split, form, src, bench)
                insert = ["", *"\n\n".join(block).split("\n"), ""]
                flag = [{"start": st, "end": en}]
            # the short excerpt goes beside another of the host's paragraphs, away from the insertion
            pieces = {at: insert, ex_at: ["", excerpt, ""]} if ex_at != at else {at: insert + [excerpt, ""]}
            text_lines: list[str] = []
            for j, ln in enumerate(lines):
                text_lines.append(ln)
                if j in pieces and pieces[j]:
                    text_lines += pieces[j]
            text = "\n".join(text_lines)
            name = f"{split}_{form[0] if form != 'control' else 'k'}_{i:02d}_{host}_{src}"
            (raw / f"{name}.txt").write_text(text, encoding="utf-8")
            g = {"document": f"{name}.txt", "copyright": {"flag": flag, "keep": keep}}
            (gold / f"{name}.yaml").write_text(yaml.safe_dump(g, allow_unicode=True, sort_keys=False), encoding="utf-8")
            meta[name] = {"form": form, "host": host, "source": src}
        (out / split / "forms.json").write_text(json.dumps(meta, indent=1, sort_keys=True))
        counts[split] = len(jobs)
    counts["dev5"] = dev5.build(bench, out)     # its own pools and draws: the splits above are unchanged
    counts["dev6"] = dev6.build(bench, out)     # likewise
    counts["dev7"] = dev7.build(bench, out)     # likewise
    counts["dev8"] = dev8.build(bench, out)     # likewise
    counts["dev9"] = dev9.build(bench, out)     # likewise
    counts["dev10"] = dev10.build(bench, out)   # likewise
    counts["dev11"] = dev11.build(bench, out)   # likewise
    return counts


def score(root: Path, processed_root: Path, shapes: bool = False) -> dict[str, dict[str, list[int]]]:
    """Flag recall and false flags per form (and per shape, for the splits that record one), as GOLD_FORMAT.md scores them."""
    from pipeline.evaluate import evaluate
    res: dict[str, dict[str, list[int]]] = {}
    for split in ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "frozen"):
        if not (processed_root / split).is_dir():
            continue
        meta = json.loads((root / split / "forms.json").read_text())
        ev = evaluate(root / split / "gold", processed_root / split)
        per: dict[str, list[int]] = {}
        for d in ev.documents:
            page = meta[Path(d.document).stem]
            keys = [page["form"]] + ([f"{page['form']}:{page['shape']}"] if shapes and "shape" in page else [])
            for m in ("flag_recall", "false_flags"):
                s = d.scores[m]
                for key in keys:
                    c = per.setdefault(f"{key}.{m}", [0, 0])
                    c[0] += s.found
                    c[1] += s.total
        res[split] = per
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=Path("/work/shared/bench/wcxb-dev"))
    ap.add_argument("--out", type=Path, default=Path("/tmp/cr-dev"))
    ap.add_argument("--score", type=Path, help="composed folder to score")
    ap.add_argument("--processed", type=Path, help="folder holding dev/ and frozen/ outputs of `pipeline run`")
    ap.add_argument("--shapes", action="store_true", help="also score each shape of the splits that record one")
    a = ap.parse_args()
    if a.score:
        for split, per in score(a.score, a.processed, a.shapes).items():
            for k in sorted(per):
                print(f"{split}\t{k}\t{per[k][0]}/{per[k][1]}")
        return 0
    print(build(a.bench, a.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
