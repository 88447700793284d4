"""dev9 of the composed copyright set: wire copy and its furniture, forum pastes, columns, excerpts set paragraph by paragraph.

Why: dev..dev8 write agency copy only as "PLACE (ABC) —" and never with an agency's own footer, never
paste under a forum's "Quote:" box, never reproduce a first-person column, and quote excerpts either in
one pair of marks or with a mark opening each paragraph. dev9 was built before any rule change of its
round (issue 13, round 8), from how real sites reproduce 2016 news articles: wire copy with "PLACE
(Agency) - " datelines (mixed-case agencies, a hyphen) and the agencies' footers ("(Reporting by NAME;
Editing by NAME)", "NAME contributed to this report.", "Copyright YEAR The X. All rights reserved. This
material may not be published, broadcast, rewritten or redistributed."), "___" separators, file-photo
captions and "RELATED:" lines inside the pasted body, two articles back to back with no host text
between them, "Read more: <address>" / "Read the rest at X" lines, a forum post pasting an article
under "Quote:" with its link above it and the poster's reply after it, an opinion column in its
writer's first person, an article split by two paragraphs of the host's commentary, introductions
without a colon ("Interesting piece in X this morning."), and excerpts of 2-4 paragraphs each in its
own pair of quote marks. Controls: a two-paragraph quoted excerpt under 100 words with its source after
it, a forum reply quoting another member's short post, two short quotations from one outlet, the host's
own first-person paragraph naming an outlet. The dev half of wcxb-dev only, each host and each article
on one page; about 40 % HTML pages.

    python -m benchmarks.copyright_compose --out /tmp/cr-dev      # builds dev9 with the others
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import yaml

from .copyright_dev6 import MONTHS, title_case
from .copyright_pages import next_host, shuffled_pools, split_dirs, write_page
from .copyright_dev7 import take, words
from .copyright_dev8 import to_html, to_text

SYL = ["bav", "cen", "dru", "elk", "fir", "gav", "hux", "ivo", "kel", "lom", "pry", "vor"]
PATTERNS = ["The {P} Journal-Record", "{P} Daily Sun", "The {P} Progress", "{P} Post-Courier",
            "{P} Valley News", "The {P} Telegraph", "{P} Public Radio News", "{P} Online"]
AGENCIES = ["The {P} Press", "{P} News Service", "{P}"]       # "{P}" alone: one mixed-case word, as "(Reuters)"
FIRST = ["Amara", "Bjorn", "Cosima", "Dmitri", "Eliza", "Farid", "Greta", "Hamid"]
LAST = ["Achterberg", "Bellweather", "Crowther", "Dalgleish", "Eastwood", "Fennimore", "Garrigan", "Hoskins"]
HANDLES = ["{f}{n}", "old_{p}_hand", "{p}watcher", "{f}_{n}"]
FORMS = ("a_attribution_after", "b_intro_before", "c_header_notice", "d_long_excerpt")
SHAPES = {"a_attribution_after": ["wire_reporting_by", "captions_related", "contributed", "back_to_back",
                                  "read_more_link", "no_headline"],
          "b_intro_before": ["forum_quote", "opinion_column", "split_commentary", "wire_mixed_case",
                             "no_colon_intro", "forum_quote"],
          "c_header_notice": ["wire_footer", "posted_updated", "wire_footer", "column_notice"],
          "d_long_excerpt": ["each_para_quoted_after", "each_para_quoted_intro", "read_more_unquoted"]}
CONTROLS = ["short_multi_quoted", "forum_member_quote", "two_short_same_outlet", "host_names_outlet"]
REPLIES = ["Wow. I had no idea this was still going on. Has anyone here dealt with this in their own town?",
           "I posted this because my brother works in this area and says it is all true. We talked about it last night.",
           "My two cents: this will be forgotten in a month, like everything else. I hope I am wrong."]
COMMENTARY = ["Let me stop there for a second. I have followed this for years, and I think this is the first time anyone "
              "has said it so plainly. We talked about it at length in an earlier post.",
              "I want to add something the article leaves out. In my own experience the numbers are worse than this, "
              "and I have seen it happen twice in our own neighbourhood."]
FORUM_MEMBER = ["I tried this last week and it worked for me, though I had to restart twice.",
                "Same here. I called them on Monday and they told me to wait another week."]


def _place(rng: random.Random) -> str:
    return "".join(rng.choice(SYL) for _ in range(rng.choice((2, 3)))).capitalize()


def names(rng: random.Random) -> dict[str, str]:
    """One insertion's outlet, agency, addresses, writers, a date and a dateline place."""
    o = rng.choice(PATTERNS).format(P=_place(rng))
    ag = rng.choice(AGENCIES).format(P=_place(rng))
    y, m, d = rng.choice((2016, 2016, 2017)), rng.randint(1, 12), rng.randint(1, 28)
    date = rng.choice([f"{MONTHS[m - 1]} {d}, {y}", f"{MONTHS[m - 1][:3]}. {d}, {y}", f"{m}/{d}/{y}",
                       f"{d} {MONTHS[m - 1]} {y}"])
    slug = re.sub(r"[^a-z]", "", o.lower().replace("the ", ""))
    pick = lambda: f"{rng.choice(FIRST)} {rng.choice(LAST)}"     # noqa: E731
    place = _place(rng)
    handle = rng.choice(HANDLES).format(f=rng.choice(FIRST).lower(), n=rng.randint(2, 99), p=place.lower())
    abbr = "".join(w[0] for w in re.findall(r"[A-Z][a-z]+", ag) if w != "The").upper()
    return {"o": o, "ag": ag, "ag_short": ag.removeprefix("The ") if " " in ag.removeprefix("The ") else ag,
            "ag_paren": abbr if len(abbr) > 1 else ag, "d": date, "y": str(y), "md": f"{MONTHS[m - 1][:3]}. {d}",
            "who": pick(), "who2": pick(), "who3": pick(), "handle": handle, "domain": f"www.{slug}.com",
            "url": f"https://www.{slug}.com/{y}/{m:02d}/{d:02d}/{rng.choice(('news', 'local', 'nation'))}/story-{d}{m}.html",
            "place": place.upper()}


def wire_first(rng: random.Random, n: dict[str, str], p: str) -> str:
    """The first paragraph with a wire dateline: "PLACE (AGENCY) — " or, for a one-word agency, "PLACE (Agency) - "."""
    dash = rng.choice(["-", "—"]) if n["ag_paren"][1:].islower() else "—"
    state = rng.choice(["", ", Calif.", ", Texas", ", N.Y."])
    return f"{n['place']}{state} ({n['ag_paren']}) {dash} {p}"


def caption(rng: random.Random, n: dict[str, str]) -> str:
    return rng.choice([f"FILE - In this {n['d']}, file photo, a crowd gathers outside the building. "
                       f"({n['ag_paren']} Photo/{n['who2']}, File)",
                       f"(Photo: {n['who2']}/{n['ag_paren']})",
                       f"A view of the site on {n['md']}. {n['who2']} / {n['o']}"])


def compose(rng: random.Random, form: str, shape: str, paras: list[list[str]], titles: list[str | None],
            col: bool) -> tuple[list[list[tuple[str, str]]], list[str]]:
    """The inserted segments ((kind, text) items; 'host' items are the host's own) and host paragraphs between them."""
    n = names(rng)
    segs: list[list[tuple[str, str]]] = []
    between: list[str] = []

    def head(j: int) -> list[tuple[str, str]]:
        t = titles[j]
        return [("head", title_case(t))] if t and shape != "no_headline" else []

    if form == "a_attribution_after":
        for j in range(2 if shape == "back_to_back" else 1):
            nj = n if j == 0 else names(rng)
            body = take(paras[j], rng.randint(280, 420) if shape == "back_to_back" else rng.randint(350, 700), 900)
            items = head(j)
            if shape == "wire_reporting_by":
                body = [wire_first(rng, nj, body[0])] + body[1:]
            for k, p in enumerate(body):
                if shape == "captions_related" and k == 1:
                    items.append(("caption", caption(rng, nj)))
                if shape == "captions_related" and k == len(body) // 2 + 1:
                    items.append(("furn", f"RELATED: {title_case(titles[-1] or 'More coverage of the story')}"))
                items.append(("p", p))
            if shape == "wire_reporting_by":
                items.append(("furn", rng.choice([f"(Reporting by {nj['who']}; Editing by {nj['who2']})",
                                                  f"(Reporting by {nj['who']} in {nj['place'].title()}; Additional reporting "
                                                  f"by {nj['who3']}; Editing by {nj['who2']})"])))
            elif shape == "contributed":
                items.append(("furn", rng.choice([f"{nj['ag']} contributed to this report.",
                                                  f"{nj['who2']} of {nj['o']} contributed to this report."])))
                items.append(("furn", rng.choice([f"Source: {nj['o']}", f"Read more: {nj['url']}"])))
            elif shape in ("read_more_link", "captions_related"):
                items.append(("furn", rng.choice([f"Read more: {nj['url']}", f"Read the rest at {nj['o']}.",
                                                  f"Read more at {nj['domain']}"])))
            else:
                items.append(("furn", rng.choice([f"— {nj['o']}, {nj['d']}", f"Source: {nj['o']}, {nj['d']}",
                                                  f"This article first appeared in {nj['o']}.", f"({nj['o']})"])))
            segs.append(items)
    elif form == "b_intro_before":
        if shape == "split_commentary":
            body = take(paras[0], 500, 900)
            k = max(1, len(body) // 2)
            intro = rng.choice([f"{n['o']} ran this on {n['d']}:", f"Here is the {n['o']} story in full:"])
            segs.append([("furn", intro)] + head(0) + [("p", p) for p in body[:k]])
            between.append("\n\n".join(COMMENTARY))     # two paragraphs of the host's between the halves
            segs.append([("p", p) for p in body[k:]])
        else:
            body = take(paras[0], rng.randint(350, 700), 900)
            if shape == "wire_mixed_case":
                body = [wire_first(rng, n, body[0])] + body[1:]
                intro = [("furn", rng.choice([f"From {n['o']}, {n['d']}:", f"{n['o']} reports:"]))]
            elif shape == "forum_quote":
                intro = [("furn", rng.choice([n["url"], f"From the {n['o'].removeprefix('The ')}:",
                                              f"Saw this in {n['o']} today:"])), ("furn", "Quote:")]
            elif shape == "opinion_column":
                intro = [("furn", rng.choice([f"Here is {n['who']}'s column from {n['o']}, in full:",
                                              f"{n['who']} wrote this op-ed for {n['o']} on {n['d']}:",
                                              f"The following column by {n['who']} appeared in {n['o']}."]))]
            else:
                intro = [("furn", rng.choice([f"Interesting piece in {n['o']} this morning.",
                                              f"A good read from {n['o']} on {n['d']}.",
                                              f"{n['o']} had a story on this yesterday."]))]
            items = intro + (head(0) if rng.random() < 0.6 or shape == "forum_quote" else [])
            if shape == "opinion_column":
                items.append(("furn", f"By {n['who']}"))
            items += [("p", p) for p in body]
            if shape == "forum_quote":
                items.append(("host", rng.choice(REPLIES)))
            segs.append(items)
    elif form == "c_header_notice":
        body = take(paras[0], rng.randint(350, 700), 900)
        if shape == "wire_footer":
            body = [wire_first(rng, n, body[0])] + body[1:]
            top = [("furn", rng.choice([f"By {n['who'].upper()}, {n['ag_short']}", f"By {n['who']}",
                                        f"{n['who']}, {n['ag']}"]))]
            tail = [("furn", "___"), ("furn", f"{n['ag_short']} writer {n['who3']} in {n['place'].title()} "
                                              "contributed to this report."),
                    ("furn", f"Copyright {n['y']} {n['ag']}. All rights reserved. This material may not be published, "
                             "broadcast, rewritten or redistributed.")]
        elif shape == "posted_updated":
            top = [("furn", f"Posted: {n['d']} | Updated: {n['d']}"), ("furn", f"By {n['who']}, {n['o']}")]
            tail = [("furn", rng.choice([f"Copyright {n['y']} {n['o']}. All rights reserved.",
                                         f"© {n['y']} {n['o']}"]))]
        else:
            top = [("furn", f"By {n['who']}"), ("furn", f"{n['d']}")]
            tail = [("furn", f"{n['who']} is a columnist for {n['o']}."),
                    ("furn", f"© {n['y']} {n['o']}. All rights reserved.")]
        segs.append(head(0) + top + [("p", p) for p in body] + tail)
    else:
        body = take(paras[0], 250, 400)
        if words(body) < 240:
            body = take(paras[0], 250, 600)
        body = body[:4] if len(body) > 4 and words(body[:4]) >= 240 else body
        if shape == "read_more_unquoted":
            segs.append([("furn", rng.choice([f"{n['o']} reports:", f"From {n['o']}:"]))] + [("p", p) for p in body]
                        + [("furn", rng.choice([f"Read more at {n['o']}.", f"Read the rest: {n['url']}"]))])
        else:
            q = [f"“{p}”" for p in body]
            if shape == "each_para_quoted_intro":
                segs.append([("furn", rng.choice([f"As {n['o']} reported on {n['d']}:", f"{n['who']} of {n['o']} writes:"]))]
                            + [("p", p) for p in q])
            else:
                segs.append([("p", p) for p in q] + [("furn", rng.choice([f"— {n['o']}, {n['d']}", f"Source: {n['url']}",
                                                                          f"({n['o']}, {n['d']})"]))])
    return segs, between


def ends(items: list[tuple[str, str]]) -> tuple[str, str]:
    from .copyright_compose import head_words, tail_words
    first = next(t for k, t in items if k in ("head", "p"))
    last = [t for k, t in items if k == "p"][-1]
    return head_words(first.lstrip("“\""), 6), tail_words(last.rstrip("”\""), 6)


def first_person_rate(paras: list[str]) -> float:
    w = sum(len(p.split()) for p in paras)
    return 100.0 * sum(len(re.findall(r"\b(I|me|my|we|our|us)\b", p)) for p in paras) / max(1, w)


def controls(rng: random.Random, shape: str, qparas: list[str]) -> list[tuple[str, list[str]]]:
    """The control's inserted lines (each a list of paragraphs placed together) and nothing to flag."""
    from .copyright_compose import sentences
    n = names(rng)
    sents = [s for p in qparas for s in sentences(p)]
    out: list[tuple[str, list[str]]] = []
    if shape == "short_multi_quoted":
        a, b = " ".join(sents[:2]), " ".join(sents[2:3])
        while len((a + " " + b).split()) > 95 and len(a.split()) > 30:
            a = " ".join(a.split()[: len(a.split()) - 10]) + "."
        out.append(("q", [f"“{a}”", f"“{b}”", f"— {n['o']}, {n['d']}"]))
    elif shape == "forum_member_quote":
        out.append(("q", [f"Quote: Originally Posted by {n['handle']}", rng.choice(FORUM_MEMBER),
                          "Thanks, I will try that tonight and report back here."]))
    elif shape == "two_short_same_outlet":
        for s in sents[:2]:
            out.append(("q", [f"As {n['o']} put it, “{s}”"]))
    else:
        out.append(("q", [f"I read the {n['o'].removeprefix('The ')} piece on {n['d']} and I think it misses the point. "
                          "We have done this for years on our own, and what worked for us was much simpler than what "
                          "they describe."]))
    return out


def build(bench: Path, out: Path) -> int:
    from .copyright_compose import head_words, prose_paragraphs, tail_words, title_of
    from .copyright_dev6 import html_point, points
    rng, arts, others = shuffled_pools(bench, "dev9")
    text = {a: prose_paragraphs((bench / "main_content" / f"{a}.txt").read_text()) for a in arts}
    jobs = [(f, SHAPES[f][i % len(SHAPES[f])], i) for f in FORMS for i in range(12)]
    jobs += [("control", CONTROLS[i % len(CONTROLS)], i) for i in range(8)]
    n_col = sum(1 for j in jobs if j[1] in ("opinion_column", "column_notice"))
    cols = sorted((a for a in arts if words(text[a]) >= 400), key=lambda a: -first_person_rate(text[a]))[:n_col]
    plain = [a for a in arts if a not in cols and words(text[a]) >= 420]
    n_srcs = sum(2 if j[1] == "back_to_back" else 1 for j in jobs if j[0] != "control") - n_col
    plain, spare = plain[:n_srcs + 8], [a for a in arts if a not in cols and a not in plain[:n_srcs + 8]]
    hosts = others + spare
    raw_d, gold_d = split_dirs(out, "dev9")
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
        extra: list[list[str]] = []
        if form != "control":
            col = shape in ("opinion_column", "column_notice")
            srcs = [cols.pop()] if col else [plain.pop() for _ in range(2 if shape == "back_to_back" else 1)]
            segs, between = compose(rng, form, shape, [text[s] for s in srcs],
                                    [title_of(bench / "raw" / f"{s}.html") for s in srcs], col)
            for s in segs:
                st, en = ends(s)
                flags.append({"start": st, "end": en})
            keep += [head_words(c, 7) for b in between for c in b.split("\n\n")]
            keep += [head_words(t, 7) for s in segs for k, t in s if k == "host"]
        qsrc = plain[-1 - (i % 5)] if plain else arts[i]
        qparas = text[qsrc]
        if form == "control":
            for _, lines in controls(rng, shape, qparas):
                extra.append(lines)
                keep += [head_words(x.lstrip("“"), 6) for x in lines if not x.startswith(("—", "Quote:"))]
        else:        # every page: one short attributed excerpt beside another of the host's paragraphs
            from .copyright_dev8 import short_quoted
            line, k = short_quoted(rng, qparas)
            extra.append([line])
            keep.append(k)
        raw_html = (bench / "raw" / f"{host}.html").read_text(encoding="utf-8", errors="replace")
        is_html = shape not in ("forum_quote", "forum_member_quote") and rng.random() < 0.4 \
            and html_point(raw_html, before) is not None
        name = f"dev9_{form[0] if form != 'control' else 'k'}_{i:02d}_{shape}_{host}_{'-'.join(srcs) or 'none'}"
        others_at = [(k, p) for k, p in pts if k != at]
        text_lines = [] if is_html else (bench / "raw_text" / f"{host}.txt").read_text(encoding="utf-8").split("\n")
        doc = write_page(raw_d, name, is_html, raw_html, text_lines, at,
                         html_point(raw_html, before) if is_html else None,
                         to_html(segs, between).replace("\n\n", "</p>\n<p>") if is_html else "",
                         to_text(segs, between) if segs and not is_html else [], extra, others_at,
                         lambda p: html_point(raw_html, p))
        g = {"document": doc, "copyright": {"flag": flags, "keep": keep}}
        (gold_d / f"{name}.yaml").write_text(yaml.safe_dump(g, allow_unicode=True, sort_keys=False), encoding="utf-8")
        meta[name] = {"form": form, "shape": shape, "host": host, "sources": srcs, "html": is_html,
                      "passages": len(flags)}
    (out / "dev9" / "forms.json").write_text(json.dumps(meta, indent=1, sort_keys=True))
    return len(jobs)
