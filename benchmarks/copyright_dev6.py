"""dev6 of the composed copyright set: shapes the other splits lack, in HTML pages as well as text dumps.

Why: dev..dev5 taught the rules their own wordings and the frozen split did not follow (0.81), so
dev6 is built before any rule change from shapes real sites use that no earlier split has:
attribution lines "This article originally appeared on X", "Republished with permission from X",
"Source: X, 12 March 2024", "(c) 2024 X. Reprinted by permission.", "Read the original at URL",
"h/t X", or the source in brackets closing the last paragraph; title-case headlines with no byline;
bylines "By NAME | X Staff", "NAME, X Reporter"; datelines "PLACE (X) —" and "March 3, 2024 —"
opening the first paragraph; an article interrupted by the host's "Advertisement" / "Story continues
below" lines, or split in two around a host paragraph (two passages); introductions in non-news
registers ("Here is the full text of the statement from X:", "The following was published by X on
DATE"); an excerpt in a blockquote with no quote marks; half the pages HTML (the host's raw page with
the insertion after one of its own <p>), half text dumps; controls on forum, product and
documentation pages with their own short quotes (one of them a one-sentence blockquote). The dev
half of wcxb-dev only (the frozen half is never touched), each host and each article on one page.

    python -m benchmarks.copyright_compose --out /tmp/cr-dev      # builds dev6 with the others
"""

from __future__ import annotations

import html
import json
import random
import re
from pathlib import Path

import yaml

SYL = ["bex", "cro", "dal", "fen", "gor", "hab", "lum", "nor", "pell", "rus", "tav", "wen"]
PATTERNS = ["The {P} Clarion", "{P} Free Press", "The {P} Mercury", "{P} Daily Record", "{P} Observer",
            "{P} Report", "The {P} Standard", "{P} Community Radio"]
FIRST = ["Iris", "Kwame", "Lena", "Nikolai", "Olga", "Pablo", "Rosa", "Stefan"]
LAST = ["Barrington", "Cavanagh", "Dimitriou", "Esposito", "Gallagher", "Iwasaki", "Mbeki", "Sørensen"]
ORGS = ["The {P} Council", "{P} Health Authority", "The {P} Trust", "{P} Residents' Association"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
FORMS = ("a_attribution_after", "b_intro_before", "c_header_notice", "d_long_excerpt")
SMALL = {"a", "an", "the", "and", "or", "of", "in", "on", "to", "for", "at", "by", "with", "is"}
BREAKS = ["Advertisement", "Story continues below", "ADVERTISEMENT", "Continue reading below"]


def _place(rng: random.Random) -> str:
    return "".join(rng.choice(SYL) for _ in range(rng.choice((2, 3)))).capitalize()


def names(rng: random.Random) -> dict[str, str]:
    """One insertion's outlet, its address, an author, a date and an organisation."""
    o = rng.choice(PATTERNS).format(P=_place(rng))
    y, m, d = rng.randint(2018, 2024), rng.randint(1, 12), rng.randint(1, 28)
    date = rng.choice([f"{d} {MONTHS[m - 1]} {y}", f"{MONTHS[m - 1]} {d}, {y}", f"{y}-{m:02d}-{d:02d}",
                       f"{MONTHS[m - 1][:3]} {d}, {y}", f"{d}/{m}/{y}"])
    slug = re.sub(r"[^a-z]", "", o.lower().replace("the ", ""))
    return {"o": o, "d": date, "y": str(y), "who": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "url": f"https://{slug}.org/news/{y}/{m:02d}/{rng.choice(('story', 'article', 'p'))}-{d}{m}",
            "org": rng.choice(ORGS).format(P=_place(rng)), "m": MONTHS[m - 1], "dd": str(d)}


def wordings(n: dict[str, str]) -> dict[str, list[str]]:
    o, d, y, who, org = n["o"], n["d"], n["y"], n["who"], n["org"]
    return {
        "a": [f"This article originally appeared on {o}.", f"Republished with permission from {o}.",
              f"Source: {o}, {d}", f"(c) {y} {o}. Reprinted by permission.", f"Via {o}",
              f"Read the original at {n['url']}", f"h/t {o}", f"This piece was first published on {o} on {d}.",
              f"Republished with permission. Original story: {n['url']}", "INLINE"],
        "b": [f"Here is the full text of the statement from {org}:", f"The following was published by {o} on {d}",
              f"{o} published this on {d}, and we reproduce it in full below.",
              f"What follows is {who}'s column for {o}, in full.", f"Full text, as published by {o}:",
              f"We received permission to share this piece by {who}, first published by {o}."],
        "c_by": [f"By {who} | {o} Staff", f"{who}, {o} Reporter", f"{who} — {o}", "NONE"],
        "c_notice": [f"© {y} {o}. Reprinted by permission.", f"Copyright {y} {o}, Inc.", f"{o} © {y}",
                     f"All rights reserved. © {o} {y}", f"Copyright © {y} {o}. All Rights Reserved."],
        "d_intro": [f"As {o} reported on {d}:", f"{who} put it this way in {o}:", f"From {o}'s coverage:",
                    f"{org} said in its report:"],
        "d_after": [f"— {o}, {d}", f"(via {o})", f"[{o}]", f"Source: {o}"],
        "x": ['"{q}," {o} said.', '{o} wrote: "{q}"', 'Quote from {o}: {q}', 'BLOCK'],
    }


def title_case(t: str) -> str:
    words = t.split()
    return " ".join(w if (i and w.lower() in SMALL) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def dateline(rng: random.Random, n: dict[str, str]) -> str:
    """"PLACE (Outlet) — " or "Month D, YYYY — " opening the first paragraph, as wire copy prints it."""
    if rng.random() < 0.5:
        short = " ".join(n["o"].split()[-2:]) if rng.random() < 0.5 else n["o"]
        return f"{_place(rng).upper()} ({short}) — "
    return f"{n['m']} {n['dd']}, {n['y']} — "


def compose(rng: random.Random, form: str, title: str | None, body: list[str], w: dict[str, list[str]],
            n: dict[str, str]) -> tuple[list[list[str]], str | None]:
    """The inserted block as parts (two parts: a host paragraph goes between), and the passage's headline."""
    body = list(body)
    head = title_case(title) if title and rng.random() < 0.6 else None
    if form != "d_long_excerpt" and len(body) >= 4 and rng.random() < 0.3:   # the host's ad break inside
        k = len(body) // 2
        body = body[:k] + [rng.choice(BREAKS)] + body[k:]
    if form == "a_attribution_after":
        line = rng.choice(w["a"])
        if line == "INLINE":              # the source in brackets closing the last paragraph
            body[-1] += f" (Source: {n['o']})"
            return [([head] if head else []) + body], head
        return [([head] if head else []) + body + [line]], head
    if form == "b_intro_before":
        intro = rng.choice(w["b"])
        real = [p for p in body if p not in BREAKS]
        if len(real) >= 5 and rng.random() < 0.35:     # split in two around the host's own paragraph
            k = len(real) // 2
            return [[intro] + ([head] if head else []) + real[:k], real[k:]], head
        return [[intro] + ([head] if head else []) + body], head
    if form == "c_header_notice":
        head = title_case(title) if title else " ".join(body[0].split()[:8]).rstrip(".,")
        by = rng.choice(w["c_by"])
        if rng.random() < 0.5:
            body[0] = dateline(rng, n) + body[0]
        return [[head] + ([by] if by != "NONE" else []) + body + [rng.choice(w["c_notice"])]], head
    return [body], None


def pools(bench: Path) -> tuple[list[str], list[str], list[str]]:
    """dev6's articles, article hosts and other hosts (forum, product, documentation ...), dev half only."""
    from .copyright_compose import _h, prose_paragraphs
    rows = [ln.split("\t") for ln in (bench / "index.tsv").read_text().splitlines()[1:] if ln.strip()]
    arts, others = [], []
    for pid, ptype, *_ in rows:
        if _h("copyright-compose:" + pid) % 2:
            continue                     # the frozen half: never used here
        if ptype == "article" and len(prose_paragraphs((bench / "main_content" / f"{pid}.txt").read_text())) >= 4:
            arts.append(pid)
        elif ptype != "article" and len(points(bench, pid)) >= 1:
            others.append(pid)
    return arts, others


def points(bench: Path, pid: str) -> list[tuple[int, str]]:
    from .copyright_dev5 import insertion_points
    return insertion_points(bench, pid)


def html_point(raw: str, para: str) -> int | None:
    """The offset after the host's own <p> whose text starts like para (None: not found)."""
    key = " ".join(para.split())[:40]
    for m in re.finditer(r"<p\b[^>]*>(.*?)</p>", raw, re.S | re.I):
        txt = " ".join(html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).split())
        if txt.startswith(key):
            return m.end()
    return None


def to_html(parts: list[str], head: str | None, quote: bool) -> str:
    out = []
    for p in parts:
        if p.startswith("> "):
            continue
        e = html.escape(p, quote=False)
        out.append(f"<h2>{e}</h2>" if p == head else f"<p>{e}</p>")
    s = "\n".join(out)
    return f"\n<blockquote>\n{s}\n</blockquote>\n" if quote else f"\n{s}\n"


def build(bench: Path, out: Path) -> int:
    from .copyright_compose import article_body, head_words, prose_paragraphs, sentences, tail_words, title_of
    rng = random.Random("copyright-compose:dev6")
    arts, others = pools(bench)
    rng.shuffle(arts)
    rng.shuffle(others)
    srcs, art_hosts = arts[:48], arts[48:]
    jobs = [(f, i) for f in FORMS for i in range(12)] + [("control", i) for i in range(8)]
    # controls first on the forum / product / documentation pages, then the forms on what is left
    hosts = others + art_hosts
    raw_d, gold_d = out / "dev6" / "raw", out / "dev6" / "gold"
    raw_d.mkdir(parents=True, exist_ok=True)
    gold_d.mkdir(parents=True, exist_ok=True)
    meta = {}
    order = list(range(len(jobs)))
    ctl = [j for j, (f, _) in enumerate(jobs) if f == "control"]
    rest = [j for j in order if j not in ctl]
    for slot, n_job in enumerate(ctl + rest):
        form, i = jobs[n_job]
        host = hosts[slot % len(hosts)]
        src = srcs[n_job % len(srcs)]
        pts = points(bench, host)
        at, before = pts[rng.randrange(len(pts))]
        after = next((p for k, p in pts if k > at), None)
        nm = names(rng)
        w = wordings(nm)
        keep = [tail_words(before, 6)] + ([head_words(after, 6)] if after else [])
        parts: list[list[str]] = []
        flag = []
        quote_block = False
        host_between = None
        if form != "control":
            body = article_body(rng, form, bench, src, 800)
            title = title_of(bench / "raw" / f"{src}.html")
            parts, head = compose(rng, form, title, body, w, nm)
            if form == "d_long_excerpt":
                quote_block = rng.random() < 0.6      # a blockquote with no quote marks
                if rng.random() < 0.5:
                    parts = [[rng.choice(w["d_intro"])] + body]
                else:
                    parts = [body + [rng.choice(w["d_after"])]]
            if len(parts) == 2:
                host_between = ("That was the first half. What strikes me most is how little of this was known "
                                "at the time, and how much of it still holds up today. Read on for the rest.")
                flag = [{"start": head_words(parts[0][1], 6), "end": tail_words(parts[0][-1], 6)},
                        {"start": head_words(parts[1][0], 6), "end": tail_words(parts[1][-1], 6)}]
                keep.append(head_words(host_between, 7))
            else:
                flag = [{"start": head_words(head or body[0], 6), "end": tail_words(body[-1], 6)}]
        ex_src = prose_paragraphs((bench / "main_content" / f"{srcs[(n_job + 5) % len(srcs)]}.txt").read_text())
        sents = sentences(rng.choice(ex_src)) or ex_src[:1]
        quote = sents[0] if len(" ".join(sents[:2]).split()) > 55 else " ".join(sents[:2])
        xn = names(rng)
        xform = rng.choice(wordings(xn)["x"])
        keep.append(head_words(quote, 6))
        is_html = rng.random() < 0.5 and html_point((bench / "raw" / f"{host}.html").read_text(
            encoding="utf-8", errors="replace"), before) is not None
        name = f"dev6_{form[0] if form != 'control' else 'k'}_{i:02d}_{host}_{src if form != 'control' else 'none'}"
        ex_at = next((k for k, p in pts if k != at), None)
        ex_para = next((p for k, p in pts if k == ex_at), None)
        if is_html:
            raw = (bench / "raw" / f"{host}.html").read_text(encoding="utf-8", errors="replace")
            ins = ""
            for j, part in enumerate(parts):
                ins += to_html(part, head if j == 0 else None, quote_block)
                if j == 0 and host_between:
                    ins += f"<p>{host_between}</p>\n"
            exh = (f"\n<blockquote><p>{html.escape(quote, quote=False)}</p></blockquote>\n<p>— {xn['o']}</p>\n"
                   if xform == "BLOCK" else f"\n<p>{html.escape(xform.format(q=quote, o=xn['o']), quote=False)}</p>\n")
            cut = html_point(raw, before)
            xcut = html_point(raw, ex_para) if ex_para else None
            edits = sorted([(cut, ins)] + ([(xcut, exh)] if xcut and xcut != cut else []), reverse=True)
            if not (xcut and xcut != cut):
                edits = [(cut, ins + exh)]
            for off, s in edits:
                raw = raw[:off] + s + raw[off:]
            (raw_d / f"{name}.html").write_text(raw, encoding="utf-8")
            doc = f"{name}.html"
        else:
            lines = (bench / "raw_text" / f"{host}.txt").read_text(encoding="utf-8").split("\n")
            ins_lines: list[str] = []
            for j, part in enumerate(parts):
                ps = [f"> {p}" for p in part] if quote_block else part
                ins_lines += ["", *"\n\n".join(ps).split("\n"), ""]
                if j == 0 and host_between:
                    ins_lines += [host_between, ""]
            exl = ([f"> {quote}", "", f"— {xn['o']}"] if xform == "BLOCK" else [xform.format(q=quote, o=xn["o"])])
            pieces = {at: ins_lines}
            if ex_at is None:
                pieces[at] = ins_lines + exl + [""]
            else:
                pieces[ex_at] = ["", *exl, ""]
            text_lines: list[str] = []
            for j, ln in enumerate(lines):
                text_lines.append(ln)
                text_lines += pieces.get(j, [])
            (raw_d / f"{name}.txt").write_text("\n".join(text_lines), encoding="utf-8")
            doc = f"{name}.txt"
        g = {"document": doc, "copyright": {"flag": flag, "keep": keep}}
        (gold_d / f"{name}.yaml").write_text(yaml.safe_dump(g, allow_unicode=True, sort_keys=False), encoding="utf-8")
        meta[name] = {"form": form, "host": host, "source": src if form != "control" else None,
                      "html": is_html, "blockquote": quote_block, "parts": len(parts) or 0}
    (out / "dev6" / "forms.json").write_text(json.dumps(meta, indent=1, sort_keys=True))
    return len(jobs)
