"""A bare role noun as speaker ("the senator said") is the one person the document gave that role."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker

AFTER = "\n\nOther members of the committee did not comment on the plan before the vote on Thursday.\n"


def test_the_senator_is_the_one_senator_named_before() -> None:
    out = quotes_of("Senator Maria Lopez spoke to reporters on Tuesday about the new budget and the schools.\n\n"
                    '"We will vote against it next week," the senator said.' + AFTER)
    q = one(out, "We will vote")
    assert speaker(q) == "Maria Lopez" and q["speaker"]["rule"] == "quotes.speaker.role_noun"


def test_a_role_given_in_an_apposition_names_its_person() -> None:
    out = quotes_of("Jonas Weber, a senator from the north, spoke to reporters on Tuesday about the budget.\n\n"
                    '"We will vote against it next week," the senator said.' + AFTER)
    assert speaker(one(out, "We will vote")) == "Jonas Weber"


def test_two_people_with_the_role_leave_the_role_unresolved() -> None:
    out = quotes_of("Senator Maria Lopez and Senator Tom Berg spoke to reporters on Tuesday about the budget.\n\n"
                    '"We will vote against it next week," the senator said.' + AFTER)
    assert speaker(one(out, "We will vote")) not in ("Maria Lopez", "Tom Berg")


def test_an_unresolved_role_noun_is_no_speaker() -> None:
    out = quotes_of("Senator Maria Lopez and Senator Tom Berg spoke to reporters on Tuesday about the budget.\n\n"
                    '"We will vote against it next week," the senator said.' + AFTER)
    assert one(out, "We will vote")["speaker"] is None


def test_an_unnamed_person_is_no_speaker() -> None:
    out = quotes_of('"The plane was late again and nobody told us why," a man said at the gate.' + AFTER)
    assert one(out, "The plane was late")["speaker"] is None


def test_a_named_group_stays_the_speaker() -> None:
    out = quotes_of('"The effect was larger than any of us expected," researchers said in the paper.' + AFTER)
    assert speaker(one(out, "The effect was larger")) == "researchers"


def test_a_role_of_a_one_word_body_before_the_name_without_a_comma_names_its_person() -> None:
    out = quotes_of("Minister of Fisheries Odile Brennan-Moss visited the harbour on Tuesday.\n\n"
                    '"The quota will not be cut again this year," the minister said.' + AFTER)
    assert "Odile Brennan-Moss" in speaker(one(out, "The quota will not"))
