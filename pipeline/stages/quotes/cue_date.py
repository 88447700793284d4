"""The date of a quotation from its cue clause: the words were said or written when the clause that
reports them says ("said in a letter dated May 28, 1998, that ...", "told parliament on March 11,
2025:", "In a statement released March 4, 2025, X called ..."). GOLD_FORMAT gives a quotation one
`date`, the date of the quoted words, so only a date the reporting clause itself carries counts:
never one inside the reported clause ("said the line would reopen on June 1, 2026"), a relative
clause, the subject's own phrase ("X, appointed on May 2, 2020, said") or the quoted words. A date
without its year ("In a May 30 editorial") takes the year of the document's own date line ("Date:
June 5, 1998"), the latest such day not after it, and only when the document has one such date.
A weekday ("said on Tuesday", "told staff Tuesday") or a relative day ("told me yesterday") in a past-tense
reporting clause is a day of the document's own date (`quotes.date.relative_day`): the latest such
weekday on or before it, or the day the offset gives; the document's date is that of its one date line
or dated byline ("Posted on March 12, 2025 by ...") above its first quotation. A year or month alone ("in
a 2019 interview") is no date: GOLD_FORMAT's dates are whole days."""

from __future__ import annotations

import datetime as dt
import re

from typing import Any

from ...rules import declare
from ...text.dates import first as first_date, month_day
from .registry import register

DATE_CUE = declare("quotes.date.cue_date", stage="quotes",
        why="the date the reporting clause gives its utterance ('said in a letter dated May 28, 1998', "
            "'told parliament on March 11, 2025:') is the quotation's date; a date in the reported clause, "
            "a relative clause, the subject's phrase or the quoted words is not",
        params=["months", "year_pivot"])
DATE_LEAD = declare("quotes.date.lead_sentence", stage="quotes",
        why="'In a memo dated March 4, 2025, X told the council ... \"...,\" he wrote': the dated clause of the "
            "sentence right before, whose subject is the quotation's speaker and which quotes nothing, dates it",
        params=["months", "year_pivot"])
DATE_RELATIVE = declare("quotes.date.relative_day", stage="quotes",
        why="a weekday or 'yesterday' in a past-tense reporting clause ('the union said on Sunday') names a day "
            "the page's own date fixes: the latest such weekday on or before it",
        params=["weekdays", "relative_days", "page_date_pattern"])

# children of the cue verb whose words are not the reporting clause's own: what was reported, a
# relative or coordinated clause, the subject's phrase, the next sentence glued on
_NOT_CLAUSE = ("ccomp", "csubj", "xcomp", "relcl", "parataxis", "conj", "nsubj", "nsubjpass", "dobj")


class CueDateResolver:
    @register(DATE_CUE, order=96, kind="resolver")
    def cue_dates(self) -> None:
        doc_date = self.document_date()
        for d in self.drafts:
            if d.cue is None or d.cue.get("start") is None or d.source is not None and d.source.get("date"):
                continue
            found = self.clause_date(d.para, d.cue["start"], doc_date)
            if found is None:
                found = self.lead_date(d, doc_date)
            if found is None:
                continue
            iso, a, b, rule = found
            if d.source is None:
                d.source = {"outlet": None, "author": None, "date": iso, "date_text": self.clean[a:b],
                            "attribution": None, **dict(zip(("raw_start", "raw_end"), self.raw(a, b)))}
            else:
                d.source = {**d.source, "date": iso, "date_text": self.clean[a:b]}
            d.rules.append(rule)

    def document_date(self) -> tuple[int, int, int] | None:
        """The one date of the document's date lines ("Date: June 5, 1998", "Published: 12 November
        2025") and of the dated bylines above its first quotation (a one-line paragraph matching
        `page_date_pattern`, "Posted on March 12, 2025 by ..."), as (year, month, day); None when there
        is none or more than one."""
        isos = {u.tags["date_only"].iso for u in self.units if u.tags.get("date_only") is not None
                and u.tags["date_only"].iso}
        first_quote = min((d.start for d in self.drafts), default=len(self.clean))
        byline = re.compile(self.cfg["page_date_pattern"])
        for u in self.units:
            if u.end > first_quote:
                break
            if u.first_in_para and u.last_in_para and byline.search(u.bare):
                found = first_date(u.bare, self.months, self.cfg["year_pivot"])
                if found is not None and found.iso:
                    isos.add(found.iso)
        if len(isos) != 1:
            return None
        y, m, d = (int(x) for x in next(iter(isos)).split("-"))
        return y, m, d

    def clause_date(self, pi: int, cue_start: int, doc_date: tuple[int, int, int] | None) -> tuple[str, int, int, str] | None:
        """(ISO date, start, end, rule) of the first date in the cue verb's own clause (see the module)."""
        doc, base = self.docs[pi], self.paragraphs[pi]["start"]
        verb = next((t for t in doc if base + t.idx == cue_start), None)
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return None
        quoted = [(s.open, s.close) for s in self.spans_by_para.get(pi, []) if s.close is not None]
        inside = {t.i for t in doc if any(a <= base + t.idx <= b for a, b in quoted)}
        clause: set[int] = set()
        stack = [verb]
        while stack:
            t = stack.pop()
            if t.i in clause or t.i in inside:
                continue
            clause.add(t.i)
            stack.extend(c for c in t.children if c.dep_ not in _NOT_CLAUSE or t != verb and c.dep_ in ("dobj", "nsubj"))
        for run in _runs(sorted(clause)):
            a, b = doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]])
            text = doc.text[a:b]
            full = first_date(text, self.months, self.cfg["year_pivot"])
            if full is not None and full.iso:
                return full.iso, base + a + full.start, base + a + full.end, DATE_CUE
            part = month_day(text, self.months) if doc_date is not None else None
            if part is not None:
                s, e, mo, day = part
                y = doc_date[0] if (mo, day) <= doc_date[1:] else doc_date[0] - 1
                return f"{y:04d}-{mo:02d}-{day:02d}", base + a + s, base + a + e, DATE_CUE
        if doc_date is None or verb.tag_ != "VBD":
            return None
        return self.relative_day(doc, base, sorted(clause), dt.date(*doc_date))

    def lead_date(self, d: Any, doc_date: tuple[int, int, int] | None) -> tuple[str, int, int, str] | None:
        """The full date of the reporting clause of the sentence right before the quotation's cue
        sentence, when that sentence quotes nothing and its main verb's subject holds the speaker the
        quotation was given (a pronoun's antecedent there: "In a report dated March 2, 2026, the
        engineer, X, warned ... \"...,\" he wrote"). Only a written date: no weekday is carried over."""
        sp = d.speaker
        if sp is None or sp.get("start") is None or d.cue is None:
            return None
        doc, base = self.docs[d.para], self.paragraphs[d.para]["start"]
        cue = next((t for t in doc if base + t.idx == d.cue["start"]), None)
        if cue is None:
            return None
        sents = list(doc.sents)
        k = next((n for n, x in enumerate(sents) if x.start <= cue.i < x.end), 0)
        if k == 0:
            return None
        lead = sents[k - 1]
        a, b = base + lead.start_char, base + lead.end_char
        if '"' in self.clean[a:b] or any(a <= x.open < b for x in self.spans_by_para.get(d.para, [])):
            return None
        root = lead.root
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if root.pos_ != "VERB" or subj is None:
            return None
        lo = base + min(t.idx for t in subj.subtree)
        hi = base + max(t.idx + len(t) for t in subj.subtree)
        if not lo <= sp["start"] < hi:
            return None
        found = self.clause_date(d.para, base + root.idx, doc_date)
        return (*found[:3], DATE_LEAD) if found is not None and found[3] == DATE_CUE else None

    def relative_day(self, doc: Any, base: int, clause: list[int], page: dt.date) -> tuple[str, int, int, str] | None:
        """The day a weekday or relative-day word of the clause names, counted back from the page's date."""
        weekdays, offsets = self.cfg["weekdays"], self.cfg["relative_days"]
        for i in clause:
            t = doc[i]
            word = t.text.lower().rstrip(".")
            if t.dep_ not in ("pobj", "npadvmod", "nmod", "advmod", "obl", "compound") or any(
                    c.lower_ in ("next", "this", "every", "each") for c in t.children):
                continue
            if word in weekdays and t.text[:1].isupper():
                day = page - dt.timedelta(days=(page.weekday() - weekdays[word]) % 7)
            elif word in offsets:
                day = page + dt.timedelta(days=offsets[word])
            else:
                continue
            return day.isoformat(), base + t.idx, base + t.idx + len(t), DATE_RELATIVE
        return None


def _runs(idx: list[int]) -> list[list[int]]:
    """Consecutive token indices as runs (a date is never split by a token of another clause)."""
    out: list[list[int]] = []
    for i in idx:
        if out and out[-1][-1] + 1 == i:
            out[-1].append(i)
        else:
            out.append([i])
    return out
