"""Web pages, round 9 (qweb5): initials labels, FAQ pages, review and post headers, '>' lines inside a
post, guillemet separators and dotted user names (docs/QUOTES.md, "Round 9: web pages")."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker


def test_initials_labels_resolve_to_the_names_the_introduction_gives() -> None:
    out = quotes_of("Makers › Interviews\n\nA conversation with weaver Ingrid Castellanos-Moor\n\n"
                    "Interview by Tobias Erikson-Hale\n\n"
                    "Ingrid Castellanos-Moor weaves rugs in a mill outside Galway. We met at her loom. "
                    "Questions are marked TE, answers IC.\n\n"
                    "TE: How did you begin?\n\nIC: With a broken loom from an auction, and a lot of patience.\n\n"
                    "TE: What is the hardest part?\n\nIC: Waiting for the dye to tell me it is finished.\n\n"
                    "Her next exhibition opens in May.\n")
    assert speaker(one(out, "With a broken loom")) == "Ingrid Castellanos-Moor"
    assert speaker(one(out, "How did you begin?")) == "Tobias Erikson-Hale"


def test_questions_and_answers_under_an_faq_heading_are_no_interview() -> None:
    out = quotes_of("Help › FAQ\n\nFrequently asked questions\n\n"
                    "Q: How do I change my password?\nA: Open Settings, choose \"Security\" and follow the steps.\n\n"
                    "Q: Can I pause my plan?\nA: Yes, for up to three months at a time from the Billing page.\n\n"
                    "Still stuck? Contact support.\n")
    assert not [q for q in out["quotations"] if q["text"].startswith(("How do I", "Open Settings", "Yes, for up"))]


def test_a_review_header_names_no_antecedent_for_he_in_the_review() -> None:
    out = quotes_of("Customer reviews\n\n★★★★★ A present that worked\nReviewed by Oksana Delacroix-Ibe on March 3, 2025\n"
                    "Bought a kettle for my grandfather. He phoned to say: \"Best tea I have made in years.\"\n\n"
                    "Was this review helpful? Yes · No\n")
    assert speaker(one(out, "Best tea I have made")) is None


def test_a_reply_line_inside_a_comment_paragraph_quotes_its_parent_comment() -> None:
    out = quotes_of("r/Cycling\nPosted by u/spoke_wrangler 3 hr. ago\n\nHow often should I replace a chain?\n\n"
                    "u/derailleur_dan · 2 hr. ago\nMeasure it every thousand miles. A worn chain eats cassettes quickly.\n"
                    "Reply · 12\n\nu/gravel_greta · 1 hr. ago\n> A worn chain eats cassettes quickly.\n"
                    "Learned this the expensive way.\nReply · 4\n")
    q = one(out, "A worn chain eats cassettes quickly.")
    assert q["rule"] == "quotes.block.reply_lines" and speaker(q) == "derailleur_dan"


def test_a_reply_line_under_a_work_and_author_cue_is_the_authors() -> None:
    out = quotes_of("r/Running\nPosted by u/pace_notes 5 hr. ago\n\nAny advice for a first marathon?\n\n"
                    "u/long_run_lars · 4 hr. ago\nOne line from Miles in the Dark by Henrietta Oduya-Strand:\n"
                    "> The first half is run with the legs, the second with the head.\nThat got me through.\nReply · 9\n")
    assert speaker(one(out, "The first half is run with the legs")) == "Henrietta Oduya-Strand"


def test_a_guillemet_between_spaces_in_a_post_header_opens_no_quotation() -> None:
    out = quotes_of("Board index ‹ Kitchens\n\nNew oven runs hot\n\n"
                    "Post by Marisol_Tanaka » Fri Apr 11, 2025 6:02 pm\n"
                    "Our new oven runs twenty degrees hot according to a separate thermometer. Is that normal?\n\n"
                    "Post by Keller Ansah » Fri Apr 11, 2025 7:15 pm\n"
                    "Most ovens drift a little. Twenty degrees is worth a call to the shop.\n")
    assert not [q for q in out["quotations"] if "oven" in q["text"]]


def test_a_forum_header_keeps_a_dotted_user_name_whole() -> None:
    out = quotes_of("Community › Baking\n\nBread too dense\n\nAnselm.Kovacs\nMar 2\nMine came out dense as a brick. Any ideas?\n\n"
                    "Ruta.Okonjo\nMar 2\nYour dough needs a longer rise in a warm place.\n\n"
                    "Anselm.Kovacs\nMar 3\nRuta.Okonjo said:\nYour dough needs a longer rise in a warm place.\n"
                    "That did it, thanks.\n")
    assert speaker(one(out, "Your dough needs a longer rise")) == "Ruta.Okonjo"
