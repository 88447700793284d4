"""The copyright signals: each a named rule that proposes passages (``Candidate``s) with the values it saw.

Every rule works on the clean text's paragraphs (offsets in the clean text) and on the
records of earlier stages; the stage merges the candidates into flags. A candidate never
carries the passage's text: reasons name what the passage is, never what it says.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ...mapped_text import MappedText
from .text import (Para, any_match, count_words, cut_at_vocabulary_change, find_dates, is_date_line,
                             is_heading, is_running_text, prose_share, rx)
from .voice import cut_at_voice_change, voice_evidence


@dataclass
class Candidate:
    rule: str
    kind: str                      # what the passage is, in words: "newspaper article", "letter", ...
    start: int                     # clean-text span of the passage to summarise
    end: int
    signals: dict[str, dict[str, Any]]
    why: str                       # the rule's half of the reason, without passage text
    who: str | None = None
    outlet: str | None = None
    date: str | None = None
    date_text: str | None = None
    notice: str | None = None
    quotations: list[str] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)   # header, date line, signature ...
    documents: list[str] = field(default_factory=list)
    document_words: dict[str, int] = field(default_factory=dict)   # other documents' sizes (duplicates)
    rules: list[str] = field(default_factory=list)    # set when candidates merge into a flag
    extra: list[str] = field(default_factory=list)    # the other rules' halves of the reason


def sig(value: Any, threshold: Any) -> dict[str, Any]:
    return {"value": value, "threshold": threshold}


def _evidence(what: str, p: Para) -> dict[str, Any]:
    return {"what": what, "start": p.start, "end": p.end}


def _heading_cfg(cfg: dict[str, Any]) -> dict[str, Any]:
    return {**cfg["heading"], "months": cfg["months"]}


def _date_cfg(cfg: dict[str, Any]) -> dict[str, Any]:
    return {"date_line_max_words": cfg["date_line_max_words"], "months": cfg["months"]}


def _interview_like(paras: list[Para], labels: list[str]) -> bool:
    """Two or more paragraphs open with a question/answer label: the passage reads as an interview."""
    return sum(1 for p in paras if any_match(labels, p.text)) >= 2


def _intro_date(paras: list[Para], cfg: dict[str, Any]) -> tuple[str | None, str | None]:
    """A date on a short source line opening a section ("From the interview ..., 2.04.92")."""
    for p in paras[:1]:
        if p.words <= cfg["notice_scope"]["intro_max_words"]:
            found = find_dates(p.text, cfg["months"])
            if found:
                return found[0][2], found[0][3]
    return None, None


# ------------------------------------------------------------------------------ notices
def notice_scope(paras: list[Para], notices: list[dict[str, Any]], clean: MappedText,
                 cfg: dict[str, Any]) -> tuple[list[Candidate], list[dict[str, Any]]]:
    """A notice at the end of a section covers that section (at its start, the section it opens).

    A fair-use notice always scopes; a copyright line only when it states a copyright
    (©, "All rights reserved", "Copyright 2001") and sits between content (not a site
    header or footer). Returns the candidates and, for every notice, what it was taken to cover.
    """
    rcfg = cfg["notice_scope"]
    hcfg = _heading_cfg(cfg)
    cands: list[Candidate] = []
    scopes: list[dict[str, Any]] = []
    for n in sorted(notices, key=lambda n: (n["raw_start"], n["id"])):
        pos = clean.from_raw_pos(n["raw_start"])
        before = [i for i, p in enumerate(paras) if p.end <= pos]
        prose = [p.words if is_running_text(p, rcfg["prose_min_words"]) else 0 for p in paras]
        words_before = sum(prose[i] for i in before)
        words_after = sum(prose) - words_before     # menus and link lists after a footer do not count
        scope = {"notice": n["id"], "kind": n["kind"], "scope": "none", "start": None, "end": None}
        scopes.append(scope)
        if n["kind"] != "fair_use":
            if not any_match(rcfg["statement_patterns"], n["text"]):
                scope["scope"] = "not a copyright statement"
                continue
            if words_before < rcfg["site_words"] or words_after < rcfg["site_words"]:
                scope["scope"] = "site header or footer"
                continue
        if not before:
            scope["scope"] = "document start"
            continue
        last = before[-1]
        title = None
        closes = not (is_heading(paras[last], hcfg) and n["kind"] == "fair_use")
        if not closes:                      # a template opening a section
            idx = []
            for j in range(last + 1, len(paras)):
                if is_heading(paras[j], hcfg):
                    break
                idx.append(j)
        else:                               # the notice closes the section before it
            idx = []
            for j in range(last, -1, -1):
                if is_heading(paras[j], hcfg):
                    title = j               # the section's title is the passage's headline
                    break
                idx.append(j)
            idx.reverse()
        idx = idx[-rcfg["max_paragraphs"]:] if len(idx) > rcfg["max_paragraphs"] else idx
        host = None
        if closes:       # the section a notice closes never reaches back over text of another voice or vocabulary
            ccfg = cfg["reprint"]["cohesion"]
            kept, host = cut_at_voice_change(paras, idx[::-1], cfg["reprint"]["voice"])
            kept = cut_at_vocabulary_change(paras, kept, ccfg, ccfg["min_shared"])[0]
            if len(kept) < len(idx):
                idx, title = sorted(kept), None
        section = [paras[j] for j in idx]
        words = sum(p.words for p in section)
        if not section or words < rcfg["min_section_words"]:
            scope["scope"] = "section too short"
            continue
        beside = [p for p in paras if p.start < pos < p.end]   # a notice removed from inside a paragraph
        beside.append(section[-1] if paras[last] is section[-1] else section[0])
        if not is_running_text(beside[0], rcfg["prose_min_words"]):
            scope["scope"] = "next to a list or menu, not to running text"   # a footer after the site's menus
            continue
        share = prose_share(section, rcfg["prose_min_words"])
        if share < rcfg["min_prose_share"]:
            scope["scope"] = "section is not running text"
            continue
        scope.update(scope="section", start=section[0].start, end=section[-1].end)
        kind = "interview" if _interview_like(section, cfg["interview_labels"]) else "passage"
        date, date_text = _intro_date(section, cfg)
        where = "opens" if paras[last].end <= section[0].start else "closes"
        head = paras[title] if title is not None and idx and title == idx[0] - 1 else None
        cands.append(Candidate(
            rule=rcfg["id"], kind=kind, start=(head or section[0]).start, end=section[-1].end,
            signals={"notice_section_words": sig(words, rcfg["min_section_words"]),
                     "prose_share": sig(share, rcfg["min_prose_share"])},
            why=f"a {n['kind'].replace('_', '-')} notice on the page {where} this section",
            date=date, date_text=date_text, notice=n["id"],
            evidence=[voice_evidence(paras[host])] if host is not None else []))
    return cands, scopes


# ------------------------------------------------------------------------------ news article
def news_article(paras: list[Para], cfg: dict[str, Any]) -> list[Candidate]:
    """An outlet header ("From the <outlet>:"), optional dateline and byline, then running text."""
    rcfg = cfg["news_article"]
    hcfg = _heading_cfg(cfg)
    cands: list[Candidate] = []
    i = 0
    while i < len(paras):
        p = paras[i]
        m = any_match(rcfg["outlet_header_patterns"], p.text.strip()) if len(p.lines) <= 2 else None
        if not m or p.words > rcfg["header_max_words"]:
            i += 1
            continue
        outlet = m.groupdict().get("outlet")
        evidence = [_evidence("outlet header", p)]
        date = date_text = who = None
        j = i + 1
        while j < len(paras) and j <= i + rcfg["max_header_paragraphs"]:
            q = paras[j]
            dm = any_match(rcfg["dateline_patterns"], q.text.strip()) if q.words <= rcfg["header_max_words"] else None
            bm = any_match(rcfg["byline_patterns"], q.text.strip()) if q.words <= rcfg["header_max_words"] else None
            if dm:
                found = find_dates(q.text, cfg["months"])
                if found:
                    date, date_text = found[0][2], found[0][3]
                evidence.append(_evidence("dateline", q))
            elif bm:
                who = (bm.groupdict().get("name") or "").strip() or None
                evidence.append(_evidence("byline", q))
            else:
                break
            j += 1
        if not p.text.rstrip().endswith(":") and len(evidence) == 1:
            i += 1          # "From X" without a colon is a header only with a dateline or byline
            continue
        run: list[int] = []
        k = j
        while k < len(paras):
            q = paras[k]
            if is_heading(q, hcfg) or any_match(rcfg["outlet_header_patterns"], q.text.strip()):
                break
            if not is_running_text(q, rcfg["prose_min_words"]):
                break
            run.append(k)
            k += 1
        # nothing closes an article under an outlet header: it ends where the voice or the vocabulary changes
        ccfg = cfg["reprint"]["cohesion"]
        run, host = cut_at_voice_change(paras, run, cfg["reprint"]["voice"], forward=True)
        run = cut_at_vocabulary_change(paras, run, ccfg, ccfg["min_shared"], True)[0]
        evidence += [voice_evidence(paras[host])] if host is not None else []
        body = [paras[x] for x in run]
        k = run[-1] + 1 if run else k
        words = sum(q.words for q in body)
        if len(body) >= rcfg["min_paragraphs"] and words >= rcfg["min_words"]:
            extra = [e["what"] for e in evidence[1:]]
            cands.append(Candidate(
                rule=rcfg["id"], kind="newspaper article", start=body[0].start, end=body[-1].end,
                signals={"outlet_header": sig(True, True),
                         "dateline": sig("dateline" in extra, False),
                         "byline": sig("byline" in extra, False),
                         "paragraphs": sig(len(body), rcfg["min_paragraphs"]),
                         "words": sig(words, rcfg["min_words"])},
                why="a newspaper article reproduced under an outlet header"
                    + (" with its publication date" if date_text else "")
                    + (" and byline" if who else ""),
                who=who, outlet=outlet, date=date, date_text=date_text, evidence=evidence))
            i = k
        else:
            i += 1
    return cands


# ------------------------------------------------------------------------------ letter
def _is_name_line(line: str, rcfg: dict[str, Any]) -> bool:
    """A signature line: a name, optionally followed by ", role, organisation" or "(organisation)"."""
    return bool(rx(rcfg["name_pattern"]).search(re.split(r"\s*[,(]", line.strip(), maxsplit=1)[0]))


def letter(paras: list[Para], cfg: dict[str, Any]) -> list[Candidate]:
    """A date line or salutation, a body, then a valediction with a signature block."""
    rcfg = cfg["letter"]
    hcfg = _heading_cfg(cfg)
    dcfg = _date_cfg(cfg)
    cands: list[Candidate] = []
    used_until = -1
    for v, p in enumerate(paras):
        if v <= used_until or not p.lines:
            continue
        block = any_match(rcfg["signatory_patterns"], p.lines[0])
        if not block and not any_match(rcfg["valediction_patterns"], p.lines[0]):
            continue
        most = rcfg["max_signatory_lines"] if block else rcfg["max_signature_lines"]
        sig_lines = p.lines[1:] or [ln for q in paras[v + 1:v + 1 + most] for ln in q.lines][:most]
        sig_lines = [ln for ln in sig_lines if count_words(ln) <= rcfg["max_signature_line_words"]]
        if block:       # "Signed," then one line per signatory: "NAME, Role, Organisation"
            sig_lines = list(itertools.takewhile(lambda ln: _is_name_line(ln, rcfg), sig_lines))
            if len(sig_lines) < rcfg["min_signatories"]:
                continue
        if not sig_lines or not _is_name_line(sig_lines[0], rcfg):
            continue
        who = ", ".join(sig_lines[:rcfg["max_signature_lines"]])
        opening = None
        date = date_text = None
        for j in range(v - 1, max(-1, v - 1 - rcfg["max_body_paragraphs"]), -1):
            q = paras[j]
            if j <= used_until:
                break
            if q.lines and any_match(rcfg["salutation_patterns"], q.lines[0]):
                opening = (j, "salutation")
                break
            d = is_date_line(q, dcfg)
            if d:
                opening = (j, "date line")
                date, date_text = d
                break
            if is_heading(q, hcfg):
                break
        if opening is None:
            continue
        o, what = opening
        first = o if what == "salutation" and len(paras[o].lines) > 1 else o + 1
        body = paras[first:v]
        if what == "date line" and body and body[0].lines and any_match(rcfg["salutation_patterns"], body[0].lines[0]):
            body = body[1:] if len(body[0].lines) == 1 else body
        words = sum(q.words for q in body)
        if not body or words < rcfg["min_words"]:
            continue
        evidence = [_evidence(what, paras[o]), _evidence("valediction and signature", p)]
        cands.append(Candidate(
            rule=rcfg["id"], kind="letter", start=body[0].start, end=body[-1].end,
            signals={"opening": sig(what, "date line or salutation"),
                     "signature_lines": sig(len(sig_lines), 1),
                     "words": sig(words, rcfg["min_words"])},
            why=f"a complete letter reproduced from its {what} to its signature",
            who=who, date=date, date_text=date_text, evidence=evidence))
        used_until = v
    return cands


# ------------------------------------------------------------------------------ quotations
def _speaker(q: dict[str, Any]) -> str | None:
    sp = q.get("speaker") or {}
    name = sp.get("name") if isinstance(sp, dict) else None
    return " ".join(name.lower().split()) if name else None


def quotation_runs(quotes: list[dict[str, Any]], text: str, cfg: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """Top-level quotations grouped into runs: adjacent ones by the same speaker, or one interview."""
    rcfg = cfg["long_quotation"]
    top = sorted((q for q in quotes if not q.get("parent")), key=lambda q: (q["start"], q["end"]))
    runs: list[list[dict[str, Any]]] = []
    for q in top:
        if runs:
            prev = runs[-1][-1]
            gap = count_words(text[prev["end"]:q["start"]]) if q["start"] >= prev["end"] else 0
            a, b = _speaker(prev), _speaker(q)
            interview = prev.get("kind") == "interview" and q.get("kind") == "interview"
            same = (a is not None and a == b) or interview or (a is None and b is None and gap == 0)
            if same and gap <= rcfg["max_gap_words"]:
                runs[-1].append(q)
                continue
        runs.append([q])
    return runs


def long_quotation(quotes: list[dict[str, Any]], text: str, cfg: dict[str, Any],
                   min_words: int, rule: str, why_extra: str = "") -> list[Candidate]:
    """One quotation, or a run by one speaker (an interview counts as one), above a word threshold."""
    rcfg = cfg["long_quotation"]
    cands = []
    for run in quotation_runs(quotes, text, cfg):
        words = sum(int(q.get("words") or count_words(q.get("text", ""))) for q in run)
        if words < min_words:
            continue
        kinds = Counter(q.get("kind") or "inline" for q in run)
        kind = {"interview": "interview", "letter": "letter", "excerpt": "excerpt"}.get(
            kinds.most_common(1)[0][0], "quotation")
        by_words: Counter[str] = Counter()
        names: dict[str, str] = {}
        for q in run:
            s = _speaker(q)
            if s:
                by_words[s] += int(q.get("words") or 0)
                names[s] = q["speaker"]["name"]
        who = names[sorted(by_words, key=lambda s: (-by_words[s], s))[0]] if by_words else None
        src = next((q.get("source") for q in run if q.get("source")), None) or {}
        cands.append(Candidate(
            rule=rule, kind=kind, start=run[0]["start"], end=run[-1]["end"],
            signals={"quoted_words": sig(words, min_words), "quotations": sig(len(run), 1)},
            why=(f"one verbatim {kind}" if len(run) == 1 else f"an interview of {len(run)} verbatim quotations"
                 if kind == "interview" else f"a run of {len(run)} verbatim quotations by one speaker")
                + f" longer than {min_words} words" + why_extra,
            who=who, outlet=src.get("outlet"), date=src.get("date"), date_text=src.get("date_text"),
            quotations=[q["id"] for q in run]))
    return cands


# ------------------------------------------------------------------------------ unmarked excerpts
def excerpt_markers(paras: list[Para], cfg: dict[str, Any]) -> list[Candidate]:
    """Paragraphs that carry an editor's marks (bracketed insertions, elisions) but no quote marks.

    Pages often reproduce a column or statement as plain paragraphs, marking only the
    editor's changes: ``[the party]`` insertions and ``…`` cuts. A run of such paragraphs
    in the author's first person, above the long-quotation threshold, is an excerpt.
    """
    rcfg = cfg["excerpt_markers"]
    hcfg = _heading_cfg(cfg)
    cands: list[Candidate] = []
    run: list[tuple[Para, int, int]] = []

    def close() -> None:
        if not run:
            return
        words = sum(p.words for p, _, _ in run)
        markers = sum(m for _, m, _ in run)
        first = sum(f for _, _, f in run)
        rate = round(100.0 * first / max(1, words), 2)
        if words >= rcfg["min_words"] and markers >= rcfg["min_markers"] and rate >= rcfg["min_first_person_per_100"]:
            cands.append(Candidate(
                rule=rcfg["id"], kind="excerpt", start=run[0][0].start, end=run[-1][0].end,
                signals={"words": sig(words, rcfg["min_words"]), "editor_marks": sig(markers, rcfg["min_markers"]),
                         "first_person_per_100_words": sig(rate, rcfg["min_first_person_per_100"])},
                why=f"an unquoted excerpt in another author's first person, marked by {markers} editorial "
                    f"insertions or cuts, longer than {rcfg['min_words']} words"))
        run.clear()

    for p in paras:
        if is_heading(p, hcfg) or any(ch in p.text for ch in rcfg["quote_marks"]):
            close()
            continue
        ins = len(rx(rcfg["insertion_pattern"]).findall(p.text))
        eli = len(rx(rcfg["elision_pattern"]).findall(p.text))
        if ins + eli == 0 or p.words < rcfg["min_paragraph_words"]:
            close()
            continue
        first = len(rx(rcfg["first_person_pattern"]).findall(p.text))
        run.append((p, ins + eli, first))
    close()
    return cands
