"""How fast the audit path is: N seeded synthetic locations, 1 and 2 workers, against the
plain-Python evaluator on the same locations.

    python bench/audit_speed.py                 # N = 1,000, 10,000, 100,000
    python bench/audit_speed.py 1000 5000       # a quick run

Every measurement runs in a fresh process (so peak RSS is its own): the library is
loaded and compiled and the workers are started (not timed), then N locations go
through `checker.audit.run.run_audit` as CSV rows would: validated by the location model,
evaluated, verdict and score, summary. Timed: from the first input to the last result.
Peak RSS is the measuring process plus its largest worker.

Generating a random location costs about as much as checking one, so the inputs are
1,000 seeded random locations (`checker.testing.synthetic.random_location`), cycled with a new
id for each of the N; the engine caches nothing, so repeats cost the same. Nothing is
asserted; figures measured while other work runs on the machine are noisy.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import resource
import subprocess
import sys
import time

POOL = 1000
SEED = 20260115
AS_OF = dt.date(2026, 1, 15)


def _inputs(n: int):
    from checker.audit.run import AuditInput
    from checker.testing.synthetic import random_location

    rng = random.Random(SEED)
    pool = [random_location(rng, i) for i in range(min(n, POOL))]
    for i in range(n):
        data = dict(pool[i % len(pool)])
        data["id"] = f"synthetic-{i}"
        yield AuditInput("synthetic.csv", i + 2, data)


def measure(n: int, workers: int, evaluator: str) -> dict:
    from checker.audit.outputs import AuditSummary
    from checker.audit.run import AuditOptions, _init_worker, run_audit, worker_pool

    options = AuditOptions(AS_OF, "en", evaluator=evaluator)
    pool = None
    if workers > 1:  # start the workers (each compiles the library) before timing
        pool = worker_pool(options, workers)
        warm = [pool.submit(time.sleep, 0.5) for _ in range(2 * workers)]
        for future in warm:
            future.result()
    else:
        _init_worker(options)  # the same load and compile, untimed, for the in-process path
    summary = AuditSummary()
    inputs = _inputs(n)
    first = next(inputs)  # the pool of random locations is made here, untimed
    start = time.perf_counter()
    for result in run_audit(itertools.chain([first], inputs), options, workers, pool=pool):
        summary.add(result)
    seconds = time.perf_counter() - start
    if pool:
        pool.shutdown()
    assert summary.checked == n, summary.errors[:1]
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rss_kb += resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "n": n,
        "workers": workers,
        "evaluator": evaluator,
        "seconds": seconds,
        "rss_kb": rss_kb,
    }


def _run(n: int, workers: int, evaluator: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--one", str(n), str(workers), evaluator],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(sizes: list[int]) -> None:
    from checker.library.loader import load_library

    library = load_library()
    print(f"norms: {len(library.norms)}, derived facts: {len(library.derived)}, as of {AS_OF}")
    header = (
        f"{'N':>8} {'path':<18} {'workers':>7} {'loc/s':>8} {'µs/loc':>8} "
        f"{'peak RSS MB':>11} {'vs plain':>9} {'vs 1 worker':>11}"
    )
    print(header)
    print("-" * len(header))
    for n in sizes:
        plain = _run(n, 1, "plain")
        rows = [("durable_rules", _run(n, 1, "engine"))]
        rows.append(("durable_rules", _run(n, 2, "engine")))
        rows.append(("plain Python", plain))
        one = rows[0][1]["seconds"]
        for label, r in rows:
            rate = n / r["seconds"]
            ratio = r["seconds"] / plain["seconds"] if label != "plain Python" else 1.0
            speedup = one / r["seconds"] if label != "plain Python" else float("nan")
            print(
                f"{n:>8} {label:<18} {r['workers']:>7} {rate:>8.0f} "
                f"{r['seconds'] / n * 1e6:>8.0f} {r['rss_kb'] / 1024:>11.0f} "
                f"{ratio:>8.2f}× {speedup:>10.2f}×"
            )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        n, workers, evaluator = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
        print(json.dumps(measure(n, workers, evaluator)))
    else:
        main([int(a) for a in sys.argv[1:]] or [1000, 10000, 100000])
