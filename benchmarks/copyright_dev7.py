"""dev7 of the composed copyright set: news reproduced with the host's furniture and commentary around it.

Why: dev..dev6 insert clean articles; real sites paste them with their site furniture and cut them
with their own remarks. dev7 was built before any rule change of its round, from shapes no earlier
split has: articles interleaved with the host's commentary ("[...]" lines, one passage per extract),
"Read more:" / "Related:" link lines, image captions, "Advertisement" lines and pull quotes inside the
article, share counts under the headline, an author bio closing it, headlines as a `#` or underlined
line, a wire dateline opening the first paragraph ("PLACE (ABC) —"), the attribution only as a URL
line, articles introduced by a forum user ("NAME posted this from the X:"), two articles on one page,
single excerpts of 250-400 words, several excerpts from one outlet that add up past the
several-extract limit; controls: pages quoting many sources briefly, host text naming outlets and
dates in its own voice, the host's own copyright footer, a few short excerpts from one outlet. The
dev half of wcxb-dev only, each host and each article on one page; about 40 % HTML pages.

    python -m benchmarks.copyright_compose --out /tmp/cr-dev      # builds dev7 with the others
"""

from __future__ import annotations

import html
import json
import random
import re
import zlib
from pathlib import Path

import yaml

from .copyright_dev6 import MONTHS, title_case   # dev6's month names and headline casing
from .copyright_pages import next_host, shuffled_pools, split_dirs, write_page

SYL = ["ald", "bri", "cas", "dov", "eth", "fal", "gri", "hol", "isk", "jun", "mor", "pax"]
PATTERNS = ["The {P} Dispatch", "{P} Press-Gazette", "The {P} Beacon", "{P} Evening News", "{P} Newsroom",
            "The {P} Times-Herald", "{P} Public News Service", "The Daily {P}"]
FIRST = ["Agnes", "Bashir", "Colm", "Delphine", "Emeka", "Freya", "Gustav", "Hana"]
LAST = ["Ashworth", "Brennan", "Cortázar", "Drummond", "Eklund", "Fairweather", "Grünewald", "Halvorsen"]
HANDLES = ["oldtimer{n}", "{f}_from_{p}", "{p}fan{n}", "mod_{f}", "{f}{n}"]
FORMS = ("a_attribution_after", "b_intro_before", "c_header_notice", "d_long_excerpt")
SHAPES = {"a_attribution_after": ["furniture", "captions", "url_only", "two_articles"],
          "b_intro_before": ["forum_user", "interleaved", "wire_dateline", "two_articles"],
          "c_header_notice": ["underlined", "share_bio", "related_links"],
          "d_long_excerpt": ["boundary", "cumulative", "boundary_block"]}
CONTROLS = ["brief_quotes", "outlet_mentions", "own_footer", "few_short_same_outlet"]
COMMENTS = ["I think this is the part that matters most, and it is the part most people skip.",
            "This is where I started to disagree with the piece, though not with its facts.",
            "Note the numbers here; I checked them against what I have seen myself and they hold up.",
            "My own experience has been rather different, which is why I am sharing this at all.",
            "Worth pausing on this. It explains a lot of what we have been discussing on this site."]


def _place(rng: random.Random) -> str:
    return "".join(rng.choice(SYL) for _ in range(rng.choice((2, 3)))).capitalize()


def names(rng: random.Random) -> dict[str, str]:
    """One insertion's outlet, its address and agency abbreviation, an author, a date."""
    place = _place(rng)
    o = rng.choice(PATTERNS).format(P=place)
    y, m, d = rng.choice((2015, 2016, 2017)), rng.randint(1, 12), rng.randint(1, 28)
    date = rng.choice([f"{MONTHS[m - 1]} {d}, {y}", f"{d} {MONTHS[m - 1]} {y}", f"{MONTHS[m - 1][:3]}. {d}, {y}",
                       f"{m}/{d}/{y}"])
    slug = re.sub(r"[^a-z]", "", o.lower().replace("the ", ""))
    first, last = rng.choice(FIRST), rng.choice(LAST)
    handle = rng.choice(HANDLES).format(n=rng.randint(2, 99), f=first.lower(), p=place.lower())
    abbr = "".join(w[0] for w in re.findall(r"[A-Z][a-z]+", o) if w != "The")[:4].upper()
    return {"o": o, "d": date, "y": str(y), "who": f"{first} {last}", "last": last, "handle": handle,
            "url": f"https://www.{slug}.com/news/{y}/{m:02d}/{d:02d}/{rng.choice(('story', 'a', 'local'))}-{d}{m}{y % 100}",
            "domain": f"{slug}.com", "abbr": abbr or "NS", "place": _place(rng).upper()}


def words(ps: list[str]) -> int:
    return sum(len(p.split()) for p in ps)


def take(paras: list[str], lo: int, hi: int) -> list[str]:
    """The first paragraphs totalling at least lo words (stopping before hi when it can)."""
    out: list[str] = []
    for p in paras:
        if out and words(out) >= lo:
            break
        if out and words(out) + len(p.split()) > hi and words(out) >= lo * 0.8:
            break
        out.append(p)
    return out


def headline(title: str | None, body: list[str]) -> str:
    return title_case(title) if title else " ".join(body[0].split()[:8]).rstrip(".,;:")


def furniture_block(rng: random.Random, shape: str, n: dict[str, str], title: str | None, body: list[str],
                    other_title: str) -> tuple[list[tuple[str, str]], str]:
    """One article with its furniture as (kind, text) items, and the text its gold passage starts with."""
    head = headline(title, body)
    items: list[tuple[str, str]] = [("head", head)]
    if shape in ("furniture", "share_bio"):
        items.append(("furn", rng.choice([f"{rng.randint(2, 40)}.{rng.randint(1, 9)}K shares",
                                           f"Share on Facebook · Share on Twitter · {rng.randint(3, 90)} comments",
                                           f"{rng.randint(3, 9)} min read · {rng.randint(100, 999)} shares"])))
    if shape == "share_bio":
        items.append(("furn", f"{n['who']} | {n['o']} | {n['d']}"))
    if shape == "underlined":
        items.append(("furn", rng.choice([f"By {n['who']}, {n['o']}", f"{n['who']} / {n['o']}"])))
    if shape == "related_links":
        items.append(("furn", f"Updated {n['d']}"))
        items.append(("furn", f"By {n['who'].upper()}"))
    mid = len(body) // 2
    for k, p in enumerate(body):
        if k == mid and shape in ("furniture", "related_links"):
            items.append(("link", f"Related: {other_title}"))
        if k == mid and shape == "captions":
            items.append(("caption", rng.choice([f"Photo: {n['who']} / {n['o']}",
                                                 f"(Image credit: {n['who']} for {n['o']})"])))
        if k == mid + 1 and shape in ("captions", "share_bio") and len(body) > 3:
            items.append(("furn", "Advertisement"))
        if k == 1 and shape == "captions":
            sents = [s for s in re.split(r"(?<=[.!?])\s+", body[-1]) if len(s.split()) >= 8]
            if sents:
                items.append(("pull", f"“{sents[0]}”"))
        items.append(("p", p))
    if shape == "related_links":
        items.append(("link", f"Read more: {other_title}"))
    if shape in ("furniture", "share_bio"):
        items.append(("p", rng.choice([f"{n['who']} is a reporter for {n['o']} covering local government and the economy.",
                                       f"{n['who']} has written for {n['o']} since {int(n['y']) - 6}. Follow {n['last']} on Twitter."])))
    return items, head


def ends(items: list[tuple[str, str]]) -> tuple[str, str]:
    from .copyright_compose import head_words, tail_words
    first = next(t for k, t in items if k in ("head", "p"))
    last = [t for k, t in items if k == "p"][-1]
    return head_words(first.strip("“\""), 6), tail_words(last.strip("”\""), 6)


def compose(rng: random.Random, form: str, shape: str, bench: Path, srcs: list[str], host_words: str
            ) -> tuple[list[list[tuple[str, str]]], list[str], list[dict[str, str]]]:
    """The inserted segments (host paragraphs go between them), those host paragraphs, and the gold flags."""
    from .copyright_compose import prose_paragraphs, title_of
    paras = [prose_paragraphs((bench / "main_content" / f"{s}.txt").read_text()) for s in srcs]
    titles = [title_of(bench / "raw" / f"{s}.html") for s in srcs]
    n = names(rng)
    segs: list[list[tuple[str, str]]] = []
    between: list[str] = []
    if form == "a_attribution_after":
        for j in range(2 if shape == "two_articles" else 1):
            nj = n if j == 0 else names(rng)
            body = take(paras[j], rng.randint(300, 450) if shape == "two_articles" else rng.randint(350, 800), 900)
            sub = shape if shape != "two_articles" else rng.choice(["furniture", "captions", "url_only"])
            items, _ = furniture_block(rng, sub, nj, titles[j], body, title_case(titles[-1] or host_words))
            if sub == "url_only" or rng.random() < 0.3:
                items.append(("url", rng.choice([nj["url"], f"<{nj['url']}>", f"{nj['domain']}/news/{nj['y']}"])))
            else:
                items.append(("furn", rng.choice([f"Read more at {nj['o']}", f"Story via {nj['o']}, {nj['d']}",
                                                   f"— {nj['o']} ({nj['domain']})"])))
            segs.append(items)
            if j == 0 and shape == "two_articles":
                between.append(rng.choice(COMMENTS) + " " + rng.choice(COMMENTS))
    elif form == "b_intro_before":
        if shape == "interleaved":
            body = take(paras[0], 850, 1300)
            k = max(1, len(body) // 3)
            chunks = [body[:k], body[k:2 * k], body[2 * k:]] if len(body) >= 3 else [body]
            chunks = [c for c in chunks if c]
            first = [("furn", f"Some passages from {n['o']}'s piece of {n['d']}, with my comments:")]
            for j, c in enumerate(chunks):
                seg = (first if j == 0 else []) + [("p", p) for p in c] + [("furn", "[...]")]
                segs.append(seg)
                if j < len(chunks) - 1:
                    between.append(COMMENTS[j % len(COMMENTS)] + " " + COMMENTS[(j + 2) % len(COMMENTS)])
        else:
            for j in range(2 if shape == "two_articles" else 1):
                nj = n if j == 0 else names(rng)
                body = take(paras[j], rng.randint(300, 450) if shape == "two_articles" else rng.randint(350, 800), 900)
                if shape == "forum_user":
                    intro = rng.choice([f"{nj['handle']} posted this from the {nj['o'].removeprefix('The ')}:",
                                        f"Found this in {nj['o']} today, copying it here in full:",
                                        f"{nj['handle']} wrote: here's the whole {nj['o']} article, since it's paywalled"])
                elif shape == "wire_dateline":
                    intro = rng.choice([f"{nj['o']} reports:", f"From {nj['o']}, {nj['d']}:"])
                    body = [f"{nj['place']} ({nj['abbr']}) — " + body[0]] + body[1:]
                else:
                    intro = rng.choice([f"{nj['o']} ran this on {nj['d']}:", f"Here is the {nj['o']} story in full:",
                                        f"Via {nj['o']} ({nj['d']}):"])
                head = [("head", headline(titles[j], body))] if titles[j] and rng.random() < 0.6 else []
                segs.append([("furn", intro)] + head + [("p", p) for p in body])
                if j == 0 and shape == "two_articles":
                    between.append(rng.choice(COMMENTS) + " " + rng.choice(COMMENTS))
    elif form == "c_header_notice":
        body = take(paras[0], rng.randint(350, 800), 900)
        if rng.random() < 0.6:
            body = [f"{n['place']} ({n['abbr']}) — " + body[0]] + body[1:]
        items, _ = furniture_block(rng, shape, n, titles[0], body, title_case(titles[-1] or host_words))
        items.append(("furn", rng.choice([f"© {n['y']} {n['o']}. All rights reserved.", f"Copyright {n['y']} {n['o']}",
                                          f"© Copyright {n['o']}, {n['y']}. Reprinted with permission."])))
        segs.append(items)
    else:
        if shape == "cumulative":
            body = take(paras[0], 900, 1400)
            chunks, cur = [], []
            for p in body:
                cur.append(p)
                if words(cur) >= 150:
                    chunks.append(cur)
                    cur = []
            if cur:
                chunks.append(cur) if words(cur) >= 60 or not chunks else chunks[-1].extend(cur)
            for j, c in enumerate(chunks):
                cue = ([("furn", f"{n['o']} reported on {n['d']}:")] if j == 0 else
                       [("furn", rng.choice([f"{n['o']} goes on:", f"Later in the same piece from {n['o']}:", "[...]"]))])
                segs.append(cue + [("p", p) for p in c])
                if j < len(chunks) - 1:
                    between.append(COMMENTS[j % len(COMMENTS)])
        else:
            body = take(paras[0], 250, 400)
            if shape == "boundary":
                if rng.random() < 0.5:
                    segs.append([("furn", f"As reported by {n['o']} on {n['d']}:")] + [("p", p) for p in body])
                else:
                    q = [f"“{p}" if j == 0 else p for j, p in enumerate(body)]
                    q[-1] += "”"
                    segs.append([("p", p) for p in q] + [("furn", f"— {n['o']}, {n['d']}")])
            else:
                segs.append([("block", p) for p in body] + [("url", n["url"])])
    flags = []
    for s in segs:
        st, en = ends(s) if any(k == "p" for k, _ in s) else ends([(("p" if k == "block" else k), t) for k, t in s])
        flags.append({"start": st, "end": en})
    return segs, between, flags


def to_text(segs: list[list[tuple[str, str]]], between: list[str], rng: random.Random) -> list[str]:
    under = rng.random() < 0.5
    out: list[str] = []
    for j, seg in enumerate(segs):
        for k, t in seg:
            if k == "head":
                out += ["", f"{t}", ("=" if under else "-") * len(t)] if rng.random() < 0.5 else ["", f"# {t}"]
            elif k == "block":
                out += ["", f"> {t}"]
            else:
                out += ["", t]
        out.append("")
        if j < len(between):
            out += [between[j], ""]
    return out


def to_html(segs: list[list[tuple[str, str]]], between: list[str]) -> str:
    out = []
    for j, seg in enumerate(segs):
        block = []
        for k, t in seg:
            e = html.escape(t, quote=False)
            if k == "head":
                out.append(f"<h3>{e}</h3>")
            elif k == "caption":
                out.append(f'<figure><img src="/img/{zlib.crc32(t.encode()) % 997}.jpg" alt=""><figcaption>{e}</figcaption></figure>')
            elif k in ("link", "url"):
                href = t.strip("<>") if k == "url" else "#"
                out.append(f'<p><a href="{html.escape(href)}">{e}</a></p>')
            elif k == "pull":
                out.append(f'<aside class="pullquote"><p>{e}</p></aside>')
            elif k == "block":
                block.append(f"<p>{e}</p>")
            else:
                out.append(f"<p>{e}</p>")
        if block:
            out.append("<blockquote>\n" + "\n".join(block) + "\n</blockquote>")
        if j < len(between):
            out.append(f"<p>{html.escape(between[j], quote=False)}</p>")
    return "\n" + "\n".join(out) + "\n"


def short_quotes(rng: random.Random, bench: Path, src: str, k: int, one_outlet: bool) -> list[tuple[str, str]]:
    """k short attributed quotes (one or two sentences) from src: (the host's line, its keep key)."""
    from .copyright_compose import head_words, prose_paragraphs, sentences
    paras = prose_paragraphs((bench / "main_content" / f"{src}.txt").read_text())
    n = names(rng)
    out = []
    for j in range(k):
        if not one_outlet:
            n = names(rng)
        sents = sentences(paras[(j * 3 + 1) % len(paras)]) or paras[:1]
        q = sents[0] if len(" ".join(sents[:2]).split()) > 50 else " ".join(sents[:2])
        line = rng.choice([f'As {n["o"]} put it, “{q}”', f'“{q}” ({n["o"]}, {n["d"]})',
                           f'{n["who"]} told {n["o"]}: "{q}"', f'{n["handle"]} wrote: "{q}"', f'"{q}," {n["o"]} said.'])
        out.append((line, head_words(q, 6)))
    return out


def own_voice(rng: random.Random) -> str:
    """The host's own paragraph naming an outlet and a date (a control: it is not reproduced text)."""
    n = names(rng)
    return rng.choice([
        f"As {n['o']} reported last week, this is not a new debate, and I have written about it here before. "
        "What I want to add is what I saw myself when I tried it, which was not quite what the coverage suggests.",
        f"I first read about this in {n['o']} on {n['d']}, and it took me a while to work out what I thought. "
        "My view now is simpler: most of the fuss is about the wrong question, and the right one is cheaper.",
        f"{n['o']} ran a long piece on this in {n['y']}. I will not repeat it; my notes below are my own, from two "
        "years of doing this the hard way, and they disagree with it in one or two places."])


def build(bench: Path, out: Path) -> int:
    from .copyright_compose import head_words, prose_paragraphs, tail_words
    from .copyright_dev6 import html_point, points
    rng, arts, others = shuffled_pools(bench, "dev7")
    size = {a: words(prose_paragraphs((bench / "main_content" / f"{a}.txt").read_text())) for a in arts}
    long_first = sorted(arts, key=lambda a: -size[a])
    jobs = [(f, SHAPES[f][i % len(SHAPES[f])], i) for f in FORMS for i in range(12)]
    jobs += [("control", CONTROLS[i % len(CONTROLS)], i) for i in range(8)]
    need_long = [j for j in jobs if j[1] in ("interleaved", "cumulative")]
    used: set[str] = set()
    long_pool = [a for a in long_first if size[a] >= 950][: len(need_long)]
    used.update(long_pool)
    rest = [a for a in arts if a not in used and size[a] >= 400]
    n_srcs = sum(2 if j[1] == "two_articles" else 1 for j in jobs if j[0] != "control") - len(need_long) + 8
    plain, spare = rest[:n_srcs], [a for a in arts if a not in used and a not in rest[:n_srcs]]
    hosts = others + spare
    raw_d, gold_d = split_dirs(out, "dev7")
    meta = {}
    ctl = [j for j in jobs if j[0] == "control"]
    ordered = ctl + [j for j in jobs if j[0] != "control"]      # controls on the forum / product pages first
    hi = 0
    for form, shape, i in ordered:
        host, hi = next_host(bench, hosts, hi)
        pts = points(bench, host)
        at, before = pts[rng.randrange(len(pts))]
        after = next((p for k, p in pts if k > at), None)
        keep = [tail_words(before, 6)] + ([head_words(after, 6)] if after else [])
        segs: list[list[tuple[str, str]]] = []
        between: list[str] = []
        flags: list[dict[str, str]] = []
        extra: list[str] = []                       # control lines placed beside other host paragraphs
        srcs = []
        if form != "control":
            srcs = [long_pool.pop()] if shape in ("interleaved", "cumulative") else \
                [plain.pop() for _ in range(2 if shape == "two_articles" else 1)]
            segs, between, flags = compose(rng, form, shape, bench, srcs, before)
            keep += [head_words(b, 7) for b in between]
        qsrc = plain[-1 - (i % 5)] if plain else arts[i]
        if shape == "brief_quotes":
            qs = short_quotes(rng, bench, qsrc, 5, False)
        elif shape == "few_short_same_outlet":
            qs = short_quotes(rng, bench, qsrc, 3, True)
        else:
            qs = short_quotes(rng, bench, qsrc, 1, False)
        extra = [q for q, _ in qs]
        keep += [k for _, k in qs]
        if shape == "outlet_mentions":
            v = [own_voice(rng), own_voice(rng)]
            extra += v
            keep += [head_words(x, 7) for x in v]
        footer = None
        if shape == "own_footer":
            site = re.sub(r"^www\.", "", re.sub(r"^https?://([^/]+).*$", r"\1", url_of(bench, host)))
            footer = rng.choice([f"© {rng.randint(2016, 2024)} {site}. All rights reserved.",
                                 f"Copyright © {rng.randint(2016, 2024)} {site}", f"All content © {site}, all rights reserved."])
            keep.append(tail_words(pts[-1][1], 6))
        raw_html = (bench / "raw" / f"{host}.html").read_text(encoding="utf-8", errors="replace")
        is_html = footer is None and rng.random() < 0.4 and html_point(raw_html, before) is not None
        name = f"dev7_{form[0] if form != 'control' else 'k'}_{i:02d}_{shape}_{host}_{'-'.join(srcs) or 'none'}"
        others_at = [(k, p) for k, p in pts if k != at]
        ins_text = to_text(segs, between, rng) if segs and not is_html else []
        text_lines = [] if is_html else (bench / "raw_text" / f"{host}.txt").read_text(encoding="utf-8").split("\n")
        doc = write_page(raw_d, name, is_html, raw_html, text_lines, at,
                         html_point(raw_html, before) if is_html else None, to_html(segs, between) if is_html else "",
                         ins_text, [[x] for x in extra], others_at, lambda p: html_point(raw_html, p),
                         (pts[-1][0], [footer]) if footer else None)
        g = {"document": doc, "copyright": {"flag": flags, "keep": keep}}
        (gold_d / f"{name}.yaml").write_text(yaml.safe_dump(g, allow_unicode=True, sort_keys=False), encoding="utf-8")
        meta[name] = {"form": form, "shape": shape, "host": host, "sources": srcs, "html": is_html,
                      "passages": len(flags)}
    (out / "dev7" / "forms.json").write_text(json.dumps(meta, indent=1, sort_keys=True))
    return len(jobs)


def url_of(bench: Path, pid: str) -> str:
    for ln in (bench / "index.tsv").read_text().splitlines():
        f = ln.split("\t")
        if f[0] == pid:
            return f[2]
    return "example.org"
