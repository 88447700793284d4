"""The scorer of ``pipeline evaluate`` on small hand-made gold and prediction pairs (GOLD_FORMAT.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from pipeline.cli import main as cli_main
from pipeline.evaluate import build_dump, contains_words, evaluate, normalise, occurs, score_dump
import independent_scorer  # tests/independent_scorer.py (tests/ is on sys.path)


def counts(gold: dict[str, Any], dump: dict[str, Any]) -> dict[str, tuple[int, int]]:
    """(found, total) of every metric with something to score."""
    return {m: (s.found, s.total) for m, s in score_dump(gold, dump).scores.items() if s.total}


def dump_of(clean: str = "", quotations: list[dict[str, Any]] | None = None,
            references: dict[str, str] | None = None, flags: list[str] | None = None) -> dict[str, Any]:
    qs = [{"text": "", "speaker": None, "source": None, "date": None, "reference_text": None,
           "interpolations": [], **q} for q in quotations or []]
    return {"clean_text": clean, "references": references or {}, "quotations": qs,
            "flags": [{"text": f, "why": "test"} for f in flags or []]}


# ----------------------------------------------------------------------------- normalisation
@pytest.mark.parametrize("a, b", [
    ("\u201cYes,\u201d he said", '"yes," he said'),
    ("\u00abnon\u00bb \u201elow\u201f 5\u2033", '"non" "low" 5"'),
    ("it\u2019s \u2018ok\u2019 \u201aa\u201b `b\u00b4 5\u2032", "it's 'ok' 'a' 'b' 5'"),
    ("a\u2010b\u2011c\u2012d\u2013e\u2014f\u2015g\u2212h", "a-b-c-d-e-f-g-h"),
    ("wait\u2026", "wait..."),
    ("  many \t\n\u00a0 spaces\r\n", "many spaces"),
    ("MiXeD Case STRASSE", "mixed case strasse"),
    ("Stra\u00dfe", "strasse"),
    ("\uff21\uff22 \ufb01le", "ab file"),
])
def test_normalise_unifies_marks_space_and_case(a: str, b: str) -> None:
    assert normalise(a) == b


def test_normalise_agrees_with_the_independent_scorer() -> None:
    text = "\u201cIt\u2019s\u2014so\u2026\u201d  \u00abB\u00bb\u2033\u00b4 \uff21 Stra\u00dfe\n x"
    assert normalise(text) == independent_scorer.norm(text)


def test_fragment_occurs_across_different_marks_and_line_breaks() -> None:
    assert occurs('"It\'s the end - of it..."', "\u201cIT\u2019S the\nend \u2014 of it\u2026\u201d he said")


def test_empty_fragment_never_occurs() -> None:
    assert not occurs("  ", "anything")


# ----------------------------------------------------------------------------- whole-word speaker
@pytest.mark.parametrize("predicted, wanted, ok", [
    ("Serge Petrov", "Petrov", True),
    ("Human Rights Watch/Helsinki", "Human Rights Watch", True),
    ("PETROV", "petrov", True),
    ("Petrov\u2019s office", "Petrov", True),
    ("Petrovsky", "Petrov", False),
    ("Timesheet", "Time", False),
    ("The Times", "Time", False),
    (None, "Time", False),
])
def test_speaker_match_is_whole_words_after_normalisation(predicted: str | None, wanted: str, ok: bool) -> None:
    assert contains_words(predicted, wanted) is ok
    assert independent_scorer.whole_words(predicted, wanted) is ok


# ----------------------------------------------------------------------------- clean text
def test_boilerplate_removed_counts_fragments_absent_from_clean_text() -> None:
    gold = {"boilerplate": ["Get Flash", "Jump to: navigation"]}
    assert counts(gold, dump_of("Story. get  flash now"))["boilerplate_removed"] == (1, 2)


def test_content_kept_counts_fragments_present_in_clean_text() -> None:
    gold = {"content": ["The \u201cfirst\u201d line", "Missing line"]}
    assert counts(gold, dump_of('the "first"\nline'))["content_kept"] == (1, 2)


# ----------------------------------------------------------------------------- references
def test_reference_resolved_when_entry_of_that_number_contains_fragment() -> None:
    gold = {"references": {6: "Black Garden", 8: "World Report"}}
    dump = dump_of(references={"6": "T. De Waal. Black Garden. 2003", "8": "Another book"})
    assert counts(gold, dump)["reference_accuracy"] == (1, 2)


# ----------------------------------------------------------------------------- quotations
GOLD_Q = {"quotations": [
    {"start": "We did not count", "end": "the bodies.", "speaker": ["Lindqvist"], "source": ["The Independent"],
     "date": "1992-06-12"},
    {"start": "A lot was exaggerated", "speaker": ["Serge Petrov", "Petrov"], "reference": 6},
    {"start": "he saw up to 200", "speaker": None},
    {"start": "reported words", "optional": True, "speaker": ["X"]},
]}


def test_quotation_found_when_prediction_contains_start() -> None:
    dump = dump_of(quotations=[{"text": "\u201cwe did not count them all\u201d"}])
    assert counts(GOLD_Q, dump)["quotation_recall"] == (1, 3)


def test_optional_quotation_is_not_required_but_counts_for_precision() -> None:
    dump = dump_of(quotations=[{"text": "reported words here"}, {"text": "a title in quotes"}])
    c = counts(GOLD_Q, dump)
    assert c["quotation_recall"] == (0, 3)
    assert c["quotation_precision"] == (1, 2)


def test_optional_quotation_attributes_are_never_penalised() -> None:
    dump = dump_of(quotations=[{"text": "reported words", "speaker": "Y"}])
    assert "speaker_accuracy" not in counts(GOLD_Q, dump)


def test_one_prediction_may_match_several_gold_quotations() -> None:
    dump = dump_of(quotations=[{"text": "We did not count the bodies. A lot was exaggerated."}])
    c = counts(GOLD_Q, dump)
    assert c["quotation_recall"] == (2, 3)
    assert c["quotation_precision"] == (1, 1)


def test_extent_needs_the_end_inside_the_matching_prediction() -> None:
    short = dump_of(quotations=[{"text": "We did not count"}])
    full = dump_of(quotations=[{"text": "We did not count the bodies."}])
    assert counts(GOLD_Q, short)["extent"] == (0, 1)
    assert counts(GOLD_Q, full)["extent"] == (1, 1)


def test_speaker_right_when_name_contains_a_listed_name_as_whole_words() -> None:
    dump = dump_of(quotations=[{"text": "We did not count", "speaker": "Francois Zen Lindqvist"},
                               {"text": "A lot was exaggerated", "speaker": "Petrovsky"}])
    assert counts(GOLD_Q, dump)["speaker_accuracy"] == (1, 2)


def test_null_gold_speaker_needs_a_prediction_without_speaker() -> None:
    right = dump_of(quotations=[{"text": "he saw up to 200 people", "speaker": None}])
    wrong = dump_of(quotations=[{"text": "he saw up to 200 people", "speaker": "A guess"}])
    assert counts(GOLD_Q, right)["speaker_accuracy"] == (1, 1)
    assert counts(GOLD_Q, wrong)["speaker_accuracy"] == (0, 1)


def test_missing_speaker_is_wrong_where_gold_names_one() -> None:
    dump = dump_of(quotations=[{"text": "We did not count", "speaker": None}])
    assert counts(GOLD_Q, dump)["speaker_accuracy"] == (0, 1)


def test_the_most_specific_matching_prediction_is_scored_for_speaker() -> None:
    """A nested quotation is also inside its enclosing one, which has another speaker."""
    dump = dump_of(quotations=[{"text": "Letter: we did not count the bodies", "speaker": "Letter writer"},
                               {"text": "we did not count the bodies", "speaker": "Lindqvist"}])
    assert counts(GOLD_Q, dump)["speaker_accuracy"] == (1, 1)


def test_a_right_speaker_on_a_longer_match_does_not_rescue_a_wrong_shorter_one() -> None:
    dump = dump_of(quotations=[{"text": "Letter: we did not count the bodies", "speaker": "Lindqvist"},
                               {"text": "we did not count the bodies", "speaker": "Letter writer"}])
    assert counts(GOLD_Q, dump)["speaker_accuracy"] == (0, 1)
    assert counts(GOLD_Q, dump)["speaker_wrong"] == (1, 1)


def test_the_earliest_of_equally_short_matches_is_scored() -> None:
    dump = dump_of(quotations=[{"text": "We did not count", "speaker": "Lindqvist"},
                               {"text": "we did not count", "speaker": "Somebody"}])
    assert counts(GOLD_Q, dump)["speaker_accuracy"] == (1, 1)


def test_speaker_wrong_counts_a_named_wrong_speaker_but_not_a_missing_one() -> None:
    none = dump_of(quotations=[{"text": "We did not count", "speaker": None}])
    wrong = dump_of(quotations=[{"text": "We did not count", "speaker": "Petrovsky"}])
    assert counts(GOLD_Q, none)["speaker_wrong"] == (0, 1)
    assert counts(GOLD_Q, wrong)["speaker_wrong"] == (1, 1)


def test_speaker_wrong_counts_a_speaker_where_the_gold_says_none() -> None:
    wrong = dump_of(quotations=[{"text": "he saw up to 200 people", "speaker": "A guess"}])
    assert counts(GOLD_Q, wrong)["speaker_wrong"] == (1, 1)


def test_source_is_read_from_the_most_specific_match() -> None:
    dump = dump_of(quotations=[{"text": "Letter: we did not count the bodies", "source": "The Independent"},
                               {"text": "we did not count the bodies", "source": None}])
    assert counts(GOLD_Q, dump)["source_accuracy"] == (0, 1)


def test_source_right_when_predicted_source_contains_a_listed_name() -> None:
    right = dump_of(quotations=[{"text": "We did not count", "source": "the independent (London)"}])
    wrong = dump_of(quotations=[{"text": "We did not count", "source": "Guardian"}])
    assert counts(GOLD_Q, right)["source_accuracy"] == (1, 1)
    assert counts(GOLD_Q, wrong)["source_accuracy"] == (0, 1)


def test_date_must_equal_the_gold_date() -> None:
    right = dump_of(quotations=[{"text": "We did not count", "date": "1992-06-12"}])
    wrong = dump_of(quotations=[{"text": "We did not count", "date": "1992-06-13"}])
    assert counts(GOLD_Q, right)["date_accuracy"] == (1, 1)
    assert counts(GOLD_Q, wrong)["date_accuracy"] == (0, 1)


def test_quotation_reference_must_resolve_to_the_entry_of_that_number() -> None:
    gold = {**GOLD_Q, "references": {6: "Black Garden"}}
    right = dump_of(quotations=[{"text": "A lot was exaggerated", "reference_text": "De Waal. Black Garden"}])
    wrong = dump_of(quotations=[{"text": "A lot was exaggerated", "reference_text": "Other book"}])
    assert counts(gold, right)["quotation_reference_accuracy"] == (1, 1)
    assert counts(gold, wrong)["quotation_reference_accuracy"] == (0, 1)


def test_quotation_reference_without_gold_fragment_compares_with_the_dump_entry() -> None:
    right = dump_of(quotations=[{"text": "A lot was exaggerated", "reference_text": "Book six"}],
                    references={"6": "Book  six"})
    assert counts(GOLD_Q, right)["quotation_reference_accuracy"] == (1, 1)


def test_interpolation_marked_when_listed_among_a_quotation_interpolations() -> None:
    gold = {"interpolations": ["[i.e., the forces]", "[sic]"]}
    dump = dump_of(quotations=[{"text": "the party [i.e., the forces] is", "interpolations": ["[i.e., the forces]"]},
                               {"text": "it was [sic] so"}])
    assert counts(gold, dump)["interpolations_marked"] == (1, 2)


# ----------------------------------------------------------------------------- copyright
GOLD_CR = {"copyright": {"flag": [{"start": "What is your opinion", "end": "is government."}],
                         "keep": ["A lot was exaggerated", "short one"]}}


def test_flag_found_when_one_flag_covers_start_and_end() -> None:
    whole = dump_of(flags=["What is your opinion ... the government is government."])
    split = dump_of(flags=["What is your opinion ...", "the government is government."])
    assert counts(GOLD_CR, whole)["flag_recall"] == (1, 1)
    assert counts(GOLD_CR, split)["flag_recall"] == (0, 1)


def test_false_flag_counts_keep_quotations_covered_by_a_flag() -> None:
    dump = dump_of(flags=["He said: a lot was exaggerated, and more."])
    assert counts(GOLD_CR, dump)["false_flags"] == (1, 2)


# ----------------------------------------------------------------------------- both scorers agree
HAND_MADE = [
    (GOLD_Q, dump_of(quotations=[{"text": "We did not count the bodies.", "speaker": "Lindqvist",
                                  "source": "The Independent", "date": "1992-06-12"},
                                 {"text": "A lot was exaggerated", "speaker": "Serge Petrov",
                                  "reference_text": "x"},
                                 {"text": "nothing"}])),
    ({**GOLD_CR, "content": ["a"], "boilerplate": ["b"], "interpolations": ["[x]"]},
     dump_of("A b", quotations=[{"text": "q [x]", "interpolations": ["[x]"]}], flags=["short one"])),
]


@pytest.mark.parametrize("gold, dump", HAND_MADE)
def test_independent_scorer_gives_the_same_counts(gold: dict[str, Any], dump: dict[str, Any]) -> None:
    assert counts(gold, dump) == independent_scorer.score(gold, dump)


# ----------------------------------------------------------------------------- the dump from records
def test_dump_takes_names_from_the_records() -> None:
    quotes = {"references": [{"number": "8", "text": "Report 1993"}],
              "quotations": [{"text": "words [i.e., x]", "speaker": {"name": "HRW"},
                              "source": {"outlet": None, "author": "J. Doe", "date": "1992-03-02"},
                              "reference": {"number": "8", "text": "Report 1993"},
                              "interpolations": [{"text": "[i.e., x]"}]}]}
    copyright_ = {"flags": [{"start": 0, "end": 5, "rule": "copyright.long", "reason": "long excerpt"}]}
    dump = build_dump({"text": "words [i.e., x] here"}, quotes, copyright_)
    assert dump == {"clean_text": "words [i.e., x] here", "references": {"8": "Report 1993"},
                    "quotations": [{"text": "words [i.e., x]", "speaker": "HRW", "source": "J. Doe",
                                    "date": "1992-03-02", "reference_text": "Report 1993",
                                    "interpolations": ["[i.e., x]"]}],
                    "flags": [{"text": "words", "why": "copyright.long: long excerpt"}]}


def test_dump_lists_only_passages_flagged_for_summarisation() -> None:
    copyright_ = {"flags": [{"start": 0, "end": 5, "rule": "copyright.long", "reason": "long", "action": "summarise"},
                            {"start": 6, "end": 10, "rule": "copyright.long", "reason": "CC BY",
                             "action": "reproduce with attribution"}]}
    dump = build_dump({"text": "words here"}, None, copyright_)
    assert [f["text"] for f in dump["flags"]] == ["words"]


# ----------------------------------------------------------------------------- whole folders, n/a
def write_processed(out: Path, doc: str, clean: str, quotes: dict[str, Any] | None = None,
                    flags: list[dict[str, Any]] | None = None) -> None:
    from pipeline.store import doc_id_for

    doc_id = doc_id_for(doc)
    payloads = {"01_extract": {"blocks": []}, "03_normalise": {"text": clean}}
    if quotes is not None:
        payloads["04_quotes"] = {"references": [], "attribution_lines": [], **quotes}
    if flags is not None:
        payloads["05_copyright"] = {"flags": flags}
    for folder, payload in payloads.items():
        (out / folder).mkdir(parents=True, exist_ok=True)
        (out / folder / f"{doc_id}.json").write_text(json.dumps(payload), encoding="utf-8")


def write_gold(gold: Path, doc: str, data: dict[str, Any]) -> None:
    gold.mkdir(parents=True, exist_ok=True)
    (gold / f"{Path(doc).stem}.yaml").write_text(yaml.safe_dump({"document": doc, **data}), encoding="utf-8")


def test_metric_of_a_missing_stage_output_is_na(tmp_path: Path) -> None:
    write_gold(tmp_path / "gold", "a.txt", {"content": ["x"], "quotations": [{"start": "q"}]})
    write_processed(tmp_path / "out", "a.txt", "x")
    ev = evaluate(tmp_path / "gold", tmp_path / "out")
    assert ev.totals["content_kept"].text() == "1.000 (1/1)"
    assert ev.totals["quotation_recall"].text() == "n/a"


def test_metric_of_a_stage_with_no_record_on_any_document_is_na(tmp_path: Path) -> None:
    write_gold(tmp_path / "gold", "a.txt", {"quotations": [{"start": "q"}], "copyright": {"flag": [{"start": "x"}]}})
    write_processed(tmp_path / "out", "a.txt", "q x", quotes={"quotations": []}, flags=[])
    ev = evaluate(tmp_path / "gold", tmp_path / "out")
    assert ev.totals["quotation_recall"].value is None
    assert "not built" in (ev.totals["quotation_recall"].reason() or "")
    assert ev.totals["flag_recall"].value is None


def test_metric_is_zero_on_a_document_where_a_built_stage_found_nothing(tmp_path: Path) -> None:
    write_gold(tmp_path / "gold", "a.txt", {"quotations": [{"start": "q"}]})
    write_gold(tmp_path / "gold", "b.txt", {"quotations": [{"start": "r"}]})
    write_processed(tmp_path / "out", "a.txt", "q", quotes={"quotations": [{"text": "q"}]})
    write_processed(tmp_path / "out", "b.txt", "r", quotes={"quotations": []})
    ev = evaluate(tmp_path / "gold", tmp_path / "out")
    assert [d.scores["quotation_recall"].text() for d in ev.documents] == ["1.000 (1/1)", "0.000 (0/1)"]
    assert ev.totals["quotation_recall"].text() == "0.500 (1/2)"


def test_metric_with_nothing_to_score_is_na(tmp_path: Path) -> None:
    write_gold(tmp_path / "gold", "a.txt", {"content": ["x"]})
    write_processed(tmp_path / "out", "a.txt", "x")
    assert evaluate(tmp_path / "gold", tmp_path / "out").totals["boilerplate_removed"].text() == "n/a"


def test_gold_of_a_document_not_processed_is_skipped(tmp_path: Path) -> None:
    write_gold(tmp_path / "gold", "a.txt", {"content": ["x"]})
    write_gold(tmp_path / "gold", "b.txt", {"content": ["y"]})
    write_processed(tmp_path / "out", "a.txt", "x")
    ev = evaluate(tmp_path / "gold", tmp_path / "out")
    assert [d.document for d in ev.documents] == ["a.txt"]
    assert ev.skipped == ["b.txt"]


def test_document_name_maps_to_its_doc_id(tmp_path: Path) -> None:
    write_gold(tmp_path / "gold", "my page (1).html", {"content": ["x"]})
    write_processed(tmp_path / "out", "my page (1).html", "x")
    assert evaluate(tmp_path / "gold", tmp_path / "out").totals["content_kept"].text() == "1.000 (1/1)"


def test_corpus_link_found_when_one_entry_links_both_documents(tmp_path: Path) -> None:
    frag = "we place direct responsibility"
    for doc in ("a.txt", "b.txt"):
        write_gold(tmp_path / "gold", doc, {})
        write_processed(tmp_path / "out", doc, "", quotes={"quotations": [{"id": f"{doc}#q1", "text": f"Yet {frag}."}]})
    (tmp_path / "gold" / "corpus.yaml").write_text(yaml.safe_dump(
        {"same_quotation": [{"fragment": frag, "documents": ["a.txt", "b.txt"]},
                            {"fragment": "never quoted", "documents": ["a.txt", "b.txt"]}]}), encoding="utf-8")
    (tmp_path / "out" / "corpus").mkdir()
    (tmp_path / "out" / "corpus" / "quotations.jsonl").write_text(json.dumps(
        {"id": "c1", "text": frag, "occurrences": [{"document": "a.txt", "quotation": "a.txt#q1"},
                                                   {"document": "b.txt", "quotation": "b.txt#q1"}]}) + "\n")
    assert evaluate(tmp_path / "gold", tmp_path / "out").totals["corpus_links"].text() == "0.500 (1/2)"


def test_misses_name_the_nearest_prediction(tmp_path: Path) -> None:
    write_gold(tmp_path / "gold", "a.txt", {"quotations": [{"start": "We did not count the bodies"}]})
    write_processed(tmp_path / "out", "a.txt", "x", quotes={"quotations": [{"text": "They did count the bodies"},
                                                                         {"text": "other"}]})
    ev = evaluate(tmp_path / "gold", tmp_path / "out", explain=True)
    [miss] = [m for m in ev.misses if m.metric == "quotation_recall"]
    assert miss.document == "a.txt"
    assert "They did count the bodies" in miss.nearest


# ----------------------------------------------------------------------------- the command
def test_command_prints_value_and_count_and_writes_json_and_dump(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_gold(tmp_path / "gold", "a.txt", {"content": ["x", "z"]})
    write_processed(tmp_path / "out", "a.txt", "x y")
    rc = cli_main(["evaluate", "--gold", str(tmp_path / "gold"), "--processed", str(tmp_path / "out"),
                   "--json", str(tmp_path / "m.json"), "--dump-predictions", str(tmp_path / "dump")])
    assert rc == 0
    assert "content_kept" in capsys.readouterr().out
    assert json.loads((tmp_path / "m.json").read_text())["total"]["content_kept"]["found"] == 1
    assert json.loads((tmp_path / "dump" / "a.txt.json").read_text())["clean_text"] == "x y"


def test_missing_gold_folder_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = cli_main(["evaluate", "--gold", str(tmp_path / "nope"), "--processed", str(tmp_path)])
    err = capsys.readouterr().err
    assert rc == 2
    assert err.startswith("error: ") and err.count("\n") == 1
