"""Stage 1, extract: raw bytes to text blocks, each with its exact span in the decoded raw text.

The raw text is partitioned: every code point belongs either to a block's text (mapped
piece by piece) or to a gap removed by a named rule (markup, scripts, line breaks).
For HTML, positions come from ``tokens.py`` (which reads a page as ``html.parser`` does);
entities are decoded but keep their raw span.
"""

from __future__ import annotations

import gc
import html
import re
from dataclasses import dataclass, field
from typing import Any

from ...mapped_text import MappedText
from .decode import decode
from ...rules import declare

# the rules this module applies: declared once here, used through these constants
HTML_BLOCK = declare("extract.html_block", stage="extract", why="the text of one HTML block element, with its tag path",
        params=["block_elements", "tag_path_depth", "class_state_words"])
TEXT_LINE = declare("extract.text_line", stage="extract", why="one line of a plain-text dump is one block")
LINE_BREAK = declare("extract.line_break", stage="extract",
        why="a line break between two text lines is layout, not content")
MARKUP = declare("extract.markup", stage="extract", why="HTML tags, comments and declarations are markup, not text")
WHITESPACE = declare("extract.whitespace", stage="extract", why="white space between blocks is layout, not content")
SKIP = declare("extract.skip", stage="extract", family=True, params=["skip_elements"],
        why="the content of a non-text element (extract.skip.<element>: script, style, head, ...) is not page text")
NUL_BYTE = declare("extract.nul_byte", stage="extract",
        why="a few stray NUL bytes in a text page are noise, not content (more make the file binary)",
        params=["stray_nul_max", "stray_nul_max_share"])
METADATA_FALLBACK = declare("extract.metadata_fallback", stage="extract",
        why="a page whose body holds no text keeps its title and description rather than nothing")

NAME = "extract"
REQUIRES: tuple[str, ...] = ()
LIBRARIES: tuple[str, ...] = ()

CONFIG_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "html_suffixes": {"type": "array", "items": {"type": "string"}},
        "sniff_html": {"type": "boolean"},
        "fallback_encodings": {"type": "array", "items": {"type": "string"}},
        "skip_elements": {"type": "array", "items": {"type": "string"}},
        "block_elements": {"type": "array", "items": {"type": "string"}},
        "tag_path_depth": {"type": "integer", "minimum": 1},
        "stray_nul_max": {"type": "integer", "minimum": 0},
        "stray_nul_max_share": {"type": "number", "minimum": 0},
        "soft_skip_elements": {"type": "array", "items": {"type": "string"}},
        "soft_skip_max_words": {"type": "integer", "minimum": 0},
        "class_state_words": {"type": "array", "items": {"type": "string"}},
    },
}

_SNIFF = re.compile(r"\A\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S)
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][-.a-zA-Z0-9]*);?")


# ---------------------------------------------------------------------------------- records
@dataclass
class Block:
    id: str
    kind: str
    para: int
    mapped: MappedText
    rule: str
    tag: str | None = None
    tag_path: str | None = None
    context: list[str] = field(default_factory=list)
    link_chars: int = 0

    def to_json(self) -> dict[str, Any]:
        segs = self.mapped.segments
        if segs and segs[0][1] > 0 and segs[-1][0] < len(self.mapped.text):  # to_raw(0, len(text)), unindexed
            r0, r1 = segs[0][2], max(segs[0][2], segs[-1][3])
        else:
            r0, r1 = self.mapped.to_raw(0, len(self.mapped.text))
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "para": self.para,
            "raw_start": r0,
            "raw_end": r1,
            "rule": self.rule,
            "text": self.mapped.text,
            "map": self.mapped.to_json(),
        }
        if self.tag is not None:
            out.update(tag=self.tag, tag_path=self.tag_path, context=self.context, link_chars=self.link_chars)
        return out


def _gap(start: int, end: int, rule: str) -> dict[str, Any]:
    return {"raw_start": start, "raw_end": end, "rule": rule}


# ---------------------------------------------------------------------------------- text
def _without_nul(raw: str, start: int, end: int, gaps: list[dict[str, Any]]) -> list[tuple[str, int, int]]:
    """The pieces of ``raw[start:end]`` between stray NUL characters; each NUL is a gap."""
    pieces = []
    pos = start
    while pos < end:
        nul = raw.find("\x00", pos, end)
        stop = end if nul < 0 else nul
        if stop > pos:
            pieces.append((raw[pos:stop], pos, stop))
        if nul < 0:
            break
        gaps.append(_gap(nul, nul + 1, NUL_BYTE))
        pos = nul + 1
    return pieces


_LINE = re.compile(r"[^\r\n]*(\r\n|\n|\r|$)")


def extract_text(raw: str) -> tuple[list[Block], list[dict[str, Any]]]:
    """Text dumps: one block per non-blank line; blank lines start a new paragraph."""
    blocks: list[Block] = []
    gaps: list[dict[str, Any]] = []
    para = 0
    pending_gap: int | None = None  # start of the current run of removed characters
    pos = 0
    n = len(raw)
    blank_run = False
    for m in _LINE.finditer(raw):
        start, end = m.span()
        if start >= n:
            break
        body_end = m.start(1)
        line = raw[start:body_end]
        if line.strip():
            if blank_run and blocks:
                para += 1
            blank_run = False
            if pending_gap is not None and pending_gap < start:
                gaps.append(_gap(pending_gap, start, LINE_BREAK))
            if "\x00" in line:
                mapped = MappedText.from_pieces(_without_nul(raw, start, body_end, gaps))
            else:
                mapped = MappedText.from_raw(raw, start, body_end)
            blocks.append(Block(f"b{len(blocks) + 1}", "line", para, mapped, TEXT_LINE))
            pending_gap = body_end if body_end < end else None
        else:
            blank_run = True
            if pending_gap is None:
                pending_gap = start
        pos = end
    if pending_gap is not None and pending_gap < n:
        gaps.append(_gap(pending_gap, n, LINE_BREAK))
    return blocks, gaps


# ---------------------------------------------------------------------------------- HTML
def extract_html(raw: str, cfg: dict[str, Any]) -> tuple[list[Block], list[dict[str, Any]]]:
    from .html_blocks import HTMLBlocks  # here: it reads this module's records and rules

    parser = HTMLBlocks(raw, cfg)
    parser.read()
    blocks = parser.blocks or _metadata_blocks(raw)
    return blocks, _fill_gaps(len(raw), blocks, parser.gaps)


_TITLE = re.compile(r"<title\b[^>]*>([^<]*)</title", re.I)
_META_DESC = re.compile(r"""<meta\b[^>]*?\b(?:name|property)\s*=\s*["']?(?:og:|twitter:)?description["']?[^>]*?"""
                        r"""\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def _metadata_blocks(raw: str) -> list[Block]:
    """A page whose body has no text at all (rendered by scripts) still says what it is in its
    title and description: they become its blocks (``extract.metadata_fallback``), so that no
    page yields nothing. The longest description wins (``og:description`` is seldom cut)."""
    found = []
    m = _TITLE.search(raw)
    if m and m.group(1).strip():
        found.append(("heading", "h1", m.start(1), m.end(1)))
    best = None
    for d in _META_DESC.finditer(raw):
        g = 1 if d.group(1) is not None else 2
        if d.group(g).strip() and (best is None or d.end(g) - d.start(g) > best[1] - best[0]):
            best = (d.start(g), d.end(g))
    if best:
        found.append(("paragraph", "p", *best))
    out = []
    for kind, tag, r0, r1 in found:
        pieces, pos = [], r0
        for e in _ENTITY.finditer(raw, r0, r1):
            if e.start() > pos:
                pieces.append((raw[pos:e.start()], pos, e.start()))
            pieces.append((html.unescape(e.group(0)), e.start(), e.end()))
            pos = e.end()
        if pos < r1:
            pieces.append((raw[pos:r1], pos, r1))
        out.append(Block(f"b{len(out) + 1}", kind, len(out), MappedText.from_pieces(pieces), METADATA_FALLBACK,
                         tag=tag, tag_path="head>meta", context=["meta"], link_chars=0))
    return out


def _fill_gaps(n: int, blocks: list[Block], gaps: list[tuple[int, int, int, str]]) -> list[dict[str, Any]]:
    """Make blocks' pieces and gaps an exact partition of the raw text.

    The parser's spans can overlap (a tag it re-reads) or leave holes (text it swallowed);
    text pieces win, gaps are clipped, and holes become ``extract.markup``.
    """
    owned = [(r0, r1, 0, "") for b in blocks for _, _, r0, r1 in b.mapped.segments if r1 > r0]
    owned += [g for g in gaps if g[1] > g[0]]  # (start, end, priority, rule): text (0) before gaps (1)
    owned.sort()
    out: list[list[Any]] = []  # [start, end, rule]; a gap touching the last one with the same rule extends it
    append = out.append
    last: list[Any] = [-1, -1, ""]  # out[-1] (a sentinel while out is empty)
    pos = 0
    for start, end, prio, rule in owned:
        if start < pos:
            start = pos
        if start > pos:
            if last[1] == pos and last[2] == MARKUP:
                last[1] = start
            else:
                last = [pos, start, MARKUP]
                append(last)
        if end <= start:
            continue
        if prio == 1:
            if last[1] == start and last[2] == rule:
                last[1] = end
            else:
                last = [start, end, rule]
                append(last)
        pos = end
    if pos < n:
        if last[1] == pos and last[2] == MARKUP:
            last[1] = n
        else:
            append([pos, n, MARKUP])
    return [{"raw_start": g0, "raw_end": g1, "rule": rule} for g0, g1, rule in out]  # _gap's records, inlined


# ---------------------------------------------------------------------------------- stage
def is_html(name: str, head: bytes, cfg: dict[str, Any]) -> bool:
    if any(name.lower().endswith(s) for s in cfg["html_suffixes"]):
        return True
    if cfg["sniff_html"]:
        sample = head[:2048].decode("utf-8", "ignore").lstrip("\ufeff")
        return bool(_SNIFF.match(sample))
    return False


def run(ctx: Any, cfg: dict[str, Any]) -> dict[str, Any]:
    data: bytes = ctx.raw_bytes
    html_doc = is_html(ctx.name, data[:4096], cfg)
    raw, encoding, enc_rule = decode(data, html_doc, list(cfg["fallback_encodings"]),
                                     int(cfg["stray_nul_max"]), float(cfg["stray_nul_max_share"]))
    if html_doc:
        # A page is hundreds of thousands of short-lived tuples and records, none of them in a
        # reference cycle: the cycle collector's passes over them cost about a tenth of the
        # stage, so it waits until the page is read (what it would collect is collected then).
        paused = gc.isenabled()
        gc.disable()
        try:
            blocks, gaps = extract_html(raw, cfg)
        finally:
            if paused:
                gc.enable()
    else:
        blocks, gaps = extract_text(raw)
    return {
        "format": "html" if html_doc else "text",
        "encoding": encoding,
        "encoding_rule": enc_rule,
        "raw_chars": len(raw),
        "blocks": [b.to_json() for b in blocks],
        "gaps": gaps,
    }
