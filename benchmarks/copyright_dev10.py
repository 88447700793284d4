"""dev10 of the composed copyright set: reproductions that carry the original's furniture, not a credit line.

Why: dev..dev9 always name the source somewhere near the insertion (an attribution, an introduction, a
notice). Real sites also paste an article with no credit at all but with the original outlet's furniture
inside (byline, "Updated" line, photo credits), split it over two posts of a thread, reproduce another
writer's column in a newsletter issue, set a long excerpt as bullet points, post a broadcast transcript
("TRANSCRIPT", speaker labels, "(c) NETWORK"), an open letter with its signatories, or quote a letter in full
inside a news story. Controls: the host's own long article with its byline and the site's copyright footer,
short quotations, an excerpt under the fair-use length with its source. Built before any rule change of its
round (issue 13, round 9); dev half only, each host and article on one page, about 40 % HTML.

    python -m benchmarks.copyright_compose --out /tmp/cr-dev      # builds dev10 with the others
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import yaml

from .copyright_dev6 import MONTHS, title_case
from .copyright_dev7 import take, url_of, words
from .copyright_dev8 import to_html, to_text
from .copyright_pages import next_host, shuffled_pools, split_dirs, write_page

SYL = ["tam", "oru", "besk", "lin", "quor", "sab", "nel", "ush", "vem", "rid", "gol", "pek"]
PATTERNS = ["The {P} Ledger-Gazette", "{P} Evening Courier", "{P} Metro Today", "The {P} Sentinel-Times",
            "{P} County Dispatch", "{P} Weekly Standard"]
NETWORKS = ["{P} Broadcasting", "{P}TV", "{P} Radio One"]
FIRST = ["Ingrid", "Tobias", "Yusra", "Leopold", "Marisol", "Kwame", "Odile", "Rasmus"]
LAST = ["Vandermeer", "Okonjo", "Lindqvist", "Harcourt", "Moravec", "Quintero", "Sallis", "Weatherby"]
ROLES = ["Professor of History", "Director", "Senior Fellow", "Chair", "Research Scientist", "Emeritus Professor"]
ORGS = ["{P} University", "{P} Institute", "{P} Foundation", "{P} College"]
FORMS = ("a_attribution_after", "b_intro_before", "c_header_notice", "d_long_excerpt")
SHAPES = {"a_attribution_after": ["no_credit_furniture", "two_page_thread", "no_credit_furniture"],
          "b_intro_before": ["newsletter_column", "letter_in_news", "open_letter"],
          "c_header_notice": ["transcript", "newsletter_column", "transcript"],
          "d_long_excerpt": ["bullet_excerpt", "bullet_excerpt", "letter_in_news"]}
CONTROLS = ["own_article_footer", "short_quotes", "fair_use_excerpt", "own_article_footer"]
POSTS = ["Continued from my previous post, the rest of it:", "(continued)", "Part 2 below, the forum cut it off."]


def _place(rng: random.Random) -> str:
    return "".join(rng.choice(SYL) for _ in range(rng.choice((2, 3)))).capitalize()


def names(rng: random.Random) -> dict[str, str]:
    o = rng.choice(PATTERNS).format(P=_place(rng))
    y, m, d = rng.choice((2016, 2017)), rng.randint(1, 12), rng.randint(1, 28)
    date = rng.choice([f"{MONTHS[m - 1]} {d}, {y}", f"{d} {MONTHS[m - 1]} {y}", f"{MONTHS[m - 1][:3]}. {d}, {y}"])
    pick = lambda: f"{rng.choice(FIRST)} {rng.choice(LAST)}"     # noqa: E731
    return {"o": o, "net": rng.choice(NETWORKS).format(P=_place(rng)), "d": date, "y": str(y), "who": pick(),
            "who2": pick(), "who3": pick(), "time": f"{rng.randint(1, 11)}:{rng.choice(('05', '20', '42'))} "
            f"{rng.choice(('a.m.', 'p.m.'))}", "issue": str(rng.randint(12, 240)), "org": rng.choice(ORGS)}


def sign(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}, {rng.choice(ROLES)}, {rng.choice(ORGS).format(P=_place(rng))}"


def compose(rng: random.Random, shape: str, paras: list[str], title: str | None
            ) -> tuple[list[list[tuple[str, str]]], list[str], list[str]]:
    """The inserted segments, host text between them, and host lines inside them to keep."""
    n = names(rng)
    head = [("head", title_case(title))] if title else []
    body = take(paras, rng.randint(380, 700), 900)
    own: list[str] = []
    if shape == "no_credit_furniture":
        items = head + [("furn", f"By {n['who']}"), ("furn", f"Updated {n['time']} {n['d']}")]
        for k, p in enumerate(body):
            if k in (1, len(body) // 2 + 1):
                items.append(("furn", rng.choice([f"Photo: {n['who2']} / {n['o']}", f"(Photo by {n['who3']})",
                                                   f"{n['who2']} for {n['o']}"])))
            items.append(("p", p))
        return [items], [], own
    if shape == "two_page_thread":
        k = max(2, len(body) // 2)
        post = rng.choice(POSTS)
        mid = f"Page 1 of 2\n\nRe: {title_case(title or 'the story')}\n\n{post}"
        return [head + [("p", p) for p in body[:k]], [("p", p) for p in body[k:]]], [mid], [post]
    if shape == "newsletter_column":
        items = [("furn", f"Issue #{n['issue']} — {n['d']}"), ("furn", "This week's guest column")] + head
        items += [("furn", f"By {n['who']}")] + [("p", p) for p in body]
        items.append(("furn", rng.choice([f"This column first ran in {n['o']}.",
                                          f"{n['who']} writes a weekly column for {n['o']}.",
                                          f"© {n['y']} {n['o']}. Reprinted with permission."])))
        return [items], [], own
    if shape == "transcript":
        spk = [n["who"].split()[-1].upper(), n["who2"].split()[-1].upper()]
        items = [("furn", "TRANSCRIPT"), ("furn", f"{n['net']} — {n['d']}, {n['time']}")] + head
        items += [("p", f"{spk[k % 2]}: {p}") for k, p in enumerate(body)]
        items.append(("furn", rng.choice([f"(c) {n['y']} {n['net']}", f"Copyright {n['y']} {n['net']}. All rights reserved.",
                                          f"END OF TRANSCRIPT. (c) {n['net']}"])))
        return [items], [], own
    if shape == "open_letter":
        items = [("furn", rng.choice(["An open letter", f"Open letter to the {n['org'].format(P=_place(rng))} board"])),
                 ("furn", "To whom it may concern,")] + [("p", p) for p in body]
        items += [("furn", "Signed,")] + [("furn", sign(rng)) for _ in range(rng.randint(8, 14))]
        return [items], [], own
    if shape == "letter_in_news":
        lead = rng.choice([f"In a letter dated {n['d']}, {n['who']} wrote to the board. The letter reads in full:",
                           f"We obtained a copy of the letter {n['who']} sent on {n['d']}. Here it is:"])
        items = [("furn", lead), ("furn", rng.choice(["Dear members of the board,", f"Dear {n['who2']},"]))]
        items += [("p", p) for p in body] + [("furn", rng.choice(["Sincerely,", "Yours faithfully,"])), ("furn", n["who"])]
        return [items], [], own
    # bullet_excerpt: a long excerpt, one bullet per sentence group
    from .copyright_compose import sentences
    ex = take(paras, 320, 480)
    items = [("furn", rng.choice([f"Key points from {n['o']}'s report ({n['d']}):", f"Here is what {n['o']} found:"]))]
    items += [("p", f"- {s}") for p in ex for s in ([p] if len(p.split()) < 45 else sentences(p))]
    return [items], [], own


def ends(items: list[tuple[str, str]]) -> tuple[str, str]:
    from .copyright_compose import head_words, tail_words
    first = next(t for k, t in items if k in ("head", "p"))
    last = [t for k, t in items if k == "p"][-1]
    strip = lambda t: t.split(": ", 1)[1] if t[:1].isupper() and t.split(": ", 1)[0].isupper() else t.lstrip("- ")  # noqa: E731
    return head_words(strip(first), 6), tail_words(strip(last), 6)


def controls(rng: random.Random, shape: str, paras: list[str], title: str | None, site: str
             ) -> tuple[list[list[tuple[str, str]]], list[str], list[list[str]]]:
    """The control's insertion (the host's own, kept), its keeps, and extra lines."""
    from .copyright_compose import head_words, sentences
    n = names(rng)
    if shape == "own_article_footer":
        body = take(paras, 380, 600)
        items = ([("head", title_case(title))] if title else []) + [("furn", f"By {n['who']}, staff")]
        items += [("p", p) for p in body]         # the site's copyright footer closes the page (build)
        return [items], [head_words(body[0], 6), head_words(body[-1], 6)], []
    sents = [s for p in paras for s in sentences(p)]
    if shape == "short_quotes":
        return [], [head_words(s, 6) for s in sents[:2]], [[f"As {n['o']} put it, “{s}”"] for s in sents[:2]]
    ex, out = "", []
    for s in sents:
        if len((ex + " " + s).split()) > 140:
            break
        ex = (ex + " " + s).strip()
    out.append([f"{n['o']} reported on {n['d']}:", f"“{ex}”"])
    return [], [head_words(ex, 6)], out


def build(bench: Path, out: Path) -> int:
    from .copyright_compose import head_words, prose_paragraphs, tail_words, title_of
    from .copyright_dev6 import html_point, points
    from .copyright_dev8 import short_quoted
    rng, arts, others = shuffled_pools(bench, "dev10")
    text = {a: prose_paragraphs((bench / "main_content" / f"{a}.txt").read_text()) for a in arts}
    jobs = [(f, SHAPES[f][i % len(SHAPES[f])], i) for f in FORMS for i in range(9)]
    jobs += [("control", CONTROLS[i % len(CONTROLS)], i) for i in range(8)]
    plain = [a for a in arts if words(text[a]) >= 420]
    hosts = others + [a for a in arts if a not in plain]
    raw_d, gold_d = split_dirs(out, "dev10")
    meta, hi = {}, 0
    for form, shape, i in jobs:
        host, hi = next_host(bench, hosts, hi)
        pts = points(bench, host)
        at, before = pts[rng.randrange(len(pts))]
        if shape == "own_article_footer":         # the site's own article is its last main text
            at, before = pts[-1]
        after = next((p for k, p in pts if k > at), None)
        keep = [tail_words(before, 6)] + ([head_words(after, 6)] if after else [])
        src = plain.pop()
        title = title_of(bench / "raw" / f"{src}.html")
        flags: list[dict[str, str]] = []
        extra: list[list[str]] = []
        between: list[str] = []
        if form == "control":
            site = re.sub(r"^www\.", "", re.sub(r"^https?://([^/]+).*$", r"\1", url_of(bench, host)))
            segs, k, extra = controls(rng, shape, text[src], title, site)
            keep += k
        else:
            segs, between, own = compose(rng, shape, text[src], title)
            flags = [dict(zip(("start", "end"), ends(s))) for s in segs]
            keep += [head_words(x, 6) for x in own]
            line, k = short_quoted(rng, text[plain[-1]])
            extra.append([line])
            keep.append(k)
        raw_html = (bench / "raw" / f"{host}.html").read_text(encoding="utf-8", errors="replace")
        is_html = shape not in ("two_page_thread", "own_article_footer") and rng.random() < 0.4 and html_point(raw_html, before) is not None
        name = f"dev10_{form[0] if form != 'control' else 'k'}_{i:02d}_{shape}_{host}_{src}"
        others_at = [(k, p) for k, p in pts if k != at]
        text_lines = [] if is_html else (bench / "raw_text" / f"{host}.txt").read_text(encoding="utf-8").split("\n")
        doc = write_page(raw_d, name, is_html, raw_html, text_lines, at,
                         html_point(raw_html, before) if is_html else None,
                         to_html(segs, between).replace("\n\n", "</p>\n<p>") if is_html else "",
                         to_text(segs, between) if segs and not is_html else [], extra, others_at,
                         lambda p: html_point(raw_html, p),
                         (len(text_lines) - 1, [f"© {rng.randint(2016, 2024)} {site}. All rights reserved."])
                         if shape == "own_article_footer" else None)
        g = {"document": doc, "copyright": {"flag": flags, "keep": keep}}
        (gold_d / f"{name}.yaml").write_text(yaml.safe_dump(g, allow_unicode=True, sort_keys=False), encoding="utf-8")
        meta[name] = {"form": form, "shape": shape, "host": host, "sources": [src], "html": is_html,
                      "passages": len(flags)}
    (out / "dev10" / "forms.json").write_text(json.dumps(meta, indent=1, sort_keys=True))
    return len(jobs)
