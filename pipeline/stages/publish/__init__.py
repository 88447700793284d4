"""Stage 6, publish: the clean text with flagged passages replaced by placeholders.

The rendering is what a user may publish from: every passage the copyright stage flagged
is replaced by a short bracketed placeholder naming what it was (kind, who, outlet, date,
length) and saying it must be summarised; it refers to the passage by its raw position
only, never by its text. Unflagged quotations stay, with their attribution, as in the
clean text. Optionally each placeholder lists the passage's facts for the editor (names,
dates, figures) and the short quotations from it that may be kept, each with its raw offsets.

Every character taken from the page is escaped for Markdown and HTML (``escape_markdown``), so
a page whose text holds ``<script>`` or ``[link](javascript:...)`` renders as that text, never as
an element: the rendering carries no markup the page supplied.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

from ...text.dates import find_all as find_dates
from ...text.words import count as count_words
from ..copyright.text import rx

NAME = "publish"
REQUIRES = ("normalise", "quotes", "copyright")
RECORDS_READ = {"normalise": (), "quotes": ("quotations",), "copyright": ("flags",)}
LIBRARIES: tuple[str, ...] = ()
TEXT_SUFFIX = ".md"
CODE_DEPS = ("stages/copyright/text.py",)

CONFIG_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["placeholder", "facts"],
    "properties": {
        "placeholder": {"type": "string"},
        "facts": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "enabled": {"type": "boolean"},
                "max_items": {"type": "integer", "minimum": 1},
                "name_pattern": {"type": "string"},
                "figure_pattern": {"type": "string"},
                "max_quote_words": {"type": "integer", "minimum": 1},
                "months": {"type": "object"},
            },
        },
    },
}


def run(ctx: Any, cfg: dict[str, Any]) -> dict[str, Any]:
    text = ctx.outputs["normalise"]["text"]
    flags = sorted(ctx.outputs["copyright"].get("flags", []), key=lambda f: (f["start"], f["end"]))
    quotes = ctx.outputs.get("quotes", {}).get("quotations", [])
    rights = ctx.outputs["copyright"].get("document_signals", {}).get("rights", {})
    snippet_cap = rights.get("max_snippet_chars")
    parts: list[str] = []
    placeholders: list[dict[str, Any]] = []
    pos = 0
    length = 0
    ordered: tuple[list[dict[str, Any]], list[int]] | None = None
    for f in flags:
        if f["start"] < pos:   # flags do not overlap after merging; be safe with hand-made inputs
            continue
        piece = escape_markdown(text[pos:f["start"]])
        parts.append(piece)
        length += len(piece)
        if f.get("action") == "reproduce with attribution":   # an open licence: the passage stays, credited
            shown = escape_markdown(text[f["start"]:f["end"]]) + "\n\n" + escape_markdown(f.get("attribution") or "")
            placeholders.append({"flag": f["id"], "start": length, "end": length + len(shown),
                                 "raw_start": f["raw_start"], "raw_end": f["raw_end"], "text": "", "facts": {},
                                 "action": f["action"]})
            parts.append(shown)
            length += len(shown)
            pos = f["end"]
            continue
        ph = placeholder(f, cfg["placeholder"])
        facts: dict[str, Any] = {}
        if cfg["facts"]["enabled"]:
            facts = extract_facts(text[f["start"]:f["end"]], cfg["facts"])
            ordered = ordered or by_position(quotes)
            facts["quotations"] = kept_quotations(f, quotes, cfg["facts"]["max_quote_words"], snippet_cap, ordered)
        shown = ph + _facts_line(facts)
        placeholders.append({"flag": f["id"], "start": length, "end": length + len(shown),
                             "raw_start": f["raw_start"], "raw_end": f["raw_end"], "text": shown,
                             "facts": facts, "action": "summarise"})
        parts.append(shown)
        length += len(shown)
        pos = f["end"]
    parts.append(escape_markdown(text[pos:]))
    markdown = "".join(parts)
    if markdown and not markdown.endswith("\n"):
        markdown += "\n"
    return {"markdown": markdown, "placeholders": placeholders}


def render(payload: dict[str, Any]) -> str:
    return payload["markdown"]


_MD_ANYWHERE = re.compile(r"([\\`*_\[\]<>&])")
_MD_LINE_START = re.compile(r"(?m)^([ \t]*)([#>+=|~-]|\d{1,9}(?=[.)]))")


def escape_markdown(text: str, inline: bool = False) -> str:
    """Page text made inert for CommonMark and HTML: every character that could open markup is escaped.

    Backslash escapes (valid for any ASCII punctuation in CommonMark) for emphasis, code, links,
    raw HTML and entities anywhere; headings, block quotes, lists and tables at a line start.
    """
    text = _MD_ANYWHERE.sub(r"\\\1", text)
    if inline:   # a fragment inside our own line: no line starts of its own (line breaks become spaces)
        return " ".join(text.split())
    return _MD_LINE_START.sub(lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit()
                                                       else "\\" + m.group(2)), text)


def by_position(quotes: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[int]]:
    """Quotations in text order and their starts: sorted once per document, searched per flag."""
    ordered = sorted(quotes, key=lambda q: (q["start"], q["id"]))
    return ordered, [q["start"] for q in ordered]


def kept_quotations(flag: dict[str, Any], quotes: list[dict[str, Any]], max_words: int,
                    max_chars: int | None, ordered: tuple[list[dict[str, Any]], list[int]] | None = None
                    ) -> list[dict[str, Any]]:
    """Short quotations inside the passage that a summary may quote, each with its raw offsets.

    ``max_chars`` is the page's ``max-snippet`` (robots), when it sets one: no kept quotation is longer.
    ``ordered`` is ``by_position(quotes)`` when the caller asks for many flags of one document.
    """
    qs, starts = ordered if ordered is not None else by_position(quotes)
    out = []
    for i in range(bisect_left(starts, flag["start"]), bisect_right(starts, flag["end"])):
        q = qs[i]
        if q.get("parent") or q["end"] > flag["end"]:
            continue
        t = q.get("text") or ""
        if count_words(t) > max_words or (max_chars is not None and len(t) > max_chars):
            continue
        out.append({"id": q["id"], "text": t, "raw_start": q["raw_start"], "raw_end": q["raw_end"]})
    return out


def placeholder(flag: dict[str, Any], template: str) -> str:
    """The bracketed note that stands for a flagged passage: what, who, outlet, date, length, where."""
    kind = flag.get("kind") or "passage"
    details = [f"by {escape_markdown(flag['who'], inline=True)}"] if flag.get("who") else []
    details += [escape_markdown(x, inline=True)
                for x in (flag.get("outlet"), flag.get("date_text") or flag.get("date")) if x]
    return template.format(Kind=kind[0].upper() + kind[1:], kind=kind,
                           details=(" (" + ", ".join(details) + ")") if details else "",
                           words=flag.get("words", "?"), raw_start=flag["raw_start"], raw_end=flag["raw_end"],
                           flag=flag["id"])


def extract_facts(passage: str, cfg: dict[str, Any]) -> dict[str, list[str]]:
    """Names, dates and figures the passage mentions, as a list: the editor's material, not its wording."""
    months = {k.lower(): v for k, v in cfg["months"].items()}
    limit = cfg["max_items"]
    dates = [t for _, _, _, t in find_dates(passage, months)]
    names: list[str] = []
    seen: set[str] = set()
    for m in rx(cfg["name_pattern"]).finditer(passage):
        name = m.group(0).strip()
        name = name[:-2] if name.endswith(("'s", "’s")) else name
        words = name.split()
        if _sentence_initial(passage, m.start()):
            words = words[1:] if len(words) > 2 else words   # "The Daily Example" opening a sentence
            if len(words) == 1:
                continue        # a capitalised word opening a sentence is not a name by itself
        name = " ".join(words)
        if not name or name.lower() in months:
            continue
        if name not in seen:
            seen.add(name)
            names.append(name)
    taken = " ".join(dates)
    figures: list[str] = []
    seen = set()
    for m in rx(cfg["figure_pattern"]).finditer(passage):
        fig = m.group(0).strip()
        if fig and fig not in taken and fig not in seen:
            seen.add(fig)
            figures.append(fig)
    return {"names": names[:limit], "dates": dates[:limit], "figures": figures[:limit]}


def _sentence_initial(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence: looked back over the marks before it, never copying the
    text before it (a copy per name made a 30 MB passage's facts quadratic)."""
    i = pos
    while i > 0 and text[i - 1] in " \"'“‘([":
        i -= 1
    return i == 0 or text[i - 1] in ".!?:\n…"


def _facts_line(facts: dict[str, Any]) -> str:
    bits = [f"{label}: {'; '.join(escape_markdown(x, inline=True) for x in facts[key])}" for key, label in
            (("names", "names"), ("dates", "dates"), ("figures", "figures")) if facts.get(key)]
    bits += [f"quotation that may be kept (raw {q['raw_start']}-{q['raw_end']}): "
             f"\u201c{escape_markdown(q['text'], inline=True)}\u201d" for q in facts.get("quotations", [])]
    return ("\n\n[Facts for the editor (to write the summary): " + " | ".join(bits) + ".]") if bits else ""

