"""extract's HTML blocks: the page's tokens (``tokens.py``) read into blocks and gaps.

Hot path (every tag and text run of a page): the common tokens are handled inline in
``HTMLBlocks.read``, text pieces stay ``(text, raw_start, raw_end)`` tuples until a block is
complete, and element records are cached, so that a page costs little more than its tokens.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from ...mapped_text import MappedText
from ...text import words
from . import HTML_BLOCK, MARKUP, SKIP, WHITESPACE, Block, _ENTITY, _without_nul
from .tokens import CDATA, DATA, END, REF, START, STARTEND, tokenize

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
_CACHED_FOR: dict[str, frozenset[str]] = {"state_words": frozenset()}  # the config the element caches were filled under


@dataclass(slots=True, frozen=True)
class _Open:
    tag: str
    label: str
    tokens: tuple[str, ...]
    context: frozenset[str]  # tokens of this element and all its ancestors


class HTMLBlocks:
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
        self.state_words = frozenset(cfg["class_state_words"])
        if self.state_words != _CACHED_FOR["state_words"]:  # element tokens depend on it
            _DESCRIBED.clear()
            _OPENED.clear()
            _CACHED_FOR["state_words"] = self.state_words
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
                tokens = tuple(sorted({tag, *_name_tokens(cl, self.state_words), *_name_tokens(il, self.state_words)}
                                      | ({"role-" + r} if r else set())))
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


def _name_tokens(names: str, state_words: frozenset[str]) -> list[str]:
    """The tokens of a class or id attribute: the letter runs of each name. A name with a state
    word among its parts ("sidebar-enabled--false", "has-sidebar", "form-with-speakers") says
    how the element is laid out, not what it is: its parts are read as one token, as a camelCase
    name already is ("formWithSpeakers"), so that "sidebar" in it does not mark a sidebar."""
    out: list[str] = []
    for name in names.split():
        parts = _TOKEN.findall(name)
        if len(parts) > 1 and not state_words.isdisjoint(parts):
            out.append("".join(parts))
        else:
            out.extend(parts)
    return out
