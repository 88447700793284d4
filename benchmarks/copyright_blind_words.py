"""Wordings of the blind copyright split (benchmarks/copyright_blind.py): names, notices, frames.

Why a module of its own: the generator's logic and its phrasing are read separately (a reviewer
can audit the wordings without the plumbing). Written without reading the copyright stage, its
config, its tests or the dev splits' wordings; every phrase is one a real site might print.
"""

from __future__ import annotations

import random

SYL = ["bel", "cor", "dun", "mar", "tev", "lis", "hol", "brin", "sa", "vor", "kel", "nou", "wy", "tam", "gre", "op"]
OUTLET = ["The {P} Ledger", "{P} Daily Courier", "Radio {P}", "The {P} Review", "The {P} Sentinel",
          "{P} Public Media", "Le Journal de {P}", "{P}ville Gazette", "{P} Weekly", "The {P} Examiner",
          "{P} Times-Union", "The {P} Quarterly", "{P} Magazine", "The {P} Standard", "{P}Post", "{P} Insider"]
WIRE = ["The Associated Press", "Reuters", "Agence France-Presse", "Bloomberg News"]
FIRST = ["Margaret", "Julian", "Priya", "Samuel", "Esther", "Dmitri", "Lucia", "Graham", "Aisha", "Felix",
         "Rosa", "Tobias", "Mei", "Patrick", "Ingrid", "Hamza"]
LAST = ["Whitcombe", "Okafor", "Lindqvist", "Carvalho", "Pemberton", "Yilmaz", "Dubois", "Sandoval",
        "Kowalczyk", "Ashworth", "Mbeki", "Fairbanks", "Novak", "Castellanos", "Thorne", "Iyer"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
ORG = ["the {P} City Council", "the board of the {P} Foundation", "{P} University", "the {P} School District",
       "the {P} Arts Council", "{P} Health Partners"]
COMPANY = ["{P} Systems", "{P} Health Partners", "{P} Foundation", "{P} Labs", "{P} Energy", "{P} Group"]
AGENCY = ["National Park Service", "Environmental Protection Agency", "Federal Highway Administration",
          "National Institutes of Health", "U.S. Geological Survey"]


def place(rng: random.Random) -> str:
    return (rng.choice(SYL) + rng.choice(SYL)).capitalize()


def outlet(rng: random.Random) -> str:
    return rng.choice(OUTLET).format(P=place(rng))


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def date(rng: random.Random) -> tuple[str, str]:
    """A date in one of the formats sites print, and its year."""
    y, m, d = rng.randint(2009, 2024), rng.randint(1, 12), rng.randint(1, 28)
    mon = MONTHS[m - 1]
    return rng.choice([f"{mon} {d}, {y}", f"{d} {mon} {y}", f"{y}-{m:02d}-{d:02d}", f"{mon[:3]}. {d}, {y}",
                       f"{d:02d}/{m:02d}/{y}", f"{mon} {y}"]), str(y)


# --------------------------------------------------------------------------- (a) whole article
def article_credit(rng: random.Random, kind: str, o: str, d: str, y: str, who: str) -> tuple[list[str], list[str]]:
    """Lines before and after a whole article reproduced from another outlet."""
    if kind == "originally":
        return rng.choice([
            ([f"This article originally appeared in {o} on {d}."], []),
            ([], [f"This story was originally published by {o} on {d}."]),
            ([f"Originally published at {o}, {d}."], []),
            ([], [f"This piece first ran in {o}. It appears here with the author's permission."]),
        ])
    if kind == "reprinted":
        return rng.choice([
            ([], [f"Reprinted with permission from {o}. Copyright {y}."]),
            ([f"Reprinted by permission of {o}. All rights reserved."], []),
            ([], [f"This article was published in {o} on {d} and is reprinted here with permission."]),
        ])
    if kind == "copyright":
        return rng.choice([
            ([f"By {who}", f"© {y} {o}"], []),
            ([], [f"(c) {y} {o}. All rights reserved."]),
            ([], [f"Copyright © {y} {o}, Inc. Used by permission."]),
        ])
    if kind == "wire":
        w = rng.choice(WIRE)
        if w == "The Associated Press":
            return [f"By {who.upper()} Associated Press"], [
                f"Copyright {y} The Associated Press. All rights reserved. This material may not be "
                "published, broadcast, rewritten or redistributed without permission."]
        if w == "Reuters":
            return [], [f"(Reporting by {who}; Editing by {person(rng)})", f"© {y} Thomson Reuters"]
        if w == "Agence France-Presse":
            return [f"{d} (AFP)"], [f"© {y} AFP"]
        return [f"By {who}, Bloomberg News"], [f"©{y} Bloomberg L.P."]
    # byline of another outlet, no notice at all
    return rng.choice([([f"By {who} | {o}", d], []), ([f"{who}, {o}"], []), ([f"{o} staff | {d}"], [])])


# --------------------------------------------------------------------------- (b) long excerpt
def excerpt_intro(rng: random.Random, who: str, o: str, title: str | None) -> str:
    t = f"“{title}”" if title else "a long piece"
    return rng.choice([f"{who} writes:", f"Over at {o}, {who} writes:", f"In {t} for {o}, {who} writes:",
                       f"{who.split()[0]} {who.split()[1]} has a long post at {o} that is worth quoting at length:",
                       f"Here is how {who} put it in {o} last week:", f"From {o}:"])


def excerpt_source(rng: random.Random, who: str, o: str, d: str, title: str | None) -> str:
    t = f"“{title}”, " if title else ""
    return rng.choice([f"(Source: {t}{o}, {d})", f"— {who}, {o}", f"Read the rest at {o}.",
                       f"From {t}by {who}, published in {o} on {d}.", f"Via {o} ({d})."])


def host_reaction(rng: random.Random) -> str:
    return rng.choice(["I think that is mostly right, though it leaves out the cost side entirely.",
                       "That matches what we have been seeing here over the past year.",
                       "Worth reading in full, even if you end up disagreeing with the conclusion.",
                       "I am less sure about the last part, but the rest is hard to argue with."])


# --------------------------------------------------------------------------- (c) letters
LETTER_OPEN = {   # per kind, one per page of that kind (three pages each)
    "open": ["We, the undersigned, write to ask you to reconsider a course that we believe will harm the people you serve.",
             "We are writing as parents, teachers and neighbours who have watched this process with growing alarm.",
             "This letter is addressed to you on behalf of more than two hundred members of our community."],
    "editor": ["I have read your coverage of this question for several weeks now, and I feel I must respond to it in writing.",
               "Your recent editorial on this subject left out several facts that your readers deserve to know.",
               "As a subscriber of many years, I was disappointed by the report you ran on this issue last week."],
    "resignation": ["It is with real regret that I write to tell you that I am stepping down from my position, effective at the end of this month.",
                    "Please accept this letter as formal notice of my resignation, which I tender after a great deal of thought.",
                    "After eleven years in this role, I have decided that the time has come for me to leave."],
}
LETTER_CLOSE = {
    "open": ["We would welcome the chance to meet with you to discuss these concerns, and we look forward to your reply.",
             "We ask that you pause the decision until the public has been properly consulted on it.",
             "We trust that you will give this letter the serious consideration that its signatories believe it deserves."],
    "editor": ["Thank you for giving space to readers who see this matter differently from your own writers.",
               "I hope that you will correct the record in a future edition of the paper.",
               "I would ask your writers to speak with the people affected before they write about this again."],
    "resignation": ["I am grateful for the years I have spent here and for the colleagues who made the work worth doing.",
                    "I will do everything I can to make the handover smooth over the coming weeks.",
                    "I wish the organisation and everyone in it every success in the years ahead."],
}
VALEDICTION = ["Sincerely,", "Yours faithfully,", "Respectfully,", "With best regards,", "Yours truly,"]


def letter_frame(rng: random.Random, kind: str, o: str, d: str, who: str, org: str) -> tuple[list[str], str, list[str]]:
    """(intro lines before, salutation, sign-off lines) of a reproduced letter."""
    role = rng.choice(["Chair, Finance Committee", "Director of Operations", "Professor of History", "Retired teacher"])
    if kind == "open":
        intro = [rng.choice([f"An open letter to {org}", f"Open letter: {org} must change course"]),
                 rng.choice([f"The following open letter was sent to {org} on {d}. We publish it in full.",
                             f"More than 200 residents signed the letter below, which was delivered to {org} on {d}."])]
        return intro, rng.choice([f"To the members of {org},", "Dear Members of the Board,"]), [
            rng.choice(VALEDICTION), who, role, "and 214 other signatories"]
    if kind == "editor":
        intro = [rng.choice([f"A reader sent this letter to {o}, which printed it on {d}. It is reproduced below.",
                             f"The letter below appeared in the letters page of {o} on {d}."])]
        return intro, rng.choice(["To the Editor:", "Dear Editor,", "Sir,"]), [f"— {who}, {place(rng)}"]
    intro = [rng.choice([f"Below is the full text of {who}'s resignation letter, obtained by {o}.",
                         f"{who} resigned on {d}. Here is the letter in full:"])]
    boss = person(rng)
    return intro, f"Dear {boss.split()[0]},", [rng.choice(VALEDICTION), who]


# --------------------------------------------------------------------------- (d) interviews
QUESTIONS = [
    "Can you start by telling us how you first got involved in this work?",
    "What do you think most people misunderstand about the subject?",
    "How has the situation changed over the last few years, in your view?",
    "What was the hardest part of getting this project off the ground?",
    "Where do you expect things to go from here, and what worries you most?",
    "What would you say to someone who is just starting out in this field?",
    "Was there a moment when you thought the whole thing might not work?",
    "How do you respond to the critics who say this approach goes too far?",
]


def interview_labels(rng: random.Random, host_side: str, guest: str) -> tuple[str, str]:
    return rng.choice([("Q:", "A:"), (f"{host_side.split()[-1].upper()}:", f"{guest.split()[-1].upper()}:"),
                       ("Interviewer:", f"{guest.split()[0]}:"), (f"{host_side}:", f"{guest}:")])


def interview_notice(rng: random.Random, o: str, d: str, y: str) -> tuple[list[str], list[str]]:
    return rng.choice([
        ([f"Interview © {y} {o}. Reproduced with permission."], []),
        ([], [f"Transcript provided by {o}. It has been lightly edited for clarity."]),
        ([f"This interview originally aired on {o} on {d} and is used with permission."], []),
        ([], [f"The transcript above is provided courtesy of {o}. Copyright {y} {o}. All rights reserved."]),
        ([f"Used with permission of {o}."], []),
        ([], [f"Interview transcript © {o}, {d}. Republished by arrangement."]),
    ])


def interview_intro(rng: random.Random, host_side: str, guest: str, o: str | None) -> str:
    on = f" for {o}" if o else ""
    return rng.choice([f"{host_side} spoke with {guest}{on} about the project and what comes next.",
                       f"In this conversation{on}, {guest} talks with {host_side} about the work.",
                       f"{guest} sat down with {host_side}{on}. The exchange is below."])


# --------------------------------------------------------------------------- controls
def short_quote(rng: random.Random, who: str, o: str, d: str, q: str) -> str:
    return rng.choice([f'As {who} told {o} last month, "{q}"', f"{o} reported on {d} that “{q}”",
                       f"In a column for {o}, {who} argued: “{q}”", f"“{q.rstrip('.')},” {who} wrote in {o}.",
                       f'According to {o}, "{q}"'])


def own_footer(rng: random.Random, host: str, y: str) -> list[str]:
    return rng.choice([[f"© {y} {host}. All rights reserved."],
                       [f"Copyright {y} {host}. This article may not be reproduced without permission."],
                       [f"All content © {host} {y}. Reproduction in whole or in part is prohibited."]])


def public_domain(rng: random.Random, d: str) -> tuple[list[str], list[str]]:
    ag = rng.choice(AGENCY)
    return rng.choice([
        ([f"The full text of the {ag} bulletin follows. As a work of the United States government, it is in the public domain."], []),
        ([f"Source: {ag}, {d}."], ["This text is a work of the U.S. federal government and is not subject to copyright (public domain)."]),
        ([f"First published in {rng.randint(1870, 1925)}. This text is in the public domain."], []),
    ])


def cc_by(rng: random.Random, o: str, who: str) -> tuple[list[str], list[str]]:
    return rng.choice([
        ([], [f"This article is republished from {o} under a Creative Commons license. Read the original article."]),
        ([f"This story was originally published by {o} and is republished here under a Creative Commons "
          "Attribution 4.0 International license (CC BY 4.0)."], []),
        ([f"By {who}, {o}"], [f"Licensed under CC BY 4.0. Originally published at {o}."]),
    ])


def press_release(rng: random.Random, company: str, d: str, who: str) -> tuple[list[str], list[str], str]:
    """(lines before, lines after, dateline prefix) of a press release the host reproduces."""
    city = place(rng).upper()
    wire = rng.choice(["PRNewswire", "Business Wire", "GLOBE NEWSWIRE"])
    about = (f"About {company}: {company} is an independent organisation founded in {rng.randint(1960, 2015)}. "
             "It works with partners in more than twenty countries.")
    contact = f"Media contact: {who}, press@{company.split()[0].lower()}.example"
    return rng.choice([
        (["FOR IMMEDIATE RELEASE"], [about, contact, "###"], f"{city}, {d} /{wire}/ -- "),
        ([f"The following is a press release from {company}."], [f"Source: {company}"], ""),
        ([f"News release — {company}", d], [about, contact], f"{city} — "),
    ])
