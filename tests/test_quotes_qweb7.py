"""Web register, round 11 (qweb7): expert roundups, blurb signatures, forum boxes, messages read out,
outlets the model tags as people (docs/QUOTES.md, "Round 11"). One behaviour per test, small
hand-made texts."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker


def source(q: dict) -> str | None:
    return (q.get("source") or {}).get("outlet")


ROUNDUP = ("We asked three gardeners for one tip\n\n"
           "Spring is short and the jobs are many, so we asked people who garden for a living what they would do first.\n\n"
           "1. Wilhelmina Okparaeke, head gardener at Fellside Hall\n\n"
           '"Water in the morning, never at night. The slugs thank you for the evening watering."\n\n'
           "2. Bartholomew Ngata\nAllotment secretary, Eastfield\n\n"
           '"Mulch everything you can reach before the first dry week of May."\n')


def test_a_name_heading_over_each_quoted_answer_names_its_speaker() -> None:
    out = quotes_of(ROUNDUP)
    assert speaker(one(out, "Water in the morning")) == "Wilhelmina Okparaeke"
    assert speaker(one(out, "Mulch everything")) == "Bartholomew Ngata"


def test_a_single_name_heading_over_a_quotation_names_no_one() -> None:
    out = quotes_of("Garden notes\n\nWilhelmina Okparaeke\n\n"
                    '"Water in the morning, never at night. The slugs thank you for the evening watering."\n')
    assert speaker(one(out, "Water in the morning")) is None


def test_a_message_read_out_is_its_senders() -> None:
    out = quotes_of("On the phone-in, Declan reads out a message from Philippa in Kendal: "
                    '"My roses have black spots on every leaf. What should I spray?"\n')
    assert speaker(one(out, "My roses have black spots")) == "Philippa"


def test_a_message_from_an_unnamed_sender_is_nobodys() -> None:
    out = quotes_of("On the phone-in, Declan reads out a message from a listener in Kendal: "
                    '"My roses have black spots on every leaf. What should I spray?"\n')
    assert speaker(one(out, "My roses have black spots")) is None


def test_a_verb_answering_the_quoted_question_does_not_report_it() -> None:
    out = quotes_of('The last caller asked about frost. "Can I leave the dahlias in the ground all winter?" '
                    "Ottoline Brecker says no, not this far north.\n")
    assert speaker(one(out, "Can I leave the dahlias")) is None


def test_the_person_after_a_works_title_is_the_colon_leads_speaker() -> None:
    out = quotes_of("Everyone gets this wrong.\n\nIn his book The Salted Field, Anselm Rautavaara-Price puts it "
                    'plainly: "A field that is never rested is a field that is slowly sold."\n')
    q = one(out, "A field that is never rested")
    assert speaker(q) == "Anselm Rautavaara-Price" and source(q) == "Salted Field"


def test_stars_before_an_outlet_under_a_blurb_sign_it_as_the_publication() -> None:
    out = quotes_of("Press\n\n" '"A tender, unhurried film about two brothers."\n★★★★★ Harbour Film Weekly\n')
    q = one(out, "A tender, unhurried film")
    assert speaker(q) == "Harbour Film Weekly" and source(q) == "Harbour Film Weekly"


def test_a_name_with_author_of_under_a_blurb_signs_it_without_a_dash() -> None:
    out = quotes_of("Praise\n\n" '"I read it in one sitting and then again."\nTheophilus Mbeki-Lowe, author of The Drowned Road\n')
    assert speaker(one(out, "I read it in one sitting")) == "Theophilus Mbeki-Lowe"


def test_a_periodicals_name_under_a_blurb_signs_it_as_the_publication() -> None:
    out = quotes_of("Praise\n\n" '"Sharp, warm and very funny."\nThe Sunday Clarion\n\n'
                    '"Impossible to put down."\nEvening Lamplighter\n')
    q = one(out, "Sharp, warm and very funny.")
    assert speaker(q) == "Sunday Clarion" and source(q) == "Sunday Clarion"
    assert speaker(one(out, "Impossible to put down.")) == "Evening Lamplighter"


def test_a_dashed_signature_opening_with_an_honorific_is_a_person_not_a_publication() -> None:
    out = quotes_of("Quote of the week\n\n" '"A hedge is a hotel that never closes."\n— Dr Ifeyinwa Castellano\n')
    q = one(out, "A hedge is a hotel")
    assert speaker(q) == "Dr Ifeyinwa Castellano" and q["speaker"]["type"] == "person" and source(q) is None


def test_a_nested_vbulletin_box_label_is_no_quotation_and_the_outer_post_is_found() -> None:
    text = ("01-02-2025, 10:00 AM #1\nMossback_Jo\n\nIs a 40 litre tank enough for two goldfish?\n\n"
            "01-02-2025, 11:00 AM #2\nReefRanger\n\nQuote:\nOriginally Posted by Mossback_Jo\n"
            "Is a 40 litre tank enough for two goldfish?\n\nNo, goldfish need far more water than that.\n\n"
            "01-02-2025, 12:00 PM #3\nTamsin Oduya-Grieve\n\nQuote:\nOriginally Posted by ReefRanger\nQuote:\n"
            "Originally Posted by Mossback_Jo\nIs a 40 litre tank enough for two goldfish?\n"
            "No, goldfish need far more water than that.\n\nAgreed, think of a pond.\n")
    out = quotes_of(text)
    assert not [q for q in out["quotations"] if q["text"].strip() == "Quote:"]
    assert speaker(one(out, "No, goldfish need far more water")) == "ReefRanger"


def test_an_outlet_shaped_name_the_model_tags_as_a_person_is_the_source() -> None:
    out = quotes_of("The harbour plan was delayed.\n\nIsidora Quennell-Abara said in an interview with Coastline Monthly: "
                    '"We have waited for a new pier for twenty years."\n')
    assert source(one(out, "We have waited for a new pier")) == "Coastline Monthly"


def test_a_name_and_its_topic_before_a_colon_label_the_quotation() -> None:
    out = quotes_of("About the book\n\nPerpetua Adeyemi-Strand on the novel:\n"
                    '"I wanted to write about a town that forgets its own river."\n')
    assert speaker(one(out, "I wanted to write about a town")) == "Perpetua Adeyemi-Strand"


def test_a_subject_set_off_as_a_person_called_name_is_that_person() -> None:
    out = quotes_of("The boiler failed twice.\n\nThe man who fixed the boiler, a plumber called Osric Fenwick-Ade, "
                    'said "the pipes were full of scale and nobody had looked".\n')
    assert speaker(one(out, "the pipes were full of scale")) == "Osric Fenwick-Ade"


def test_the_outlet_of_the_clause_around_the_cue_beats_the_sentences_first_outlet() -> None:
    out = quotes_of("The count was a surprise.\n\nThe survey was first reported by the Fellside Gazette, and Oriel Tamsworth "
                    'wrote about it in Apiary Monthly, where she described the results as "the best in twenty years."\n')
    assert source(one(out, "the best in twenty years")) == "Apiary Monthly"


def test_a_quotation_that_names_its_headings_person_is_not_theirs() -> None:
    out = quotes_of(ROUNDUP.replace("Water in the morning, never at night.", "Wilhelmina taught me to water in the morning."))
    assert speaker(one(out, "Wilhelmina taught me")) is None
    assert speaker(one(out, "Mulch everything")) is None   # one pair left: no run
