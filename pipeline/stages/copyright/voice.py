"""The page's own voice: where a reproduced passage gives way to the host, and the host's own interviews.

Why: a reproduced news article is written in the third person, while the page around it often
speaks in its own first person ("We think this is great news for the club", "I am putting the
article here because ..."). Vocabulary alone misses the host paragraph that stays on the article's
topic; a change of voice at a paragraph boundary is a structural cue like a heading. And an
interview the page conducted itself ("I sat down with her after training") is the page's own
work: with no other source named around it, its questions and answers are not a reproduction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...rules import declare
from .text import Para, any_match, is_running_text, rx

if TYPE_CHECKING:      # signals.py cuts sections with this module's voice change: no import cycle at load
    from .signals import Candidate

VOICE_SHIFT = declare(
    "copyright.voice_shift", stage="copyright",
    why="a passage in the third person ends where the page's own first person resumes (the host's paragraph "
        "beside a reproduced article, even on the same topic)",
    params=["reprint.voice.first_person_pattern", "reprint.voice.second_person_pattern", "reprint.voice.min_passage_words",
            "reprint.voice.max_passage_per_100", "reprint.voice.min_host_pronouns", "reprint.voice.min_host_per_100",
            "reprint.voice.host_paragraphs"])
OWN_INTERVIEW = declare(
    "copyright.own_interview", stage="copyright",
    why="a question-and-answer interview that the page's own running text introduces, with no other source "
        "named on it or around it, is the page's own interview, not a long quotation to summarise",
    params=["long_quotation.own_interview.intro_paragraphs", "long_quotation.own_interview.source_named_patterns"])

_PAIRS = rx(r"“[^”]*”|«[^»]*»|\"[^\"\n]*\"")
_OPENERS = rx(r"[“«\"]")
_CLOSERS = rx(r"[”»]")


def outside_quotes(text: str) -> str:
    """The writer's own words of a paragraph: quoted spans out, and what an unclosed mark opens (a
    quotation going on in the next paragraph) or closes (one opened in the paragraph before)."""
    t = _PAIRS.sub(" ", text)
    m = _CLOSERS.search(t)
    if m:
        t = t[m.end():]
    m = _OPENERS.search(t)
    return t[:m.start()] if m else t


def first_person(text: str, vcfg: dict[str, Any], second: bool = False) -> int:
    """First-person pronouns in the writer's own words (not inside quotations); with ``second``, the
    second person too (the page turning to its reader)."""
    own = outside_quotes(text)
    return len(rx(vcfg["first_person_pattern"]).findall(own)) + \
        (len(rx(vcfg["second_person_pattern"]).findall(own)) if second else 0)


def host_voice(p: Para, vcfg: dict[str, Any], second: bool = False) -> bool:
    """A paragraph in the page's own first person (enough pronouns of its own, not one chance "we")."""
    c = first_person(p.text, vcfg, second)
    return c >= vcfg["min_host_pronouns"] and 100.0 * c / max(1, p.words) >= vcfg["min_host_per_100"]


def reportage(body: list[Para], vcfg: dict[str, Any], second: bool = False) -> bool:
    """A passage long enough to know its voice, with (almost) no first person (and with ``second``, no
    second person) outside quotations."""
    words = sum(p.words for p in body)
    return words >= vcfg["min_passage_words"] and \
        100.0 * sum(first_person(p.text, vcfg, second) for p in body) / words <= vcfg["max_passage_per_100"]


def cut_at_voice_change(paras: list[Para], run: list[int], vcfg: dict[str, Any],
                        forward: bool = False) -> tuple[list[int], int | None]:
    """``run`` (paragraph indexes in the order of travel from the anchor) ends before the first
    paragraph in the first person once the passage so far holds ``min_passage_words`` words with
    almost none (a reporter's article next to the host's "we"/"I"), when the paragraphs from there on
    (``host_paragraphs`` of them, or all the run has left) are all in the first person: one paragraph in
    "we" inside a third-person text is the article's own. Travelling ``forward`` (after an introduction
    line), after a passage that never addresses its reader, the host's paragraphs may speak to the reader
    ("you") instead. Returns the kept run and the index of the host's
    paragraph (None: no change of voice)."""
    for n, k in enumerate(run):
        host = run[n:n + vcfg["host_paragraphs"]]
        passage = [paras[x] for x in run[:n]]
        if not (n and reportage(passage, vcfg)):
            continue
        second = forward and reportage(passage, vcfg, True)     # "you" tells only after a passage without it
        if all(host_voice(paras[x], vcfg, second) for x in host):
            return run[:n], k
    return run, None


def voice_evidence(p: Para) -> dict[str, Any]:
    """The host's paragraph that ended the passage (an audit note: it is not flagged)."""
    return {"what": f"the page's own voice resumes here ({VOICE_SHIFT})", "start": p.start, "end": p.end}


def own_interviews(quotes: list[dict[str, Any]], text: str, paras: list[Para],
                   cfg: dict[str, Any]) -> list[dict[str, Any]]:
    """Interview runs (question and answer quotations) the page introduces in its own running text,
    with no outlet on any of their quotations and no source named in that introduction."""
    from .signals import quotation_runs
    icfg = cfg["long_quotation"]["own_interview"]
    rcfg = cfg["reprint"]
    cues = [*icfg["source_named_patterns"], *rcfg["intro_cue_patterns"], *rcfg["source_cue_patterns"],
            *cfg["news_article"]["outlet_header_patterns"]]
    out = []
    for run in quotation_runs(quotes, text, cfg):
        if not all(q.get("kind") == "interview" for q in run) or any((q.get("source") or {}).get("outlet") for q in run):
            continue
        before = [p for p in paras if p.end <= run[0]["start"]][-icfg["intro_paragraphs"]:]
        intro = [p for p in before if is_running_text(p, rcfg["prose_min_words"])
                 and not any(q["start"] < p.end and p.start < q["end"] for q in quotes)]   # the page's words, not an answer
        if not intro or any(any_match(cues, p.text) for p in before):
            continue
        out.append({"rule": OWN_INTERVIEW, "start": run[0]["start"], "end": run[-1]["end"],
                    "quotations": [q["id"] for q in run],
                    "introduction": {"start": intro[-1].start, "end": intro[-1].end}})
    return out


def drop_own_interviews(cands: list["Candidate"], own: list[dict[str, Any]]) -> list["Candidate"]:
    """Long-quotation candidates that are exactly one of the page's own interviews go."""
    spans = {(o["start"], o["end"]) for o in own}
    return [c for c in cands if (c.start, c.end) not in spans]


def persons_quoted(quotes: list[dict[str, Any]]) -> dict[str, list[tuple[int, int]]]:
    """Names the quotation stage's model typed as people, with the spans of their quotations."""
    out: dict[str, list[tuple[int, int]]] = {}
    for q in quotes:
        sp = q.get("speaker") or {}
        if isinstance(sp, dict) and sp.get("type") == "person" and sp.get("name"):
            out.setdefault(sp["name"], []).append((q["start"], q["end"]))
    return out
