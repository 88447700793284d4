"""Quote-mark conventions (docs/QUOTES.md, "Quote marks"): the mark view and the quotations it gives."""

from __future__ import annotations

from pipeline.quoting.marks import mark_view
from test_quotes import one, quotes_of, speaker


def test_mark_view_keeps_every_offset() -> None:
    text = "``Yes,'' he said. 'No,' she said, and «non». Don't."
    assert len(mark_view(text)) == len(text)


def test_doubled_backticks_and_apostrophes_are_quotation_marks() -> None:
    out = quotes_of("``We will rebuild every house on this street,'' said Anna Berg on Monday.\n")
    q = one(out, "We will rebuild every house")
    assert speaker(q) == "Anna Berg" and q["text"] == "We will rebuild every house on this street,"


def test_doubled_apostrophes_on_both_sides_are_quotation_marks() -> None:
    out = quotes_of("''The storm was the worst in forty years,'' said Anna Berg.\n")
    assert speaker(one(out, "The storm was the worst")) == "Anna Berg"


def test_guillemets_are_quotation_marks() -> None:
    out = quotes_of("«Nous reconstruirons chaque maison de cette rue», said Pierre Dubois.\n")
    assert speaker(one(out, "Nous reconstruirons")) == "Pierre Dubois"


def test_british_single_quotes_are_told_apart_from_apostrophes() -> None:
    out = quotes_of("'I cannot stay here any longer,' murmured Tom Hardy. 'The boys' toys are all over the "
                    "floor and I don't like it.'\n")
    q = one(out, "The boys' toys")
    assert q["text"].endswith("I don't like it.") and speaker(q) == "Tom Hardy"


def test_apostrophes_alone_make_no_quotation() -> None:
    out = quotes_of("The boys' toys were everywhere and we didn't know whose they were in the end.\n")
    assert out["quotations"] == []


def test_cue_record_keeps_the_clean_text_not_the_view() -> None:
    out = quotes_of("Anna Berg said on Monday: ``We will rebuild every house on this street.''\n")
    q = one(out, "We will rebuild every house")
    assert speaker(q) == "Anna Berg" and '"' not in (q["cue"] or {}).get("text", "")
