"""The quotation builder of one document: units, marks, the parse, then the registered forms and resolvers."""

from __future__ import annotations

import bisect
import re
from typing import Any

from .draft import TERMINAL, Draft, _footnotes
from .registry import detectors
from .interview import InterviewForm, NamedTurnsForm
from .letter import LetterForm
from .block import BlockForm
from .forum import ForumForm
from .attribution_line import AttributionLineForm
from .inline import InlineForm
from .testimonial import TestimonialForm
from .resolve_owner import OwnerResolver
from .resolve_role import RoleResolver
from .resolve_continuity import ContinuityResolver
from .resolve_pronoun import PronounResolver
from .outlet import OutletResolver
from .cue_date import CueDateResolver
from .resolve_entity import EntityResolver
from ...rules import declare
from ...text import dates, sentences
from ...store import PackedRecords
from .inline import REFERENCE_MARKER_AFTER

# the rules this module applies: declared once here, used through these constants
REFERENCE_LIST = declare("quotes.reference_list", stage="quotes",
        why="a numbered citation list: the targets of reference markers")
INTERPOLATION = declare("quotes.interpolation", stage="quotes",
        why="a quotation that carries editorial insertions (listed in its record)")
from .action_beat import ActionBeatResolver
from .reply_marker import ReplyMarkerForm
from .resolve_turns import TurnTakingResolver
from .resolve_scene import SceneAntecedents
from .resolve_rivals import SceneRivals
from .resolve_voice import VoiceRegions
from .resolve_address import AddressResolver
from .resolve_surname import SharedSurnameResolver
from .resolve_body import BodyResolver, LeadInParagraphResolver, NamedAfterResolver
from .name_heading import NameHeadingForm


class Builder(InterviewForm, NamedTurnsForm, LetterForm, BlockForm, ForumForm, AttributionLineForm, InlineForm, TestimonialForm,
              OwnerResolver, RoleResolver, ContinuityResolver, PronounResolver, OutletResolver, CueDateResolver, EntityResolver, ActionBeatResolver,
              ReplyMarkerForm, TurnTakingResolver, SceneAntecedents, SceneRivals, VoiceRegions, AddressResolver,
              SharedSurnameResolver, BodyResolver, NamedAfterResolver, LeadInParagraphResolver, NameHeadingForm):
    """One document's quotations; each form and resolver is a mixin registered by rule id."""

    def __init__(self, doc_id: str, text: str, mapped: Any, paragraphs: list[dict[str, Any]], cfg: dict[str, Any]) -> None:
        from ...quoting.speakers import SpeakerFinder
        from ...quoting.textual import split_units

        from ...text.marks import mark_view

        # every rule reads the mark view (all quotation marks as '"', same offsets); records the clean text
        self.clean = text
        self.doc_id, self.text, self.mapped, self.paragraphs, self.cfg = doc_id, mark_view(text), mapped, paragraphs, cfg
        self.units = split_units(self.text, paragraphs)
        self.months = {k.lower(): v for k, v in cfg["months"].items()}
        self.finder = SpeakerFinder(cfg)
        self.gender_honorifics = {k.lower().rstrip("."): v for k, v in cfg["gender_honorifics"].items()}
        self.drafts: list[Draft] = []
        # descriptions in tags that no introduction names ("said the mate"), by start: found while the forms
        # resolve speakers (resolve_role.description), read after them by descriptions_as_written
        self.unnamed_descriptions: dict[int, dict[str, Any]] = {}
        self.claimed: dict[int, Draft] = {}      # unit -> the structure holding it
        self.used_spans: set[int] = set()       # opening-mark offsets consumed by structures
        self.attributions: list[dict[str, Any]] = []
        self.last_inline: dict[int, Draft] = {}  # paragraph -> its last inline quotation
        self.para_starts = [p["start"] for p in paragraphs]
        self.structures_at: dict[int, list[Draft]] = {}   # region -> the structures over it (see region)

    def raw(self, s: int, e: int) -> tuple[int, int]:
        return self.mapped.to_raw(s, e)

    def span_rec(self, s: int, e: int, **extra: Any) -> dict[str, Any]:
        rs, re_ = self.raw(s, e)
        return {**extra, "start": s, "end": e, "raw_start": rs, "raw_end": re_}

    def unit_doc(self, u: Any) -> tuple[Any, int]:
        return self.docs[u.para], self.paragraphs[u.para]["start"]

    def build(self) -> dict[str, Any]:
        from ...quoting.parse import LazyDocs, Slices
        from ...quoting.speakers import load_nlp
        from ...quoting.textual import pair_marks, reference_lines

        nlp = load_nlp(self.cfg["model"])
        self.ref_units = reference_lines(self.units)
        self.references = {num: (t, s, e) for _, (num, t, s, e) in sorted(self.ref_units.items())}
        ref_paras = {self.units[i].para for i in self.ref_units}
        texts = Slices(self.text, [(p["start"], p["end"]) if i not in ref_paras else (0, 0)
                                   for i, p in enumerate(self.paragraphs)])
        self.docs = LazyDocs(nlp, texts, self.cfg)
        self.finder.note_persons(self.docs.parsed_docs())
        self.model = {"name": self.cfg["model"], "version": nlp.meta.get("version")}
        self.spans = []
        for i, p in enumerate(self.paragraphs):
            if i not in ref_paras:
                self.spans.extend((i, s) for s in pair_marks(self.text, p["start"], p["end"]))
        self.markers = [(m.start(), m.end(), m.group(1)) for m in _footnotes(self.text)
                        if not any(self.units[i].start <= m.start() < self.units[i].end for i in self.ref_units)]
        self.tag_units()
        for entry in detectors():      # structures first, inline quotations last (registry order)
            getattr(self, entry.attr)()
        self.multi_paragraph_speakers()
        self.lead_in_paragraphs()
        self.beat_after()
        self.resolve_pronouns()
        self.self_introductions()
        self.turn_taking()
        self.descriptions_as_written()
        self.named_after()
        self.drop_addressed_speakers()
        self.drop_shared_surnames()
        self.outlet_sources()
        self.cue_dates()
        self.docs.close()   # the records read no parse: dropped (and their spill file) before they are made
        return self.records()

    def tag_units(self) -> None:
        from ...quoting.attribution import date_only_line, parse_attribution_line
        from ...text.words import count as words

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

    def speaker_rec(self, sp: Any, base: int) -> dict[str, Any]:
        rec = self.span_rec(base + sp.start, base + sp.end, name=sp.name, type=sp.type, rule=sp.rule)
        if sp.cue:
            rec["cue"] = self.span_rec(base + sp.cue[1], base + sp.cue[2], text=self.clean[base + sp.cue[1]:base + sp.cue[2]])
        if sp.pronoun:
            rec["pronoun"] = sp.pronoun
        return rec

    def sentence_around(self, pi: int, pos: int) -> tuple[int, int]:
        """The sentence of paragraph pi around pos, on characters (quotation marks ignored)."""
        p0, p1 = self.paragraphs[pi]["start"], self.paragraphs[pi]["end"]
        begun = sentences.starts(self.text[p0:pos], self.finder.honorifics)
        end = sentences.first_end(self.text[pos:p1], self.finder.honorifics)
        return (p0 + begun[-1] if begun else p0), (pos + end if end is not None else p1)

    def unit_at(self, pos: int) -> Any:
        """The unit holding pos: found by bisection (units are disjoint and in text order), so a
        huge document's quotations do not each scan every line."""
        units = self.units_by_pos()
        starts = self.__dict__.get("_unit_starts")
        if starts is None or len(starts) != len(units):
            starts = self._unit_starts = [u.start for u in units]
        k = bisect.bisect_right(starts, pos) - 1
        if k >= 0 and units[k].start <= pos < units[k].end:
            return units[k]
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

    def add_structure(self, d: Draft, claim: bool = True) -> None:
        if d.parent is None:
            d.parent = self.container(d.start, exclude=d)
        if d.end <= d.start:
            return
        self.drafts.append(d)
        if d.kind != "inline":
            for k in range(self.region(d.start), self.region(d.end - 1) + 1):
                self.structures_at.setdefault(k, []).append(d)
        if claim and d.units[0] >= 0:
            for k in range(d.units[0], d.units[1] + 1):
                self.claimed[k] = d
        if d.ref_number is None and d.kind in ("block", "excerpt"):
            num = self.reference_after(d.end + (1 if self.text[d.end:d.end + 1] == '"' else 0))
            if num:
                d.ref_number = num
                d.rules.append(REFERENCE_MARKER_AFTER)

    def region(self, pos: int) -> int:
        """The paragraph at or before pos (-1 before the first): every position is in one region,
        so the structures over a position are among those listed for its region."""
        return bisect.bisect_right(self.para_starts, pos) - 1

    def container(self, pos: int, exclude: Draft | None = None) -> Draft | None:
        """The smallest structure holding pos (the first added of equal ones)."""
        best = None
        for d in self.structures_at.get(self.region(pos), ()):
            if d is exclude or d.kind == "inline":
                continue
            if d.start <= pos < d.end and (best is None or d.end - d.start < best.end - best.start):
                best = d
        return best

    def records(self) -> dict[str, Any]:
        from ...quoting.textual import interpolations
        from ...text.words import count as words

        refs = []
        for num, (t, s, e) in self.references.items():
            refs.append({"id": f"{self.doc_id}#r{num}", "number": num, "text": t, **self.span_rec(s, e),
                         "rule": REFERENCE_LIST})
        self.drafts.sort(key=lambda d: (d.start, -d.end))
        ids = {id(d): f"{self.doc_id}#q{i + 1}" for i, d in enumerate(self.drafts)}
        entities = self.speaker_entities()
        out = PackedRecords()   # each record as its JSON: a huge document's are a third of the dicts' memory
        for d in self.drafts:
            text = self.clean[d.start:d.end]
            interp = [self.span_rec(s, e, text=self.clean[s:e], rule=r)
                      for s, e, r in interpolations(self.text, d.start, d.end, self.cfg["note_words"])]
            ref = None
            if d.ref_number is not None:
                entry = self.references.get(d.ref_number)
                ref = {"number": d.ref_number, "ref": f"{self.doc_id}#r{d.ref_number}" if entry else None,
                       "text": entry[0] if entry else None,
                       **(dict(zip(("raw_start", "raw_end"), self.raw(entry[1], entry[2]))) if entry else
                          {"raw_start": None, "raw_end": None})}
            speaker = None
            if d.speaker is not None and not self.unnamed_role(d.speaker) \
                    and not (d.speaker.get("type") != "outlet"   # "August 6" is no one ("60 Minutes" is a show)
                             and dates.names_a_date(d.speaker.get("name") or "", self.months)):
                speaker = {k: v for k, v in d.speaker.items() if k not in ("cue",)}
                if isinstance(speaker.get("pronoun"), str):
                    speaker.pop("pronoun")
                if speaker.get("name") in entities:
                    speaker["entity"], speaker["variants"] = entities[speaker["name"]]
                    speaker["variants"] = list(speaker["variants"])
            rules = list(dict.fromkeys(d.rules + ([INTERPOLATION] if interp else [])))
            kind = "nested" if d.parent is not None else d.kind
            out.append({
                "id": ids[id(d)], "text": text, **self.span_rec(d.start, d.end), "kind": kind, "form": d.kind,
                "words": words(text), "speaker": speaker, "cue": d.cue, "source": d.source, "reference": ref,
                "interpolations": interp, "parent": ids.get(id(d.parent)) if d.parent is not None else None,
                "rule": d.rule, "rules": rules,
            })
        result = {"model": self.model, "references": refs, "attribution_lines": self.attributions, "quotations": out}
        if self.docs.warnings:   # only when a paragraph was parsed in pieces (records stay as they were otherwise)
            result["warnings"] = [{**w, **self.span_rec(self.paragraphs[w["paragraph"]]["start"],
                                                          self.paragraphs[w["paragraph"]]["end"])} for w in self.docs.warnings]
        return result
