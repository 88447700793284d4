"""Regression guard on text the rules were never tuned on: every metric of the frozen quotation
set (tests/frozen/quotes) stays on the right side of its limit in quality_floor.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.evaluate import LOWER_IS_BETTER, METRICS, Evaluation, evaluate

HERE = Path(__file__).resolve().parent
LIMITS = yaml.safe_load((HERE / "quality_floor.yaml").read_text(encoding="utf-8"))
FLOORS: dict[str, float | None] = LIMITS.get("floors") or {}
CEILINGS: dict[str, float | None] = LIMITS.get("ceilings") or {}
SET = LIMITS["set"]


@pytest.fixture(scope="module")
def frozen_eval(tmp_path_factory: pytest.TempPathFactory) -> Evaluation:
    from pipeline.runner import run_all

    out = tmp_path_factory.mktemp("frozen-quotes")
    results = run_all(HERE / SET["raw"], out, None)
    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    return evaluate(HERE / SET["gold"], out)


def test_every_metric_has_a_limit_on_its_right_side() -> None:
    assert sorted([*FLOORS, *CEILINGS]) == sorted(METRICS)
    assert set(CEILINGS) == set(LOWER_IS_BETTER)


@pytest.mark.parametrize("metric", sorted(m for m, v in FLOORS.items() if v is not None))
def test_metric_at_or_above_its_floor(frozen_eval: Evaluation, metric: str) -> None:
    score = frozen_eval.totals[metric]
    assert score.value is not None, f"{metric} is n/a ({score.reason()}) but has floor {FLOORS[metric]}"
    assert score.value >= FLOORS[metric], f"{metric} {score.text()} fell below its floor {FLOORS[metric]}"


@pytest.mark.parametrize("metric", sorted(m for m, v in CEILINGS.items() if v is not None))
def test_metric_at_or_below_its_ceiling(frozen_eval: Evaluation, metric: str) -> None:
    score = frozen_eval.totals[metric]
    assert score.value is not None, f"{metric} is n/a ({score.reason()}) but has ceiling {CEILINGS[metric]}"
    assert score.value <= CEILINGS[metric], f"{metric} {score.text()} rose above its ceiling {CEILINGS[metric]}"
