"""The seeds: every gold passage flagged, no short quotation flagged, none of a flagged
passage's sentences in the publishable rendering (scored with GOLD_FORMAT.md's rules)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import GOLD
from tests.independent_scorer import inside, norm

SEEDS = sorted(p for p in GOLD.glob("*.yaml") if p.name != "corpus.yaml")


def load(out: Path, gold_path: Path) -> tuple[dict, str, list[str], str]:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    doc = gold["document"]
    text = json.loads((out / "03_normalise" / f"{doc}.json").read_text(encoding="utf-8"))["text"]
    flags = json.loads((out / "05_copyright" / f"{doc}.json").read_text(encoding="utf-8"))["flags"]
    md = (out / "06_publish" / f"{doc}.md").read_text(encoding="utf-8")
    return gold, text, [text[f["start"]:f["end"]] for f in flags], md


def test_seed_flag_recall_is_complete_and_no_short_quotation_is_flagged(seeds_processed: Path) -> None:
    found = total = false = keeps = 0
    for g in SEEDS:
        gold, _, flags, _ = load(seeds_processed, g)
        for item in gold["copyright"]["flag"]:
            total += 1
            found += any(inside(item["start"], f) and inside(item["end"], f) for f in flags)
        for frag in gold["copyright"]["keep"]:
            keeps += 1
            false += any(inside(frag, f) for f in flags)
    assert (found, total) == (4, 4)
    assert (false, keeps) == (0, 8)


@pytest.mark.parametrize("gold_path", SEEDS, ids=lambda p: p.stem)
def test_seed_rendering_contains_none_of_the_flagged_sentences(seeds_processed: Path, gold_path: Path) -> None:
    _, _, flags, md = load(seeds_processed, gold_path)
    assert flags
    rendered = norm(md)
    for passage in flags:
        for sentence in re.split(r"(?<=[.!?…])\s+|\n+", passage):
            if len(sentence.split()) >= 4:
                assert norm(sentence) not in rendered, sentence[:60]


def test_every_seed_flag_has_a_one_line_reason_without_its_text(seeds_processed: Path) -> None:
    for g in SEEDS:
        doc = yaml.safe_load(g.read_text(encoding="utf-8"))["document"]
        out = json.loads((seeds_processed / "05_copyright" / f"{doc}.json").read_text(encoding="utf-8"))
        text = json.loads((seeds_processed / "03_normalise" / f"{doc}.json").read_text(encoding="utf-8"))["text"]
        for f in out["flags"]:
            assert f["action"] == "summarise" and "\n" not in f["reason"] and f["reason"].endswith(".")
            words = text[f["start"]:f["end"]].split()
            eight = {" ".join(words[i:i + 8]) for i in range(0, max(1, len(words) - 7))}
            assert not any(w in f["reason"] for w in eight)


def test_seed_outputs_match_their_json_schemas(seeds_processed: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    root = GOLD.parent.parent / "docs" / "schemas"
    for stage_dir, schema in (("05_copyright", "copyright"), ("06_publish", "publish")):
        s = json.loads((root / f"{schema}.schema.json").read_text(encoding="utf-8"))
        for f in sorted((seeds_processed / stage_dir).glob("*.json")):
            jsonschema.validate(json.loads(f.read_text(encoding="utf-8")), s)
