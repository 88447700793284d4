"""The blind copyright split (benchmarks/copyright_blind.py) is reproducible and its gold is in its pages."""

from pathlib import Path

import pytest
import yaml

from benchmarks.copyright_blind import SPLIT, build
from pipeline.evaluate.normal import normalise

BENCH = Path("/work/shared/bench/wcxb-dev")
pytestmark = pytest.mark.skipif(not (BENCH / "index.tsv").exists(), reason="wcxb-dev is not on this machine")


def test_blind_split_is_deterministic_and_every_gold_fragment_occurs_in_its_page(tmp_path):
    assert build(BENCH, tmp_path / "one", limit=3) == 3
    build(BENCH, tmp_path / "two", limit=3)
    one, two = tmp_path / "one" / SPLIT, tmp_path / "two" / SPLIT
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    assert all((one / f).read_bytes() == (two / f).read_bytes() for f in files)
    golds = sorted((one / "gold").glob("*.yaml"))
    assert len(golds) == 3
    for gp in golds:
        g = yaml.safe_load(gp.read_text(encoding="utf-8"))
        page = normalise((one / "raw" / g["document"]).read_text(encoding="utf-8"))
        frags = [f for fl in g["copyright"]["flag"] for f in (fl["start"], fl["end"])] + g["copyright"]["keep"]
        assert frags and all(normalise(f) in page for f in frags), g["document"]
