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
from ...text import words
from .decode import decode
from .tokens import CDATA, DATA, END, REF, START, STARTEND, tokenize
from ...rules import declare

# the rules this module applies: declared once here, used through these constants
HTML_BLOCK = declare("extract.html_block", stage="extract", why="the text of one HTML block element, with its tag path",
        params=["block_elements", "tag_path_depth"])
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
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_TOKEN = re.compile(r"[a-z]+")
_INVISIBLE = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.I | re.S)  # for counting visible words only
_PROSE_WORD = words.letters_at_least(2)


_NO_CONTEXT: frozenset[str] = frozenset()
# Pure functions of their keys, kept across pages (a site's pages share their markup): an element's
# label and tokens by (tag, class, id, role); its record by (parent's context, tag, class, id, role);
# a context's sorted tokens.
_DESCRIBED: dict[tuple[str, str, str, str], tuple[str, tuple[str, ...]]] = {}
_OPENED: dict[tuple[frozenset[str], str, str, str, str], "_Open"] = {}
_SORTED_CONTEXTS: dict[frozenset[str], list[str]] = {}
_CACHE_MAX = 200_000


@dataclass(slots=True, frozen=True)
class _Open:
    tag: str
    label: str
    tokens: tuple[str, ...]
    context: frozenset[str]  # tokens of this element and all its ancestors


class _HTMLBlocks:
    """Blocks and gaps from the page's tokens (``tokens.py``, read as ``html.parser`` reads).

    Hot path (every tag and text run of a page): text pieces are ``(text, raw_start, raw_end)``
    tuples until a block is complete, and element descriptions are cached, so that a page costs
    little more than its tokenizing. The output is the same as building each piece as a ``MappedText``.
    """

    def __init__(self, raw: str, cfg: dict[str, Any]) -> None:
        self.raw = raw
        self.skip_tags = frozenset(cfg["skip_elements"])
        self.soft_skip = frozenset(cfg["soft_skip_elements"])
        self.soft_max_words = int(cfg["soft_skip_max_words"])
        self.block_tags = frozenset(cfg["block_elements"])
        self.flush_tags = self.block_tags | {"br"}
        self.depth_shown = int(cfg["tag_path_depth"])
        self.stack: list[_Open] = []
        self.described = _DESCRIBED
        self.opened = _OPENED
        self.sorted_contexts = _SORTED_CONTEXTS
        for cache in (_DESCRIBED, _OPENED, _SORTED_CONTEXTS):
            if len(cache) > _CACHE_MAX:
                cache.clear()
        self.skip_depth = 0
        self.skip_rule = ""
        self.link_depth = 0
        self.blocks: list[Block] = []
        self.gaps: list[tuple[int, int, int, str]] = []  # (start, end, 1, rule): _fill_gaps' order
        self.pieces: list[tuple[str, int, int]] = []  # (text, raw_start, raw_end)
        self.link_chars = 0
        self.para = 0

    def read(self) -> None:
        """Every token of the page, in order, then the last block. The common tokens (text
        outside skipped elements, tags that neither start a block, a link nor a skip) are
        handled inline; the others by the ``handle_*`` methods."""
        raw = self.raw
        gap = self.gaps.append
        special = self.flush_tags | self.skip_tags | VOID | {"a", "body"}
        flush_tags = self.flush_tags
        block_start = self.block_tags - self.skip_tags - VOID - {"a", "body", "br"}  # no skip, link or head/body case
        stack = self.stack
        for kind, start, end, tag, c, i, r in tokenize(raw):
            if kind == DATA:
                if self.skip_depth:
                    gap((start, end, 1, self.skip_rule))
                    continue
                text = raw[start:end]
                if "\x00" in text:
                    self.handle_data(start, end, "")
                    continue
                self.pieces.append((text, start, end))
                if self.link_depth:
                    self.link_chars += len(text.strip())
            elif kind == START:
                if self.skip_depth or tag in special:
                    if tag in block_start and not self.skip_depth:  # a block element: handle_starttag's steps
                        gap((start, end, 1, MARKUP))
                        if self.pieces:
                            self._flush(new_para=True)
                        else:
                            self.link_chars = 0
                            self.para += 1
                        self._push(tag, c, i, r)
                    else:
                        self.handle_starttag(tag, start, end, c, i, r)
                else:
                    gap((start, end, 1, MARKUP))
                    self._push(tag, c, i, r)
            elif kind == END:  # its end is handle_endtag's: the first '>' after its start, and past it
                if self.skip_depth or tag == "a":
                    self.handle_endtag(tag, start)
                    continue
                gap((start, end, 1, MARKUP))
                if tag in flush_tags:
                    if self.pieces:
                        self._flush(new_para=tag != "br")
                    else:
                        self.link_chars = 0
                        if tag != "br":
                            self.para += 1
                if stack and stack[-1].tag == tag:
                    stack.pop()
                else:
                    self._pop_to(tag)
            elif kind == REF:
                self._entity(start)
            elif kind == CDATA:
                self.handle_data(start, end, tag)
            elif kind == STARTEND:
                self.handle_startendtag(tag, start, end)
        self._flush(new_para=True)

    # blocks
    def _flush(self, new_para: bool) -> None:
        pieces = self.pieces
        if len(pieces) == 1 and pieces[0][0].isspace():  # white space between tags: the common case
            _, r0, r1 = pieces[0]
            self.gaps.append((r0, r1, 1, WHITESPACE))
            self.pieces = []
        elif pieces:
            mapped = MappedText.from_pieces(pieces)
            if mapped.text.strip():
                tag = self._nearest_block()
                context = self.stack[-1].context if self.stack else frozenset()
                ordered = self.sorted_contexts.get(context)
                if ordered is None:
                    ordered = self.sorted_contexts[context] = sorted(context)
                self.blocks.append(
                    Block(
                        f"b{len(self.blocks) + 1}",
                        _kind(tag),
                        self.para,
                        mapped,
                        HTML_BLOCK,
                        tag=tag,
                        tag_path=">".join([o.label for o in self.stack[-self.depth_shown:]]),
                        context=list(ordered),
                        link_chars=self.link_chars,
                    )
                )
            else:
                for seg in mapped.segments:
                    self.gaps.append((seg[2], seg[3], 1, WHITESPACE))
            self.pieces = []
        self.link_chars = 0
        if new_para:
            self.para += 1

    def _nearest_block(self) -> str:
        for o in reversed(self.stack):
            if o.tag in self.block_tags:
                return o.tag
        return "body"

    def _push(self, tag: str, c: str, i: str, r: str) -> None:
        stack = self.stack
        parent = stack[-1].context if stack else _NO_CONTEXT
        key = (parent, tag, c, i, r)
        o = self.opened.get(key)  # the same element under the same ancestors' tokens: the same record
        if o is None:
            desc = self.described.get((tag, c, i, r))
            if desc is None:
                cl, il = c.strip().lower(), i.strip().lower()
                label = tag + ("." + ".".join(cl.split()[:2]) if cl else "") + ("#" + il if il else "")
                tokens = tuple(sorted({tag, *(_TOKEN.findall(cl)), *(_TOKEN.findall(il))} | ({"role-" + r} if r else set())))
                desc = self.described[(tag, c, i, r)] = (label[:60], tokens)
            o = self.opened[key] = _Open(tag, desc[0], desc[1], parent.union(desc[1]))
        stack.append(o)

    def _pop_to(self, tag: str) -> bool:
        stack = self.stack
        if stack and stack[-1].tag == tag:  # well nested: the common case
            stack.pop()
            return True
        for i in range(len(stack) - 1, -1, -1):
            if stack[i].tag == tag:
                del stack[i:]
                return True
        return False

    # tokens
    def handle_starttag(self, tag: str, start: int, end: int, c: str, i: str, r: str) -> None:
        self.gaps.append((start, end, 1, MARKUP))
        if self.skip_depth and tag == "body" and any(o.tag == "head" for o in self.stack):
            # <body> closes an unclosed <head> (as browsers do); otherwise the whole page is skipped
            before = len(self.stack)
            self._pop_to("head")
            self.skip_depth = max(0, self.skip_depth - (before - len(self.stack)))
        if self.skip_depth:
            if tag not in VOID:
                self._push(tag, c, i, r)
                self.skip_depth += 1
            return
        skip = tag in self.skip_tags and not (tag in self.soft_skip and self._holds_prose(tag, start))
        if tag in self.flush_tags or skip:
            self._flush(new_para=tag != "br")
        if tag == "a":
            self.link_depth += 1
        if tag in VOID:
            return
        self._push(tag, c, i, r)
        if skip:
            self.skip_depth = 1
            self.skip_rule = f"{SKIP}.{tag}"

    def _holds_prose(self, tag: str, start: int) -> bool:
        """Whether an element skipped for being furniture (a button, an svg) holds visible
        prose: more than ``soft_skip_max_words`` words of text before its end tag (or, never
        closed, before the end of the page). Then it is read like any other element."""
        end = self.raw.find(f"</{tag}", start)
        span = self.raw[start: len(self.raw) if end < 0 else end]
        if len(span) < 4 * self.soft_max_words:
            return False
        return len(_PROSE_WORD.findall(_INVISIBLE.sub(" ", span))) > self.soft_max_words

    def handle_startendtag(self, tag: str, start: int, end: int) -> None:
        self.gaps.append((start, end, 1, MARKUP))
        if not self.skip_depth and tag in self.flush_tags:
            self._flush(new_para=tag != "br")

    def handle_endtag(self, tag: str, start: int) -> None:
        close = self.raw.find(">", start)
        self.gaps.append((start, len(self.raw) if close < 0 else close + 1, 1, MARKUP))
        if self.skip_depth:
            if any(o.tag == tag for o in self.stack[-self.skip_depth:]):
                before = len(self.stack)
                self._pop_to(tag)
                self.skip_depth -= before - len(self.stack)
            return
        if tag == "a" and self.link_depth:
            self.link_depth -= 1
        if tag in self.flush_tags:
            self._flush(new_para=tag != "br")
        self._pop_to(tag)

    def handle_data(self, start: int, end: int, cdata: str) -> None:
        """A text run; ``cdata``: the raw-text element (script, style) it is inside, if any."""
        if self.skip_depth or cdata:
            self.gaps.append((start, end, 1, self.skip_rule if self.skip_depth else f"{SKIP}.{cdata}"))
            return
        text = self.raw[start:end]
        if "\x00" in text:
            found: list[dict[str, Any]] = []
            self.pieces.extend(_without_nul(self.raw, start, end, found))
            self.gaps.extend((g["raw_start"], g["raw_end"], 1, g["rule"]) for g in found)
        else:
            self.pieces.append((text, start, end))
        if self.link_depth:
            self.link_chars += len(text.strip())

    def _entity(self, start: int) -> None:
        m = _ENTITY.match(self.raw, start)
        end = m.end() if m else start + 1
        if self.skip_depth:
            self.gaps.append((start, end, 1, self.skip_rule))
            return
        decoded = html.unescape(self.raw[start:end])
        self.pieces.append((decoded, start, end))
        if self.link_depth:
            self.link_chars += len(decoded.strip())


_KINDS = {"p": "paragraph", "li": "list_item", "td": "cell", "th": "cell", "pre": "pre", "blockquote": "quote",
          "dt": "term", "dd": "definition", "figcaption": "caption", "caption": "caption",
          **{f"h{n}": "heading" for n in range(1, 7)}}


def _kind(tag: str) -> str:
    return _KINDS.get(tag, "text")


def extract_html(raw: str, cfg: dict[str, Any]) -> tuple[list[Block], list[dict[str, Any]]]:
    parser = _HTMLBlocks(raw, cfg)
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
