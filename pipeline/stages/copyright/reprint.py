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
from .text import (CLOSE_QUOTES, OPEN_QUOTES, TERMINAL, Para, any_match, closes_quotation, content_words, count_words,
                   cut_at_vocabulary_change, find_dates, is_heading, is_running_text, opens_quotation, opens_unclosed,
                   quoted_paragraphs_end, rx, unemphasised, unquoted_line, unwrapped)
from .extracts import aside_at, before_furniture, extract_ends, layout_line, next_extract, trim_remarks
from .voice import cut_at_voice_change, host_voice, persons_quoted, reportage, voice_evidence
from .wire import wire_datelines



def source_names(line: str, cfg: dict[str, Any]) -> list[str]:
    """Capitalised name runs of a short line that are not cue words, months or weekdays."""
    rcfg = cfg["reprint"]
    skip = {w.lower() for w in rcfg["not_names"]} | set(cfg["months"])
    out = []
    for m in rx(rcfg["name_pattern"]).finditer(line):
        words = m.group(0).split()
        while words and words[0].lower().strip(".,") in skip:
            words = words[1:]
        while words and words[-1].lower().strip(".,") in skip:
            words = words[:-1]
        name = " ".join(words).strip(" .,;:")
        if len(name) > 1 and name.lower() not in skip and not name.isdigit():   # not the pronoun "I"
            out.append(name)
    return out


def anchor(p: Para, cfg: dict[str, Any], where: str) -> dict[str, Any] | None:
    """What a short line says about the passage beside it: its source, date and the cue that marks it."""
    rcfg = cfg["reprint"]
    if len(p.lines) > 2 or p.words > rcfg["line_max_words"] or p.words == 0:
        return None
    t = unemphasised(unquoted_line(" ".join(p.lines)))
    if t.lstrip()[:1] in OPEN_QUOTES:
        return None        # a line opening with a quote mark is a quotation, not a line about one
    inner = unwrapped(t)   # "(via <outlet>)", "[Source: <outlet>]": the line inside its brackets
    dates = find_dates(t, cfg["months"])
    # an outlet named only by its web address ("Source: https://www.x.com/2016/...", "via x.com") is named too
    names = source_names(t, cfg) + [m.group("host") for m in rx(rcfg["web_address_pattern"]).finditer(t)]
    if rx(rcfg["embed_credit_pattern"]).search(t):
        return None        # a social post's embed credit: the post is a short quotation, not a reprint
    notice = (any_match(cfg["notice_scope"]["statement_patterns"], t) or any_match(rcfg["notice_patterns"], t)) \
        if where == "after" else None
    cues = rcfg["intro_cue_patterns" if where == "before" else "source_cue_patterns"]
    cue = any_match(cues, t) or (inner != t and any_match(cues, inner[:1].upper() + inner[1:]))
    punct = (any_match(rcfg["attribution_form_patterns"], t.strip())
             or (len(p.lines) == 1 and _name_and_date_only(t, dates, cfg))) \
        if where == "after" else None
    if not (notice or cue or (punct and names)):
        return None
    if not (names or dates or notice):
        return None
    who = None
    by = rx(rcfg["author_pattern"]).search(t)
    if by:
        who = by.group("name")
        names = [n for n in names if n != who and n not in who] or names
    outlet = next((n for n in names if n != who), None)
    return {"what": "copyright notice" if notice else ("introduction line" if where == "before" else
                                                       "attribution line"),
            "cue": "notice" if notice else ("cue" if cue else "form"), "outlet": outlet, "who": who,
            "date": dates[0][2] if dates else None, "date_text": dates[0][3] if dates else None,
            "punct_only": not (notice or cue),
            # "(c) <year> <outlet>. Reprinted by permission.": a notice that says the text is reproduced
            "reprint_cue": bool(notice and any_match(rcfg["source_cue_patterns"], t))}


def _credit_line(p: Para, cfg: dict[str, Any]) -> bool:
    """A byline without "By": one or two short lines of capitalised words (an author's, an outlet's name),
    each with at most one lower-case word ("staff")."""
    return len(p.lines) <= 2 and all(
        2 <= len(ln.split()) <= cfg["reprint"]["credit_line_max_words"] and not ln.endswith(TERMINAL + (":", ",", ";"))
        and sum(1 for w in ln.split() if not w[:1].isupper()) <= 1 for ln in p.lines)   # "<Name>\n<Outlet>" too


def _name_and_date_only(t: str, dates: list[tuple[int, int, str | None, str]], cfg: dict[str, Any]) -> bool:
    """"<Outlet>, <date>", "From <Outlet>, <date>.": one line that is nothing but a source's name, a date
    (a time of day at most) and capitalised cue words; a bare timestamp ("Dec 31, 2025, 9:43 PM") names no
    source, and a comment's header ("<Name>\n<date>", two lines) stands before its text, not after."""
    if not dates:
        return False
    rest = t
    for _, _, _, txt in dates:
        rest = rest.replace(txt, " ")
    rest = rx(cfg["reprint"]["time_pattern"]).sub(" ", rest)
    names = [n for n in source_names(rest, cfg) if rx(r"\b[^\W\d_]{3,}\b").search(n)]   # not "PM", "T12", "MORE40m"
    if not names:
        return False
    for n in names:
        rest = rest.replace(n, " ")
    skip = {w.lower() for w in cfg["reprint"]["not_names"]}
    return not [w for w in rx(r"[^\W\d_]+").findall(rest) if not (w[0].isupper() and w.lower() in skip)]


def _header_line(p: Para, cfg: dict[str, Any]) -> bool:
    """A byline or dateline of the article's header ("By <name>", "<name> | <outlet>", a date)."""
    rcfg = cfg["reprint"]
    if p.words > rcfg["header_max_words"] or len(p.lines) > 2:
        return False
    return bool(any_match(rcfg["header_patterns"], unemphasised(p.lines[0])) or
                (find_dates(p.text, cfg["months"]) and p.words <= cfg["date_line_max_words"]))


def _article_header_at(paras: list[Para], k: int, cfg: dict[str, Any]) -> bool:
    """Paragraph ``k`` opens an article's header: a byline or dateline, or a headline over one or a credit line."""
    if k >= len(paras):
        return False
    if _header_line(paras[k], cfg):
        return True
    return _headline(paras[k], cfg) and k + 1 < len(paras) and (_header_line(paras[k + 1], cfg)
                                                                 or _credit_line(paras[k + 1], cfg))


def _byline_names_owner(paras: list[Para], header: list[int], a: dict[str, Any], cfg: dict[str, Any]) -> bool:
    """The notice's owner is named in the article's header as its outlet, beside the author."""
    rcfg = cfg["reprint"]
    owner = a.get("outlet")
    if not owner:
        return False
    for h in header:
        line = paras[h].text
        if not (any_match(rcfg["header_patterns"], paras[h].lines[0]) or _credit_line(paras[h], cfg)):
            continue       # a byline ("By <name>, <outlet>") or a credit line ("<Outlet> Staff Writer")
        by = rx(rcfg["author_pattern"]).search(line) or rx(rcfg["byline_author_pattern"]).search(line)
        author = by.group("name").strip() if by else None
        names = [n for n in source_names(line, cfg) if n != author and (author is None or n not in author)]
        if owner in names:
            return True
    return False


def _continues(paras: list[Para], j: int, step: int, cfg: dict[str, Any]) -> bool:
    """Paragraph ``j`` belongs to the run: running text, or one list item or short line between two
    running-text paragraphs (an article's own list), never a heading or headline."""
    rcfg = cfg["reprint"]
    hcfg = {**cfg["heading"], "months": cfg["months"]}
    p = paras[j]
    if _interruption(paras, j, rcfg):
        return True        # "Advertisement", "Story continues below" between two paragraphs of the article
    if is_heading(p, hcfg) or _headline(p, cfg):
        return False
    if _body_para(p, rcfg):
        return True
    nxt = j + step
    return (len(p.lines) <= 2 and 0 <= nxt < len(paras) and _body_para(paras[nxt], rcfg)
            and not is_heading(paras[nxt], hcfg))


def _interruption(paras: list[Para], j: int, rcfg: dict[str, Any]) -> bool:
    """An ad slot's line of the host's layout ("Advertisement", "Story continues below") with running
    text on both sides: the article goes on over it."""
    return (len(paras[j].lines) == 1 and 0 < j < len(paras) - 1 and layout_line(paras[j], rcfg)
            and _body_para(paras[j - 1], rcfg) and _body_para(paras[j + 1], rcfg))


def _dump_quoted(p: Para) -> bool:
    """A paragraph of a text dump's blockquote: it opens with "> "."""
    return p.text.lstrip().startswith(">")


def _run_words(paras: list[Para], k: int, step: int, rcfg: dict[str, Any]) -> int:
    """Words of the running-text paragraphs from ``k`` on (in the direction of ``step``) until the first other one."""
    n = 0
    while 0 <= k < len(paras) and (_body_para(paras[k], rcfg) or _interruption(paras, k, rcfg)):
        n, k = n + paras[k].words, k + step
    return n


def _closes_longer_run(paras: list[Para], i: int, cfg: dict[str, Any]) -> bool:
    """Line ``i`` (read both ways, a header after it) ends a passage long enough to be a reprint while what
    its header opens is too short to be one (a forum's next post, "Posted <date>"): it closes, not opens."""
    rcfg = cfg["reprint"]
    k = i + 1
    while k < len(paras) and k - i <= rcfg["max_header_lines"] and (_headline(paras[k], cfg) or _header_line(paras[k], cfg)):
        k += 1
    return _run_words(paras, i - 1, -1, rcfg) >= rcfg["min_words"] > _run_words(paras, k, 1, rcfg)


def _headline(p: Para, cfg: dict[str, Any]) -> bool:
    """A title line: one short line without a closing full stop (a question mark is a title's)."""
    t = p.text.strip()
    return (len(p.lines) == 1 and 0 < p.words <= cfg["reprint"]["headline_max_words"]
            and not t.rstrip(CLOSE_QUOTES).endswith((".", ",", ";", ":")) and t[:1].isalnum()   # (."): a sentence
            and not rx(cfg["reprint"]["sentence_break_pattern"]).search(t))   # two sentences are prose, not a title


def _body_para(p: Para, rcfg: dict[str, Any]) -> bool:
    """Running text; a numbered or bulleted paragraph of sentence length counts (an article's list of points)."""
    if is_running_text(p, rcfg["prose_min_words"]):
        return True
    t = p.text.rstrip()
    return len(p.lines) == 1 and p.words >= rcfg["prose_min_words"] and t.endswith(TERMINAL)


def notice_anchors(paras: list[Para], notices: list[tuple[int, str, int]],
                   cfg: dict[str, Any]) -> dict[int, dict[str, Any]]:
    """Copyright lines strip kept as notices (clean position, text), keyed by the paragraph they close."""
    out: dict[int, dict[str, Any]] = {}

    def states(text: str) -> bool:
        return bool(any_match(cfg["notice_scope"]["statement_patterns"], text) or
                    any_match(cfg["reprint"]["notice_patterns"], text))

    for n, (pos, text, raw_words_after) in enumerate(notices):      # (in raw order)
        if not states(text) or count_words(text) > cfg["reprint"]["notice_max_words"]:
            continue
        before = [i for i, p in enumerate(paras) if p.end <= pos]
        if not before:
            continue
        after = sum(p.words for p in paras[len(before):] if is_running_text(p, cfg["reprint"]["prose_min_words"]))
        probe = Para("notice", pos, pos, text, "line", count_words(text), [" ".join(text.split())])
        a = anchor(probe, {**cfg, "reprint": {**cfg["reprint"], "line_max_words": cfg["reprint"]["notice_max_words"]}},
                   "after")
        if a:
            # with no running text after it, a copyright line is the site's footer, unless the
            # article it closes names the same owner in its byline ("By <name>, <outlet>")
            # (a site has one footer: a notice followed by another owner's copyright statement is not the page's)
            a["footer_like"] = (after < cfg["notice_scope"]["site_words"]
                                and raw_words_after < cfg["reprint"]["footer_tail_words"]
                                and not (a["outlet"] and any(states(t2) and not _same_owner(a["outlet"], t2)
                                                             for _, t2, _ in notices[n + 1:])))
            out.setdefault(before_furniture(paras, before[-1], cfg["reprint"]), a)
    return out


def _same_owner(owner: str, notice: str) -> bool:
    """The notice names the owner (its first two words, whatever the punctuation: one site's two footers)."""
    return " ".join(rx(r"\w+").findall(" ".join(owner.split()[:2]).lower())) in " ".join(rx(r"\w+").findall(notice.lower()))


def _notice_line_holds(paras: list[Para], i: int, where: str, rcfg: dict[str, Any]) -> bool:
    """A removed line anchors only on the side strip found its prose (a heading it sat under, since
    removed, does not make the previous section its passage), and only where the text changes there:
    a credit line between paragraphs on one topic is an image's, an article's source line has the
    host's own text on its other side (content words of the nearest running-text paragraphs, Jaccard)."""
    side = paras[i].kind.split(":")[1]
    if side != "both" and side != ("above" if where == "after" else "below"):
        return False
    ccfg = rcfg["cohesion"]
    step = -1 if where == "after" else 1

    def near(k: int, d: int) -> set[str]:
        out: set[str] = set()
        n = total = 0
        while 0 <= k < len(paras) and not (n >= ccfg["window"] and total >= ccfg["window_words"]):
            if _body_para(paras[k], rcfg):
                out |= content_words(paras[k].text, ccfg["min_letters"])
                n, total = n + 1, total + paras[k].words
            k += d
        return out

    passage, other = near(i + step, step), near(i - step, -step)
    if not other:
        return True        # nothing of the host's on the other side
    return len(passage & other) / max(1, len(passage | other)) < rcfg["notice_line_max_shared"]


def _a_person_posting(a: dict[str, Any], line: str, first: Para, persons: dict[str, list[tuple[int, int]]]) -> bool:
    """"<Name> wrote:" before a person's quoted post (a forum reply, an interview answer) is no reprint:
    the line names no date and only people, and the model's quotation there is that person's."""
    if a["date"]:
        return False
    # "The <Name>" is an organisation's name, "<Name> of <Outlet>" a writer with the outlet: neither is a poster
    det = rx(a["_rcfg"]["determiner_before_name"])
    names = [n for n in persons if n in line and " of " not in n
             and not det.search(line[:line.index(n)]) and not det.search(n.split()[0] + " ")]
    others = [n for n in source_names(line, {"reprint": a["_rcfg"], "months": a["_months"]})
              if not any(n in p or p in n for p in names)]
    rest = line
    for n in names:
        rest = rest.replace(n, " ")
    if count_words(rest) > a["_rcfg"]["posting_line_max_other_words"]:
        return False       # "<name> wrote:" is the name and a verb; "<name> has the story:" announces a text
    return bool(names) and not others and any(s <= first.end and first.start < e for n in names
                                              for s, e in persons[n])


def reprint(paras: list[Para], cfg: dict[str, Any], notices: list[tuple[int, str, int]],
            quotes: list[dict[str, Any]]) -> list[Candidate]:
    rcfg = cfg["reprint"]
    persons = persons_quoted(quotes)
    hcfg = {**cfg["heading"], "months": cfg["months"]}
    anchors_after = {i: a for i, p in enumerate(paras) if (a := anchor(p, cfg, "after"))}
    # A line that reads both ways ("Reposted from X, date") introduces what follows when it ends with
    # a colon or points forward ("the piece below"), or leans forward by its wording, does not end as a
    # sentence ("Republished from X, date." closes) and a headline follows it; otherwise it closes.
    anchors_before = {i: a for i, p in enumerate(paras) if (a := anchor(p, cfg, "before"))
                      and (i not in anchors_after or p.text.rstrip().endswith(":")
                           or any_match(rcfg["forward_patterns"], p.text.strip())
                           or (_article_header_at(paras, i + 1, cfg)     # an article's header follows it
                               and not _closes_longer_run(paras, i, cfg))
                           or (i + 1 < len(paras) and _body_para(paras[i + 1], rcfg)     # nothing it could close
                               and not (i > 0 and _body_para(paras[i - 1], rcfg)))       # (a list, a heading above)
                           or (any_match(rcfg["intro_leaning_patterns"], p.text.strip())
                               and not p.text.rstrip().endswith(".")
                               and i + 1 < len(paras) and (_headline(paras[i + 1], cfg)
                                                           or _header_line(paras[i + 1], cfg))))}
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
    starts += [(k, a, k) for k, a in wire_datelines(paras, cfg).items() if _body_para(paras[k], rcfg)]
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
            run.append(j)
            j += 1
            if j - 1 in closing:
                break      # a copyright notice closes it here
        if j < len(paras) and j in anchors_before:
            run = trim_remarks(paras, run, vcfg, rcfg)   # the next passage's own line: the host's remarks before it are not this one's
        if not cut and (n_aside := aside_at(paras, run, vcfg, rcfg)) is not None:
            j, run, cut = run[n_aside], run[:n_aside], True     # the host's aside ends this extract
        # the site's own footer notice ends the run but says nothing of where the passage ends: the cuts decide
        end_anchor = (anchors_after.get(j) if j in ends else None) or \
            next((c for c in [closing.get(j - 1)] if c and not c["footer_like"]), None)
        host = None
        if cut:
            low = cut_at_vocabulary_change(paras, run, rcfg["cohesion"], 0.0)[1]
            if (g := next_extract(paras, j, run, vcfg, rcfg)) is not None:
                queue.insert(n_q, (i, a, None, g))
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
        cands += _candidate(paras, header, body, found, rcfg, low, cfg["months"], host, first is not None)
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
        back, host = cut_at_voice_change(paras, back, rcfg["voice"])    # the host's "I"/"we" before the article
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
        if a["punct_only"] and not quoted and not (a["date"] and a["outlet"]):
            continue
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


def _header_above(paras: list[Para], k: int, cfg: dict[str, Any]) -> list[int]:
    """The headline and byline / dateline lines right above paragraph ``k`` (a story's header)."""
    header: list[int] = []
    m = k - 1
    while m >= 0 and len(header) < cfg["reprint"]["max_header_lines"] and not _body_para(paras[m], cfg["reprint"]) \
            and (_header_line(paras[m], cfg) or (_credit_line(paras[m], cfg) and m > 0 and _headline(paras[m - 1], cfg))):
        header.insert(0, m)
        m -= 1
    if m >= 0 and _headline(paras[m], cfg):
        header.insert(0, m)
    return header


def _candidate(paras: list[Para], header: list[int], body: list[Para], found: list[tuple[dict[str, Any], int | None]],
               rcfg: dict[str, Any], cohesion: float, months: dict[str, int], host: int | None = None,
               extract: bool = False) -> list[Candidate]:
    """(``extract``: a further extract of a text already introduced; one paragraph of it is a passage too,
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
