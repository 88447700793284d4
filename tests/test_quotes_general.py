"""General attribution rules of the quotation stage (docs/QUOTES.md, "Speakers on ordinary web
pages"), one behaviour per test, on small hand-made texts."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker


def test_unnamed_antecedent_in_the_sentence_leaves_a_pronoun_without_speaker() -> None:
    out = quotes_of("Maria Costa wrote a book about ships last year.\n\n"
                    'Once, when I told a guy on a train that I taught history, he responded, "So you teach '
                    'dates to drivers?" I said yes.\n')
    assert speaker(one(out, "So you teach dates")) is None


def test_pronoun_takes_the_person_named_earlier_in_its_own_sentence() -> None:
    out = quotes_of("Photo by Ann Lee / Agency\n\n"
                    'Walter Brandt is as relevant as ever when he writes, "We forget that learning was once '
                    'the mark of free people."\n')
    assert speaker(one(out, "We forget that learning")) == "Walter Brandt"


def test_indefinite_or_generic_subject_is_no_speaker() -> None:
    out = quotes_of('A mother once asked me with tears in her eyes, "Is it right that the outcome plays no role '
                    'at all?"\n\nUnfortunately, the research suggesting harm "has seldom been heeded by the '
                    'makers of these products."\n')
    assert speaker(one(out, "Is it right that")) is None
    assert speaker(one(out, "has seldom been heeded")) is None


def test_group_noun_subject_is_the_speaker() -> None:
    out = quotes_of('In a recent review, researchers noted that "adverse effects were first observed among '
                    'workers exposed at high levels."\n')
    assert speaker(one(out, "adverse effects were first")) == "researchers"


def test_verb_after_a_quotation_that_runs_on_into_its_sentence_is_no_cue() -> None:
    out = quotes_of('"It was unknown whether common use of the cleaner at home" may put lungs at risk, '
                    "the article went on.\n")
    assert speaker(one(out, "It was unknown whether")) is None


def test_cue_sentence_between_two_quotations_gives_both_to_the_speaker() -> None:
    out = quotes_of('"It was not a top-down decision," notes Tom Keller, design lead for the studio. '
                    '"The typeface was driven by the needs of designers."\n')
    assert speaker(one(out, "The typeface was driven")) == "Tom Keller"


def test_surname_of_a_person_named_elsewhere_is_a_person_for_he() -> None:
    out = quotes_of("Darius Fenwick runs the bakery chain in the north.\n\n"
                    "For a franchise brand, Fenwick admits it is complex.\n\n"
                    '"It is a unique model with trays and tongs," he said.\n')
    assert speaker(one(out, "It is a unique model")) == "Fenwick"


def test_quotation_paragraph_after_a_closed_quotation_gets_no_speaker_from_it() -> None:
    """Alternating turns: without the multi-paragraph convention the next paragraph may be anyone's."""
    out = quotes_of('The chain remains "a neighbourhood bakery in every sense," said Darius Fenwick, its chief.\n\n'
                    "Guests pick pastries from glass cabinets. | Photo by Ann Lee\n\n"
                    '"For me, raised in the city, we had those bakeries on every block and corner."\n')
    assert speaker(one(out, "For me, raised in the city")) is None


def test_possessive_cue_line_resolves_like_a_pronoun_and_connector_lines_do_not_end_the_block() -> None:
    out = quotes_of("We asked the firm Northlab to test our images over three weeks.\n\n"
                    'Northlab noted: "Fast patching reduces the exposure windows for every user."\n\n'
                    "In their words:\n\n"
                    '"The images deliver on their public security promises."\n\n'
                    "And\n\n"
                    '"No critical or high severity break outs were identified."\n')
    assert speaker(one(out, "The images deliver")) == "Northlab"
    assert speaker(one(out, "No critical or high")) == "Northlab"


def test_colon_cue_with_a_named_subject_and_no_reporting_verb() -> None:
    out = quotes_of("Walter Brandt wrote a famous book on reason in 1997.\n\n"
                    "As you might expect, Brandt does not buy this:\n\n"
                    "To take a familiar example, the only answer to the charge is to consider the reasons "
                    "again, in the light of these suggestions.\n")
    assert speaker(one(out, "To take a familiar example")) == "Brandt"


def test_unquoted_block_stops_at_a_paragraph_about_another_person() -> None:
    out = quotes_of("An example of this view comes from a school of thought. Anna Hill Morris in Black Thought "
                    "(1990) argues that,\n\n"
                    "Experience gives a distinctive standpoint, grounded in lived experience and dialogue.\n\n"
                    "Walter Brandt presents a deep criticism of this view in his own work.\n")
    q = one(out, "Experience gives")
    assert speaker(q) == "Anna Hill Morris" and "Brandt" not in q["text"]


def test_book_title_in_the_cue_line_is_the_source() -> None:
    out = quotes_of("One of the superstitions of our time is that truth is relative and not absolute. As the "
                    "philosopher Walter Brandt says in The Final Word (Oxford University Press, 1997),\n\n"
                    "A vulgar version of this doubt about reason is common in the weaker parts of our culture.\n")
    q = one(out, "A vulgar version")
    assert speaker(q) == "Walter Brandt" and q["source"]["outlet"] == "The Final Word"


def test_podcast_named_in_the_cue_sentence_is_the_source() -> None:
    out = quotes_of('"It is a complicated category," Cal Fisher, owner of Fisher Security, told us during a '
                    'recent Main Street Podcast interview. "Many people find it overwhelming."\n')
    assert one(out, "It is a complicated")["source"]["outlet"] == "Main Street Podcast"
    q = one(out, "Many people find it")
    assert speaker(q) == "Cal Fisher" and q["source"]["outlet"] == "Main Street Podcast"


def test_the_report_names_the_owner_of_its_earlier_mention() -> None:
    out = quotes_of("The National Audit Office's 2024 report on training endorsed voluntary licensing.\n\n"
                    'The report noted that licensing could "reduce the burden of negotiating with many owners."\n')
    assert speaker(one(out, "reduce the burden")) == "National Audit Office"


def test_testimonial_name_on_the_line_after_the_quotation() -> None:
    out = quotes_of("Our customers run support teams of every size, in every industry, around the world.\n\n"
                    '"Our experience with the tool has given automation credibility across our business."\n'
                    "Raz Quinton\nHead of Customer Contact, Shopco\n\n"
                    "Teams that switch to the tool answer their customers faster, with fewer people.\n")
    assert speaker(one(out, "Our experience with the tool")) == "Raz Quinton"


def test_forum_quotation_ends_where_the_copy_of_the_earlier_post_ends() -> None:
    post = "Thanks for the update! What are the dimensions of your small house and the shed?"
    out = quotes_of(f"kathy_s\n\n{post}\n\ntravis_j\n\nkathy_s wrote:{post}\n\n"
                    "Our current house is 18 x 22 feet, and the shed is small.\n")
    q = one(out, "Thanks for the update")
    assert q["text"].endswith("the shed?") and speaker(q) == "kathy_s"
