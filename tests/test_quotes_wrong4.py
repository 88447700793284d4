"""Speakers the rules must withhold when their evidence is weak (round 8, helper wrong4): one
behaviour per test, small hand-made texts."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker


def test_said_i_with_its_full_stop_is_the_first_person_not_a_name() -> None:
    out = quotes_of('The landlady met me at the door of the inn at Vellby.\n\n'
                    '"You are the surveyor from the city," said she.\n\n'
                    '"I am, and I am very tired," said I. "Is there a room?"\n')
    for start in ("I am, and I am very tired", "Is there a room"):
        assert speaker(one(out, start)) != "I."


def test_a_building_named_with_a_first_name_is_no_antecedent_for_she() -> None:
    out = quotes_of('The flood reached the lower town on Friday night.\n\n'
                    'At the shelter in Marisol Creek Community Hall, a nurse from the county clinic said '
                    'forty families had arrived by midnight. "We are short of blankets and baby milk," '
                    'she said.\n')
    assert speaker(one(out, "We are short of blankets")) is None


def test_the_bare_paper_of_a_reporting_clause_is_no_speaker_named_paper() -> None:
    out = quotes_of('Every title in the province covered the mill fire on Monday.\n\n'
                    'The Harbour Gazette was angry. "Nobody inspected that roof in ten years," the paper said '
                    'in its leader. "Someone must answer for it."\n')
    for start in ("Nobody inspected that roof", "Someone must answer"):
        assert speaker(one(out, start)) != "paper"
