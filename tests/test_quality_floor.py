"""Regression guard: every metric on the seeds stays at or above its floor in quality_floor.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.evaluate import LOWER_IS_BETTER, METRICS, Evaluation, evaluate

HERE = Path(__file__).resolve().parent
LIMITS = yaml.safe_load((HERE / "quality_floor.yaml").read_text(encoding="utf-8"))
FLOORS: dict[str, float | None] = LIMITS.get("floors") or {}
CEILINGS: dict[str, float | None] = LIMITS.get("ceilings") or {}


@pytest.fixture(scope="module")
def seeds_eval(seeds_processed: Path) -> Evaluation:
    return evaluate(HERE / "gold", seeds_processed)


def test_every_metric_has_a_limit_on_its_right_side() -> None:
    assert sorted([*FLOORS, *CEILINGS]) == sorted(METRICS)
    assert set(CEILINGS) == set(LOWER_IS_BETTER)


@pytest.mark.parametrize("metric", sorted(m for m, v in FLOORS.items() if v is not None))
def test_metric_at_or_above_its_floor(seeds_eval: Evaluation, metric: str) -> None:
    score = seeds_eval.totals[metric]
    assert score.value is not None, f"{metric} is n/a ({score.reason()}) but has floor {FLOORS[metric]}"
    assert score.value >= FLOORS[metric], f"{metric} {score.text()} fell below its floor {FLOORS[metric]}"


@pytest.mark.parametrize("metric", sorted(m for m, v in CEILINGS.items() if v is not None))
def test_metric_at_or_below_its_ceiling(seeds_eval: Evaluation, metric: str) -> None:
    score = seeds_eval.totals[metric]
    assert score.value is not None, f"{metric} is n/a ({score.reason()}) but has ceiling {CEILINGS[metric]}"
    assert score.value <= CEILINGS[metric], f"{metric} {score.text()} rose above its ceiling {CEILINGS[metric]}"
