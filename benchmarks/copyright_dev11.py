"""dev11 of the composed copyright set: notices strip removes, signatory blocks, yearless transcript notices, controls.

Why: the blind split's misses (issue 13, round 10) point at shapes dev..dev10 hold few of: an article whose only
credit is a notice line the strip stage removes as a footer ("© YEAR OUTLET. Reprinted with permission.",
"Republished with permission of OUTLET"), an uncredited paste that keeps the original's headline, byline and
dateline, a long excerpt in a host's post, an open letter closed by a block of signatories, an interview or
broadcast transcript under a yearless "(c) NETWORK" notice; and controls that must not be flagged: a press
release (meant to be reproduced: "FOR IMMEDIATE RELEASE", "Media contact", "###"), an article under CC BY (to
reproduce with attribution), the host's own article over the site's footer, short quotations. Built before any
rule change of its round; dev half only, each host and article on one page, about 40 % HTML.

    python -m benchmarks.copyright_compose --out /tmp/cr-dev      # builds dev11 with the others
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

SYL = ["zon", "epa", "crel", "mun", "asto", "vir", "bek", "ond", "tral", "hew", "sil", "orp"]
PATTERNS = ["The {P} Register-Star", "{P} Daily Beacon", "{P} Valley News", "The {P} Clarion",
            "{P} Post-Dispatch", "{P} Reporter-Herald"]
NETWORKS = ["{P} Public Broadcasting", "{P} 24", "{P} FM"]
COMPANIES = ["{P} Systems Inc.", "{P} Biotech", "{P} Holdings", "{P} Energy Ltd."]
FIRST = ["Annika", "Bertrand", "Chiara", "Desmond", "Esperanza", "Florian", "Greta", "Hamish"]
LAST = ["Abernethy", "Brzezinski", "Castellano", "Drummond", "Eriksen", "Fairweather", "Gunawardena", "Holloway"]
ROLES = ["Associate Professor", "Executive Director", "Chief Economist", "Board Member", "Lecturer", "Retired Judge"]
ORGS = ["{P} University", "{P} Trust", "{P} Council", "{P} Alliance"]
FORMS = ("a_attribution_after", "b_intro_before", "c_header_notice", "d_long_excerpt")
SHAPES = {"a_attribution_after": ["notice_reprinted", "uncredited_dateline", "notice_republished"],
          "b_intro_before": ["host_post_excerpt", "open_letter_signatories", "host_post_excerpt"],
          "c_header_notice": ["transcript_yearless", "interview_notice", "open_letter_signatories"],
          "d_long_excerpt": ["uncredited_dateline", "interview_notice", "notice_reprinted"]}
CONTROLS = ["press_release", "cc_by", "own_article_footer", "short_quotes", "press_release", "cc_by"]
QUESTIONS = ["What drew you to this in the first place?", "How did people react at the time?",
             "What would you do differently now?", "Where does it go from here?",
             "What surprised you the most?", "Who else deserves credit for it?"]
REACTIONS = ["Worth reading the whole thing, in my opinion.", "I have a few thoughts on this, which I will post later.",
             "Make of that what you will.", "This matches what I have been saying on this board for months."]


def _place(rng: random.Random) -> str:
    return "".join(rng.choice(SYL) for _ in range(rng.choice((2, 3)))).capitalize()


def names(rng: random.Random) -> dict[str, str]:
    o = rng.choice(PATTERNS).format(P=_place(rng))
    y, m, d = rng.choice((2015, 2018)), rng.randint(1, 12), rng.randint(1, 28)
    date = rng.choice([f"{MONTHS[m - 1]} {d}, {y}", f"{d} {MONTHS[m - 1]} {y}", f"{MONTHS[m - 1][:3]} {d}, {y}"])
    pick = lambda: f"{rng.choice(FIRST)} {rng.choice(LAST)}"     # noqa: E731
    return {"o": o, "net": rng.choice(NETWORKS).format(P=_place(rng)), "d": date, "y": str(y), "who": pick(),
            "who2": pick(), "city": _place(rng).upper(), "co": rng.choice(COMPANIES).format(P=_place(rng)),
            "org": rng.choice(ORGS).format(P=_place(rng))}


def sign(rng: random.Random) -> str:
    return rng.choice([f"{rng.choice(FIRST)} {rng.choice(LAST)}, {rng.choice(ROLES)}, {rng.choice(ORGS).format(P=_place(rng))}",
                       f"{rng.choice(FIRST)} {rng.choice(LAST)} ({rng.choice(ORGS).format(P=_place(rng))})",
                       f"Dr. {rng.choice(FIRST)} {rng.choice(LAST)}, {rng.choice(ROLES)}"])


def compose(rng: random.Random, shape: str, paras: list[str], title: str | None
            ) -> tuple[list[list[tuple[str, str]]], list[str], list[str]]:
    """The inserted segments, host text between them, and host lines inside them to keep."""
    n = names(rng)
    head = [("head", title_case(title))] if title else []
    body = take(paras, rng.randint(380, 650), 850)
    own: list[str] = []
    if shape in ("notice_reprinted", "notice_republished"):
        items = head + [("p", p) for p in body]
        items.append(("furn", rng.choice([f"© {n['y']} {n['o']}. Reprinted with permission.",
                                          f"Copyright {n['y']}, {n['o']}. Used with permission.",
                                          f"Republished with permission of {n['o']}.",
                                          f"© {n['o']} {n['y']}. All rights reserved. Reproduced by permission."])))
        return [items], [], own
    if shape == "uncredited_dateline":
        items = head + [("furn", rng.choice([f"By {n['who']}", f"By {n['who'].upper()}", f"{n['who']}, Staff Reporter"])),
                        ("furn", rng.choice([f"Posted {n['d']}", f"{n['d']}", f"Last updated {n['d']}"]))]
        items += [("p", (f"{n['city']} — " if k == 0 else "") + p) for k, p in enumerate(body)]
        return [items], [], own
    if shape == "host_post_excerpt":
        ex = take(paras, rng.randint(330, 420), 520)
        lead = rng.choice([f"{n['who']} wrote this for {n['o']} on {n['d']}, and it is worth quoting at length:",
                           f"From {n['o']} ({n['d']}), by {n['who']}:",
                           f"Long excerpt from {n['who']}'s piece in {n['o']} below."])
        react = rng.choice(REACTIONS)
        own.append(react)
        return [[("furn", lead)] + [("p", p) for p in ex] + [("furn", react)]], [], own
    if shape == "open_letter_signatories":
        items = [("furn", rng.choice([f"An Open Letter to {n['org']}", f"Open letter on the future of {n['org']}",
                                      "OPEN LETTER"])),
                 ("furn", rng.choice([f"To the trustees of {n['org']}:", "Dear colleagues,", "To all concerned,"]))]
        items += [("p", p) for p in body]
        items += [("furn", rng.choice(["Signatories:", "Signed by:", "Sincerely, the undersigned:"]))]
        items += [("furn", sign(rng)) for _ in range(rng.randint(6, 12))]
        items.append(("furn", rng.choice([f"This letter was first published in {n['o']}.",
                                          f"© {n['o']}", f"(Originally sent {n['d']}.)"])))
        return [items], [], own
    if shape == "transcript_yearless":
        spk = [n["who"].split()[-1].upper(), n["who2"].split()[-1].upper()]
        items = [("furn", rng.choice([f"{n['net']} transcript", "Full transcript", f"TRANSCRIPT: {n['net']}"]))] + head
        items += [("p", f"{spk[k % 2]}: {p}") for k, p in enumerate(body)]
        items.append(("furn", rng.choice([f"(c) {n['net']}", f"© {n['net']}", f"Transcript (c) {n['net']}. All rights reserved."])))
        return [items], [], own
    # interview_notice: a Q/A interview from another outlet, under its notice
    ans = take(paras, rng.randint(330, 450), 600)
    qs = rng.sample(QUESTIONS, k=min(len(ans), len(QUESTIONS)))
    ql, al = rng.choice([("Q:", "A:"), (f"{n['o'].split()[-1]}:", f"{n['who2'].split()[-1]}:")])
    items = [("furn", rng.choice([f"This interview first appeared in {n['o']} on {n['d']}.",
                                  f"{n['who']} spoke to {n['who2']} for {n['o']}. The interview has been edited for length."]))]
    for k, a in enumerate(ans):
        items += [("q", f"{ql} {qs[k % len(qs)]}"), ("p", f"{al} {a}")]
    items.append(("furn", rng.choice([f"(c) {n['o']}", f"© {n['y']} {n['o']}. Reprinted by permission.",
                                      f"Copyright {n['o']}. All rights reserved."])))
    return [items], [], own


def ends(items: list[tuple[str, str]]) -> tuple[str, str]:
    from .copyright_compose import head_words, tail_words
    first = next(t for k, t in items if k in ("head", "q", "p"))
    last = [t for k, t in items if k == "p"][-1]
    strip = lambda t: re.sub(r"^(?:[A-Z]{2,}(?: [A-Z]+)* — |[A-Z][\w.]*: )", "", t)   # noqa: E731
    return head_words(strip(first), 6), tail_words(strip(last), 6)


def controls(rng: random.Random, shape: str, paras: list[str], title: str | None, site: str
             ) -> tuple[list[list[tuple[str, str]]], list[str], list[list[str]]]:
    """The control's insertion (kept: it may be reproduced, or it is the host's own), its keeps, and extra lines."""
    from .copyright_compose import head_words, sentences
    n = names(rng)
    head = [("head", title_case(title))] if title else []
    if shape == "own_article_footer":
        body = take(paras, 380, 600)
        items = head + [("furn", f"By {n['who']}, staff")] + [("p", p) for p in body]
        return [items], [head_words(body[0], 6), head_words(body[-1], 6)], []
    if shape == "press_release":
        body = take(paras, 300, 520)
        items = [("furn", rng.choice(["FOR IMMEDIATE RELEASE", "For immediate release", "PRESS RELEASE"]))] + head
        items += [("p", (f"{n['city']}, {n['d']} — {n['co']} " if k == 0 else "") + p) for k, p in enumerate(body)]
        items += [("furn", f"About {n['co']}"), ("p", f"{n['co']} is an independent company founded in {n['y']}.")]
        items += [("furn", rng.choice(["Media contact:", "Press contact", "Contact:"])),
                  ("furn", f"{n['who']}, {n['who'].split()[0].lower()}@example.com"), ("furn", "###")]
        return [items], [head_words(body[1 % len(body)], 6), head_words(body[-1], 6)], []
    if shape == "cc_by":
        body = take(paras, 320, 560)
        lic = rng.choice([f"This article is republished from {n['o']} under a Creative Commons Attribution 4.0 licence.",
                          f"Published under CC BY 4.0 by {n['o']}. Read the original.",
                          f"{n['who']} / {n['o']}, licensed under CC BY 4.0."])
        items = head + [("p", p) for p in body] + [("furn", lic)] if rng.random() < 0.6 else \
            [("furn", lic)] + head + [("p", p) for p in body]
        return [items], [head_words(body[1 % len(body)], 6), head_words(body[-1], 6)], []
    sents = [s for p in paras for s in sentences(p)]
    return [], [head_words(s, 6) for s in sents[:2]], [[f"{n['o']} called it “{s}”"] for s in sents[:2]]


def build(bench: Path, out: Path) -> int:
    from .copyright_compose import head_words, prose_paragraphs, tail_words, title_of
    from .copyright_dev6 import html_point, points
    from .copyright_dev8 import short_quoted
    rng, arts, others = shuffled_pools(bench, "dev11")
    text = {a: prose_paragraphs((bench / "main_content" / f"{a}.txt").read_text()) for a in arts}
    jobs = [(f, SHAPES[f][i % len(SHAPES[f])], i) for f in FORMS for i in range(6)]
    jobs += [("control", CONTROLS[i % len(CONTROLS)], i) for i in range(12)]
    plain = [a for a in arts if words(text[a]) >= 420]
    hosts = others + [a for a in arts if a not in plain]
    raw_d, gold_d = split_dirs(out, "dev11")
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
        site = re.sub(r"^www\.", "", re.sub(r"^https?://([^/]+).*$", r"\1", url_of(bench, host)))
        if form == "control":
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
        is_html = shape != "own_article_footer" and rng.random() < 0.4 and html_point(raw_html, before) is not None
        name = f"dev11_{form[0] if form != 'control' else 'k'}_{i:02d}_{shape}_{host}_{src}"
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
    (out / "dev11" / "forms.json").write_text(json.dumps(meta, indent=1, sort_keys=True))
    return len(jobs)
