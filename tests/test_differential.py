"""The engine and the independent plain evaluator agree on generated locations.

The full run (10,000 locations) is `python bench/differential.py --count 10000`;
here a few hundred keep the suite quick. Only the public `Engine.evaluate` is used.
"""

from __future__ import annotations

import datetime as dt
import random

from checker.evaluate import plain as plain_evaluator
from checker.location.loader import location_from_mapping
from checker.testing.synthetic import random_location


def test_engine_and_plain_evaluator_agree_on_300_generated_locations(checker):
    rng = random.Random(20260612)
    compared, disagreements, outcomes_seen = 0, [], set()
    for index in range(300):
        data = random_location(rng, index, rng.choice([0.0, 0.1, 0.5]))
        location = location_from_mapping(data, "synthetic")
        day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 3 * 365 - 1))
        engine = {k: r.outcome for k, r in checker.engine.evaluate(location, day).results.items()}
        plain = plain_evaluator.evaluate(checker.library, location, day)
        compared += len(plain)
        outcomes_seen |= set(plain.values())
        disagreements += [
            (index, day, k, engine.get(k), plain.get(k))
            for k in set(engine) | set(plain)
            if engine.get(k) != plain.get(k)
        ]
    assert disagreements == []
    assert compared > 300 * 30  # most of the library is in force on any day
    assert len(outcomes_seen) == 4  # pass, fail, unknown and not applicable all occur
