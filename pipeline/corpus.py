"""Corpus-level outputs: quotations and speakers across documents.

``corpus/quotations.jsonl``: one line per distinct quoted passage. Quotations of different
documents that share a run of at least ``min_shared_words`` words (after the scoring
normalisation: quote marks, dashes, case) are linked; the line's text is the shared passage and
each occurrence gives its exact raw span. Quotations shared with no other document get a line of
their own. Found with a word n-gram index, so the cost grows with the corpus, not its square.

``corpus/speakers.jsonl``: each speaker with their quotations across documents. Names are merged
conservatively: the same normalised name (honorifics dropped), or a bare surname that ends exactly
one full name of the same type in the corpus.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from .store import read_json_streamed, write_jsonl
from .text import words
from .text.names import CORPUS_HONORIFICS, honorific_prefix
from .rules import declare

# the rules this module applies: declared once here, used through these constants
SHARED_PASSAGE = declare("corpus.shared_passage", stage="corpus",
        why="quotations sharing a run of words across documents are one passage",
        params=["min_shared_words"])
SINGLE = declare("corpus.single", stage="corpus", why="a quotation no other document shares is its own index entry")
SPEAKER_SAME_NAME = declare("corpus.speaker.same_name", stage="corpus",
        why="speakers with the same name are one speaker across documents")
SPEAKER_SURNAME = declare("corpus.speaker.surname", stage="corpus",
        why="a bare surname joins the one full name of the corpus that ends with it",
        params=["surname_merge"])

WORD = words.JOINED_RUN
HONORIFIC = honorific_prefix(CORPUS_HONORIFICS)   # dropped to compare names ('Mrs Roe' is 'roe', not 's roe')


def norm_text(s: str) -> str:
    """The comparison form of GOLD_FORMAT.md: NFKC, one kind of quote mark and dash, case folded."""
    s = unicodedata.normalize("NFKC", s)
    s = re.sub("[“”„‟«»″]", '"', s)
    s = re.sub("[‘’‚‛`´′]", "'", s)
    s = re.sub("[‐‑‒–—―−]", "-", s)
    return re.sub(r"\s+", " ", s.replace("…", "...")).strip().casefold()


def build(out_dir: Path, docs: list[Any], config: Any) -> None:
    cfg = config.section("corpus")   # every key required by the schema (stages.OTHER_SECTIONS)
    quotes: list[dict[str, Any]] = []
    for doc in docs:
        path = out_dir / "04_quotes" / f"{doc.doc_id}.json"
        if not path.exists():
            continue

        def keep(head: dict[str, Any], _key: str, q: dict[str, Any], doc_id: str = doc.doc_id) -> None:
            quotes.append({**{k: q[k] for k in _USED if k in q}, "document": head["document"]["name"], "doc_id": doc_id})

        # one quotation at a time, only the fields the indexes use: memory grows with quotations, not records
        read_json_streamed(path, keep, ["quotations"])
    write_jsonl(out_dir / "corpus" / "quotations.jsonl", linked_rows(quotes, cfg["min_shared_words"]))
    write_jsonl(out_dir / "corpus" / "speakers.jsonl", merge_speakers(quotes, cfg["surname_merge"],
                                                                         config.section("quotes")["gender_honorifics"]))


# ------------------------------------------------------------------------------ quotations
_USED = ("id", "text", "start", "end", "raw_start", "raw_end", "speaker")  # what the indexes read of a quotation


@lru_cache(maxsize=1 << 16)
def _norm_word(word: str) -> str:
    return norm_text(word)  # words repeat across a corpus: normalise each distinct one once


def _offsets(q: dict[str, Any]) -> list[tuple[int, int]]:
    """Where each word of a quotation is in its text (found again when a shared run needs them)."""
    return [(m.start(), m.end()) for m in WORD.finditer(q["text"])]


def link_quotations(quotes: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    return list(linked_rows(quotes, n))


def linked_rows(quotes: list[dict[str, Any]], n: int) -> Iterator[dict[str, Any]]:
    """The index rows, shared passages first, then every quotation no passage covers (made as
    they are written: a huge document's rows are never all held)."""
    words_of = [[_norm_word(m.group(0)) for m in WORD.finditer(q["text"])] for q in quotes]
    doc_of = [q["doc_id"] for q in quotes]
    maybe = _in_several_documents(words_of, doc_of, n)
    index: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for qi, words in enumerate(words_of):
        for i in range(len(words) - n + 1):
            key = tuple(words[i:i + n])
            if hash(key) in maybe:   # a run of one document only is never shared: not indexed
                index.setdefault(key, []).append((qi, i))
    # maximal shared runs between quotations of different documents
    passages: dict[str, dict[str, Any]] = {}
    seen_pairs: set[tuple[int, int, int, int]] = set()
    shared_keys = [key for key, hits in index.items() if len(hits) > 1 and len({doc_of[qi] for qi, _ in hits}) > 1]
    for key in sorted(shared_keys):
        hits = index[key]
        for a_qi, a_i in hits:
            a_words, a_doc = words_of[a_qi], doc_of[a_qi]
            for b_qi, b_i in hits:
                if a_doc >= doc_of[b_qi]:
                    continue
                b_words = words_of[b_qi]
                # extend to the left start of the run only once
                if a_i > 0 and b_i > 0 and a_words[a_i - 1] == b_words[b_i - 1]:
                    continue
                if (a_qi, a_i, b_qi, b_i) in seen_pairs:
                    continue
                seen_pairs.add((a_qi, a_i, b_qi, b_i))
                k = 0
                while a_i + k < len(a_words) and b_i + k < len(b_words) and a_words[a_i + k] == b_words[b_i + k]:
                    k += 1
                passage = " ".join(a_words[a_i:a_i + k])
                entry = passages.setdefault(passage, {"occ": {}})
                for qi, i in ((a_qi, a_i), (b_qi, b_i)):
                    entry["occ"][qi] = (i, i + k)
    # a quotation that contains a shared passage elsewhere in its text is an occurrence too;
    # only quotations that have every word of the passage can (postings, not a scan of all)
    postings: dict[str, list[int]] = {}
    for qi, words in enumerate(words_of if passages else ()):   # no shared passage (one document): not needed
        for w in dict.fromkeys(words):
            postings.setdefault(w, []).append(qi)
    joined: dict[int, str] = {}
    lines = []
    covered: set[int] = set()
    for passage in sorted(passages, key=lambda p: (-len(p), p)):
        occ = passages[passage]["occ"]
        lists = [postings.get(w, []) for w in set(passage.split(" "))]
        candidates = min(lists, key=len) if lists else []
        for qi in candidates:
            if qi in occ:
                continue
            if qi not in joined:
                joined[qi] = " ".join(words_of[qi])
            if passage in joined[qi]:
                words = passage.split(" ")
                ws = words_of[qi]
                for i in range(len(ws) - len(words) + 1):
                    if ws[i:i + len(words)] == words:
                        occ[qi] = (i, i + len(words))
                        break
        occurrences = []
        for qi in sorted(occ, key=lambda q: (quotes[q]["document"], quotes[q]["start"])):
            i, j = occ[qi]
            q = quotes[qi]
            offs = _offsets(q)
            s_off, e_off = offs[i][0], offs[j - 1][1]
            if s_off == 0 and e_off >= len(q["text"].rstrip(" .,;:")):
                covered.add(qi)
            occurrences.append({"document": q["document"], "quotation": q["id"],
                                "raw_start": _raw_at(q, s_off), "raw_end": _raw_at(q, e_off, end=True),
                                "speaker": (q.get("speaker") or {}).get("name")})
        fq = min(occ, key=lambda q: (quotes[q]["document"], quotes[q]["start"]))
        i, j = occ[fq]
        offs = _offsets(quotes[fq])
        text = quotes[fq]["text"][offs[i][0]:offs[j - 1][1]]
        lines.append({"text": text, "shared": True, "words": j - i,
                      "documents": sorted({o["document"] for o in occurrences}), "occurrences": occurrences,
                      "speakers": sorted({o["speaker"] for o in occurrences if o["speaker"]}),
                      "rule": SHARED_PASSAGE})
    lines.sort(key=lambda r: (r["occurrences"][0]["document"], r["occurrences"][0]["raw_start"]))
    singles = sorted((q["document"], q["raw_start"], qi) for qi, q in enumerate(quotes) if qi not in covered)
    for i, r in enumerate(lines):
        yield {"id": f"corpus#c{i + 1}", **r}
    for i, (_, _, qi) in enumerate(singles, start=len(lines) + 1):
        q = quotes[qi]
        yield {"id": f"corpus#c{i}", "text": q["text"], "shared": False, "words": len(words_of[qi]),
               "documents": [q["document"]],
               "occurrences": [{"document": q["document"], "quotation": q["id"], "raw_start": q["raw_start"],
                                "raw_end": q["raw_end"], "speaker": (q.get("speaker") or {}).get("name")}],
               "speakers": [(q.get("speaker") or {}).get("name")] if q.get("speaker") else [],
               "rule": SINGLE}


def _in_several_documents(words_of: list[list[str]], doc_of: list[str], n: int) -> set[int]:
    """Hashes of the word runs found in more than one document (and a few others, by hash
    collision, which the caller's own check drops): a huge document's runs, shared with no
    other, are hashed, never held as an index."""
    seen: set[int] = set()
    several: set[int] = set()
    here: set[int] = set()
    if len(set(doc_of)) < 2:   # one document: no run is in two
        return several
    for qi, words in enumerate(words_of):
        if doc_of[qi] == doc_of[-1]:   # the last document's runs are only looked up, never held
            several.update(h for i in range(len(words) - n + 1) if (h := hash(tuple(words[i:i + n]))) in seen)
            continue
        here.update(hash(tuple(words[i:i + n])) for i in range(len(words) - n + 1))
        if qi + 1 == len(words_of) or doc_of[qi + 1] != doc_of[qi]:
            several |= here & seen
            seen |= here
            here = set()
    return several


def _raw_at(q: dict[str, Any], off: int, end: bool = False) -> int:
    """Raw offset of a character of a quotation. Exact when the quotation's clean span maps
    one-to-one to raw (same length); otherwise the quotation's own bounds."""
    if q["raw_end"] - q["raw_start"] == q["end"] - q["start"]:
        return q["raw_start"] + off
    return q["raw_end"] if end else q["raw_start"]


# ------------------------------------------------------------------------------ speakers
def speaker_key(name: str) -> str:
    n = HONORIFIC.sub("", name.strip())
    n = re.sub(r"^(the)\s+", "", n, flags=re.IGNORECASE)
    return norm_text(n).strip(" .,")


def speaker_gender(name: str, genders: dict[str, str]) -> str:
    """The gender a leading honorific gives ('Mrs. Pemberton' is not 'Mr. Pemberton'):
    ``genders`` is the quotes stage's ``gender_honorifics``; "" when it says none."""
    m = HONORIFIC.match(name.strip())
    first = m.group(0).strip(" .").split(".")[0].split()[0].lower() if m else ""
    return genders.get(first, "")


def _fold(groups: dict[tuple[str, str], dict[str, Any]], src: tuple[str, str], dst: tuple[str, str]) -> dict[str, Any]:
    """Group ``src`` joins group ``dst`` (its names counted, its quotations listed); returns ``dst``."""
    g, target = groups.pop(src), groups[dst]
    for n, c in g["names"].items():
        target["names"][n] = target["names"].get(n, 0) + c
    target["quotations"].extend(g["quotations"])
    return target


def _join_ungendered(groups: dict[tuple[str, str], dict[str, Any]]) -> None:
    """'Pemberton' joins 'Mrs. Pemberton' when she is the only titled Pemberton; with both a Mr. and
    a Mrs. it joins neither. A marker that no longer separates two groups is dropped."""
    def base(k: str) -> str:
        return k.split("\u0000")[0]

    for k, typ in sorted(groups):
        if "\u0000" in k or (k, typ) not in groups:
            continue
        gendered = [kt for kt in groups if kt[1] == typ and kt[0] != k and base(kt[0]) == k]
        if len(gendered) == 1:
            _fold(groups, (k, typ), gendered[0])
    for k, typ in sorted(groups):
        if "\u0000" in k and sum(1 for kt in groups if kt[1] == typ and base(kt[0]) == base(k)) == 1:
            groups[(base(k), typ)] = groups.pop((k, typ))


def merge_speakers(quotes: list[dict[str, Any]], surname_merge: bool,
                   genders: dict[str, str]) -> list[dict[str, Any]]:
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for q in quotes:
        sp = q.get("speaker")
        if not sp or not sp.get("name"):
            continue
        typ = sp.get("type") or "person"
        key = (speaker_key(sp["name"]), typ)
        gender = speaker_gender(sp["name"], genders) if typ == "person" else ""
        if gender:   # a gendered honorific keeps its name apart from the other gender's
            key = (f"{key[0]}\u0000{gender}", typ)
        g = groups.setdefault(key, {"names": {}, "type": typ, "quotations": []})
        g["names"][sp["name"]] = g["names"].get(sp["name"], 0) + 1
        g["quotations"].append(q["id"])
    _join_ungendered(groups)
    if surname_merge:
        for (k, typ) in sorted(groups, key=lambda kt: len(kt[0])):
            if typ != "person" or " " in k or (k, typ) not in groups:
                continue
            fuller = [kt for kt in groups if kt[1] == typ and kt[0] != k and kt[0].split(" ")[-1] == k]
            if len(fuller) == 1:
                _fold(groups, (k, typ), fuller[0]).setdefault("rules", []).append(SPEAKER_SURNAME)
    out = []
    for (k, typ), g in sorted(groups.items()):
        names = sorted(g["names"], key=lambda n: (-len(n.split()), -g["names"][n], n))
        out.append({"name": names[0], "variants": sorted(g["names"]), "type": typ,
                    "quotations": sorted(set(g["quotations"])),
                    "documents": sorted({qid.split("#")[0] for qid in g["quotations"]}),
                    "rules": [SPEAKER_SAME_NAME] + g.get("rules", [])})
    return [{"id": f"corpus#s{i + 1}", **r} for i, r in enumerate(out)]
