"""Web pages by several writers and web signatures (docs/QUOTES.md, "Web pages, second pass"): a
comment's "I" is its writer, a pronoun does not cross from one writer's text into another's, a
quoted post's header dates its words, a name between two testimonials signs the one it stands over."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker

POST = ("Notes from the allotment\n\nThe pumpkin that ate the shed\n\nWritten by Ilse Vandermeer on August 4, 2025\n\n"
        "This summer one pumpkin vine climbed over the fence and onto the shed roof. When my neighbour asked "
        "about it, I said \"it is an experiment in vertical gardening,\" which was not quite true.\n\n"
        "Our site manager, a patient man named Kofi Mensah, came by on Sunday. \"Cut it back before it takes "
        "the gutter,\" he said.\n\n")


def date(q: dict) -> str | None:
    return (q.get("source") or {}).get("date")


def test_first_person_in_the_article_is_its_bylined_author() -> None:
    out = quotes_of(POST + "Comments\n\nRosalind Achebe\nAugust 5, 2025\nWhat a vine. Mine never got past the path.\n")
    assert speaker(one(out, "it is an experiment in vertical gardening")) == "Ilse Vandermeer"


def test_first_person_in_a_reader_comment_is_the_commenter_not_the_author() -> None:
    out = quotes_of(POST + "Comments\n\nRosalind Achebe\nAugust 5, 2025\nLast year I told my husband "
                    "\"the marrows are your problem now,\" and he still reminds me.\n")
    assert speaker(one(out, "the marrows are your problem now")) == "Rosalind Achebe"


def test_a_wordpress_says_header_with_a_date_and_time_names_the_commenter() -> None:
    out = quotes_of(POST + "2 comments\n\nTomasz Zielinski says:\nAugust 5, 2025 at 9:14 am\nI asked our chairman "
                    "once and I said \"one plant per plot\" was the rule.\n")
    assert speaker(one(out, "one plant per plot")) == "Tomasz Zielinski"


def test_first_person_after_a_comments_heading_without_a_header_is_nobody() -> None:
    out = quotes_of(POST + "3 Responses\n\nLovely post. When the rain came I said \"let it all drown\" "
                    "and went back to bed, and I have not regretted it once.\n")
    assert speaker(one(out, "let it all drown")) is None


def test_a_pronoun_in_a_comment_does_not_resolve_to_a_person_of_the_article() -> None:
    out = quotes_of(POST + "Comments\n\nRosalind Achebe\nAugust 5, 2025\nOur old site manager was the same. "
                    "He once told us \"pumpkins are weeds with ambition\" and banned them for a year.\n")
    assert speaker(one(out, "pumpkins are weeds with ambition")) is None


def test_first_person_in_a_forum_post_is_the_post_headers_author() -> None:
    out = quotes_of("Board index > Gardening\n\nPost by Ilse Vandermeer » Mon Aug 04, 2025 8:00 pm\n\nMy pumpkin "
                    "is on the shed roof now.\n\nPost by kofi_grows » Mon Aug 04, 2025 9:12 pm\n\nSame here. I told "
                    "my wife \"it will come down with the first frost\" and she laughed at me.\n")
    assert speaker(one(out, "it will come down with the first frost")) == "kofi_grows"


def test_a_comment_counter_under_the_headline_keeps_the_author_as_narrator() -> None:
    out = quotes_of("The pumpkin that ate the shed\n\n4 Comments\n\nWritten by Ilse Vandermeer on August 4, 2025\n\n"
                    "This summer one vine climbed onto the shed roof. When my neighbour asked about it, I said \"it is "
                    "an experiment in vertical gardening,\" which was not quite true. The vine is still there, and the "
                    "shed roof is still holding, though it creaks in the wind at night.\n\n"
                    "More news from the plots next week, when the leeks come up for judging.\n")
    assert speaker(one(out, "it is an experiment in vertical gardening")) == "Ilse Vandermeer"


def test_a_bylined_headline_is_no_excerpt_and_its_byline_no_outlet() -> None:
    out = quotes_of(POST)
    assert not [q for q in out["quotations"] if q["text"].startswith("The pumpkin that ate")]
    assert (one(out, "it is an experiment")["source"] or {}).get("outlet") is None


REPLY = "\n\nThat matches what my own tomatoes did last summer, and the fix worked for me too.\n"


def test_wrote_on_date_header_dates_the_quoted_post_not_the_reply() -> None:
    out = quotes_of("Post by lotte_b » Tue Mar 11, 2025 7:30 am\n\nSelma Okoro wrote on Mon Mar 10, 2025 6:02 pm:\n"
                    "the leaves curl up every afternoon and flatten again at night" + REPLY)
    q = one(out, "the leaves curl up every afternoon")
    assert speaker(q) == "Selma Okoro" and date(q) == "2025-03-10"


def test_quote_from_name_on_date_header_dates_the_quoted_post() -> None:
    out = quotes_of("Re: Curling leaves\n\nQuote from selma_okoro on March 10, 2025, 18:02:\n"
                    "the leaves curl up every afternoon and flatten again at night" + REPLY)
    q = one(out, "the leaves curl up every afternoon")
    assert speaker(q) == "selma_okoro" and date(q) == "2025-03-10"


def test_on_date_name_wrote_header_names_and_dates_the_quoted_message() -> None:
    out = quotes_of("Re: Curling leaves\n\nOn 10 March 2025, selma_okoro wrote:\n"
                    "the leaves curl up every afternoon and flatten again at night" + REPLY)
    q = one(out, "the leaves curl up every afternoon")
    assert speaker(q) == "selma_okoro" and date(q) == "2025-03-10"


def test_phpbb_arrow_date_dates_the_quoted_post() -> None:
    out = quotes_of("Re: Curling leaves\n\nselma_okoro wrote: ↑Mon Mar 10, 2025 6:02 pm\n"
                    "the leaves curl up every afternoon and flatten again at night" + REPLY)
    q = one(out, "the leaves curl up every afternoon")
    assert speaker(q) == "selma_okoro" and date(q) == "2025-03-10"


def test_a_header_without_a_date_gives_no_date() -> None:
    out = quotes_of("Re: Curling leaves\n\nselma_okoro wrote:\nthe leaves curl up every afternoon and flatten again "
                    "at night" + REPLY)
    assert date(one(out, "the leaves curl up every afternoon")) is None


GUESTS = ("Words from our guests\n\nWe run small boat trips round the islands. A few notes our guests sent us.\n\n"
          "Ingrid Halvorsen, Tromsø\n\"Two days of puffins and not one seasick passenger. The skipper knew every rock.\"\n\n"
          "Darius Farahani\n\"The picnic on the beach was the best meal of the whole holiday.\"\n\n"
          "Dates for next summer are on the booking page.\n")


def test_a_name_line_between_two_testimonials_signs_the_one_under_it() -> None:
    out = quotes_of(GUESTS)
    assert speaker(one(out, "Two days of puffins")) == "Ingrid Halvorsen"
    assert speaker(one(out, "The picnic on the beach")) == "Darius Farahani"


def test_names_under_testimonials_still_sign_the_one_above() -> None:
    out = quotes_of("Words from our guests\n\n\"Two days of puffins and not one seasick passenger.\"\n"
                    "Ingrid Halvorsen, Tromsø\n\n\"The picnic on the beach was the best meal of the holiday.\"\n"
                    "Darius Farahani\n\nDates for next summer are on the booking page.\n")
    assert speaker(one(out, "Two days of puffins")) == "Ingrid Halvorsen"
    assert speaker(one(out, "The picnic on the beach")) == "Darius Farahani"


def test_a_couple_signs_a_testimonial() -> None:
    out = quotes_of("Reviews\n\n\"The survey was thorough and the report arrived two days early.\"\n"
                    "Ahmed and Leila, Norwich\n\nCall us for a quote.\n")
    assert speaker(one(out, "The survey was thorough")) == "Ahmed and Leila"


RUN = ("Reviews\n\n\"The fitters came on the day they promised and left the house spotless.\"\nMarta Kowalczyk, Hull\n\n"
       "\"Clear quote, no hidden extras, and the sash windows look original.\"\nOluwaseun Adeyemi, Selby\n\n")


def test_a_business_the_model_tags_as_an_organisation_signs_a_testimonial_amid_a_signed_run() -> None:
    out = quotes_of(RUN + "\"Every window at the surgery was replaced over one weekend without a single complaint.\"\n"
                    "Bayview Dental Practice\n\nCall us for a quote.\n")
    q = one(out, "Every window at the surgery")
    assert speaker(q) == "Bayview Dental Practice" and q["speaker"]["type"] == "organisation"


def test_a_lone_organisation_line_under_a_quotation_signs_nothing() -> None:
    out = quotes_of("What our patients say\n\n\"The staff were patient with my son and explained every step of the "
                    "treatment.\"\nHarbour Street Medical Centre\n\nWe are open Monday to Friday, nine until five.\n")
    assert speaker(one(out, "The staff were patient with my son")) is None


def test_an_organisation_line_under_first_person_words_amid_a_run_of_people_signs_nothing() -> None:
    out = quotes_of(RUN + "\"The nurses were patient with my son and explained every step of the treatment.\"\n"
                    "Northfield Borough Council\n\nCall us for a quote.\n")
    assert speaker(one(out, "The nurses were patient with my son")) is None


def test_a_letter_signed_with_an_honorific_and_name_is_the_signatorys() -> None:
    out = quotes_of("Letters\n\nLibrary hours\n\nSir, — The new opening hours shut out every child who is in school "
                    "until half past three.\n\nDr Samuel Achterberg\nUpper Fenby\n")
    assert speaker(one(out, "The new opening hours shut out")) == "Dr Samuel Achterberg"


FESTIVAL = ("The harbour festival returned on Saturday after a two-year break, with boats from four countries moored "
            "along the quay and a brass band playing until late.\n\n")


def test_a_pages_meta_line_under_a_paragraph_names_no_outlet_or_speaker() -> None:
    for meta in ("Filed under Events, March 3, 2025", "Posted in Local News on March 3, 2025",
                 "Last updated March 4, 2025 by Editorial Team"):
        out = quotes_of(FESTIVAL + "\"We will be back next year with twice as many boats,\" one skipper shouted from "
                        "the deck.\n\n" + meta + "\n")
        q = one(out, "We will be back next year")
        assert speaker(q) is None and (q["source"] or {}).get("outlet") is None, meta


def test_a_byline_under_the_last_paragraph_does_not_speak_its_unnamed_speakers_words() -> None:
    out = quotes_of(FESTIVAL + "\"We will be back next year with twice as many boats,\" one skipper shouted from the "
                    "deck.\n\nAnanya Krishnan | March 3, 2025\n")
    assert speaker(one(out, "We will be back next year")) is None


CLIENTS = "What our clients say\n\nWe have helped small firms with their accounts since 2009.\n\n"


def test_a_signature_that_names_nobody_gives_no_speaker() -> None:
    for sig in ("— Anonymous", "— Verified Buyer", "Verified Purchase", "— Customer, Leeds", "— A happy client",
                "— Head of Marketing, Kestrel Foods", "— Director"):
        out = quotes_of(CLIENTS + "\"They sorted out three years of late returns in a fortnight and never once made "
                        "us feel foolish.\"\n" + sig + "\n\nCall us today.\n")
        assert speaker(one(out, "They sorted out three years")) is None, sig


def test_a_first_name_and_an_initial_sign_as_a_person() -> None:
    out = quotes_of(CLIENTS + "\"They sorted out three years of late returns in a fortnight.\"\n-- Chidi O.\n\n"
                    "Call us today.\n")
    q = one(out, "They sorted out three years")
    assert speaker(q) == "Chidi O." and q["speaker"]["type"] == "person"


def test_a_discourse_quote_under_a_user_name_line_keeps_its_copy_of_the_earlier_post() -> None:
    out = quotes_of("Carburettor flooding\n\nmechanic_mo\nMar 3\n\nThe float bowl keeps overflowing even with a new "
                    "needle fitted.\n\nrustbucket77\nMar 4\n\nmechanic_mo:\nThe float bowl keeps overflowing even with a "
                    "new needle fitted.\n\nSame happened to mine last spring, and a new float fixed it in the end.\n")
    assert speaker(one(out, "The float bowl keeps overflowing")) == "mechanic_mo"
    assert not [q for q in out["quotations"] if q["text"].startswith("Same happened to mine")]


def test_a_lone_user_name_line_does_not_lend_its_name_to_the_next_paragraph() -> None:
    out = quotes_of("Carburettor flooding\n\nrustbucket77\nMar 4\n\nmechanic_mo:\n\nSame happened to mine last spring, "
                    "and a new float fixed it for good in the end.\n")
    assert not [q for q in out["quotations"] if speaker(q) == "mechanic_mo"]


def test_a_reply_marker_copy_takes_no_name_from_an_earlier_posts_header() -> None:
    """The copied comment's own header is missing: the header above belongs to an earlier post."""
    out = quotes_of("Posted by u/pannier_pete\n\nGearing was 38 front, 11-46 rear. Never walked once, but the climb took "
                    "me four hours.\n\n> Never walked once\n\nRespect. I walked most of the Aubisque on a 2x.\n\n"
                    "> I walked most of the Aubisque\n\nNothing wrong with walking, the mountain does not care.\n")
    assert speaker(one(out, "Never walked once")) == "pannier_pete"
    assert speaker(one(out, "I walked most of the Aubisque")) is None


def test_a_reply_marker_copy_of_a_post_that_opens_with_its_own_quote_keeps_its_header() -> None:
    out = quotes_of("Posted by u/pannier_pete\n\nGearing was 38 front, 11-46 rear, and I never walked once.\n\n"
                    "Posted by u/gravel_gwen\n\n> I never walked once\n\nRespect. I walked most of the Aubisque on a "
                    "2x, and pushed the bike up the last hairpins.\n\nPosted by u/pannier_pete\n\n> I walked most of the "
                    "Aubisque\n\nNothing wrong with walking, the mountain does not care how you got up it.\n")
    assert speaker(one(out, "I walked most of the Aubisque")) == "gravel_gwen"


MEETING = ("Notes from the harbour meeting\n\nBy Tomasz Wierzbicki\n\nThe harbour board met again this week to "
           "talk about the new mooring fees, and the hall was fuller than I have ever seen it.\n\n"
           "The first speaker of the evening:\n\nAmara Okafor\n\n12 March 2025\n\n"
           "When the chair asked for questions, I stood up. \"Who pays for the dredging?\" I said, and the room "
           "went quiet for a long moment.\n\nThe board promised an answer at the next meeting, in April.\n")


def test_a_lone_name_over_a_date_amid_a_bylined_article_opens_no_comment() -> None:
    q = one(quotes_of(MEETING), "Who pays for the dredging")
    assert speaker(q) == "Tomasz Wierzbicki"
    assert q["speaker"]["rule"] == "quotes.speaker.narrator"


def test_a_lone_name_over_a_date_amid_an_unsigned_article_gives_no_speaker() -> None:
    out = quotes_of(MEETING.replace("By Tomasz Wierzbicki\n\n", ""))
    assert speaker(one(out, "Who pays for the dredging")) is None


def test_a_run_of_name_and_date_headers_closing_the_page_names_each_commenter() -> None:
    out = quotes_of(POST + "Rosalind Achebe\nAugust 5, 2025\nMine never got past the path.\n\n"
                    "Kenji Sato\nAugust 6, 2025\nLast year my brother and I shared a plot. I said \"the marrows "
                    "are yours now\" and he still has not forgiven me.\n")
    q = one(out, "the marrows are yours now")
    assert speaker(q) == "Kenji Sato"
    assert q["speaker"]["rule"] == "quotes.speaker.comment_author"


def test_two_name_and_date_lines_amid_an_article_that_resumes_open_no_comment() -> None:
    out = quotes_of("Notes from the harbour meeting\n\nThe board met this week about the mooring fees.\n\n"
                    "Amara Okafor\n\n12 March 2025\n\nShe spoke about the slipway.\n\n"
                    "Lucas Ferreira\n\n14 March 2025\n\nHe spoke about the dredging.\n\n"
                    "Afterwards the chair thanked us all. Then I stood up. \"Who pays for the dredging?\" I said, "
                    "and nobody answered.\n\nThe board will meet again in April.\n\nTickets for the harbour "
                    "festival go on sale next week.\n\nThe ferry timetable changes in May.\n")
    assert speaker(one(out, "Who pays for the dredging")) is None
