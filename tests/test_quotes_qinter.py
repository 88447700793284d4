"""Issue 12 (helper qinter): interviews in text dumps, descriptions, one-word fragments, colon lead-ins.
Every text here is written for the test; names are invented."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker


def test_bold_name_labels_of_a_text_dump_are_transcript_turns() -> None:
    out = quotes_of("Five minutes with the harbourmaster\n\n"
                    "Kofi Lindqvist became harbourmaster in March. Sunita Baptiste asked him about the moorings.\n\n"
                    "**Baptiste:** Is the waiting list going to change?\n\n"
                    "**Lindqvist:** Not quickly. The harbour is not getting any bigger.\n\n"
                    "**Baptiste:** And the seals?\n\n"
                    "**Lindqvist:** Please do not feed them, they become bold.\n")
    assert speaker(one(out, "Is the waiting list")) == "Baptiste"
    assert speaker(one(out, "Not quickly.")) == "Lindqvist"


def test_the_byline_asks_the_questions_of_a_qa_piece_whose_intro_names_no_asker() -> None:
    out = quotes_of("The ferry captain who never learned to swim\n\nBy Marisol Okonkwo-Reyes\n\n"
                    "Captain Henrik Vasquez-Lund has taken the night ferry across the sound for twenty-six years. He "
                    "retires in June. We met in the wheelhouse an hour before the last sailing of the winter.\n\n"
                    "Q: Is it true that you cannot swim?\n\nA: Quite true. My mother said a sailor who swims only "
                    "drowns slower, and I took her at her word.\n\n"
                    "Q: What will you do in June?\n\nA: Sleep at night, for a start, and perhaps learn to swim.\n")
    assert speaker(one(out, "Is it true")) == "Marisol Okonkwo-Reyes"


def test_a_quotation_inside_an_answer_with_no_clause_of_its_own_is_the_answerers() -> None:
    out = quotes_of("Five minutes with the harbourmaster\n\n"
                    "Kofi Lindqvist became harbourmaster in March. Sunita Baptiste asked him about the fees.\n\n"
                    "**Baptiste:** Fishermen say the new fees will finish them.\n\n"
                    '**Lindqvist:** I hear it every week. "We were here first" is a fair thing to say.\n\n'
                    "**Baptiste:** And the seals?\n\n"
                    "**Lindqvist:** Please do not feed them, they become bold.\n")
    assert speaker(one(out, "We were here first")) == "Lindqvist"


def test_a_quotation_inside_an_answer_that_a_clause_gives_another_is_not_the_answerers() -> None:
    out = quotes_of("The ferry captain\n\nBy Marisol Okonkwo-Reyes\n\n"
                    "Captain Henrik Vasquez-Lund has run the night ferry for twenty years. He retires in June.\n\n"
                    "Q: What was the worst crossing?\n\n"
                    'A: February 2009. The engineer came up and said "We are shipping water," the way he said everything.\n\n'
                    "Q: What will you do in June?\n\nA: Sleep at night, for a start.\n")
    assert speaker(one(out, "We are shipping water")) is None


def test_an_answer_stops_at_a_paragraph_of_third_person_narration() -> None:
    out = quotes_of("The salt farmer\n\nReporter Teodora Blanc interviewed the salt farmer Benedito Carvalho at his pans.\n\n"
                    "Q: When did you start?\nA: At twelve, with my father.\n\n"
                    "Q: Do young people still want to do it?\nA: Two this year.\n\n"
                    'Carvalho laughed when we asked about retirement. "The pans will retire me," he said.\n')
    assert speaker(one(out, "The pans will retire me")) == "Carvalho"


def test_an_unlabelled_interview_after_x_spoke_to_a_role_and_its_name() -> None:
    out = quotes_of("Meet the swift counter\n\n"
                    "Our reporter Daniel Achterberg spoke to the survey's organiser, Wanjiru Halvorsen, about the birds.\n\n"
                    "Why swifts?\n\nBecause they are disappearing quietly and almost nobody noticed.\n\n"
                    "How does a count work?\n\nVolunteers sit outside a building at dusk and watch the entrances.\n")
    assert speaker(one(out, "Why swifts?")) == "Daniel Achterberg"
    assert speaker(one(out, "Because they are")) == "Wanjiru Halvorsen"


def test_the_description_of_an_apposition_the_model_tags_an_organisation() -> None:
    out = quotes_of("School shut after flood\n\nThe headteacher, Blessing Adeyemi-Hart, said the school would stay "
                    "closed. \"The work of the whole term was on those walls,\" the headteacher said.\n")
    assert speaker(one(out, "The work of the whole term")) == "Blessing Adeyemi-Hart"


def test_a_role_with_a_lower_case_remit_introduces_its_holder() -> None:
    out = quotes_of("Flood inquiry\n\nThe county's director of education, Piotr Nwachukwu, asked for a full account "
                    "of the reports.\n\nThe director said: \"If we were told and did nothing, I will say so publicly.\"\n")
    assert speaker(one(out, "If we were told")) == "Piotr Nwachukwu"


def test_a_party_noun_after_the_is_the_member_the_text_introduced_not_a_name() -> None:
    out = quotes_of("Water bill stalls\n\nThe bill's author, Republican Senator Obinna Varga-Holm, defended it on "
                    "Thursday.\n\n\"Nobody in this building got everything they wanted,\" the Republican said.\n")
    assert speaker(one(out, "Nobody in this building")) == "Senator Obinna Varga-Holm"


def test_a_party_noun_nobody_was_introduced_with_names_no_one() -> None:
    out = quotes_of("Water bill stalls\n\nThe bill passed the committee on Thursday after a long debate.\n\n"
                    "\"Nobody in this building got everything they wanted,\" the Republican said.\n")
    assert speaker(one(out, "Nobody in this building")) is None


def test_one_word_a_named_subject_calls_something_is_that_subjects_quotation() -> None:
    out = quotes_of("Branch to close\n\nCommissioner Yusuf Adebayo-Lind called the closure \"unavoidable\" and said "
                    "the branch cost twice as much as any other.\n")
    assert speaker(one(out, "unavoidable")) == "Commissioner Yusuf Adebayo-Lind"


def test_one_word_in_a_naming_clause_someone_else_reports_is_no_quotation() -> None:
    out = quotes_of("Allotment rents\n\nHer neighbour, Colin Marsh, said the council had called the rent rise "
                    "\"modest\" in its letter to tenants.\n")
    assert not [q for q in out["quotations"] if q["text"] == "modest"]


def test_a_possessive_reaction_leads_in_a_quotation_after_a_colon() -> None:
    out = quotes_of("Stadium vote\n\nThe team's owner, Delphine Oyarzun, had flown in for the vote. Her reaction "
                    "afterward was short: \"We will listen to other cities now.\"\n")
    assert speaker(one(out, "We will listen")) == "Delphine Oyarzun"


def test_a_lone_surname_of_a_name_the_model_missed_is_an_antecedent() -> None:
    out = quotes_of("Night bus\n\nUnion president Aoife Ramaswamy said the route was vital. \"Students work late,\" she "
                    "said.\n\nThe council disagreed and said the route cost too much.\n\n"
                    "Ramaswamy dismissed the figure. \"Put the fare up by a pound,\" she said.\n")
    assert speaker(one(out, "Put the fare up")) == "Ramaswamy"


def test_an_answer_runs_on_over_a_paragraph_that_reports_in_the_first_person() -> None:
    out = quotes_of("The harbour\n\nReporter Teodora Blanc interviewed the salt farmer Benedito Carvalho at his pans.\n\n"
                    "Q: Did you ask for help?\nA: Many times. Nobody came.\n\n"
                    'I spoke to the mayor twice: "Send the dredger." But he replied that there was no money left.\n\n'
                    "Q: And now?\nA: Now we wait for the spring tides.\n")
    assert speaker(one(out, "Many times.")) == "Benedito Carvalho"
    assert "there was no money left" in one(out, "Many times.")["text"]


def test_the_second_apostrophe_of_rock_n_roll_closes_no_british_quotation() -> None:
    out = quotes_of("Village hall saved\n\nCampaigner Gwen Halloran-Pryce said the hall had hosted 'everything from "
                    "rock 'n' roll nights to jumble sales'. 'We have had weddings and wakes,' she said.\n")
    assert one(out, "everything from")["text"].endswith("jumble sales")
    assert speaker(one(out, "everything from")) == "Campaigner Gwen Halloran-Pryce"


def test_a_description_introduced_after_an_age_names_its_person() -> None:
    out = quotes_of("Floods\n\nKwame Osei-Lindqvist, 44, a farmer from Dunmore, lost his herd on Friday.\n\n"
                    "\"Everything is gone,\" the farmer said.\n")
    assert speaker(one(out, "Everything is gone")) == "Kwame Osei-Lindqvist"


def test_a_short_quotation_tagged_by_an_age_description_is_kept() -> None:
    out = quotes_of("Court\n\nThe firm's founder, Rohan Feltham, was in court on Monday for the hearing.\n\n"
                    "\"I regret nothing,\" the 58-year-old said.\n")
    assert speaker(one(out, "I regret nothing")) is None   # the text never gives his age: no speaker, but a quotation


def test_a_possessive_verdict_on_something_is_a_cue_line() -> None:
    out = quotes_of("Stadium vote\n\nMayor Imelda Castellanos-Byrne had backed the plan for two years and spoke after the "
                    "vote on Tuesday night. Her verdict on the council:\n\n"
                    "\"They have sold the town short, and they will regret it before the year is out.\"\n")
    assert speaker(one(out, "They have sold the town short")) == "Mayor Imelda Castellanos-Byrne"


def test_a_naming_verbs_quoted_object_after_a_determiner_is_a_term() -> None:
    out = quotes_of('Ferry\n\nIn effect, Ines Oduya was describing a "harbour service" for the island.\n')
    assert not [q for q in out["quotations"] if q["text"].startswith("harbour service")]
