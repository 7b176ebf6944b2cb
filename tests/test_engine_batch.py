"""The batch path of the engine agrees with the plain evaluator on thousands of random
locations (many facts unknown), and with the single-location path."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from checker.evaluate import plain as plain_evaluator
from checker.library.model import Outcome
from checker.location.loader import location_from_mapping
from checker.testing.synthetic import random_location

DAYS = [dt.date(2026, 1, 15), dt.date(2026, 6, 12)]


@pytest.fixture(scope="module")
def locations():
    rng = random.Random(20260115)
    shares = (0.0, 0.1, 0.3, 0.6)
    return [
        location_from_mapping(random_location(rng, i, shares[i % len(shares)]), "synthetic")
        for i in range(3000)
    ]


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_batch_agrees_with_plain_evaluator(checker, locations, day):
    evaluations = checker.engine.evaluate_many(locations, day)
    outcomes = checker.engine.outcomes_many(locations, day)
    disagreements = []
    for i, (location, evaluation) in enumerate(zip(locations, evaluations, strict=True)):
        plain = plain_evaluator.evaluate(checker.library, location, day)
        engine = {k: r.outcome for k, r in evaluation.results.items()}
        if engine != plain or outcomes[i] != plain:
            disagreements.append(location.id)
    assert disagreements == []
    # the random locations reach every outcome, so the comparison means something
    seen = {o for result in outcomes for o in result.values()}
    assert seen == set(Outcome)


def test_batch_equals_one_at_a_time(checker, locations):
    day = DAYS[0]
    some = locations[:40]
    batch = checker.engine.evaluate_many(some, day)
    for location, evaluation in zip(some, batch, strict=True):
        single = checker.engine.evaluate(location, day)
        assert single.results == evaluation.results
        assert single.derived == evaluation.derived
        assert single.fact == evaluation.fact


def test_fail_results_name_the_violated_requirement(checker, locations):
    day = DAYS[0]
    for evaluation in checker.engine.evaluate_many(locations[:200], day):
        for result in evaluation.results.values():
            if result.outcome == Outcome.fail:
                assert result.violated
            else:
                assert result.violated == []
