"""Which clause a quoted fragment belongs to when clauses nest, and the name forms the small model
misreads (issue 12, news round): a fragment in the complement of a reporting verb is the reporting
subject's, an "according to" outside a clause with its own reporter gives that reporter the words,
a restrictive apposition is the body's name, a description's introduction keeps the whole name, and
"the statement said" is the body that spoke in it. One behaviour per test, sentences written for it."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker


def test_a_fragment_in_a_reported_clause_is_the_reporting_subjects() -> None:
    out = quotes_of("Inspector Halvard Mbeki said the contractor had ignored "
                    '"every single warning we sent them" and had kept working.\n')
    assert "Halvard Mbeki" in speaker(one(out, "every single warning"))


def test_a_second_fragment_on_a_conjoined_verb_is_the_reporting_subjects_too() -> None:
    out = quotes_of("Councillor Petra Vainikolo said the landlord had left the tenants "
                    '"without heat for a whole winter" and had offered "nothing but excuses" since.\n')
    assert "Petra Vainikolo" in speaker(one(out, "nothing but excuses"))


def test_according_to_outside_an_unnamed_reporter_names_no_speaker() -> None:
    out = quotes_of("According to the council, an anonymous letter described the new tower block as "
                    '"a fire waiting for a match, built by people who will never live in it."\n')
    q = one(out, "a fire waiting")
    assert q["speaker"] is None or speaker(q) != "council"


def test_a_name_right_after_a_body_noun_is_the_bodys_name() -> None:
    out = quotes_of("Residents' association Old Quay Neighbours described the plan as "
                    '"a car park with a fountain on top of it."\n')
    assert "Old Quay Neighbours" in speaker(one(out, "a car park"))


def test_an_introduction_keeps_the_whole_name_after_a_long_title() -> None:
    out = quotes_of("The inspector, Chief Fire Officer Ludmila Oyenuga, visited the site on Monday.\n\n"
                    '"The exits were blocked with pallets," the inspector said.\n')
    assert "Ludmila Oyenuga" in speaker(one(out, "The exits were blocked"))


def test_the_statement_is_the_body_that_spoke_in_it() -> None:
    out = quotes_of("The museum said in a statement that the gallery would reopen in the spring.\n\n"
                    '"Visitors will find the collection rehung by century," the statement said.\n')
    assert speaker(one(out, "Visitors will find")) == "museum"


def test_the_statement_of_an_unnamed_spokesman_names_no_one() -> None:
    out = quotes_of("A spokesman said in a statement that the gallery would reopen in the spring.\n\n"
                    '"Visitors will find the collection rehung by century," the statement said.\n')
    assert speaker(one(out, "Visitors will find")) != "spokesman"


def test_a_double_barrelled_surname_on_its_own_is_a_mention_of_the_person() -> None:
    out = quotes_of("Dr Imelda Castellano-Rigg opened the new clinic on Monday.\n\n"
                    "Castellano-Rigg, who trained in Glasgow, said the waiting list had halved. "
                    '"We can see people within a week now," she said.\n')
    assert "Castellano-Rigg" in speaker(one(out, "We can see people"))


def test_a_name_after_a_word_that_is_no_first_name_is_still_a_mention() -> None:
    out = quotes_of("Headmaster Gideon Ashworth-Lowe told parents on Friday that the roof would be mended by June. "
                    '"Nobody will sit under a bucket again," he said.\n')
    assert "Gideon Ashworth-Lowe" in speaker(one(out, "Nobody will sit"))


def test_a_definite_noun_outside_the_lists_is_the_person_introduced_with_it() -> None:
    out = quotes_of("The ship's purser, Benedikt Oyarzabal, counted the passengers twice.\n\n"
                    '"Everyone is aboard and the gangway is up," the purser said.\n')
    assert "Benedikt Oyarzabal" in speaker(one(out, "Everyone is aboard"))


def test_an_introduction_with_the_article_of_an_honorific_names_the_person() -> None:
    out = quotes_of("The hospital chaplain, the Rev. Mirela Szabo-Quist, led the service on Sunday.\n\n"
                    '"We came to remember, not to mourn," the chaplain said.\n')
    assert "Mirela Szabo-Quist" in speaker(one(out, "We came to remember"))


def test_a_definite_noun_never_introduced_names_no_one() -> None:
    out = quotes_of('"Everyone is aboard and the gangway is up," the purser said after the count.\n')
    assert one(out, "Everyone is aboard")["speaker"] is None


def test_a_hyphenated_title_before_a_name_in_apposition_gives_the_name() -> None:
    out = quotes_of('"We started with a borrowed oven and two tables," says Vice-Chair, Halima Okonkwo-Reyes.\n')
    assert "Halima Okonkwo-Reyes" in speaker(one(out, "We started with"))


def test_an_indefinite_spokeswoman_for_a_named_body_is_no_speaker() -> None:
    out = quotes_of("A spokeswoman for the Northern Rail Authority said: "
                    '"Replacement buses will run until the line reopens in May."\n')
    assert one(out, "Replacement buses")["speaker"] is None


def test_an_indefinite_title_qualified_by_a_place_is_no_speaker() -> None:
    out = quotes_of('"The figures do not support the claim at all," an Edinburgh professor said on Monday.\n')
    assert one(out, "The figures do not")["speaker"] is None


def test_according_to_right_after_the_quotation_names_its_speaker() -> None:
    out = quotes_of('"The harvest came three weeks early this year," according to grower Matthias Oduya.\n')
    assert "Matthias Oduya" in speaker(one(out, "The harvest came"))


def test_one_unnamed_analyst_at_a_named_firm_is_no_speaker() -> None:
    out = quotes_of('"The market has already priced this in," said one trader at a Frankfurt brokerage.\n')
    assert one(out, "The market has already")["speaker"] is None
