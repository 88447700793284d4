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
