"""Stage 4, quotes: quotations with speaker, cue, source, date, reference and interpolations.

Quote marks and paragraph structures are found on characters first (the sentence splitter cuts
inside quotations), then spaCy parses the paragraphs once (``nlp.pipe``) to attribute them:
interviews (Question/Answer), letters (signature block), cue lines ending in a colon followed by
block paragraphs, texts introduced as "the following ...", excerpts followed by an attribution
line, and inline quotations with a reporting verb or "according to". Pronoun speakers resolve to
the nearest earlier named speaker that agrees; when none is certain, the speaker stays empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

NAME = "quotes"
REQUIRES = ("extract", "strip", "normalise")
LIBRARIES = ("spacy",)
CODE_DEPS = ("quoting/__init__.py", "quoting/textual.py", "quoting/attribution.py", "quoting/speakers.py")

_STR_LIST = {"type": "array", "items": {"type": "string"}}
CONFIG_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["model"],
    "properties": {
        "model": {"type": "string", "description": "spaCy pipeline name"},
        "batch_size": {"type": "integer", "minimum": 1},
        "inline_min_words": {"type": "integer", "minimum": 1},
        "max_cue_tokens": {"type": "integer", "minimum": 1},
        "attribution_max_words": {"type": "integer", "minimum": 2},
        "year_pivot": {"type": "integer", "minimum": 0, "maximum": 99},
        "pronoun_window": {"type": "integer", "minimum": 0},
        "name_max_tokens": {"type": "integer", "minimum": 2},
        "reporting_verbs": _STR_LIST, "citing_verbs": _STR_LIST, "honorifics": _STR_LIST,
        "it_object_verbs": _STR_LIST, "group_nouns": _STR_LIST, "person_nouns": _STR_LIST,
        "titles": _STR_LIST, "organisation_words": _STR_LIST, "document_words": _STR_LIST,
        "outlets": _STR_LIST, "valedictions": _STR_LIST, "block_end_lines": _STR_LIST, "note_words": _STR_LIST,
        "interview": {"type": "object", "additionalProperties": False, "properties": {
            "question_labels": _STR_LIST, "answer_labels": _STR_LIST, "intro_pattern": {"type": "string"}}},
        "forum_cue_pattern": {"type": "string"},
        "following_pattern": {"type": "string"},
        "from_outlet_pattern": {"type": "string"},
        "caption_pattern": {"type": "string"},
        "possessive_cue_pattern": {"type": "string"},
        "connector_lines": _STR_LIST,
        "source_patterns": _STR_LIST,
        "months": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 1, "maximum": 12}},
    },
}

DEFAULTS: dict[str, Any] = {
    "batch_size": 64, "inline_min_words": 4, "max_cue_tokens": 30, "attribution_max_words": 30, "year_pivot": 30,
    "pronoun_window": 4, "name_max_tokens": 4, "reporting_verbs": ["say", "state", "write", "tell", "add", "note"], "citing_verbs": ["cite", "quote"], "it_object_verbs": ["put"], "group_nouns": [], "person_nouns": [],
    "honorifics": ["Mr", "Mrs", "Ms", "Dr"], "titles": ["president", "minister", "director"],
    "organisation_words": ["report", "statement", "ministry"], "document_words": ["Letter", "Statement"],
    "outlets": [], "valedictions": ["yours sincerely", "sincerely"], "block_end_lines": [], "note_words": ["note"],
    "interview": {"question_labels": ["Question", "Q"], "answer_labels": ["Answer", "A"],
                  "intro_pattern": r"\binterview\w*\s+(?:of|with)\s+(?P<interviewee>.+?)\s+(?:to|by)\s+(?P<interviewer>.+)"},
    "forum_cue_pattern": r"^(?P<name>[^\s:][^:\n]{0,60}?)\s+(?:said|wrote)\s*:\s*(?P<rest>.*)$",
    "following_pattern": r"\bthe\s+following\b[^.:]{0,40}?\b(?:texts?|statements?|words|passages?)\b",
    "from_outlet_pattern": r"^(?:from|in)\s+(?:the\s+)?(?P<outlet>[A-Z][^:]{0,60}?)\s*:$",
    "possessive_cue_pattern": r"(?i)^(?:in\s+)?(?P<pron>his|her|their|its)\s+(?:own\s+)?(?:words|assessment|verdict|conclusion|view|answer|reply|response|summary)\s*:$",
    "connector_lines": ["and", "also", "or", "plus"],
    "source_patterns": [],
    "caption_pattern": r"(?i)\||\b(?:photo|image|picture|illustration|credit)s?\s*(?:by\b|:|©)",
    "months": {m: i + 1 for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july",
                                               "august", "september", "october", "november", "december"])},
}

TERMINAL = '.!?:"\')]…'


@dataclass
class Draft:
    """A quotation under construction (offsets in the clean text)."""

    kind: str
    start: int
    end: int
    rule: str
    units: tuple[int, int] = (-1, -1)        # first and last unit of a structure (-1: inline)
    speaker: dict[str, Any] | None = None
    pronoun: dict[str, Any] | None = None    # an unresolved pronoun speaker
    cue: dict[str, Any] | None = None
    source: dict[str, Any] | None = None
    ref_number: str | None = None
    parent: "Draft | None" = None
    rules: list[str] = field(default_factory=list)
    para: int = 0
    mark_span: Any = None


def run(ctx: Any, cfg: dict[str, Any]) -> dict[str, Any]:
    from .normalise import clean_text

    conf = {**DEFAULTS, **cfg}
    norm = ctx.outputs["normalise"]
    return Builder(ctx.doc_id, norm["text"], clean_text(norm), norm["paragraphs"], conf).build()


class Builder:
    def __init__(self, doc_id: str, text: str, mapped: Any, paragraphs: list[dict[str, Any]], cfg: dict[str, Any]) -> None:
        from ..quoting.speakers import SpeakerFinder
        from ..quoting.textual import split_units

        self.doc_id, self.text, self.mapped, self.paragraphs, self.cfg = doc_id, text, mapped, paragraphs, cfg
        self.units = split_units(text, paragraphs)
        self.months = {k.lower(): v for k, v in cfg["months"].items()}
        self.finder = SpeakerFinder(cfg)
        self.drafts: list[Draft] = []
        self.claimed: dict[int, Draft] = {}      # unit -> the structure holding it
        self.used_spans: set[int] = set()       # opening-mark offsets consumed by structures
        self.attributions: list[dict[str, Any]] = []
        self.last_inline: dict[int, Draft] = {}  # paragraph -> its last inline quotation

    # ------------------------------------------------------------------ helpers
    def raw(self, s: int, e: int) -> tuple[int, int]:
        return self.mapped.to_raw(s, e)

    def span_rec(self, s: int, e: int, **extra: Any) -> dict[str, Any]:
        rs, re_ = self.raw(s, e)
        return {**extra, "start": s, "end": e, "raw_start": rs, "raw_end": re_}

    def unit_doc(self, u: Any) -> tuple[Any, int]:
        return self.docs[u.para], self.paragraphs[u.para]["start"]

    # ------------------------------------------------------------------ main
    def build(self) -> dict[str, Any]:
        from ..quoting.speakers import load_nlp
        from ..quoting.textual import pair_marks, reference_lines

        nlp = load_nlp(self.cfg["model"])
        self.ref_units = reference_lines(self.units)
        self.references = {num: (t, s, e) for _, (num, t, s, e) in sorted(self.ref_units.items())}
        ref_paras = {self.units[i].para for i in self.ref_units}
        texts = [self.text[p["start"]:p["end"]] if i not in ref_paras else "" for i, p in enumerate(self.paragraphs)]
        self.docs = list(nlp.pipe(texts, batch_size=self.cfg["batch_size"]))
        self.finder.note_persons(self.docs)
        self.model = {"name": self.cfg["model"], "version": nlp.meta.get("version")}
        self.spans = []
        for i, p in enumerate(self.paragraphs):
            if i not in ref_paras:
                self.spans.extend((i, s) for s in pair_marks(self.text, p["start"], p["end"]))
        self.markers = [(m.start(), m.end(), m.group(1)) for m in _footnotes(self.text)
                        if not any(self.units[i].start <= m.start() < self.units[i].end for i in self.ref_units)]
        self.tag_units()
        self.interviews()
        self.letters()
        self.cue_blocks()
        self.attribution_excerpts()
        self.inline()
        self.resolve_pronouns()
        return self.records()

    # ------------------------------------------------------------------ unit tags
    def tag_units(self) -> None:
        from ..quoting.attribution import date_only_line, parse_attribution_line
        from ..quoting.textual import words

        val = sorted((v.lower() for v in self.cfg["valedictions"]), key=len, reverse=True)
        self.end_res = [re.compile(p, re.IGNORECASE) for p in self.cfg["block_end_lines"]]
        for u in self.units:
            t = u.bare
            if u.index in self.ref_units:
                u.tags["ref"] = True
                continue
            w = words(t)
            if w <= 10 and t and t[-1] not in TERMINAL and not t.startswith('"'):
                u.tags["heading"] = True
            d = date_only_line(t, self.months, self.cfg["year_pivot"])
            if d is not None:
                u.tags["date_only"] = d
            elif u.first_in_para and u.last_in_para:
                a = parse_attribution_line(u.text, self.cfg, self.months)
                if a is not None:
                    u.tags["attribution"] = a
                    u.tags.pop("heading", None)
            low = t.lower().rstrip(",.")
            if low in val:
                u.tags["valediction"] = True
            if any(r.match(t) for r in self.end_res):
                u.tags["block_end"] = True

    def stops_block(self, u: Any) -> bool:
        return any(k in u.tags for k in ("heading", "ref", "attribution", "valediction", "date_only", "label", "block_end")) \
            or u.index in self.claimed

    # ------------------------------------------------------------------ interviews
    def interviews(self) -> None:
        iv = self.cfg["interview"]
        q_re = re.compile(r"^(?:" + "|".join(re.escape(x) for x in iv["question_labels"]) + r")\s*[:.]\s+")
        a_re = re.compile(r"^(?:" + "|".join(re.escape(x) for x in iv["answer_labels"]) + r")\s*[:.]\s+")
        labels = {}
        for u in self.units:
            for role, rx in (("question", q_re), ("answer", a_re)):
                m = rx.match(u.text)
                if m and u.first_in_para:
                    labels[u.index] = (role, m.end())
        roles = {r for r, _ in labels.values()}
        if roles != {"question", "answer"}:
            return
        for i in labels:
            self.units[i].tags["label"] = True
        first = min(labels)
        interviewee, interviewer, rule = self.interview_names(first)
        for i, (role, off) in sorted(labels.items()):
            u = self.units[i]
            j = i
            while j + 1 < len(self.units) and not self.stops_block(self.units[j + 1]) \
                    and not (self.units[j + 1].first_in_para and self.units[j + 1].tags.get("cue")):
                j += 1
            d = Draft("interview", u.start + off, self.units[j].end, "quotes.interview." + role, (i, j), para=u.para)
            who = interviewee if role == "answer" else interviewer
            if who is not None:
                d.speaker = {**who, "rule": rule}
            d.rules = [d.rule] + ([rule] if who else [])
            d.source = self.intro_source
            self.add_structure(d)

    def interview_names(self, first: int) -> tuple[dict[str, Any] | None, dict[str, Any] | None, str]:
        """Interviewee and interviewer from the introduction before the first label."""
        from ..quoting.attribution import parse_attribution_line  # noqa: F401
        from ..quoting.textual import find_date

        self.intro_source = None
        pat = re.compile(self.cfg["interview"]["intro_pattern"], re.IGNORECASE)
        back = [self.units[k] for k in range(first - 1, max(-1, first - 4), -1)]
        for u in back:
            m = pat.search(u.text)
            if not m:
                continue
            doc, base = self.unit_doc(u)
            ents = [e for e in doc.ents if e.label_ == "PERSON"]
            s1, e1 = u.start + m.start("interviewee"), u.start + m.end("interviewee")
            s2, e2 = u.start + m.start("interviewer"), u.start + m.end("interviewer")
            a = [self.name_span(e, base) for e in ents if s1 <= base + e.start_char < e1]
            b = [self.name_span(e, base) for e in ents if s2 <= base + e.start_char < e2]
            # names the model does not tag PERSON: the words after a title ("the journalist X Y")
            a = a or self.finder.titled_names(doc, s1 - base, e1 - base)
            b = b or self.finder.titled_names(doc, s2 - base, e2 - base)
            who = self.name_rec(a[-1], base) if a else None
            asker = self.name_rec(b[0], base) if b else None
            date = find_date(u.text, self.months, self.cfg["year_pivot"])
            outlet = re.search(r'"([^"]{2,60})"', u.text[m.start("interviewer"):])
            self.intro_source = {"outlet": outlet.group(1) if outlet else None, "author": None,
                                 "date": date.iso if date else None, "date_text": date.text if date else None,
                                 "attribution": None, **dict(zip(("raw_start", "raw_end"), self.raw(u.start, u.end)))}
            if who or asker:
                return who, asker, "quotes.speaker.interview_intro"
        # no "interview of X to Y": the one person the introduction talks about is the interviewee
        people: dict[str, Any] = {}
        counts: dict[str, int] = {}
        for u in back:
            if "heading" in u.tags and u.index != first - 1:
                break
            doc, base = self.unit_doc(u)
            for e in doc.ents:
                if e.label_ == "PERSON" and u.start <= base + e.start_char < u.end:
                    key = e.text.split()[-1].lower()
                    counts[key] = counts.get(key, 0) + 1
                    if key not in people or len(e.text) > len(people[key][0].text):
                        people[key] = (e, base)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        # the introduction is about one person: named at least twice, twice as often as anyone else
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
            e, base = people[ranked[0][0]]
            return self.person_rec(e, base), None, "quotes.speaker.interview_main_person"
        return None, None, "quotes.speaker.interview_intro"

    def person_rec(self, ent: Any, base: int) -> dict[str, Any]:
        s, e = base + ent.start_char, base + ent.end_char
        return self.span_rec(s, e, name=ent.text, type="person")

    def name_span(self, ent: Any, base: int) -> tuple[int, int, str]:
        """A PERSON entity as (start, end, name), doc-relative; after "<title> of", a leading place
        the model glued on ("president of <Place> <Name>" tagged as one name) is cut off."""
        toks = list(ent)
        prev = ent.doc[ent.start - 1] if ent.start > 0 else None
        if prev is not None and prev.lower_ == "of" and prev.head.lower_ in self.finder.titles:
            for k in range(len(toks) - 1, 0, -1):
                if " ".join(t.text for t in toks[:k]).lower() in self.finder.non_persons:
                    toks = toks[k:]
                    break
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
        return s, e, ent.doc.text[s:e]

    def name_rec(self, name: tuple[int, int, str], base: int) -> dict[str, Any]:
        return self.span_rec(base + name[0], base + name[1], name=name[2], type="person")

    # ------------------------------------------------------------------ letters
    def letters(self) -> None:
        from ..quoting.textual import words

        for v in [u for u in self.units if u.tags.get("valediction") and u.index not in self.claimed]:
            sig = []
            k = v.index + 1
            while k < len(self.units) and len(sig) < 4 and words(self.units[k].text) <= 8 \
                    and not self.units[k].tags.get("attribution"):
                sig.append(self.units[k])
                if self.units[k].last_in_para and len(sig) >= 1 and not (k + 1 < len(self.units)
                                                                          and words(self.units[k + 1].text) <= 4):
                    break
                k += 1
            if not sig:
                continue
            j = v.index - 1
            first = None
            while j >= 0:
                u = self.units[j]
                if any(t in u.tags for t in ("heading", "date_only", "attribution", "ref", "valediction")) \
                        or j in self.claimed:
                    break
                first = j
                j -= 1
            if first is None:
                continue
            date = self.units[j].tags.get("date_only") if j >= 0 else None
            name_u = sig[0]
            name = name_u.text.strip(" ,")
            typ = "person" if re.fullmatch(r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*", name) else "organisation"
            d = Draft("letter", self.units[first].start, self.units[v.index - 1].end, "quotes.letter.signature",
                      (first, v.index - 1), para=self.units[first].para)
            d.speaker = self.span_rec(name_u.start, name_u.start + len(name), name=name, type=typ,
                                      rule="quotes.speaker.signature")
            if len(sig) > 1:
                d.speaker["title"] = sig[1].text.strip(" ,")
                d.speaker["organisation"] = sig[-1].text.strip(" ,") if len(sig) > 2 else None
            d.source = {"outlet": None, "author": name, "date": date.iso if date else None,
                        "date_text": date.text if date else None, "attribution": None,
                        **dict(zip(("raw_start", "raw_end"), self.raw(v.start, sig[-1].end)))}
            d.rules = ["quotes.letter.signature", "quotes.speaker.signature"] + (["quotes.date.letter_dateline"] if date else [])
            self.add_structure(d, claim=False)
            for k2 in range(first, v.index + 1 + len(sig)):
                self.units[k2].tags.setdefault("in_letter", d)

    # ------------------------------------------------------------------ cue lines and introductions
    def cue_blocks(self) -> None:
        from ..quoting.textual import wholly_quoted

        forum = re.compile(self.cfg["forum_cue_pattern"])
        follow = re.compile(self.cfg["following_pattern"], re.IGNORECASE)
        from_out = re.compile(self.cfg["from_outlet_pattern"])
        spans_by_para: dict[int, list[Any]] = {}
        for pi, s in self.spans:
            spans_by_para.setdefault(pi, []).append(s)
        self.spans_by_para = spans_by_para
        for u in self.units:
            if u.index in self.claimed or self.stops_block(u) or u.index + 1 >= len(self.units):
                continue
            t = u.bare
            speaker = None
            rule = None
            first_unit = u.index + 1
            inline_rest = None
            fm = forum.match(t)
            if t.endswith(":") and not self.units[u.index + 1].tags.get("heading"):
                fo = from_out.match(t)
                sp = self.cue_speaker(u, self.sentence_start(u), u.end)
                if sp is not None:
                    speaker, rule = sp, "quotes.block.cue_line"
                elif fo and fo.group("outlet").lower() in {o.lower() for o in self.cfg["outlets"]}:
                    s = u.start + u.text.find(fo.group("outlet"))
                    speaker = self.span_rec(s, s + len(fo.group("outlet")), name=fo.group("outlet"), type="outlet",
                                            rule="quotes.speaker.from_outlet")
                    rule = "quotes.block.cue_line"
                elif not (fm and _username_like(fm.group("name"))):
                    speaker = self.colon_cue_speaker(u)
                    rule = "quotes.block.cue_line" if speaker is not None else None
            if rule is None and fm and _username_like(fm.group("name")):
                name = fm.group("name")
                s = u.start + u.text.find(name)
                speaker = self.span_rec(s, s + len(name), name=name, type="person", rule="quotes.speaker.forum_cue")
                rule = "quotes.block.forum_cue"
                if fm.group("rest").strip():
                    inline_rest = u.start + fm.start("rest")
                    first_unit = u.index
            if rule is None and t.endswith(",") and u.last_in_para and not self.units[u.index + 1].tags.get("heading"):
                sp = self.cue_speaker(u, self.sentence_start(u), u.end)
                if sp is not None and sp.get("cue"):
                    speaker, rule = sp, "quotes.block.cue_comma"
            if rule is None and follow.search(t) and u.last_in_para:
                sp = self.intro_author(u)
                speaker, rule = sp, "quotes.block.following"
            if rule is None:
                continue
            self.make_block(u, first_unit, inline_rest, speaker, rule, wholly_quoted)

    def colon_cue_speaker(self, u: Any) -> dict[str, Any] | None:
        """A colon cue line with no reporting verb: "In their words:" (a possessive pronoun, resolved
        like a pronoun speaker) or "Nagel does not buy this:" (a named person or group as subject)."""
        from ..quoting.speakers import PRONOUNS  # noqa: F401

        s0 = self.sentence_start(u)
        last = self.text[s0:u.end]
        m = re.search(self.cfg["possessive_cue_pattern"], last)
        if m:
            pron = m.group("pron").lower()
            pr = {"his": "he", "her": "she", "their": "they", "its": "it"}[pron]
            ps = s0 + m.start("pron")
            return self.span_rec(ps, ps + len(pron), name=m.group("pron"), type="person" if pr in ("he", "she")
                                 else "organisation", rule="quotes.speaker.possessive_cue", pronoun=pr)
        doc, base = self.unit_doc(u)
        toks = [t for t in doc if s0 <= base + t.idx < u.end and not t.is_space]
        sp = self.finder.colon_subject(toks)
        return self.speaker_rec(sp, base) if sp is not None else None

    def sentence_start(self, u: Any) -> int:
        doc, base = self.unit_doc(u)
        start = u.start
        for s in doc.sents:
            if base + s.start_char < u.end - 1 and base + s.start_char >= u.start:
                start = base + s.start_char
        # a sentence split inside quotation marks is no sentence start: back off to the line start
        if self.text[u.start:start].count('"') % 2:
            start = u.start
        return start

    def cue_speaker(self, u: Any, lo: int, hi: int) -> dict[str, Any] | None:
        doc, base = self.unit_doc(u)
        sp = self.finder.find(doc, base, hi, hi, lo, hi)
        if sp is None or base + sp.start < lo:
            return None
        return self.speaker_rec(sp, base)

    def speaker_rec(self, sp: Any, base: int) -> dict[str, Any]:
        rec = self.span_rec(base + sp.start, base + sp.end, name=sp.name, type=sp.type, rule=sp.rule)
        if sp.cue:
            rec["cue"] = self.span_rec(base + sp.cue[1], base + sp.cue[2], text=sp.cue[0])
        if sp.pronoun:
            rec["pronoun"] = sp.pronoun
        return rec

    def intro_author(self, u: Any) -> dict[str, Any] | None:
        """The person a paragraph introducing "the following texts" is about: the first one it
        names, tagged PERSON or standing after an honorific or title ("Mr X Y, ...")."""
        doc, base = self.unit_doc(u)
        names = [self.name_span(e, base) for e in doc.ents
                 if e.label_ == "PERSON" and u.start <= base + e.start_char < u.end]
        names += self.finder.titled_names(doc, u.start - base, u.end - base)
        if not names:
            return None
        rec = self.name_rec(min(names), base)
        rec["rule"] = "quotes.speaker.introduction"
        return rec

    def forum_reply(self, cue_u: Any) -> bool:
        """A "NAME wrote:" / "NAME said:" cue (the forum pattern), whatever rule claimed it."""
        return bool(re.match(self.cfg["forum_cue_pattern"], cue_u.bare))

    def copy_end(self, before: int, s: int, e: int) -> int | None:
        """Where a quoted post stops being a copy of the earlier post it repeats: forum replies
        quote earlier text of the same page, and the reply's own words follow without a marker.
        None when the quotation is no copy (or is copied whole)."""
        key = self.text[s:min(e, s + 60)]
        if len(key) < 30:
            return None
        src = self.text.rfind(key, 0, before)
        if src < 0:
            return None
        n = 0
        while s + n < e and src + n < before and self.text[s + n] == self.text[src + n]:
            n += 1
        if s + n >= e:
            return None
        cut = s + n
        while cut > s and self.text[cut - 1].isspace():
            cut -= 1
        if self.text[cut - 1] not in TERMINAL:
            m = list(re.finditer(r"[.!?…)](?=\s)", self.text[s:cut]))
            if m:
                cut = s + m[-1].end()
        return cut if cut - s >= 30 else None

    def block_end_ahead(self, k: int) -> int | None:
        """The unit of the next end marker ("Click to expand...") after unit k, if no other cue
        line or reply comes first: a forum quotation runs to its marker, over paragraph breaks."""
        forum = re.compile(self.cfg["forum_cue_pattern"])
        for j in range(k + 1, min(len(self.units), k + 60)):
            uj = self.units[j]
            if uj.tags.get("block_end"):
                return j
            if forum.match(uj.bare) or uj.index in self.claimed:
                return None
        return None

    def names_other_person(self, u: Any, surname: list[str]) -> bool:
        """Whether an unquoted paragraph opens with a named person (other than the block's speaker)
        as subject: a block quotation does not run on into the author's "Nagel presents ..."."""
        doc, base = self.unit_doc(u)
        own = {w.lower() for w in surname}
        sent = next((st for st in doc.sents if base + st.end_char > u.start), None)
        if sent is None:
            return False
        for t in sent:
            if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.pos_ == "PROPN" and t.lower_ not in own \
                    and (t.ent_type_ == "PERSON" or t.lower_ in self.finder.persons):
                return True
        return False

    def make_block(self, cue_u: Any, first: int, inline_rest: int | None, speaker: dict[str, Any] | None,
                   rule: str, wholly_quoted: Any) -> None:
        date = None
        k = first
        while k < len(self.units) and self.units[k].tags.get("date_only") and k != cue_u.index:
            date = self.units[k].tags["date_only"]
            k += 1
        if k >= len(self.units) or (k != cue_u.index and self.stops_block(self.units[k])):
            return
        same_para = not cue_u.last_in_para
        units = [k]
        first_u = self.units[k]
        wq = wholly_quoted(first_u, self.spans_by_para.get(first_u.para, [])) if k != cue_u.index else None
        surname = (speaker or {}).get("name", "").split()[-1:] if speaker else []
        connectors = {c.lower() for c in self.cfg["connector_lines"]}
        end_at = self.block_end_ahead(k) if rule == "quotes.block.forum_cue" else None
        nxt = units[-1] + 1
        while nxt < len(self.units):
            n = self.units[nxt]
            if end_at is not None:
                if nxt >= end_at:
                    break
                units.append(nxt)
                nxt += 1
                continue
            if wq is not None and not same_para and n.first_in_para and n.last_in_para \
                    and n.bare.lower().rstrip(",.:;") in connectors and nxt + 1 < len(self.units) \
                    and wholly_quoted(self.units[nxt + 1], self.spans_by_para.get(self.units[nxt + 1].para, [])):
                nxt += 1  # '"A." / And / "B."': a connector line between quoted paragraphs
                continue
            if self.stops_block(n) or (n.para != cue_u.para if same_para else False):
                break
            if same_para:
                units.append(n.index)
                nxt += 1
                continue
            if wq is not None:
                if wholly_quoted(n, self.spans_by_para.get(n.para, [])) is None:
                    break
            elif n.first_in_para:
                if _footnotes_in(n.text) or n.text.lstrip().startswith('"') or n.text.rstrip().endswith(":") \
                        or (surname and re.search(r"\b" + re.escape(surname[0]) + r"\b", n.text)) \
                        or wholly_quoted(n, self.spans_by_para.get(n.para, [])) is not None:
                    break
                if self.text[n.start:n.end].count('"') or self.units[units[-1]].tags.get("heading"):
                    break
                if self.names_other_person(n, surname):
                    break  # "Nagel presents a criticism ...": the author speaks again, about someone
            units.append(n.index)
            nxt += 1
        pieces = []
        for idx in units:
            uu = self.units[idx]
            s = inline_rest if idx == cue_u.index and inline_rest is not None else uu.start
            w = wholly_quoted(uu, self.spans_by_para.get(uu.para, []))
            if w is not None and idx != cue_u.index:
                self.used_spans.add(w.open)
                pieces.append((idx, w.start, w.end, w))
            else:
                pieces.append((idx, s, uu.end, None))
        group = wq is not None and len(pieces) > 1
        if end_at is None and not group and self.forum_reply(cue_u):
            cut = self.copy_end(cue_u.start, pieces[0][1], pieces[-1][2])
            if cut is not None:
                units = [i for i in units if self.units[i].start < cut]
                pieces = [(i, a, min(b, cut), w) for i, a, b, w in pieces if a < cut]
        parent = self.container(self.units[units[0]].start)
        for n_piece, (idx, s, e, w) in enumerate(pieces):
            if group and n_piece > 0:
                pass
            d = Draft("block", s, e, rule, (idx, idx) if group else (units[0], units[-1]), para=self.units[idx].para)
            if not group:
                d.start, d.end = pieces[0][1], pieces[-1][2]
            d.speaker = dict(speaker) if speaker else None
            if d.speaker and d.speaker.get("pronoun"):
                d.pronoun, d.speaker = d.speaker, None
            d.cue = self.span_rec(cue_u.start, cue_u.end, text=cue_u.text) if cue_u.index != idx else \
                (speaker or {}).get("cue")
            d.rules = [rule] + ([speaker["rule"]] if speaker else [])
            d.parent = parent
            nums = [n for s0, _, n in self.markers if cue_u.start <= s0 < cue_u.end]
            if nums:
                d.ref_number = nums[-1]
                d.rules.append("quotes.reference.cue_marker")
            if date is not None:
                d.source = {"outlet": speaker["name"] if speaker and speaker["type"] == "outlet" else None,
                            "author": None, "date": date.iso, "date_text": date.text, "attribution": None,
                            **dict(zip(("raw_start", "raw_end"), self.raw(cue_u.start, cue_u.end)))}
            elif speaker and speaker["type"] == "outlet":
                d.source = {"outlet": speaker["name"], "author": None, "date": None, "date_text": None,
                            "attribution": None, **dict(zip(("raw_start", "raw_end"), self.raw(cue_u.start, cue_u.end)))}
            elif speaker is not None and cue_u.index != idx:
                d.source = self.cue_source(self.sentence_start(cue_u), cue_u.end)
                if d.source is not None:
                    d.rules.append("quotes.source.cue_title")
            self.add_structure(d)
            if not group:
                break
        cue_u.tags["cue"] = True

    # ------------------------------------------------------------------ excerpts
    def attribution_excerpts(self) -> None:
        from ..quoting.textual import words, wholly_quoted

        for u in self.units:
            a = u.tags.get("attribution")
            if a is None or u.index == 0:
                continue
            rec = self.attribution_rec(u, a)
            prev = self.units[u.index - 1]
            if prev.index in self.claimed or self.stops_block(prev) or words(prev.text) < 5 or not prev.last_in_para:
                continue
            prev.tags["excerpt_of"] = rec
            spans = [s for s in self.spans_by_para.get(prev.para, []) if prev.start <= s.open < prev.end]
            w = wholly_quoted(prev, spans)
            long_inline = [s for s in spans if words(self.text[s.start:s.end]) >= self.cfg["inline_min_words"]]
            if w is None and long_inline:
                continue  # inline quotations with their own cues; they take the source (see inline)
            s, e = (w.start, w.end) if w is not None else (prev.start, prev.end)
            if w is not None:
                self.used_spans.add(w.open)
            d = Draft("excerpt", s, e, "quotes.excerpt.attribution_line", (prev.index, prev.index), para=prev.para)
            d.speaker = rec["speaker"]
            d.source = rec["source"]
            d.rules = ["quotes.excerpt.attribution_line", "quotes.attribution_line"] + ([d.speaker["rule"]] if d.speaker else [])
            self.add_structure(d)

    def attribution_rec(self, u: Any, a: Any) -> dict[str, Any]:
        aid = f"{self.doc_id}#a{len(self.attributions) + 1}"
        rec = {"id": aid, "text": u.text, **self.span_rec(u.start, u.end), **a.to_record(), "rule": "quotes.attribution_line"}
        self.attributions.append(rec)
        if a.person:
            s, e = a.spans["person"]
            speaker = self.span_rec(u.start + s, u.start + e, name=a.person, type=a.person_type,
                                    rule="quotes.speaker.attribution_person")
        elif a.outlet:
            s, e = a.spans["outlet"]
            speaker = self.span_rec(u.start + s, u.start + e, name=a.outlet, type="outlet",
                                    rule="quotes.speaker.attribution_outlet")
        else:
            speaker = None
        source = {"outlet": a.outlet, "author": a.author, "date": rec["date"], "date_text": rec["date_text"],
                  "attribution": aid, "raw_start": rec["raw_start"], "raw_end": rec["raw_end"]}
        return {"speaker": speaker, "source": source}

    # ------------------------------------------------------------------ inline quotations
    def inline(self) -> None:
        from ..quoting.textual import words

        by_para = self.spans_by_para
        for pi in sorted(by_para):
            spans = by_para[pi]
            p = self.paragraphs[pi]
            doc, base = self.docs[pi], p["start"]
            prev_draft: Draft | None = None
            for n, s in enumerate(spans):
                u = self.unit_at(s.open)
                if s.open in self.used_spans or u is None or any(
                        k in u.tags for k in ("ref", "attribution", "heading", "date_only")):
                    continue
                lo = spans[n - 1].close + 1 if n and spans[n - 1].close is not None else p["start"]
                lo = max(lo, spans[n - 1].end if n else lo)
                hi = spans[n + 1].open if n + 1 < len(spans) else p["end"]
                qe = s.close + 1 if s.close is not None else s.end
                sp = self.finder.find(doc, base, s.open, qe, lo, hi, strict=True)
                nwords = words(self.text[s.start:s.end])
                quoted = self.text[s.start:s.end]
                speaker = self.speaker_rec(sp, base) if sp is not None else None
                if speaker is not None and not speaker.get("pronoun"):
                    speaker = self.definite_owner(pi, speaker)
                if speaker is None and prev_draft is not None and (prev_draft.speaker or prev_draft.pronoun):
                    gap = self.text[prev_draft.end + 1:s.open]
                    prev_rule = (prev_draft.speaker or prev_draft.pronoun)["rule"]
                    if not re.search(r"[.!?]\s", gap):
                        speaker = dict(prev_draft.speaker or prev_draft.pronoun)
                        speaker["rule"] = "quotes.speaker.same_sentence"
                    elif prev_rule == "quotes.speaker.reporting_verb_after" and \
                            len(re.findall(r"[.!?][\"”’)]*\s", gap)) == 1 and re.search(r"[.!?][\"”’)]*\s*$", gap):
                        # '"A," says X, title of Y. "B."': the cue sentence between them gives B to X too
                        speaker = dict(prev_draft.speaker or prev_draft.pronoun)
                        speaker["rule"] = "quotes.speaker.cue_between"
                if speaker is None and n == 0 and len(spans) == 1:
                    speaker = self.previous_paragraph_speaker(u, s) or self.testimonial_name(u, s)
                if speaker is None and (nwords < self.cfg["inline_min_words"] or _title_like(quoted)):
                    continue
                if nwords < 2:
                    continue  # a single quoted word is a term or a scare quote, whoever says it
                if s.close is None and speaker is None and not u.first_in_para:
                    pass
                d = Draft("inline", s.start, s.end, s.rule, para=pi)
                d.rules = ["quotes.inline_marks" if s.close is not None else s.rule]
                if speaker is not None:
                    cue = speaker.pop("cue", None)
                    if speaker.get("pronoun"):
                        d.pronoun = speaker
                    else:
                        d.speaker = speaker
                    d.cue = cue
                    d.rules.append(speaker["rule"])
                if d.speaker is not None or d.pronoun is not None:
                    if speaker["rule"] in ("quotes.speaker.cue_between", "quotes.speaker.same_sentence") and prev_draft:
                        d.source = prev_draft.source
                    elif cue is not None:
                        d.source = self.cue_source(*self.sentence_around(pi, cue["start"]))
                    if d.source is not None:
                        d.rules.append("quotes.source.cue_title")
                d.parent = self.container(s.start)
                host = u.tags.get("excerpt_of")
                if host is not None:
                    d.source = host["source"]
                    if d.speaker is None and d.pronoun is None and host["speaker"]:
                        d.speaker = dict(host["speaker"])
                    d.rules.append("quotes.attribution_line")
                num = self.reference_after(qe)
                if num:
                    d.ref_number = num
                    d.rules.append("quotes.reference.marker_after")
                self.drafts.append(d)
                prev_draft = d
                self.last_inline[pi] = d

    def sentence_around(self, pi: int, pos: int) -> tuple[int, int]:
        """The sentence of paragraph pi around pos, on characters (quotation marks ignored)."""
        p0, p1 = self.paragraphs[pi]["start"], self.paragraphs[pi]["end"]
        lo = p0
        for m in re.finditer(r"[.!?][\"”’)\]]*\s+(?=[A-Z\"“(\[])", self.text[p0:pos]):
            lo = p0 + m.end()
        m = re.search(r"[.!?](?=\s|$)", self.text[pos:p1])
        return lo, (pos + m.end() if m else p1)

    def cue_source(self, s0: int, e0: int) -> dict[str, Any] | None:
        """A title named in the cue's sentence: "says in The Last Word (Oxford University Press,
        1997)", "during a recent Independent Thinking Podcast interview" (quotes.source_patterns)."""
        text = self.text[s0:e0]
        for pat in self.cfg["source_patterns"]:
            m = re.search(pat, text)
            if m:
                a, b = s0 + m.start("title"), s0 + m.end("title")
                return {"outlet": self.text[a:b], "author": None, "date": None, "date_text": None,
                        "attribution": None, **dict(zip(("raw_start", "raw_end"), self.raw(a, b)))}
        return None

    def definite_owner(self, pi: int, speaker: dict[str, Any]) -> dict[str, Any]:
        """'The report noted ...' after 'The U.S. Copyright Office's May 2025 report ...': a bare
        document or body noun names the owner of its nearest earlier mention ("X's report", "the
        report by X"), within pronoun_window paragraphs; otherwise it stays as written."""
        from ..quoting.speakers import lemma

        name = speaker["name"]
        org = {w.lower() for w in self.cfg["organisation_words"]}
        if " " in name or name.lower() not in org:
            return speaker
        best = None
        for pj in range(max(0, pi - self.cfg["pronoun_window"]), pi + 1):
            doc, base = self.docs[pj], self.paragraphs[pj]["start"]
            for t in doc:
                if base + t.idx >= speaker["start"] or lemma(t).lower() != name.lower():
                    continue
                owners = [c for c in t.children if c.dep_ == "poss"]
                owners += [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")
                           for g in c.children if g.dep_ == "pobj"]
                for o in owners:
                    sub = [x for x in o.subtree if x.dep_ != "case" and x.text not in ("'s", "’s")]
                    while sub and sub[0].dep_ == "det":
                        sub = sub[1:]
                    if sub and any(x.pos_ == "PROPN" for x in sub):
                        best = (base + sub[0].idx, base + sub[-1].idx + len(sub[-1]))
        if best is None:
            return speaker
        out = self.span_rec(best[0], best[1], name=self.text[best[0]:best[1]], type="organisation",
                            rule="quotes.speaker.definite_owner")
        if "cue" in speaker:
            out["cue"] = speaker["cue"]
        return out

    def testimonial_name(self, u: Any, s: Any) -> dict[str, Any] | None:
        """A testimonial: a paragraph that is one quotation, then a line that is only a person's
        name (tagged PERSON, or name-shaped with a job-title line after it)."""
        from ..quoting.textual import wholly_quoted

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

    def previous_paragraph_speaker(self, u: Any, s: Any) -> dict[str, Any] | None:
        """A paragraph that is one quotation with no cue continues the speaker of the quotation that
        ends the previous paragraph (news style: '"...," he said.' then a paragraph in marks).
        Captions and photo credits in between are skipped; anything else breaks the chain."""
        from ..quoting.textual import wholly_quoted

        if not u.first_in_para or wholly_quoted(u, [s]) is None and not (s.close is None and u.last_in_para):
            return None
        cap = re.compile(self.cfg["caption_pattern"])
        pi = u.para - 1
        while pi >= 0:
            ptext = self.text[self.paragraphs[pi]["start"]:self.paragraphs[pi]["end"]].strip()
            if cap.search(ptext) and len(ptext.split()) <= 25:
                pi -= 1
                continue
            break
        prev = self.last_inline.get(pi)
        if pi < 0 or prev is None or not (prev.speaker or prev.pronoun):
            return None
        p_end = self.paragraphs[pi]["end"]
        tail = self.text[prev.end:p_end]
        if any(sp.open > prev.start for sp in self.spans_by_para.get(pi, [])) or len(tail.split()) > 20:
            return None  # the previous paragraph must end with that quotation and its cue
        sp = dict(prev.speaker or prev.pronoun)
        sp["rule"] = "quotes.speaker.previous_paragraph"
        sp.pop("cue", None)
        return sp

    def unit_at(self, pos: int) -> Any:
        for u in self.units_by_pos():
            if u.start <= pos < u.end:
                return u
        return None

    def units_by_pos(self) -> list[Any]:
        return self.units

    def reference_after(self, pos: int) -> str | None:
        """The first footnote marker after a quotation, within its sentence."""
        for s, e, num in self.markers:
            if s < pos:
                continue
            between = self.text[pos:s]
            if len(between) > 300 or re.search(r"[.!?]\s+[A-Z\"(]", between) or "\n" in between:
                return None
            return num
        return None

    # ------------------------------------------------------------------ structures
    def add_structure(self, d: Draft, claim: bool = True) -> None:
        if d.parent is None:
            d.parent = self.container(d.start, exclude=d)
        if d.end <= d.start:
            return
        self.drafts.append(d)
        if claim and d.units[0] >= 0:
            for k in range(d.units[0], d.units[1] + 1):
                self.claimed[k] = d
        if d.ref_number is None and d.kind in ("block", "excerpt"):
            num = self.reference_after(d.end + (1 if self.text[d.end:d.end + 1] == '"' else 0))
            if num:
                d.ref_number = num
                d.rules.append("quotes.reference.marker_after")

    def container(self, pos: int, exclude: Draft | None = None) -> Draft | None:
        best = None
        for d in self.drafts:
            if d is exclude or d.kind == "inline":
                continue
            if d.start <= pos < d.end and (best is None or d.end - d.start < best.end - best.start):
                best = d
        return best

    # ------------------------------------------------------------------ pronouns
    def resolve_pronouns(self) -> None:
        from ..quoting.speakers import PRONOUNS  # noqa: F401

        self.drafts.sort(key=lambda d: (d.start, -d.end))
        history: list[tuple[int, dict[str, Any]]] = []   # (paragraph, named speaker)
        window = self.cfg["pronoun_window"]
        reported = self.reported_speakers()
        for d in self.drafts:
            while reported and reported[0][0] < d.start:
                history.append(reported.pop(0)[1:])
            if d.pronoun is not None:
                pr = d.pronoun["pronoun"]
                want = {"he": "person", "she": "person", "it": "organisation", "they": "organisation"}.get(pr)
                found = None
                if pr in ("i", "we") and d.parent is not None and d.parent.speaker:
                    found = d.parent.speaker
                elif want == "person":
                    found, stop = self.antecedent_in_sentence(d.pronoun["start"])
                    if stop:
                        want = None  # "told a guy on a plane ..., he responded": an unnamed antecedent
                if want and found is None:
                    for para, sp in reversed(history):
                        if d.para - para > window:
                            break
                        if sp["type"] == want or (want == "organisation" and sp["type"] == "outlet"):
                            found = sp
                            break
                    if found is None and want == "person":
                        found = self.sole_person_before(d)
                if found is not None:
                    d.speaker = {**{k: found[k] for k in ("name", "type", "start", "end", "raw_start", "raw_end")},
                                 "rule": "quotes.speaker.pronoun", "pronoun": {k: d.pronoun[k] for k in
                                                                            ("start", "end", "raw_start", "raw_end")} | {"text": d.pronoun["name"]}}
                    d.rules.append("quotes.speaker.pronoun")
            if d.speaker is not None and d.speaker.get("type") in ("person", "organisation", "outlet"):
                history.append((d.para, d.speaker))

    def antecedent_in_sentence(self, pos: int) -> tuple[dict[str, Any] | None, bool]:
        """A he/she cue's antecedent in its own sentence, before it and outside quotation marks:
        the nearest person named there ("Henry David Thoreau is as relevant as ever when he
        writes"). (None, True) when an unnamed person ("a guy", "a mother") is nearer: the
        pronoun then names no one, and no earlier paragraph may lend it a name."""
        import bisect

        pi = bisect.bisect_right([p["start"] for p in self.paragraphs], pos) - 1
        if pi < 0:
            return None, False
        doc, base = self.docs[pi], self.paragraphs[pi]["start"]
        quoted = [(s.open, (s.close if s.close is not None else s.end) + 1) for s in self.spans_by_para.get(pi, [])]

        def in_quote(x: int) -> bool:
            return any(a <= x < b for a, b in quoted)

        lo = base
        for m in re.finditer(r"[.!?][\"”’)\]]*\s+(?=[A-Z\"“(\[])", self.text[base:pos]):
            if not in_quote(base + m.start()):
                lo = base + m.end()
        persons = self.finder.persons
        cands: list[tuple[int, Any]] = []      # person mentions: full names of the document, or their surnames
        for t in doc:
            s0 = base + t.idx
            if t.pos_ == "PROPN" and t.lower_ in persons and lo <= s0 < pos and not in_quote(s0) \
                    and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN"):
                first = t.i
                while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].text[:1].isupper():
                    first -= 1
                cands.append((s0, doc[first:t.i + 1]))
        last = max((s0 for s0, _ in cands), default=-1)
        for t in doc:
            s0 = base + t.idx
            if lo <= s0 < pos and s0 > last and not in_quote(s0) and t.lower_ in self.finder.person_nouns \
                    and t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another", "some")
                                                 for c in t.children):
                return None, True
        subjects = [c for c in cands if c[1][-1].dep_ in ("nsubj", "nsubjpass")]
        names = {c[1][-1].lower_ for c in cands}
        pick = subjects[-1] if subjects else (cands[-1] if len(names) == 1 else None)
        if pick is None:
            return None, False
        ent = pick[1]
        rec = self.span_rec(base + ent.start_char, base + ent.end_char,
                            name=self.finder.title_re.sub("", ent.text).strip(), type="person")
        return rec, False

    def reported_speakers(self) -> list[tuple[int, int, dict[str, Any]]]:
        """Named subjects of reporting verbs anywhere (reported speech too: "said X, CEO of Y"):
        antecedents for later pronoun speakers."""
        out = []
        for pi, doc in enumerate(self.docs):
            base = self.paragraphs[pi]["start"]
            for t in doc:
                if self.finder._is_verb(t) and t.pos_ != "NOUN":
                    sp = self.finder._subject(t, "quotes.speaker.reported")
                    if sp is not None and sp.pronoun is None and sp.type == "person":
                        out.append((base + t.idx, pi, self.speaker_rec(sp, base)))
        return out

    def sole_person_before(self, d: Draft) -> dict[str, Any] | None:
        """A pronoun with no earlier named speaker: the one PERSON named in the paragraphs before."""
        people: dict[str, Any] = {}
        for pi in range(max(0, d.para - self.cfg["pronoun_window"]), d.para + 1):
            doc, base = self.docs[pi], self.paragraphs[pi]["start"]
            ptext = self.text[self.paragraphs[pi]["start"]:self.paragraphs[pi]["end"]].strip()
            if len(ptext.split()) < 6 or ptext[-1:] not in TERMINAL:
                continue  # a credit or caption line ("Amr Dalsh / Reuters") is no antecedent
            for e in doc.ents:
                if e.label_ == "PERSON" and base + e.end_char <= d.start and not re.search(r"[/|]", e.text):
                    key = e.text.split()[-1].lower()
                    if key not in people or len(e.text) > len(people[key][0].text):
                        people[key] = (e, base)
        if len(people) == 1:
            e, base = next(iter(people.values()))
            return self.person_rec(e, base)
        return None

    # ------------------------------------------------------------------ output
    def records(self) -> dict[str, Any]:
        from ..quoting.textual import interpolations, words

        refs = []
        for num, (t, s, e) in self.references.items():
            refs.append({"id": f"{self.doc_id}#r{num}", "number": num, "text": t, **self.span_rec(s, e),
                         "rule": "quotes.reference_list"})
        self.drafts.sort(key=lambda d: (d.start, -d.end))
        ids = {id(d): f"{self.doc_id}#q{i + 1}" for i, d in enumerate(self.drafts)}
        out = []
        for d in self.drafts:
            text = self.text[d.start:d.end]
            interp = [self.span_rec(s, e, text=self.text[s:e], rule=r)
                      for s, e, r in interpolations(self.text, d.start, d.end, self.cfg["note_words"])]
            ref = None
            if d.ref_number is not None:
                entry = self.references.get(d.ref_number)
                ref = {"number": d.ref_number, "ref": f"{self.doc_id}#r{d.ref_number}" if entry else None,
                       "text": entry[0] if entry else None,
                       **(dict(zip(("raw_start", "raw_end"), self.raw(entry[1], entry[2]))) if entry else
                          {"raw_start": None, "raw_end": None})}
            speaker = None
            if d.speaker is not None:
                speaker = {k: v for k, v in d.speaker.items() if k not in ("cue",)}
                if isinstance(speaker.get("pronoun"), str):
                    speaker.pop("pronoun")
            rules = list(dict.fromkeys(d.rules + (["quotes.interpolation"] if interp else [])))
            kind = "nested" if d.parent is not None else d.kind
            out.append({
                "id": ids[id(d)], "text": text, **self.span_rec(d.start, d.end), "kind": kind, "form": d.kind,
                "words": words(text), "speaker": speaker, "cue": d.cue, "source": d.source, "reference": ref,
                "interpolations": interp, "parent": ids.get(id(d.parent)) if d.parent is not None else None,
                "rule": d.rule, "rules": rules,
            })
        return {"model": self.model, "references": refs, "attribution_lines": self.attributions, "quotations": out}


def _footnotes(text: str) -> list[Any]:
    from ..quoting.textual import FOOTNOTE_RE

    return list(FOOTNOTE_RE.finditer(text))


def _footnotes_in(text: str) -> bool:
    return bool(_footnotes(text))


def _username_like(name: str) -> bool:
    """A poster's name before "said:"/"wrote:" (no function words, at most four words)."""
    ws = name.split()
    stop = {"he", "she", "they", "it", "we", "i", "you", "in", "on", "at", "of", "the", "a", "an", "and", "as",
            "to", "that", "this", "who", "which", "also", "then", "has", "had", "have", "was", "is"}
    return 1 <= len(ws) <= 4 and not any(w.lower() in stop for w in ws)


def _title_like(s: str) -> bool:
    """A title or name in quote marks ("Black Garden", "REPORT ON THE FLOOD"), not a quotation."""
    ws = re.findall(r"[A-Za-z][\w'’-]*", s)
    long = [w for w in ws if len(w) > 3]
    return bool(long) and len(ws) <= 12 and not re.search(r"[.!?]\s*$", s) and \
        sum(w[0].isupper() for w in long) >= 0.8 * len(long)
