"""Stage 2, strip: label every block ``content`` or ``boilerplate`` with the rule that decided.

Rules are data (``config/pipeline.yaml``, section ``strip``) and generic: web furniture,
wiki residue, editors' notes, empty section headings, footers. A rule may also remove part
of a block (inline residue), recorded as its own span. Copyright and fair-use notices are
removed from the text but kept as ``notices`` records for the copyright stage, and so are
removed source lines beside a run of prose (kind ``attribution``, ``attribution.py``).
Nothing is rewritten: the output is stand-off decisions over extract's blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from ...errors import ConfigError
from ...mapped_text import MappedText
from ...text import sentences
from ...text import words as words_
from ...rules import declare, holder_id
from . import attribution as strip_attribution
from . import html_decide
from . import literals

# the rules this module applies: declared once here, used through these constants
DEFAULT_CONTENT = declare("strip.default_content", stage="strip",
        why="a block no rule labels stays content (nothing removed without a rule)")
EMPTIED_BY_INLINE_RULE = declare("strip.emptied_by_inline_rule", stage="strip",
        why="a block the inline rules emptied has nothing left to keep")
EMPTY_SECTION_HEADING = declare("strip.empty_section_heading", stage="strip",
        why="a heading with no content under it is residue of a removed section",
        params=["empty_heading.enabled", "empty_heading.max_words", "empty_heading.always_empty_titles"])
TRAILING_FRAGMENT = declare("strip.trailing_fragment", stage="strip",
        why="short fragments (names, labels) between a dump's text and its footer are residue",
        params=["trailing_fragments.enabled", "trailing_fragments.max_words", "trailing_fragments.max_stopword_share"])

NAME = "strip"
REQUIRES = ("extract",)
LIBRARIES: tuple[str, ...] = ("trafilatura",)  # its decisions on HTML pages

_RULE_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "patterns"],
    "properties": {
        "id": {"type": "string", "pattern": r"^strip\.[a-z0-9_.]+$"},
        "description": {"type": "string"},
        "patterns": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "max_words": {"type": "integer", "minimum": 1},
        "first_blocks": {"type": "integer", "minimum": 1},
        "formats": {"type": "array", "items": {"enum": ["text", "html"]}, "default": ["text", "html"]},
        "notice": {"enum": ["copyright", "fair_use"]},   # "attribution" notices come from strip.attribution
        "continues_to_next_fragment": {"type": "boolean", "default": False},
        # only beside a line matching one of these (within ``beside_reach`` non-empty blocks either
        # way): a line that reads like text as well as furniture goes only next to its form's button
        "beside": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "beside_reach": {"type": "integer", "minimum": 1, "default": 1},
    },
}

_STRINGS = {"type": "array", "items": {"type": "string"}}
_COUNT = {"type": "integer", "minimum": 0}
_SHARE = {"type": "number", "minimum": 0}
_MONTHS = {"type": "object", "additionalProperties": {"type": "integer", "minimum": 1, "maximum": 12}}  # the months lexicon


def _section(**props: Any) -> dict[str, Any]:
    """A nested config section: these keys, every one given in the config (no defaults in code)."""
    return {"type": "object", "additionalProperties": False, "required": list(props), "properties": props}


_HTML_SCHEMA = _section(  # html_page.py
    boilerplate_context_tokens=_STRINGS, max_link_density=_SHARE, overlay_tokens=_STRINGS, overlay_max_share=_SHARE,
    decider={"enum": ["trafilatura", "own"]},
    trafilatura=_section(enabled={"type": "boolean"}, options={"type": "object"}, short_key=_COUNT, short_window=_COUNT),
    own=html_decide.SCHEMA,
    recover=_section(enabled={"type": "boolean"}, max_link_density=_SHARE, min_words=_COUNT, min_sentence_words=_COUNT,
                     headings={"type": "boolean"}, unique_only={"type": "boolean"},
                     within_kept_range={"type": "boolean"}, skip_tokens=_STRINGS,
                     comment_tokens=_STRINGS, comment_min_kept=_COUNT,
                     second_opinion={"enum": ["none", "outside", "always"]}, furniture_max_share=_SHARE,
                     skip_kinds=_STRINGS, after_max_gap=_COUNT, list_items_in_range={"type": "boolean"}),
    kept_furniture=_section(tokens=_STRINGS, max_share=_SHARE, comments={"type": "boolean"}),
    long_listing=_section(kinds=_STRINGS, max_lines=_COUNT),
    furniture=_section(nav_tokens=_STRINGS, nav_min_link_density=_SHARE, repeated_max_words=_COUNT,
                       repeated_min_count=_COUNT, duplicate_min_words=_COUNT),
)
_TEXT_SCHEMA = _section(  # text_dump.py
    enabled={"type": "boolean"}, min_words=_COUNT, mid_words=_COUNT, long_words=_COUNT, min_stopword_share=_SHARE,
    line_penalty=_SHARE, word_penalty=_SHARE, repeated_max_words=_COUNT, repeated_min_count=_COUNT,
    sentence_line_weight=_SHARE, heading_reach=_COUNT, max_gap=_COUNT, edge_min_words=_COUNT, prose_allowance=_SHARE,
    repeated_run_min_lines=_COUNT, repeated_run_max_words=_COUNT, paragraph_attach={"enum": ["all", "wrapped", "none"]}, wrap_min_chars=_COUNT, wrap_max_chars=_COUNT,
    link_like_separators=_COUNT, link_like_glued=_COUNT, menu_line_min_words=_COUNT, menu_line_min_capitalised=_SHARE,
    menu_line_long_words=_COUNT, menu_line_long_capitalised=_SHARE, menu_line_long_comma_share=_SHARE,
    footer_zone_share=_SHARE, footer_prose_after_words=_COUNT, outside_min_words=_COUNT, counter_line={"type": "string"}, after_body_min_words=_COUNT,
    duplicate_min_words=_COUNT, quoted_copy_cue={"type": "string"}, comment_heading={"type": "string"}, comment_form={"type": "string"}, comment_author_line={"type": "string"},
    comment_min_authors=_COUNT,
    comment_min_words_before=_COUNT, teaser_min_cards=_COUNT, teaser_headline_max_words=_COUNT,
    teaser_blurb_min_words=_COUNT, teaser_blurb_max_words=_COUNT, teaser_headlines_per_card=_COUNT,
    teaser_core_words=_COUNT, teaser_edge_words=_COUNT, list_item_min_words=_COUNT, list_item_min_lower_share=_SHARE,
    table_row_min_cells=_COUNT, repeated_cell_min_count=_COUNT, repeated_cell_max_words=_COUNT, table_row_weight={"type": "number"}, related_heading={"type": "string"}, related_min_words_before=_COUNT,
    related_resume_words=_COUNT, related_record_reach=_COUNT, breadcrumb_max_items=_COUNT, breadcrumb_max_words=_COUNT, record_price={"type": "string"}, record_min_count=_COUNT, record_max_lines=_COUNT, record_main_text={"type": "boolean"},
    pattern_min_records=_COUNT, pattern_max_lines=_COUNT, pattern_shape_words=_COUNT, pattern_distinct_share=_SHARE, pattern_max_kept_share=_SHARE, record_template_share=_SHARE,
    field_run_min_lines=_COUNT, field_run_min_labels=_COUNT, field_label_max_words=_COUNT, field_line_max_words=_COUNT,
    field_run_max_copies=_COUNT, list_tail_min_items=_COUNT, list_tail_min_words=_COUNT, list_tail_lower_share=_SHARE,
    list_tail_heading_words=_COUNT, list_tail_colon_words=_COUNT, author_bio={"type": "string"}, author_heading={"type": "string"},
    author_heading_min_share=_SHARE, author_label_max_words=_COUNT,
    code_line={"type": "string"}, code_run_min_lines=_COUNT, quantity_list_min_items=_COUNT, title_run_min_lines=_COUNT,
    title_run_max_words=_COUNT, title_run_capitalised=_SHARE,
    stopwords=_STRINGS,
)
_KEEP_SCHEMA = _section(  # strip_keep.py
    enabled={"type": "boolean"}, attribution_max_words=_COUNT, prose_min_words=_COUNT, months=_MONTHS,
    valedictions=_STRINGS, signature_max_lines=_COUNT, signature_max_words=_COUNT, closing_max_lines=_COUNT,
    dateline_max_words=_COUNT, reference_headings=_STRINGS, reference_min_items=_COUNT,
    quote_cue_pattern={"type": "string"}, quote_end_markers=_STRINGS, quote_max_lines=_COUNT,
    no_main_text_max_blocks=_COUNT, byline_patterns=_STRINGS, testimonial_name_pattern={"type": "string"}, testimonial_name_min_words=_COUNT, interview_turn_pattern={"type": "string"},
    quoted_post_patterns=_STRINGS, quoted_post_label_pattern={"type": "string"}, post_header_pattern={"type": "string"}, interview_credit_pattern={"type": "string"}, signed_by_pattern={"type": "string"}, salutation_pattern={"type": "string"}, salutation_max_paragraphs=_COUNT,
    quote_open_marks={"type": "string"}, quote_close_marks={"type": "string"}, article_header_max_lines=_COUNT, headline_max_words=_COUNT,
)


CONFIG_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "block_rules": {"type": "array", "items": _RULE_SCHEMA},
        "inline_rules": {"type": "array", "items": _RULE_SCHEMA},
        "section_stub": {
            "type": "object",
            "additionalProperties": False,
            "required": ["enabled", "verbs", "max_words"],
            "properties": {"enabled": {"type": "boolean"}, "verbs": {"type": "array", "items": {"type": "string"}},
                           "max_words": {"type": "integer", "minimum": 1}},
        },
        "empty_heading": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "enabled": {"type": "boolean"},
                "max_words": {"type": "integer"},
                "always_empty_titles": {"type": "array", "items": {"type": "string"}},
            },
        },
        "trailing_fragments": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"enabled": {"type": "boolean"}, "max_words": {"type": "integer"},
                           "max_stopword_share": {"type": "number"}},
        },
        "html": _HTML_SCHEMA,
        "text": _TEXT_SCHEMA,
        "keep": _KEEP_SCHEMA,
        "attribution_notices": strip_attribution.SCHEMA,
    },
}

_WORD = words_.RUN
_SENTENCE_END = sentences.ENDS_LIKE_SENTENCE


@dataclass(frozen=True)
class Rule:
    id: str
    regex: re.Pattern[str]          # multi-line: ^ and $ at every line of the block
    regex_line: re.Pattern[str]     # the same for a one-line block, where ^ only tries the start (faster)
    max_words: int | None
    first_blocks: int | None
    formats: tuple[str, ...]
    notice: str | None
    continues: bool
    needles: tuple[str, ...] | None  # one of them is in any match (case-folded; literals.py); None: always run
    beside: re.Pattern[str] | None = None   # a neighbouring block must match this (None: no condition)
    reach: int = 1                           # ... among this many non-empty blocks before or after

    def search(self, text: str) -> re.Match[str] | None:
        return (self.regex if "\n" in text else self.regex_line).search(text)


@lru_cache(maxsize=64)
def _compile(rules_key: tuple[tuple[Any, ...], ...]) -> tuple[Rule, ...]:
    out = []
    for rid, patterns, max_words, first_blocks, formats, notice, continues, beside, reach in rules_key:
        try:
            joined = "|".join(_scoped(p) for p in patterns)
            regex, regex_line = re.compile(joined, re.M), re.compile(joined)
            near = re.compile("|".join(_scoped(p) for p in beside)) if beside else None
        except re.error as exc:
            raise ConfigError(f"strip rule {rid}: invalid pattern: {exc}") from None
        out.append(Rule(rid, regex, regex_line, max_words, first_blocks, formats, notice, continues,
                        literals.needles(patterns), near, reach))
    return tuple(out)


def _label_ids(r: Rule) -> tuple[str, ...]:
    """The labels a block rule gives: its id, and its holder's when its line continues onto the next fragment."""
    return (r.id, holder_id(r.id)) if r.continues else (r.id,)


def _scoped(pattern: str) -> str:
    """A leading ``(?i)`` becomes a scoped group so that patterns can be joined with ``|``."""
    m = re.match(r"^\(\?([aiLmsux]+)\)", pattern)
    if m:
        return f"(?{m.group(1)}:{pattern[m.end():]})"
    return f"(?:{pattern})"


_RULE_DEFAULTS = {k: v["default"] for k, v in _RULE_SCHEMA["properties"].items() if "default" in v}


def compile_rules(raw_rules: Iterable[dict[str, Any]]) -> tuple[Rule, ...]:
    key = tuple(
        (
            r["id"],
            tuple(r["patterns"]),
            r.get("max_words"),
            r.get("first_blocks"),
            tuple(r.get("formats", _RULE_DEFAULTS["formats"])),   # optional keys: the schema's defaults
            r.get("notice"),
            bool(r.get("continues_to_next_fragment", _RULE_DEFAULTS["continues_to_next_fragment"])),
            tuple(r.get("beside", ())),
            int(r.get("beside_reach", _RULE_DEFAULTS["beside_reach"])),
        )
        for r in raw_rules
    )
    return _compile(key)


words = words_.count_runs        # strip counts \w runs (its thresholds were set on them)
words_upto = words_.count_runs_upto


def _beside(texts: list[str], i: int, near: re.Pattern[str], reach: int) -> bool:
    """Whether one of the ``reach`` non-empty blocks before block ``i`` or after it matches ``near``."""
    for step in (-1, 1):
        j, seen = i + step, 0
        while 0 <= j < len(texts) and seen < reach:
            t = texts[j].strip()
            if t:
                if near.search(t):
                    return True
                seen += 1
            j += step
    return False


def is_fragment(text: str, max_words: int, n_words: int | None = None) -> bool:
    """A short piece of text that is not a sentence: a label, a name, a menu entry."""
    t = text.strip()
    n = words_upto(t, max_words) if n_words is None else n_words
    return 0 < n <= max_words and not _SENTENCE_END.search(t) and not t.endswith(":")


def validate_config(cfg: dict[str, Any]) -> None:
    """Compile the rules when the config is loaded, so that a bad pattern is an error naming
    its rule before any document is read (``ConfigError``)."""
    compile_rules(cfg["block_rules"])
    compile_rules(cfg["inline_rules"])


def run(ctx: Any, cfg: dict[str, Any]) -> dict[str, Any]:
    ext = ctx.outputs["extract"]
    fmt = ext["format"]
    blocks = ext["blocks"]
    block_rules = compile_rules(cfg["block_rules"])
    inline_rules = compile_rules(cfg["inline_rules"])
    labels: list[tuple[str, str]] = [("content", DEFAULT_CONTENT)] * len(blocks)
    notices: list[dict[str, Any]] = []
    removals: list[dict[str, Any]] = []
    texts = [b["text"] for b in blocks]

    # 1. inline residue: a matching prefix or suffix of a block is removed on its own.
    kept_texts = list(texts)
    inline_rules = tuple(r for r in inline_rules if fmt in r.formats)
    for i, b in enumerate(blocks):
        folded = literals.fold(b["text"]) if inline_rules else ""
        for rule in inline_rules:
            if not literals.may_match(rule.needles, folded):
                continue
            m = rule.search(b["text"])
            if m and m.end() > m.start():
                mapped = MappedText.from_json(b["text"], b["map"])
                r0, r1 = mapped.to_raw(m.start(), m.end())
                removals.append({"block": b["id"], "start": m.start(), "end": m.end(), "raw_start": r0, "raw_end": r1,
                                 "rule": rule.id, "text": m.group(0)})
                kept_texts[i] = b["text"][: m.start()] + b["text"][m.end():]
    if fmt == "text":  # a widget's cell repeated beside every record of a table-laid listing
        from . import text_cells

        touched = {r["block"] for r in removals}
        for i, (s0, s1) in text_cells.spans(kept_texts, cfg["text"]).items():
            b = blocks[i]
            if b["id"] in touched or kept_texts[i] != b["text"]:
                continue
            r0, r1 = MappedText.from_json(b["text"], b["map"]).to_raw(s0, s1)
            removals.append({"block": b["id"], "start": s0, "end": s1, "raw_start": r0, "raw_end": r1,
                             "rule": text_cells.TEXT_REPEATED_CELL, "text": b["text"][s0:s1]})
            kept_texts[i] = b["text"][:s0] + b["text"][s1:]

    # 2. block rules, first match wins; notices are kept as records. Words are counted once
    # per block, no further than the largest limit any rule or structure check needs.
    cap = max([r.max_words or 0 for r in block_rules] + [6, int(cfg["trailing_fragments"]["max_words"]),
                                                         int(cfg["empty_heading"]["max_words"])])
    n_words = [words_upto(t, cap) for t in kept_texts]
    active = tuple(r for r in block_rules if fmt in r.formats)
    pending_continuation = False
    for i, text in enumerate(kept_texts):
        if not text.strip():
            labels[i] = ("boilerplate", EMPTIED_BY_INLINE_RULE)
            continue
        if pending_continuation and is_fragment(text, 6, n_words[i]):
            labels[i] = ("boilerplate", holder_id(notices[-1]["rule"]))
            notices[-1]["raw_end"] = blocks[i]["raw_end"]
            notices[-1]["text"] += "\n" + text
            notices[-1]["blocks"].append(blocks[i]["id"])
            pending_continuation = False
            continue
        pending_continuation = False
        stripped = text.strip()  # a block's surrounding white space is layout: one-line blocks match faster
        folded = literals.fold(stripped)
        nw = n_words[i]
        for rule in active:  # the cheapest checks first: word count, position, needles, then the pattern
            if (rule.max_words is not None and nw > rule.max_words) or (
                    rule.first_blocks is not None and i >= rule.first_blocks):
                continue
            if rule.needles is not None:
                for n in rule.needles:
                    if n in folded:
                        break
                else:
                    continue
            if rule.search(stripped) is not None:
                if rule.beside is not None and not _beside(kept_texts, i, rule.beside, rule.reach):
                    continue
                labels[i] = ("boilerplate", rule.id)
                if rule.notice:
                    notices.append({"id": f"n{len(notices) + 1}", "kind": rule.notice, "rule": rule.id,
                                    "raw_start": blocks[i]["raw_start"], "raw_end": blocks[i]["raw_end"],
                                    "text": text, "blocks": [blocks[i]["id"]]})
                    pending_continuation = rule.continues
                break

    # 3. structure: editors' requests standing in for a section, empty section headings,
    # fragments trailing into a footer.
    if cfg["section_stub"]:
        from . import stub as strip_stub

        def heading(i: int) -> bool:
            if fmt == "html":
                return blocks[i].get("kind") == "heading"
            return _is_heading_like(kept_texts[i], 6) and _alone_in_para(blocks, i)

        strip_stub.apply(kept_texts, labels, heading, cfg["section_stub"])
    eh = cfg["empty_heading"]
    if eh["enabled"]:
        _empty_headings(blocks, kept_texts, labels, int(eh["max_words"]),
                        {t.lower() for t in eh["always_empty_titles"]}, fmt, cfg["keep"])
    tf = cfg["trailing_fragments"]
    if tf["enabled"] and fmt == "text":
        stop = frozenset(w.casefold() for w in cfg["text"]["stopwords"])
        _trailing_fragments(kept_texts, labels, int(tf["max_words"]), stop,
                            float(tf["max_stopword_share"]))
    if fmt == "html":
        from . import html_page as strip_html

        strip_html.apply(ctx, blocks, kept_texts, labels, cfg["html"])
    else:
        from . import text_dump as strip_text

        strip_text.apply(blocks, kept_texts, labels, cfg["text"],
                         frozenset(rid for r in block_rules if r.notice for rid in _label_ids(r)))
    from . import keep as strip_keep

    strip_keep.apply(blocks, kept_texts, labels, {rid for r in block_rules for rid in _label_ids(r)}, cfg["keep"])

    decisions = [
        {"block": b["id"], "label": lab, "rule": rule, "raw_start": b["raw_start"], "raw_end": b["raw_end"]}
        for b, (lab, rule) in zip(blocks, labels)
    ]
    # inline removals in blocks that are removed whole are subsumed by the block decision
    removed = {d["block"] for d in decisions if d["label"] == "boilerplate"}
    removals = [r for r in removals if r["block"] not in removed]
    # removed attribution lines beside a run of prose stay readable to the copyright stage
    raw = ctx.raw_text() if fmt == "text" else None
    for n in strip_attribution.find(blocks, kept_texts, labels, notices, raw, cfg["attribution_notices"]):
        notices.append({"id": f"n{len(notices) + 1}", **n})
    for n in notices:
        n["id"] = f"{ctx.doc_id}#n{n['id'][1:]}"
    return {"decisions": decisions, "inline_removals": removals, "notices": notices}


def _is_heading_like(text: str, max_words: int) -> bool:
    t = text.strip()
    return is_fragment(t, max_words) and not t.endswith(",") and t[:1].isupper()


def _empty_headings(blocks: list[dict[str, Any]], texts: list[str], labels: list[tuple[str, str]],
                    max_words: int, always: set[str], fmt: str = "text", keep_cfg: dict[str, Any] | None = None) -> None:
    """A heading followed by another heading (or nothing) heads an empty section.

    In HTML only heading elements count: short list items and table cells are not headings.
    """
    from . import keep as strip_keep

    keep_cfg = keep_cfg or {}
    kept = [i for i, (lab, _) in enumerate(labels) if lab == "content"]
    for pos, i in enumerate(kept):
        t = texts[i].strip()
        if fmt == "html" and blocks[i].get("kind") != "heading":
            continue
        if not _is_heading_like(t, max_words):
            continue
        own_para = _alone_in_para(blocks, i)
        if not own_para:
            continue
        nxt = kept[pos + 1] if pos + 1 < len(kept) else None
        if nxt is None or t.lower() in always or (
            _is_heading_like(texts[nxt], max_words) and _alone_in_para(blocks, nxt)
            and not (fmt == "text" and strip_keep.is_date_line(texts[nxt], keep_cfg))  # a title over its date
            and not _heads_article(blocks, texts, kept[pos + 1:], max_words, keep_cfg)
        ):
            labels[i] = ("boilerplate", EMPTY_SECTION_HEADING)


def _heads_article(blocks: list[dict[str, Any]], texts: list[str], after: list[int], max_words: int,
                   keep_cfg: dict[str, Any]) -> bool:
    """A headline over its byline and/or dateline and then the body heads an article, not an empty section."""
    from . import keep as strip_keep

    n = 0
    while n < len(after) and n < keep_cfg["article_header_max_lines"] \
            and strip_keep.is_article_header_line(texts[after[n]], keep_cfg):
        n += 1
    return 0 < n < len(after) and not (_is_heading_like(texts[after[n]], max_words) and _alone_in_para(blocks, after[n]))


def _alone_in_para(blocks: list[dict[str, Any]], i: int) -> bool:
    para = blocks[i]["para"]
    return (i == 0 or blocks[i - 1]["para"] != para) and (i + 1 >= len(blocks) or blocks[i + 1]["para"] != para)


def _trailing_fragments(texts: list[str], labels: list[tuple[str, str]], max_words: int,
                        stopwords: frozenset[str], max_stopword_share: float) -> None:
    """Short fragments between the last real content and a trailing boilerplate block are footer.

    Conservative: only fragments (a name, a label, a list entry), never a sentence, and few
    stopwords, so that a short closing line of the text ("It was a good day") stays.
    """
    n = len(labels)
    last_bp = None
    for i in range(n - 1, -1, -1):
        if labels[i][0] == "boilerplate":
            last_bp = i
            continue
        if last_bp is None:
            return
        t = texts[i].strip()
        if is_fragment(t, max_words) and _stopword_share(t, stopwords) <= max_stopword_share:
            labels[i] = ("boilerplate", TRAILING_FRAGMENT)
            continue
        return


def _stopword_share(text: str, stopwords: frozenset[str]) -> float:
    ws = [w.casefold() for w in _WORD.findall(text) if not w.isdigit()]
    return sum(1 for w in ws if w in stopwords) / len(ws) if ws else 0.0
