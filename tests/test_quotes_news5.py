"""News register, round 9 (helper qnews5): a first name the model leaves out of a person's entity, a
bare surname several people carry, an interview whose introduction names the reporter by a compound
noun, lone markup lines of a text dump, short fragments in an unnamed official's reported clause.
One behaviour per test, small hand-made texts."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker


def test_a_first_name_before_the_models_person_entity_stays_in_the_pronouns_antecedent() -> None:
    out = quotes_of('The council met on Monday.\n\n'
                    'After the vote, Rosa Maria Delgado smiled. "He will ride one eventually," she said.\n')
    assert speaker(one(out, "He will ride one")) == "Rosa Maria Delgado"


def test_a_title_before_the_name_is_no_first_name_of_the_antecedent() -> None:
    out = quotes_of('The ruling came on Friday.\n\n'
                    'In her decision, Judge Rosalind Achebe-Marsh wrote that the study was thin.\n\n'
                    '"The court does not decide whether the quarry should grow," she wrote.\n')
    assert speaker(one(out, "The court does not decide")) in ("Rosalind Achebe-Marsh", "Judge Rosalind Achebe-Marsh")


def test_a_bare_surname_that_two_people_of_the_text_carry_names_no_speaker() -> None:
    out = quotes_of('Teodor Vasquez-Holm, the machinist, died on Thursday. His son, Lars Vasquez-Holm, said he had '
                    'been ill.\n\n'
                    'Vasquez-Holm opened the tool library in 1979. "A woman came for a ladder and stayed for an hour," '
                    'he wrote.\n')
    assert speaker(one(out, "A woman came for a ladder")) is None


def test_a_bare_surname_of_one_person_named_with_a_title_too_stays() -> None:
    out = quotes_of('Farmer Gethin Aberdare-Moss keeps sheep. Gethin Aberdare-Moss has done so for years.\n\n'
                    'Aberdare-Moss laughed. "Only if they love it," Aberdare-Moss said.\n')
    assert speaker(one(out, "Only if they love it")) == "Aberdare-Moss"


def test_the_reporter_named_by_a_compound_noun_in_the_intro_asks_and_the_pronouns_antecedent_answers() -> None:
    out = quotes_of('Fire Chief Yolanda Brzezinski-Mbeki retires this week. She spoke with Courier reporter '
                    'Anselm Takahashi at Station 4.\n\n'
                    'Q: What do you remember about your first call?\n\n'
                    'A: It was a chimney fire on Larch Street.\n')
    assert speaker(one(out, "What do you remember")) == "Anselm Takahashi"
    assert speaker(one(out, "It was a chimney fire")) == "Yolanda Brzezinski-Mbeki"
