"""Web signatures that name no speaker (docs/QUOTES.md, testimonials): an institution is no person, a
review platform is where a review was posted, a press release's media contact does not sign its last
quotation, and a date is never a speaker."""

from __future__ import annotations

from test_quotes import one, quotes_of as _quotes_of, speaker

MORE = "\n\nWe read every message that reaches us and answer each one within a day.\n"
RUN = ("Reviews\n\n\"The fitters came on the day they promised and left the house spotless.\"\nMarta Kowalczyk, Hull\n\n"
       "\"Clear quote, no hidden extras, and the sash windows look original.\"\nOluwaseun Adeyemi, Selby\n\n")
WORDS = "\"The volunteers ran the reading hour every week and the children adored them.\"\n"


def quotes_of(text: str):  # type: ignore[no-untyped-def]
    return _quotes_of("What people say about the project\n\n" + text + MORE)


def test_an_institution_line_under_a_lone_testimonial_names_no_person() -> None:
    for sig in ("Wexford County Library", "Riverside Community Trust", "Northfield Borough Council",
                "— Wexford County Library", "— Riverside Community Trust"):
        q = one(quotes_of(WORDS + sig + "\n"), "The volunteers ran")
        assert speaker(q) is None, sig   # expected: no speaker (no person, no publication)


def test_an_institution_line_amid_a_signed_run_may_sign_only_as_an_organisation() -> None:
    for sig in ("Wexford County Library", "Riverside Community Trust"):
        q = one(quotes_of(RUN + WORDS + sig + "\n"), "The volunteers ran")
        assert q["speaker"] is None or q["speaker"]["type"] == "organisation", sig


def test_a_first_name_and_an_institution_word_is_still_a_person() -> None:
    q = one(quotes_of(RUN + WORDS + "Amelia House, Leeds\n"), "The volunteers ran")
    assert speaker(q) == "Amelia House"


def test_a_review_platform_after_a_review_is_no_speaker() -> None:
    for sig in ("— Google Review", "— Trustpilot", "— Yelp", "- Google Reviews", "— Facebook review"):
        for sep in (" ", "\n"):
            q = one(quotes_of("\"Fantastic service from start to finish, and the price was fair.\"" + sep + sig + "\n"),
                    "Fantastic service")
            assert speaker(q) is None, (sig, sep)   # expected: no speaker


def test_a_blurbs_publication_still_signs_it() -> None:
    q = one(quotes_of("\"A tender, funny and quietly devastating novel.\"\n\n— Northern Book Journal\n"), "A tender")
    assert speaker(q) == "Northern Book Journal"


RELEASE = ("Halden Water Board opens new reservoir\n\nThe Halden Water Board announced on Monday that the new "
           "reservoir will open in spring.\n\n\"This reservoir secures the valley's water for a generation,\" said "
           "board chair Ingrid Solberg.\n\n\"We are proud of the crews who built it through two hard winters.\"\n\n")


def test_a_media_contact_card_does_not_sign_the_release_s_last_quotation() -> None:
    for card in ("Tomasz Wierzbicki\nCommunications Manager\ntomasz@example.org\n",
                 "Contact:\nTomasz Wierzbicki\nHead of Communications, Halden Water Board\n0161 496 0000 | press@example.org\n",
                 "Media contact:\nTomasz Wierzbicki\nCommunications Manager\n+44 20 7946 0123\n"):
        q = one(quotes_of(RELEASE + card), "We are proud of the crews")
        assert speaker(q) is None, card   # expected: no speaker (the contact did not say it)


def test_a_testimonial_signature_over_a_job_title_still_signs_it() -> None:
    q = one(quotes_of("\"We shipped the new release two weeks early thanks to the board.\"\nJason Doan\n"
                      "VP of Sales Operations\n"), "We shipped the new release")
    assert speaker(q) == "Jason Doan"


def test_a_date_line_above_a_story_is_never_its_speaker() -> None:
    for body in ("Last year I told my brother \"you will never finish that boat\" and he laughed at me.\n",
                 "\"Last year I told my brother you will never finish that boat,\" he wrote.\n"):
        out = _quotes_of("Readers write to us about the year they have had.\n\nStories from our readers\n\n"
                         "Haruto Sato\nAugust 6, 2025\n" + body + "\nMore stories next week.\n" + MORE)
        q = one(out, "you will never finish" if body[0] != '"' else "Last year I told")
        assert (speaker(q) or "")[:6] != "August", body   # expected: not the date (no speaker, or the writer)


def test_a_date_or_number_is_never_a_speaker() -> None:
    from pipeline.text.dates import names_a_date

    months = {"august": 8, "may": 5}
    assert names_a_date("August 6", months) and names_a_date("6 August", months) and names_a_date("2025", months)
    assert not names_a_date("August Wilson", months) and not names_a_date("May", months)
    assert not names_a_date("3M", months) and not names_a_date("7-Eleven", months)
    assert not names_a_date("30 members of the council", months)   # a number of people may speak
