"""Stage 6, publish: the clean text with flagged passages replaced by placeholders.

The rendering is what a user may publish from: every passage the copyright stage flagged
is replaced by a short bracketed placeholder naming what it was (kind, who, outlet, date,
length) and saying it must be summarised; it refers to the passage by its raw position
only, never by its text. Unflagged quotations stay, with their attribution, as in the
clean text. Optionally each placeholder lists the passage's facts for the editor (names,
dates, figures), without its sentences.
"""

from __future__ import annotations

from typing import Any

from .copyright_text import find_dates, rx

NAME = "publish"
REQUIRES = ("normalise", "quotes", "copyright")
LIBRARIES: tuple[str, ...] = ()
TEXT_SUFFIX = ".md"
CODE_DEPS = ("stages/copyright_text.py",)

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
                "stopwords": {"type": "array", "items": {"type": "string"}},
                "months": {"type": "object"},
            },
        },
    },
}


def run(ctx: Any, cfg: dict[str, Any]) -> dict[str, Any]:
    text = ctx.outputs["normalise"]["text"]
    flags = sorted(ctx.outputs["copyright"].get("flags", []), key=lambda f: (f["start"], f["end"]))
    parts: list[str] = []
    placeholders: list[dict[str, Any]] = []
    pos = 0
    length = 0
    for f in flags:
        if f["start"] < pos:   # flags do not overlap after merging; be safe with hand-made inputs
            continue
        parts.append(text[pos:f["start"]])
        length += f["start"] - pos
        ph = placeholder(f, cfg["placeholder"])
        facts = extract_facts(text[f["start"]:f["end"]], cfg["facts"]) if cfg["facts"].get("enabled") else {}
        shown = ph + _facts_line(facts)
        placeholders.append({"flag": f["id"], "start": length, "end": length + len(shown),
                             "raw_start": f["raw_start"], "raw_end": f["raw_end"], "text": shown,
                             "facts": facts})
        parts.append(shown)
        length += len(shown)
        pos = f["end"]
    parts.append(text[pos:])
    markdown = "".join(parts)
    if markdown and not markdown.endswith("\n"):
        markdown += "\n"
    return {"markdown": markdown, "placeholders": placeholders}


def render(payload: dict[str, Any]) -> str:
    return payload["markdown"]


def placeholder(flag: dict[str, Any], template: str) -> str:
    """The bracketed note that stands for a flagged passage: what, who, outlet, date, length, where."""
    kind = flag.get("kind") or "passage"
    details = [f"by {flag['who']}"] if flag.get("who") else []
    details += [x for x in (flag.get("outlet"), flag.get("date_text") or flag.get("date")) if x]
    return template.format(Kind=kind[0].upper() + kind[1:], kind=kind,
                           details=(" (" + ", ".join(details) + ")") if details else "",
                           words=flag.get("words", "?"), raw_start=flag["raw_start"], raw_end=flag["raw_end"],
                           flag=flag["id"])


def extract_facts(passage: str, cfg: dict[str, Any]) -> dict[str, list[str]]:
    """Names, dates and figures the passage mentions, as a list: the editor's material, not its wording."""
    months = {k.lower(): v for k, v in cfg.get("months", {}).items()}
    limit = cfg.get("max_items", 12)
    stop = {w.lower() for w in cfg.get("stopwords", [])}
    dates = [t for _, _, _, t in find_dates(passage, months)] if months else []
    names: list[str] = []
    for m in rx(cfg["name_pattern"]).finditer(passage):
        name = m.group(0).strip()
        name = name[:-2] if name.endswith(("'s", "’s")) else name
        words = name.split()
        while words and words[0].lower() in stop:
            words = words[1:]
        name = " ".join(words)
        if not name or name.lower() in stop or name.lower() in months:
            continue
        if len(words) == 1 and _sentence_initial(passage, m.start() + m.group(0).find(words[0])):
            continue
        if name not in names:
            names.append(name)
    taken = " ".join(dates)
    figures = []
    for m in rx(cfg["figure_pattern"]).finditer(passage):
        fig = m.group(0).strip()
        if fig and fig not in taken and fig not in figures:
            figures.append(fig)
    return {"names": names[:limit], "dates": dates[:limit], "figures": figures[:limit]}


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \"'“‘([")
    return not before or before[-1] in ".!?:\n…"


def _facts_line(facts: dict[str, list[str]]) -> str:
    bits = [f"{label}: {'; '.join(facts[key])}" for key, label in
            (("names", "names"), ("dates", "dates"), ("figures", "figures")) if facts.get(key)]
    return ("\n\n[Facts for the editor (to write the summary): " + " | ".join(bits) + ".]") if bits else ""

