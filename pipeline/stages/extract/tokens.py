"""An HTML tokenizer that reads a page the way ``html.parser`` does, in one pass over the text.

Why: ``html.parser`` was most of extract's time (a method call and several regular expressions
per tag and attribute, a line count per advance). This loop follows its algorithm step for step
(Python 3.11's ``HTMLParser(convert_charrefs=False)``, fed the whole page and closed: the same
tag, end-tag, comment and entity rules, the same raw-text mode for ``script`` and ``style``, the
same recovery of unclosed constructs at the end), so that extract's blocks and offsets stay what
they were, but it reads only the attributes extract uses (``class``, ``id``, ``role``) and
returns plain tuples. The tokens' spans are the parser's own advances: in order, contiguous from
0, and covering the text except a tail it never reads (``REST``: a ``script`` left open).

One departure: an unknown marked section (``<![foo[``) makes ``html.parser`` raise; here it is
read as a bogus comment (up to the next ``>``), so such a page is read rather than refused.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Any

# token kinds: (kind, start, end, tag, class, id, role)
DATA, CDATA, START, STARTEND, END, REF, MARKUP, REST = range(8)
Token = tuple[int, int, int, str, str, str, str]

# html.parser's own patterns (3.11), unchanged
_INTERESTING = re.compile(r"[&<]")
_INCOMPLETE = re.compile(r"&[a-zA-Z#]")
_ENTITYREF = re.compile(r"&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]")
_CHARREF = re.compile(r"&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]")
_STARTTAGOPEN = re.compile(r"<[a-zA-Z]")
_COMMENTCLOSE = re.compile(r"--\s*>")
_TAGFIND = re.compile(r"([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*")
_ATTR = (r"((?<=['\"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*"
         r"('[^']*'|\"[^\"]*\"|(?!['\"])[^>\s]*))?(?:\s|/(?!>))*")
_ATTRFIND = re.compile(_ATTR)
# the tag name and html.parser's attribute loop (each match committed: atomic, possessive) in one match
_ATTRS_END = re.compile(r"(?>([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*)(?>" + _ATTR + r")*+")
_LOCATESTARTTAGEND = re.compile(r"""
  <[a-zA-Z][^\t\n\r\f />\x00]*       # tag name
  (?:[\s/]*                          # optional whitespace before attribute name
    (?:(?<=['"\s/])[^\s/>][^\s/=>]*  # attribute name
      (?:\s*=+\s*                    # value indicator
        (?:'[^']*'                   # LITA-enclosed value
          |"[^"]*"                   # LIT-enclosed value
          |(?!['"])[^>\s]*           # bare value
         )
        \s*                          # possibly followed by a space
       )?(?:\s|/(?!>))*
     )*
   )?
  \s*                                # trailing whitespace
""", re.VERBOSE)
_ENDTAGFIND = re.compile(r"</\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>")
_DECLNAME = re.compile(r"[a-zA-Z][-_.a-zA-Z0-9]*\s*")
_MARKEDSECTIONCLOSE = re.compile(r"]\s*]\s*>")
_MSMARKEDSECTIONCLOSE = re.compile(r"]\s*>")
_CDATA_END = {"script": re.compile(r"</\s*script\s*>", re.I), "style": re.compile(r"</\s*style\s*>", re.I)}
_SP = r"[ \t\n\r\f]"
_VALUE = r"""(?:"[^"]*+"|'[^']*+'|[-a-zA-Z0-9_.:/#%?&;,+!@$()*~]++)"""
_COMMON = re.compile(  # groups: 1 text, 2 start tag (3 name, 4 "/"), 5 end tag (6 name), 7 reference; else one '<' or '&'
    r"([^&<]++)"
    r"|(<([a-zA-Z][a-zA-Z0-9]*+)(?:" + _SP + r"++[a-zA-Z_:][-a-zA-Z0-9_:.]*+(?:" + _SP + r"*+=" + _SP + r"*+"
    + _VALUE + r")?+)*+" + _SP + r"*+(/?)>)"
    r"|(</([a-zA-Z][a-zA-Z0-9]*+)" + _SP + r"*+>)"
    r"|(&(?:[a-zA-Z][-.a-zA-Z0-9]*+|#[0-9]++|#[xX][0-9a-fA-F]++);)"
    r"|[&<]")
# one attribute of such a plain start tag: (name, value)
_PLAIN_ATTR = re.compile(_SP + r"++([a-zA-Z_:][-a-zA-Z0-9_:.]*+)(?:" + _SP + r"*+=" + _SP + r"*+(" + _VALUE + r"))?+")
_WANTED = ("class", "id", "role")
# where one of them may be among a tag's attribute names (a name follows a quote, space or '/';
# case-insensitive): the attribute loop runs only then
_MAYBE_WANTED = re.compile(r"[\s'\"/](?:class|id|role)(?![^\s/=>])", re.I).search
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz=/ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def tokenize(raw: str) -> list[Token]:
    """The tokens of a page, as ``HTMLParser.feed(raw)`` then ``close()`` would report them."""
    out: list[Token] = []
    state = [None]  # the raw-text element (script, style) we are inside, if any
    i = _goahead(raw, 0, False, out, state)
    if i < len(raw):
        i = _goahead(raw, i, True, out, state)  # close(): what feed() left, with unclosed constructs read as text
    if i < len(raw):
        out.append((REST, i, len(raw), "", "", "", ""))
    return out


def _goahead(raw: str, i: int, end: bool, out: list[Token], state: list[str | None]) -> int:
    """``HTMLParser.goahead``: tokens from ``i``; returns where it stopped."""
    n = len(raw)
    append = out.append
    interesting = _INTERESTING.search
    startswith = raw.startswith
    while i < n:
        cdata = state[0]
        if not cdata:
            i = _common(raw, i, out, state)
            if i == n:
                break
            cdata = state[0]
        m = (_CDATA_END[cdata].search(raw, i) if cdata else interesting(raw, i))
        if m:
            j = m.start()
        else:
            if cdata:
                break
            j = n
        if i < j:
            append((CDATA, i, j, cdata, "", "", "") if cdata else (DATA, i, j, "", "", "", ""))
        i = j
        if i == n:
            break
        c = raw[i]
        if c == "<":
            if _STARTTAGOPEN.match(raw, i):
                k = _starttag(raw, i, out, state)
            elif startswith("</", i):
                k = _endtag(raw, i, out, state)
            elif startswith("<!--", i):
                k = _markup(raw, i, _comment(raw, i), out)
            elif startswith("<?", i):
                close = raw.find(">", i + 2)
                k = _markup(raw, i, close + 1 if close >= 0 else -1, out)
            elif startswith("<!", i):
                k = _markup(raw, i, _declaration(raw, i), out)
            elif i + 1 < n:
                _data(raw, i, i + 1, out, state)
                k = i + 1
            else:
                break
            if k < 0:
                if not end:
                    break
                k = raw.find(">", i + 1)
                if k < 0:
                    k = raw.find("<", i + 1)
                    if k < 0:
                        k = i + 1
                else:
                    k += 1
                _data(raw, i, k, out, state)
            i = k
        elif startswith("&#", i):
            m = _CHARREF.match(raw, i)
            if m:
                i = _ref(m, i, append)
                continue
            if raw.find(";", i) >= 0:  # bail by consuming &#
                _data(raw, i, i + 2, out, state)
                i += 2
            break
        else:  # "&"
            m = _ENTITYREF.match(raw, i)
            if m:
                i = _ref(m, i, append)
                continue
            m = _INCOMPLETE.match(raw, i)
            if m:
                if end and m.end() == n:
                    out.append((MARKUP, i, i + 1, "", "", "", ""))  # html.parser steps over the '&' unreported
                    i += 1
                break
            elif i + 1 < n:
                _data(raw, i, i + 1, out, state)
                i += 1
            else:
                break
    if end and i < n and not state[0]:
        _data(raw, i, n, out, state)
        i = n
    return i


def _common(raw: str, i: int, out: list[Token], state: list[str | None]) -> int:
    """Text runs, plain tags and references from ``i``, read by one regular expression, up to the
    first construct that needs ``html.parser``'s own steps (or a ``script``/``style`` start tag);
    returns where it stopped. Each pattern of ``_COMMON`` accepts only input that those steps
    read as the same token (ASCII names, separated attributes, values quoted or of URL
    characters), so the tokens are the same either way."""
    append = out.append
    wanted = _MAYBE_WANTED
    for m in _COMMON.finditer(raw, i):
        kind = m.lastindex
        if kind == 1:
            append((DATA, i, m.end(), "", "", "", ""))
        elif kind == 2:
            k = m.end()
            tag = m.group(3).lower()
            if wanted(raw, i, k):
                c, d, r = _plain_attributes(raw, m.end(3), k)
            else:
                c = d = r = ""
            if m.group(4):
                append((STARTEND, i, k, tag, c, d, r))
            else:
                append((START, i, k, tag, c, d, r))
                if tag == "script" or tag == "style":
                    state[0] = tag
                    return k
        elif kind == 5:
            append((END, i, m.end(), m.group(6).lower(), "", "", ""))
        elif kind == 7:
            append((REF, i, m.end(), "", "", "", ""))
        else:
            return i
        i = m.end()
    return i


def _data(raw: str, i: int, j: int, out: list[Token], state: list[str | None]) -> None:
    cdata = state[0]
    out.append((CDATA, i, j, cdata, "", "", "") if cdata else (DATA, i, j, "", "", "", ""))


def _markup(raw: str, i: int, k: int, out: list[Token]) -> int:
    if k >= 0:
        out.append((MARKUP, i, k, "", "", "", ""))
    return k


def _comment(raw: str, i: int) -> int:
    m = _COMMENTCLOSE.search(raw, i + 4)
    return m.end() if m else -1


def _declaration(raw: str, i: int) -> int:
    """``parse_html_declaration``: a marked section, a doctype or a bogus comment; its end or -1."""
    if raw.startswith("<![", i):
        m = _DECLNAME.match(raw, i + 3)
        if m and m.end() == len(raw):
            return -1
        name = m.group().strip().lower() if m else None
        if name in {"temp", "cdata", "ignore", "include", "rcdata"}:
            m = _MARKEDSECTIONCLOSE.search(raw, i + 3)
            return m.end() if m else -1
        if name in {"if", "else", "endif"}:
            m = _MSMARKEDSECTIONCLOSE.search(raw, i + 3)
            return m.end() if m else -1
        # html.parser raises here: read it as a bogus comment instead
    elif raw[i:i + 9].lower() == "<!doctype":
        gt = raw.find(">", i + 9)
        return gt + 1 if gt >= 0 else -1
    gt = raw.find(">", i + 2)
    return gt + 1 if gt >= 0 else -1


def _whole_start_tag(raw: str, i: int) -> int:
    """``check_for_whole_start_tag``: the end of the start tag at ``i``, or -1 if incomplete."""
    m = _LOCATESTARTTAGEND.match(raw, i)
    j = m.end()
    nxt = raw[j:j + 1]
    if nxt == ">":
        return j + 1
    if nxt == "/":
        if raw.startswith("/>", j):
            return j + 2
        return -1  # html.parser: "buffer boundary" (a lone '/' is always followed by '>' here)
    if nxt == "" or nxt in _NAME_CHARS:
        return -1
    return j if j > i else i + 1


def _starttag(raw: str, i: int, out: list[Token], state: list[str | None]) -> int:
    """``parse_starttag``: one start tag (or, malformed, its text as data); returns its end."""
    endpos = _whole_start_tag(raw, i)
    if endpos < 0:
        return endpos
    m = _ATTRS_END.match(raw, i + 1)
    k = m.end()
    tail = raw[k:endpos].strip() if k < endpos else ""
    if tail != ">" and tail != "/>":
        _data(raw, i, endpos, out, state)
        return endpos
    tag = m.group(1).lower()
    c = d = r = ""
    if _MAYBE_WANTED(raw, i, endpos):
        c, d, r = _attributes(raw, i, endpos, c, d, r)
    if tail == "/>":
        out.append((STARTEND, i, endpos, tag, c, d, r))
    else:
        out.append((START, i, endpos, tag, c, d, r))
        if tag == "script" or tag == "style":
            state[0] = tag
    return endpos


def _plain_attributes(raw: str, k: int, endpos: int) -> tuple[str, str, str]:
    """``_attributes`` for a start tag ``_COMMON`` read: its attributes are cleanly separated."""
    c = d = r = ""
    for m in _PLAIN_ATTR.finditer(raw, k, endpos):
        name = m.group(1).lower()
        if name in _WANTED:
            value = m.group(2) or ""
            if value[:1] in ("'", '"'):
                value = value[1:-1]
            if "&" in value:
                value = unescape(value)
            c, d, r = _keep(name, value, c, d, r)
    return c, d, r


def _attributes(raw: str, i: int, endpos: int, c: str, d: str, r: str) -> tuple[str, str, str]:
    """html.parser's attribute loop, keeping the last ``class``, ``id`` and ``role`` values."""
    k = _TAGFIND.match(raw, i + 1).end()
    while k < endpos:
        m = _ATTRFIND.match(raw, k)
        if not m:
            break
        name, rest, value = m.group(1, 2, 3)
        k = m.end()
        name = name.lower()
        if name not in _WANTED:
            continue
        if not rest:
            value = ""
        elif value[:1] == "'" == value[-1:] or value[:1] == '"' == value[-1:]:
            value = value[1:-1]
        if value:
            value = unescape(value)
        c, d, r = _keep(name, value, c, d, r)
    return c, d, r


def _keep(name: str, value: str, c: str, d: str, r: str) -> tuple[str, str, str]:
    """The (class, id, role) triple with the value of attribute ``name`` (one of them) set."""
    if name == "class":
        return value, d, r
    if name == "id":
        return c, value, r
    return c, d, value


def _endtag(raw: str, i: int, out: list[Token], state: list[str | None]) -> int:
    """``parse_endtag``: one end tag (in raw-text mode only the element's own); returns its end."""
    gt = raw.find(">", i + 1)
    if gt < 0:
        return -1
    gtpos = gt + 1
    m = _ENDTAGFIND.match(raw, i)
    if not m:
        if state[0] is not None:
            _data(raw, i, gtpos, out, state)
            return gtpos
        name = _TAGFIND.match(raw, i + 2)
        if not name:
            if raw.startswith("</>", i):
                out.append((MARKUP, i, i + 3, "", "", "", ""))
                return i + 3
            gt = raw.find(">", i + 2)  # a bogus comment
            return _markup(raw, i, gt + 1 if gt >= 0 else -1, out)
        gtpos = raw.find(">", name.end()) + 1
        out.append((END, i, gtpos, name.group(1).lower(), "", "", ""))
        return gtpos
    elem = m.group(1).lower()
    if state[0] is not None and elem != state[0]:
        _data(raw, i, gtpos, out, state)
        return gtpos
    out.append((END, i, gtpos, elem, "", "", ""))
    state[0] = None
    return gtpos


def _ref(m: re.Match[str], i: int, append: Any) -> int:
    """A character or entity reference matched at ``i`` (html.parser's end: without the character
    after a reference that has no ``;``); the position after it."""
    k = m.end()
    if m.string[k - 1] != ";":
        k -= 1
    append((REF, i, k, "", "", "", ""))
    return k
