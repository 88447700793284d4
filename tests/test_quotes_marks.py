"""Quote-mark conventions (docs/QUOTES.md, "Quote marks"): the mark view and the quotations it gives."""

from __future__ import annotations

from pipeline.text.marks import mark_view
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


def test_paragraph_over_the_parse_bound_is_parsed_in_pieces_with_a_warning() -> None:
    from pipeline.quoting.parse import pieces

    text = "One sentence here. " * 700 + '"We will rebuild every house on this street," said Anna Berg.'
    assert "".join(pieces(text, 5000)) == text and max(map(len, pieces(text, 5000))) <= 5000


def test_huge_paragraph_still_gives_its_quotations(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from pipeline.config import load_config

    cfg = load_config(None)
    monkeypatch.setattr(type(cfg), "section", lambda self, name, _orig=type(cfg).section: (
        {**_orig(self, name), "max_parse_chars": 2000} if name == "quotes" else _orig(self, name)))
    out = quotes_of("The town council met on Monday evening. " * 120
                    + '"We will rebuild every house on this street," said Anna Berg.\n')
    assert speaker(one(out, "We will rebuild every house")) == "Anna Berg"
    assert out["warnings"][0]["rule"] == "quotes.parse.split_paragraph"
