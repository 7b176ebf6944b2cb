"""The engine and the plain evaluator agree on every shipped case and every norm example."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.evaluate import plain as plain_evaluator
from checker.location.loader import load_location, location_from_mapping

CASES = sorted(Path(__file__).parent.parent.joinpath("cases").glob("*.yaml"))
DAYS = [dt.date(2026, 1, 15), dt.date(2026, 6, 11), dt.date(2026, 6, 12), dt.date(2027, 3, 1)]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
@pytest.mark.parametrize("day", DAYS, ids=str)
def test_cases_agree(checker, path, day):
    location = load_location(path)
    engine = {k: r.outcome for k, r in checker.engine.evaluate(location, day).results.items()}
    assert plain_evaluator.evaluate(checker.library, location, day) == engine


def test_norm_examples_agree(checker):
    disagreements = []
    for lib_norm in checker.library.norms:
        for example in lib_norm.norm.examples:
            day = example.as_of or lib_norm.valid_from or dt.date(2025, 6, 1)
            location = location_from_mapping(
                {"id": "x", "name": "x", **example.location}, "example"
            )
            result = checker.engine.evaluate(location, day).results.get(lib_norm.id)
            engine = result.outcome if result else None  # None: not in force that day
            plain = plain_evaluator.evaluate(checker.library, location, day).get(lib_norm.id)
            if engine != plain:
                disagreements.append((lib_norm.id, example.name, engine, plain))
    assert disagreements == []


def test_whole_months_counts_a_month_once_its_day_is_reached():
    assert plain_evaluator.whole_months(dt.date(2026, 1, 31), dt.date(2026, 2, 28)) == 0
    assert plain_evaluator.whole_months(dt.date(2026, 1, 15), dt.date(2026, 2, 15)) == 1
    assert plain_evaluator.whole_months(dt.date(2026, 1, 15), dt.date(2027, 1, 14)) == 11
