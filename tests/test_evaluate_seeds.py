"""``pipeline evaluate`` on the seeds: the table of ``make eval`` and the prediction dump round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

import independent_scorer  # tests/independent_scorer.py (tests/ is on sys.path)
from pipeline.cli import main as cli_main
from pipeline.evaluate import METRICS, evaluate

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"


def gold_files() -> dict[str, dict]:
    out = {}
    for path in sorted(GOLD.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.stem != "corpus":
            out[data["document"]] = data
    return out


def test_eval_prints_every_metric_with_totals_first(seeds_processed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["evaluate", "--gold", str(GOLD), "--processed", str(seeds_processed)]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = lines[0].split()
    assert header[:2] == ["metric", "TOTAL"]
    assert header[2:] == sorted(gold_files())
    assert [ln.split()[0] for ln in lines[1:1 + len(METRICS)]] == list(METRICS)


def test_json_holds_the_same_numbers_as_the_table(seeds_processed: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    cli_main(["evaluate", "--gold", str(GOLD), "--processed", str(seeds_processed), "--json", str(tmp_path / "m.json")])
    table = {ln.split()[0]: ln.split()[1:3] for ln in capsys.readouterr().out.splitlines()[1:1 + len(METRICS)]}
    data = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    for m, cell in table.items():
        t = data["total"][m]
        expect = ["n/a"] if t["value"] is None else [f"{t['value']:.3f}", f"({t['found']}/{t['total']})"]
        assert cell[:len(expect)] == expect, m


def test_prediction_dump_round_trips_through_the_independent_scorer(seeds_processed: Path, tmp_path: Path) -> None:
    cli_main(["evaluate", "--gold", str(GOLD), "--processed", str(seeds_processed),
              "--dump-predictions", str(tmp_path / "dump")])
    ev = evaluate(GOLD, seeds_processed)
    golds = gold_files()
    assert sorted(p.name for p in (tmp_path / "dump").iterdir()) == sorted(f"{d}.json" for d in golds)
    for doc in ev.documents:
        dump = json.loads((tmp_path / "dump" / f"{doc.document}.json").read_text(encoding="utf-8"))
        ours = {m: (s.found, s.total) for m, s in doc.scores.items() if s.total}
        assert ours == independent_scorer.score(golds[doc.document], dump), doc.document


def test_prediction_dump_has_the_keys_of_gold_format(seeds_processed: Path) -> None:
    for dump in evaluate(GOLD, seeds_processed).dumps.values():
        assert list(dump) == ["clean_text", "references", "quotations", "flags"]
        for q in dump["quotations"]:
            assert set(q) == {"text", "speaker", "source", "date", "reference_text", "interpolations"}
        for f in dump["flags"]:
            assert set(f) == {"text", "why"}
