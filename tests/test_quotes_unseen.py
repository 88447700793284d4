"""Issue 12 mechanisms (attribution on text the rules were never fitted to), one behaviour per
test, on small hand-made texts with invented names."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker


def texts(out: dict) -> list[str]:
    return [q["text"] for q in out["quotations"]]


def test_a_title_with_its_full_stop_inside_the_marks_is_no_quotation() -> None:
    out = quotes_of('Her box held copies of "Persuasion" and a worn copy of "Harvest of Stones."\n')
    assert not any("Harvest of Stones" in t for t in texts(out))


def test_quoted_words_after_a_determiner_are_a_term_not_a_quotation() -> None:
    out = quotes_of('The room mixed old chairs with today\'s "millennial gray couch" and a "Mason jar of waste" '
                    "on the shelf.\n")
    assert texts(out) == []


def test_a_verb_before_a_determiner_framed_term_gives_no_quotation() -> None:
    out = quotes_of('In effect, Tomas Reyna was describing a "selective service" for the island.\n')
    assert texts(out) == []


def test_a_long_fragment_after_that_the_is_still_a_quotation() -> None:
    out = quotes_of('Researchers noted that the "adverse effects of cleaning products were first observed among '
                    'workers exposed at high levels."\n')
    assert speaker(one(out, "adverse effects of cleaning")) == "Researchers"


def test_a_one_word_paragraph_in_marks_is_a_dialogue_turn() -> None:
    out = quotes_of('"You are late," said Anselm.\n\n"Why?"\n\n"Because the river path is flooded."\n')
    assert speaker(one(out, "Why?")) is None


def test_action_beat_before_the_quotation_names_its_speaker() -> None:
    out = quotes_of('Marguerite came down the hill at dawn.\n\nClementine laughed. "Then we shall wait for the coach."\n')
    assert speaker(one(out, "Then we shall wait")) == "Clementine"


def test_action_beat_pronoun_with_one_compatible_person_resolves() -> None:
    out = quotes_of('"You are late," said Marguerite Olsen.\n\n"I know it," said Anselm Brandt.\n\n'
                    'He shrugged and climbed two rungs. "Then hand me the basket, at least."\n')
    assert speaker(one(out, "Then hand me the basket")) == "Anselm Brandt"


def test_action_beat_pronoun_with_two_compatible_persons_gives_no_speaker() -> None:
    out = quotes_of('"The coach is late again," said Mrs. Harrow.\n\n"It is always late on Fridays," said Clementine.\n\n'
                    'She turned the cup in her hands. "Perhaps we should walk to the town."\n')
    assert speaker(one(out, "Perhaps we should walk")) is None


def test_a_surname_the_model_tags_otherwise_is_still_an_antecedent() -> None:
    out = quotes_of("Coach Emil Strand and his rival Jonas Pike met on Saturday for the derby.\n\n"
                    '"We were the better side for an hour," Strand said after the draw.\n\n'
                    'Pike disagreed. He said his players had "controlled the second half from the first whistle."\n')
    assert speaker(one(out, "controlled the second half")) == "Pike"


def test_a_plural_of_persons_before_he_leaves_the_pronoun_without_speaker() -> None:
    out = quotes_of("Coach Emil Strand met his rival Jonas Pike on Saturday.\n\n"
                    'When the two men shook hands at the end, he said, "See you in the cup final next spring."\n')
    assert speaker(one(out, "See you in the cup")) is None


def test_the_subject_of_had_to_say_is_the_speaker_of_the_block_after_its_cue_line() -> None:
    out = quotes_of("Haley Faye reviewed the Dailylook box last spring. Here's what she had to say about her favourite "
                    'item:\n\n"I own nothing like this top! It is silky and has a small ruffle around the hem."\n')
    assert speaker(one(out, "I own nothing like this top")) == "Haley Faye"


def test_a_name_that_modifies_a_noun_is_a_brand_not_a_pronoun_antecedent() -> None:
    out = quotes_of("Our reviewer Zorba received a chic Alice McCall Ruffled Midi Dress that she wore to a wedding. "
                    'She shared the following about it:\n\n"I was really happy with my wedding guest dress try-on."\n')
    assert speaker(one(out, "I was really happy")) is None


def test_a_quotation_opening_a_labelled_block_takes_the_block_speaker() -> None:
    out = quotes_of("Marisa Haber reviewed two boxes. Here's what she had to say about each one:\n\n"
                    'Style Edit: "Overall, my experience with the Style Edit box is always a treat."\n')
    assert speaker(one(out, "Overall, my experience")) == "Marisa Haber"


def test_an_outlet_in_a_participle_before_the_cue_is_the_source() -> None:
    out = quotes_of('Writing in the Harbour Review, commuter Felix Brandt said the timetable had become '
                    '"a work of fiction, and a badly plotted one."\n')
    q = one(out, "a work of fiction")
    assert "Felix Brandt" in speaker(q) and q["source"]["outlet"] == "Harbour Review"


def test_a_dash_signature_with_its_place_after_at_names_the_person() -> None:
    out = quotes_of('Web Typography\n\n"Most of web design is typography." — Oliver Reichenstein at Studio North.\n')
    assert speaker(one(out, "Most of web design")) == "Oliver Reichenstein"


def test_a_phrasal_reporting_verb_before_the_quotation_gives_its_subject() -> None:
    out = quotes_of('The film piles them on. As Carl Hobbs points out, "It is a numbers game. They have more."\n')
    assert speaker(one(out, "It is a numbers game")) == "Carl Hobbs"


def test_an_interviewee_the_model_does_not_tag_is_read_from_the_intro_slot() -> None:
    out = quotes_of("Interview with Ilse Marrow, conducted by Devika Sen for the Greywick Courier.\n\n"
                    "Q: How did you start working with clay?\n\n"
                    "A: My grandmother had a wheel in her shed, and my first bowl collapsed.\n")
    assert speaker(one(out, "My grandmother had a wheel")) == "Ilse Marrow"


def test_a_quoted_phrase_after_a_possessive_is_a_term_even_with_a_verb_after_it() -> None:
    out = quotes_of('From mirrored surfaces in the eighties to today\'s "millennial gray couch," which fills every '
                    "showroom, taste keeps moving.\n")
    assert texts(out) == []


def test_a_phpbb_header_date_is_not_part_of_the_quoted_post() -> None:
    out = quotes_of("Re: Sourdough starter smells like nail varnish\n\nPost by breadhead_42 » Mon Feb 03, 2025 8:14 pm\n\n"
                    "quietbaker wrote: ↑Mon Feb 03, 2025 7:50 pm\nMine smells like acetone after three days. Is it dead?\n\n"
                    "It is hungry, not dead. Feed it twice a day for a week.\n")
    q = one(out, "Mine smells like acetone")
    assert q["text"].startswith("Mine smells") and speaker(q) == "quietbaker"


def test_a_post_by_header_is_no_attribution_of_the_paragraph_before_it() -> None:
    out = quotes_of("It is hungry, not dead. Feed it twice a day for a week or so.\n\n"
                    "Post by quietbaker » Mon Feb 03, 2025 9:02 pm\n\nThanks, trying that now.\n")
    assert texts(out) == []


def test_a_name_alone_before_a_colon_labels_the_quotation() -> None:
    out = quotes_of('The verdict was read at noon.\n\nDefence lawyer Priya Natarajan: "We will appeal this decision '
                    'on every ground."\n')
    assert speaker(one(out, "We will appeal")) == "Priya Natarajan"


def test_a_label_that_is_no_name_gives_no_speaker() -> None:
    out = quotes_of('Menu of the week: "Fish of the day with a green salad and fresh bread."\n')
    assert speaker(one(out, "Fish of the day")) is None


def test_an_action_beat_between_two_quotations_gives_the_second_its_subject() -> None:
    out = quotes_of('"You came up in the dark," Mara Quill said. She shook her head. "Your mother would have my head."\n')
    assert speaker(one(out, "Your mother would")) == "Mara Quill"


def test_an_action_beat_subject_the_model_tags_as_a_place_is_a_person_by_first_name() -> None:
    out = quotes_of('Jorge pulled off his wet boots by the door. "I will want a dry pair of socks first."\n')
    assert speaker(one(out, "I will want a dry pair")) == "Jorge"


def test_a_title_word_before_a_first_name_does_not_hide_its_gender() -> None:
    from pipeline.quoting.gender import name_gender

    assert name_gender("Coach Emil Strand", {}) == "male"


def test_an_intro_clause_with_two_persons_names_the_interviewer_and_the_interviewee() -> None:
    out = quotes_of("Talking to Tomasz Wielgus\n\nOur reporter Hana Okoro spoke with the ferry captain Tomasz Wielgus "
                    "about his last crossing.\n\nQ: How long have you sailed this route?\n\n"
                    "A: Thirty-one years this spring, and never a day off for weather.\n")
    assert speaker(one(out, "How long have you")) == "Hana Okoro"
    assert speaker(one(out, "Thirty-one years")) == "Tomasz Wielgus"


def test_a_pronoun_object_of_the_intro_is_the_one_other_person_named() -> None:
    out = quotes_of("Marisol Quintero has kept bees on the hill for twenty years. Devika Sen put the questions to her "
                    "for the Harlow Courier.\n\nQ: When did you start keeping bees?\n\n"
                    "A: When my father gave me his last hive in a wooden box.\n")
    assert speaker(one(out, "When my father gave")) == "Marisol Quintero"


REDDIT = ("We asked readers about the canal locks this summer, and the thread below was the busiest of the week by far.\n\n"
          "Posted by u/lockkeeper_tom\n\nThe lock at Hatton took us four hours on Sunday because of the queue. "
          "We started at nine and only reached the top flight after one in the afternoon.\n\n"
          "Reply from u/narrowboat_jess\n\n> The lock at Hatton took us four hours on Sunday\n\nGo on a weekday, it is "
          "empty by nine, and the volunteers are happy to help you through the top flight.\n")


def test_a_paragraph_of_reply_marker_lines_is_a_quotation() -> None:
    q = one(quotes_of(REDDIT), "The lock at Hatton took us four hours on Sunday")
    assert q["rule"] == "quotes.block.reply_marker" and q["text"].endswith("on Sunday")


def test_a_reply_marker_quotation_belongs_to_the_author_of_the_post_it_copies() -> None:
    out = quotes_of(REDDIT)
    q = [q for q in out["quotations"] if q["rule"] == "quotes.block.reply_marker"][0]
    assert speaker(q) == "lockkeeper_tom"


def test_a_posted_by_byline_names_the_narrator_of_i_said() -> None:
    out = quotes_of("Notes from a small garden\n\nPosted by Elinor Vance on 3 May 2025\n\nI started this plot in March "
                    "with nothing but a spade and some optimism, and a great deal of clay.\n\n"
                    '"You will never get carrots out of that," my neighbour said. "We shall see," I said.\n')
    assert speaker(one(out, "We shall see")) == "Elinor Vance"
    assert speaker(one(out, "You will never get")) is None


def test_a_short_wrapped_line_inside_a_paragraph_is_no_heading_for_its_quotation() -> None:
    out = quotes_of("PORTVILLE -- The harbour board met on Monday.\n\n``We're not going to let the\nferry service "
                    "die,'' said board chair Anita Rowe. ``It is\nthe town's lifeline.''\n")
    assert "Anita Rowe" in speaker(one(out, "It is"))


def test_a_single_word_said_at_a_sentence_start_with_a_cue_after_is_a_quotation() -> None:
    out = quotes_of("'I would rather not,' said Mrs Iyer.\n\n'Nonsense,' Rahul Iyer replied.\n")
    assert speaker(one(out, "Nonsense")) == "Rahul Iyer"


def test_a_single_quoted_word_inside_a_sentence_stays_a_term_even_before_a_verb() -> None:
    out = quotes_of('The word "nonsense" came up often, and so did "rubbish," which nobody said aloud.\n')
    assert texts(out) == []


def test_a_publication_speaker_after_the_quotation_is_its_source_too() -> None:
    out = quotes_of('The Harbour Gazette has covered the ferry for years.\n\n"Thirty crossings were cancelled in March '
                    'alone," the Harbour Gazette wrote on Monday.\n\n"The company has not explained why," it added.\n')
    for start in ("Thirty crossings", "The company has not"):
        q = one(out, start)
        assert speaker(q) == "Harbour Gazette" and q["source"]["outlet"] == "Harbour Gazette"


def test_an_unnamed_person_subject_nearer_than_any_name_leaves_he_without_speaker() -> None:
    out = quotes_of('"We have not missed it," said Benedek Varga.\n\nThe ferryman, a stooped man with a beard, came out '
                    'of the hut. "Last crossing left an hour ago," he said.\n')
    assert speaker(one(out, "Last crossing left")) is None
