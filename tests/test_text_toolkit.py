"""The shared text toolkit (pipeline/text/) and the lexicons the config references."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.config import DEFAULT_CONFIG, LEXICON_DIR, load_config, read_yaml
from pipeline.errors import ConfigError
from pipeline.text import dates, names, sentences, words

MONTHS = read_yaml(LEXICON_DIR / "months.yaml")


def test_a_word_joins_across_an_apostrophe_or_a_hyphen() -> None:
    assert words.count("Don't stop the well-known 2019 show") == 6


def test_strip_counts_word_runs_so_an_apostrophe_splits_a_word() -> None:
    assert words.count_runs("Don't stop") == 3


def test_counting_runs_up_to_a_cap_stops_one_past_it() -> None:
    assert words.count_runs_upto("a b c d e f", 2) == 3


def test_strip_keep_counts_tokens_between_spaces() -> None:
    assert words.count_spaced("(Daily Courier 02. 03.2019.)") == 4


def test_letter_words_leave_out_numbers_and_short_words() -> None:
    assert words.letter_words("In 2019 we met at noon", 3) == ["met", "noon"]


def test_the_benchmark_token_is_a_word_run_whatever_our_word_is() -> None:
    assert words.BENCHMARK_TOKEN.findall("don't 2-3") == ["don", "t", "2", "3"]


def test_a_label_does_not_end_like_a_sentence() -> None:
    assert sentences.ENDS_LIKE_SENTENCE.search("It rained.”") and not sentences.ENDS_LIKE_SENTENCE.search("Contact us")


HONORIFICS = {h.lower() for h in read_yaml(LEXICON_DIR / "honorifics.yaml")}


def test_a_sentence_stop_takes_its_closing_marks_and_needs_white_space_after() -> None:
    text = 'She left (at last.) He stayed. 3.5 litres'
    assert [text[s:e] for s, e in sentences.stops(text)] == [".)", "."]


def test_an_honorifics_full_stop_before_a_name_ends_no_sentence() -> None:
    text = "Mrs. Adjei and Dr. Varga met Prof. Lindqvist. Then they left."
    assert [text[s:e] for s, e in sentences.stops(text, HONORIFICS)] == [".", "."]
    assert sentences.starts(text, HONORIFICS) == [text.index("Then")]


def test_british_council_and_police_titles_end_no_sentence_before_a_name() -> None:
    text = "Cllr. Ana Ruiz and Det. Insp. Tomas Kaur met Supt. Lee. Then they left."
    assert sentences.starts(text, HONORIFICS) == [text.index("Then")]


def test_a_boundary_gives_the_stop_and_the_next_sentences_start() -> None:
    text = 'Mrs. Adjei sat. "Well?" Dr. Varga asked.'
    assert sentences.boundaries(text, HONORIFICS) == [(text.index("sat") + 3, text.index('"Well')),
                                                      (text.index("?"), text.index("Dr."))]


def test_the_first_sentence_ends_at_a_stop_of_its_own_not_an_honorifics() -> None:
    text = 'asked Dr. Varga, "is it late?" and left. Then'
    assert sentences.first_end(text, HONORIFICS) == text.index("left.") + 5
    assert sentences.first_end("no stop here", HONORIFICS) is None


def test_street_is_no_honorific_so_its_full_stop_ends_a_sentence() -> None:
    text = "They met on Elm St. The rain had stopped."
    assert sentences.starts(text, HONORIFICS) == [text.index("The rain")]


def test_without_honorifics_every_full_stop_before_a_capital_is_a_sentence_stop() -> None:
    assert len(sentences.stops("Mrs. Adjei came.")) == 2


def test_an_honorific_word_at_a_sentence_end_still_ends_it() -> None:
    # lower case ("sir."), nothing after, or a lower-case word after: no name follows the stop
    for text in ("Thank you, sir. Then he went.", "She sent for the Dr.", "Ask the Gen. about it."):
        assert sentences.stops(text, HONORIFICS)[0][1] == text.index(".") + 1


def test_a_sentence_starts_at_a_capital_or_an_opening_mark_after_a_stop() -> None:
    text = 'It rained. "Come in," he said. (She did.) and then 4 more.'
    assert [text[k] for k in sentences.starts(text)] == ['"', "("]


def test_every_date_of_a_text_is_found_with_its_iso_form() -> None:
    found = dates.find_all("On 3 March 2016 and 04/05/2017 it rained.", MONTHS)
    assert [(iso, text) for _, _, iso, text in found] == [("2016-03-03", "3 March 2016"), ("2017-04-05", "04/05/2017")]


def test_the_first_date_reads_two_digit_years_with_the_pivot() -> None:
    d = dates.first("(Daily Courier 02. 03.19.)", MONTHS, pivot=30)
    assert d is not None and d.iso == "2019-03-02"


def test_a_month_and_year_is_a_date_mention_without_a_day() -> None:
    assert dates.mention_regex(tuple(MONTHS)).search("Published March 1997")


def test_honorifics_are_dropped_before_a_name() -> None:
    assert names.honorific_prefix(["Mr", "Dr"]).sub("", "Dr. Jane Roe") == "Jane Roe"


def test_the_config_references_each_lexicon_once_and_gets_its_content() -> None:
    cfg = load_config(None)
    assert cfg.section("strip")["keep"]["months"] == cfg.section("quotes")["months"] == MONTHS
    assert cfg.section("quotes")["valedictions"] == read_yaml(LEXICON_DIR / "valedictions.yaml")


def test_every_lexicon_says_where_it_comes_from() -> None:
    for path in sorted(LEXICON_DIR.glob("*.yaml")):
        assert "Source:" in path.read_text(encoding="utf-8"), path.name


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(LEXICON_DIR, tmp_path / "lexicons")
    shutil.copy(DEFAULT_CONFIG, tmp_path / "pipeline.yaml")
    return tmp_path / "pipeline.yaml"


def test_changing_a_lexicon_changes_the_hash_of_every_section_that_reads_it(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    before = load_config(path)
    lex = tmp_path / "lexicons" / "valedictions.yaml"
    lex.write_text(lex.read_text(encoding="utf-8").replace("cordially]", "cordially, warmly]"), encoding="utf-8")
    after = load_config(path)
    assert [before.section_hash(s) == after.section_hash(s) for s in ("strip", "quotes", "copyright")] == [False, False, True]


def test_an_unknown_lexicon_is_a_config_error_naming_the_line(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("!lexicon honorifics", "!lexicon honorific"), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"pipeline\.yaml:\d+: .*unknown lexicon 'honorific'"):
        load_config(path)
