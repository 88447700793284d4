"""Machine-readable rights a page declares, read from its raw text with raw offsets.

Why: a publisher's own statement outranks any heuristic. The W3C TDM Reservation Protocol
(``tdm-reservation``, ``tdm-policy``), ``rel="license"`` links, schema.org ``license`` /
``copyrightHolder`` / ``isAccessibleForFree`` (JSON-LD or microdata), robots ``noarchive`` /
``nosnippet`` / ``max-snippet:N`` and ``data-nosnippet``, and Creative Commons links or statements
in the text are recorded as document signals, each with its raw span. A Creative Commons BY or
BY-SA licence, CC0 or a public-domain statement lets a flagged passage be reproduced with
attribution; ``max-snippet:N`` caps the length of any quotation the rendering keeps.
Patterns live in ``copyright.rights`` (config); this module only applies them. A signal's
``needles`` are words every match holds: a page without them is not scanned (a case-insensitive
pattern that starts with a letter costs a full scan of the raw page, and most pages hold none).
"""

from __future__ import annotations

from typing import Any

from .text import rx


def rights_signals(raw: str, is_html: bool, cfg: dict[str, Any]) -> dict[str, Any]:
    """Every rights signal found in the raw text (name, value, raw_start, raw_end), and what they imply."""
    rcfg = cfg["rights"]
    found: list[dict[str, Any]] = []
    lower = raw.lower()
    needles = rcfg["needles"]

    def may_match(name: str) -> bool:
        return all(n in lower for n in needles.get(name, ()))

    for name, pattern in sorted(rcfg["markup_patterns"].items()) if is_html else []:
        for m in rx(pattern).finditer(raw) if may_match(name) else ():
            found.append({"signal": name, "value": (m.groupdict().get("value") or m.group(0))[:200],
                          "raw_start": m.start(), "raw_end": m.end()})
    for name, pattern in sorted(rcfg["text_patterns"].items()):
        for m in rx(pattern).finditer(raw) if may_match(name) else ():
            found.append({"signal": name, "value": m.group(0)[:200], "raw_start": m.start(), "raw_end": m.end()})
    found.sort(key=lambda s: (s["raw_start"], s["signal"]))
    found = found[: rcfg["max_signals"]]
    caps = [int(s["value"]) for s in found if s["signal"] == "max_snippet" and s["value"].lstrip("-").isdigit()]
    caps = [c for c in caps if c >= 0]          # max-snippet:-1 means "no limit"
    nosnippet = any(s["signal"] in ("robots_nosnippet",) for s in found)
    licence = None
    for s in (s for s in found if s["signal"] in rcfg["page_licence_signals"]):
        for lname, lpat in rcfg["open_licences"].items():
            if rx(lpat).search(s["value"]):
                licence = licence or {"licence": lname, "raw_start": s["raw_start"], "raw_end": s["raw_end"],
                                      "signal": s["signal"]}
    return {"signals": found,
            "counts": {k: sum(1 for s in found if s["signal"] == k) for k in sorted({s["signal"] for s in found})},
            "max_snippet_chars": 0 if nosnippet else (min(caps) if caps else None),
            "open_licence": licence}


def apply_licence(flags: list[dict[str, Any]], rights: dict[str, Any], raw: str, cfg: dict[str, Any]) -> None:
    """A passage under an open licence is reproduced with attribution, not summarised.

    A licence stated inside the passage (or on its attribution line, or on the line right above it) covers it; the page's own
    licence covers only passages that name no other outlet: a page's CC licence does not
    relicense the newspaper article it reprinted.
    """
    rcfg = cfg["rights"]
    for f in flags:
        lic = None
        lo = min([f["raw_start"]] + [e["raw_start"] for e in f.get("evidence", [])]) - rcfg["statement_reach_before_chars"]
        hi = max([f["raw_end"]] + [e["raw_end"] for e in f.get("evidence", [])]) + rcfg["statement_reach_chars"]
        for s in rights["signals"]:
            if s["signal"] in rcfg["text_patterns"] and lo <= s["raw_start"] < hi:
                lic = next((n for n, p in rcfg["open_licences"].items() if rx(p).search(s["value"])), None) or lic
        if lic is None and rights.get("open_licence") and not f.get("outlet"):
            lic = rights["open_licence"]["licence"]
        if lic is None:
            continue
        who = ", ".join(x for x in (f.get("who"), f.get("outlet"), f.get("date_text") or f.get("date")) if x)
        f["action"] = "reproduce with attribution"
        f["licence"] = lic
        f["attribution"] = rcfg["attribution_template"].format(who=who or "the page's author", licence=lic)
        f["reason"] = f["reason"].replace("summarise it instead of reproducing it",
                                          f"it is under {lic}: reproduce it with attribution")
