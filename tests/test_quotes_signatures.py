"""Names that sign a quotation after it: epigraphs, testimonials, blurbs (docs/QUOTES.md)."""

from __future__ import annotations

from test_quotes import one, quotes_of as _quotes_of, speaker

MORE = "\n\nWe read every message that our customers send us, and we answer each one within a day.\n"


def quotes_of(text: str):  # type: ignore[no-untyped-def]
    """A page whose last line is not the signature (strip drops a short last line as boilerplate)."""
    return _quotes_of("Our customers write to us about the service they receive from the team.\n\n" + text + MORE)


def test_epigraph_dash_name_on_the_quotation_line_is_the_speaker() -> None:
    out = quotes_of('What Is Design?\n\n"There are three responses to a piece of design: yes, no, and wow." – Ada Lovelace\n')
    assert speaker(one(out, "There are three responses")) == "Ada Lovelace"


def test_name_line_after_a_testimonial_with_a_place_is_the_speaker() -> None:
    out = quotes_of('Reviews\n\n"Service was quick and the staff explained everything to us."\n\nTom, Leeds\n')
    assert speaker(one(out, "Service was quick")) == "Tom"


def test_name_line_over_a_job_title_is_the_speaker() -> None:
    out = quotes_of('"We shipped the new release two weeks early thanks to the board."\nJason Doan\n'
                    'VP of Sales Operations\n')
    assert speaker(one(out, "We shipped the new release")) == "Jason Doan"


def test_dashed_initial_name_is_the_speaker() -> None:
    out = quotes_of('"The course gave me exactly the skills I needed for the new job."\n\n— Maria K.\n')
    assert speaker(one(out, "The course gave me")) == "Maria K."


def test_job_title_line_is_no_speaker() -> None:
    out = quotes_of('"We shipped the new release two weeks early thanks to the board."\n\n'
                    'Talent Acquisition Manager, Accenture\n')
    assert speaker(one(out, "We shipped the new release")) is None


def test_blurb_signed_by_a_publication_has_it_as_source_and_speaker() -> None:
    out = quotes_of('"A tender, funny and quietly devastating novel about three sisters."\n\n— Northern Book Journal\n')
    q = one(out, "A tender, funny")
    assert speaker(q) == "Northern Book Journal" and q["source"]["outlet"] == "Northern Book Journal"


def test_score_blurb_is_signed_by_its_outlet() -> None:
    out = quotes_of('"The best puzzle game of the year, with a story you will not forget."\n\n8/10 – PlayZone\n')
    assert one(out, "The best puzzle game")["source"]["outlet"] == "PlayZone"


def test_testimonials_in_one_paragraph_each_take_their_own_name_line() -> None:
    out = quotes_of('"We have dozens of complex projects going on at any given time."\nJason Doan\n'
                    'VP of Sales Operations\n"The board has let our group launch more product lines this year."\n'
                    'Chris Funk\nSenior Director of Product\n')
    assert speaker(one(out, "We have dozens")) == "Jason Doan"
    assert speaker(one(out, "The board has let")) == "Chris Funk"


def test_an_outlet_name_ending_in_plus_signs_a_score_blurb() -> None:
    out = quotes_of('"The best puzzle game of the year, with a story you will not forget."\n\n5/5 – PlayZone+\n')
    assert one(out, "The best puzzle game")["source"]["outlet"] == "PlayZone+"


def test_a_name_line_with_the_name_in_another_script_in_brackets_is_the_speaker() -> None:
    out = quotes_of('"The trainer explained every step of the course clearly and patiently."\n\nMARIA CHEN (陈玛丽)\n')
    assert speaker(one(out, "The trainer explained")) == "MARIA CHEN"


def test_blurb_signed_by_a_web_address_has_it_as_source() -> None:
    out = quotes_of('"Charming from the first minute to the last, and funny too."\n\n— gamecrate.net\n')
    q = one(out, "Charming from the first")
    assert speaker(q) == "gamecrate.net" and q["source"]["outlet"] == "gamecrate.net"


def test_blurb_with_a_source_label_has_it_as_source() -> None:
    out = quotes_of('"Ember Hollow trusts its players, and that is rare."\n\n(Source: Indie Beat)\n')
    assert one(out, "Ember Hollow trusts")["source"]["outlet"] == "Indie Beat"


def test_blurb_with_its_outlet_in_brackets_on_the_line_has_it_as_source() -> None:
    out = quotes_of('"The performances alone are worth the price of the ticket." (Film Weekly)\n')
    assert one(out, "The performances alone")["source"]["outlet"] == "Film Weekly"


def test_critic_signing_with_the_publication_has_it_as_source() -> None:
    out = quotes_of('"Daskalova has made the year\'s most patient thriller."\n\n— Ruben Takacs, Eastbay Film Review\n')
    q = one(out, "Daskalova has made")
    assert speaker(q) == "Ruben Takacs" and q["source"]["outlet"] == "Eastbay Film Review"


def test_an_outlet_with_a_review_score_after_it_signs_the_blurb() -> None:
    out = quotes_of('"The tightest two-player game I have played this year."\nBoard Game Digest, 9/10')
    q = one(out, "The tightest two-player game")
    assert speaker(q) == "Board Game Digest"


def test_a_letter_opened_by_sir_and_signed_by_a_name_line_is_the_signatory_s() -> None:
    out = quotes_of("Sir, — The closure of the swimming pool on weekday mornings leaves the school clubs with nowhere "
                    "to train before lessons.\n\nAnselm Garrow\nKeswick")
    assert speaker(one(out, "The closure of the swimming pool")) == "Anselm Garrow"


def test_a_salutation_with_no_name_line_under_the_body_is_no_letter() -> None:
    out = quotes_of("Dear readers, the closure of the swimming pool on weekday mornings leaves the school clubs "
                    "with nowhere to train before lessons, and we will report on the council meeting next week.")
    assert not [q for q in out["quotations"] if q["rule"] == "quotes.letter.salutation"]


def test_a_headline_over_a_dateline_is_no_excerpt_of_it() -> None:
    out = quotes_of("Harrow Mills opens a second dye works in Leek\n\nLEEK, England, June 3, 2025 -- Harrow Mills "
                    "today opened its second dye works, employing forty people.")
    assert not [q for q in out["quotations"] if q["text"].startswith("Harrow Mills opens")]


def test_posted_on_a_date_by_a_name_is_the_byline_of_a_first_person_post() -> None:
    out = quotes_of("Posted on 4 May 2025 by Henrietta Corsley\n\nThe guard asked for my ticket and I said, "
                    '"I bought it on the app this morning." He waved me through without a word.')
    assert speaker(one(out, "I bought it on the app")) == "Henrietta Corsley"


def test_a_byline_under_a_headline_and_standfirst_is_no_excerpt_attribution() -> None:
    out = quotes_of("The Nine Best Rain Jackets of 2025\n\nTired of soggy commutes? These jackets kept our testers dry "
                    "through a Welsh winter.\n\nByMorwenna TreloarMar 5, 2025 | 4 comments\n\n" + "Every jacket here was worn "
                    "for at least a month of daily cycling, and we paid for all of them ourselves.")
    assert not [q for q in out["quotations"] if q["text"].startswith("Tired of soggy commutes")]


def test_a_name_line_right_above_a_quotation_line_signs_it_when_nothing_signs_it_below() -> None:
    out = quotes_of('Margaret Bright, Bright & Daughters Ltd\n"They rewired the whole workshop over a weekend without '
                    'stopping production once."')
    assert speaker(one(out, "They rewired the whole workshop")) == "Margaret Bright"


def test_a_name_line_under_one_quotation_does_not_sign_the_next_one_too() -> None:
    out = quotes_of('"The fitters were quick, tidy and polite from start to finish."\nMargaret Bright\n'
                    '"We will use them again for the loft conversion next spring."')
    assert speaker(one(out, "We will use them again")) is None


def test_a_reviewed_by_line_under_a_quotation_names_its_writer() -> None:
    out = quotes_of('"Beef was pink, the Yorkshires were enormous and the gravy came in a jug."\n'
                    'Reviewed by Hamish T. on 2 February 2025')
    assert speaker(one(out, "Beef was pink")) == "Hamish T."


def test_a_letter_to_the_editor_signed_in_capitals_is_its_signatory_s() -> None:
    out = quotes_of("To the Editor:\n\nA second bridge will fill with traffic within five years, as every new road in "
                    "this county has done.\n\nMARGARET OYELOWO\nChester")
    assert speaker(one(out, "A second bridge will fill")) == "MARGARET OYELOWO"
