"""Mapped texts: a derived string plus a piecewise map of its characters back to raw.

The decoded raw text of a document is the only coordinate system. Every derived text
(a block's visible text, the clean text, the normalised text) is a ``MappedText``: the
string and a list of segments ``(t0, t1, r0, r1)`` saying that ``text[t0:t1]`` came from
``raw[r0:r1]``. Segments are sorted, contiguous and cover the whole text. When a segment's
two sides have the same length its characters map one to one; otherwise (an entity
decoded, a run of spaces collapsed, a separator inserted) the segment maps as a unit and
a span that starts or ends inside it widens to the covering raw characters.
"""

from __future__ import annotations

import difflib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

Segment = tuple[int, int, int, int]


@dataclass(frozen=True)
class Edit:
    """A replacement of ``text[start:end]`` by ``new``, made by a named rule."""

    start: int
    end: int
    new: str
    rule: str


@dataclass
class MappedText:
    text: str
    segments: list[Segment] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts: list[int] | None = None  # segment starts, built on the first position query

    # construction -----------------------------------------------------------------
    @classmethod
    def from_raw(cls, raw: str, start: int = 0, end: int | None = None) -> "MappedText":
        """The identity map over ``raw[start:end]``."""
        end = len(raw) if end is None else end
        text = raw[start:end]
        segs = [(0, len(text), start, end)] if text else []
        return cls(text, segs)

    @classmethod
    def piece(cls, text: str, raw_start: int, raw_end: int) -> "MappedText":
        """A text that came from ``raw[raw_start:raw_end]`` (decoded entity, inserted separator)."""
        return cls(text, [(0, len(text), raw_start, raw_end)] if text else [])

    @classmethod
    def from_pieces(cls, pieces: Sequence[tuple[str, int, int]]) -> "MappedText":
        """``concat`` of ``piece(text, raw_start, raw_end)`` for each, without building each
        piece as a MappedText first (extract makes one per tag and text run)."""
        if len(pieces) == 1:  # one text run: the common block
            text, r0, r1 = pieces[0]
            return cls(text, [(0, len(text), r0, r1)] if text else [])
        segs: list[Segment] = []
        t = 0
        for text, r0, r1 in pieces:  # _append, inlined: one call per piece costs more than the merge
            t1 = t + len(text)
            if t1 > t:
                if segs:
                    p0, p1, q0, q1 = segs[-1]
                    if q1 == r0 and p1 - p0 == q1 - q0 and t1 - t == r1 - r0:
                        segs[-1] = (p0, t1, q0, r1)
                        t = t1
                        continue
                segs.append((t, t1, r0, r1))
            t = t1
        return cls("".join([p[0] for p in pieces]), segs)

    @classmethod
    def concat(cls, parts: Iterable["MappedText"]) -> "MappedText":
        texts: list[str] = []
        segs: list[Segment] = []
        offset = 0
        for part in parts:
            texts.append(part.text)
            for t0, t1, r0, r1 in part.segments:
                _append(segs, (t0 + offset, t1 + offset, r0, r1))
            offset += len(part.text)
        return cls("".join(texts), segs)

    @classmethod
    def join(cls, parts: Sequence["MappedText"], seps: Sequence[str] | str) -> "MappedText":
        """Join parts with separators that map to nothing (zero-width at the boundary)."""
        pieces: list[MappedText] = []
        for i, part in enumerate(parts):
            if i:
                sep = seps if isinstance(seps, str) else seps[i - 1]
                prev = parts[i - 1]
                anchor = prev.segments[-1][3] if prev.segments else (part.segments[0][2] if part.segments else 0)
                pieces.append(cls.piece(sep, anchor, anchor))
            pieces.append(part)
        return cls.concat(pieces)

    # queries ---------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.text)

    def _seg_index(self, pos: int) -> int:
        starts = self._starts
        if starts is None:  # many texts are built only to be joined or sliced: index them lazily
            starts = self._starts = [s[0] for s in self.segments]
        return bisect_right(starts, pos) - 1

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw span of ``text[start:end]``; widens at segments that map as a unit."""
        if not self.segments:
            return (0, 0)
        if end <= start:
            return (self.raw_pos(start),) * 2
        i = self._seg_index(start)
        t0, t1, r0, r1 = self.segments[i]
        raw_start = r0 + (start - t0) if (t1 - t0) == (r1 - r0) else r0
        j = self._seg_index(end - 1)
        t0, t1, r0, r1 = self.segments[j]
        raw_end = r0 + (end - t0) if (t1 - t0) == (r1 - r0) else r1
        return raw_start, max(raw_start, raw_end)

    def raw_pos(self, pos: int) -> int:
        """Raw position of a text boundary (for zero-width spans)."""
        if not self.segments:
            return 0
        if pos >= len(self.text):
            return self.segments[-1][3]
        t0, t1, r0, r1 = self.segments[self._seg_index(pos)]
        return r0 + (pos - t0) if (t1 - t0) == (r1 - r0) else r0

    def from_raw_pos(self, raw: int) -> int:
        """Text position of a raw offset (first text char at or after it); for tracing back."""
        for t0, t1, r0, r1 in self.segments:
            if r1 > raw or (r0 == r1 == raw):
                if raw <= r0:
                    return t0
                return t0 + min(raw - r0, t1 - t0) if (t1 - t0) == (r1 - r0) else t0
        return len(self.text)

    # derivation --------------------------------------------------------------------
    def slice(self, start: int, end: int) -> "MappedText":
        start, end = max(0, start), min(len(self.text), end)
        if end <= start:
            return MappedText("", [])
        segs: list[Segment] = []
        i = self._seg_index(start)
        while i < len(self.segments):
            t0, t1, r0, r1 = self.segments[i]
            if t0 >= end:
                break
            a, b = max(t0, start), min(t1, end)
            if (t1 - t0) == (r1 - r0):
                seg = (a - start, b - start, r0 + (a - t0), r0 + (b - t0))
            else:
                seg = (a - start, b - start, r0, r1)
            _append(segs, seg)
            i += 1
        return MappedText(self.text[start:end], segs)

    def apply_edits(self, edits: Sequence[Edit]) -> "MappedText":
        """Replace non-overlapping text spans; each replacement maps to the raw span it covers.

        An edit that starts or ends inside a segment that maps as a unit is widened to the
        whole segment (and merged with other edits in it), so that no two parts of the result
        claim the same raw characters.
        """
        groups: list[list[int]] = []  # [start, end, first edit, last edit] over widened spans
        ordered = sorted(edits, key=lambda e: (e.start, e.end))
        prev_end = 0
        for k, e in enumerate(ordered):
            if e.start < prev_end:
                raise ValueError(f"overlapping edits at {e.start} ({e.rule})")
            prev_end = e.end
            s, t = self._unit_bounds(e.start, e.end)
            if groups and s < groups[-1][1]:
                groups[-1][1] = max(groups[-1][1], t)
                groups[-1][3] = k
            else:
                groups.append([s, t, k, k])
        parts: list[MappedText] = []
        pos = 0
        for s, t, first, last in groups:
            parts.append(self.slice(pos, s))
            new_parts = []
            cur = s
            for e in ordered[first:last + 1]:
                new_parts += [self.text[cur:e.start], e.new]
                cur = e.end
            new_parts.append(self.text[cur:t])
            new = "".join(new_parts)
            if new:
                r0, r1 = self._replaced_run(s, t) if t > s else (self.raw_pos(s),) * 2
                parts.append(MappedText.piece(new, r0, r1))
            pos = t
        parts.append(self.slice(pos, len(self.text)))
        return MappedText.concat(parts)

    def _unit_bounds(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` widened to whole segments where it cuts into one that maps as a unit."""
        if not self.segments or start >= len(self.text):
            return start, end
        t0, t1, r0, r1 = self.segments[self._seg_index(start)]
        if (t1 - t0) != (r1 - r0) and t0 < start:
            start = t0
            if end < t1:
                end = t1
        if end > start and end < len(self.text):
            t0, t1, r0, r1 = self.segments[self._seg_index(end - 1)]
            if (t1 - t0) != (r1 - r0) and end < t1:
                end = t1
        return start, end

    def _replaced_run(self, start: int, end: int) -> tuple[int, int]:
        """The raw span a replacement of ``text[start:end]`` maps to.

        Where the replaced text came from raw pieces that do not touch (text either side of
        a tag, of a removed span), the replacement maps to the first piece only, so that it
        never claims the raw characters between them; the other pieces count as deleted by
        the edit. (Mapping to the whole envelope would put markup inside the clean text's map.)
        """
        runs: list[list[int]] = []
        for _, _, r0, r1 in self.slice(start, end).segments:
            if r1 <= r0:
                continue
            if runs and runs[-1][1] == r0:
                runs[-1][1] = r1
            else:
                runs.append([r0, r1])
        if len(runs) <= 1:
            return self.to_raw(start, end)
        return runs[0][0], runs[0][1]

    def delete(self, spans: Iterable[tuple[int, int]], rule: str = "delete") -> "MappedText":
        return self.apply_edits([Edit(s, e, "", rule) for s, e in spans])

    def transform(self, fn: Callable[[str], str], rule: str) -> tuple["MappedText", list[Edit]]:
        """Apply any string function and rebuild the map by aligning old and new text."""
        new = fn(self.text)
        if new == self.text:
            return self, []
        edits = diff_edits(self.text, new, rule)
        return self.apply_edits(edits), edits

    def to_json(self) -> list[list[int]]:
        return [list(s) for s in self.segments]

    @classmethod
    def from_json(cls, text: str, segments: Sequence[Sequence[int]]) -> "MappedText":
        return cls(text, [tuple(s) for s in segments])  # type: ignore[misc]

    def check(self) -> None:
        """Raise if the segments do not tile the text exactly (an internal invariant)."""
        pos = 0
        for t0, t1, r0, r1 in self.segments:
            if t0 != pos or t1 <= t0 or r1 < r0:
                raise AssertionError(f"bad segment {(t0, t1, r0, r1)} at {pos}")
            pos = t1
        if pos != len(self.text):
            raise AssertionError(f"segments cover {pos} of {len(self.text)} characters")


def _append(segs: list[Segment], seg: Segment) -> None:
    """Append, merging with the previous segment where both map one to one and touch."""
    t0, t1, r0, r1 = seg
    if t1 <= t0:
        return
    if segs:
        p0, p1, q0, q1 = segs[-1]
        if p1 == t0 and q1 == r0 and (p1 - p0) == (q1 - q0) and (t1 - t0) == (r1 - r0):
            segs[-1] = (p0, t1, q0, r1)
            return
    segs.append(seg)


def diff_edits(old: str, new: str, rule: str, chunk: int = 4096) -> list[Edit]:
    """Edits turning ``old`` into ``new``: difflib opcodes, aligned in line chunks to stay linear."""
    # The common start and end are equal: diff only what lies between (usually a few characters).
    head = 0
    limit = min(len(old), len(new))
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[len(old) - 1 - tail] == new[len(new) - 1 - tail]:
        tail += 1
    if head or tail:
        inner = diff_edits(old[head:len(old) - tail], new[head:len(new) - tail], rule, chunk)
        return [Edit(e.start + head, e.end + head, e.new, e.rule) for e in inner]
    if len(old) <= chunk and len(new) <= chunk:
        return _opcode_edits(old, new, rule, 0)
    # Align line by line first (cheap, exact), then diff only the lines that differ.
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    edits: list[Edit] = []
    starts_old = _line_starts(old_lines)
    starts_new = _line_starts(new_lines)
    sm = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        a0, a1 = starts_old[i1], starts_old[i2]
        b0, b1 = starts_new[j1], starts_new[j2]
        sub_old, sub_new = old[a0:a1], new[b0:b1]
        if len(sub_old) <= chunk * 4 and len(sub_new) <= chunk * 4:
            edits.extend(_opcode_edits(sub_old, sub_new, rule, a0))
        else:
            edits.append(Edit(a0, a1, sub_new, rule))
    return edits


def _line_starts(lines: list[str]) -> list[int]:
    out = [0]
    for line in lines:
        out.append(out[-1] + len(line))
    return out


def _opcode_edits(old: str, new: str, rule: str, offset: int) -> list[Edit]:
    sm = _TextMatcher(None, old, new, autojunk=False)
    return [
        Edit(offset + i1, offset + i2, new[j1:j2], rule)
        for tag, i1, i2, j1, j2 in sm.get_opcodes()
        if tag != "equal"
    ]


class _TextMatcher(difflib.SequenceMatcher):
    """``difflib.SequenceMatcher`` over two strings (no junk, no autojunk) with a faster exact
    longest-match search, so that the edits are exactly difflib's.

    difflib's search costs, per character of ``a``, one step per occurrence of that character
    in ``b``: quadratic on texts of few distinct characters (white space, line breaks), and
    repeated for every sub-range of the recursion (a block of many CRLF line breaks took a
    second). Here a match of length >= 2q-1 is found from q-grams of ``a`` sampled every q
    characters (one of them lies wholly inside it), each hit extended to its maximal run; the
    longest run wins, ties to the earliest in ``a``, then in ``b``: difflib's own choice. When
    the longest run found (s characters) is shorter than 2q-1, a longer match may have gone
    unseeded, so the search repeats with q = (s+1)//2, which seeds every match of s or more.
    Small ranges, and ranges with no hit down to q = 2, use difflib's own search.
    """

    SMALL = 1024      # ranges up to this many character pairs: difflib's search as it is
    FIRST_Q = 16

    def set_seq2(self, b: str) -> None:  # type: ignore[override]
        self._gram_cache: dict[int, dict[str, list[int]]] = {}
        super().set_seq2(b)

    def find_longest_match(self, alo: int = 0, ahi: int | None = None, blo: int = 0,
                           bhi: int | None = None) -> difflib.Match:
        ahi = len(self.a) if ahi is None else ahi
        bhi = len(self.b) if bhi is None else bhi
        if (ahi - alo) * (bhi - blo) > self.SMALL:
            q = self.FIRST_Q
            while q >= 2:
                size, i, j = self._seeded(alo, ahi, blo, bhi, q)
                if size >= 2 * q - 1:  # every match this long was seeded: this is the longest
                    return difflib.Match(i, j, size)
                q = (size + 1) // 2 if size else q // 2
        return super().find_longest_match(alo, ahi, blo, bhi)

    def _grams(self, q: int) -> dict[str, list[int]]:
        """Positions in ``b`` (ascending) of each of its q-grams."""
        cache = self._gram_cache
        index = cache.get(q)
        if index is None:
            b = self.b
            index = {}
            for j in range(len(b) - q + 1):
                index.setdefault(b[j:j + q], []).append(j)
            cache[q] = index
        return index

    def _seeded(self, alo: int, ahi: int, blo: int, bhi: int, q: int) -> tuple[int, int, int]:
        """(size, i, j) of the longest maximal run through a sampled q-gram of ``a[alo:ahi]``
        inside ``b[blo:bhi]``; ties to the smallest i, then j."""
        a, b = self.a, self.b
        index = self._grams(q)
        best = (0, alo, blo)
        reach: dict[int, int] = {}  # diagonal j - i -> end in a of the last run found on it
        for g in range(alo, ahi - q + 1, q):
            found = index.get(a[g:g + q])
            if not found:
                continue
            for idx in range(bisect_left(found, blo), bisect_right(found, bhi - q)):
                j = found[idx]
                if reach.get(j - g, -1) > g:
                    continue  # inside a run already found
                i0, j0 = g, j
                while i0 > alo and j0 > blo and a[i0 - 1] == b[j0 - 1]:
                    i0 -= 1
                    j0 -= 1
                i1, j1 = g + q, j + q
                while i1 < ahi and j1 < bhi and a[i1] == b[j1]:
                    i1 += 1
                    j1 += 1
                reach[j - g] = i1
                k = i1 - i0
                if k > best[0] or (k == best[0] and (i0, j0) < (best[1], best[2])):
                    best = (k, i0, j0)
        return best
