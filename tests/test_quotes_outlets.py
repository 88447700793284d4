"""Outlets and works as sources, by the structure of the cue and the model, not by a list of names."""

from __future__ import annotations

from test_quotes import one, quotes_of, speaker


def source(q: dict) -> str | None:  # type: ignore[type-arg]
    return (q["source"] or {}).get("outlet")


def test_outlet_told_in_the_cue_is_the_source() -> None:
    out = quotes_of('"We will rebuild every house on this street," Anna Berg told the Harbour Gazette on Monday.\n')
    q = one(out, "We will rebuild every house")
    assert speaker(q) == "Anna Berg" and source(q) == "Harbour Gazette"


def test_publication_written_in_is_the_source() -> None:
    out = quotes_of('Anna Berg runs the harbour office.\n\n"The harbour needs a new wall before the winter storms," '
                    "she writes in Lakeside Review.\n")
    assert source(one(out, "The harbour needs")) == "Lakeside Review"


def test_outlet_as_subject_is_speaker_and_source() -> None:
    out = quotes_of('"A tender, funny and quietly devastating novel about three sisters," the Northern Book '
                    "Journal says.\n")
    q = one(out, "A tender, funny")
    assert speaker(q) == "Northern Book Journal" and source(q) == "Northern Book Journal"


def test_person_told_is_no_source() -> None:
    out = quotes_of('"We will not raise taxes next year at all," Tom Hardy told John Smith.\n')
    assert source(one(out, "We will not raise taxes")) is None


def test_place_of_the_saying_is_no_source() -> None:
    out = quotes_of('"We will not raise taxes next year at all," Tom Hardy said in London.\n')
    assert source(one(out, "We will not raise taxes")) is None


def test_subject_inside_an_earlier_quotation_is_never_the_speaker() -> None:
    out = quotes_of('The council members stated that "Raiders burned the whole village and destroyed the mill", '
                    'and called on all members of the assembly "to condemn the attack carried out by the raiders '
                    'against the village".\n')
    assert speaker(one(out, "to condemn the attack")) != "Raiders"


def test_outlet_spoken_to_by_a_participle_is_the_source() -> None:
    out = quotes_of('Speaking to the Valley Courier, Ruth Ostrander said the repairs were "bigger than anyone '
                    'expected when the cracks were found."\n')
    assert source(one(out, "bigger than anyone")) == "Valley Courier"


def test_op_ed_for_an_outlet_names_the_source() -> None:
    out = quotes_of('In an op-ed for the Fenwick Standard, parent Lukas Brenner argued that families would "pay '
                    'for the extra day in childcare bills."\n')
    assert source(one(out, "pay for the extra day")) == "Fenwick Standard"


def test_outlet_after_a_medium_noun_and_marks_is_the_source() -> None:
    out = quotes_of('Kwame Asante said in an interview with the parish magazine, *The Ostry Bell*, that he had '
                    'joined "to meet people and stayed for the music."\n')
    assert "Ostry Bell" in source(one(out, "to meet people"))


def test_web_address_told_is_the_source() -> None:
    out = quotes_of('Food writer Hanne Solberg told crumbandcrust.com that discard is "the most wasted ingredient '
                    'in the modern kitchen."\n')
    assert source(one(out, "the most wasted")) == "crumbandcrust.com"


def test_outlet_that_quoted_the_speaker_is_the_source() -> None:
    out = quotes_of('The Halvorsen Tribune quoted Beatrix Lund as saying she had "nothing to hide and nothing to '
                    'apologise for."\n')
    assert source(one(out, "nothing to hide")) == "Halvorsen Tribune"


def test_unnamed_speaker_keeps_the_outlet_told_as_source() -> None:
    out = quotes_of('"Drivers should not attempt the pass until the ploughs have been through," a roads office '
                    "spokesman told the Alpen Wire news agency.\n")
    q = one(out, "Drivers should not")
    assert speaker(q) is None and source(q) == "Alpen Wire"


def test_employer_of_the_speaker_is_no_source() -> None:
    out = quotes_of('"This was the hardest decision we have taken in a decade," said Dana Okoro, a spokeswoman '
                    "for Brightwell Foods.\n")
    assert source(one(out, "This was the hardest")) is None


def test_outlet_named_inside_the_quotation_is_no_source() -> None:
    out = quotes_of('"We never spoke to the Westmark Herald about any closure," Dana Okoro added.\n')
    assert source(one(out, "We never spoke")) is None


def test_column_in_a_relative_clause_is_no_source() -> None:
    out = quotes_of("Economist Paula Renz, who writes a column for the Tarn Gazette, said the deal was \"good news, "
                    'but small news."\n')
    assert source(one(out, "good news, but")) is None


def test_journalist_speaker_has_the_publication_as_source() -> None:
    out = quotes_of('"The plant is losing money every single week," wrote Mara Quell, a reporter for the Westmark '
                    "Chronicle.\n")
    assert source(one(out, "The plant is losing")) == "Westmark Chronicle"


def test_the_newspaper_is_the_one_outlet_named_before() -> None:
    out = quotes_of('Anna Berg told the Westmark Chronicle that the plant was "losing money every week."\n\n'
                    '"The plant will close in the spring," the newspaper reported on Friday.\n')
    q = one(out, "The plant will close")
    assert speaker(q) == "Westmark Chronicle" and source(q) == "Westmark Chronicle"


def test_the_newspaper_without_an_outlet_named_before_is_no_source() -> None:
    out = quotes_of('"The plant will close in the spring," the newspaper reported on Friday.\n')
    assert source(one(out, "The plant will close")) is None


def test_title_with_a_capital_the_after_the_verb_is_the_source() -> None:
    out = quotes_of('"The harbour needs a new wall before the winter storms," says The Guardian.\n')
    assert source(one(out, "The harbour needs")) == "Guardian"


def test_a_plural_name_after_the_is_no_source() -> None:
    out = quotes_of('"We will tour again next year, and we will play every town," The Beatles said.\n')
    assert source(one(out, "We will tour")) is None


def test_the_sentence_before_naming_the_speakers_outlet_gives_the_source() -> None:
    out = quotes_of("Idris Fenn was less guarded during an appearance on Harbour Radio's evening programme. "
                    '"I have seen three storms that should have sunk this town," he said.\n')
    assert source(one(out, "I have seen three storms")) == "Harbour Radio"


def test_a_maker_after_by_is_no_source() -> None:
    out = quotes_of("In her review, Brandi Dowell received a wrap dress by Kaileigh. She shared, \"It is so soft "
                    'and comfortable and I love the wrap style top."\n')
    assert source(one(out, "It is so soft")) is None


def test_a_work_named_after_its_noun_is_the_source() -> None:
    out = quotes_of('In her memoir, Salt and Stone, Oona Fairleigh writes that a river "keeps every promise except '
                    'the one you asked it to keep."\n')
    assert source(one(out, "keeps every promise")) == "Salt and Stone"


def test_a_person_after_a_work_noun_and_a_comma_is_no_source() -> None:
    out = quotes_of('In his book, Piet Vandermeer argues that floods were "the only census the valley ever took."\n')
    assert source(one(out, "the only census")) is None
