"""Quoted posts of forum software: the header names the post's author (docs/QUOTES.md)."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker

REPLY = "\n\nI had the same installer and the radiators were far too small in the end, sadly.\n"


def test_vbulletin_originally_posted_by_names_the_author() -> None:
    out = quotes_of("Re: Best heat pump for an old house?\n\nQuote:\nOriginally Posted by frostbite_joe\n"
                    "The installer told me the old radiators would work fine with a heat pump." + REPLY)
    assert speaker(one(out, "The installer told me")) == "frostbite_joe"


def test_smf_quote_from_names_the_author() -> None:
    out = quotes_of("Re: Heat pumps\n\nQuote from: lena_k on March 03, 2021, 10:12:55 AM\n"
                    "We replaced two radiators in the living room and now the house stays warm." + REPLY)
    assert speaker(one(out, "We replaced two radiators")) == "lena_k"


def test_phpbb_wrote_names_the_author() -> None:
    out = quotes_of("Re: Heat pumps\n\nmarta_v wrote:\nThe cheapest option is often not the best one for an "
                    "older house." + REPLY)
    assert speaker(one(out, "The cheapest option")) == "marta_v"


def test_transcript_turns_labelled_with_names_are_quotations_of_the_label() -> None:
    out = quotes_of("A transcript of the interview recorded on Monday in the studio.\n\n"
                    "HOST: Welcome back to the programme, and thank you for coming in.\n\n"
                    "BERG: Thank you for having me, it is good to be back in the studio.\n\n"
                    "HOST: You said last week that the harbour wall would be finished soon.\n\n"
                    "BERG: We are on track, and the first section will open in November.\n\n"
                    "Note: the interview has been edited for length and clarity by the editors.\n")
    assert speaker(one(out, "We are on track")) == "BERG"
    assert not [q for q in out["quotations"] if q["text"].startswith("the interview has been edited")]


def test_a_single_label_is_no_transcript() -> None:
    out = quotes_of("Update: the council has moved the meeting to the town hall on Friday.\n\n"
                    "Update: the meeting will now start at seven in the evening.\n")
    assert out["quotations"] == []


def test_discourse_user_name_line_is_a_forum_header_but_a_word_label_is_not() -> None:
    """(strip may drop the bare name line of a text dump; the header rule itself, from the config)"""
    import re

    from pipeline.config import load_config

    pats = [re.compile(p) for p in load_config(None).section("quotes")["forum_header_patterns"]]
    assert any(p.match("kelp_farmer42:") for p in pats)
    assert not any(p.match(x) for p in pats for x in ("Ingredients:", "Update:", "Note:"))


def test_a_capitalised_label_line_is_no_forum_header() -> None:
    out = quotes_of("Ingredients:\nTwo cups of flour, one egg and a glass of milk for the batter." + REPLY)
    assert out["quotations"] == []


def test_an_unpunctuated_excerpt_under_a_phpbb_header_is_the_quoted_post() -> None:
    out = quotes_of("Re: Cloudy water\n\nMy tank went cloudy two days after the water change and the filter is running.\n\n"
                    "Imogen Castell wrote: ↑Tue May 06, 2025 9:14 am\nmy tank went cloudy two days after the water change\n\n"
                    "That is a bacterial bloom and it clears on its own within a week, leave the filter alone.\n")
    assert speaker(one(out, "my tank went cloudy two days")) == "Imogen Castell"


def test_an_unread_post_by_header_is_no_outlet_of_the_post_above_it() -> None:
    out = quotes_of("Re: Cloudy water\n\nThat is a bacterial bloom and it clears on its own within a week, leave the filter.\n\n"
                    "Unread post by Imogen Castell » Tue May 06, 2025 1:30 pm\n\nThanks, it has cleared already today.\n")
    assert not [q for q in out["quotations"] if q["text"].startswith("That is a bacterial bloom")]


def test_a_reply_marker_names_the_author_of_a_comment_headed_by_the_user_name_alone() -> None:
    out = quotes_of("r/running\n\nPosted by u/tempo_tom\n\nRan my first marathon without walking a single step today, "
                    "after two years of training through a wet winter and a knee that never quite healed.\n\n"
                    "level 1\nu/hill_hannah\n\n> Ran my first marathon without walking\n\nHuge, well done, that is the "
                    "hardest part of the whole thing and most people never manage it on their first attempt.\n")
    assert speaker(one(out, "Ran my first marathon without walking")) == "tempo_tom"


def test_a_post_quoted_in_marks_on_its_cue_line_ends_where_its_mark_closes_the_paragraph() -> None:
    out = quotes_of("Re: Boiler pressure\n\n"
                    'marta_v wrote: "Drain the tank before you refill it, or the valve will stick again."\n\n'
                    "I drained the whole system on Sunday and the pressure has held steady all week since then.\n\n"
                    "The engineer who came round on Monday said the same thing about the old valve.\n")
    q = one(out, '"Drain the tank')
    assert speaker(q) == "marta_v" and q["text"].rstrip().endswith('stick again."')
    assert not any("I drained the whole system" in x["text"] for x in out["quotations"])
