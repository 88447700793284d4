"""fixnovel2: a quotation that addresses a person is not that person's; a gendered pronoun does not
take a person whose gender the text gives otherwise."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker


def test_a_beat_naming_the_person_a_title_vocative_addresses_gives_no_speaker() -> None:
    out = quotes_of('Dr. Sastri waited by the bed. "Doctor, the pump has stopped."\n')
    assert speaker(one(out, "Doctor, the pump")) is None


def test_a_beat_naming_the_person_a_trailing_first_name_vocative_addresses_gives_no_speaker() -> None:
    out = quotes_of('Tomasz Wrona looked up from the nets. "You are late again, Tomasz."\n')
    assert speaker(one(out, "You are late")) is None


def test_a_vocative_naming_someone_else_keeps_the_beat_speaker() -> None:
    out = quotes_of('Rustam Beg put his head round the door. "Doctor, the pump has stopped."\n')
    assert speaker(one(out, "Doctor, the pump")) == "Rustam Beg"


def test_a_vocative_with_another_honorific_of_the_surname_is_not_the_speaker_addressed() -> None:
    out = quotes_of('"Yes, Mrs. Parata," said Mr. Parata, and went out to the yard.\n')
    assert speaker(one(out, "Yes, Mrs. Parata")) == "Mr. Parata"


def test_he_said_does_not_take_a_woman_the_text_calls_mrs_elsewhere() -> None:
    out = quotes_of('Mrs. Sastri had come in on the night train.\n\n'
                    'Dr. Ananya Sastri set her bag down at the counter.\n\n'
                    '"The morning boat is full," he said.\n')
    assert speaker(one(out, "The morning boat")) is None


def test_she_said_still_takes_the_one_woman_of_unknown_first_name() -> None:
    out = quotes_of('Mrs. Sastri had come in on the night train.\n\n'
                    'Dr. Ananya Sastri set her bag down at the counter.\n\n'
                    '"Is there a freight boat?" she asked.\n')
    assert speaker(one(out, "Is there a freight boat")) == "Dr. Ananya Sastri"


def test_a_kinship_noun_gives_an_unknown_first_name_its_gender() -> None:
    out = quotes_of('Tamsin came up the lane to find her sister Oyinkan at the gate.\n\n'
                    'Oyinkan waited.\n\n"You are late," he said.\n')
    assert speaker(one(out, "You are late")) is None


def test_a_beat_naming_the_description_a_title_vocative_addresses_gives_no_speaker() -> None:
    out = quotes_of('The doctor waited by the bed. "Doctor, the pump has stopped."\n')
    assert speaker(one(out, "Doctor, the pump")) is None
