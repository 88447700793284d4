"""Round 9 (qnovel5): first names' gender from the public-domain name lexicon, and novel dialogue:
named first-person narrators, self-introductions, possessive appositives, hyphenated given names
(docs/QUOTES.md, "Round 9: first-name lexicon and novel narrators"). One behaviour per test."""

from __future__ import annotations

from pipeline.quoting.gender import first_name, name_gender
from test_quotes import one, quotes_of, speaker


def test_a_first_name_of_a_strong_majority_gives_its_gender() -> None:
    assert name_gender("Margaret Okafor", {}) == "female"
    assert name_gender("Thomas Okafor", {}) == "male"


def test_a_name_shared_by_both_sexes_gives_no_gender() -> None:
    assert name_gender("Jordan Okafor", {}) is None


def test_a_common_surname_and_a_lower_case_word_are_no_first_names() -> None:
    assert first_name("Brown") is None
    assert first_name("poet") is None


def test_accents_are_folded_for_the_name_list() -> None:
    assert name_gender("José Ruiz", {}) == "male"


def test_a_run_ending_in_a_street_word_is_no_person_for_a_pronoun() -> None:
    out = quotes_of("Delia Moravec runs a florist's shop near the junction with Stanley Street.\n\n"
                    '"It will be a fair compromise," he said.\n')
    assert speaker(one(out, "It will be a fair compromise")) is None


def test_a_narrator_named_in_apposition_to_i_owns_said_i() -> None:
    out = quotes_of("It was that spring that I, Anselm Quarrie, junior partner of the firm, first rode out to the mill.\n\n"
                    '"The ford was up," said I. "I went round by the bridge."\n')
    assert speaker(one(out, "The ford was up")) == "Anselm Quarrie"


def test_a_narrator_who_introduces_himself_in_his_own_tagged_words_owns_i_said() -> None:
    out = quotes_of('"I am Tobias Wren," said I, "and I know of no business between us."\n\n'
                    'The landlord shrugged.\n\n"The coach was late," I said.\n')
    assert speaker(one(out, "The coach was late")) == "Tobias Wren"


def test_a_quotation_opening_with_i_am_name_is_that_persons() -> None:
    out = quotes_of('Nadia sat on her case. A young man beside her was eating crisps.\n\n'
                    '"I\'m Jonah, by the way," he said.\n')
    assert speaker(one(out, "I'm Jonah")) == "Jonah"


def test_a_possessive_appositive_describes_the_possessed_not_the_possessor() -> None:
    out = quotes_of("By seven old Mr. Penrose, the schoolmaster's father, had eaten two helpings of ham.\n\n"
                    '"The cart has lost a wheel," said the schoolmaster.\n')
    assert speaker(one(out, "The cart has lost a wheel")) != "Mr. Penrose"


def test_a_hyphenated_given_name_is_kept_whole_for_a_pronoun() -> None:
    out = quotes_of("Hyun-ah stood at the counter with her back to the room.\n\n"
                    '"We want to do it ourselves," she said.\n')
    assert speaker(one(out, "We want to do it ourselves")) in ("Hyun-ah", None)
    assert speaker(one(out, "We want to do it ourselves")) != "Hyun"
