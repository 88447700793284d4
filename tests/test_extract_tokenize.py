"""extract's HTML tokenizer (``pipeline/stages/extract/tokens.py``) reads a page exactly as
``html.parser`` does: the same events at the same code-point offsets (checked against the
parser's own line/column positions), and its spans tile the raw text."""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser
from typing import Any

import pytest

from pipeline.stages.extract import tokens as tk


class _Recorder(HTMLParser):
    """html.parser itself, recording each callback at the offset its getpos() reports."""

    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", raw)]
        self.events: list[tuple[Any, ...]] = []

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _tag(self, kind: str, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.events.append((kind, self._pos(), len(self.get_starttag_text() or ""), tag,
                            a.get("class") or "", a.get("id") or "", a.get("role") or ""))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag("start", tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag("startend", tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", self._pos(), tag))

    def handle_data(self, data: str) -> None:
        self.events.append(("data", self._pos(), len(data)))

    def handle_entityref(self, name: str) -> None:
        self.events.append(("ref", self._pos()))

    def handle_charref(self, name: str) -> None:
        self.events.append(("ref", self._pos()))


def _html_parser_events(raw: str) -> list[tuple[Any, ...]]:
    r = _Recorder(raw)
    r.feed(raw)
    r.close()
    return r.events


def _events(raw: str) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for kind, start, end, tag, c, i, role in tk.tokenize(raw):
        if kind in (tk.START, tk.STARTEND):
            out.append(("start" if kind == tk.START else "startend", start, end - start, tag, c, i, role))
        elif kind == tk.END:
            out.append(("end", start, tag))
        elif kind in (tk.DATA, tk.CDATA):
            out.append(("data", start, end - start))
        elif kind == tk.REF:
            out.append(("ref", start))
    return out


_TRICKY = [
    "<!DOCTYPE html>\r\n<html><head><title>T</title><script>if (a < b && c) {}</script></head>\r\n"
    "<body><p class='x y' id=Main>One &amp; two &#8220;q&#x201d; &nbsp;&bogus; a < b & c</p>\n"
    "<?pi x?><!-- c --><div role=navigation><a href=#>link</a><br/>x &# y</div></body></html>\n<!-- unclosed",
    "<p>text with &#",
    "<html><body>\n<ul><li>one<li>two</ul>\n<p>a\r\nb</p><style>p{}</style></body></html><p",
]

_PIECES = [
    "<p>", "</p>", "<div class='a b'>", '<a href="x" class=c id="I">', "<br/>", "<img src=x />", "text ", "&amp;",
    "&#8220;", "&#x201d;", "&bogus", "&", "&#", "<", ">", "<!-- c -->", "<!--", "--", "<!DOCTYPE html>", "<?pi?>",
    "<![CDATA[x]]>", "<![if !IE]>", "<![endif]>", "<script>", "</script>", "if (a<b) {}", "<style>", "</style>",
    "</ p>", "</>", "</ x y>", "<a/ >", '<a x=">', "<a x='y'z>", "<A CLASS=Up ID=x>", '<p class="&amp;x">', "\n",
    "\r\n", " ", "<b\n>", "<x y", "='", "/", "<t a=1 class=1 class=2 role=main>", ";", "<!x>", '<p id="a"/>',
    "</SCRIPT >", "<div\tclass=\"t\"\n>", "<a b=c/>", "<i =x>", "<q data-id=1 hidden>", "&x", "&#12", "é",
]


@pytest.mark.parametrize("raw", _TRICKY)
def test_tokens_are_html_parsers_events_at_its_positions(raw: str) -> None:
    assert _events(raw) == _html_parser_events(raw)


def test_tokens_match_html_parser_on_generated_tag_soup() -> None:
    rng = random.Random(15)
    checked = 0
    for _ in range(3000):
        raw = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 25)))
        try:
            expected = _html_parser_events(raw)
        except AssertionError:  # html.parser gives up on some marked sections (see the next tests)
            continue
        assert _events(raw) == expected, raw
        checked += 1
    assert checked > 2500


@pytest.mark.parametrize("raw", _TRICKY + ["<p>a<script>x < y", "a &am", "<x y='1", "<!--"])
def test_token_spans_tile_the_raw_text_from_the_start(raw: str) -> None:
    pos = 0
    for _, start, end, *_ in tk.tokenize(raw):
        assert start == pos and end > start
        pos = end
    assert pos == len(raw)


def test_script_content_is_one_raw_text_token() -> None:
    toks = tk.tokenize("<script>if (a<b) {x='</p>'}</script>")
    assert [(t[0], t[3]) for t in toks] == [(tk.START, "script"), (tk.CDATA, "script"), (tk.END, "script")]


def test_an_unclosed_script_leaves_the_rest_unread() -> None:
    toks = tk.tokenize("<p>a</p><script>x < y")
    assert toks[-1][0] == tk.REST and toks[-1][1] == len("<p>a</p><script>")


def test_the_last_class_id_and_role_of_a_tag_are_kept() -> None:
    (tok,) = tk.tokenize("<div class=a CLASS='b c' id=\"x\" role=main data-id=9>")
    assert tok[3:] == ("div", "b c", "x", "main")


def test_attribute_values_are_unescaped() -> None:
    (tok,) = tk.tokenize('<p class="a&amp;b">')
    assert tok[4] == "a&b"


def test_a_start_tag_with_an_unclosed_quote_is_text() -> None:
    assert [t[:3] for t in tk.tokenize('<a x=">')] == [(tk.DATA, 0, 7)]


def test_an_unknown_marked_section_is_read_as_a_bogus_comment() -> None:
    raw = "<![foo[ x ]]><p>kept</p>"
    with pytest.raises(AssertionError):
        _html_parser_events(raw)  # html.parser refuses the page
    toks = tk.tokenize(raw)
    assert toks[0][:3] == (tk.MARKUP, 0, raw.index("<p>")) and toks[1][3] == "p"
