"""Dates: finding and reading dates in text, with month names from the ``months`` lexicon
(``{name: month number}``, lower case: full names and abbreviations).

Three readers, one per need (they differ on purpose; each stage's outputs were set on its own):

- ``find_all``: every date of a text with its ISO form (copyright and publish): day-first dotted,
  month-first slashed dates too, and a date whose month or day is out of range kept with no ISO.
- ``first``: the first valid full date (quotes' attribution and date lines): ISO, dotted and
  month-name forms only, two-digit years read with a configurable pivot.
- ``mention_regex``: a looser *detector* (strip's keep rules): also a month and a year without a
  day ("March 1997"), and numeric dates with spaces around the separators; no reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from .derived import derived


def month_alternation(names: Iterable[str]) -> str:
    """The month names as one alternation, longest first (so "sept" is tried before "sep")."""
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def _month_group(months: dict[str, int]) -> str:
    """Built once per months table (a config lexicon), not on every call."""
    return derived(months, "month_group", lambda m: r"(?P<mon>" + month_alternation(m) + r")\.?")


@lru_cache(maxsize=256)
def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def find_all(text: str, months: dict[str, int]) -> list[tuple[int, int, str | None, str]]:
    """Dates in ``text``: (start, end, ISO date or None, text). Dotted numeric dates are day first,
    slashed ones month first (a slashed date with a first number over 12 is read day first)."""
    mon = _month_group(months)
    pats = [
        rf"\b{mon}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b",
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{mon},?\s+(?P<y>\d{{4}})\b",
        r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b",
        r"(?<![\d.])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4}|\d{2})(?![\d])",
        r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})(?![\d/])",   # slashed: month first (US)
        r"(?<![\d/])(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/])",   # year first: 2015/03/14
    ]
    out: list[tuple[int, int, str | None, str]] = []
    taken: list[tuple[int, int]] = []
    for pat in pats:
        for m in _rx("(?i)" + pat).finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            gd = m.groupdict()
            month = months.get(gd["mon"].lower()) if gd.get("mon") else int(gd["m"])
            year = int(gd["y"])
            if year < 100:
                year += 1900 if year >= 30 else 2000
            day = int(gd["d"])
            if "/" in m.group(0) and month and month > 12 and day <= 12:
                month, day = day, month
            iso = f"{year:04d}-{month:02d}-{day:02d}" if month and 1 <= month <= 12 and 1 <= day <= 31 else None
            out.append((m.start(), m.end(), iso, m.group(0)))
            taken.append((m.start(), m.end()))
    return sorted(out)


def parse(text: str, months: dict[str, int]) -> tuple[str | None, str] | None:
    """The first date ``find_all`` finds: (ISO or None, its text)."""
    found = find_all(text, months)
    return (found[0][2], found[0][3]) if found else None


@dataclass
class DateMatch:
    iso: str | None
    text: str
    start: int
    end: int


def first(text: str, months: dict[str, int], pivot: int = 30) -> DateMatch | None:
    """The first full date in text, as ISO. Dotted and numeric dates are day-first."""
    mon = _month_group(months)
    pats = [
        (r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)", None),
        (r"(?<![\d.])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4}|\d{2})(?![\d])", None),
        (r"(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + mon + r",?\s+(?P<y>\d{4})(?!\d)", "mon"),
        (mon + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?!\d)", "mon"),
    ]
    best: DateMatch | None = None
    for pat, kind in pats:
        for m in re.finditer(pat, text, flags=re.IGNORECASE):
            if best is not None and m.start() >= best.start:
                break
            y = int(m.group("y"))
            if y < 100:
                y += 2000 if y < pivot else 1900
            mo = months.get(m.group("mon").lower().rstrip(".")) if kind else int(m.group("m"))
            d = int(m.group("d"))
            if not mo or not (1 <= mo <= 12 and 1 <= d <= 31):
                continue
            best = DateMatch(f"{y:04d}-{mo:02d}-{d:02d}", m.group(0), m.start(), m.end())
            break
    return best


def month_day(text: str, months: dict[str, int]) -> tuple[int, int, int, int] | None:
    """The first month-name date without a year ("May 30", "30 May", "March 4th"): (start, end,
    month, day); a date with its year is ``first``'s, so a year right after the day rules it out; the
    month is capitalised ("may 3" is no date)."""
    mon = _month_group(months)
    pats = [r"(?<![\d,])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + mon + r"(?!,?\s+\d{4})(?!\w)",
            r"\b" + mon + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?!\d)(?!,?\s+\d{4})(?!\w)"]
    best: tuple[int, int, int, int] | None = None
    for pat in pats:
        for m in re.finditer(pat, text, flags=re.IGNORECASE):
            mo, d = months.get(m.group("mon").lower().rstrip(".")), int(m.group("d"))
            if mo and 1 <= d <= 31 and m.group("mon")[:1].isupper():
                if best is None or m.start() < best[0]:
                    best = (m.start(), m.end(), mo, d)
                break
    return best


_NUM_DATE = r"\b\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*(?:\d{4}|\d{2})\b"


@lru_cache(maxsize=8)
def mention_regex(months: tuple[str, ...]) -> re.Pattern[str]:
    """A date mentioned in a line (detection only): numeric, or a month with a year."""
    names = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    return re.compile(rf"{_NUM_DATE}|\b(?:\d{{1,2}}\s+)?(?:{names})\.?\s+(?:\d{{1,2}},?\s+)?\d{{4}}\b", re.I)


def names_a_date(name: str, months: dict[str, int]) -> bool:
    """Whether a would-be name is a date or a bare number ("August 6", "6 August", "2025", "3 pm"): a
    number alone or before a month or a time of day, or a month name (lower-case ``months`` keys) before
    a number. A month name alone ("August", "May") may be a first name; a number before a noun counts
    people ("30 members of the council"); "3M" and "7-Eleven" are no numbers (a number is digits only)."""
    words = name.strip(" ,.;:'\"").split()
    if not words:
        return False
    low = [w.lower().rstrip(".,") for w in words]
    if re.fullmatch(r"\d+(?:[.,:/-]\d+)*(?:st|nd|rd|th|s)?", words[0]):
        return len(words) == 1 or low[1] in months or low[1] in ("am", "pm", "a.m", "p.m", "o'clock", "gmt", "utc")
    return len(words) >= 2 and low[0] in months and words[1][:1].isdigit()
