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
        "reporting_verbs": _STR_LIST, "citing_verbs": _STR_LIST, "honorifics": _STR_LIST,
        "titles": _STR_LIST, "organisation_words": _STR_LIST, "document_words": _STR_LIST,
        "outlets": _STR_LIST, "valedictions": _STR_LIST, "block_end_lines": _STR_LIST, "note_words": _STR_LIST,
        "interview": {"type": "object", "additionalProperties": False, "properties": {
            "question_labels": _STR_LIST, "answer_labels": _STR_LIST, "intro_pattern": {"type": "string"}}},
        "forum_cue_pattern": {"type": "string"},
        "following_pattern": {"type": "string"},
        "from_outlet_pattern": {"type": "string"},
        "months": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 1, "maximum": 12}},
    },
}

DEFAULTS: dict[str, Any] = {
    "batch_size": 64, "inline_min_words": 4, "max_cue_tokens": 30, "attribution_max_words": 30, "year_pivot": 30,
    "pronoun_window": 4, "reporting_verbs": ["say", "state", "write", "tell", "add", "note"], "citing_verbs": ["cite", "quote"],
    "honorifics": ["Mr", "Mrs", "Ms", "Dr"], "titles": ["president", "minister", "director"],
    "organisation_words": ["report", "statement", "ministry"], "document_words": ["Letter", "Statement"],
    "outlets": [], "valedictions": ["yours sincerely", "sincerely"], "block_end_lines": [], "note_words": ["note"],
    "interview": {"question_labels": ["Question", "Q"], "answer_labels": ["Answer", "A"],
                  "intro_pattern": r"\binterview\w*\s+(?:of|with)\s+(?P<interviewee>.+?)\s+(?:to|by)\s+(?P<interviewer>.+)"},
    "forum_cue_pattern": r"^(?P<name>[^\s:][^:\n]{0,60}?)\s+(?:said|wrote)\s*:\s*(?P<rest>.*)$",
    "following_pattern": r"\bthe\s+following\b[^.:]{0,40}?\b(?:texts?|statements?|words|passages?)\b",
    "from_outlet_pattern": r"^(?:from|in)\s+(?:the\s+)?(?P<outlet>[A-Z][^:]{0,60}?)\s*:$",
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
            a = [e for e in ents if s1 <= base + e.start_char < e1]
            b = [e for e in ents if s2 <= base + e.start_char < e2]
            who = self.person_rec(a[-1], base) if a else None
            asker = self.person_rec(b[0], base) if b else None
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
        """The person a paragraph introducing "the following texts" is about: its first PERSON."""
        doc, base = self.unit_doc(u)
        for e in doc.ents:
            if e.label_ == "PERSON" and u.start <= base + e.start_char < u.end:
                rec = self.person_rec(e, base)
                rec["rule"] = "quotes.speaker.introduction"
                return rec
        return None

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
        while units[-1] + 1 < len(self.units):
            n = self.units[units[-1] + 1]
            if self.stops_block(n) or (n.para != cue_u.para if same_para else False):
                break
            if same_para:
                units.append(n.index)
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
            units.append(n.index)
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
                sp = self.finder.find(doc, base, s.open, qe, lo, hi)
                nwords = words(self.text[s.start:s.end])
                quoted = self.text[s.start:s.end]
                speaker = self.speaker_rec(sp, base) if sp is not None else None
                if speaker is None and prev_draft is not None and (prev_draft.speaker or prev_draft.pronoun) \
                        and not re.search(r"[.!?]\s", self.text[prev_draft.end + 1:s.open]):
                    speaker = dict(prev_draft.speaker or prev_draft.pronoun)
                    speaker["rule"] = "quotes.speaker.same_sentence"
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
                elif want:
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
            for e in doc.ents:
                if e.label_ == "PERSON" and base + e.end_char <= d.start:
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
