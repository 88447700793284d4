"""Outlets and works as sources, found by the structure of the cue and the model's tags, not by a
list of names: `told the Harbour Gazette`, `writes in Lakeside Review`, `said in an interview with
X`, `speaking on X's podcast`, `in an op-ed for X`, `asked by X`, `X quoted Y as saying`, `the
Northern Book Journal says`, `according to example.com`.

The slot comes from the parse: a preposition (to, with, on, in, for, by) hanging on the cue verb,
on a participle it governs ("Speaking to X, she said") or on a communication noun in that clause
("in a statement to X"), the object of "tell", "according to", the subject of "quote". Never the
subject's own phrase ("a spokeswoman for X"), a relative clause ("who writes for X") or the
quoted words. The name in the slot is read from the words there: a run of capitalised words, a
title in marks or italics, or a web address, perhaps after a medium noun ("the parish magazine,
*The Bell*", "local news site x.net"). It is an outlet when its head is a publication noun
(`quotes.outlet_words`), a medium noun introduces it, it is marked as a title or a web address, or
the model tags it ORG / WORK_OF_ART / PRODUCT; never a PERSON, a known person, a place, a date or
a body (`quotes.organisation_words`: council, ministry ...). The outlet is the quotation's source,
and its speaker when no person is named."""

from __future__ import annotations

import re
from typing import Any

from ...quoting.speakers import lemma
from ...rules import declare
from .registry import register

_NOT_OUTLET = {"PERSON", "GPE", "LOC", "DATE", "TIME", "NORP", "CARDINAL", "ORDINAL", "FAC", "EVENT",
               "MONEY", "PERCENT", "QUANTITY"}
_OUTLET_TAGS = {"ORG", "WORK_OF_ART", "PRODUCT"}
_SLOT_PREPS = ("to", "with", "on", "in", "for", "by")
_TITLE_MARKS = ('"', "“", "”", "*", "_", "'", "‘", "’")
_RUN_INNER = ("of", "the", "and", "&")   # "Choir & Organ Weekly"; never "on Monday"
# a web address: a host name ending in a lower-case top-level domain ("gamecrate.net", "LoafLab.org")
WEB_HOST = r"(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,6}"
WEB_RE = re.compile(rf"(?:https?://)?{WEB_HOST}(?:/[^\s\"”)]*)?")

OUTLET_SPEAKER_SOURCE = declare("quotes.source.outlet_speaker", stage="quotes",
        why='a quotation whose speaker is a publication ("the Northern Book Journal says") is from it: the source',
        params=["outlet_words", "outlet_report_words"])


def word(t: Any) -> str:
    """The token's lemma, or its whole hyphenated word ("op-ed", which the tokenizer splits)."""
    d = t.doc
    if t.i >= 2 and d[t.i - 1].text == "-" and not d[t.i - 2].whitespace_ and not d[t.i - 1].whitespace_:
        return (d[t.i - 2].text + "-" + t.text).lower()
    return lemma(t).lower()


def is_web_address(text: str) -> bool:
    return bool(WEB_RE.fullmatch(text)) and not text[:1].isdigit()


CLAUSE_OUTLET = declare("quotes.source.clause_outlet", stage="quotes",
        why="a quotation no cue attributes takes the outlet in its sentence's source slot "
            "('a spokesman told the X agency', 'according to x.com'); that outlet speaks when the "
            "slot is 'according to' or the subject is a piece of it ('A post on X went further:')",
        params=["outlet_cue_nouns", "outlet_medium_nouns"])


LEAD_SENTENCE_OUTLET = declare("quotes.source.lead_sentence_outlet", stage="quotes",
        why="the sentence right before a quotation, with its speaker as subject, names the outlet it spoke "
            "to or wrote in ('X was guarded during an appearance on Y. \"...,\" he said')",
        params=["outlet_cue_nouns", "outlet_medium_nouns"])


MEDIUM_SUBJECT_OUTLET = declare("quotes.source.medium_subject_outlet", stage="quotes",
        why="a bare 'the paper said' is the outlet that is the subject of the sentence right before it in its "
            "paragraph ('The Kestrel Times was less convinced. \"...,\" the paper said'): speaker and source",
        params=["outlet_medium_nouns", "outlet_words"])


class OutletResolver:
    @register(OUTLET_SPEAKER_SOURCE,
              order=95, kind="resolver")
    def outlet_sources(self) -> None:
        """A speaker that is a publication is the source too: by its shape ("the Harbour Gazette"),
        a web address, an outlet the document names in a source slot elsewhere ("told the Echo"
        ... "the Echo reported"), or an organisation the model tags whose cue reports in print
        ("X reported", "X wrote in an editorial")."""
        self.clause_outlets()
        self.lead_sentence_outlets()
        known = {d.source["outlet"].lower() for d in self.drafts if d.source and d.source.get("outlet")}
        for d in self.drafts:
            sp = d.speaker
            if d.source is not None or sp is None:
                continue
            name = sp["name"]
            media = {w.lower() for w in self.cfg["outlet_medium_nouns"]}
            if re.sub(r"^the\s+", "", name.lower()) in media and name.lower() == name:
                found = self.earlier_outlet(d.start)   # '"...," the newspaper reported': the outlet named before
                if found is not None:
                    d.source = dict(found)
                    d.speaker = {**sp, "name": found["outlet"], "type": "outlet"}
                    d.rules.append(OUTLET_SPEAKER_SOURCE)
                continue
            if sp.get("type") == "outlet" or self.finder.is_outlet(name) or is_web_address(name) \
                    or name.endswith("s") and self.finder.is_outlet(name[:-1]) \
                    or self.known_outlet(name, known) or self.reporting_organisation(d):
                d.source = {"outlet": name, "author": None, "date": None, "date_text": None, "attribution": None,
                            "raw_start": sp["raw_start"], "raw_end": sp["raw_end"]}
                d.rules.append(OUTLET_SPEAKER_SOURCE)

    def clause_outlets(self) -> None:
        told: Any = None   # the quotation before, the paper just spoken of its speaker: '"A," the paper said. "B."'
        for d in self.drafts:
            if told is not None and MEDIUM_SUBJECT_OUTLET in told.rules and d.para == told.para and d.kind == "inline" \
                    and d.parent is None and d.speaker is None and d.cue is None and d.pronoun is None \
                    and d.source is None and '"' not in self.text[told.end + 1:d.start - 1] and d.start - told.end < 80 \
                    and self.text[told.end:d.start].rstrip(' "').endswith("."):
                d.speaker, d.source = dict(told.speaker), dict(told.source)
                d.rules.append(MEDIUM_SUBJECT_OUTLET)
            told = d
            if d.kind != "inline" or d.source is not None or d.parent is not None:
                continue
            pi = d.para
            if d.cue is not None:   # a cue whose pronoun found no one still names where the words appeared
                d.source = self.cue_outlet(pi, d.cue) if d.speaker is None and d.pronoun is None else None
                if d.source is not None:
                    d.rules.append(CLAUSE_OUTLET)
                elif d.speaker is None and d.pronoun is None:
                    got = self.medium_subject_outlet(pi, d.cue)
                    if got is not None:
                        d.source, d.speaker = got
                        d.rules.append(MEDIUM_SUBJECT_OUTLET)
                continue
            doc, base = self.docs[pi], self.paragraphs[pi]["start"]
            inside = [t for t in doc if d.start <= base + t.idx < d.end]
            if not inside:
                continue
            sents = [inside[0].sent]
            before = [t for t in doc if base + t.idx < d.start - 1]
            if before and before[-1].text == ":" and before[-1].sent != sents[0]:
                sents.insert(0, before[-1].sent)     # 'A post on X went further: "..."' parsed as two sentences
            stop = {t.i for t in inside}
            verbs = [v for sent in sents for v in [sent.root] + [t for t in sent if t.head.i in stop and t != sent.root]
                     if v.i not in stop and v.pos_ in ("VERB", "AUX")]   # the root, or a clause the quote's parse swallowed
            for root in verbs:
                for start, strong, kind in self.slots(root, subjects=True):
                    span = self.outlet_at(doc, start, stop, strong)
                    if span is None:
                        continue
                    a, b = base + span[0], base + span[1]
                    d.source = {"outlet": self.clean[a:b], "author": None, "date": None, "date_text": None,
                                "attribution": None, **dict(zip(("raw_start", "raw_end"), self.raw(a, b)))}
                    d.rules.append(CLAUSE_OUTLET)
                    if kind and d.speaker is None and d.pronoun is None:
                        d.speaker = self.span_rec(a, b, name=self.clean[a:b], type="outlet", rule=CLAUSE_OUTLET)
                    break
                if d.source is not None:
                    break
                subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.left_edge.i not in stop and self.medium_phrase(doc, subj.left_edge.i) \
                        and subj.left_edge.i + 1 == subj.i:   # '"...," the newspaper reported'
                    got = self.medium_subject_outlet(pi, {"start": base + root.idx})
                    if got is not None:   # the outlet the sentence before is about
                        d.source = got[0]
                        d.speaker = got[1] if d.speaker is None and d.pronoun is None else d.speaker
                        d.rules.append(MEDIUM_SUBJECT_OUTLET)
                        break
                    found = self.earlier_outlet(d.start)
                    if found is not None:
                        d.source = dict(found)
                        d.rules.append(CLAUSE_OUTLET)
                        if d.speaker is None and d.pronoun is None:
                            a, b = base + subj.left_edge.idx, base + subj.idx + len(subj)
                            d.speaker = self.span_rec(a, b, name=found["outlet"], type="outlet", rule=CLAUSE_OUTLET)
                        break

    def lead_sentence_outlets(self) -> None:
        """'Fenn was less guarded during an appearance on Harbour Radio's programme. "I have seen
        three storms," he said.': the sentence right before, in the paragraph, quotes nothing, names
        the quotation's speaker before its verb and an outlet in its source slot: the quotation is from there."""
        for d in self.drafts:
            if d.kind != "inline" or d.source is not None or d.speaker is None or d.parent is not None:
                continue
            pi = d.para
            doc, base = self.docs[pi], self.paragraphs[pi]["start"]
            inside = [t for t in doc if d.start <= base + t.idx < d.end]
            if not inside or inside[0].sent.start == 0:
                continue
            prev = doc[inside[0].sent.start - 1].sent
            if any(t.text in ('"', "“", "”") for t in prev):
                continue
            last = re.sub(r"^the\s+", "", d.speaker["name"].lower()).split()[-1:]
            if not last or last[0] not in [t.lower_ for t in prev if t.i < prev.root.i]:
                continue     # the speaker is named before the sentence's verb: its subject, however parsed
            for start, strong, _kind in self.slots(prev.root):
                span = self.outlet_at(doc, start, set(), strong)
                if span is not None:
                    a, b = base + span[0], base + span[1]
                    d.source = {"outlet": self.clean[a:b], "author": None, "date": None, "date_text": None,
                                "attribution": None, **dict(zip(("raw_start", "raw_end"), self.raw(a, b)))}
                    d.rules.append(LEAD_SENTENCE_OUTLET)
                    break

    def medium_subject_outlet(self, pi: int, cue: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """(source, speaker) when the cue's subject is a bare medium noun ("the paper", "the newspaper")
        and the sentence right before, in the paragraph, has an outlet by its shape as its subject (the
        paper just spoken of), quoting nothing; None otherwise (no guess among earlier outlets)."""
        doc, base = self.docs[pi], self.paragraphs[pi]["start"]
        verb = next((t for t in doc if base + t.idx == cue.get("start")), None)
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        if subj is None or subj.left_edge.i + 1 != subj.i or not self.medium_phrase(doc, subj.left_edge.i):
            return None
        k = min((t.i for t in doc if t.sent == verb.sent and t.text == '"'), default=verb.sent.start)
        if k == 0 or any(t.text == '"' for t in doc[k - 1].sent):
            return None
        prev = doc[k - 1].sent
        head = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
        if head is None:
            return None
        toks = [t for t in head.subtree if t.dep_ != "det"]
        k = len(toks)
        while k > 0 and (toks[k - 1].text[:1].isupper() or toks[k - 1].text == "&"):
            k -= 1   # "The business weekly Capital & Crane": the name after the medium noun
        media = {w.lower() for w in self.cfg["outlet_medium_nouns"]}
        if not toks or toks[-1] not in (head, *head.conjuncts) or k == len(toks) or not (self.finder.is_outlet(" ".join(t.text for t in toks[k:]))
                                                                     or k > 0 and word(toks[k - 1]) in media):
            return None
        toks = toks[k:]
        a, b = base + toks[0].idx, base + toks[-1].idx + len(toks[-1])
        source = {"outlet": self.clean[a:b], "author": None, "date": None, "date_text": None, "attribution": None,
                  **dict(zip(("raw_start", "raw_end"), self.raw(a, b)))}
        return source, self.span_rec(a, b, name=self.clean[a:b], type="outlet", rule=MEDIUM_SUBJECT_OUTLET)

    def outlet_speaker_person(self, pi: int, speaker: dict[str, Any]) -> dict[str, Any] | None:
        """The parse made the outlet of a source slot the subject ("Writing on her blog, Calmer
        Classrooms, the researcher Sunita Rao put it"): the person in apposition to it speaks, else
        no one (never the outlet a person wrote in)."""
        doc, base = self.docs[pi], self.paragraphs[pi]["start"]
        head = next((t for t in doc if speaker["start"] <= base + t.idx < speaker["end"] and t.head.i != t.i
                     and not speaker["start"] <= base + t.head.idx < speaker["end"]), None)
        if head is None:
            return None
        for t in head.subtree:
            if t.dep_ == "appos" and t.ent_type_ == "PERSON":
                ent = next(e for e in doc.ents if e.start <= t.i < e.end)
                a, b = base + ent.start_char, base + ent.end_char
                return self.span_rec(a, b, name=self.clean[a:b], type="person", rule=speaker["rule"],
                                     **{k: v for k, v in speaker.items() if k in ("cue",)})
        return None

    @staticmethod
    def known_outlet(name: str, known: set[str]) -> bool:
        """"the Echo" after "the Tallis Valley Echo": a name that is, or ends, an outlet named as a source."""
        low = re.sub(r"^the\s+", "", name.lower())
        return any(k == low or k.endswith(" " + low) for k in known) and low[:1].isalpha()

    def reporting_organisation(self, d: Any) -> bool:
        """The speaker is the subject of the cue and the cue reports in print: "the Valley Echo
        reported", "the Tribune said in a leader column" (`quotes.outlet_report_words`), and the
        model reads the subject as an organisation or work, not a person."""
        if d.speaker is None or "start" not in d.speaker:
            return False
        pi = d.para
        doc, base = self.docs[pi], self.paragraphs[pi]["start"]
        toks = [t for t in doc if d.speaker["start"] <= base + t.idx < d.speaker["end"]]
        definite = bool(toks) and (toks[0].lower_ == "the" or toks[0].i > 0 and doc[toks[0].i - 1].lower_ == "the")
        toks = [t for t in toks if t.lower_ != "the"]
        the = doc[toks[0].i - 1] if toks and toks[0].i > 0 else None
        capital_the = the is not None and the.text == "The" and the.i > the.sent.start   # "says The Guardian"
        if definite and toks and (self.titled_work(toks) or capital_the and len(toks) == 1
                                  and toks[0].ent_type_ in _OUTLET_TAGS and toks[0].tag_ == "NNP"
                                  and self.outlet_name(toks, False, False)):
            return True    # "As the Scientific American says": a title under "the" the model tags as a body or work
        verb = next((t for t in doc if base + t.idx == d.cue.get("start")), None) if d.cue else None
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return False
        if not toks or not all(t.text[:1].isupper() or t.text == "&" for t in toks) or len(toks) == 1 \
                and toks[0].ent_type_ not in _OUTLET_TAGS and not definite or not self.outlet_name(toks, False, True):
            return False
        words = {w.lower() for w in self.cfg["outlet_report_words"]}
        if lemma(verb).lower() in words:
            return True
        return any(c.dep_ == "prep" and c.lower_ in ("in", "on") and any(
            o.dep_ == "pobj" and lemma(o).lower() in words for o in c.children) for c in verb.children)

    def titled_work(self, toks: list[Any]) -> bool:
        """"the Scientific American": a singular run of capitalised words the model tags ORG or
        WORK_OF_ART throughout, not headed by a body's noun ("the Trades Council") nor a plural ("the
        Bellweather Singers"), nor a person's name."""
        head = toks[-1]
        return len(toks) >= 2 and all(t.text[:1].isupper() and t.ent_type_ in ("ORG", "WORK_OF_ART") for t in toks) \
            and head.tag_ == "NNP" and head.lower_ not in self.finder.org_words \
            and self.outlet_name(toks, False, False)

    # -------------------------------------------------------------- the cue's source slot
    @register('quotes.source.cue_outlet',
              'an outlet told, written in, spoken on or interviewed by in the cue clause is the source',
              kind="resolver")
    def cue_outlet(self, pi: int, cue: dict[str, Any]) -> dict[str, Any] | None:
        """The source named by the reporting clause of a cue (see the module's docstring)."""
        doc, base = self.docs[pi], self.paragraphs[pi]["start"]
        verb = next((t for t in doc if base + t.idx == cue["start"]), None)
        if verb is None:
            return None
        quoted = [(s.open, s.close) for s in self.spans_by_para.get(pi, [])
                  if s.close is not None and len(self.text[s.open:s.close].split()) >= 4]
        stop = {t.i for t in doc if any(a <= base + t.idx < b for a, b in quoted)}
        slots = self.slots(verb)
        # "Y, who said:" under "X told Z"; "... reported by A, and she wrote in B, where she described ...": the
        # nearest clause around the cue first (B), the sentence's root (A) last
        for up in [a for a in verb.ancestors if a.pos_ in ("VERB", "AUX") and a != verb.sent.root] + [verb.sent.root]:
            if up != verb and up.pos_ in ("VERB", "AUX"):
                slots += [x for x in self.slots(up) if x not in slots]
        for start, strong, _kind in slots:
            span = self.outlet_at(doc, start, stop, strong)
            if span is not None:
                a, b = base + span[0], base + span[1]
                return {"outlet": self.clean[a:b], "author": None, "date": None, "date_text": None,
                        "attribution": None, **dict(zip(("raw_start", "raw_end"), self.raw(a, b)))}
        for start, _strong, _kind in slots:
            if self.medium_phrase(doc, start):   # "told the newspaper": the one outlet named before
                found = self.earlier_outlet(base + doc[start].idx)
                if found is not None:
                    return dict(found)
        return None

    def medium_phrase(self, doc: Any, k: int) -> bool:
        """"the newspaper", "the agency": a definite medium noun and nothing more."""
        media = {w.lower() for w in self.cfg["outlet_medium_nouns"]}
        return k + 1 < len(doc) and doc[k].lower_ == "the" and word(doc[k + 1]) in media \
            and doc[k + 1].text[:1].islower() and (k + 2 >= len(doc) or doc[k + 2].pos_ not in ("NOUN", "PROPN"))

    def earlier_outlet(self, pos: int) -> dict[str, Any] | None:
        """The source of the quotations before pos when they name exactly one outlet (a shorter
        name that ends a longer one is the same: "the Echo", "the Tallis Valley Echo")."""
        names: dict[str, dict[str, Any]] = {}
        for d in self.drafts:
            if d.start < pos and d.source and d.source.get("outlet"):
                names.setdefault(d.source["outlet"].lower(), d.source)
        keys = sorted(names, key=len, reverse=True)
        distinct = [k for k in keys if not any(o != k and o.endswith(" " + k) for o in keys)]
        return names[distinct[0]] if len(distinct) == 1 else None

    def slots(self, verb: Any, subjects: bool = False) -> list[tuple[int, bool, str]]:
        """(token index where a source name may start, whether the slot itself says "publication":
        told, spoke to/on, an interview with, an op-ed for, asked by) of the cue's clause, in text order."""
        nouns = {w.lower() for w in self.cfg["outlet_cue_nouns"]}
        heads = [verb]
        h = verb
        for _ in range(3):   # "X quoted Y as saying", "was quoted by X as saying": the verb "saying" hangs on
            if h.dep_ not in ("advcl", "pcomp", "pobj", "prep", "xcomp", "ccomp") or h.head == h:
                break
            h = h.head
            heads.append(h)
        clause: list[Any] = []
        subject_preps: set[int] = set()      # "A post on X": the piece is the subject, X speaks
        staff_slots: list[tuple[int, bool, str]] = []
        stack = list(heads)
        seen: set[int] = set()
        while stack:   # the clause: through prepositions, participles, objects, not the subject or a relative clause
            t = stack.pop()
            if t.i in seen:
                continue
            seen.add(t.i)
            clause.append(t)
            for c in t.children:
                if c.dep_ in ("nsubj", "nsubjpass") and t in heads:
                    staff_slots += self.staff_outlet(c)
                if c.dep_ in ("nsubj", "nsubjpass") and t in heads:   # "X, speaking to Y, said", "X, in an essay for Y,"
                    if subjects and word(c) in nouns and not any(g.dep_ in ("poss",) for g in c.children):
                        subject_preps.update(g.i for g in c.children if g.dep_ == "prep" and g.lower_ in _SLOT_PREPS)
                        stack += [g for g in c.children if g.i in subject_preps]
                    stack += [g for g in c.children if g.dep_ in ("acl", "appos") and g.tag_ in ("VBG", "VBN")
                              or g.dep_ == "prep" and any(o.dep_ == "pobj" and word(o) in nouns for o in g.children)]
                if c.dep_ in ("prep", "pobj", "agent", "advcl", "dobj", "dative", "npadvmod", "appos", "pcomp") \
                        or c.dep_ == "acl" and c.tag_ in ("VBN", "VBG"):
                    stack.append(c)
        writing = {w.lower() for w in self.cfg["outlet_report_words"]}
        by_verbs = writing | {w.lower() for w in self.cfg["outlet_by_verbs"]}
        out = []
        for t in clause:
            low = t.lower_
            if low == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
                out.append((t.i + 2, True, "according"))
            elif low == "per" and t.dep_ == "prep" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text[:1].isupper():
                out.append((t.i + 1, True, "according"))    # "Per Bloomberg, the deal is ..."
            elif t.i in subject_preps:
                out.append((t.i + 1, True, "subject"))
            elif t.pos_ == "VERB" and lemma(t).lower() == "tell":
                out.append((t.i + 1, True, ""))
            elif t.pos_ == "VERB" and lemma(t).lower() == "quote" and t in heads:
                out += [(c.left_edge.i, True, "") for c in t.children if c.dep_ == "nsubj"]
            elif t.dep_ in ("prep", "agent", "dative") and low in _SLOT_PREPS and t.head.i in seen \
                    and (low != "by" or word(t.head) in by_verbs):   # "asked by X", never "a dress by X"
                h = word(t.head)
                if h in nouns or h in writing:
                    out.append((t.i + 1, True, ""))
                elif t.head.pos_ in ("VERB", "AUX"):   # "said in X" may be a place: only an outlet's own shape
                    out.append((t.i + 1, low != "in", ""))
        return sorted(set(out)) + [x for x in staff_slots if x not in out]

    def staff_outlet(self, subj: Any) -> list[tuple[int, bool, str]]:
        """"X, a reporter for the Y, wrote", "the Y's critic, X": the publication a journalist
        speaker writes for (`quotes.outlet_staff_nouns`), never a spokesman's employer."""
        staff = {w.lower() for w in self.cfg["outlet_staff_nouns"]}
        out = []
        for n in [subj] + [c for c in subj.children if c.dep_ == "appos"] + ([subj.head] if subj.dep_ == "appos" else []):
            if lemma(n).lower() not in staff:
                continue
            out += [(p.i + 1, True, "") for p in n.children if p.dep_ == "prep" and p.lower_ in ("for", "at", "of")]
            out += [(p.left_edge.i, True, "") for p in n.children if p.dep_ == "poss" and p.pos_ == "PROPN"]
        return out

    def outlet_at(self, doc: Any, k: int, stop: set[int], strong: bool) -> tuple[int, int] | None:
        """(start, end) doc-relative of the outlet named from token k on, or None."""
        media = {w.lower() for w in self.cfg["outlet_medium_nouns"]}
        works = {w.lower() for w in self.cfg["outlet_work_nouns"]}
        n = len(doc)
        j = k
        medium = False
        while j < n and j - k < 6 and j not in stop and (doc[j].text[:1].islower() or doc[j].pos_ == "NUM") \
                and doc[j].pos_ in ("DET", "PRON", "ADJ", "NOUN", "PROPN", "NUM") and not is_web_address(doc[j].text):
            j += 1      # "her blog", "local news site", "the parish magazine", "broadcaster"
        if j > k:
            if word(doc[j - 1]) in media or doc[j - 1].lower_ in media or word(doc[j - 1]) in works:
                medium = True
            elif not all(t.pos_ in ("DET", "PRON", "NUM") for t in doc[k:j]):   # "the", "her", "their 2024"
                return None
        marked = comma = False
        while j < n and j not in stop and (doc[j].text in _TITLE_MARKS or doc[j].text == "," and medium):
            marked = marked or doc[j].text != ","
            comma = comma or doc[j].text == ","
            j += 1
        if j >= n or j in stop:
            return None
        web = WEB_RE.match(doc.text, doc[j].idx)
        if web and is_web_address(web.group(0).rstrip(".")) and web.start() == doc[j].idx:
            return doc[j].idx, doc[j].idx + len(web.group(0).rstrip("."))
        run = []
        while j < n and j not in stop and len(run) < 8:
            t = doc[j]
            if t.text[:1].isupper() or t.like_num or t.text == "&" and run \
                    or t.lower_ in _RUN_INNER and run and j + 1 < n and doc[j + 1].text[:1].isupper():
                run.append(t)
                j += 1
            else:
                break
        while run and (run[0].lower_ == "the" or run[0].like_num):   # "their 2024 Global Waste Outlook report"
            run = run[1:]
        while run and run[-1].lower_ in _RUN_INNER:
            run = run[:-1]
        after = doc[run[-1].i + 1] if run and run[-1].i + 1 < n else None
        if after is not None and not run[-1].whitespace_ and after.text in ("-", "–"):
            return None     # "a Honduran and Afro-Cuban family": the run ends inside a word
        if after is not None and after.text[:1].islower() and (word(after) in media or word(after) in works):
            medium = True   # "the Kitchen Table podcast", "The Proving Drawer newsletter", "the X Outlook report"
        if not run or not self.outlet_name(run, medium or marked, strong, tight=medium and not comma or marked):
            return None
        return run[0].idx, run[-1].idx + len(run[-1])

    def outlet_name(self, run: list[Any], introduced: bool, strong: bool, tight: bool = False) -> bool:
        """Whether a run of capitalised words names an outlet (see the module's docstring). In a
        strong slot any name but a person's, a date or a body's; elsewhere only an outlet's shape
        or the model's ORG / WORK_OF_ART."""
        from ...quoting.gender import first_name

        words = {w.lower() for w in self.cfg["outlet_words"]}
        low = " ".join(t.lower_ for t in run)
        head = run[-1].lower_
        labels = [t.ent_type_ for t in run]
        shaped = head in words or run[0].lower_ in words and len(run) > 1 or introduced   # "Radio Ostry"
        if run[0].lower_.rstrip(".") in self.finder.honorifics or run[0].lower_ in self.finder.titles \
                or any(t.pos_ == "PRON" for t in run):
            return False          # "Dr", "Our", "It"
        if not tight and (low in self.finder.persons and head not in words or head in self.finder.persons and not shaped):
            return False          # a name the document gives a person (but "the documentary Low Water", "Coastline Monthly")
        bodies = self.finder.org_words | set(self.cfg["outlet_body_heads"])
        if any(t.lower_ in bodies for t in run) and not any(t.lower_ in words for t in run):
            return False          # "the Westmark Trades Council", "the Kestrel Museum", "the Chamber of Commerce"
        if head in words or run[0].lower_ in words and len(run) > 1:
            return True           # "the Halvorsen Tribune", whatever the model calls it
        if shaped:   # "in his book, Smith argues": a person after the noun is no title ("the documentary Low Water" is)
            return tight or not (any(labels) and all(lab == "PERSON" for lab in labels if lab)) \
                and not (len(run) <= 2 and head not in words and first_name(run[0].text) is not None)
        if "PERSON" in labels or all(lab in ("DATE", "TIME", "CARDINAL", "ORDINAL") for lab in labels if lab) \
                and any(labels):
            return False          # "on Friday"
        tagged = any(lab in _OUTLET_TAGS for lab in labels)
        if len(run) <= 2 and not tagged and first_name(run[0].text) is not None:
            return False          # "told Marta Ilves" where the model does not tag her
        if strong:
            return True
        return tagged and not any(lab in ("GPE", "LOC", "NORP", "FAC") for lab in labels)
