"""Provenance of the core stages' outputs: each file matches its JSON Schema (docs/schemas), carries
the raw file's sha256, its config section's hash and the versions that matter; the manifest
lists every document with its hashes and stage outputs."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import RAW
from pipeline.config import load_config
from pipeline.stages import code_hash, stages
from pipeline.store import list_raw, read_json, sha256_file

ROOT = Path(__file__).resolve().parent.parent
CORE = {"extract": "01_extract", "strip": "02_strip", "normalise": "03_normalise"}


def _schema(stage: str) -> dict:
    return json.loads((ROOT / "docs" / "schemas" / f"{stage}.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("stage", sorted(CORE))
def test_schema_is_valid_json_schema(stage: str) -> None:
    jsonschema.Draft202012Validator.check_schema(_schema(stage))


@pytest.mark.parametrize("stage", sorted(CORE))
def test_seed_outputs_match_their_schema(stage: str, seeds_processed: Path) -> None:
    validator = jsonschema.Draft202012Validator(_schema(stage))
    files = sorted((seeds_processed / CORE[stage]).glob("*.json"))
    assert files
    for path in files:
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(read_json(path))]
        assert not errors, (path.name, errors[:3])


@pytest.mark.parametrize("stage", sorted(CORE))
def test_html_outputs_match_their_schema(stage: str) -> None:
    from test_conservation import run_front

    outs = run_front(b"<html><body><nav><a href='/'>Home</a></nav><h1>T</h1><p class='x'>He said &ldquo;yes&rdquo;"
                     b" [edit]</p><footer>&copy; 2011 Someone</footer></body></html>", "page.html")
    errors = [e.message for e in jsonschema.Draft202012Validator(_schema(stage)).iter_errors(outs[stage])]
    assert not errors, errors[:3]


def test_every_output_file_names_its_raw_file_config_and_code(seeds_processed: Path) -> None:
    config = load_config(None)
    docs = {d.doc_id: d for d in list_raw(RAW)}
    for spec in stages():
        for path in sorted((seeds_processed / spec.folder).glob("*.json")):
            out = read_json(path)
            doc = docs[out["document"]["id"]]
            assert out["document"]["raw_sha256"] == sha256_file(doc.path)
            prov = out["provenance"]
            assert prov["stage"] == spec.name and prov["config_section"] == spec.name
            assert prov["config_hash"] == config.section_hash(spec.name)
            assert prov["code_hash"] == code_hash(spec.name)
            assert set(prov["libraries"]) == set(spec.libraries)
            assert all(v != "not installed" for v in prov["libraries"].values()), prov


def test_normalise_output_names_the_ftfy_version(seeds_processed: Path) -> None:
    from importlib.metadata import version

    path = next((seeds_processed / "03_normalise").glob("*.json"))
    assert read_json(path)["provenance"]["libraries"] == {"ftfy": version("ftfy")}


def test_every_core_record_names_its_raw_span_and_rule(seeds_processed: Path) -> None:
    for folder, keys in (("01_extract", ("blocks", "gaps")), ("02_strip", ("decisions", "inline_removals", "notices")),
                         ("03_normalise", ("paragraphs", "lines", "edits"))):
        for path in sorted((seeds_processed / folder).glob("*.json")):
            out = read_json(path)
            for key in keys:
                for rec in out[key]:
                    assert 0 <= rec["raw_start"] <= rec["raw_end"], (path.name, key, rec)
                    assert rec["rule"], (path.name, key, rec)


def test_manifest_lists_every_document_with_hashes_and_outputs(seeds_processed: Path) -> None:
    manifest = read_json(seeds_processed / "manifest.json")
    config = load_config(None)
    assert [s["name"] for s in manifest["stages"]] == [s.name for s in stages()]
    for s in manifest["stages"]:
        assert s["config_hash"] == config.section_hash(s["name"]) and s["code_hash"] == code_hash(s["name"])
    docs = list_raw(RAW)
    assert [d["id"] for d in manifest["documents"]] == [d.doc_id for d in docs]
    for entry, doc in zip(manifest["documents"], docs):
        assert entry["status"] == "ok"
        assert entry["raw_sha256"] == sha256_file(doc.path)
        for spec in stages():
            out = entry["outputs"][f"{spec.name}.json"]
            assert out["path"] == f"{spec.folder}/{doc.doc_id}.json"
            assert out["sha256"] == sha256_file(seeds_processed / out["path"])
