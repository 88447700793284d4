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
