"""Differential run: the durable_rules engine against the plain-Python evaluator.

Generates seeded random valid locations (`checker.testing.synthetic`), checks each as
of a random day in 2025-2027 (and the days around 12 June 2026, when the
directives change), a share of them with extreme floats (tiny ones like 2e-05, large
ones, the bounds: `checker.testing.synthetic.with_extreme_floats`), with both
`Engine(library).evaluate` and
`checker.evaluate.plain.evaluate`, then the same locations through the audit's lean
path, `Engine.outcomes_many`, in batches of the locations that share an as-of day, and
prints how many locations and outcomes were compared and every disagreement. Exit code 1
if there is any.

    python bench/differential.py --count 10000 [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time

from checker.evaluate import plain as plain_evaluator
from checker.evaluate.engine import Engine
from checker.library.loader import load_library
from checker.location.loader import location_from_mapping
from checker.testing.synthetic import random_location, with_extreme_floats

FIRST, LAST = dt.date(2025, 1, 1), dt.date(2027, 12, 31)
EDGES = [dt.date(2026, 6, 11), dt.date(2026, 6, 12)]
UNKNOWN_SHARES = [0.0, 0.1, 0.3, 0.7]
EXTREME_SHARE = 0.3  # locations whose float fields get extreme values


def compare(count: int, seed: int, engine: Engine | None = None, library=None):
    """(locations, outcomes compared, disagreements as (id, day, norm, engine, plain),
    locations with extreme floats, outcomes compared on the lean path)."""
    library = library or load_library()
    engine = engine or Engine(library)
    rng = random.Random(seed)
    outcomes, disagreements, extreme = 0, [], 0
    by_day: dict[dt.date, list[tuple[str, object, dict]]] = {}
    for index in range(count):
        data = random_location(rng, index, rng.choice(UNKNOWN_SHARES))
        if rng.random() < EXTREME_SHARE:
            with_extreme_floats(rng, data)
            extreme += 1
        location = location_from_mapping(data, f"synthetic-{index}")
        day = (
            rng.choice(EDGES)
            if rng.random() < 0.1
            else FIRST + dt.timedelta(days=rng.randint(0, (LAST - FIRST).days))
        )
        by_engine = {k: r.outcome for k, r in engine.evaluate(location, day).results.items()}
        by_plain = plain_evaluator.evaluate(library, location, day)
        outcomes += len(by_plain)
        by_day.setdefault(day, []).append((data["id"], location, by_plain))
        disagreements += _differ(data["id"], day, by_engine, by_plain)
    lean = 0
    for day, group in by_day.items():
        found = engine.outcomes_many([location for _, location, _ in group], day)
        for (location_id, _, by_plain), by_engine in zip(group, found, strict=True):
            lean += len(by_plain)
            disagreements += _differ(f"{location_id} (lean path)", day, by_engine, by_plain)
    return count, outcomes, disagreements, extreme, lean


def _differ(location_id: str, day: dt.date, by_engine: dict, by_plain: dict) -> list[tuple]:
    return [
        (location_id, day, norm_id, by_engine.get(norm_id), by_plain.get(norm_id))
        for norm_id in sorted(set(by_engine) | set(by_plain))
        if by_engine.get(norm_id) != by_plain.get(norm_id)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    start = time.perf_counter()
    locations, outcomes, disagreements, extreme, lean = compare(args.count, args.seed)
    seconds = time.perf_counter() - start
    print(f"locations: {locations}  (seed {args.seed}, as-of days {FIRST} to {LAST})")
    print(f"of which with extreme floats: {extreme}")
    print(f"outcomes compared: {outcomes}, and {lean} on the lean path (outcomes_many)")
    print(f"disagreements: {len(disagreements)}")
    for location_id, day, norm_id, got, want in disagreements[:50]:
        show = lambda o: o.value if o else "absent"  # noqa: E731
        print(f"  {location_id} as of {day}: {norm_id} engine {show(got)}, plain {show(want)}")
    print(f"time: {seconds:.1f} s")
    sys.exit(1 if disagreements else 0)


if __name__ == "__main__":
    main()
