"""News register, round 8 (helper qnews3): quotation dates from the reporting clause, sentences that
quote are no attribution lines, ages and surnames as evidence, fragments that qualify another verb,
a statement's issuer set off by commas, an interview credit under the headline. One behaviour per
test, small hand-made texts."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker


def date(q: dict) -> str | None:
    return (q.get("source") or {}).get("date")


def test_a_full_date_in_the_reporting_clause_is_the_quotation_date() -> None:
    out = quotes_of('Flooding closed the coast road again this week.\n\n'
                    'The county engineer, Rasmus Okafor-Lunde, told councillors on April 9, 2024: '
                    '"The sea wall has reached the end of its life."\n')
    assert date(one(out, "The sea wall has reached")) == "2024-04-09"


def test_a_letter_dated_gives_its_date_to_the_fragment_it_reports() -> None:
    out = quotes_of('The landlord has refused to repair the lifts.\n\n'
                    'In a letter to tenants dated 14 February 2023, the managing agent, Pia Haldorsen, wrote '
                    'that the block was "structurally sound and fully compliant."\n')
    assert date(one(out, "structurally sound")) == "2023-02-14"


def test_a_date_inside_the_reported_clause_is_not_the_quotation_date() -> None:
    out = quotes_of('The ferry company announced new timetables.\n\n'
                    'Chief executive Lorna Abiodun said the new boat would enter service on June 1, 2026. '
                    '"It is the biggest investment we have made in forty years," she said.\n')
    assert date(one(out, "It is the biggest investment")) is None


def test_a_date_without_its_year_takes_the_year_of_the_documents_date_line() -> None:
    out = quotes_of('MILL TO CLOSE\nDate: March 3, 1987\n\nThe Ashby mill will close in the summer, '
                    'its owners said on Monday.\n\nIn a February 26 statement, the chairman, Harold Quist, called the '
                    'decision "painful but unavoidable after three years of losses."\n')
    assert date(one(out, "painful but unavoidable")) == "1987-02-26"


def test_a_weekday_is_the_latest_such_day_on_or_before_the_date_line() -> None:   # round 10: "said on Monday" dates by the page (qweb6)
    out = quotes_of('MILL TO CLOSE\nDate: March 3, 1987\n\nThe Ashby mill will close in the summer.\n\n'
                    '"We kept it open as long as we could," the owner, Harold Quist, said on Monday.\n')
    assert date(one(out, "We kept it open")) == "1987-03-02"


def test_a_dated_sentence_that_quotes_is_no_attribution_line_for_the_paragraph_above() -> None:
    out = quotes_of('Readers have written in about the bypass.\n\n'
                    '"Nobody asked the people who live here," said Tamsin Achebe, who runs the post office.\n\n'
                    'In a statement released May 2, 2025, the transport secretary called the scheme '
                    '"the right road in the right place at the right time."\n')
    assert (one(out, "Nobody asked the people").get("source") or {}).get("outlet") is None
    assert any(q["text"].startswith("the right road in the right place") for q in out["quotations"])


def test_the_age_of_an_apposition_with_an_article_introduces_the_n_year_old() -> None:
    out = quotes_of('The night buses stop at midnight from next month.\n\n'
                    'Farouk Delacroix-Mensah, a 62-year-old baker who starts work at four, said the change '
                    'would leave him walking. "I will be on the road before the birds," the 62-year-old said.\n')
    assert speaker(one(out, "I will be on the road")) == "Farouk Delacroix-Mensah"


def test_a_bare_surname_has_the_gender_of_the_first_name_written_before_it() -> None:
    out = quotes_of('The appeal was heard on Thursday.\n\n'
                    'Her barrister, Anselm Quarshie, spoke for an hour. In a statement read by Quarshie, '
                    'she wrote: "I have never hidden anything from this court."\n')
    assert speaker(one(out, "I have never hidden anything")) != "Quarshie"


def test_a_fragment_qualifying_the_inner_verb_is_the_unnamed_outer_reporters() -> None:
    out = quotes_of('The mine reported a second spill on Friday.\n\n'
                    'A senior inspector, who asked not to be named, said the operator had disclosed the spill '
                    '"a full week after its own staff knew."\n')
    assert speaker(one(out, "a full week after")) != "operator"


def test_the_statement_said_names_the_body_set_off_beside_its_issuer() -> None:
    out = quotes_of('The stadium plan was approved on Tuesday.\n\n'
                    'The club, Redmarsh Athletic, said in a statement that it was delighted. "This is a new '
                    'home for the next hundred years," the statement said.\n')
    assert speaker(one(out, "This is a new home")) == "Redmarsh Athletic"


def test_an_interview_credit_under_the_headline_asks_the_questions() -> None:
    out = quotes_of('Ten minutes with the lock keeper\n\nInterview by Ottilie Brandvold\n\n'
                    'Esperanza Mbatha-Clarke has kept the Hollin lock for thirty years, through two floods and '
                    'one very cold winter. She talked about boats, ducks and the public.\n\n'
                    'Q. How many boats pass in a day?\n\nA. In August, about sixty. In January, none at all.\n\n'
                    'Q. Do you ever fall in?\n\nA. Twice. Both times in front of a hire boat full of children.\n')
    assert speaker(one(out, "How many boats pass")) == "Ottilie Brandvold"
    assert speaker(one(out, "Do you ever fall in")) == "Ottilie Brandvold"


def test_a_word_inside_a_bodys_name_is_no_rival_for_she() -> None:
    out = quotes_of('The council has chosen a new caterer for its schools.\n\n'
                    'Director of education Miriam Oyelaran-Hughes told the board that a new supplier, Northgate '
                    'Line Coaches, would start in September. "The menus will stay the same," she said.\n')
    assert speaker(one(out, "The menus will stay the same")) == "Miriam Oyelaran-Hughes"


def test_the_paper_said_is_the_outlet_the_sentence_before_is_about() -> None:
    out = quotes_of('The county papers split over the new bridge.\n\n'
                    'The Fenwick Gazette backed it. The Dunmore Chronicle was less kind. "A bridge to nowhere, '
                    'paid for by everyone," the paper said in its leader.\n')
    q = one(out, "A bridge to nowhere")
    assert speaker(q) == "Dunmore Chronicle"
    assert (q.get("source") or {}).get("outlet") == "Dunmore Chronicle"
