"""Speaker resolution on forms of news, interviews and dialogue the rules had not met (issue 12,
speaker round): double-barrelled names, abbreviated titles, descriptions introduced in other
shapes, colon lead-ins, transcripts labelled with initials, dashes, time stamps or Q: against a
name, and pronouns that the text leaves open. One behaviour per test, sentences written for it."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker


def test_a_hyphenated_surname_is_kept_whole() -> None:
    out = quotes_of('Orla Fitzgerald-Haas runs the library.\n\n'
                    'Fitzgerald-Haas said a van was "no substitute for a room with a roof."\n')
    assert speaker(one(out, "no substitute")) == "Fitzgerald-Haas"


def test_an_abbreviated_title_gives_the_role_noun_its_person() -> None:
    out = quotes_of('Sen. Lucinda Marwick spoke at the hearing on Wednesday.\n\n'
                    '"That is not acceptable in this country," the senator said.\n')
    assert speaker(one(out, "That is not acceptable")) == "Lucinda Marwick"


def test_a_description_introduced_by_called_names_the_person() -> None:
    out = quotes_of('The carrier, a stout man called Josiah Penhale, handed down the bag.\n\n'
                    '"That\'s the lot," the carrier said.\n')
    assert speaker(one(out, "That's the lot")) == "Josiah Penhale"


def test_a_description_used_as_a_title_before_the_name_introduces_it() -> None:
    out = quotes_of('The committee was led by retired headteacher Sunita Varghese.\n\n'
                    '"Every household gave something," the retired headteacher said.\n')
    assert speaker(one(out, "Every household")) == "Sunita Varghese"


def test_a_kinship_noun_tag_is_the_person_introduced_with_it() -> None:
    out = quotes_of('A young man climbed down from the cart. His aunt, Hester Maddox, was waiting at the gate.\n\n'
                    '"You\'ve grown," his aunt said.\n')
    assert speaker(one(out, "You've grown")) == "Hester Maddox"


def test_a_colon_lead_in_gives_the_name_in_apposition_to_its_subject() -> None:
    out = quotes_of("The authority's operations manager, Hilde Brennan, gave the reason in a statement: "
                    '"The early sailing carried an average of nine passengers last winter."\n')
    assert speaker(one(out, "The early sailing")) == "Hilde Brennan"


def test_initials_labels_are_the_people_the_intro_names() -> None:
    out = quotes_of('Our correspondent Jonah Pellegrini visited the architect Selma Vukovic at a site outside Brask.\n\n'
                    'JP: Why did you choose straw for these houses?\n\nSV: Because it grows here, it is cheap, and it keeps a house warm.\n\n'
                    'JP: Does a straw house burn more easily than a timber one?\n\nSV: Less than timber. A packed bale has no air in it.\n')
    assert speaker(one(out, "Why did you choose straw")) == "Jonah Pellegrini"
    assert speaker(one(out, "Less than timber.")) == "Selma Vukovic"


def test_name_labels_set_off_by_a_dash_are_turns() -> None:
    out = quotes_of('Maritime writer Olwen Deverell joined Captain Ngozi Abernethy on the pilot boat.\n\n'
                    'Deverell — What is the hardest part of the job for a pilot?\n\n'
                    'Abernethy — The ladder. You climb a rope ladder up the side of a moving ship.\n\n'
                    'Deverell — Have you ever fallen from the ladder in all those years?\n\n'
                    'Abernethy — Once, into the boat, not the sea. I was lucky that night.\n')
    assert speaker(one(out, "The ladder.")) == "Abernethy"
    assert speaker(one(out, "Have you ever fallen")) == "Deverell"


def test_time_stamps_before_name_labels_are_not_part_of_the_name() -> None:
    out = quotes_of('Host Priyanka Oduya talks to boatbuilder Lars Meinhardt.\n\n'
                    '[00:00:12] Priyanka Oduya: Lars, how long does one wooden dinghy take you to build?\n\n'
                    '[00:00:18] Lars Meinhardt: About four months, if the oak is dry and the weather holds.\n\n'
                    '[00:00:25] Priyanka Oduya: And if the oak you were sold is still wet?\n\n'
                    '[00:00:27] Lars Meinhardt: Then it takes a year, and I spend most of it waiting.\n')
    assert speaker(one(out, "About four months")) == "Lars Meinhardt"


def test_q_turns_against_a_name_label_have_the_unnamed_interviewer_as_no_speaker() -> None:
    out = quotes_of('Jerzy Wasilewski opened his shoe repair shop in 1987. He answered our questions in the back room.\n\n'
                    'Q: Why are you closing the shop now, after all these years?\n\n'
                    'Wasilewski: The rent doubled. And my eyes are not what they were.\n\n'
                    'Q: What will happen to the machines in the back room?\n\n'
                    'Wasilewski: A museum in Lodz wants the stitcher. The rest goes for scrap.\n')
    assert speaker(one(out, "The rent doubled.")) == "Wasilewski"
    assert speaker(one(out, "Why are you closing")) is None


def test_an_intro_where_the_reporter_asked_him_gives_asker_and_answerer() -> None:
    out = quotes_of('Captain Eero Lindqvist took over as harbourmaster in March. Reporter Anouk de Wilde asked him about the job.\n\n'
                    'Q: What surprised you most about the job?\n\nA: The paperwork. At sea I signed perhaps three forms a week.\n\n'
                    'Q: What do you miss about life at sea?\n\nA: The quiet, and the long nights on watch.\n')
    assert speaker(one(out, "The paperwork.")) == "Eero Lindqvist"
    assert speaker(one(out, "What surprised you most")) == "Anouk de Wilde"


def test_she_after_the_previous_turns_speaker_with_a_second_woman_named_gives_no_speaker() -> None:
    out = quotes_of('The letter came on a Tuesday. Winifred read it twice before she passed it to her sister.\n\n'
                    'Dorothea held it at arm\'s length. "Who is it from?"\n\n'
                    '"Read it and see," she said.\n')
    assert speaker(one(out, "Read it and see")) is None


def test_a_run_opening_with_a_place_name_is_no_antecedent() -> None:
    out = quotes_of('Darren Tipton runs the bakery chain in North America.\n\n'
                    'Tipton credits the brand\'s focus. Paris Baguette remains "a true bakery," he said.\n')
    assert speaker(one(out, "a true bakery")) == "Tipton"


def test_the_n_year_old_is_the_one_person_given_that_age() -> None:
    out = quotes_of('The walker, retired surveyor Colm Breathnach, 71, spent three weeks in hospital.\n\n'
                    '"I owe him my life," the 71-year-old said from his home in Truro.\n')
    assert speaker(one(out, "I owe him my life")) == "Colm Breathnach"


def test_a_bodys_spokeswoman_is_the_one_introduced_as_its_spokeswoman() -> None:
    out = quotes_of('A spokeswoman for the Royal Coastal Rescue Service, Anjali Desrosiers, said the award was the first.\n\n'
                    '"We are very proud of the crew," the service\'s spokeswoman said.\n')
    assert speaker(one(out, "We are very proud")) == "Anjali Desrosiers"


def test_a_possessive_role_never_introduced_is_no_speaker() -> None:
    out = quotes_of('The rescue took four hours in heavy rain.\n\n'
                    '"We are very proud of the crew," the service\'s spokeswoman said.\n')
    assert speaker(one(out, "We are very proud")) is None


def test_a_copula_introduces_a_description() -> None:
    out = quotes_of('Bartholomew Quayle was the gardener at Ashcombe, and had been for forty years.\n\n'
                    '"You\'ll catch your death in here," the gardener said.\n')
    assert speaker(one(out, "You'll catch your death")) == "Bartholomew Quayle"


def test_a_noun_called_a_name_introduces_the_description() -> None:
    out = quotes_of('On the morning of the storm the gardener found a woman called Perpetua in the potting shed.\n\n'
                    '"I have caught worse," the woman said.\n')
    assert speaker(one(out, "I have caught worse")) == "Perpetua"


def test_a_description_with_its_own_modifier_is_not_another_introduction() -> None:
    out = quotes_of('A tall young man climbed down from the cart. The carrier, a stout man called Josiah Penhale, '
                    'handed down his bag.\n\n'
                    'The young man looked back at the cart. "Will you come in for a cup of something?"\n')
    assert speaker(one(out, "Will you come in")) is None


def test_in_news_she_said_after_a_byline_and_a_womans_quotation_continues_her() -> None:
    out = quotes_of('GP surgery to close on Saturdays\n\nBy Harriet Coombe\n\n'
                    'Patients were quick to respond. Mrs Joan Patel said she had "never once" got a weekday appointment.\n\n'
                    '"I work in Leicester all week," she said.\n')
    assert speaker(one(out, "I work in Leicester")) == "Mrs Joan Patel"


def test_a_main_clause_set_off_by_a_comma_leads_in_a_sentence_of_speech() -> None:
    out = quotes_of('Our reviewer Becca was incredibly impressed with her latest look, "With specific goals in mind, '
                    'I am really happy with the outfit I picked, and have worn it twice."\n')
    assert speaker(one(out, "With specific goals")) == "Becca"


def test_a_conjoined_lead_in_verb_takes_the_first_verbs_subject() -> None:
    out = quotes_of('Megan Kirkland tested the box for a year and shared the following about her May set, '
                    '"It went above and beyond with this piece. Seriously, it looks so special."\n')
    assert speaker(one(out, "It went above")) == "Megan Kirkland"


def test_a_motto_after_a_noun_and_a_comma_has_no_speaker() -> None:
    out = quotes_of("The market's new banner carries the motto chosen by traders, "
                    '"Stronger than the river, every single day of the week."\n')
    assert speaker(one(out, "Stronger than the river")) is None


def test_in_her_words_gives_the_fragment_to_the_person_she_stands_for() -> None:
    out = quotes_of('Across her practice, Carrie Mae Weems has sought, in her words, to "endlessly explode the limits '
                    'of tradition" and to "find new models to live by," blurring the line between art and activism.\n')
    assert speaker(one(out, "endlessly explode")) == "Carrie Mae Weems"


def test_a_possessive_speech_noun_lead_in_is_the_person_it_belongs_to() -> None:
    out = quotes_of("The authority's operations manager, Hilde Brennan, defended the timetable on Monday.\n\n"
                    'Her message to commuters was blunt: "We cannot run an empty boat for nine people."\n')
    assert speaker(one(out, "We cannot run")) == "Hilde Brennan"


QA_TURNS = ('Q: What made you choose this trade in the first place?\n\nA: My father was a thatcher, and his father before him.\n\n'
            'Q: Is there still enough work for a young thatcher?\n\nA: More than I can take on, most years, and I turn people away.\n')


def test_x_answered_our_questions_makes_x_the_answerer_not_the_asker() -> None:
    out = quotes_of('Cottage roofs across the county are still made of reed. Thatcher Daniel Penhaligon answered our '
                    'questions at his yard.\n\n' + QA_TURNS)
    assert speaker(one(out, "My father was a thatcher")) == "Daniel Penhaligon"
    assert speaker(one(out, "What made you choose")) is None


def test_we_spoke_to_x_makes_x_the_answerer() -> None:
    out = quotes_of('Cottage roofs across the county are still made of reed. We spoke to thatcher Daniel Penhaligon '
                    'at his yard.\n\n' + QA_TURNS)
    assert speaker(one(out, "My father was a thatcher")) == "Daniel Penhaligon"
    assert speaker(one(out, "What made you choose")) is None


def test_x_spoke_to_an_outlet_makes_x_the_answerer() -> None:
    out = quotes_of('Cottage roofs across the county are still made of reed. Thatcher Daniel Penhaligon spoke to the '
                    'Wessex Gazette at his yard.\n\n' + QA_TURNS)
    assert speaker(one(out, "My father was a thatcher")) == "Daniel Penhaligon"


def test_the_one_person_an_intro_names_and_then_calls_he_answers() -> None:
    out = quotes_of('Ten questions for a thatcher\n\nDaniel Penhaligon has roofed cottages across the county for thirty years.\n\n'
                    'He learned the trade from his father, who learned it from his.\n\n' + QA_TURNS)
    assert speaker(one(out, "My father was a thatcher")) == "Daniel Penhaligon"
