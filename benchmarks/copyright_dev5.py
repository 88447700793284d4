"""dev5 of the composed copyright set: other hosts, other articles, and the shapes the held-out set may use.

Why: dev..dev4 pair the same 37 article sources with the same hosts and are nearly saturated, so
they no longer say how the rules do on pages they were not tuned on. dev5 stays on the dev half of
wcxb-dev (the frozen half is never touched) but swaps the roles: its articles are the dev-half
article pages the other splits used as hosts, its hosts the dev-half pages that are not articles
(forums, products, listings, service pages), inserted after any of their own paragraphs or their own
numbered steps. Its wordings and shapes are ones the other splits lack: "Originally published in X
on DATE", "This article first appeared at X", "(c) YEAR X. Used by permission.", credit lines in
italics, an outlet named only by its web address, headline-less articles, articles of short
(one- or two-sentence) paragraphs, "<Outlet> Staff Writer" bylines, excerpts in quote marks with the
outlet after them, long excerpts from a book or a report, and host text in the second person (some
of it on the article's topic) beside the insertion.

    python -m benchmarks.copyright_compose --out /tmp/cr-dev      # builds dev5 with the others
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path

import yaml

SYL = ["cal", "dre", "fio", "gan", "hes", "jor", "kal", "mun", "nis", "pra", "rho", "sel"]
PATTERNS = ["The {P} Journal", "{P} Daily News", "The {P} Sun", "{P} Bulletin", "{P} Public Broadcasting",
            "{P} Times-Union", "The {P} Inquirer", "Metro {P}"]
FIRST = ["Alice", "Bruno", "Chiara", "Dmitri", "Esther", "Farid", "Gwen", "Hugo"]
LAST = ["Thornbury", "Valdez", "Okonkwo", "Lindgren", "Marchetti", "Achebe", "Holloway", "Strand"]
ORGS = ["The {P} Institute", "{P} Research Council", "Center for {P} Studies", "The {P} Foundation"]
PUBLISHERS = ["{P} House", "{P} University Press", "{P} Books"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
LIST_LINE = re.compile(r"^\s*(\d{1,2}[.)]|[-*•])\s+\S")
FORMS = ("a_attribution_after", "b_intro_before", "c_header_notice", "d_long_excerpt")


def _place(rng: random.Random) -> str:
    return "".join(rng.choice(SYL) for _ in range(rng.choice((2, 3)))).capitalize()


def names(rng: random.Random) -> dict[str, str]:
    """One insertion's outlet, its web address, an author, a date, a book or report and its publisher."""
    place = _place(rng)
    o = rng.choice(PATTERNS).format(P=place)
    y, m, d = rng.choice((2015, 2016, 2017)), rng.randint(1, 12), rng.randint(1, 28)
    date = rng.choice([f"{MONTHS[m - 1]} {d}, {y}", f"{d} {MONTHS[m - 1]} {y}", f"{MONTHS[m - 1][:3]} {d}, {y}",
                       f"{m}/{d}/{y}"])
    slug = re.sub(r"[^a-z]", "", o.lower().replace("the ", ""))
    return {"o": o, "d": date, "y": str(y), "who": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "domain": f"www.{slug}.com", "url": f"https://www.{slug}.com/{y}/{m:02d}/{d:02d}/",
            "org": rng.choice(ORGS).format(P=_place(rng)), "pub": rng.choice(PUBLISHERS).format(P=_place(rng))}


def wordings(n: dict[str, str], title: str) -> dict[str, list[str]]:
    o, d, y, who = n["o"], n["d"], n["y"], n["who"]
    return {
        "a": [f"Originally published in {o} on {d}.", f"This article first appeared at {o}.", f"Source: {o}",
              f"Reprinted with permission from {o}.", f"(c) {y} {o}. Used by permission.", f"Via {o}",
              f"*This story was originally published by {o}.*", f"_Source: {o}, {d}_",
              f"Source: {n['url']}", f"via {n['domain']}", f"This article first appeared at {n['domain']}."],
        "b": [f"Originally published in {o} on {d}:", f"This article first appeared at {o}.",
              f"Here's the full story from {o}, {d}:", f"{o} published the following on {d}.",
              f"The story below is from {o}.", f"You can read the original at {o}; here it is in full:",
              f"We're reposting this piece from {n['domain']}:"],
        "c_by": [f"{o} Staff Writer", f"By {who}, {o} Staff Writer", f"*By {who}*", f"{who} for {o}",
                 f"Story by {who} | {o}"],
        "c_date": [d, f"Published {d}"],
        "c_notice": [f"(c) {y} {o}. Used by permission.", f"Copyright {y} {o}", f"© {o}, {y}",
                     f"*© {y} {o}. All rights reserved.*", f"Copyright © {o}. All rights reserved."],
        "d_intro": [f"In the book {title}, {who} writes:", f"From {title} by {who} ({n['pub']}, {y}):",
                    f"The {n['org']} report, published {d}, puts it this way:",
                    f"You should read what {o} wrote about this:"],
        "d_after": [f"— {o}", f"({o}, {d})", f"— from {o}'s report, {d}", f"Source: {o}",
                    f"— {who}, {title} ({n['pub']}, {y})", f"— {n['org']}, “{title}” ({y})"],
        "x": [f'“{{q}}” — {o}', f'"{{q}}" ({o}, {d})', f'As {who} wrote in {o}: "{{q}}"', f'“{{q}}” ({n["domain"]})'],
    }


def topic_words(body: list[str], k: int = 3) -> list[str]:
    """The article's most frequent long words: a host paragraph built from them is on its topic."""
    c = Counter(w.lower() for p in body for w in re.findall(r"[A-Za-z]{7,}", p))
    return [w for w, _ in c.most_common(k)] + ["this"] * max(0, k - len(c))


def you_paragraph(rng: random.Random, words: list[str]) -> str:
    """The host speaking to its reader in the second person, on the article's topic."""
    a, b, c = words
    return rng.choice([
        f"If you have been following the news about {a} and {b}, you will want to read this one carefully. "
        f"You may not agree with every point, but you will come away knowing far more about {c} than you did before.",
        f"So what does this mean for you? If you care about {a}, you should pay attention to how {b} plays out, "
        f"and you can tell us in the comments whether your own experience with {c} matches what is described here.",
        f"You can find plenty of opinions about {a} online, but you rarely get the full picture. Take a few "
        f"minutes, read it through, and then decide for yourself what you think about {b} and {c}.",
    ])


def steps(rng: random.Random) -> list[str]:
    """The host's own numbered steps (in the second person) before the insertion."""
    items = ["Read the whole piece before you form an opinion.", "Check when it was published and by whom.",
             "Look up the people and organisations it mentions.", "Compare it with what you already know.",
             "Share it only if you think it is accurate."]
    return [f"{i + 1}. {t}" for i, t in enumerate(rng.sample(items, rng.choice((3, 4))))]


def short_paragraphs(body: list[str]) -> list[str]:
    """The article re-set as news sites set it: one or two sentences a paragraph."""
    out: list[str] = []
    for p in body:
        sents = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", p)
        cur = ""
        for s in sents:
            cur = f"{cur} {s}".strip()
            if len(cur.split()) >= 18:
                out.append(cur)
                cur = ""
        if cur:
            if out and len(cur.split()) < 8:
                out[-1] += " " + cur
            else:
                out.append(cur)
    return out


def pools(bench: Path) -> tuple[list[str], list[str]]:
    """dev5's articles and hosts, each used once (a host or an article on two pages is a cross-document copy):
    articles first from the dev-half article pages the other splits used as hosts, hosts first from the
    dev-half pages that are not articles; the dev half's other article pages make up the numbers."""
    from .copyright_compose import _h, prose_paragraphs
    rows = [ln.split("\t") for ln in (bench / "index.tsv").read_text().splitlines()[1:] if ln.strip()]
    new_srcs, old_srcs, hosts = [], [], []
    for pid, ptype, *_ in rows:
        h = _h("copyright-compose:" + pid) % 4
        if h % 2:
            continue                     # the frozen half: never used here
        if ptype == "article":
            if len(prose_paragraphs((bench / "main_content" / f"{pid}.txt").read_text())) >= 4:
                (new_srcs if h == 2 else old_srcs).append(pid)
        elif insertion_points(bench, pid):
            hosts.append(pid)
    return new_srcs, old_srcs, hosts


def insertion_points(bench: Path, pid: str) -> list[tuple[int, str]]:
    """The host's own prose paragraphs found in its text dump: (line index, paragraph)."""
    from .copyright_compose import prose_paragraphs
    lines = (bench / "raw_text" / f"{pid}.txt").read_text(encoding="utf-8").split("\n")
    own = prose_paragraphs((bench / "main_content" / f"{pid}.txt").read_text())
    keys = {" ".join(ln.split())[:60]: i for i, ln in enumerate(lines) if len(ln.split()) >= 15}
    return sorted((keys[p[:60]], p) for p in own if p[:60] in keys)


def compose(rng: random.Random, form: str, title: str | None, body: list[str], w: dict[str, list[str]]
            ) -> tuple[list[str], str | None, list[str]]:
    """The inserted block, the passage's headline (None: it starts at its first words) and its body."""
    from .copyright_compose import head_words
    if rng.random() < 0.4:
        body = short_paragraphs(body)
    head = title if title and rng.random() < 0.55 else None
    if form == "a_attribution_after":
        block = ([head] if head else []) + body + [rng.choice(w["a"])]
    elif form == "b_intro_before":
        by = [rng.choice(w["c_by"][:2])] if head and rng.random() < 0.4 else []
        block = [rng.choice(w["b"])] + ([head] if head else []) + by + body
    elif form == "c_header_notice":
        head = title or head_words(body[0], 8).rstrip(".,")
        block = [head, rng.choice(w["c_by"])] + ([rng.choice(w["c_date"])] if rng.random() < 0.4 else [])
        block += body + [rng.choice(w["c_notice"])]
    else:
        head = None
        if rng.random() < 0.4:
            block = [rng.choice(w["d_intro"])] + body
        else:                            # quote marks: opening on every paragraph, closing on the last
            mark = rng.choice((("“", "”"), ('"', '"')))
            block = [mark[0] + p for p in body]
            block[-1] += mark[1]
            block.append(rng.choice(w["d_after"]))
    return block, head, body


def build(bench: Path, out: Path) -> int:
    from .copyright_compose import article_body, head_words, prose_paragraphs, sentences, tail_words, title_of
    rng = random.Random("copyright-compose:dev5")
    new_srcs, old_srcs, hosts = pools(bench)
    for pool in (new_srcs, old_srcs, hosts):
        rng.shuffle(pool)
    jobs = [(f, i) for f in FORMS for i in range(12)] + [("control", i) for i in range(6)]
    srcs = new_srcs + old_srcs[:max(0, 48 - len(new_srcs))]
    hosts += [p for p in old_srcs if p not in srcs and insertion_points(bench, p)][:max(0, len(jobs) - len(hosts))]
    raw, gold = out / "dev5" / "raw", out / "dev5" / "gold"
    raw.mkdir(parents=True, exist_ok=True)
    gold.mkdir(parents=True, exist_ok=True)
    meta = {}
    for n, (form, i) in enumerate(jobs):
        host, src = hosts[n % len(hosts)], srcs[n % len(srcs)]
        lines = (bench / "raw_text" / f"{host}.txt").read_text(encoding="utf-8").split("\n")
        points = insertion_points(bench, host)
        at, before = points[rng.randrange(len(points))]
        after = next((p for k, p in points if k > at), None)
        body = article_body(rng, form, bench, src, 800)
        nm = names(rng)
        title = title_of(bench / "raw" / f"{src}.html")
        w = wordings(nm, title or f"The {topic_words(body, 1)[0].capitalize()} Question")
        keep = [tail_words(before, 6)] + ([head_words(after, 6)] if after else [])
        insert: list[str] = []
        flag = []
        if rng.random() < 0.3:                       # the host's own numbered steps, then the insertion
            st = steps(rng)
            insert += st
            keep.append(head_words(st[-1][3:], 5))
        you = None
        if rng.random() < 0.45:
            you = you_paragraph(rng, topic_words(body))
            keep.append(head_words(you, 7))
        you_after = rng.random() < 0.5
        if you and not you_after:
            insert.append(you)
        if form != "control":
            block, head, kept_body = compose(rng, form, title, body, w)
            insert += block
            flag = [{"start": head_words((head or kept_body[0]).strip("“\""), 6),
                     "end": tail_words(kept_body[-1].strip("”\""), 6)}]
        if you and you_after:
            insert.append(you)
        ex_src = prose_paragraphs((bench / "main_content" / f"{srcs[(n + 1) % len(srcs)]}.txt").read_text())
        para = rng.choice(ex_src)
        sents = sentences(para)[: rng.randint(1, 2)] or [para]
        quote = sents[0] if len(" ".join(sents).split()) > 60 else " ".join(sents)
        # the short excerpt names a source of its own (the long passage's outlet again would add up: cumulative)
        xr = random.Random(f"copyright-compose:dev5:excerpt:{n}")
        rng.choice(w["x"])                # (drawn as before, so the pages' other draws stay as they were)
        excerpt = xr.choice(wordings(names(xr), "")["x"]).format(q=quote)
        keep.append(head_words(sents[0], 6))
        ex_at = next((k for k, _ in points if k != at), None)
        pieces: dict[int, list[str]] = {at: ["", *"\n\n".join(insert).split("\n"), ""]}
        if ex_at is None:
            pieces[at] += [excerpt, ""]
        else:
            pieces[ex_at] = ["", excerpt, ""]
        text_lines: list[str] = []
        for j, ln in enumerate(lines):
            text_lines.append(ln)
            text_lines += pieces.get(j, [])
        name = f"dev5_{form[0] if form != 'control' else 'k'}_{i:02d}_{host}_{src}"
        (raw / f"{name}.txt").write_text("\n".join(text_lines), encoding="utf-8")
        g = {"document": f"{name}.txt", "copyright": {"flag": flag, "keep": keep}}
        (gold / f"{name}.yaml").write_text(yaml.safe_dump(g, allow_unicode=True, sort_keys=False), encoding="utf-8")
        meta[name] = {"form": form, "host": host, "source": src}
    (out / "dev5" / "forms.json").write_text(json.dumps(meta, indent=1, sort_keys=True))
    return len(jobs)
