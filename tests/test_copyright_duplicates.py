"""The same page saved twice (an HTML save and a text dump) is one duplicate, not two copies."""

from __future__ import annotations

from pipeline.stages.copyright_duplicates import drop_copies_of_duplicates, duplicate_documents
from pipeline.stages.copyright_rules import Candidate

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
    from pipeline.corpus_copies import copies_path, update
    from pipeline.runner import DocContext, run_stage, write_stage_output
    from pipeline.stages import stage
    from pipeline.store import read_json, sha256_bytes
    from tests.test_copyright import CONFIG, para, process

    body = "\n\n".join(para(80, f"s{i}x") for i in range(4))
    texts = {"page.html": "<html><body><h1>Garden notes</h1><p>" + body.replace("\n\n", "</p><p>")
                          + "</p></body></html>",
             "page.txt": "Garden notes\n\n" + body + "\n"}
    for name, text in texts.items():   # the corpus step reads the documents' normalise outputs
        data = text.encode("utf-8")
        ctx = DocContext(name, name, data, sha256_bytes(data))
        for s in ("extract", "strip", "normalise"):
            write_stage_output(stage(s), tmp_path, name, run_stage(stage(s), ctx, CONFIG))
    update(tmp_path, list(texts), CONFIG)
    copies = read_json(copies_path(tmp_path, "page.txt"))
    for m in copies["matches"]:     # the other document's size, as the corpus step can give it
        m["document_words"] = len(read_json(tmp_path / "03_normalise" / f"{m['document']}.json")["text"].split())
    out = process(texts["page.txt"], "page.txt", copies=copies)
    assert [f for f in out["flags"] if f["rule"] == "copyright.copied"] == []
    [d] = out["document_signals"]["duplicates"]
    assert d["document"] == "page.html" and d["reported_here"] is True
