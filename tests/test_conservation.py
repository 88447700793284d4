"""Conservation: every raw character is accounted for, and every clean-text span maps back.

Property tests (hypothesis) over arbitrary text and arbitrary HTML, run through extract, strip
and normalise in memory:

(a) extract: blocks' mapped raw ranges and the gaps tile ``[0, len(raw))`` exactly, no overlap;
(b) every raw character of a content block is in the normalised text's map, or inside a strip
    inline removal, or inside a normalise edit naming its rule; every raw character of a
    boilerplate block is removed by that block's rule;
(c) every normalised span maps to a raw span inside the document, and where segments map one to
    one the raw characters equal the text's (unless an edit with a rule covers them).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.mapped_text import MappedText
from pipeline.stages.normalise import clean_text

# ------------------------------------------------------------------------------------ helpers


@lru_cache(maxsize=1)
def _config():  # noqa: ANN202
    from pipeline.config import load_config

    return load_config(None)


def run_front(data: bytes, name: str = "doc.txt") -> dict[str, Any]:
    """extract, strip and normalise on one document in memory; returns ``{stage: output}``."""
    from pipeline.runner import DocContext, run_stage
    from pipeline.stages import stage
    from pipeline.store import sha256_bytes

    ctx = DocContext(name, name, data, sha256_bytes(data))
    for s in ("extract", "strip", "normalise"):
        run_stage(stage(s), ctx, _config())
    return ctx.outputs


class _Spans:
    """Sorted, merged half-open intervals with membership by bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(s for s in spans if s[1] > s[0]):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [m[0] for m in merged]
        self.spans = merged

    def covers(self, a: int, b: int) -> bool:
        """Is every position of [a, b) inside some interval?"""
        if b <= a:
            return True
        i = bisect_right(self.starts, a) - 1
        return i >= 0 and self.spans[i][0] <= a and b <= self.spans[i][1]

    def uncovered(self, a: int, b: int) -> list[tuple[int, int]]:
        out = []
        pos = a
        i = max(0, bisect_right(self.starts, a) - 1)
        while pos < b:
            if i < len(self.spans) and self.spans[i][1] <= pos:
                i += 1
                continue
            if i < len(self.spans) and self.spans[i][0] <= pos:
                pos = min(b, self.spans[i][1])
                i += 1
                continue
            nxt = self.spans[i][0] if i < len(self.spans) else b
            out.append((pos, min(b, nxt)))
            pos = min(b, nxt)
        return out


def assert_extract_partitions(raw: str, ext: dict[str, Any]) -> None:
    """(a) blocks' mapped raw ranges and gaps tile the raw text exactly."""
    assert ext["raw_chars"] == len(raw)
    pieces: list[tuple[int, int, str]] = []
    for b in ext["blocks"]:
        m = MappedText.from_json(b["text"], b["map"])
        m.check()
        for _, _, r0, r1 in m.segments:
            if r1 > r0:
                pieces.append((r0, r1, b["id"]))
        assert b["rule"], b
    for g in ext["gaps"]:
        assert g["rule"].startswith("extract."), g
        assert g["raw_end"] > g["raw_start"], g
        pieces.append((g["raw_start"], g["raw_end"], g["rule"]))
    pieces.sort()
    pos = 0
    for r0, r1, owner in pieces:
        assert r0 == pos, f"raw[{pos}:{r0}] {'missing' if r0 > pos else 'twice'} (next owner {owner})"
        pos = r1
    assert pos == len(raw), f"raw[{pos}:{len(raw)}] missing"


def assert_blocks_match_raw(raw: str, ext: dict[str, Any]) -> None:
    """A block's one-to-one segments copy raw characters; its span covers its segments."""
    for b in ext["blocks"]:
        for t0, t1, r0, r1 in b["map"]:
            assert b["raw_start"] <= r0 <= r1 <= b["raw_end"], b["id"]
            if t1 - t0 == r1 - r0:
                assert b["text"][t0:t1] == raw[r0:r1], (b["id"], t0, t1, r0, r1)


def assert_conserved(raw: str, outs: dict[str, Any]) -> None:
    """(b) every raw character of a block is kept or removed by a named rule."""
    ext, strip, norm = outs["extract"], outs["strip"], outs["normalise"]
    decisions = {d["block"]: d for d in strip["decisions"]}
    assert set(decisions) == {b["id"] for b in ext["blocks"]}, "one decision per block"
    text = clean_text(norm)
    text.check()
    kept = _Spans([(r0, r1) for _, _, r0, r1 in text.segments])
    for r in strip["inline_removals"]:
        assert r["rule"] and r["raw_start"] <= r["raw_end"]
    for e in norm["edits"]:
        assert e["rule"].startswith("normalise."), e
    removed = _Spans([(r["raw_start"], r["raw_end"]) for r in strip["inline_removals"]]
                     + [(e["raw_start"], e["raw_end"]) for e in norm["edits"]])
    accounted = _Spans([(a, b) for a, b in kept.spans + removed.spans])
    content = []
    for b in ext["blocks"]:
        d = decisions[b["id"]]
        assert d["rule"], d
        segs = [(r0, r1) for _, _, r0, r1 in b["map"] if r1 > r0]
        if d["label"] == "boilerplate":
            for r0, r1 in segs:
                assert d["raw_start"] <= r0 and r1 <= d["raw_end"], (b["id"], d)
            continue
        assert d["label"] == "content", d
        content += segs
        for r0, r1 in segs:
            missing = accounted.uncovered(r0, r1)
            assert not missing, f"block {b['id']}: raw {missing} {[raw[a:z] for a, z in missing]!r} neither kept nor removed by a rule"
    # no raw character is kept twice
    pos = 0
    for t0, t1, r0, r1 in sorted(text.segments, key=lambda s: (s[2], s[3])):
        if r1 > r0:
            assert r0 >= pos, f"text[{t0}:{t1}] maps to raw[{r0}:{r1}], already kept up to {pos}"
            pos = r1
    # nothing in the clean text comes from outside content blocks
    content_spans = _Spans(content)
    for t0, t1, r0, r1 in text.segments:
        assert content_spans.covers(r0, r1), f"text[{t0}:{t1}] maps to raw[{r0}:{r1}] outside content blocks"


def assert_maps_back(raw: str, outs: dict[str, Any]) -> None:
    """(c) normalised spans map back to the raw characters they came from."""
    norm = outs["normalise"]
    text = clean_text(norm)
    edited = _Spans([(e["raw_start"], e["raw_end"]) for e in norm["edits"]])
    n = len(text.text)
    for t0, t1, r0, r1 in text.segments:
        assert 0 <= r0 <= r1 <= len(raw)
        if t1 - t0 == r1 - r0 and text.text[t0:t1] != raw[r0:r1]:
            for i in range(t1 - t0):
                if text.text[t0 + i] != raw[r0 + i]:
                    assert edited.covers(r0 + i, r0 + i + 1), (
                        f"text[{t0 + i}] {text.text[t0 + i]!r} != raw[{r0 + i}] {raw[r0 + i]!r} and no edit covers it")
    # a segment that does not map one to one was made by a rule: a normalise edit or a decoded entity
    entities = _Spans([(r0, r1) for b in outs["extract"]["blocks"] for t0, t1, r0, r1 in b["map"] if t1 - t0 != r1 - r0])
    for t0, t1, r0, r1 in text.segments:
        if t1 - t0 != r1 - r0 and r1 > r0:
            assert edited.covers(r0, r1) or entities.covers(r0, r1), f"text[{t0}:{t1}] maps to raw[{r0}:{r1}] by no rule"
    # any span: a raw span inside the document; one-to-one unedited spans give the same characters
    step = max(1, n // 40)
    for s in range(0, n, step):
        for e in (s, s + 1, s + 7, n):
            e = min(e, n)
            a, b = text.to_raw(s, e)
            assert 0 <= a <= b <= len(raw), (s, e, a, b)
    for t0, t1, r0, r1 in text.segments:
        if t1 - t0 == r1 - r0:
            for a, z in edited.uncovered(r0, r1):
                s, e = t0 + (a - r0), t0 + (z - r0)
                assert text.to_raw(s, e) == (a, z)
                assert raw[a:z] == text.text[s:e], f"text[{s}:{e}] is not raw[{a}:{z}]"


def assert_all(data: bytes, name: str) -> dict[str, Any]:
    outs = run_front(data, name)
    raw = data.decode(outs["extract"]["encoding"])
    assert_extract_partitions(raw, outs["extract"])
    assert_blocks_match_raw(raw, outs["extract"])
    assert_conserved(raw, outs)
    assert_maps_back(raw, outs)
    return outs


# ------------------------------------------------------------------------------------ strategies

_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
_SPECIAL = st.sampled_from(["\r\n", "\n", "\r", "\n\n", "  ", "\t", "\"", "'", "“", "”", "‘", "’", "&amp;", "&#8220;",
                            "&lt;", "&nbsp;", "\u200b", "\u00ad", "ﬁ", "Ã©", "â€™", "Copyright 2011", "[edit]",
                            "Template:Main ", "© 2010", "All rights reserved", "\u2028", "\x85", "\x0c", "\x1b"])
TEXT = st.lists(st.one_of(st.text(_CHARS, max_size=12), _SPECIAL), max_size=40).map("".join)

_TAGS = ["p", "div", "span", "b", "i", "a", "li", "ul", "h1", "h2", "td", "tr", "table", "nav", "footer", "blockquote",
         "pre", "title", "head", "body", "html", "script", "style", "noscript", "textarea", "br", "img", "hr", "svg"]
_ATTR_VAL = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\"<>"), max_size=8)
_ATTRS = st.lists(st.tuples(st.sampled_from(["class", "id", "href", "role", "title", "data-x"]), _ATTR_VAL),
                  max_size=2).map(lambda kv: "".join(f' {k}="{v}"' for k, v in kv))
_HTML_TEXT = st.lists(st.one_of(st.text(_CHARS, max_size=8), _SPECIAL,
                                st.sampled_from(["&copy;", "&#x27;", "&#0;", "&bogus;", "&amp", "& ", "<", ">", "</>",
                                                 "<!-- c -->", "<!---->", "<!-- unclosed", "<![CDATA[x]]>",
                                                 "<?xml x?>", "<!DOCTYPE html>", "</p>", "<p", "</div", "<br/>",
                                                 "<img src=x>", "<b>", "<a href='x'>", "</a>"])),
                      max_size=6).map("".join)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, attrs, body, close: f"<{tag}{attrs}>{body}" + (f"</{tag}>" if close else ""),
        st.sampled_from(_TAGS), _ATTRS, st.lists(children, max_size=4).map("".join), st.booleans(),
    )


HTML = st.recursive(_HTML_TEXT, _element, max_leaves=25).map(lambda s: "<!DOCTYPE html>\n<html><body>" + s)

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ------------------------------------------------------------------------------------ properties


@_SETTINGS
@given(TEXT)
def test_text_documents_conserve_every_raw_character(raw: str) -> None:
    assert_all(raw.encode("utf-8"), "doc.txt")


@_SETTINGS
@given(HTML)
def test_html_documents_conserve_every_raw_character(raw: str) -> None:
    assert_all(raw.encode("utf-8"), "doc.html")


@_SETTINGS
@given(TEXT)
def test_windows_1252_text_conserves_every_decoded_character(raw: str) -> None:
    data = raw.encode("cp1252", "ignore") + "é".encode("cp1252")
    outs = assert_all(data, "doc.txt")
    assert outs["extract"]["encoding"] in ("cp1252", "utf-8")


def test_seed_documents_conserve_every_raw_character() -> None:
    from conftest import RAW

    for p in sorted(RAW.iterdir()):
        assert_all(p.read_bytes(), p.name)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(min_codepoint=0, max_codepoint=127), max_size=60))
def test_ascii_text_normalise_skips_is_text_ftfy_would_leave_unchanged(text: str) -> None:
    """normalise skips ftfy on plain ASCII prose (a speed-up): only where ftfy changes nothing."""
    import ftfy

    from pipeline.stages.normalise import FTFY_CANNOT_CHANGE, _ftfy_config

    if FTFY_CANNOT_CHANGE.match(text):
        assert ftfy.fix_text(text, config=_ftfy_config(_config().section("normalise").get("ftfy", {}))) == text


def test_html_page_with_stray_nul_bytes_is_kept_and_the_nuls_are_named_gaps() -> None:
    sentence = "The harbour was rebuilt after the storm, and the town's fishing fleet returned within a year. "
    body = "".join(f"<p>{sentence * 3}</p>\n" for _ in range(20))
    data = ("<html><head><title>t</title></head><body><article>" + body[:300] + "\x00" + body[300:]
            + "</article>\x00</body></html>").encode("utf-8")
    outs = assert_all(data, "doc.html")
    nul_gaps = [g for g in outs["extract"]["gaps"] if g["rule"] == "extract.nul_byte"]
    assert len(nul_gaps) == 2
    assert "\x00" not in "".join(b["text"] for b in outs["extract"]["blocks"])
    assert "harbour was rebuilt" in outs["normalise"]["text"]


def test_text_with_a_stray_nul_byte_is_kept() -> None:
    lines = b"A line of ordinary text that goes on for a while.\n" * 30
    outs = assert_all(lines + b"Second\x00 line of the text.\n" + lines, "doc.txt")
    assert [g["rule"] for g in outs["extract"]["gaps"]].count("extract.nul_byte") == 1
