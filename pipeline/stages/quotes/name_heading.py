"""Expert roundups: a name heading over each quoted answer.

"We asked 5 experts ..." pages set each answer as a paragraph that is one quotation under a short
heading paragraph naming who gives it: "1. Tamsin Achterberg, financial planner at Northgate Wealth",
"Rashid Okorie-Lund" over a role line, "Greta Mwangi-Holt (@gretasaves), blogger". The heading's
name signs the quotation below it, only in a run: two or more such heading and quotation pairs on
the page (one short line over a quotation is as often a section title as a name).
"""

from __future__ import annotations

import re
from typing import Any

from .registry import register
from ...rules import declare

SPEAKER_NAME_HEADING = declare("quotes.speaker.name_heading", stage="quotes",
        why="in a run of quoted answers each under a heading that names a person (expert roundups), the heading names the speaker")

_NUMBERED = re.compile(r"^\s*(?:\d{1,2}|[A-Z])[.)]\s+")            # "1. ", "2) "
_NAME_PART = re.compile(r"^[^,(|:;\n]{3,60}?(?=\s*(?:,|\(|$))")    # the name before ", role" or " (@handle)"


class NameHeadingForm:
    def heading_names(self) -> dict[int, dict[str, Any]]:
        """Quotation unit index -> the speaker record its heading paragraph gives; empty unless two or
        more such pairs stand on the page."""
        if "_heading_names" in self.__dict__:
            return self._heading_names
        from ...quoting.textual import wholly_quoted

        found: dict[int, dict[str, Any]] = {}
        for u in self.units:
            if not u.first_in_para or u.para == 0 or wholly_quoted(u, self.spans_by_para.get(u.para, [])) is None:
                continue
            if any(x.para == u.para and x.index != u.index for x in self.units[u.index + 1:u.index + 2]):
                continue   # the quotation paragraph is one line (a signature under it is testimonial_name's)
            head = [x for x in self.units[max(0, u.index - 3):u.index] if x.para == u.para - 1]
            if not head or not head[0].first_in_para or len(head) > 2 or any(
                    len(x.bare) > 80 or '"' in x.bare or x.bare.rstrip()[-1:] in (".", "!", "?", ":") for x in head):
                continue
            rec = self._heading_name(head[0])
            if rec is not None and not any(re.search(rf"\b{re.escape(w)}\b", u.text) for w in rec["name"].split()
                                           if w[:1].isupper() and len(w) > 2 and w.lower().rstrip(".") not in self.finder.honorifics):
                found[u.index] = rec   # (words naming the heading's person are about them: a tribute, not theirs)
        self._heading_names = found if len(found) >= 2 else {}
        return self._heading_names

    def _heading_name(self, h: Any) -> dict[str, Any] | None:
        """The person a heading line names: its words after any number and before ', role' or '(handle)'."""
        line = h.text
        lead = len(line) - len(line.lstrip())
        num = _NUMBERED.match(line[lead:])
        at = lead + (num.end() if num else 0)
        m = _NAME_PART.match(line[at:])
        if m is None:
            return None
        rec = self.signature(m.group(0).rstrip(), h.start + at, dashed_needed=False)
        if rec is None or rec.get("type") != "person":
            return None
        rec["rule"] = SPEAKER_NAME_HEADING
        return rec

    @register(SPEAKER_NAME_HEADING)
    def name_heading(self, u: Any) -> dict[str, Any] | None:
        """The speaker the heading over quotation paragraph u names, in a run of such headings."""
        rec = self.heading_names().get(u.index)
        return dict(rec) if rec is not None else None
