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
