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
