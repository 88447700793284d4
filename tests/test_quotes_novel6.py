"""Round 10 (qnovel6): novel dialogue speakers (docs/QUOTES.md, "Round 10: novel dialogue speakers
(qnovel6)"). One behaviour per test, texts written for the tests."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker


def test_an_inverted_first_name_the_tagger_reads_as_an_adverb_is_the_speaker() -> None:
    out = quotes_of('Rain fell all afternoon.\n\n"We shall have no callers today," said Cecily from the window.\n')
    assert speaker(one(out, "We shall have no callers")) == "Cecily"


def test_a_first_name_in_ly_opening_a_beat_is_a_person_for_the_pronoun() -> None:
    out = quotes_of('Oswald sat by the fire.\n\n'
                    'Cecily got up and went to the window. "There is a carriage," she announced.\n')
    assert speaker(one(out, "There is a carriage")) == "Cecily"


def test_the_narrators_own_name_is_no_antecedent_of_he() -> None:
    out = quotes_of("It was late when I, Edmund Carrow, reached the inn. A stout man opened the door.\n\n"
                    '"We are shut," he grumbled.\n')
    assert speaker(one(out, "We are shut")) is None


def test_a_verb_of_an_as_if_clause_tags_no_quotation() -> None:
    out = quotes_of("It was late when I, Edmund Carrow, came in. Josiah Brack, the landlord, brought the mutton.\n\n"
                    '"The letter," Brack announced, as if I had asked, "is from a lady."\n')
    assert speaker(one(out, "is from a lady")) == "Brack"


def test_a_self_introduction_names_the_quotation_before_its_beat_too() -> None:
    out = quotes_of("Brack went out. The thin gentleman and Tom sat on.\n\n"
                    '"It is the only way the post allows." He folded the newspaper. "My name is Lucius Dorne."\n')
    assert speaker(one(out, "It is the only way")) == "Lucius Dorne"


def test_a_title_before_a_name_introduces_the_title_noun() -> None:
    out = quotes_of("Inspector Gideon Rook stood in the study with his hat in his hand.\n\n"
                    '"The window was fastened," said the inspector.\n')
    assert speaker(one(out, "The window was fastened")) == "Inspector Gideon Rook"


def test_a_possessive_common_noun_makes_a_definite_description() -> None:
    out = quotes_of("The door opened to admit Lady Harriet Sallow, the vicar's sister.\n\n"
                    '"It is a very true one," said the vicar\'s sister.\n')
    assert speaker(one(out, "It is a very true one")) == "Lady Harriet Sallow"


def test_at_your_service_after_a_name_is_a_self_introduction() -> None:
    out = quotes_of("A tall man came to the fire and bowed.\n\n"
                    '"Nathaniel Brisco, sir, at your service. You are the clerk, I think."\n')
    assert speaker(one(out, "Nathaniel Brisco")) == "Nathaniel Brisco"


def test_a_possessive_description_in_the_last_sentence_before_she_is_a_rival() -> None:
    out = quotes_of("Mrs. Penrose, Miss Hale's aunt, came in.\n\n"
                    "Verity bent over her book. Her aunt looked from one to the other.\n\n"
                    '"You young people have no respect," she observed.\n')
    assert speaker(one(out, "You young people")) is None


def test_a_when_clause_after_the_tag_takes_no_quotation() -> None:
    out = quotes_of("Mrs. Penrose, Miss Hale's aunt, sat down.\n\n"
                    '"He is quite well," Mr. Ashcombe said, when the aunt had asked again. "He walked to the farm."\n')
    assert speaker(one(out, "He walked to the farm")) == "Mr. Ashcombe"
