"""W3C Web Annotation selectors and `pipeline export --format w3c`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import RAW
from pipeline import export, selectors
from pipeline.cli import main

TEXT_BODY = {
    "type": "object", "required": ["type", "purpose", "value"], "additionalProperties": False,
    "properties": {"type": {"const": "TextualBody"}, "value": {"type": "string", "minLength": 1},
                   "purpose": {"enum": ["describing", "tagging", "assessing"]}, "format": {"const": "text/plain"}},
}
ANNOTATION = {
    "type": "object", "required": ["id", "type", "motivation", "body", "target"],
    "properties": {
        "@context": {"const": "http://www.w3.org/ns/anno.jsonld"},
        "id": {"type": "string", "pattern": "^[a-z][a-z0-9+.-]*:"},
        "type": {"const": "Annotation"},
        "motivation": {"enum": ["quoting", "assessing"]},
        "generator": {"type": "object", "required": ["type", "name"]},
        "body": {"type": "array", "minItems": 1, "items": TEXT_BODY},
        "target": {
            "type": "object", "required": ["type", "source", "selector"], "additionalProperties": False,
            "properties": {
                "type": {"const": "SpecificResource"},
                "source": {"type": "string", "minLength": 1},
                "selector": {"type": "array", "minItems": 2, "maxItems": 2, "prefixItems": [
                    {"type": "object", "required": ["type", "start", "end"], "additionalProperties": False,
                     "properties": {"type": {"const": "TextPositionSelector"},
                                    "start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0}}},
                    {"type": "object", "required": ["type", "exact", "prefix", "suffix"], "additionalProperties": False,
                     "properties": {"type": {"const": "TextQuoteSelector"}, "exact": {"type": "string"},
                                    "prefix": {"type": "string", "maxLength": 32},
                                    "suffix": {"type": "string", "maxLength": 32}}},
                ]},
            },
        },
    },
}
COLLECTION = {
    "type": "object", "required": ["@context", "type", "total", "first"],
    "properties": {
        "@context": {"const": "http://www.w3.org/ns/anno.jsonld"},
        "type": {"const": "AnnotationCollection"},
        "label": {"type": "string"},
        "total": {"type": "integer", "minimum": 0},
        "first": {"type": "object", "required": ["type", "items"],
                  "properties": {"type": {"const": "AnnotationPage"}, "startIndex": {"const": 0},
                                 "items": {"type": "array", "items": {**ANNOTATION, "not": {"required": ["@context"]}}}}},
    },
}


# ------------------------------------------------------------------------------ selectors
@st.composite
def text_and_span(draw: Any) -> tuple[str, int, int]:
    text = draw(st.text(max_size=200))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text, start, end


@given(text_and_span())
def test_quote_selector_is_the_span_with_its_context(case: tuple[str, int, int]) -> None:
    text, start, end = case
    sel = selectors.quote_selector(text, start, end)
    assert sel["exact"] == text[start:end]
    assert sel["prefix"] == text[max(0, start - 32):start] and sel["suffix"] == text[end:end + 32]


@given(text_and_span())
def test_quote_selector_anchors_back_to_its_text(case: tuple[str, int, int]) -> None:
    text, start, end = case
    s, e = selectors.resolve_quote(text, selectors.quote_selector(text, start, end))
    assert text[s:e] == text[start:end] and s <= start


@given(text_and_span())
def test_position_selector_is_the_raw_span(case: tuple[str, int, int]) -> None:
    text, start, end = case
    sel = selectors.position_selector(text, start, end)
    assert sel == {"type": "TextPositionSelector", "start": start, "end": end}
    assert selectors.resolve_position(text, sel) == (start, end)


def test_positions_count_code_points_not_bytes() -> None:
    text = "é “quoted” 😀 end"
    sel = selectors.quote_selector(text, 2, 10)
    assert sel["exact"] == "“quoted”" and sel["prefix"] == "é "


def test_a_span_outside_the_text_is_an_error() -> None:
    with pytest.raises(ValueError, match="not inside"):
        selectors.selectors("abc", 2, 5)


# ------------------------------------------------------------------------------ export
@pytest.fixture(scope="module")
def seed_annotations(seeds_processed: Path) -> list[dict[str, Any]]:
    return export.annotations(seeds_processed, RAW)


def _seed_records(out: Path, folder: str, key: str) -> list[dict[str, Any]]:
    return [r for p in sorted((out / folder).glob("*.json")) for r in json.loads(p.read_text(encoding="utf-8"))[key]]


def test_export_has_one_annotation_per_quotation_and_flag(seeds_processed: Path,
                                                           seed_annotations: list[dict[str, Any]]) -> None:
    quotes = _seed_records(seeds_processed, "04_quotes", "quotations")
    flags = _seed_records(seeds_processed, "05_copyright", "flags")
    motivations = [a["motivation"] for a in seed_annotations]
    assert motivations.count("quoting") == len(quotes) > 0
    assert motivations.count("assessing") == len(flags) > 0


def test_every_annotation_validates(seed_annotations: list[dict[str, Any]]) -> None:
    validator = jsonschema.Draft202012Validator(ANNOTATION)
    for a in seed_annotations:
        validator.validate(a)


def test_collection_export_validates(seeds_processed: Path, tmp_path: Path) -> None:
    dest = tmp_path / "ann.jsonld"
    assert main(["export", "--format", "w3c", "--out", str(seeds_processed), "--raw", str(RAW), "--dest", str(dest)]) == 0
    doc = json.loads(dest.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(COLLECTION).validate(doc)
    assert doc["total"] == len(doc["first"]["items"])


def test_json_lines_export_has_one_annotation_per_line(seeds_processed: Path, tmp_path: Path,
                                                         seed_annotations: list[dict[str, Any]]) -> None:
    dest = tmp_path / "ann.jsonl"
    assert main(["export", "--out", str(seeds_processed), "--raw", str(RAW), "--jsonl", "--dest", str(dest)]) == 0
    lines = [json.loads(x) for x in dest.read_text(encoding="utf-8").splitlines()]
    assert lines == seed_annotations


def test_selectors_point_at_the_raw_characters(seed_annotations: list[dict[str, Any]]) -> None:
    texts: dict[str, str] = {}
    for a in seed_annotations:
        name = a["target"]["source"].removeprefix("raw/")
        raw = texts.setdefault(name, (RAW / name).read_bytes().decode("utf-8"))
        pos, quote = a["target"]["selector"]
        assert quote["exact"] == raw[pos["start"]:pos["end"]]


def test_quotation_body_names_the_speaker_and_the_rules(seeds_processed: Path,
                                                         seed_annotations: list[dict[str, Any]]) -> None:
    by_id = {a["id"]: a for a in seed_annotations}
    q = next(q for q in _seed_records(seeds_processed, "04_quotes", "quotations") if q["speaker"])
    a = by_id["urn:pipeline:annotation:" + q["id"].replace("#", "%23")]
    values = [b["value"] for b in a["body"]]
    assert f"Speaker: {q['speaker']['name']} ({q['speaker']['type']})" in values
    assert set(q["rules"]) <= {b["value"] for b in a["body"] if b["purpose"] == "tagging"}


def test_flag_body_gives_reason_and_action(seeds_processed: Path, seed_annotations: list[dict[str, Any]]) -> None:
    flag = _seed_records(seeds_processed, "05_copyright", "flags")[0]
    a = next(a for a in seed_annotations if a["id"].endswith(flag["id"].replace("#", "%23")))
    assert {"type": "TextualBody", "purpose": "assessing", "value": flag["reason"], "format": "text/plain"} in a["body"]
    assert {"type": "TextualBody", "purpose": "tagging", "value": "summarise"} in a["body"]


def test_export_is_deterministic(seeds_processed: Path) -> None:
    one = export.render(export.annotations(seeds_processed, RAW), False, "x")
    assert one == export.render(export.annotations(seeds_processed, RAW), False, "x")


def test_a_changed_raw_file_is_reported_and_the_others_exported(seeds_processed: Path, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    changed = sorted(p for p in raw.iterdir() if p.suffix == ".txt")[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nedited\n", encoding="utf-8")
    dest = tmp_path / "ann.jsonl"
    assert main(["export", "--out", str(seeds_processed), "--raw", str(raw), "--jsonl", "--dest", str(dest)]) == 2
    err = capsys.readouterr().err
    assert f"{changed.name}: the raw file changed" in err and "Traceback" not in err
    sources = {json.loads(x)["target"]["source"] for x in dest.read_text(encoding="utf-8").splitlines()}
    assert sources and f"raw/{changed.name}" not in sources


def test_export_of_an_unprocessed_folder_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--out", str(tmp_path / "none")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
