"""The lines around a reproduced passage, read one at a time for ``copyright.reprint``.

An *anchor* (an attribution after a passage, an introduction before it, a closing notice), the
article's header (headline, byline, credit line, dateline) and the running-text paragraphs between
them: each is judged by its shape (length, capitalised name runs, a date, a cue, punctuation),
never by a list of outlets. ``reprint.py`` joins these into passages.
"""

from __future__ import annotations

from typing import Any

from .text import (CLOSE_QUOTES, OPEN_QUOTES, TERMINAL, Para, any_match, content_words, count_words, find_dates,
                   is_heading, is_running_text, rx, unemphasised, unquoted_line, unwrapped)
from .extracts import before_furniture, layout_line

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


def anchor(p: Para, cfg: dict[str, Any], where: str, after_quotation: bool = False) -> dict[str, Any] | None:
    """What a short line says about the passage beside it: its source, date and the cue that marks it.
    By form alone (``punct_only``): after a passage, an attribution's punctuation ("— X", "(X)"), a line of
    only a name and a date, or (``after_quotation``: the paragraph above closes a quotation of several
    paragraphs) any short line naming a source ("That was NAME, writing in X on DATE."); before a passage,
    a line that ends with a colon and names a source ("Copied from X (DATE):"), or points at a piece in a
    named source without a colon ("Interesting piece in X this morning.", ``pointer_patterns``); either only
    with the shape ``intro_form_holds`` reads after it."""
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
    cue = any_match(cues, t) or (inner != t and any_match(cues, inner[:1].upper() + inner[1:])) \
        or (where == "after" and address_only(t, rcfg))
    punct = (any_match(rcfg["attribution_form_patterns"], t.strip()) or after_quotation
             or (len(p.lines) == 1 and _name_and_date_only(t, dates, cfg))) \
        if where == "after" else ((t.rstrip().endswith(":") or any_match(rcfg["pointer_patterns"], t)) and any(
            len(n.split()) > 1 or not t.lstrip().startswith(n) for n in names))   # not a sentence's first word alone
    if not (notice or cue or (punct and names)):
        return None
    if not (names or dates or notice):
        return None
    who = None
    by = rx(rcfg["author_pattern"]).search(t)
    if by:
        who = by.group("name")
        names = [n for n in names if n != who and n not in who] or names
    elif len(names) >= 2 and t.lstrip().startswith(names[0]) and \
            rx(r"(?i)\b(?:for|at|with|in)\s+(?:the\s+)?$").search(t[:t.index(names[1])]):
        who = names[0]     # "<Name> writes for <Outlet>", "<Name> is a columnist at <Outlet>": an author's bio line
    # a lone capitalised word opening the line is the sentence's first word ("Copied from X:"), named last
    lead = [n for n in names if len(n.split()) == 1 and t.lstrip().startswith(n)]
    outlet = next((n for n in [x for x in names if x not in lead] + lead if n != who), None)
    return {"what": "copyright notice" if notice else ("introduction line" if where == "before" else
                                                       "attribution line"),
            "cue": "notice" if notice else ("cue" if cue else "form"), "outlet": outlet, "who": who,
            "date": dates[0][2] if dates else None, "date_text": dates[0][3] if dates else None,
            "punct_only": not (notice or cue), "address": bool(rx(rcfg["web_address_pattern"]).search(t)),
            # "(c) <year> <outlet>. Reprinted by permission.": a notice that says the text is reproduced
            "reprint_cue": bool(notice and any_match(rcfg["source_cue_patterns"], t))}


def address_only(t: str, rcfg: dict[str, Any]) -> bool:
    """A line that is nothing but a web address: in brackets ("(www.x.com)"), or with a path after a one- or
    two-word label ("Link: https://www.x.com/2016/..."); a source named by where it was published."""
    inner = unwrapped(t).strip()
    if inner != t.strip() and rx(rcfg["web_address_pattern"]).fullmatch(inner):
        return True
    m = rx(r"^[A-Z][\w'’]*(?:\s+[\w'’]+)?\s*:\s+(?P<rest>\S+)$").match(t.strip())
    return bool(m and rx(r"^<?(?:https?://)?(?:www\.)?[\w\-]+(?:\.[\w\-]+)+/\S+?>?$").match(m.group("rest")))


def intro_form_holds(paras: list[Para], i: int, a: dict[str, Any], cfg: dict[str, Any]) -> bool:
    """A line announcing by its colon alone ("Copied from X (DATE):") introduces reproduced text when it dates
    it, names it by its address, or stands over an article's header (a headline over running text, a byline):
    "According to <organisation>:" over one quoted paragraph and the page's own text on the same topic cites,
    and the page's text after it is not reproduced (a Wikipedia article's "According to Human Rights Watch:")."""
    k = past_label(paras, i + 1, cfg["reprint"])      # (a forum's "Quote:" box label between)
    headline = k + 1 < len(paras) and _headline(paras[k], cfg) and _body_para(paras[k + 1], cfg["reprint"])
    return bool(a["date"] or a["address"] or headline or _article_header_at(paras, k, cfg))


def quote_box(paras: list[Para], k: int, rcfg: dict[str, Any]) -> bool:
    """Paragraph ``k`` is a forum's quote-box label alone on its line ("Quote:"): the text under it is quoted."""
    return 0 <= k < len(paras) and len(paras[k].lines) == 1 and bool(rx(rcfg["quote_box_pattern"]).match(paras[k].text.strip()))


def past_label(paras: list[Para], k: int, rcfg: dict[str, Any]) -> int:
    """The first paragraph of what a line introduces at ``k``: past a forum's quote-box label."""
    return k + 1 if quote_box(paras, k, rcfg) else k


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
