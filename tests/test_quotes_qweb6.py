"""Web register, round 10 (qweb6): quotation dates from weekdays and relative days against the page's
own date, organisations as speakers, names in apposition (docs/QUOTES.md, "Round 10"). One behaviour
per test, small hand-made texts."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker


def date(q: dict) -> str | None:
    return (q.get("source") or {}).get("date")


def test_a_weekday_in_the_reporting_clause_is_the_latest_such_day_before_the_page_date() -> None:
    out = quotes_of("Village news\n\nPosted on June 11, 2025 by the Editor\n\n"
                    "The bakery on Mill Lane will close for a month.\n\n"
                    '"We need a new oven before the winter," the owner, Ilse Marchetti, said on Monday.\n')
    assert date(one(out, "We need a new oven")) == "2025-06-09"


def test_a_weekday_that_is_the_page_date_itself_is_that_day() -> None:
    out = quotes_of("Published 14 May 2025\n\nThe ferry will not run on Friday.\n\n"
                    '"The crossing is unsafe in this wind," Tiberius Nwachukwu said Wednesday.\n')
    assert date(one(out, "The crossing is unsafe")) == "2025-05-14"


def test_yesterday_is_the_day_before_the_page_date() -> None:
    out = quotes_of("Posted by Henrietta Aalto on 3 March 2025\n\nI met the potter at her studio.\n\n"
                    '"Clay remembers every mistake," Ottilie Brandvold told me yesterday.\n')
    assert date(one(out, "Clay remembers every mistake")) == "2025-03-02"


def test_a_weekday_without_a_page_date_gives_no_date() -> None:
    out = quotes_of("The ferry will not run on Friday.\n\n"
                    '"The crossing is unsafe in this wind," Tiberius Nwachukwu said on Wednesday.\n')
    assert date(one(out, "The crossing is unsafe")) is None


def test_a_weekday_in_the_reported_clause_is_not_the_quotation_date() -> None:
    out = quotes_of("Published 14 May 2025\n\nThe ferry timetable changes next week.\n\n"
                    'Tiberius Nwachukwu said the boat would sail on Friday. "We have checked the forecast twice," he said.\n')
    assert date(one(out, "We have checked the forecast")) is None


def test_a_year_alone_gives_no_date() -> None:
    out = quotes_of("Posted by Henrietta Aalto on 3 March 2025\n\nI first heard the singer in Leith.\n\n"
                    '"I lose the thread if I talk," Ottilie Brandvold said in a 2019 interview.\n')
    assert date(one(out, "I lose the thread")) is None


def test_the_union_after_a_name_with_a_plural_possessive_is_the_whole_name() -> None:
    out = quotes_of("The Dock Porters' Union blamed the operator.\n\n"
                    '"This is a crisis of their own making," the union said.\n')
    assert speaker(one(out, "This is a crisis")) == "Dock Porters' Union"


def test_a_name_set_off_beside_an_inverted_role_subject_is_the_speaker() -> None:
    out = quotes_of("Donations fell by a third in January.\n\n"
                    '"We gave out more parcels than in any month since we opened," said our coordinator, '
                    "Bongani Sithebe-Larsen.\n")
    assert speaker(one(out, "We gave out more parcels")) == "Bongani Sithebe-Larsen"


def test_a_person_set_off_after_a_role_of_an_institution_is_the_speaker() -> None:
    out = quotes_of("Pupils rely on the early ferry.\n\n"
                    "In a letter to parents, the head teacher of Kilbrannan High School, Morag Lindqvist, wrote: "
                    '"Pupils who miss the early boat will not be marked late."\n')
    assert speaker(one(out, "Pupils who miss")) == "Morag Lindqvist"


def test_a_body_set_off_beside_a_body_noun_is_the_speaker() -> None:
    out = quotes_of("Demand rose again this winter.\n\n"
                    "The regional network we belong to, the Wessex Food Partnership, said in a statement: "
                    '"Demand across the county is at a record level."\n')
    assert speaker(one(out, "Demand across the county")) == "Wessex Food Partnership"


def test_a_description_set_off_beside_a_role_names_no_one() -> None:
    out = quotes_of("Donations fell by a third in January.\n\n"
                    '"We gave out more parcels than in any month since we opened," said her daughter, a nurse.\n')
    assert speaker(one(out, "We gave out more parcels")) is None


def test_a_club_signs_a_testimonial_spoken_as_we_amid_a_run_of_signed_ones() -> None:
    out = quotes_of("What our patients say\n\n"
                    '"Friendly, punctual and honest about what would help."\nSiobhan McAteer, Portrush\n\n'
                    '"We refer our members here because they come back to training sooner."\nKestrel Bay Rowing Club\n\n'
                    '"The exercise sheets actually made sense to me."\n— Henrike Baumgartner\n\n'
                    "Call us to book.\n")
    assert speaker(one(out, "We refer our members")) == "Kestrel Bay Rowing Club"


def test_a_body_line_under_words_spoken_as_i_does_not_sign_them() -> None:
    out = quotes_of("What our patients say\n\n"
                    '"Friendly, punctual and honest about what would help."\nSiobhan McAteer, Portrush\n\n'
                    '"The staff were so patient with my son after his fall."\nKestrel Bay Rowing Club\n\n'
                    '"The exercise sheets actually made sense to me."\n— Henrike Baumgartner\n\n'
                    "Call us to book.\n")
    assert speaker(one(out, "The staff were so patient")) is None


def test_a_dashed_outlet_the_model_reads_as_a_date_word_signs_a_blurb() -> None:
    out = quotes_of("Praise\n\n"
                    '"A patient, generous novel about a family that keeps leaving."\n— Tomas Ekwueme, author of Low Tide\n\n'
                    '"One of the ten best debuts of the year."\n— Fenland Poetry Quarterly\n\n'
                    "Add to basket\n")
    assert speaker(one(out, "One of the ten best")) == "Fenland Poetry Quarterly"


def test_initials_with_a_place_sign_a_testimonial() -> None:
    out = quotes_of("What our customers say\n\n"
                    '"I have tried every subscription and this is the only one I kept."\n— Priyanka Venkataraman, Asheville\n\n'
                    '"Honestly the best customer service I have had from any shop."\nR.T., Denver\n\n'
                    "Contact us\n")
    assert speaker(one(out, "Honestly the best")) == "R.T."


def test_the_dated_lead_sentence_of_the_same_speaker_dates_the_quotation() -> None:
    out = quotes_of("The vote was close.\n\n"
                    "In a memo dated March 4, 2025, the city manager, Rashid Okonkwo-Baines, told the council that "
                    'costs were rising. "Delay is not free," he wrote.\n')
    assert date(one(out, "Delay is not free")) == "2025-03-04"


def test_the_dated_lead_sentence_of_another_subject_gives_no_date() -> None:
    out = quotes_of("The vote was close.\n\n"
                    "In a memo dated March 4, 2025, the city manager warned the council that costs were rising. "
                    '"Delay is not free," Rashid Okonkwo-Baines said.\n')
    assert date(one(out, "Delay is not free")) is None


def test_a_citation_line_with_a_lower_case_title_in_marks_attributes_the_excerpt() -> None:
    out = quotes_of("Sources\n\n"
                    '"The report throws a different light on the worst flood of the decade, suggesting the levee was '
                    'neglected for years."\n\n'
                    '(Ingrid Solheim-Ayala, "Low Water: a river town through flood and drought", Northfield: '
                    "Riverbank Press, 2011, pp. 40-42)\n")
    q = one(out, "The report throws a different light")
    assert speaker(q) == "Ingrid Solheim-Ayala"
    assert not [x for x in out["quotations"] if x["text"].startswith("Low Water")]
