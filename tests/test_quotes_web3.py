"""Web pages, round 8 (docs/QUOTES.md, "Round 8: web-page speakers (qweb3)"): where a forum's quoted
post ends inside one paragraph, and the speakers web layouts give or withhold."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker

PHPBB = ("Board index ‹ Equipment\n\nPost by halvard_k » Sat Oct 12, 2024 9:15 pm\n\nThe straps and the mount run "
         "off one tank. Dark sites beat any filter. The battery is new.\n\n"
         "Post by mireille_ob » Sat Oct 12, 2024 10:02 pm\n\nhalvard_k wrote: ↑Sat Oct 12, 2024 9:15 pm\n"
         "Dark sites beat any filter.\nTrue, and I told my wife \"run the straps at half and nobody will ever "
         "know,\" and she laughed.\n")


def test_a_short_quoted_line_of_a_phpbb_post_ends_where_its_copy_of_the_earlier_post_ends() -> None:
    q = one(quotes_of(PHPBB), "Dark sites beat any filter.")
    assert q["text"].strip() == "Dark sites beat any filter."
    assert speaker(q) == "halvard_k"


def test_first_person_in_the_reply_under_a_phpbb_quote_block_is_the_replier_not_the_quoted_poster() -> None:
    assert speaker(one(quotes_of(PHPBB), "run the straps at half")) == "mireille_ob"


LETTERS = ("Letters\n\nBus cuts will strand the villages\n\nSir, — The proposal to cut the 42 service to two buses a day "
           "will leave the village with no way to reach the surgery and get back in a morning. He should try standing "
           "at the stop in January.\n\nRosalind Mwangi-Price\nUpper Thornby\n\n")
FOOT = "\n\nLetters may be edited for length. Email letters@gazette.example with your name and address.\n"


def _letter(out: dict, start: str) -> dict:
    hits = [q for q in out["quotations"] if q["text"].startswith(start) and q["kind"] == "letter"]
    assert hits, [(q["kind"], q["text"][:40]) for q in out["quotations"]]
    return hits[0]


def test_a_letter_without_salutation_under_its_title_on_a_letters_page_is_its_signatorys() -> None:
    out = quotes_of(LETTERS + "Cycle lane is not the problem\n\nThe queues were there long before the lane. The real "
                    "cause is the lights at the bridge.\n\nJoaquín Steadman-Oduya\nThornby Bridge" + FOOT)
    assert speaker(_letter(out, "The queues were there long before the lane.")) == "Joaquín Steadman-Oduya"


def test_a_name_over_a_place_line_signs_a_letter_whatever_its_first_name() -> None:
    out = quotes_of(LETTERS + "Save the ferry\nThe early sailing is the only one that reaches the school in time.\n"
                    "Mairead Quinlan\nSkerrin" + FOOT)
    assert speaker(_letter(out, "The early sailing is the only one")) == "Mairead Quinlan"


def test_a_letter_signed_name_and_address_supplied_is_found_with_no_speaker() -> None:
    out = quotes_of(LETTERS + "Bins, again\nFor the third week running, the lorry has skipped our street.\n"
                    "Name and address supplied" + FOOT)
    assert speaker(_letter(out, "For the third week running")) is None


def test_a_name_line_under_an_article_is_no_letter_on_a_page_without_a_salutation() -> None:
    out = quotes_of("Local news\n\nBus cuts will strand the villages\n\nThe proposal to cut the 42 service will leave "
                    "the village with no way to reach the surgery and get back in a morning. He should try standing at the stop "
                    "in January.\n\nRosalind Mwangi-Price\nUpper Thornby" + FOOT)
    assert not [q for q in out["quotations"] if q["kind"] == "letter"]


def test_she_after_an_unnamed_doctor_came_in_to_see_a_named_woman_is_nobody() -> None:
    out = quotes_of("Tuesday on the ward\n\nPosted 4 February 2026 by Lucy Sato\n\nJust after twelve the doctor came in to "
                    "see Mrs Halvorsen. She sat on the edge of the bed and read through the chart. \"Your bloods are "
                    "much better than yesterday,\" she said.\n\nI went home at four.\n")
    assert speaker(one(out, "Your bloods are much better")) is None


def test_a_name_set_off_inside_a_definite_title_subject_is_the_subjects_own() -> None:
    out = quotes_of("The director of the Kestrel Museum, Helen Achterberg, told the Westbridge Gazette that free "
                    "entry had \"never been free for anyone but the visitor\".\n\n\"Somebody pays for the lights and "
                    "the guards,\" she said.\n")
    assert speaker(one(out, "Somebody pays for the lights")) == "Helen Achterberg"
