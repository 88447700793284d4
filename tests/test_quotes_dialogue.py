"""Attribution by the grammar of the clause next to a quotation, on novel-style dialogue and news
(docs/QUOTES.md, "Speakers by syntax"); one behaviour per test, small hand-made texts."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker


def test_speech_verb_outside_the_lexicon_after_the_quotation_names_its_subject() -> None:
    out = quotes_of('"I cannot stay here any longer," murmured Tom Hardy, looking at the door.\n')
    assert speaker(one(out, "I cannot stay here")) == "Tom Hardy"


def test_inverted_cry_gives_the_speaker_with_the_honorific_kept() -> None:
    out = quotes_of('"You must stay here with us tonight, Martha," cried Mrs. Pemberton.\n')
    assert speaker(one(out, "You must stay here")) == "Mrs. Pemberton"


def test_vocative_inside_the_quotation_is_never_the_speaker() -> None:
    out = quotes_of('"Oh, Martha, you should never have come back here," said Tom.\n')
    assert speaker(one(out, "Oh, Martha")) == "Tom"


def test_verb_before_the_quotation_outside_the_lexicon_names_its_subject() -> None:
    out = quotes_of('Mr. Pemberton retorted, "That is not how I remember the whole affair at all."\n')
    assert speaker(one(out, "That is not how I remember")) == "Mr. Pemberton"


def test_second_part_of_a_split_quotation_belongs_to_the_speaker_between() -> None:
    out = quotes_of('"You must stay, Martha," cried Mrs. Pemberton, "or we shall all be lost in the storm."\n')
    assert speaker(one(out, "or we shall all be lost")) == "Mrs. Pemberton"


def test_bare_title_is_no_speaker() -> None:
    out = quotes_of('"The train leaves at nine in the morning," said Mr.\n')
    assert speaker(one(out, "The train leaves at nine")) in (None,)


def test_alternating_turn_does_not_inherit_the_previous_speaker() -> None:
    out = quotes_of('"Very well, I will go with you to the town," said Tom.\n\n'
                    '"And will you come back before the night falls?"\n')
    assert speaker(one(out, "And will you come back")) is None


def test_multi_paragraph_quotation_keeps_its_speaker_forwards() -> None:
    out = quotes_of('"We walked for three days without food or water," said Anna Berg.\n\n'
                    '"Then the rain came and the river rose over the road.\n\n'
                    '"Nobody came to help us in all that time."\n')
    assert speaker(one(out, "Nobody came to help")) is None          # the previous quotation was closed
    out = quotes_of('Anna Berg told the story again. "We walked for three days without food or water.\n\n'
                    '"Then the rain came and the river rose over the road," she said.\n')
    assert speaker(one(out, "We walked for three days")) == speaker(one(out, "Then the rain came"))


def test_multi_paragraph_quotation_gives_the_later_cue_to_the_first_paragraph() -> None:
    out = quotes_of('"We walked for three days without food or water along the coast.\n\n'
                    '"Then the rain came and the river rose over the road," said Anna Berg.\n')
    assert speaker(one(out, "We walked for three days")) == "Anna Berg"


def test_she_skips_a_nearer_man_for_the_woman_named_before() -> None:
    out = quotes_of('"The road is closed again," said Anna Berg.\n\n'
                    '"Then we wait until the morning," said Tom Hardy.\n\n'
                    '"The rain will not stop before the evening," she went on.\n')
    assert speaker(one(out, "The rain will not stop")) == "Anna Berg"


def test_honorific_tells_two_people_of_one_surname_apart() -> None:
    out = quotes_of('Mr. Pemberton and Mrs. Pemberton came in from the garden together.\n\n'
                    '"We have lost the key to the gate again," she said.\n')
    assert speaker(one(out, "We have lost the key")) == "Mrs. Pemberton"


def test_two_fitting_candidates_give_no_speaker() -> None:
    out = quotes_of('Anna Berg met Maria Lopez at the station in the rain.\n\n'
                    '"We have lost the key to the gate again," she said.\n')
    assert speaker(one(out, "We have lost the key")) is None


def test_first_name_unknown_to_the_model_still_gives_a_gender() -> None:
    out = quotes_of('Tiffany Waldorf looked stunning in the cardigan. Asked about the fit she commented, '
                    '"This cardigan is so warm and the yarn is thick."\n')
    assert speaker(one(out, "This cardigan is so warm")) == "Tiffany Waldorf"


def test_named_person_in_apposition_to_a_title_subject_is_the_speaker() -> None:
    out = quotes_of('"Our goal is to listen to every couple first," says Co-Founder, Stephanie Ozcan.\n')
    assert speaker(one(out, "Our goal is to listen")) == "Stephanie Ozcan"


def test_in_the_words_of_names_the_speaker() -> None:
    out = quotes_of('In the words of Marie Kondo: "To truly cherish the things that are important to you, '
                    'you must first discard those that have outlived their purpose."\n')
    assert speaker(one(out, "To truly cherish")) == "Marie Kondo"


def test_quoted_fragment_in_the_reporting_clause_belongs_to_its_subject() -> None:
    out = quotes_of('Andres Serrano was born in New York. He studied painting but considers himself '
                    '"an artist with a camera and nothing else," stating: "I have never called myself a photographer."\n')
    assert speaker(one(out, "an artist with a camera")) == "Andres Serrano"
    assert speaker(one(out, "I have never called myself")) == "Andres Serrano"


def test_short_fragment_framed_by_an_ordinary_verb_is_a_term_not_a_quotation() -> None:
    out = quotes_of('The philosopher Thomas Nagel imagines a "secret constitution" of the mind in his book.\n')
    assert not [q for q in out["quotations"] if q["text"].startswith("secret constitution")]


def test_first_person_cue_without_a_named_author_gets_no_speaker() -> None:
    out = quotes_of("The storm came in from the west just after nine, and the wall held.\n\n"
                    '"We will not leave the boats out here tonight," I said to the harbour master.\n')
    assert speaker(one(out, "We will not leave the boats")) is None


def test_name_over_a_hard_wrapped_line_break_is_joined() -> None:
    out = quotes_of("The rain had not stopped for three days, and the river was already over\n"
                    "the lower road when the carriage came round the corner of the square.\n\n"
                    '"I cannot stay here any longer, whatever you may think of me," said Mr.\n'
                    "Pemberton, taking up his hat and gloves from the table by the window.\n")
    assert speaker(one(out, "I cannot stay here")) == "Mr. Pemberton"


def test_first_part_of_a_split_quotation_with_a_pronoun_cue_gets_the_speaker() -> None:
    out = quotes_of('Martha looked at them both and said nothing for a long while. At last she rose. '
                    '"I shall go with him," she said, "whatever the weather may do to us on the road."\n')
    assert speaker(one(out, "I shall go with him")) == "Martha"


def test_short_quotation_with_a_reporting_clause_is_a_quotation_even_without_a_named_speaker() -> None:
    out = quotes_of('"Hartley, of course," replied her mother.\n\n'
                    'The word "sustainable" is used far too often, and a "green future" is promised by all.\n')
    assert speaker(one(out, "Hartley, of course")) is None
    assert not [q for q in out["quotations"] if q["text"].startswith("green future")]


def test_gender_learnt_from_an_earlier_pronoun_keeps_she_off_a_man() -> None:
    out = quotes_of("Ashby Kell walked into the harbour office at nine that morning.\n\n"
                    '"The wall will hold until the spring storms come," he said.\n\n'
                    "Later that day Ashby Kell went down to the gate with the engineers.\n\n"
                    '"We should check the gate before the tide turns," she said.\n')
    assert speaker(one(out, "The wall will hold")) == "Ashby Kell"
    assert speaker(one(out, "We should check the gate")) is None
