"""Stage 3, normalise: the clean text (content blocks only), fixed and normalised, mapped to raw.

Each change is a small named edit (ftfy's fixes, white space, invisible characters, quote
marks) recorded with its raw span, so that every raw character of a content block is either
in the text or removed by a named rule, and any span of the text maps back to raw.
Paragraphs are joined with a blank line, lines of one paragraph with a newline; separators
map to nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ...mapped_text import Edit, MappedText, diff_edits
from ...rules import declare

# the rules this module applies: declared once here, used through these constants
FTFY = declare("normalise.ftfy", stage="normalise",
        why="ftfy repairs mojibake, HTML entities and odd widths (its explanation is kept)",
        params=["ftfy"])
INVISIBLE = declare("normalise.invisible", stage="normalise",
        why="invisible characters (zero-width, soft hyphen) carry no text",
        params=["invisible"])
QUOTES_DOUBLE = declare("normalise.quotes.double", stage="normalise",
        why="one quote-mark policy: curly double quotes become straight",
        params=["quotes", "double_quotes"])
QUOTES_SINGLE = declare("normalise.quotes.single", stage="normalise",
        why="one quote-mark policy: curly single quotes become straight",
        params=["quotes", "single_quotes"])
APOSTROPHE = declare("normalise.apostrophe", stage="normalise",
        why="a backtick or acute accent between letters is an apostrophe",
        params=["apostrophe_between_letters"])
WHITESPACE_COLLAPSE = declare("normalise.whitespace.collapse", stage="normalise",
        why="runs of white space inside a line read as one space")
WHITESPACE_TRIM = declare("normalise.whitespace.trim", stage="normalise",
        why="white space at the ends of a line is layout")
LINE = declare("normalise.line", stage="normalise",
        why="one kept line of a block in the clean text", params=["line_separator"])
PARAGRAPH = declare("normalise.paragraph", stage="normalise",
        why="one paragraph of the clean text (blocks joined by the separator)",
        params=["paragraph_separator"])

NAME = "normalise"
REQUIRES = ("extract", "strip")
RECORDS_READ = {"extract": ("blocks",), "strip": ("decisions", "inline_removals")}
LIBRARIES = ("ftfy",)

CONFIG_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "ftfy": {
            "type": "object",
            "description": "Options of ftfy.TextFixerConfig (uncurl_quotes is always off: quotes have their own policy).",
        },
        "quotes": {"enum": ["keep", "straight", "curly_to_straight_double_only"]},
        "double_quotes": {"type": "string"},
        "single_quotes": {"type": "string"},
        "apostrophe_between_letters": {"type": "string"},
        "invisible": {"type": "string"},
        "paragraph_separator": {"type": "string"},
        "line_separator": {"type": "string"},
    },
}

# Only white space that changes: a run of two or more, or one character other than a space
# (a single space is already normal; matching it would cost a Python call per word).
# Text ftfy leaves as it is: printable ASCII without '&' (HTML entities), tabs and newlines.
# (Its fixes need non-ASCII, an entity, a control character or a carriage return.)
FTFY_CANNOT_CHANGE = re.compile(r"[\t\n\x20-\x25\x27-\x7e]*\Z")
_SPACE = re.compile(r"\s{2,}|[^\S ]")


def _ftfy_config(opts: dict[str, Any]) -> Any:
    import ftfy

    merged = {**opts, "uncurl_quotes": False, "explain": True}
    return ftfy.TextFixerConfig(**merged)


def normalise_block(mapped: MappedText, cfg: dict[str, Any], ftfy_cfg: Any) -> tuple[MappedText, list[Edit], list[Any]]:
    """Normalise one block's text; returns the new text, the edits made and ftfy's explanation."""
    import ftfy

    edits: list[tuple[MappedText, Edit]] = []
    steps: list[Any] = []
    if FTFY_CANNOT_CHANGE.match(mapped.text):  # plain ASCII prose: skip ftfy's dozen passes
        fixed, explanation = mapped.text, None
    else:
        fixed, explanation = ftfy.fix_and_explain(mapped.text, config=ftfy_cfg)
    if fixed != mapped.text:
        step = diff_edits(mapped.text, fixed, FTFY)
        edits += [(mapped, e) for e in step]
        mapped = mapped.apply_edits(step)
        steps = [list(s) for s in (explanation or [])]

    def apply(pattern: re.Pattern[str], repl: Any, rule: str) -> None:
        nonlocal mapped
        step = []
        for m in pattern.finditer(mapped.text):
            new = repl(m) if callable(repl) else repl
            if new != m.group(0):
                step.append(Edit(m.start(), m.end(), new, rule))
        if step:
            edits.extend((mapped, e) for e in step)
            mapped = mapped.apply_edits(step)

    policy = cfg["quotes"]
    any_char, char_rules = _char_rules(
        cfg["invisible"],
        cfg["double_quotes"] if policy != "keep" else "",
        cfg["single_quotes"] if policy == "straight" else "",
        cfg["apostrophe_between_letters"],
    )
    # Most blocks have none of these characters; the edits only ever remove them or put ASCII
    # in their place, so one search tells that no rule below can match.
    if any_char is not None and any_char.search(mapped.text):
        for pattern, repl, rule in char_rules:
            apply(pattern, repl, rule)
    text = mapped.text
    lead = len(text) - len(text.lstrip())
    trail = len(text.rstrip())
    if lead or trail < len(text):
        step = [e for e in (Edit(0, lead, "", WHITESPACE_TRIM),
                            Edit(max(trail, lead), len(text), "", WHITESPACE_TRIM)) if e.end > e.start]
        edits.extend((mapped, e) for e in step)
        mapped = mapped.apply_edits(step)
    apply(_SPACE, " ", WHITESPACE_COLLAPSE)
    return mapped, [_edit_record(m, e) for m, e in edits], steps


@lru_cache(maxsize=16)
def _char_rules(invisible: str, double: str, single: str, between: str
                ) -> tuple[re.Pattern[str] | None, tuple[tuple[re.Pattern[str], str, str], ...]]:
    """The character rules, compiled once: (a search for any of their characters, the rules in order)."""
    rules = []
    if invisible:
        rules.append((re.compile(f"[{re.escape(invisible)}]+"), "", INVISIBLE))
    if double:
        rules.append((re.compile(f"[{re.escape(double)}]"), '"', QUOTES_DOUBLE))
    if single:
        rules.append((re.compile(f"[{re.escape(single)}]"), "'", QUOTES_SINGLE))
    if between:
        rules.append((re.compile(f"(?<=\\w)[{re.escape(between)}](?=\\w)"), "'", APOSTROPHE))
    chars = invisible + double + single + between
    return (re.compile(f"[{re.escape(chars)}]") if chars else None), tuple(rules)


def _edit_record(mapped: MappedText, e: Edit) -> dict[str, Any]:
    r0, r1 = mapped.to_raw(e.start, e.end) if e.end > e.start else (mapped.raw_pos(e.start),) * 2
    return {"raw_start": r0, "raw_end": r1, "before": mapped.text[e.start:e.end], "after": e.new, "rule": e.rule}


def run(ctx: Any, cfg: dict[str, Any]) -> dict[str, Any]:
    ext = ctx.outputs["extract"]
    strip = ctx.outputs["strip"]
    ftfy_cfg = _ftfy_config(cfg["ftfy"])
    labels = {d["block"]: d for d in strip["decisions"]}
    removals: dict[str, list[dict[str, Any]]] = {}
    for r in strip["inline_removals"]:
        removals.setdefault(r["block"], []).append(r)

    para_sep = cfg["paragraph_separator"]
    line_sep = cfg["line_separator"]
    pieces: list[MappedText] = []
    seps: list[str] = []
    placed: list[tuple[dict[str, Any], int]] = []  # (block, index into pieces)
    all_edits: list[dict[str, Any]] = []
    ftfy_log: list[dict[str, Any]] = []
    prev_para = None
    for b in ext["blocks"]:
        if labels.get(b["id"], {}).get("label") != "content":
            continue
        mapped = MappedText.from_json(b["text"], b["map"])
        if b["id"] in removals:
            mapped = mapped.delete((r["start"], r["end"]) for r in removals[b["id"]])
        mapped, edits, steps = normalise_block(mapped, cfg, ftfy_cfg)
        all_edits.extend(edits)
        if steps:
            ftfy_log.append({"block": b["id"], "raw_start": b["raw_start"], "raw_end": b["raw_end"], "steps": steps})
        if not mapped.text:
            continue
        if pieces:
            seps.append(line_sep if b["para"] == prev_para else para_sep)
        prev_para = b["para"]
        placed.append((b, len(pieces)))
        pieces.append(mapped)

    text = MappedText.join(pieces, seps)
    # block and paragraph positions in the joined text
    offsets = []
    pos = 0
    for i, p in enumerate(pieces):
        if i:
            pos += len(seps[i - 1])
        offsets.append(pos)
        pos += len(p.text)
    lines = []
    paragraphs: list[dict[str, Any]] = []
    for (b, i), start in zip(placed, offsets):
        end = start + len(pieces[i].text)
        r0, r1 = text.to_raw(start, end)
        lines.append({"block": b["id"], "start": start, "end": end, "raw_start": r0, "raw_end": r1, "rule": LINE})
        if paragraphs and i and seps[i - 1] == line_sep:
            para = paragraphs[-1]
            para["end"] = end
            para["raw_end"] = r1
            para["blocks"].append(b["id"])
        else:
            paragraphs.append({"id": f"p{len(paragraphs) + 1}", "start": start, "end": end, "raw_start": r0,
                               "raw_end": r1, "kind": b["kind"], "blocks": [b["id"]], "rule": PARAGRAPH})
    all_edits.sort(key=lambda e: (e["raw_start"], e["raw_end"]))
    return {
        "text": text.text,
        "map": text.to_json(),
        "paragraphs": paragraphs,
        "lines": lines,
        "edits": all_edits,
        "ftfy": ftfy_log,
        "quote_policy": cfg["quotes"],
    }


def clean_text(output: dict[str, Any]) -> MappedText:
    """The normalised clean text of a normalise output, with its map to raw."""
    return MappedText.from_json(output["text"], output["map"])
