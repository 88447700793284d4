"""Who a pronoun tag stands for in a scene of dialogue (resolve_scene.py, resolve_pronoun.py,
action_beat.py, resolve_turns.py): the beat before the quotation, descriptions the text introduced
with a name, replies, one-word names. One behaviour per test, small hand-made texts."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker


def test_pronoun_after_a_beat_whose_subject_is_unnamed_names_no_one() -> None:
    out = quotes_of("Ivo and his friend Bruno waited on the pier until the boats were in.\n\n"
                    '"There will be no more tonight," Bruno said quietly.\n\n'
                    'A porter came up the steps with a coil of rope. "Are you two waiting for the late boat?" he asked.\n')
    assert speaker(one(out, "Are you two waiting")) is None


def test_pronoun_after_a_beat_whose_subject_the_text_introduced_is_that_person() -> None:
    out = quotes_of("My uncle Bartholomew kept no servant but an old woman who cooked for him.\n\n"
                    '"There is mutton for supper," she called from the passage.\n\n'
                    'My uncle winked at me across the table. "You see how I am used here," he whispered.\n')
    assert speaker(one(out, "You see how I am used")) == "Bartholomew"


def test_inverted_first_person_tag_is_no_name() -> None:
    out = quotes_of('"You will take the blue room tonight," said my host.\n\n'
                    '"I am very much obliged to you, sir," answered I.\n')
    assert speaker(one(out, "I am very much obliged")) != "I."


def test_one_word_name_the_model_tags_as_a_person_is_an_antecedent() -> None:
    out = quotes_of("Inspector Haldane found the Lomaxes in their front room, side by side on the sofa.\n\n"
                    '"Everyone in this street drinks," Mr. Lomax offered.\n\n'
                    'Haldane glanced at his sergeant. "Make a note of that, please," he said drily.\n')
    assert speaker(one(out, "Make a note of that")) != "Mr. Lomax"


def test_reply_in_a_new_turn_is_the_other_person_not_the_previous_speaker() -> None:
    out = quotes_of("Walter Penrose and his cousin Hugo sat by the fire after the others had gone up.\n\n"
                    '"You will not sell the farm," said Walter.\n\n'
                    '"I shall do exactly as I please," he replied.\n')
    assert speaker(one(out, "I shall do exactly as I please")) == "Hugo"


def test_reply_with_two_other_fitting_persons_names_no_one() -> None:
    out = quotes_of("Walter Penrose, his cousin Hugo and old Simon Tregear sat by the fire.\n\n"
                    '"You will not sell the farm," said Walter.\n\n'
                    '"I shall do exactly as I please," he replied.\n')
    assert speaker(one(out, "I shall do exactly as I please")) is None


def test_turn_before_a_beat_with_an_honorific_has_the_beats_speaker() -> None:
    out = quotes_of("The inspector sat down opposite the couple and opened his notebook.\n\n"
                    '"Ten past seven, it was." Mrs. Lomax twisted her wedding ring. "He was lying across the path."\n')
    assert speaker(one(out, "Ten past seven")) == "Mrs. Lomax"


def test_words_of_the_second_part_of_a_split_quotation_are_no_object_of_the_tag() -> None:
    out = quotes_of('Ada sat down by the fire beside her guardian.\n\n'
                    '"I am perfectly well, Guardian," returned Ada; "only a little tired."\n')
    assert speaker(one(out, "I am perfectly well")) == "Ada"


def test_a_name_in_the_clause_of_a_pronoun_subject_is_another_person() -> None:
    out = quotes_of("The two men met at the corner of the square at midnight.\n\n"
                    '"You are late again tonight," Kessler said.\n\n'
                    "He lit a cigarette and offered one to Kessler, who shook his head.\n\n"
                    '"You have the papers with you?" he asked.\n')
    assert speaker(one(out, "You have the papers")) is None


def test_pronoun_answering_a_question_in_a_dialogue_is_not_the_asker() -> None:
    out = quotes_of("Holmes and Lestrade reached the house a little after nine.\n\n"
                    '"Where exactly was the body found?" asked Holmes.\n\n'
                    '"In the scullery, by the back door," he said.\n\n'
                    '"Had the door been forced?"\n')
    assert speaker(one(out, "In the scullery")) is None


def test_a_double_hyphen_dash_sets_off_the_tag_between_two_parts() -> None:
    out = quotes_of('Kitty Pell put down her cup with a clatter.\n\n'
                    '"I do not cough for my own amusement"--replied Kitty--"and I wish you would not say so."\n')
    assert speaker(one(out, "I do not cough for my own amusement")) == "Kitty"


def test_an_honorifics_full_stop_does_not_cut_an_inverted_tag_before_the_quotation() -> None:
    out = quotes_of('Mrs. Pell looked up from her work at last.\n\n'
                    'Then said Mrs. Pell to her daughter, "Do not cough so, Kitty, for heaven\'s sake!"\n')
    assert speaker(one(out, "Do not cough so")) == "Mrs. Pell"


def test_a_beat_after_a_sentence_ending_in_an_honorific_word_is_its_own_sentence() -> None:
    # "miss." ends the sentence before the beat (no name follows it): the beat alone names the speaker
    out = quotes_of("The first arrow had gone wide of the target.\n\n"
                    'It was a near thing, not a miss. Ngozi Adeyemi lowered her bow. "Again, and slower this time."\n')
    assert speaker(one(out, "Again, and slower")) == "Ngozi Adeyemi"
