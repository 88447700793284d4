"""dev8 of the composed copyright set: attributions by bio, date or address only, "we" agency copy, blog commentary.

Why: dev..dev7 name the outlet on an attribution or introduction line in a handful of wordings, and
write every article in the third person. dev8 was built before any rule change of its round (issue 13,
round 7), from shapes no earlier split has: an author-bio attribution ("NAME writes for X. This article
first appeared ..."), agency copy written as "we" / "our reporters", two reproduced articles on one
page, an article inside a first-person blog post with the host's remarks before, between and after its
paragraphs, introduction lines in other wordings (and none at all, only a dateline), attribution lines
naming only a date or only a web address, excerpts in quote marks past the long-quotation bar with the
outlet after them, whole articles pasted with no headline. Controls: the host's paragraphs, short
attributed excerpts in quote marks with the outlet after them, the host's own "we" paragraphs. The
dev half of wcxb-dev only, each host and each article on one page; about 40 % HTML pages.

    python -m benchmarks.copyright_compose --out /tmp/cr-dev      # builds dev8 with the others
"""

from __future__ import annotations

import html
import json
import random
import re
from pathlib import Path

import yaml

from .copyright_dev6 import MONTHS, title_case
from .copyright_pages import next_host, shuffled_pools, split_dirs, write_page
from .copyright_dev7 import take, words

SYL = ["cal", "dre", "fon", "gis", "hem", "jor", "lut", "mab", "nis", "orv", "quil", "sab"]
PATTERNS = ["The {P} Register", "{P} Daily Argus", "The {P} Standard-Times", "{P} Metro Wire",
            "{P} Community Radio", "The {P} Inquirer", "{P} Regional Press", "{P}Now"]
FIRST = ["Ottilie", "Rashid", "Signe", "Teodor", "Ulla", "Vikram", "Wanjiru", "Yusuf"]
LAST = ["Abernathy", "Castellanos", "Dunmore", "Ellingsen", "Fitzwilliam", "Gutiérrez", "Holloway", "Ivanova"]
FORMS = ("a_attribution_after", "b_intro_before", "c_header_notice", "d_long_excerpt")
SHAPES = {"a_attribution_after": ["author_bio", "date_only", "url_only", "two_articles", "no_headline", "author_bio"],
          "b_intro_before": ["blog_interleaved", "intro_wordings", "dateline_only", "agency_we", "two_articles",
                             "intro_wordings"],
          "c_header_notice": ["agency_we", "no_headline", "bio_notice"],
          "d_long_excerpt": ["quoted_after", "quoted_sentence_after", "quoted_every_para"]}
CONTROLS = ["short_quoted_after", "own_we", "blog_mentions", "short_quoted_after"]
BLOG_BEFORE = ["I came across this piece this morning and I want to go through it slowly, because I think it matters to "
               "a lot of us here.",
               "I have been meaning to write about this for weeks, and then I read the article below, which says much of "
               "what I wanted to say. My comments are in between."]
BLOG_BETWEEN = ["I have to stop here for a moment. I have seen this myself, more than once, and I never knew why.",
                "This is the part I disagree with. In my experience it goes the other way, and I say so as someone who "
                "has tried.",
                "I keep coming back to this paragraph. My guess is that most readers skip it, and I think they should not.",
                "Honestly, I laughed when I read this, but then I checked and I think it is right."]
BLOG_AFTER = ["That is where the article ends. I will write more about my own attempt next week; for now I wanted us "
              "all to read it.",
              "So that is the piece. I am not sure I agree with all of it, but I am glad I read it, and I hope you are too."]
WE_SENTENCES = ["Our reporters visited the site twice last week.",
                "We contacted the company for comment but had not heard back by the time of publication.",
                "Our correspondent was told the figures would be published later this year.",
                "We have asked the authorities for the full report and will update this story when we receive it.",
                "Our analysis of the public records found the same pattern in earlier years."]
OWN_WE = ["We started this site because we could not find the information ourselves, and we still write every page "
          "here from our own experience. Our readers tell us what to cover next, and we try to answer them all.",
          "Our team has tested this setup for two years now. We change it when something better comes along, and we "
          "say so on this page when we do."]


def _place(rng: random.Random) -> str:
    return "".join(rng.choice(SYL) for _ in range(rng.choice((2, 3)))).capitalize()


def names(rng: random.Random) -> dict[str, str]:
    """One insertion's outlet, its address, an author, a date and a dateline place."""
    o = rng.choice(PATTERNS).format(P=_place(rng))
    y, m, d = rng.choice((2015, 2016, 2017)), rng.randint(1, 12), rng.randint(1, 28)
    date = rng.choice([f"{MONTHS[m - 1]} {d}, {y}", f"{d} {MONTHS[m - 1]} {y}", f"{MONTHS[m - 1][:3]}. {d}, {y}",
                       f"{y}-{m:02d}-{d:02d}"])
    slug = re.sub(r"[^a-z]", "", o.lower().replace("the ", ""))
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return {"o": o, "d": date, "y": str(y), "md": f"{MONTHS[m - 1]} {d}", "who": f"{first} {last}", "last": last,
            "url": f"https://www.{slug}.com/{y}/{m:02d}/{rng.choice(('news', 'local', 'world'))}/{d}{m}{y % 100}.html",
            "domain": f"www.{slug}.com", "place": _place(rng).upper()}


def we_voice(rng: random.Random, body: list[str]) -> list[str]:
    """An agency's copy: one "we" / "our reporters" sentence added to about every other paragraph."""
    out = []
    for k, p in enumerate(body):
        out.append(p + " " + WE_SENTENCES[(k // 2) % len(WE_SENTENCES)] if k % 2 == 1 else p)
    return out


def attribution(rng: random.Random, shape: str, n: dict[str, str]) -> str:
    if shape == "author_bio":
        return rng.choice([f"{n['who']} writes for {n['o']}. This article first appeared on {n['d']}.",
                           f"{n['who']} is a columnist at {n['o']}, where this piece first ran.",
                           f"{n['who']} covers health and science for {n['o']}. This article first appeared at {n['domain']}.",
                           f"About the author: {n['who']} has reported for {n['o']} since {int(n['y']) - 4}. "
                           f"This story was first published on {n['d']}."])
    if shape == "date_only":
        return rng.choice([f"Originally published {n['d']}.", f"(First published {n['d']})", f"Published: {n['d']}",
                           f"This article was first published on {n['d']}."])
    if shape == "url_only":
        return rng.choice([n["url"], f"Original: {n['url']}", f"({n['domain']})", f"Link: {n['url']}"])
    return rng.choice([f"— {n['o']}, {n['d']}", f"Source: {n['o']} ({n['d']})", f"This article first appeared in {n['o']}.",
                       f"{n['o']} | {n['d']}"])


def intro(rng: random.Random, n: dict[str, str]) -> str:
    the = "the " + n["o"].removeprefix("The ")         # "the Mabnis Register", never "the The ..."
    return rng.choice([f"I'm pasting {n['o']}'s report from {n['d']} below, since the link will not last:",
                       f"Here's what {n['o']} published this morning:",
                       f"The full text of {the} article of {n['d']} follows.",
                       f"Copied from {n['o']} ({n['d']}):",
                       f"This is from {the} website:",
                       f"Text of the article ({n['o']}, {n['d']}):",
                       f"For those who can't get past the paywall, {the} story reads:",
                       f"{n['o']} covered it on {n['d']}. The whole piece:"])


def compose(rng: random.Random, form: str, shape: str, paras: list[list[str]], titles: list[str | None]
            ) -> tuple[list[list[tuple[str, str]]], list[str]]:
    """The inserted segments ((kind, text) items; 'host' items are the host's own) and host paragraphs between them."""
    n = names(rng)
    segs: list[list[tuple[str, str]]] = []
    between: list[str] = []
    def head(j: int, body: list[str]) -> list[tuple[str, str]]:
        t = titles[j]
        return [("head", title_case(t))] if t and shape not in ("no_headline", "dateline_only") else []
    if form == "a_attribution_after":
        for j in range(2 if shape == "two_articles" else 1):
            nj = n if j == 0 else names(rng)
            body = take(paras[j], rng.randint(280, 420) if shape == "two_articles" else rng.randint(350, 750), 900)
            segs.append(head(j, body) + [("p", p) for p in body] + [("furn", attribution(rng, shape, nj))])
            if j == 0 and shape == "two_articles":
                between.append(rng.choice(BLOG_BETWEEN) + " " + rng.choice(BLOG_BETWEEN))
    elif form == "b_intro_before":
        if shape == "blog_interleaved":
            body = take(paras[0], 600, 1100)
            chunks, cur = [], []
            for p in body:
                cur.append(p)
                if words(cur) >= 130:
                    chunks.append(cur)
                    cur = []
            if cur:
                chunks[-1].extend(cur) if chunks and words(cur) < 100 else chunks.append(cur)
            for j, c in enumerate(chunks):
                seg = ([("host", rng.choice(BLOG_BEFORE)), ("furn", intro(rng, n))] if j == 0 else []) + [("p", p) for p in c]
                if j == len(chunks) - 1:
                    seg.append(("host", rng.choice(BLOG_AFTER)))
                segs.append(seg)
                if j < len(chunks) - 1:
                    between.append(BLOG_BETWEEN[j % len(BLOG_BETWEEN)])
        else:
            for j in range(2 if shape == "two_articles" else 1):
                nj = n if j == 0 else names(rng)
                body = take(paras[j], rng.randint(280, 420) if shape == "two_articles" else rng.randint(350, 750), 900)
                if shape == "agency_we":
                    body = we_voice(rng, body)
                if shape == "dateline_only":
                    dl = rng.choice([f"{nj['place']} — ", f"{nj['place']}, {nj['md']} — ", f"{nj['place']}, {nj['md']} -- "])
                    segs.append(head(j, body) + [("p", dl + body[0])] + [("p", p) for p in body[1:]])
                else:
                    segs.append([("furn", intro(rng, nj))] + (head(j, body) if rng.random() < 0.6 else [])
                                + [("p", p) for p in body])
                if j == 0 and shape == "two_articles":
                    between.append(rng.choice(BLOG_BETWEEN) + " " + rng.choice(BLOG_BETWEEN))
    elif form == "c_header_notice":
        body = take(paras[0], rng.randint(350, 750), 900)
        if shape == "agency_we":
            body = we_voice(rng, body)
        by = rng.choice([f"By {n['who']}, {n['o']}", f"{n['o']} staff", f"By {n['who']}"])
        top = head(0, body) + ([("furn", by)] if shape != "no_headline" else [("furn", f"By {n['who']} | {n['d']}")])
        tail = [("host", f"{n['who']} is a reporter for {n['o']}.")] if shape == "bio_notice" else []
        note = rng.choice([f"© {n['y']} {n['o']}", f"Copyright {n['y']} {n['o']}. All rights reserved.",
                           f"© {n['o']} {n['y']}. Reproduced with permission."])
        items = top + [("p", p) for p in body] + [(k if k != "host" else "furn", t) for k, t in tail] + [("furn", note)]
        segs.append(items)
    else:
        body = take(paras[0], 320, 480)
        if words(body) < 310:
            body = take(paras[0], 320, 700)
        if shape == "quoted_every_para":
            q = [f"“{p}" for p in body]
            q[-1] += "”"
            tail = rng.choice([f"— {n['o']}", f"({n['o']}, {n['d']})", f"That is how {n['o']} put it on {n['d']}."])
        elif shape == "quoted_sentence_after":
            q = [f"“{p}" if j == 0 else p for j, p in enumerate(body)]
            q[-1] += "”"
            tail = rng.choice([f"That was {n['who']}, writing in {n['o']} on {n['d']}.",
                               f"So wrote {n['o']} on {n['d']}, and I could not put it better.",
                               f"That's {n['o']}'s account, published {n['d']}."])
        else:
            q = [f'"{p}' if j == 0 else p for j, p in enumerate(body)]
            q[-1] += '"'
            tail = rng.choice([f"— {n['o']}, {n['d']}", f"Source: {n['domain']}", f"({n['o']})"])
        segs.append([("p", p) for p in q] + [("furn", tail)])
    return segs, between


def ends(items: list[tuple[str, str]]) -> tuple[str, str]:
    from .copyright_compose import head_words, tail_words
    first = next(t for k, t in items if k in ("head", "p"))
    last = [t for k, t in items if k == "p"][-1]
    first = re.sub(r"^[A-Z]{3,}(, [A-Z][a-z]+ \d+)? (—|--) ", "", first)
    return head_words(first.lstrip("“\""), 6), tail_words(last.rstrip("”\""), 6)


def to_text(segs: list[list[tuple[str, str]]], between: list[str]) -> list[str]:
    out: list[str] = []
    for j, seg in enumerate(segs):
        for _, t in seg:
            out += ["", t]
        out.append("")
        if j < len(between):
            out += [between[j], ""]
    return out


def to_html(segs: list[list[tuple[str, str]]], between: list[str]) -> str:
    out = []
    for j, seg in enumerate(segs):
        for k, t in seg:
            e = html.escape(t, quote=False)
            out.append(f"<h3>{e}</h3>" if k == "head" else f"<p>{e}</p>")
        if j < len(between):
            out.append(f"<p>{html.escape(between[j], quote=False)}</p>")
    return "\n" + "\n".join(out) + "\n"


def short_quoted(rng: random.Random, paras: list[str]) -> tuple[str, str]:
    """A short excerpt (two to four sentences, under 90 words) in quote marks with its outlet after it."""
    from .copyright_compose import head_words, sentences
    n = names(rng)
    sents = sentences(paras[1 % len(paras)]) or paras[:1]
    q = ""
    for s in sents:
        if len((q + " " + s).split()) > 85:
            break
        q = (q + " " + s).strip()
    q = q or " ".join(sents[0].split()[:60])
    line = rng.choice([f"“{q}” — {n['o']}, {n['d']}", f"“{q}” ({n['o']})", f'"{q}" That is how {n["o"]} put it.'])
    return line, head_words(q, 6)


def build(bench: Path, out: Path) -> int:
    from .copyright_compose import head_words, prose_paragraphs, tail_words, title_of
    from .copyright_dev6 import html_point, points
    rng, arts, others = shuffled_pools(bench, "dev8")
    size = {a: words(prose_paragraphs((bench / "main_content" / f"{a}.txt").read_text())) for a in arts}
    jobs = [(f, SHAPES[f][i % len(SHAPES[f])], i) for f in FORMS for i in range(12)]
    jobs += [("control", CONTROLS[i % len(CONTROLS)], i) for i in range(8)]
    need_long = [j for j in jobs if j[1] == "blog_interleaved"]
    long_pool = sorted((a for a in arts if size[a] >= 650), key=lambda a: -size[a])[: len(need_long)]
    plain = [a for a in arts if a not in long_pool and size[a] >= 380]
    n_srcs = sum(2 if j[1] == "two_articles" else 1 for j in jobs if j[0] != "control" and j[1] != "blog_interleaved")
    plain, spare = plain[:n_srcs + 8], [a for a in arts if a not in long_pool and a not in plain[:n_srcs + 8]]
    hosts = others + spare
    raw_d, gold_d = split_dirs(out, "dev8")
    meta = {}
    hi = 0
    for form, shape, i in [j for j in jobs if j[0] == "control"] + [j for j in jobs if j[0] != "control"]:
        host, hi = next_host(bench, hosts, hi)
        pts = points(bench, host)
        at, before = pts[rng.randrange(len(pts))]
        after = next((p for k, p in pts if k > at), None)
        keep = [tail_words(before, 6)] + ([head_words(after, 6)] if after else [])
        segs: list[list[tuple[str, str]]] = []
        between: list[str] = []
        flags: list[dict[str, str]] = []
        srcs: list[str] = []
        if form != "control":
            srcs = [long_pool.pop()] if shape == "blog_interleaved" else \
                [plain.pop() for _ in range(2 if shape == "two_articles" else 1)]
            paras = [prose_paragraphs((bench / "main_content" / f"{s}.txt").read_text()) for s in srcs]
            segs, between = compose(rng, form, shape, paras, [title_of(bench / "raw" / f"{s}.html") for s in srcs])
            for s in segs:
                st, en = ends(s)
                flags.append({"start": st, "end": en})
            keep += [head_words(b, 7) for b in between]
            keep += [head_words(t, 7) for s in segs for k, t in s if k == "host"]
        qsrc = plain[-1 - (i % 5)] if plain else arts[i]
        qparas = prose_paragraphs((bench / "main_content" / f"{qsrc}.txt").read_text())
        extra = []
        nq = 3 if shape == "short_quoted_after" else 1
        for _ in range(nq):
            line, k = short_quoted(rng, qparas[_ * 2:] or qparas)
            extra.append(line)
            keep.append(k)
        if shape == "own_we":
            extra.append(rng.choice(OWN_WE))
            keep.append(head_words(extra[-1], 7))
        if shape == "blog_mentions":
            n = names(rng)
            extra.append(f"I read {n['o']}'s piece on this on {n['d']} and I have been thinking about it since. My own "
                         "view is simpler than theirs: we should try it for a month and then decide, and I will report back.")
            keep.append(head_words(extra[-1], 7))
        raw_html = (bench / "raw" / f"{host}.html").read_text(encoding="utf-8", errors="replace")
        is_html = rng.random() < 0.4 and html_point(raw_html, before) is not None
        name = f"dev8_{form[0] if form != 'control' else 'k'}_{i:02d}_{shape}_{host}_{'-'.join(srcs) or 'none'}"
        others_at = [(k, p) for k, p in pts if k != at]
        text_lines = [] if is_html else (bench / "raw_text" / f"{host}.txt").read_text(encoding="utf-8").split("\n")
        doc = write_page(raw_d, name, is_html, raw_html, text_lines, at,
                         html_point(raw_html, before) if is_html else None, to_html(segs, between) if is_html else "",
                         to_text(segs, between) if segs and not is_html else [], [[x] for x in extra], others_at,
                         lambda p: html_point(raw_html, p))
        g = {"document": doc, "copyright": {"flag": flags, "keep": keep}}
        (gold_d / f"{name}.yaml").write_text(yaml.safe_dump(g, allow_unicode=True, sort_keys=False), encoding="utf-8")
        meta[name] = {"form": form, "shape": shape, "host": host, "sources": srcs, "html": is_html,
                      "passages": len(flags)}
    (out / "dev8" / "forms.json").write_text(json.dumps(meta, indent=1, sort_keys=True))
    return len(jobs)
