"""The ``copyright.reprint`` signal: a multi-paragraph passage reproduced with its source named.

Real sites reproduce another outlet's article in a few recurring shapes: the article (headline,
body) then an attribution line ("Source: <outlet>, <date>", "— <outlet>, <date>"); an
introduction line ("The following article appeared in <outlet> on <date>:") then the article;
headline, byline, body and a closing copyright notice; a long excerpt introduced as reported
by an outlet or in quote marks with the outlet after it. This rule reads those shapes, not
wordings: an *anchor* line (short, naming a source by a capitalised name or a date, with a
publication cue or the punctuation of an attribution) next to a run of running-text
paragraphs. The passage runs from the headline (or first words) to the last paragraph; it
stops at a heading, at another anchor, at a list or menu, and where the vocabulary changes
(the host's own paragraphs beside an inserted article share few of its words).
"""


from __future__ import annotations

from typing import Any

from .signals import Candidate, sig
from .text import (CLOSE_QUOTES, OPEN_QUOTES, Para, any_match, closes_quotation, cut_at_vocabulary_change, find_dates, is_heading,
                   opens_quotation, opens_unclosed, quoted_paragraphs_end, rx)
from .extracts import aside_at, before_furniture, extract_ends, next_extract, trim_remarks
from .lines import (_a_person_posting, _article_header_at, _body_para, _byline_names_owner, _closes_longer_run,
                    _continues, _credit_line, _dump_quoted, _header_above, _header_line, _headline, _notice_line_holds,
                    anchor, intro_form_holds, notice_anchors, past_label, quote_box)
from .voice import cut_at_voice_change, host_voice, persons_quoted, reportage, voice_evidence
from .wire import bare_datelines, wire_datelines


def reprint(paras: list[Para], cfg: dict[str, Any], notices: list[tuple[int, str, int]],
            quotes: list[dict[str, Any]]) -> list[Candidate]:
    rcfg = cfg["reprint"]
    persons = persons_quoted(quotes)
    hcfg = {**cfg["heading"], "months": cfg["months"]}
    # (a short line right under a quotation of several paragraphs that it closes names that quotation's source)
    anchors_after = {i: a for i, p in enumerate(paras) if (a := anchor(p, cfg, "after", i > 0 and (
        closes_quotation(paras[i - 1].text) or quoted_paragraphs_end(paras, i - 1))))}
    # A line that reads both ways ("Reposted from X, date") introduces what follows when it ends with
    # a colon or points forward ("the piece below"), or leans forward by its wording, does not end as a
    # sentence ("Republished from X, date." closes) and a headline follows it; otherwise it closes.
    anchors_before = {i: a for i, p in enumerate(paras) if (a := anchor(p, cfg, "before"))
                      and (i not in anchors_after or p.text.rstrip().endswith(":")
                           or any_match(rcfg["forward_patterns"], p.text.strip())
                           or (_article_header_at(paras, past_label(paras, i + 1, rcfg), cfg)   # an article's header follows it
                               and not _closes_longer_run(paras, i, cfg))
                           or (i + 1 < len(paras) and _body_para(paras[i + 1], rcfg)     # nothing it could close
                               and not (i > 0 and _body_para(paras[i - 1], rcfg)))       # (a list, a heading above)
                           or (any_match(rcfg["intro_leaning_patterns"], p.text.strip())
                               and not p.text.rstrip().endswith(".")
                               and i + 1 < len(paras) and (_headline(paras[i + 1], cfg)
                                                           or _header_line(paras[i + 1], cfg))))}
    # a line ending in a colon that neither dates nor heads what follows is the page's own sentence
    anchors_before = {i: a for i, a in anchors_before.items() if not a["punct_only"] or intro_form_holds(paras, i, a, cfg)}
    # a forum's quote box under the text's web address ("https://www.x.com/2016/…" then "Quote:"): the address
    # names the source of the text the box quotes
    anchors_before.update({i: {**a, "what": "introduction line"} for i, a in anchors_after.items()
                           if a["address"] and a["cue"] == "cue" and i not in anchors_before and quote_box(paras, i + 1, rcfg)})
    anchors_after = {i: a for i, a in anchors_after.items() if i not in anchors_before}
    # the lines strip removed (kept as attribution notices) hold only with their structural guards
    anchors_after = {i: a for i, a in anchors_after.items()
                     if not paras[i].kind.startswith("attribution:") or _notice_line_holds(paras, i, "after", rcfg)}
    anchors_before = {i: a for i, a in anchors_before.items()
                      if not paras[i].kind.startswith("attribution:") or _notice_line_holds(paras, i, "before", rcfg)}
    closing = notice_anchors(paras, notices, cfg)      # key: the last paragraph the notice closes
    # an attribution line closes a passage only after running text (not under a heading, as a standfirst)
    ends = {i for i in anchors_after if i > 0 and _body_para(paras[before_furniture(paras, i - 1, rcfg)], rcfg)}
    cands: list[Candidate] = []
    # an introduction line opens the passage after it; a wire dateline opens it with its own paragraph
    starts = [(i, a, None) for i, a in anchors_before.items()]
    wire = wire_datelines(paras, cfg)
    starts += [(k, a, k) for k, a in {**bare_datelines(paras, cfg), **wire}.items() if _body_para(paras[k], rcfg)]
    # (an extract closed by an elision line and the host's remark queues the next extract of the same text:
    # the fourth field is its first paragraph)
    queue: list[tuple[int, dict[str, Any], int | None, int | None]] = \
        [(i, a, d, None) for i, a, d in sorted(starts, key=lambda t: t[0])]
    vcfg = rcfg["voice"]
    n_q = 0
    while n_q < len(queue):
        i, a, dateline, first = queue[n_q]
        n_q += 1
        if first is None and dateline is None and i + 1 < len(paras) and _a_person_posting(
                {**a, "_rcfg": rcfg, "_months": cfg["months"]}, paras[i].text, paras[i + 1], persons):
            continue
        j = first if first is not None else i + 1 if dateline is None else dateline
        header: list[int] = [] if dateline is None else _header_above(paras, dateline, cfg)
        if first is None and dateline is None and quote_box(paras, j, rcfg):
            j += 1         # a forum's quote-box label ("Quote:") over the pasted text is the forum's layout
        while first is None and dateline is None and j < len(paras) and len(header) < rcfg["max_header_lines"] and (
                _headline(paras[j], cfg) or _header_line(paras[j], cfg)):
            header.append(j)
            j += 1
        run: list[int] = []
        cut = False
        while j < len(paras) and (j == dateline or (j not in anchors_before and j not in ends)):
            if extract_ends(paras, j, run, vcfg, rcfg):
                cut = True     # "[...]" and the host's remark after it: this extract ends here
                break
            if not _continues(paras, j, 1, cfg) or (run and _dump_quoted(paras[run[0]]) != _dump_quoted(paras[j])):
                break
            if first is None and dateline is None and run and _closed_quotation(paras[run[0]].text) \
                    and paras[j].text.strip()[:1] not in OPEN_QUOTES:
                break      # the introduced text is one closed quotation: the unquoted paragraph after it is the host's
            run.append(j)
            j += 1
            if j - 1 in closing:
                break      # a copyright notice closes it here
        if j < len(paras) and j in anchors_before:
            run = trim_remarks(paras, run, vcfg, rcfg)   # the next passage's own line: the host's remarks before it are not this one's
        final = changed = False
        if not cut and (aside := aside_at(paras, run, vcfg, rcfg)) is not None:
            (n_aside, final), cut = aside, True       # the host's aside ends this extract (and with ``final``, the text)
            j, run = run[n_aside], run[:n_aside]
            if first is None and dateline is None:
                # a change of text before the aside ends the passage sooner: the aside is then the host's own
                # text, not a remark inside the introduced one (nothing resumes after it)
                kept = cut_at_vocabulary_change(paras, run, rcfg["cohesion"], rcfg["cohesion"]["min_shared"], True)[0]
                if len(kept) < len(run):
                    j, run, final, changed = kept[-1] + 1 if kept else j, kept, True, True
        # the site's own footer notice ends the run but says nothing of where the passage ends: the cuts decide
        end_anchor = (anchors_after.get(j) if j in ends else None) or \
            next((c for c in [closing.get(j - 1)] if c and not c["footer_like"]), None)
        host = j if final and not changed else None      # the host taking the page back is its own voice resuming
        resumes = False    # the introduced text goes on after the host's remarks: this is one of its extracts
        if cut:
            low = cut_at_vocabulary_change(paras, run, rcfg["cohesion"], 0.0)[1]
            if not final and (g := next_extract(paras, j, run, vcfg, rcfg)) is not None:
                queue.insert(n_q, (i, a, None, g))
                resumes = True
        elif not end_anchor:       # nothing closes it: the passage ends where the host's voice or the vocabulary changes
            run, host = cut_at_voice_change(paras, run, rcfg["voice"], forward=True)
            short = (j >= len(paras) or is_heading(paras[j], hcfg)) and host is None and \
                sum(paras[k].words for k in run) < rcfg["cohesion"]["window_words"]   # a heading bounds it: too short to compare
            run, low = (run, 1.0) if short else cut_at_vocabulary_change(paras, run, rcfg["cohesion"], rcfg["cohesion"]["min_shared"], True)
            j = run[-1] + 1 if run else j
        else:
            low = cut_at_vocabulary_change(paras, run, rcfg["cohesion"], 0.0)[1]
        body = [paras[k] for k in run]
        found = [(a, i)] + ([(end_anchor, j if j in ends else None)] if end_anchor else [])
        cands += _candidate(paras, header, body, found, rcfg, low, cfg["months"], host, first is not None or resumes)
    after = [(i, before_furniture(paras, i - 1, rcfg), a) for i, a in anchors_after.items() if i in ends]
    after += [(None, last, a) for last, a in closing.items()]
    for i, last, a in sorted(after, key=lambda t: (t[1], t[0] is None)):
        if a["punct_only"] and a["outlet"] is None:
            continue
        j = last
        back: list[int] = []
        quoted = False
        while j >= 0 and j not in ends and j not in anchors_before and (j == last or j not in closing):
            p = paras[j]
            if not _continues(paras, j, -1, cfg) or (not back and not _body_para(p, rcfg)):
                break
            if back and _dump_quoted(paras[back[0]]) != _dump_quoted(p):
                break      # a text dump's blockquote ("> " lines) is set apart from the text around it
            if not back and (closes_quotation(p.text) or quoted_paragraphs_end(paras, j)):
                quoted = True
            back.append(j)
            j -= 1
            # the quotation opens here: the passage starts with it (in the convention of a quotation over
            # several paragraphs, each opens with a mark: it starts at the first of them)
            if quoted and opens_quotation(p.text) and not (j >= 0 and opens_unclosed(paras[j].text)):
                break
        kept, host = cut_at_voice_change(paras, back, rcfg["voice"])    # the host's "I"/"we" before the article
        if host is not None and host == back[-1] and j >= 0 and _headline(paras[j], cfg) and not _body_para(paras[j], rcfg):
            kept, host = back, None    # the article's lede under its own headline ("Don't we all love games?")
        back = kept
        j = host if host is not None else j
        # A headline where the run stops bounds the passage by itself; then only a sharper change
        # of vocabulary (the host's paragraphs under the host's heading) cuts it.
        titled = j >= 0 and (_headline(paras[j], cfg) or _header_line(paras[j], cfg)) and not _body_para(paras[j], rcfg)
        cohesion = rcfg["cohesion"]
        floor = cohesion["min_shared_to_headline"] if titled or quoted else cohesion["min_shared"]
        if titled and _header_line(paras[j], cfg):
            floor = 0.0        # a byline or dateline right above the run: the article starts there, whatever its words
        # a boundary far below the passage's own cohesion ends it too (TextTiling's depth), unless a byline
        # or dateline right above the run says where the article starts
        back, low = cut_at_vocabulary_change(paras, back, cohesion, floor, depth=floor > 0.0)
        j = back[-1] - 1 if back else j
        body = [paras[k] for k in sorted(back)]
        if a["punct_only"] and not quoted and not (a["date"] and a["outlet"]) and not (a["outlet"] and (
                (host is not None and reportage(body, rcfg["voice"])) or (titled and j - 1 in ends))):
            continue   # a bare "(<name>)" closes unquoted text only when that text is set apart: reportage after the
            #            page's own first person (the host's paragraph where the run stopped), or a headlined
            #            article right after another one's source line (a page of reproduced articles)
        header = _header_above(paras, j + 1, cfg)     # headline, byline / credit line, dateline above the body
        # a headlined passage in reportage's voice between the host's own first-person paragraphs is set
        # apart from the page, as a byline sets an article apart
        apart = bool(header) and _headline(paras[header[0]], cfg) and header[0] > 0 and \
            host_voice(paras[header[0] - 1], rcfg["voice"]) and reportage(body, rcfg["voice"])
        if a["what"] == "copyright notice" and not a["reprint_cue"] and not (
                apart or any(_header_line(paras[h], cfg) for h in header)
                                                    or any(_credit_line(paras[h], cfg) for h in header[1:])):
            continue   # a notice closes a complete article (headline, byline or dateline, body), not the
            #            page's own last section under its heading
        if a["punct_only"] and any(_header_line(paras[h], cfg) or find_dates(paras[h].text, cfg["months"])
                                   for h in header):
            continue   # a headed article (byline, dateline) names its own source: a bare "<name>, <date>"
            #            line after it heads the next item of a list of excerpts
        if a.get("footer_like") and not (apart or _byline_names_owner(paras, header, a, cfg)):
            continue
        intro = anchors_before.get((header[0] if header else (j + 1)) - 1)
        if intro is not None:
            continue   # the introduction line's candidate already covers it
        cands += _candidate(paras, header, body, [(a, i)], rcfg, low, cfg["months"], host)
    return cands


def _closed_quotation(text: str) -> bool:
    """A paragraph that is one quotation, opened and closed in itself (an introduced excerpt in its marks)."""
    t = text.strip()
    inner = t[1:-1]
    return len(t) > 2 and t[0] in OPEN_QUOTES and t[-1] in CLOSE_QUOTES and not any(q in inner for q in "\"“”«»")


def _candidate(paras: list[Para], header: list[int], body: list[Para], found: list[tuple[dict[str, Any], int | None]],
               rcfg: dict[str, Any], cohesion: float, months: dict[str, int], host: int | None = None,
               extract: bool = False) -> list[Candidate]:
    """(``extract``: an extract of a text introduced once and resumed after the host's remarks (the first or a
    further one); one paragraph of it is a passage too,
    as is one paragraph of ``single_paragraph_min_words`` under its own source line.)"""
    words = sum(p.words for p in body)
    one = extract or words >= rcfg["single_paragraph_min_words"]
    if len(body) < (1 if one else rcfg["min_paragraphs"]) or words < rcfg["min_words"]:
        return []
    anchors = [a for a, _ in found]
    first = paras[header[0]] if header else body[0]
    src = {k: next((a[k] for a in anchors if a.get(k)), None) for k in ("outlet", "who", "date", "date_text")}
    for h in header:       # the byline names the author; a dateline the date
        line = paras[h].lines[0]
        by = rx(rcfg["byline_author_pattern"]).search(line)
        if by and not src["who"]:
            src["who"] = by.group("name")
        dates = find_dates(paras[h].text, months)
        if dates and not src["date"]:
            src["date"], src["date_text"] = dates[0][2], dates[0][3]
    what = [a["what"] for a in anchors]
    kind = "newspaper article" if header and (src["outlet"] or "copyright notice" in what) else "excerpt"
    evidence = [{"what": a["what"], "start": paras[idx].start, "end": paras[idx].end,
                 **({"notice": paras[idx].id} if "#n" in paras[idx].id else {})} for a, idx in found
                if idx is not None]
    evidence += [{"what": "headline or byline", "start": paras[h].start, "end": paras[h].end} for h in header]
    evidence += [voice_evidence(paras[host])] if host is not None else []
    how = " and ".join(dict.fromkeys(what))
    return [Candidate(
        rule=rcfg["id"], kind=kind, start=first.start, end=body[-1].end,
        signals={"anchor": sig(how, "attribution, introduction or notice line"),
                 "source_named": sig(bool(src["outlet"] or src["date"]), True),
                 "paragraphs": sig(len(body), rcfg["min_paragraphs"]),
                 "words": sig(words, rcfg["min_words"]),
                 "min_shared_vocabulary": sig(cohesion, rcfg["cohesion"]["min_shared"])},
        why=f"a passage of {len(body)} paragraphs reproduced with its source named (by its {how})",
        who=src["who"], outlet=src["outlet"], date=src["date"], date_text=src["date_text"], evidence=evidence)]
