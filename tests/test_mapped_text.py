"""MappedText: the coordinate machinery every provenance guarantee rests on."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.mapped_text import Edit, MappedText, diff_edits

_CHARS = st.characters(blacklist_categories=("Cs",))
_SETTINGS = settings(max_examples=120, deadline=None)


@st.composite
def derived(draw: st.DrawFn) -> tuple[str, MappedText]:
    """A raw string and a text derived from it: kept runs (one to one), skipped runs, units."""
    raw_parts = draw(st.lists(st.tuples(st.sampled_from(["keep", "skip", "unit"]), st.text(_CHARS, min_size=1, max_size=6),
                                        st.text(_CHARS, max_size=3)), max_size=12))
    raw = "".join(p[1] for p in raw_parts)
    pieces = []
    pos = 0
    for op, chunk, replacement in raw_parts:
        if op == "keep":
            pieces.append(MappedText.from_raw(raw, pos, pos + len(chunk)))
        elif op == "unit":  # (a replacement of the same length maps one to one, like a copy)
            unit = replacement if len(replacement) != len(chunk) else replacement + "+"
            pieces.append(MappedText.piece(unit, pos, pos + len(chunk)))
        pos += len(chunk)
    return raw, MappedText.concat(pieces)


@st.composite
def edits_for(draw: st.DrawFn, text: str) -> list[Edit]:
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    out = []
    for a, b in zip(cuts[::2], cuts[1::2]):
        out.append(Edit(a, b, draw(st.text(_CHARS, max_size=3)), "test.edit"))
    return out


def _raw_owned(m: MappedText) -> list[tuple[int, int]]:
    return sorted((r0, r1) for _, _, r0, r1 in m.segments if r1 > r0)


def _assert_no_raw_overlap(m: MappedText) -> None:
    pos = 0
    for r0, r1 in _raw_owned(m):
        assert r0 >= pos, f"raw[{r0}:{r1}] claimed twice in {m.segments}"
        pos = r1


# ------------------------------------------------------------------------------ construction


@_SETTINGS
@given(st.text(_CHARS), st.data())
def test_identity_map_gives_back_the_same_offsets(raw: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(raw)))
    m = MappedText.from_raw(raw, start)
    m.check()
    s = data.draw(st.integers(0, len(m)))
    e = data.draw(st.integers(s, len(m)))
    if e > s:
        assert m.to_raw(s, e) == (start + s, start + e)
        assert raw[slice(*m.to_raw(s, e))] == m.text[s:e]


@_SETTINGS
@given(derived())
def test_derived_text_tiles_its_text_and_claims_each_raw_character_once(case: tuple[str, MappedText]) -> None:
    raw, m = case
    m.check()
    _assert_no_raw_overlap(m)


@_SETTINGS
@given(derived(), st.data())
def test_one_to_one_segments_copy_raw_characters(case: tuple[str, MappedText], data: st.DataObject) -> None:
    raw, m = case
    for t0, t1, r0, r1 in m.segments:
        if t1 - t0 == r1 - r0:
            s = data.draw(st.integers(t0, t1 - 1))
            e = data.draw(st.integers(s + 1, t1))
            a, b = m.to_raw(s, e)
            assert raw[a:b] == m.text[s:e]


@_SETTINGS
@given(derived(), st.data())
def test_any_span_maps_inside_the_raw_text_and_in_order(case: tuple[str, MappedText], data: st.DataObject) -> None:
    raw, m = case
    s = data.draw(st.integers(0, len(m)))
    e = data.draw(st.integers(s, len(m)))
    a, b = m.to_raw(s, e)
    assert 0 <= a <= b <= len(raw)
    if e > s:
        # the raw span covers every segment the text span touches
        for t0, t1, r0, r1 in m.segments:
            if t0 < e and s < t1 and r1 > r0:
                lo = r0 + (max(s, t0) - t0) if t1 - t0 == r1 - r0 else r0
                assert a <= lo < b or (a <= lo and lo <= b)


@_SETTINGS
@given(st.lists(derived(), min_size=1, max_size=4), st.text(_CHARS, max_size=3))
def test_join_separators_map_to_nothing(cases: list[tuple[str, MappedText]], sep: str) -> None:
    parts = [m for _, m in cases]
    j = MappedText.join(parts, sep)
    j.check()
    assert j.text == sep.join(p.text for p in parts)
    width = sum(r1 - r0 for _, _, r0, r1 in j.segments)
    assert width == sum(r1 - r0 for p in parts for _, _, r0, r1 in p.segments)


# ------------------------------------------------------------------------------ derivation


@_SETTINGS
@given(derived(), st.data())
def test_slice_maps_like_its_parent(case: tuple[str, MappedText], data: st.DataObject) -> None:
    raw, m = case
    s = data.draw(st.integers(0, len(m)))
    e = data.draw(st.integers(s, len(m)))
    sub = m.slice(s, e)
    sub.check()
    assert sub.text == m.text[s:e]
    if e > s:
        assert sub.to_raw(0, len(sub)) == m.to_raw(s, e)


@_SETTINGS
@given(derived(), st.data())
def test_edits_keep_the_map_exact(case: tuple[str, MappedText], data: st.DataObject) -> None:
    raw, m = case
    edits = data.draw(edits_for(m.text))
    out = m.apply_edits(edits)
    out.check()
    _assert_no_raw_overlap(out)
    # the text is what the edits say
    expected, pos = [], 0
    for e in edits:
        expected += [m.text[pos:e.start], e.new]
        pos = e.end
    expected.append(m.text[pos:])
    assert out.text == "".join(expected)
    # every raw character the source kept is still kept, or lies under an edit
    edited = [m.to_raw(e.start, e.end) if e.end > e.start else (m.raw_pos(e.start),) * 2 for e in edits]
    kept = _raw_owned(out)
    for r0, r1 in _raw_owned(m):
        for r in range(r0, r1):
            assert any(a <= r < b for a, b in kept) or any(a <= r < b for a, b in edited), r
    # nothing is claimed that the source did not claim
    src = _raw_owned(m)
    for r0, r1 in kept:
        assert any(a <= r0 and r1 <= b for a, b in _merge(src)), (r0, r1, src)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def test_a_replacement_across_a_gap_does_not_claim_the_gap() -> None:
    raw = "a <b> b"
    m = MappedText.concat([MappedText.from_raw(raw, 0, 2), MappedText.from_raw(raw, 5, 7)])  # "a  b"
    out = m.apply_edits([Edit(1, 3, " ", "normalise.whitespace.collapse")])
    assert out.text == "a b"
    assert all(not (r0 < 5 and r1 > 2) for _, _, r0, r1 in out.segments), out.segments


def test_an_edit_inside_a_unit_segment_widens_to_the_whole_unit() -> None:
    m = MappedText.concat([MappedText.from_raw("0ﬀx", 0, 1), MappedText.piece("\nff", 1, 2)])
    out = m.apply_edits([Edit(1, 2, " ", "normalise.whitespace.collapse")])
    assert out.text == "0 ff"
    assert out.segments == [(0, 1, 0, 1), (1, 4, 1, 2)]


def test_overlapping_edits_are_refused() -> None:
    m = MappedText.from_raw("abcdef")
    try:
        m.apply_edits([Edit(0, 3, "", "r"), Edit(2, 4, "", "r")])
    except ValueError as exc:
        assert "overlapping" in str(exc)
    else:
        raise AssertionError("overlapping edits accepted")


@_SETTINGS
@given(st.text(_CHARS, max_size=60), st.text(_CHARS, max_size=60))
def test_diff_edits_turn_old_into_new(old: str, new: str) -> None:
    m = MappedText.from_raw(old)
    out = m.apply_edits(diff_edits(old, new, "test.diff"))
    assert out.text == new
    out.check()


@settings(max_examples=20, deadline=None)
@given(st.lists(st.text(_CHARS, max_size=80), min_size=60, max_size=120), st.data())
def test_diff_edits_on_long_texts_use_line_chunks_and_stay_exact(lines: list[str], data: st.DataObject) -> None:
    old = "\n".join(lines)
    changed = list(lines)
    for i in data.draw(st.lists(st.integers(0, len(lines) - 1), max_size=5)):
        changed[i] = changed[i].upper() + "“x”"
    new = "\n".join(changed)
    out = MappedText.from_raw(old).apply_edits(diff_edits(old, new, "test.diff", chunk=256))
    assert out.text == new


@_SETTINGS
@given(st.text(_CHARS, max_size=40))
def test_transform_records_every_change_with_its_rule(text: str) -> None:
    out, edits = MappedText.from_raw(text).transform(lambda s: s.replace("a", "AA").replace(" ", ""), "test.rule")
    assert out.text == text.replace("a", "AA").replace(" ", "")
    assert all(e.rule == "test.rule" for e in edits)
    assert bool(edits) == (out.text != text)


@_SETTINGS
@given(derived())
def test_json_round_trip_keeps_text_and_map(case: tuple[str, MappedText]) -> None:
    _, m = case
    back = MappedText.from_json(m.text, m.to_json())
    assert back.text == m.text and back.segments == m.segments


@_SETTINGS
@given(st.text(_CHARS, min_size=1, max_size=40), st.data())
def test_from_raw_pos_inverts_to_raw_on_identity_maps(raw: str, data: st.DataObject) -> None:
    m = MappedText.from_raw(raw)
    p = data.draw(st.integers(0, len(raw) - 1))
    assert m.from_raw_pos(m.raw_pos(p)) == p
