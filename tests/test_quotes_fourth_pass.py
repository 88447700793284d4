"""Issue 12, fourth pass: interviews without labels, surname transcript labels, unnamed people as
pronoun antecedents, role nouns and kinship descriptions, British nested quotations, passive
agents, forum quotes of one short line (docs/QUOTES.md, "Fourth pass"). One behaviour per test."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker

from pipeline.text.marks import mark_view


def test_surname_labels_join_the_full_names_turns_of_a_transcript() -> None:
    out = quotes_of("Ruth Abernathy-Cole: When did you first sit at a loom?\n\n"
                    "Owen Prydderch: I was nine years old and my uncle put me on a stool.\n\n"
                    "Abernathy-Cole: Did you listen to him at all?\n\n"
                    "Prydderch: Not for a minute, and I ruined two warps.\n")
    assert speaker(one(out, "When did you first sit")) == "Ruth Abernathy-Cole"
    assert speaker(one(out, "I was nine years old")) == "Owen Prydderch"
    assert speaker(one(out, "Not for a minute")) == "Prydderch"


def test_unlabelled_questions_after_an_intro_alternate_between_asker_and_answerer() -> None:
    out = quotes_of("Reporter Hana Kobayashi spoke to Captain Lorcan Mulcahy, who retires this month.\n\n"
                    "How did you come to the ferries?\n\n"
                    "My father ran the fish lorry to the pier, and the skipper took pity on me.\n\n"
                    "What was the worst crossing?\n\n"
                    "February 1998, with forty passengers and a cow on board.\n")
    assert speaker(one(out, "How did you come")) == "Hana Kobayashi"
    assert speaker(one(out, "My father ran")) == "Lorcan Mulcahy"
    assert speaker(one(out, "February 1998")) == "Lorcan Mulcahy"


def test_questions_without_an_intro_naming_two_people_are_no_interview() -> None:
    out = quotes_of("The ferry retires this month after 31 years on the crossing.\n\n"
                    "How did it come to this?\n\n"
                    "The council ran out of money for the repairs in the spring.\n\n"
                    "What happens next?\n\n"
                    "Nobody knows, and the islanders are worried about the winter.\n")
    assert not out["quotations"]


def test_an_unnamed_man_entering_is_nearer_than_the_named_man_before_him() -> None:
    out = quotes_of('"Then there is the bench," said Mr Halloran, and he went out again.\n\n'
                    "An hour later the door opened. A young man in a wet overcoat came in.\n\n"
                    '"Is this seat taken?" he asked.\n')
    assert speaker(one(out, "Is this seat taken")) is None


def test_a_title_noun_subject_before_she_is_the_one_person_given_that_title() -> None:
    out = quotes_of("The council leader, Cllr Margaret Oyelaran, defended the decision on Tuesday.\n\n"
                    "A council spokeswoman said the bus would still run.\n\n"
                    "The council leader said the decision would be reviewed. "
                    '"If the money comes back, the hours come back," she added.\n')
    assert speaker(one(out, "If the money comes back")).endswith("Margaret Oyelaran")


def test_her_mother_is_the_woman_whose_daughter_the_text_introduced() -> None:
    out = quotes_of("Mrs. Okafor came into the kitchen with the letter. Her daughter Adaeze was at the sink.\n\n"
                    '"He is coming on Sunday and staying for the whole week," her mother said.\n')
    assert speaker(one(out, "He is coming on Sunday")) == "Mrs. Okafor"


def test_a_kinship_description_with_two_fitting_possessors_names_no_one() -> None:
    out = quotes_of("Mrs. Okafor and Mrs. Eze came in. Her daughter Adaeze was at the sink.\n\n"
                    '"He is coming on Sunday and staying for the whole week," her mother said.\n')
    assert speaker(one(out, "He is coming on Sunday")) is None


def test_double_quotes_inside_a_british_single_quotation_are_part_of_it() -> None:
    text = ("'It is late,' said Tom. 'My husband told me, \"Go home,\" and I am telling you now.' "
            "'Yes,' said Ann. 'We're going.'")
    view = mark_view(text)
    inner = text.index('"Go')
    assert view[inner] != '"' and view[text.index("'My")] == '"'


def test_the_agent_of_a_passive_after_a_quoted_fragment_is_its_speaker() -> None:
    out = quotes_of('The plans have been branded "a slap in the face of every reader" by campaigners.\n')
    assert speaker(one(out, "a slap in the face")) == "campaigners"


def test_a_sentence_opening_a_dialogue_paragraph_is_a_turn_however_short() -> None:
    out = quotes_of("'Course they have.' Declan rattled the padlock. 'Old Brennan has been up here every night.'\n")
    assert one(out, "Course they have") is not None


def test_a_quoted_post_of_one_short_line_before_its_end_marker_is_quoted() -> None:
    out = quotes_of("brewdog_dave\nMar 10, 2025 #3\nLotte.V said:\nWarm it to 22C and give it a swirl\n"
                    "Click to expand...\nDid that last night. Down to 1.016 this morning.\n")
    assert speaker(one(out, "Warm it to 22C")) == "Lotte.V"


def test_a_nested_forum_quote_gives_the_inner_words_to_the_inner_poster_and_the_rest_to_the_outer() -> None:
    out = quotes_of(NESTED_THREAD)
    assert speaker(one(out, "Nothing stops them")) == "marrowman"
    assert speaker(one(out, "The torch is the only")) == "Hattie_G"


NESTED_THREAD = """Slugs on the brassicas again

marrowman
Every year the same. I've tried beer traps, copper tape and going out with a torch at midnight. Nothing stops them.

Hattie_G
marrowman wrote: ↑Mon Jun 03, 2024 7:12 pm
I've tried beer traps, copper tape and going out with a torch at midnight.

The torch is the only thing that works for me, but you have to do it every night for a fortnight.

old_Ken
Hattie_G wrote: ↑Mon Jun 03, 2024 8:40 pm
marrowman wrote: ↑Mon Jun 03, 2024 7:12 pm
Nothing stops them.
The torch is the only thing that works for me

Nematodes. Expensive, but they work. My neighbour swears by wool pellets as well, and so does his wife.
"""


def test_first_name_labels_of_people_the_intro_names_are_transcript_turns() -> None:
    out = quotes_of("Kelp farming, episode 12\n\n"
                    "Our guest this week is the seaweed grower Osric Breen, in conversation with host Lindiwe Farrelly.\n\n"
                    "Lindiwe: How did you start growing kelp?\n\n"
                    "Osric: By accident. I had a mussel line and the kelp grew on it.\n\n"
                    "Lindiwe: Is there money in it?\n\n"
                    "Osric: Some. More every year, as the restaurants find out about it.\n")
    assert speaker(one(out, "By accident")) == "Osric"
    assert speaker(one(out, "Is there money")) == "Lindiwe"


def test_a_quotation_reopened_after_one_closed_mid_paragraph_continues_without_error() -> None:
    text = ('Flood report\n\nThe valley had a hard week after the storm broke the old levee above the town.\n\n'
            '"The river rose in the night and the farmers lost most of their sheep before dawn.\n\n'
            '"It was the worst flood in forty years," said Ana Ruiz, who farms near the bridge. '
            '"We had never seen the water so high\n\n'
            '"and the bridge was gone by the morning, with the road behind it."\n\nThe council will meet on Monday.\n')
    out = quotes_of(text)
    assert speaker(one(out, "It was the worst flood")) == "Ana Ruiz"
