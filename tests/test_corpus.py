"""Corpus indexes: the same quotation linked across documents; speakers merged conservatively."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from pipeline.config import load_config
from pipeline.corpus import link_quotations, merge_speakers

ROOT = Path(__file__).resolve().parent.parent
GENDERS = load_config().section("quotes")["gender_honorifics"]


def q(doc: str, n: int, text: str, name: str | None = None, typ: str = "person") -> dict[str, Any]:
    return {"id": f"{doc}#q{n}", "document": doc, "doc_id": doc, "text": text, "start": 0, "end": len(text),
            "raw_start": 100, "raw_end": 100 + len(text), "speaker": {"name": name, "type": typ} if name else None}


SHARED = "we place direct responsibility for the deaths with the attacking forces and no one else"


def test_quotations_sharing_a_long_passage_are_linked_across_documents() -> None:
    lines = link_quotations([q("a.txt", 1, SHARED), q("b.txt", 4, "Yet " + SHARED + ". Indeed, more.")], 8)
    shared = [line for line in lines if line["shared"]]
    assert len(shared) == 1
    assert [o["quotation"] for o in shared[0]["occurrences"]] == ["a.txt#q1", "b.txt#q4"]
    assert shared[0]["text"].startswith("we place direct responsibility")


def test_occurrence_raw_span_covers_only_the_shared_passage() -> None:
    lines = link_quotations([q("a.txt", 1, SHARED), q("b.txt", 1, "Yet " + SHARED + ". More words.")], 8)
    occ = [line for line in lines if line["shared"]][0]["occurrences"][1]
    assert occ["raw_start"] == 104 and occ["raw_end"] == 104 + len(SHARED)


def test_short_common_phrases_are_not_links() -> None:
    lines = link_quotations([q("a.txt", 1, "it is what it is"), q("b.txt", 1, "it is what it is")], 8)
    assert not any(line["shared"] for line in lines)


def test_quotations_in_one_document_only_are_not_linked() -> None:
    lines = link_quotations([q("a.txt", 1, SHARED), q("a.txt", 2, SHARED)], 8)
    assert not any(line["shared"] for line in lines) and len(lines) == 2


def test_bare_surname_merges_with_the_one_full_name() -> None:
    sp = merge_speakers([q("a.txt", 1, "x", "Anna Berg"), q("b.txt", 1, "y", "Berg"), q("b.txt", 2, "z", "Mr. Berg")], True, GENDERS)
    assert len(sp) == 1 and sp[0]["name"] == "Anna Berg" and sp[0]["quotations"] == ["a.txt#q1", "b.txt#q1", "b.txt#q2"]


def test_surname_shared_by_two_full_names_is_not_merged() -> None:
    sp = merge_speakers([q("a.txt", 1, "x", "Anna Berg"), q("a.txt", 2, "x", "Tom Berg"), q("b.txt", 1, "y", "Berg")], True, GENDERS)
    assert sorted(s["name"] for s in sp) == ["Anna Berg", "Berg", "Tom Berg"]


def test_mrs_and_mr_of_one_surname_are_two_speakers() -> None:
    sp = merge_speakers([q("a.txt", 1, "x", "Mrs. Pemberton"), q("b.txt", 1, "y", "Mr. Pemberton")], True, GENDERS)
    assert sorted(s["name"] for s in sp) == ["Mr. Pemberton", "Mrs. Pemberton"]


def test_bare_surname_joins_neither_of_two_titled_people() -> None:
    sp = merge_speakers([q("a.txt", 1, "x", "Mrs. Pemberton"), q("b.txt", 1, "y", "Mr. Pemberton"),
                         q("c.txt", 1, "z", "Pemberton")], True, GENDERS)
    assert len(sp) == 3


def test_honorific_without_full_stop_is_dropped_whole() -> None:
    from pipeline.corpus import speaker_key

    assert speaker_key("Mrs Smith") == "smith" and speaker_key("Francois Roe") == "francois roe"


def test_person_and_outlet_of_the_same_name_stay_apart() -> None:
    sp = merge_speakers([q("a.txt", 1, "x", "Time", "outlet"), q("b.txt", 1, "y", "Time", "person")], True, GENDERS)
    assert len(sp) == 2


def test_seed_corpus_links_are_found(seeds_processed: Path) -> None:
    gold = yaml.safe_load((ROOT / "tests" / "gold" / "corpus.yaml").read_text())
    from pipeline.corpus import norm_text

    lines = [json.loads(x) for x in (seeds_processed / "corpus" / "quotations.jsonl").read_text().splitlines()]
    for link in gold["same_quotation"]:
        frag = norm_text(link["fragment"])
        assert any(line["shared"] and frag in norm_text(line["text"])
                   and set(link["documents"]) <= set(line["documents"]) for line in lines), link
