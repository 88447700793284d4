"""Testimonials and epigraphs: the name on the line after a quotation."""

from __future__ import annotations

import re
from typing import Any

from .registry import register


class TestimonialForm:
    @register('quotes.speaker.testimonial_name', 'a name line right after a quotation paragraph signs it')
    def testimonial_name(self, u: Any, s: Any) -> dict[str, Any] | None:
        """A testimonial: a paragraph that is one quotation, then a line that is only a person's
        name (tagged PERSON, or name-shaped with a job-title line after it)."""
        from ...quoting.textual import wholly_quoted

        if wholly_quoted(u, [s]) is None or u.index + 1 >= len(self.units):
            return None
        nu = self.units[u.index + 1]
        name = nu.bare
        if not re.fullmatch(r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}", name):
            return None
        doc, base = self.unit_doc(nu)
        person = any(e.label_ == "PERSON" and base + e.start_char <= nu.start and base + e.end_char >= nu.end
                     for e in doc.ents) or name.lower() in self.finder.persons
        if not person and nu.index + 1 < len(self.units):
            title = self.units[nu.index + 1].bare.lower()
            person = "," in title and any(re.search(r"\b" + re.escape(t) + r"\b", title) for t in self.finder.titles)
        if not person:
            return None
        return self.span_rec(nu.start, nu.end, name=name, type="person", rule="quotes.speaker.testimonial_name")
