"""Testimonials, blurbs and epigraphs: the name that signs a quotation after it.

`"..." – Milton Glaser` (or `"..." (Film Weekly)`) on the quotation's own line, or a line of its own
after a quotation paragraph (`— Maria K.`, `Tom, Leeds`, `Jason Doan` over a job title, `8/10 –
PlayZone`, `(Source: Indie Beat)`, `— gamecrate.net`, `The Coastal Observer`: an outlet by its shape). A
signature is a person when the model tags it PERSON or its first word is a first name (the
general name list of quoting/gender.py); after a dash, a signature that is neither is the
publication the blurb is taken from: the source, and the speaker since no person is named.
"""

from __future__ import annotations

import re
from typing import Any

from .outlet import WEB_HOST, is_web_address
from .registry import register
from ...rules import declare

# the rules this module applies: declared once here, used through these constants
SPEAKER_SIGNATURE_OUTLET = declare("quotes.speaker.signature_outlet", stage="quotes",
        why="a dash signature that names no person but a publication makes the publication the speaker",
        params=["review_platforms", "organisation_words", "outlet_body_heads", "blurb_outlet_lead_words"])
SPEAKER_TESTIMONIAL_NAME = declare("quotes.speaker.testimonial_name", stage="quotes",
                                   why="a name line right after a quotation paragraph signs it",
                                   params=["person_nouns", "unnamed_signature_words", "titles", "contact_line_pattern"])

_NAME_WORD = r"[A-Z][\w'’.-]*\+?"    # "GamesRadar+"
_WEB = rf"{WEB_HOST}\b"   # "— gamecrate.net"
_DASH = r"[–—―-]{1,2}|~"
SIGNATURE_RE = re.compile(rf"^\s*(?:(?P<score>\d+(?:\.\d+)?\s*/\s*\d+|\d(?:\.\d)?\s*stars?|[★☆]{{1,5}})\s*)?(?P<dash>{_DASH})?\s*"
                          rf"(?P<label>\(\s*(?P<labelword>[A-Z][a-z]+)\s*:\s*)?"     # "(Source: Indie Beat)"
                          rf"(?P<name>{_WEB}|{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|the|de|van|von|da|al|&|and))*(?P<family>\s+(?:and\s+)?family)?)"
                          rf"(?P<rest>\s*,\s*[^\n]{{0,60}}|\s+(?:at|of|from)\s+[^\n]{{1,60}}|\s*\([^()\n]{{1,30}}\))?(?(label)\s*\))\s*$")   # "— X at Y", "— X of Y", "X (Y)"

_SCORE_AFTER = re.compile(r"\d+(?:\.\d+)?\s*/\s*\d+|\d(?:\.\d)?\s*stars?")


class TestimonialForm:
    def signature(self, line: str, start: int, dashed_needed: bool, org_ok: bool = False) -> dict[str, Any] | None:
        """The speaker record a signature line gives, or None. ``start``: its clean offset. ``org_ok``: an
        undashed line the model tags ORG may sign as a business (the caller has seen a run, org_signs)."""
        from ...quoting.gender import first_name, name_gender
        from ...text.dates import names_a_date

        m = SIGNATURE_RE.match(line)
        labelled = m is not None and m.group("label") is not None
        if labelled and m.group("labelword").lower() not in {w.lower() for w in self.cfg["source_labels"]}:
            return None
        if m is None or dashed_needed and not (m.group("dash") or m.group("score") or labelled):
            return None
        name = m.group("name").rstrip(".") if not re.search(r"\b[A-Z]\.$", m.group("name")) else m.group("name")
        words = name.split()
        if len(words) > self.cfg["name_max_tokens"] + 1 and not dashed_needed \
                and name_gender(words[0] + " x", {}, self.cfg["first_name_gender"]):
            words = words[:2]     # "Jason W Fox Crossing Police Department": the name, then its place
            name = " ".join(words)
        if not 1 <= len(words) <= self.cfg["name_max_tokens"] + 1 or name.lower() in self.finder.honorifics:
            return None
        s0 = start + m.start("name")
        pi = self.paragraph_of(s0)
        doc, base = self.docs[pi], self.paragraphs[pi]["start"]
        ents = [e for e in doc.ents if base + e.start_char < s0 + len(name) and base + e.end_char > s0]
        labels = {e.label_ for e in ents}
        whole = any(e.label_ == "PERSON" and base + e.start_char <= s0 and base + e.end_char >= s0 + len(name)
                    for e in ents)
        first = self.cfg["first_name_gender"] and first_name(words[0]) is not None
        titled = any(w.lower().strip(".,") in self.finder.titles for w in words)   # "Senior Team Lead"
        nobody = {w.lower() for w in self.cfg["person_nouns"]} | {w.lower() for w in self.cfg["unnamed_signature_words"]}
        if not self.finder.is_outlet(name) and (any(w.lower().strip(".,") in nobody for w in words)
                                                or titled and not dashed_needed and not first):
            return None   # "— Anonymous", "Verified Buyer", "— Customer, London", "Head of Marketing": nobody named
        # "— The Okonkwo family": a household signs as its people do
        initial = re.fullmatch(r"[A-Z][\w'’-]+\s+[A-Z]\.", name) is not None \
            or re.fullmatch(r"(?:[A-Z]\.\s?){2,3}", name) is not None and bool(m.group("rest"))   # "Chidi O."; "J.K., Denver"
        honorific = len(words) >= 2 and (words[0].lower() in self.finder.honorifics
                                         or words[0].lower().rstrip(".") in self.finder.honorifics)   # "— Dr Oluwatoyin Haverkamp"
        person = not titled and (whole or first or initial or honorific or name.lower() in self.finder.persons
                                 or bool(m.group("family")))
        body = self.institution(name, words, first)
        if body:
            person = False   # "Wexford County Library": an institution, whatever the model tags it
        if self.review_platform(words):
            return None   # "— Google Review", "— Trustpilot": where the review was posted, not who wrote it
        rest = (m.group("rest") or "").strip(" ,")
        scored_after = _SCORE_AFTER.fullmatch(rest) is not None   # "Meeple Monthly, 9/10": a review's score signs it as a dash does
        if scored_after:
            rest = ""
        dashed = bool(m.group("dash") or m.group("score") or labelled or scored_after)
        if labelled:
            person = False   # "(Source: X)" names where the words were published
        if is_web_address(name) or not dashed and not person and (self.finder.is_outlet(name) or self.periodical(words)):
            dashed, person = True, False   # "— gamecrate.net", "The Coastal Observer" under a blurb: by their shape
            if name.lower().startswith("the "):
                name, s0 = name[4:], s0 + 4
        role_rest = rest.split(None, 1)[0].lower() in self.finder.titles if rest else False   # "NAME, author of TITLE"
        if rest and not dashed and not rest.startswith("(") and not ((rest[:1].isupper() or role_rest) and len(rest.split()) <= 6
                                                                     and rest[-1:] not in ".!?"):
            return None   # 'Mary, who had said nothing ...' in wrapped prose is no signature ('Tom, Leeds' is)
        if person and (dashed or len(words) >= 2 or m.group("rest")):
            rec = self.span_rec(s0, s0 + len(name), name=name, type="person", rule=SPEAKER_TESTIMONIAL_NAME)
            if rest and (self.finder.is_outlet(rest) or is_web_address(rest) or self.periodical(rest.split())):
                # "— Ruben Takacs, Eastbay Film Review", "Kirsty Obuya, The Weekend Compass"
                r0 = start + m.start("rest") + m.group("rest").index(rest)
                rec["outlet_source"] = self.span_rec(r0, r0 + len(rest), name=rest)
            return rec
        whole_org = any(e.label_ == "ORG" and base + e.start_char <= s0 and base + e.end_char >= s0 + len(name)
                        for e in ents)
        if org_ok and not dashed and not person and not rest and len(words) >= 2 and (whole_org or body) \
                and not self.finder.is_outlet(name):
            # "Bayview Dental Practice" under a customer's words: a business signs as its people do; so does a
            # body by its head ("Coleraine Rowing Club"), whatever the model tags it
            return self.span_rec(s0, s0 + len(name), name=name, type="organisation", rule=SPEAKER_TESTIMONIAL_NAME)
        # a date or number is no publication ("— March 2025"); a word the model reads as one is ("Quarterly")
        numeric = bool(labels & {"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY"}) \
            and (any(ch.isdigit() for ch in name) or names_a_date(name, self.months))
        if dashed and not person and not titled and not body and len(words) >= 1 and not numeric:   # a role is no publication
            rec = self.span_rec(s0, s0 + len(name), name=name, type="outlet", rule=SPEAKER_SIGNATURE_OUTLET)
            rec["outlet"] = True
            return rec
        return None

    def institution(self, name: str, words: list[str], first: bool) -> bool:
        """Whether a signature names an institution, not a person or a publication: its head (last word,
        or first before "of") is an organisation word or an institution's head ("Riverside Community
        Trust", "Library of Congress"); "Amelia House" (a first name and one word) stays a person."""
        if len(words) < 2 or self.finder.is_outlet(name) or len(words) == 2 and first:
            return False
        bodies = self.finder.org_words | {w.lower() for w in self.cfg["outlet_body_heads"]}
        head = words[0] if words[1].lower() == "of" else words[-1]
        return head.lower().strip(".,") in bodies

    def periodical(self, words: list[str]) -> bool:
        """A publication's name by a periodical's opening word ("The Sunday Ledger", "Evening Meridian",
        "The Weekend Compass", `blurb_outlet_lead_words`): two to four capitalised words, read only where a
        signature line stands under a blurb (elsewhere "Sunday School" is no outlet)."""
        ws = words[1:] if words and words[0].lower() == "the" else words
        lead = {w.lower() for w in self.cfg["blurb_outlet_lead_words"]}
        return 2 <= len(ws) <= 4 and ws[0].lower() in lead and all(w[:1].isupper() for w in ws)

    def review_platform(self, words: list[str]) -> bool:
        """Whether a signature names a review platform ("Trustpilot", "Google Review", "Yelp reviews")."""
        platforms = {w.lower() for w in self.cfg["review_platforms"]}
        low = [w.lower().strip(".,") for w in words]
        while len(low) > 1 and low[-1] in ("review", "reviews", "rating", "ratings", "reviewer", "user", "customer"):
            low = low[:-1]
        return " ".join(low) in platforms

    def paragraph_of(self, pos: int) -> int:
        import bisect

        return max(0, bisect.bisect_right([p["start"] for p in self.paragraphs], pos) - 1)

    @register('quotes.speaker.dash_signature', 'a name after a dash right after the quotation signs it (epigraphs, blurbs)')
    def dash_signature(self, pi: int, s: Any) -> dict[str, Any] | None:
        """`"..." – Ada Lovelace`: the rest of the quotation's line after its closing mark."""
        if s.close is None:
            return None
        line_end = self.text.find("\n", s.close, self.paragraphs[pi]["end"])
        line_end = self.paragraphs[pi]["end"] if line_end < 0 else line_end
        rest = self.text[s.close + 1:line_end]
        bracket = re.fullmatch(r"(\s*[.,]?\s*\()([^()\n]{2,60})\)\s*", rest)
        line_start = self.text.rfind("\n", 0, s.open) + 1
        if bracket and not re.search(r"\w", self.text[line_start:s.open]):
            # '"The performances alone are worth the ticket." (Film Weekly)' on a line of its own
            inner, at = bracket.group(2), s.close + 1 + bracket.end(1)
            labels = "|".join(re.escape(w) for w in self.cfg["source_labels"])
            via = re.match(rf"(?i)(?:{labels})\s*:?\s+", inner)   # '(via The Verge)', '(Source: X)'
            if via:
                inner, at = "(Source: " + inner[via.end():] + ")", at - 9 + via.end()
            return self.signature(inner, at, dashed_needed=False)
        if not re.match(rf"\s*[.,]?\s*(?:{_DASH})", rest):
            return None
        lead = len(rest) - len(rest.lstrip(" .,"))
        return self.signature(rest[lead:], s.close + 1 + lead, dashed_needed=True)

    def signed_blurb(self, u: Any, s: Any) -> bool:
        """'"Quietly astonishing."' over 'The Coastal Observer': a short quoted sentence signed by a
        publication is a blurb, not a heading (a quoted title has no sentence end)."""
        if s.close is None or self.text[s.start:s.end].rstrip()[-1:] not in (".", "!", "?"):
            return False
        rec = self.testimonial_name(u, s)
        return rec is not None and rec.get("type") == "outlet"

    @register(SPEAKER_TESTIMONIAL_NAME)
    def testimonial_name(self, u: Any, s: Any) -> dict[str, Any] | None:
        """A testimonial: a paragraph (or line) that is one quotation, then a line that is only a
        signature: a person's name (perhaps with a place or title after a comma) or a dashed one."""
        from ...quoting.textual import wholly_quoted

        if wholly_quoted(u, [s]) is None:
            return None
        below = None
        if u.index + 1 < len(self.units):
            nu = self.units[u.index + 1]
            if not nu.tags.get("date_only") and len(nu.bare) <= 80:
                at = nu.start + (len(nu.text) - len(nu.text.lstrip()))
                below = self.signature(nu.bare, at, dashed_needed=False) or self.signed_by(nu)
                if below is None and self.org_signs(u, s, nu.bare):
                    below = self.signature(nu.bare, at, dashed_needed=False, org_ok=True)
                if below is not None and self.heads_next(u, nu):
                    below = None   # the name over the next quotation, not under this one
                if below is not None and self.contact_card(nu):
                    below = None   # a press release's media contact under its last quotation, not its speaker
        return below or self.name_above(u) or self.name_heading(u)

    def signed_run(self) -> tuple[list[int], list[int]]:
        """The page's quotation lines signed by the line under them: (units signed as a person or a
        dashed source, units whose line under them the model tags a business, ORG, with no dash)."""
        if "_signed_run" in self.__dict__:
            return self._signed_run
        from ...quoting.textual import wholly_quoted

        plain: list[int] = []
        org: list[int] = []
        for x in self.units[:-1]:
            nx = self.units[x.index + 1]
            if len(nx.bare) > 80 or nx.tags.get("date_only") \
                    or wholly_quoted(x, self.spans_by_para.get(x.para, [])) is None:
                continue
            at = nx.start + (len(nx.text) - len(nx.text.lstrip()))
            if self.signature(nx.bare, at, dashed_needed=False) or self.signed_by(nx):
                plain.append(x.index)
            elif self.signature(nx.bare, at, dashed_needed=False, org_ok=True):
                org.append(x.index)
        self._signed_run = (plain, org)
        return self._signed_run

    def org_signs(self, u: Any, s: Any, line: str) -> bool:
        """Whether an undashed ORG line under quotation line u signs it as a business: only amid a run of
        testimonials signed the same way (two or more other quotation lines with a signature line under
        them), and, when the words speak as "I"/"my"/"we", only if another line of the run is a business
        too (a patient's "the staff were patient with my son" over the clinic's name speaks of the clinic),
        or when they speak only as "we" and the line names a body by its head ("Coleraine Rowing Club":
        a club, union or company speaks in the plural; a practice or hotel is where one was served)."""
        plain, org = self.signed_run()
        if len([i for i in plain + org if i != u.index]) < 2:
            return False
        words = self.text[s.start:s.end]
        single = re.search(r"(?<![\w'’])(?:I|me|my|mine|myself)(?![\w'’])", words, re.I)
        plural = re.search(r"(?<![\w'’])(?:we|us|our|ours|ourselves)(?![\w'’])", words, re.I)
        head = line.strip(" .,;:-–—").rsplit(None, 1)[-1].lower() if line.strip(" .,;:-–—") else ""
        if single is None and plural is not None and head in self.finder.org_words:
            return True
        return single is None and plural is None or any(i != u.index for i in org)

    def heads_next(self, u: Any, nu: Any) -> bool:
        """Whether the signature-like line nu under quotation line u stands over another quotation line
        of its own paragraph and signs that one: when u is in another paragraph ('Jonas Lindgren' over
        his words, under the previous guest's), or when the run of quotation and name lines in one
        paragraph opens with a name line (names above their words)."""
        from ...quoting.textual import wholly_quoted

        def quoted(x: Any) -> bool:
            return wholly_quoted(x, self.spans_by_para.get(x.para, [])) is not None

        def signs(x: Any) -> bool:
            return len(x.bare) <= 80 and self.signature(x.bare, x.start + (len(x.text) - len(x.text.lstrip())),
                                                        dashed_needed=False) is not None

        if nu.index + 1 >= len(self.units):
            return False
        nn = self.units[nu.index + 1]
        if nn.para != nu.para or not quoted(nn):
            return False
        if nu.para != u.para:
            return True
        k = u.index
        while k >= 2 and self.units[k - 2].para == u.para and quoted(self.units[k - 2]) and signs(self.units[k - 1]):
            k -= 2
        top = self.units[k - 1] if k >= 1 and self.units[k - 1].para == u.para else None
        return top is not None and signs(top)

    def contact_card(self, nu: Any) -> bool:
        """Whether name line nu opens a contact card: within the next three lines of its paragraph, a
        phone number or an e-mail address (a press release's 'Tomasz Wierzbicki / Communications Manager /
        press@example.org'); a testimonial's signature gives no way to reach its writer."""
        for k in range(nu.index + 1, min(nu.index + 4, len(self.units))):
            x = self.units[k]
            if x.para != nu.para:
                break
            if re.search(self.cfg["contact_line_pattern"], x.bare):
                return True
        return False

    def signed_by(self, nu: Any) -> dict[str, Any] | None:
        """'Reviewed by Hamish T. on 2 February 2025' under a quotation line: the line says who wrote it."""
        m = re.match(self.cfg["signed_by_pattern"], nu.bare)
        if not m or m.group("name").lower() in self.finder.honorifics:
            return None
        name = m.group("name")
        s0 = nu.start + nu.text.find(name, nu.text.find(" by ") + 1)
        return self.span_rec(s0, s0 + len(name), name=name, type="person", rule=SPEAKER_TESTIMONIAL_NAME)

    def name_above(self, u: Any) -> dict[str, Any] | None:
        """'Olusegun Bright, Bright & Daughters Ltd' on the line right above a quotation line of the same
        paragraph: a person's signature set over the words, when nothing signs them below and the name
        line does not itself stand under another quotation (whose signature it would be)."""
        from ...quoting.textual import wholly_quoted

        if u.first_in_para or not u.index:
            return None
        pu = self.units[u.index - 1]
        if pu.para != u.para or len(pu.bare) > 80 or '"' in pu.bare or pu.tags.get("date_only"):
            return None
        if not pu.first_in_para:
            ppu = self.units[pu.index - 1]
            if wholly_quoted(ppu, self.spans_by_para.get(ppu.para, [])) is not None:
                return None
        rec = self.signature(pu.bare, pu.start + (len(pu.text) - len(pu.text.lstrip())), dashed_needed=False)
        return rec if rec is not None and rec.get("type") == "person" else None
