"""News register, round 10 (helper qnews6): a street the model tags as a person, a bare "the company"
or "the center" tag, a speaker named only after the quotation ("said a woman" / "The woman, NAME,").
One behaviour per test, small hand-made texts."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker


def test_a_street_name_the_model_may_tag_as_a_person_is_no_antecedent_for_she() -> None:
    out = quotes_of('Ilse Brandvold-Amadi is not part of the lawsuit.\n\n'
                    'Her house on Orchard Lane is one of those marked for demolition. She has been offered a flat.\n\n'
                    '"It has a window that looks at the river," she said.\n')
    assert speaker(one(out, "It has a window")) != "Orchard Lane"


def test_a_role_noun_used_right_before_a_name_resolves_a_bare_the_noun_tag() -> None:
    out = quotes_of('Lanford led behind senior center Obinna Whitlock-Adair, who scored 19 points.\n\n'
                    'The coach praised the team.\n\n'
                    '"I wanted to win this one for the seniors," the center said.\n')
    assert speaker(one(out, "I wanted to win")) == "Obinna Whitlock-Adair"


def test_a_bare_the_company_tag_with_no_organisation_subject_nearby_stays_as_written() -> None:
    out = quotes_of('Workers gathered outside the gates on Tuesday.\n\n'
                    '"We will meet every obligation," the company said.\n')
    assert speaker(one(out, "We will meet every obligation")) in ("company", None)


def test_the_company_tag_is_not_another_kind_of_body_named_before() -> None:
    out = quotes_of('The Riverside Tenants Union said on Monday that it had not been told.\n\n'
                    '"We will meet every obligation," the company said.\n')
    assert speaker(one(out, "We will meet every obligation")) != "Riverside Tenants Union"


def test_an_unnamed_woman_named_in_the_next_paragraph_as_the_woman_is_that_person() -> None:
    out = quotes_of('"I watched it burn in forty minutes," said a woman standing across the street.\n\n'
                    'The woman, Dolores Aguirre-Penn, 66, sells cheese and olives.\n')
    assert speaker(one(out, "I watched it burn")) == "Dolores Aguirre-Penn"


def test_a_chief_later_identified_by_name_in_the_same_paragraph_speaks_both_parts() -> None:
    out = quotes_of('"We were inside within six minutes," a battalion chief told reporters. "Then the roof went." '
                    'The chief, who was later identified as Marcus Feldberg-Oduya, said eighty firefighters came.\n')
    assert speaker(one(out, "We were inside")) == "Marcus Feldberg-Oduya"
    assert speaker(one(out, "Then the roof went")) == "Marcus Feldberg-Oduya"


def test_an_unnamed_woman_followed_by_another_woman_introduced_differently_stays_unnamed() -> None:
    out = quotes_of('"I watched it burn," said a woman standing across the street.\n\n'
                    'The mayor, Simone Hartigan, arrived at seven.\n')
    assert speaker(one(out, "I watched it burn")) is None


def test_the_company_tag_names_the_one_organisation_that_was_the_subject_just_before() -> None:
    out = quotes_of('Tallgrass Meridian Energy said on Monday that it would appeal the ruling.\n\n'
                    '"We disagree with the court," the company said.\n')
    assert speaker(one(out, "We disagree with the court")) == "Tallgrass Meridian Energy"


def test_an_untagged_multi_paragraph_quotation_after_she_agreed_to_describe_is_hers() -> None:
    out = quotes_of('Beatrice Ngata-Holm, 71, was one of the last people rescued. She agreed to describe what happened.\n\n'
                    '"I went to bed at ten, like always.\n\n'
                    '"By the time I found my glasses it was at my knees."\n')
    assert speaker(one(out, "I went to bed at ten")) == "Beatrice Ngata-Holm"
    assert speaker(one(out, "By the time I found")) == "Beatrice Ngata-Holm"


def test_an_untagged_multi_paragraph_quotation_after_a_paragraph_naming_two_women_has_no_speaker() -> None:
    out = quotes_of('Beatrice Ngata-Holm and her sister Ruth Ngata-Holm were rescued. She agreed to describe it.\n\n'
                    '"I went to bed at ten, like always.\n\n'
                    '"By the time I found my glasses it was at my knees."\n')
    assert speaker(one(out, "I went to bed at ten")) is None


def test_an_untagged_multi_paragraph_quotation_after_he_with_a_described_person_before_it_has_no_speaker() -> None:
    out = quotes_of('Tom went off to the boat, and the captain watched him go. Then he turned and spoke at length.\n\n'
                    '"I had a boy like that once, and he was sick every day of the voyage.\n\n'
                    '"He was lost at sea four years after, in another ship."\n')
    assert speaker(one(out, "I had a boy like that")) is None


def test_an_untagged_multi_paragraph_quotation_after_a_paragraph_with_no_verb_of_telling_has_no_speaker() -> None:
    out = quotes_of('Beatrice Ngata-Holm, 71, was one of the last people rescued. She lives on the hill now.\n\n'
                    '"I went to bed at ten, like always.\n\n'
                    '"By the time I found my glasses it was at my knees."\n')
    assert speaker(one(out, "I went to bed at ten")) is None
