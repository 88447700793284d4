"""Press releases: text an organisation issues to be reproduced, by its own markers.

Why: a press release is written to be republished ("FOR IMMEDIATE RELEASE" over it, "Media contact" and
"###" under it, the news-release conventions of PR practice); a page that carries one reproduces what
its issuer meant to be reproduced, so it is no passage to summarise, whatever shape (a headline, a
dateline "CITY, DATE —", several paragraphs) made a rule propose it. Read by the release's own marker
lines next to the passage, never by the issuer's name; recorded in ``document_signals.press_releases``.
"""

from __future__ import annotations

from typing import Any

from .text import Para, any_match


def drop_press_releases(cands: list[Any], paras: list[Para], cfg: dict[str, Any]) -> tuple[list[Any], list[dict[str, Any]]]:
    """The candidates that are no press release, and one record per press release found (its marker lines)."""
    rcfg = cfg["press_release"]
    keep, found = [], []
    for c in cands:
        first = next((k for k, p in enumerate(paras) if p.end > c.start), len(paras))
        last = max([k for k, p in enumerate(paras) if p.start < c.end] or [first])
        before = paras[max(0, first - rcfg["before_paragraphs"]):first + 1]
        after = paras[last + 1:last + 1 + rcfg["after_paragraphs"]]
        strong = [p for p in before if p.lines and any_match(rcfg["opening_patterns"], p.lines[0])] + \
                 [p for p in after if p.lines and any_match(rcfg["closing_patterns"], p.lines[0])]
        if not strong:
            keep.append(c)
            continue
        weak = [p for p in after if p.lines and any_match(rcfg["weak_patterns"], p.lines[0])]
        found.append({"rule": rcfg["id"], "start": c.start, "end": c.end, "proposed_by": c.rule,
                      "markers": [{"text": p.text[:80], "start": p.start, "end": p.end}
                                  for p in sorted(strong + weak, key=lambda p: p.start)]})
    return keep, found
