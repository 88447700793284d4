"""Novel dialogue, round 8: who else is in the scene (docs/QUOTES.md, "Round 8: novel dialogue, scene
rivals"). A he/she settles nothing when a second fitting person took part in the scene and the text
does not tell them apart; one behaviour per test, small hand-made texts."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker


def test_a_pronoun_after_another_turn_is_no_one_when_a_second_fitting_person_is_in_the_scene() -> None:
    out = quotes_of('Ottilie Marsh received her visitor in the morning-room. Rosa Lind did not sit down.\n\n'
                    '"I shall not keep you long," said Rosa.\n\n'
                    '"You need not," said Ottilie.\n\n'
                    '"I have brought the letters back."\n\n'
                    'There was a silence, and the clock struck eleven in the hall.\n\n'
                    'Rosa laid the packet upon the table. "He asked me to burn them."\n\n'
                    '"You have read them, then."\n\n'
                    '"I have not!" she cried.\n')
    assert speaker(one(out, "I have not!")) is None


def test_a_pronoun_after_another_turn_keeps_the_one_person_its_gender_fits() -> None:
    out = quotes_of('Ottilie Marsh sat by the fire. Tomas Lind stood at the door.\n\n'
                    '"You are early," said Tomas.\n\n'
                    'Ottilie put the basket down on the table. "The rain will not wait for me."\n\n'
                    '"You have been to the market, then."\n\n'
                    '"I have not!" she cried.\n')
    assert speaker(one(out, "I have not!")) == "Ottilie"


def test_a_short_tagged_turn_names_someone_in_the_scene() -> None:
    out = quotes_of('Anselm came in from the yard with mud to his knees, and Greta looked up from her book by the stove.\n\n'
                    '"Where were you all afternoon?" asked Greta.\n\n'
                    '"Out in the top field with the fencing."\n\n'
                    '"All of it done," Piet said.\n\n'
                    '"It was the cow that broke it again," he said.\n\n'
                    'Greta shut her book and went to find the lamp, because it was getting dark.\n')
    assert speaker(one(out, "It was the cow")) is None


def test_an_action_beats_pronoun_is_no_one_when_the_other_woman_spoke_earlier_in_the_scene() -> None:
    out = quotes_of('Hana and Beatriz sat in the shed with their tea.\n\n'
                    '"Not at all," said Hana. "We were just talking."\n\n'
                    'Beatriz looked into her tea. "Nonsense," she murmured.\n\n'
                    '"I beg your pardon?" the old man asked.\n\n'
                    '"Nothing. Would you like a cup?"\n\n'
                    'He would not, and he went away again into the rain.\n\n'
                    'When he had gone, she put her mug down. "Do you think he heard?"\n')
    assert speaker(one(out, "Do you think he heard?")) is None


def test_a_scene_break_ends_who_is_a_rival() -> None:
    out = quotes_of('Hana and Beatriz sat in the shed with their tea.\n\n'
                    '"Not at all," said Hana. "We were just talking."\n\n'
                    '* * *\n\n'
                    'Beatriz walked home alone in the dark.\n\n'
                    '"Nobody was there."\n\n'
                    'At the gate she stopped. "Who left this open?"\n')
    assert speaker(one(out, "Who left this open?")) == "Beatriz"


def test_a_person_noun_as_a_passive_subject_is_the_nearer_antecedent() -> None:
    out = quotes_of('Mr. Vane stood at the window. "It is Dr. Okafor," said he. "He has come in the rain."\n\n'
                    'Mrs. Vane laid down her work. "Then go and meet him."\n\n'
                    'The doctor was shown into the parlour, shaking the water from his hat.\n\n'
                    '"Madam," he cried, "forgive me. I come on business."\n')
    assert speaker(one(out, "forgive me")) != "Mr. Vane"
