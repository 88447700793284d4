"""The quotation stage, one behaviour per test, on small hand-made texts (the specification)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.quoting.textual import interpolations
from pipeline.text.dates import first as find_date

ROOT = Path(__file__).resolve().parent.parent
MONTHS = {"march": 3, "mar": 3, "april": 4, "june": 6, "february": 2}


def quotes_of(text: str) -> dict[str, Any]:
    """Run extract, strip, normalise and quotes in memory on a plain-text page."""
    from pipeline.config import load_config
    from pipeline.runner import DocContext, run_stage
    from pipeline.stages import stage

    cfg = load_config(None)
    data = text.encode("utf-8")
    ctx = DocContext("t.txt", "t.txt", data, hashlib.sha256(data).hexdigest())
    for name in ("extract", "strip", "normalise", "quotes"):
        run_stage(stage(name), ctx, cfg)
    return ctx.outputs["quotes"]


def one(out: dict[str, Any], start: str) -> dict[str, Any]:
    hits = [q for q in out["quotations"] if q["text"].startswith(start)]
    assert hits, [q["text"][:40] for q in out["quotations"]]
    return min(hits, key=lambda q: len(q["text"]))


def speaker(q: dict[str, Any]) -> str | None:
    return (q["speaker"] or {}).get("name")


def test_inline_quotation_with_verb_after_names_the_speaker() -> None:
    out = quotes_of('The company plans to grow.\n\n"We will open ten new stores next year," said Jane Porter, '
                    "the chief executive of the firm.\n")
    q = one(out, "We will open ten new stores")
    assert speaker(q) == "Jane Porter" and q["kind"] == "inline"


def test_according_to_names_the_speaker_and_stops_at_the_apposition() -> None:
    out = quotes_of('According to Maria Lopez, a spokeswoman for the council, "the bridge will reopen in May".\n')
    assert speaker(one(out, "the bridge will reopen")) == "Maria Lopez"


def test_noted_that_with_curly_marks_and_editorial_brackets() -> None:
    out = quotes_of("The Audit Office noted that “the agency [i.e., the regional office] did not keep records "
                    "of its spending for two years.”\n")
    q = one(out, "the agency")
    assert speaker(q) == "Audit Office"
    assert [i["text"] for i in q["interpolations"]] == ["[i.e., the regional office]"]


def test_cue_line_with_colon_makes_the_next_paragraph_a_block_with_its_footnote() -> None:
    out = quotes_of("Background text about the war years follows here.\n\nAccording to the Red Cross[2]:\n\n"
                    "Thousands of families were displaced during the winter and many of them never returned home.\n\n"
                    "Notes\n\n1. First source of the article\n2. Red Cross annual report 1995\n3. Third source here\n")
    q = one(out, "Thousands of families")
    assert speaker(q) == "Red Cross" and q["kind"] == "block"
    assert q["reference"]["number"] == "2" and q["reference"]["text"] == "Red Cross annual report 1995"


def test_mediawiki_backlinks_are_not_part_of_the_reference_text() -> None:
    out = quotes_of('He was cited widely. The ministry stated that "all roads were closed for the winter".[6]\n\n'
                    "5. Some earlier book\n6. 6.0 6.1 6.2 John Smith. A History of Roads, 2004.\n7. Another book\n")
    assert one(out, "all roads")["reference"]["text"] == "John Smith. A History of Roads, 2004."


def test_excerpt_followed_by_attribution_line_takes_outlet_and_day_first_date() -> None:
    out = quotes_of("Some introduction to the press coverage of that week.\n\n"
                    "About 300 houses were destroyed by the flood in the northern district on Tuesday.\n\n"
                    "(Daily Courier 02. 03.1992.)\n")
    q = one(out, "About 300 houses")
    assert q["kind"] == "excerpt" and speaker(q) == "Daily Courier"
    assert q["source"]["outlet"] == "Daily Courier" and q["source"]["date"] == "1992-03-02"
    assert q["source"]["date_text"] == "02. 03.1992"


def test_book_citation_with_a_sentence_case_title_is_the_excerpts_attribution_line() -> None:
    out = quotes_of("Some introduction to the historians who wrote about that winter.\n\n"
                    '"The account throws a different light on the events of the war, suggesting that the '
                    'retreat may have been planned."\n\n'
                    '(Anna Field, "River of ice: the northern towns in peace and war", Springfield: '
                    "Hill University Press, 2003, pp. 169-172)\n")
    q = one(out, "The account throws")
    assert speaker(q) == "Anna Field" and q["source"]["outlet"].startswith("River of ice")
    assert not [x for x in out["quotations"] if x["text"].startswith("River of ice")]


def test_attribution_line_with_byline_gives_author_and_place() -> None:
    out = quotes_of("Intro paragraph about the reports of that month.\n\n"
                    "Officials disputed the figures and denied the reports of violence in the city.\n\n"
                    "The Evening Star, 3 March 1992 By Paul Writer, Springfield\n")
    q = one(out, "Officials disputed")
    assert q["source"]["outlet"] == "The Evening Star" and q["source"]["author"] == "Paul Writer"
    assert q["source"]["date"] == "1992-03-03"


def test_quotation_without_attribution_gets_no_speaker_not_the_next_paragraphs_outlet() -> None:
    out = quotes_of('"... a witness said he saw many people running along the river that night."\n\n'
                    "The Evening Star reporter was live on air and he described what he saw in great detail.\n\n"
                    "Evening Star News at 07:37, Tuesday, 3 March 1992\n")
    assert speaker(one(out, "... a witness said")) is None


def test_interview_questions_and_answers_take_names_from_the_introduction() -> None:
    out = quotes_of("From the interview of the former mayor John Harper to the journalist Anna Novak, 2.04.92\n\n"
                    "Question: Why did you resign?\n\nAnswer: I was told to leave by the party.\n\n"
                    "It was not my choice at all, believe me.\n\nQuestion: What next?\n\nAnswer: Rest.\n")
    assert speaker(one(out, "Why did you resign")) == "Anna Novak"
    answer = one(out, "I was told to leave")
    assert speaker(answer) == "John Harper" and "It was not my choice" in answer["text"]
    assert answer["kind"] == "interview" and not answer["text"].startswith("Answer")


def test_letter_is_attributed_to_its_signature_and_nested_quotations_keep_their_speakers() -> None:
    out = quotes_of("Reply to the Council\n\nMarch 23, 1997\n\nI write to respond to the statement of the council "
                    "about our work in the region last year.\n\nThe council statement reads: \"the group refused to "
                    "cooperate with the local authorities at any time.\"\n\nWe reject this claim entirely.\n\n"
                    "Yours sincerely,\nJane Miller\nDirector\nCivic Rights Group\n")
    letter = one(out, "I write to respond")
    assert letter["kind"] == "letter" and speaker(letter) == "Jane Miller"
    assert letter["source"]["date"] == "1997-03-23"
    nested = one(out, "the group refused")
    assert nested["kind"] == "nested" and nested["parent"] == letter["id"]
    assert "council statement" in speaker(nested)


def test_text_introduced_as_the_following_belongs_to_the_person_introduced() -> None:
    out = quotes_of("Mr Peter Brandt is a writer who lives in Hamburg. He was charged for the following texts "
                    "in his newspaper column.\n\nI have seen the river towns and spoken to the people who live "
                    "there every day of the year.\n")
    assert speaker(one(out, "I have seen the river towns")) == "Peter Brandt"


def test_pronoun_speaker_resolves_to_the_nearest_named_speaker() -> None:
    out = quotes_of('Anna Berg, the city treasurer, said: "The budget is balanced this year."\n\n'
                    'Later she stated: "We will not raise taxes next year."\n')
    assert speaker(one(out, "We will not raise taxes")) == "Anna Berg"


def test_pronoun_of_the_other_gender_does_not_take_the_named_speaker() -> None:
    out = quotes_of('Anna Berg, the city treasurer, said: "The budget is balanced this year."\n\n'
                    'Later he stated: "We will not raise taxes next year."\n')
    assert speaker(one(out, "We will not raise taxes")) is None


def test_pronoun_with_no_named_antecedent_gets_no_speaker() -> None:
    out = quotes_of('The storm hit the coast on Monday.\n\nHe said: "We will rebuild every house on this street."\n')
    assert speaker(one(out, "We will rebuild")) is None


def test_dotted_dates_are_day_first_and_two_digit_years_pivot() -> None:
    assert find_date("(Times 02. 03.1992.)", MONTHS).iso == "1992-03-02"
    assert find_date('"Gazeta", 2.04.92', MONTHS).iso == "1992-04-02"
    assert find_date("The Age, 6 March 1992 By X", MONTHS).iso == "1992-03-06"
    assert find_date("Published: March 5, 1992", MONTHS).iso == "1992-03-05"
    assert find_date("27 February, 2002", MONTHS).iso == "2002-02-27"


def test_site_notes_in_parentheses_are_interpolations() -> None:
    text = '"This unit (the former 5th regiment - site editor note), though idle, was a factor"'
    spans = interpolations(text, 0, len(text), ["note"])
    assert [text[s:e] for s, e, _ in spans] == ["(the former 5th regiment - site editor note)"]


def test_footnote_markers_are_not_interpolations() -> None:
    text = "the party [sic] was obliged[10] to act"
    assert [text[s:e] for s, e, _ in interpolations(text, 0, len(text), ["note"])] == ["[sic]"]


def test_single_quoted_words_are_not_quotations() -> None:
    out = quotes_of('This is not "propaganda", but reality, the mayor said on Monday morning.\n')
    assert out["quotations"] == []


def test_raw_offsets_point_at_the_quoted_words() -> None:
    raw = 'Intro line here.\n\nThe minister said that  "roads   will reopen next week".\n'
    out = quotes_of(raw)
    q = one(out, "roads")
    assert raw[q["raw_start"]:q["raw_end"]].split() == ["roads", "will", "reopen", "next", "week"]


# ------------------------------------------------------------------------------ seeds
def _norm(s: str) -> str:
    from pipeline.corpus import norm_text

    return norm_text(s)


def test_output_validates_against_the_schema(seeds_processed: Path) -> None:
    import jsonschema

    schema = json.loads((ROOT / "docs" / "schemas" / "quotes.schema.json").read_text())
    for path in sorted((seeds_processed / "04_quotes").glob("*.json")):
        jsonschema.validate(json.loads(path.read_text()), schema)


def test_seeds_meet_the_quotation_targets(seeds_processed: Path) -> None:
    import re

    import yaml

    found = total = right = scored = 0
    for gold_path in sorted((ROOT / "tests" / "gold").glob("0*.yaml")):
        gold = yaml.safe_load(gold_path.read_text())
        out = json.loads((seeds_processed / "04_quotes" / f"{gold['document']}.json").read_text())
        preds = [(_norm(q["text"]), q) for q in out["quotations"]]
        for g in gold["quotations"]:
            if g.get("optional"):
                continue
            total += 1
            hits = [q for t, q in preds if _norm(g["start"]) in t]
            if not hits:
                continue
            found += 1
            if "speaker" in g:
                scored += 1
                q = min(hits, key=lambda q: len(q["text"]))
                name = _norm((q["speaker"] or {}).get("name") or "")
                if g["speaker"] is None:
                    right += q["speaker"] is None
                else:
                    right += any(re.search(r"(?<!\w)" + re.escape(_norm(n)) + r"(?!\w)", name) for n in g["speaker"])
    assert found / total >= 0.95
    assert right / scored >= 0.95
