"""Attribution lines: the short line after an excerpt that names its outlet, date, byline and place
("(Daily Courier 02. 03.2019.)", "The Daily X, 3 March 1992 By A. Writer, City")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..text.dates import DateMatch, first as find_date
from ..text.words import count as words

YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d{2}|20\d{2})(?!\d)")
NAME_RE = r"[A-Z][\w'’.\-]*(?:\s+(?:(?:de|van|von|der|da|di|la|le|du|bin|al|el)\s+)?[A-Z][\w'’.\-]*){0,4}"


@dataclass
class AttributionLine:
    outlet: str | None
    author: str | None
    person: str | None
    person_type: str
    date: DateMatch | None
    place: str | None
    spans: dict[str, tuple[int, int]]   # field -> offsets in the line

    def to_record(self) -> dict[str, Any]:
        return {"outlet": self.outlet, "author": self.author, "person": self.person,
                "date": self.date.iso if self.date else None, "date_text": self.date.text if self.date else None,
                "place": self.place}


def _find(text: str, part: str | None) -> tuple[int, int] | None:
    if not part:
        return None
    i = text.find(part)
    return (i, i + len(part)) if i >= 0 else None


def parse_attribution_line(text: str, cfg: dict[str, Any], months: dict[str, int]) -> AttributionLine | None:
    """Parse a short line as an attribution line; None when it is not one."""
    t = text.strip()
    if not t or words(t) > cfg["attribution_max_words"] or words(t) < 2:
        return None
    date = find_date(t, months, cfg["year_pivot"])
    paren = t.startswith("(") and t.rstrip(".").endswith(")")
    if date is None and not (paren and YEAR_RE.search(t)):
        return None
    body = t[1:].rstrip(".").rstrip(")").strip() if paren else t
    off = t.find(body)
    # A sentence (a verb-like word after a subject, ending in a full stop) is not an attribution line.
    if re.search(r"\b(is|was|were|are|has|have|had|said|says)\b", body) and not paren:
        return None
    if _quotes_speech(t) and not (paren and re.match("(?:" + NAME_RE + r'),\s*"', body)):
        return None   # '(NAME, "TITLE", Publisher, 2003)': a citation's quoted title, whatever its case, is no speech
    titles = "|".join(re.escape(x) for x in cfg["titles"])
    outlet = author = person = place = None
    person_type = "person"
    m = re.search(r"\bquoted\s+(?:from|in|by)\s+(" + NAME_RE + r")", body)
    if m:
        outlet = _strip_date_words(m.group(1), months)
    # "By X", also a blog's "Written by X" / "Posted by X": the author, never an outlet named "Written by X"
    m_by = re.search(r"\b(?:(?:Posted|Written|Published)\s+by|By)\s+(" + NAME_RE + r")(?:\s*,\s*([^,]+(?:,\s*[^,]+)?))?", body)
    if m_by:
        author = m_by.group(1).strip()
        author = re.split(r"\s+(?:Reported|Photo|Photos|Staff)\b", author)[0]
        if m_by.group(2):
            place = re.split(r",", m_by.group(2))[0].strip() or None
    m_letter = re.match(r"(?:" + "|".join(cfg["document_words"]) + r")\s+(?:of|by|from)\s+(.+?)(?:\s+to\s+.*?)?(?:,|$)", body, re.IGNORECASE)
    if m_letter:
        person = m_letter.group(1).strip()
        person_type = "organisation"
    else:
        m_person = re.match(r"(" + NAME_RE + r"),\s*(?:(?:former|the|ex-?)\s+)*(?:" + titles + r")\b", body, re.IGNORECASE)
        if m_person and _looks_like_name(m_person.group(1)):
            person = m_person.group(1)
        elif paren:
            m_bk = re.match(r"(" + NAME_RE + r"),\s*\"([^\"]+)\"", body)
            if m_bk and _looks_like_name(m_bk.group(1)):
                person = m_bk.group(1)
                outlet = outlet or m_bk.group(2).strip()
    if outlet is None and person is None:
        head = body
        if date is not None:
            head = body[: max(0, date.start - off)] if date.start - off > 0 else ""
        if m_by:
            head = head[:m_by.start()]   # the words before the byline
        head = re.split(r"\s*[,(|·•]|\s+at\s+\d|\s+on\s+", head)[0].strip(" .-–—:")
        if head and not head.endswith(":") and not re.search(r":", head) and 1 <= words(head) <= 6 \
                and head[0].isupper() and not re.match(cfg["page_meta_pattern"], head):   # "Filed under Food": no outlet
            outlet = head
    if outlet is None and person is None and author is None:
        return None
    spans = {k: v for k, v in (("outlet", _find(t, outlet)), ("author", _find(t, author)),
                                ("person", _find(t, person))) if v}
    return AttributionLine(outlet, author, person, person_type, date, place, spans)


def _quotes_speech(t: str) -> bool:
    """'In a letter dated 2 October 2025, the chair wrote that the merger would "secure the future of
    both ports."': a line quoting words of speech (three or more words inside double marks, most of
    them lower case) is a sentence that quotes, not a source line (a title in marks is title case)."""
    for m in re.finditer(r'"([^"]+)"', t):
        ws = re.findall(r"[^\W\d_]+", m.group(1))
        if len(ws) >= 3 and 2 * sum(w[0].islower() for w in ws) > len(ws):
            return True
    return False


def _strip_date_words(name: str, months: dict[str, int]) -> str:
    parts = name.split()
    while parts and (parts[-1].lower().rstrip(".") in months or re.fullmatch(r"[\d.]+", parts[-1])):
        parts.pop()
    return " ".join(parts)


def _looks_like_name(s: str) -> bool:
    toks = s.split()
    return 1 <= len(toks) <= 5 and all(t[0].isupper() or t.islower() and len(t) <= 3 for t in toks)


def date_only_line(text: str, months: dict[str, int], pivot: int) -> DateMatch | None:
    """A line that is only a date, possibly labelled ("Published: March 5, 1992")."""
    d = find_date(text, months, pivot)
    if d is None:
        return None
    rest = (text[: d.start] + text[d.end:]).strip(" .,;:-–—()")
    rest = re.sub(r"^(published|posted|updated|dated?|date|on)\s*:?\s*", "", rest, flags=re.IGNORECASE)
    rest = re.sub(r"^(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s*", "", rest, flags=re.IGNORECASE)
    return d if not rest.strip(" .,;:-") else None
