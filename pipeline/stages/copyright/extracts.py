"""A reproduced article as real pages paste it: the site's furniture inside it, the host's remarks between extracts.

Why: pages rarely paste an article clean. Its link lines ("Related: <title>", "Read more: <title>") and
image captions come with it, and a page that comments on a piece quotes it in extracts, each closed by
an elision mark ("[...]") or opened by a line of its own ("<Outlet> goes on:"), with its own remarks in
the first person between them. The extracts are the passage, one flag each; the remarks are the host's
and never inside a flag (``copyright.reprint`` reads these shapes; thresholds in ``copyright.reprint``).
"""

from __future__ import annotations

from typing import Any

from .text import Para, is_running_text, rx
from .voice import host_voice, outside_quotes


def layout_line(p: Para, rcfg: dict[str, Any]) -> bool:
    """An ad slot's line, a link line to another story or an image's caption: the host's layout, not text."""
    t = p.text.strip()
    return bool(rx(rcfg["interruption_pattern"]).match(t) or rx(rcfg["furniture_pattern"]).match(t))


def before_furniture(paras: list[Para], k: int, rcfg: dict[str, Any]) -> int:
    """The article's last paragraph when paragraph ``k`` (before its source line or notice) is a pasted
    link or caption line after it ("Read more: <title>"), or a news story's trailer ("<name> contributed to
    this report.", "(Reporting by <name>; Editing by <name>)", a "___" rule; up to ``max_header_lines`` of
    them): the paragraph before them; else ``k``."""
    m = k
    while 0 < m < len(paras) and k - m < rcfg["max_header_lines"] and len(paras[m].lines) == 1 and (
            rx(rcfg["furniture_pattern"]).match(paras[m].text.strip()) or rx(rcfg["trailer_pattern"]).match(paras[m].text.strip())):
        m -= 1
    return m if m < k and is_running_text(paras[m], rcfg["prose_min_words"]) else k


def elision(p: Para, rcfg: dict[str, Any]) -> bool:
    """A line that is only an elision mark ("[...]", "(…)"): the editor's cut between two extracts."""
    return len(p.lines) == 1 and bool(rx(rcfg["extracts"]["elision_line_pattern"]).match(p.text.strip()))


def host_remark(p: Para, passage: list[Para], vcfg: dict[str, Any], rcfg: dict[str, Any]) -> bool:
    """The host speaking between extracts: its own first person, or one first-person word in a short
    paragraph (an aside's length) after a passage without one."""
    if host_voice(p, vcfg):
        return True
    return _singular(p, rcfg) and p.words <= rcfg["extracts"]["aside_max_words"] and _impersonal(passage, vcfg, rcfg)


def _singular(p: Para, rcfg: dict[str, Any]) -> bool:
    """A first-person singular word of the paragraph's own ("I", "me", "my"; an article's editorial "we"
    and "let's" are the article's)."""
    return bool(rx(rcfg["extracts"]["singular_first_person_pattern"]).search(outside_quotes(p.text)))


def extract_ends(paras: list[Para], j: int, run: list[int], vcfg: dict[str, Any], rcfg: dict[str, Any]) -> bool:
    """The extract read so far (``run``) ends before paragraph ``j``: an elision line and the host's remark
    (in either order) between it and what follows (an elision line inside an extract, text on both sides,
    is the extract's own cut)."""
    if not (run and j + 1 < len(paras)):
        return False
    passage = [paras[k] for k in run]
    a, b = paras[j], paras[j + 1]
    return (elision(a, rcfg) and host_remark(b, passage, vcfg, rcfg)) or (elision(b, rcfg) and host_remark(a, passage, vcfg, rcfg))


def aside_at(paras: list[Para], run: list[int], vcfg: dict[str, Any], rcfg: dict[str, Any]) -> tuple[int, bool] | None:
    """The position in ``run`` of the host's aside inside an introduced text: one short paragraph with a
    first-person singular word of its own after a stretch without one ("That was the first half. What strikes
    me most ... Read on for the rest."). A reporter's "I" is rare in news prose (Biber 1988); the aside is the
    host's. When another stretch without one follows it (up to the next such paragraph: a host who comments
    twice leaves two asides), the text goes on after it as a second extract; when the host's own first person
    follows it (its next paragraph), or nothing does, the host has taken the page back ("So that is the piece. I am not sure …"):
    the passage ends there and nothing after it is an extract (the second value, ``final``)."""
    short = [n for n in range(len(run)) if paras[run[n]].words <= rcfg["extracts"]["aside_max_words"]
             and _singular(paras[run[n]], rcfg)]
    for n in (n for n in short if n > 0):
        if not _impersonal([paras[k] for k in run[:n]], vcfg, rcfg):
            continue
        # the host's remarks may run on over a few paragraphs (``max_remark_paragraphs``), each in its own
        # first person: the text resumes after the last of them
        r = n + 1
        while r < len(run) and r - n < rcfg["extracts"]["max_remark_paragraphs"] and r in short \
                and host_voice(paras[run[r]], vcfg):
            r += 1
        m = next((x for x in short if x > r), len(run))
        after = [paras[k] for k in run[r:m]]
        if after and _impersonal(after, vcfg, rcfg):
            return n, False
        if not after or host_voice(after[0], vcfg):
            return n, True
    return None


def _impersonal(body: list[Para], vcfg: dict[str, Any], rcfg: dict[str, Any]) -> bool:
    """A stretch long enough to know its voice with (almost) no "I" of its own (its editorial "we" allowed)."""
    words = sum(p.words for p in body)
    pat = rx(rcfg["extracts"]["singular_first_person_pattern"])
    own = sum(len(pat.findall(outside_quotes(p.text))) for p in body)
    return words >= vcfg["min_passage_words"] and 100.0 * own / words <= vcfg["max_passage_per_100"]


def trim_remarks(paras: list[Para], run: list[int], vcfg: dict[str, Any], rcfg: dict[str, Any]) -> list[int]:
    """An extract that the next extract's own line closes loses the host's remarks at its end."""
    while len(run) > 1 and host_remark(paras[run[-1]], [paras[k] for k in run[:-1]], vcfg, rcfg):
        run = run[:-1]
    return run


def next_extract(paras: list[Para], j: int, run: list[int], vcfg: dict[str, Any], rcfg: dict[str, Any]) -> int | None:
    """After an extract that ends before ``j``: the first paragraph of the next extract, past the elision
    line and at most ``max_remark_paragraphs`` of the host's remarks (none a heading), or None."""
    passage = [paras[k] for k in run]
    k, remarks = j, 0
    while k < len(paras) and remarks <= rcfg["extracts"]["max_remark_paragraphs"]:
        if elision(paras[k], rcfg):
            k += 1
        elif host_remark(paras[k], passage, vcfg, rcfg):
            k, remarks = k + 1, remarks + 1
        else:
            break
    if not remarks or remarks > rcfg["extracts"]["max_remark_paragraphs"] or k >= len(paras) \
            or not is_running_text(paras[k], rcfg["prose_min_words"]):
        return None
    return k
