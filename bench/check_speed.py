"""How long a check takes: compile the shipped library, then check the shipped cases N times.

    python bench/check_speed.py [N]      (default 4000 locations)

Prints the figures; nothing here is asserted. The portfolio benchmark of the audit
issue will extend this with generated locations and several workers.
"""

from __future__ import annotations

import datetime as dt
import resource
import sys
import time
from pathlib import Path

from checker.api import Checker
from checker.location.loader import load_location

CASES = Path(__file__).resolve().parent.parent / "cases"


def main(n: int) -> None:
    start = time.perf_counter()
    checker = Checker()
    compiled = time.perf_counter() - start
    locations = [load_location(p) for p in sorted(CASES.glob("*.yaml"))]
    as_of = dt.date(2026, 9, 1)
    engine_only = time.perf_counter()
    for i in range(n):
        checker.engine.evaluate(locations[i % len(locations)], as_of)
    engine_only = time.perf_counter() - engine_only
    full = time.perf_counter()
    for i in range(n):
        checker.check(locations[i % len(locations)], as_of, "en")
    full = time.perf_counter() - full
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"norms: {len(checker.library.norms)}, derived facts: {len(checker.library.derived)}")
    print(f"compile library into durable_rules: {compiled * 1000:.0f} ms")
    print(f"engine only (derive + evaluate): {engine_only / n * 1e6:.0f} µs per location")
    print(
        f"full check (engine + findings + verdict + score): {full / n * 1e6:.0f} µs "
        f"per location, {n / full:.0f} locations/s over {n} locations"
    )
    print(f"peak RSS: {rss_mb:.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 4000)
