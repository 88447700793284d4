"""dev4 of the composed copyright set: the four forms in wordings real sites use that dev..dev3 lack.

Why: each split so far taught the rules its own wordings; dev4 checks them on others before the
frozen split is read again: "Source: X" alone, "Republished from X", syndication footers
("Distributed by X"), wire-service datelines ("CITY (AGENCY) —" opening the first paragraph),
"By NAME | OUTLET | DATE" headers, a contributor's bio line after the article. The dev pages
again, paired with other articles (sources shifted by 13), with dev4's own names.
"""

from __future__ import annotations

import random

SYL = ["rav", "quil", "mon", "eth", "yar", "bos", "tin", "gla", "hur", "sen", "opa", "dre"]
PATTERNS = ["The {P} Dispatch", "{P} Register", "{P} Enquirer", "{P} Newswire", "Radio-{P}",
            "The {P} Independent", "{P} Monitor", "{P} Evening Post"]
FIRST = ["Hannah", "Felix", "Amara", "Jonas", "Leila", "Marco", "Sofia", "Theo"]
LAST = ["Ashworth", "Baptiste", "Kowalski", "Nguyen", "Oyelaran", "Sinclair", "Vargas", "Eriksen"]
SHIFT = 13


def wire_dateline(rng: random.Random, o: str) -> str:
    """"RAVMON, Ill. (RMN) — ", "QUILTIN (Reuters-style name) — ": a wire story's dateline."""
    place = "".join(rng.choice(SYL) for _ in range(2)).upper()
    words = [w for w in o.replace("-", " ").split() if w[:1].isupper() and w != "The"]
    agency = rng.choice(["".join(w[0] for w in words) + "N" if len(words) < 3 else "".join(w[0] for w in words),
                         words[0]])
    state = rng.choice(["", ", Ore.", ", N.M.", ", Ky."])
    return f"{place}{state} ({agency}) — "


def wordings(o: str, d: str, y: str, who: str, o2: str) -> dict[str, list[str]]:
    return {
        "a": [f"Source: {o}", f"This article originally appeared in {o}.", f"Reprinted with permission of {o}.",
              f"Republished from {o}, {d}.", f"This story was first published by {o} and is reproduced here with permission.",
              f"© {y} {o}. Distributed by {o2} Syndicate.",
              f"{who} is a staff writer at {o}. This piece first ran on {d}.",
              f"Originally posted on {o} — {d}", f"{o} / {d}"],
        "b": [f"Republished from {o}:", f"{o} ({d}) reports:", f"The piece below first ran in {o} on {d}.",
              f"Here is {who}'s report for {o}:", "WIRE"],
        "c_by": [f"By {who} | {o} | {d}", f"{who}, {o} correspondent", f"By {who} for {o}", f"{o} Staff Writer"],
        "c_date": [f"{d}", f"Published {d}", f"Updated {d}"],
        "c_notice": [f"Copyright {y} {o}. Distributed by {o2} Syndicate.", f"© {o}, {y}. Reprinted with permission.",
                     f"Copyright © {y} {o}, all rights reserved. Used by permission.",
                     f"© {y} {o}. All rights reserved. This material may not be republished without permission."],
        "d_intro": [f"Republished from {o}:", f"In a piece for {o}, {who} wrote:", f"{o} reported on {d}:"],
        "d_after": [f"Source: {o}", f"— {o} ({d})", f"[Excerpted from {o}, {d}]", f"(Source: {o})"],
        "x": [f'{o} put it this way: "{{q}}"', f'"{{q}}," {who} told {o}.', f'As {o} noted on {d}, "{{q}}"'],
    }


def compose(rng: random.Random, form: str, title: str | None, body: list[str],
            w: dict[str, list[str]], o: str) -> tuple[list[str], str, str]:
    """The four forms in dev4's wordings; the gold passage runs from the headline (or first words) to the last paragraph."""
    from .copyright_compose import excerpt_block, head_words, passage_ends
    head = None
    body = list(body)
    if form == "a_attribution_after":
        head = title
        block = ([title] if title else []) + body + [rng.choice(w["a"])]
    elif form == "b_intro_before":
        intro = rng.choice(w["b"])
        if intro == "WIRE":                # no introduction line: the wire dateline is the attribution
            body[0] = wire_dateline(rng, o) + body[0]
            head = title
            block = ([title] if title else []) + body
        else:
            head = title if title and rng.random() < 0.6 else None
            block = [intro] + ([head] if head else []) + body
    elif form == "c_header_notice":
        head = title or head_words(body[0], 8).rstrip(".,")
        block = [head, rng.choice(w["c_by"])] + ([rng.choice(w["c_date"])] if rng.random() < 0.4 else [])
        if rng.random() < 0.3:
            body[0] = wire_dateline(rng, o) + body[0]
        block += body + [rng.choice(w["c_notice"])]
    else:
        block = excerpt_block(rng, body, w)
    return block, *passage_ends(head, body)
