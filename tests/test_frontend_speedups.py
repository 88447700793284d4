"""Front-end speed-ups (extract, normalise) give exactly the results of the plain computations.

Each shortcut is checked against what it replaces: difflib's own matcher, ftfy itself, every
character rule applied, ``MappedText.concat``.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

import ftfy
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.config import load_config
from pipeline.mapped_text import MappedText, _TextMatcher, diff_edits
from pipeline.stages import extract, normalise
from test_extract_tokenize import _TRICKY

_SETTINGS = settings(max_examples=150, deadline=None)
# Few distinct characters and many line breaks: where difflib's matches are most ambiguous.
_SMALL_ALPHABET = st.text(st.sampled_from("ab \r\n\t"), max_size=300)
_WORDS = st.lists(st.sampled_from(["the", "a", "\r\n", "  ", "word", "\n", "x", "ab", "        "]), max_size=120).map("".join)


def _opcodes(matcher: type[difflib.SequenceMatcher], old: str, new: str) -> list[tuple[Any, ...]]:
    return matcher(None, old, new, autojunk=False).get_opcodes()


@_SETTINGS
@given(st.one_of(_SMALL_ALPHABET, _WORDS), st.data())
def test_text_matcher_gives_difflibs_opcodes(old: str, data: st.DataObject) -> None:
    new = data.draw(st.one_of(
        st.just(old.replace("\r\n", "\n").replace("\r", "\n")),  # what ftfy's fix_line_breaks does
        _SMALL_ALPHABET,
        _WORDS,
    ))
    assert _opcodes(_TextMatcher, old, new) == _opcodes(difflib.SequenceMatcher, old, new)


@settings(max_examples=60, deadline=None)
@given(st.one_of(_SMALL_ALPHABET, _WORDS), st.sampled_from([0, 16]), st.sampled_from([2, 3, 5, 16]))
def test_text_matcher_is_exact_for_any_seed_length(old: str, small: int, q: int) -> None:
    new = old.replace("\r\n", "\n")[::-1][: len(old) // 2] + old.replace("\r\n", "\n")
    matcher = type("M", (_TextMatcher,), {"SMALL": small, "FIRST_Q": q})
    assert _opcodes(matcher, old, new) == _opcodes(difflib.SequenceMatcher, old, new)


def test_line_breaks_of_a_long_white_space_block_diff_as_difflib_does() -> None:
    cell = "\r\n" + " " * 12 + "\r\n            Industry {}\r\n\r\n" + " " * 8
    old = "".join(cell.format(i % 7) for i in range(15))  # difflib itself: 0.3 s (60 cells: 14 s; ours 0.2 s)
    new = old.replace("\r\n", "\n")
    edits = diff_edits(old, new, "test")
    expected = [(i1, i2, new[j1:j2]) for tag, i1, i2, j1, j2 in _opcodes(difflib.SequenceMatcher, old, new) if tag != "equal"]
    assert [(e.start, e.end, e.new) for e in edits] == expected
    assert MappedText.from_raw(old).apply_edits(edits).text == new


@_SETTINGS
@given(st.text(st.characters(min_codepoint=0, max_codepoint=0x7F)))
def test_ascii_text_that_passes_the_precheck_is_left_alone_by_ftfy(text: str) -> None:
    cfg = normalise._ftfy_config({"unescape_html": "auto", "fix_encoding": True, "normalization": "NFC",
                                  "fix_latin_ligatures": True, "fix_character_width": True, "remove_control_chars": True})
    if normalise.FTFY_CANNOT_CHANGE.match(text):
        assert ftfy.fix_and_explain(text, config=cfg)[0] == text


_NORMALISE_CFG = {**load_config(None).section("normalise"), "quotes": "straight"}
_QUOTEY = st.text(st.sampled_from("ab ’‘“”„`´\u200b\u00ad\n\t."), max_size=40)


@_SETTINGS
@given(_QUOTEY)
def test_character_rules_prefilter_changes_nothing(text: str) -> None:
    mapped = MappedText.from_raw(text)
    cfg = normalise._ftfy_config({})
    fast = normalise.normalise_block(mapped, _NORMALISE_CFG, cfg)
    original = normalise._char_rules

    def always(*args: str) -> Any:  # every rule runs, as without the pre-check
        _, rules = original(*args)
        return re.compile(""), rules

    normalise._char_rules = always
    try:
        slow = normalise.normalise_block(mapped, _NORMALISE_CFG, cfg)
    finally:
        normalise._char_rules = original
    assert (fast[0].text, fast[0].segments, fast[1]) == (slow[0].text, slow[0].segments, slow[1])


_PIECE = st.tuples(st.sampled_from(["raw", "entity"]), st.text(st.sampled_from("ab \n&;"), max_size=5), st.booleans())


@_SETTINGS
@given(st.lists(_PIECE, max_size=10))
def test_html_pieces_concatenate_as_mapped_texts_do(parts: list[tuple[str, str, bool]]) -> None:
    raw = "".join(p[1] for p in parts) + "tail"
    pieces, mapped, pos = [], [], 0
    for kind, chunk, skip_after in parts:
        end = pos + len(chunk)
        if kind == "raw":
            pieces.append((raw[pos:end], pos, end))
            mapped.append(MappedText.from_raw(raw, pos, end))
        else:
            pieces.append(("é", pos, end))
            mapped.append(MappedText.piece("é", pos, end))
        pos = end + (1 if skip_after else 0)
    got = MappedText.from_pieces(pieces)
    expected = MappedText.concat(mapped)
    assert (got.text, got.segments) == (expected.text, expected.segments)


def test_blocks_and_gaps_of_tricky_pages_tile_the_raw_text() -> None:
    cfg = {**load_config(None).section("extract"),
           "skip_elements": ["script", "style", "head", "title"], "block_elements": ["p", "div", "li", "ul", "body", "html"],
           "soft_skip_elements": [], "soft_skip_max_words": 30}
    for raw in _TRICKY:
        blocks, gaps = extract.extract_html(raw, cfg)  # offsets: tests/test_extract_tokenize.py
        spans = sorted([(g["raw_start"], g["raw_end"]) for g in gaps]
                       + [(s[2], s[3]) for b in blocks for s in b.mapped.segments if s[3] > s[2]])
        pos = 0
        for start, end in spans:  # blocks and gaps tile the raw text: nothing lost
            assert start == pos
            pos = end
        assert pos == len(raw)
