"""The same page saved twice (an HTML save and a text dump) is one duplicate, not two copies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline.store import read_json
from pipeline.stages.copyright.duplicates import drop_copies_of_duplicates, duplicate_documents
from pipeline.stages.copyright.signals import Candidate

WORDS = list(range(0, 1000, 5))     # 200 words, one every 5 characters


def test_a_page_and_its_text_dump_are_duplicates_reported_once_by_the_later_name() -> None:
    m = [{"document": "page.txt", "start": 0, "end": 900, "words": 180}]
    [d] = duplicate_documents("page.html", WORDS, m, {"page.txt": 190}, 0.8)
    assert d["document"] == "page.txt" and d["canonical"] == "page.html" and d["reported_here"] is False
    [d2] = duplicate_documents("page.txt", WORDS, [{**m[0], "document": "page.html"}], {"page.html": 200}, 0.8)
    assert d2["canonical"] == "page.html" and d2["reported_here"] is True


def test_a_page_that_copies_one_passage_is_not_a_duplicate() -> None:
    m = [{"document": "other.txt", "start": 0, "end": 300, "words": 60}]
    assert duplicate_documents("page.txt", WORDS, m, {"other.txt": 2000}, 0.8) == []


def test_copy_flags_pointing_only_at_a_duplicate_are_dropped() -> None:
    c = Candidate(rule="copyright.copied", kind="copied passage", start=0, end=900, signals={}, why="",
                  documents=["page.txt"])
    keep = Candidate(rule="copyright.copied", kind="copied passage", start=0, end=900, signals={}, why="",
                     documents=["elsewhere.txt"])
    dups = [{"document": "page.txt"}]
    assert drop_copies_of_duplicates([c, keep], dups) == [keep]


def test_a_page_wholly_contained_in_a_longer_one_is_a_copy_not_a_duplicate() -> None:
    m = [{"document": "long.txt", "start": 0, "end": 1000, "words": 200}]
    assert duplicate_documents("short.txt", WORDS, m, {"long.txt": 2000}, 0.8) == []
    assert duplicate_documents("short.txt", WORDS, m, {}, 0.8) == []     # size unknown: not judged


def test_a_page_saved_as_html_and_as_text_is_one_duplicate_not_two_copy_flags(tmp_path) -> None:
    from pipeline.corpus_copies import copies_path
    from tests.test_copyright import normalise_and_copy, para, process

    body = "\n\n".join(para(80, f"s{i}x") for i in range(4))
    texts = {"page.html": "<html><body><h1>Garden notes</h1><p>" + body.replace("\n\n", "</p><p>")
                          + "</p></body></html>",
             "page.txt": "Garden notes\n\n" + body + "\n"}
    normalise_and_copy(tmp_path, texts)
    copies = read_json(copies_path(tmp_path, "page.txt"))
    out = process(texts["page.txt"], "page.txt", copies=copies)
    assert [f for f in out["flags"] if f["rule"] == "copyright.copied"] == []
    [d] = out["document_signals"]["duplicates"]
    assert d["document"] == "page.html" and d["reported_here"] is True


# ------------------------------------------------------------- the corpus step gives the sizes
ORCHARD = [   # invented prose: one page, saved as HTML and as a text dump
    "The old orchard behind the mill had been left to itself for nearly twenty years before a handful "
    "of neighbours decided, one wet spring, that the trees deserved better. Most of them had never pruned "
    "anything larger than a rose bush, and the first weekend was spent mostly arguing about ladders.",
    "By the end of April the group had cleared the brambles from the lower rows and found, to general "
    "surprise, that many of the trees were still sound. A retired teacher who kept bees offered two hives, "
    "and a carpenter from the next village built a long table out of fallen branches for the volunteers' lunches.",
    "The harvest in October was modest but cheerful. Children sorted windfalls into crates for juice while "
    "their parents argued, again, about which of the unnamed varieties tasted best. Someone suggested naming "
    "each tree after the person who had worked hardest on it, and the idea stuck, although nobody could agree "
    "on the rules.",
    "Over the winter the volunteers met in the back room of the village hall to plan the next season. They drew "
    "the rows on a large sheet of paper, marked every tree that needed attention, and listed the tools that had "
    "gone missing or broken. A small grant from the parish paid for new saws and a first aid box.",
    "Next year the group hopes to graft new stock from the healthiest trees, plant a hedge along the northern "
    "edge to slow the wind, and open the orchard to the local school on Friday afternoons. None of it will make "
    "money, the organisers admit, but the mill lane has rarely been so busy or so friendly on a Saturday morning.",
]
TRAINS = [    # an unrelated page of its own text
    "Model railway clubs have a reputation for quiet rooms and very small screws, but the club that meets above "
    "the bakery on Station Road is loud, crowded and proud of it. Its members range from a nine-year-old signalling "
    "enthusiast to a former ferry captain who builds every locomotive from scratch.",
    "This winter the club is rebuilding its main layout, a coastal branch line with a harbour, a viaduct and a "
    "tunnel that never quite worked. The plan is to finish the scenery before the spring exhibition, which means "
    "long evenings of painting rocks, gluing lichen and untangling wiring beneath the baseboards.",
    "Visitors are welcome on the first Tuesday of every month. Tea is free, the biscuits are not, and anyone who "
    "touches the harbour crane without asking will be gently but firmly shown the stairs.",
]
WEATHER = [   # a page that quotes a long passage of the orchard page inside its own text
    "Our village newsletter has always been short on news and long on weather, and this issue is no exception. "
    "The river rose twice in November, the footbridge was closed for a week, and the bus timetable changed again "
    "without anyone being told about it in advance.",
    "There was, however, one happier story this autumn, and we reproduce the orchard group's own account of it here "
    "because it says everything better than we could.",
] + ORCHARD[1:4] + [
    "The newsletter committee would like to thank everyone who sent in photographs of the flooding, and reminds "
    "readers that the next issue will go to print at the end of January, storms permitting, with the usual list "
    "of lost gloves and found cats on the back page.",
]


def _html(title: str, paras: list[str]) -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paras)
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title></head>\n"
            f"<body><article><h1>{title}</h1>\n{body}</article></body></html>\n")


@pytest.fixture(scope="module")
def saved_twice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pipeline.runner import run_all

    base = tmp_path_factory.mktemp("saved-twice")
    raw, out = base / "raw", base / "processed"
    raw.mkdir()
    (raw / "orchard.html").write_text(_html("The orchard behind the mill", ORCHARD), encoding="utf-8")
    (raw / "orchard.txt").write_text("The orchard behind the mill\n\n" + "\n\n".join(ORCHARD) + "\n", encoding="utf-8")
    (raw / "trains.txt").write_text("Above the bakery\n\n" + "\n\n".join(TRAINS) + "\n", encoding="utf-8")
    (raw / "weather.txt").write_text("Winter newsletter\n\n" + "\n\n".join(WEATHER) + "\n", encoding="utf-8")
    results = run_all(raw, out, None, until="copyright")
    assert all(r.ok for r in results)
    return out


def _copyright(out: Path, doc_id: str) -> dict[str, Any]:
    return read_json(out / "05_copyright" / f"{doc_id}.json")


def _copied_from(out: Path, doc_id: str) -> list[str]:
    return sorted(d for f in _copyright(out, doc_id)["flags"] if "copyright.copied" in f["rules"]
                  for d in f["documents"])


def test_the_corpus_step_gives_each_match_the_other_documents_word_count(saved_twice: Path) -> None:
    from pipeline.corpus_copies import copies_path, tokens

    for m in read_json(copies_path(saved_twice, "orchard.txt"))["matches"]:
        text = read_json(saved_twice / "03_normalise" / f"{m['document']}.json")["text"]
        assert m["document_words"] == len(tokens(text))


def test_an_html_save_and_a_text_dump_of_one_page_are_one_duplicate_reported_once(saved_twice: Path) -> None:
    html = _copyright(saved_twice, "orchard.html")["document_signals"]["duplicates"]
    txt = _copyright(saved_twice, "orchard.txt")["document_signals"]["duplicates"]
    assert [d["document"] for d in html] == ["orchard.txt"] and [d["document"] for d in txt] == ["orchard.html"]
    assert [d["reported_here"] for d in html + txt] == [False, True]    # once, on the later name
    assert "orchard.txt" not in _copied_from(saved_twice, "orchard.html")
    assert "orchard.html" not in _copied_from(saved_twice, "orchard.txt")


def test_an_unrelated_document_is_neither_a_duplicate_nor_a_copy(saved_twice: Path) -> None:
    out = _copyright(saved_twice, "trains.txt")
    assert out["document_signals"]["duplicates"] == [] and _copied_from(saved_twice, "trains.txt") == []


def test_a_page_quoting_a_long_passage_of_another_keeps_its_copy_flag(saved_twice: Path) -> None:
    assert _copied_from(saved_twice, "weather.txt") == ["orchard.html", "orchard.txt"]
    assert _copyright(saved_twice, "weather.txt")["document_signals"]["duplicates"] == []
    assert "weather.txt" in _copied_from(saved_twice, "orchard.html")     # both sides flag the shared passage
