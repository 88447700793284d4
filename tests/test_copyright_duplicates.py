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


def test_without_the_other_documents_size_this_documents_share_decides() -> None:
    m = [{"document": "page.txt", "start": 0, "end": 900, "words": 180}]
    [d] = duplicate_documents("page.html", WORDS, m, {}, 0.8)
    assert d["share_of_other"] is None and d["share_of_this"] >= 0.8


def test_a_page_saved_as_html_and_as_text_is_one_duplicate_not_two_copy_flags(tmp_path) -> None:
    from tests.test_copyright import para, process
    body = "\n\n".join(para(80, f"s{i}x") for i in range(4))
    (tmp_path / "page.html").write_text(f"<html><body><h1>Garden notes</h1><p>{body.replace(chr(10) * 2, '</p><p>')}</p>"
                                        "</body></html>", encoding="utf-8")
    (tmp_path / "page.txt").write_text("Garden notes\n\n" + body + "\n", encoding="utf-8")
    out = process((tmp_path / "page.txt").read_text(encoding="utf-8"), "page.txt", raw_dir=tmp_path)
    assert [f for f in out["flags"] if f["rule"] == "copyright.copied"] == []
    [d] = out["document_signals"]["duplicates"]
    assert d["document"] == "page.html" and d["reported_here"] is True
