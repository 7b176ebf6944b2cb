"""What running the web app in its own engine worker process costs per request.

    python bench/serve_worker_cost.py

The same requests two ways: the Flask app called in this process (what a lock around a
shared engine would cost), and through `checker.web.worker.EngineWorker` (the request and
the page cross a pipe to the one process that holds the engine, as `serve` does). Prints
the median of 15 runs of each (3 for the table), the difference, and the page size. Nothing is
asserted; figures measured while other work runs on the machine are noisy.
"""

from __future__ import annotations

import io
import statistics
import time
from pathlib import Path

from werkzeug.test import EnvironBuilder

ROOT = Path(__file__).resolve().parent.parent
RUNS = 15


def requests() -> dict[str, EnvironBuilder]:
    from checker.location.loader import load_location
    from checker.web.form import form_values

    ship = {
        "as_of": "2026-01-15",
        **form_values(load_location(ROOT / "cases/ship-permit-holders.yaml")),
    }
    table = "id,name,children_count\n" + "".join(f"l{i},L {i},{i % 90}\n" for i in range(100))
    return {
        "GET the form": EnvironBuilder(path="/en/"),
        "POST a check": EnvironBuilder(path="/en/check", method="POST", data=ship),
        "POST a 100-row table": EnvironBuilder(
            path="/en/upload",
            method="POST",
            data={"file": (io.BytesIO(table.encode()), "t.csv")},
        ),
    }


def median_ms(call, runs: int) -> tuple[float, int]:
    size = 0
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        size = call()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, size


def main() -> None:
    from checker.api import Checker
    from checker.web.app import create_app
    from checker.web.worker import EngineWorker, Settings, run_app

    app = create_app(Checker(), "en")
    worker = EngineWorker(Settings((), "en", None))
    started = time.perf_counter()
    worker.start()
    print(f"worker start (spawn, compile the library): {time.perf_counter() - started:.2f} s")
    print(f"{'request':<22} {'in process':>11} {'via worker':>11} {'difference':>11} {'page':>9}")
    try:
        for name, builder in requests().items():
            environ = builder.get_environ()
            body = environ["wsgi.input"].read()
            strings = {k: v for k, v in environ.items() if isinstance(v, str)}
            runs = 3 if "table" in name else RUNS
            here, size = median_ms(lambda s=strings, b=body: len(run_app(app, s, b)[2]), runs)
            there, _ = median_ms(lambda s=strings, b=body: len(worker.call(s, b)[2]), runs)
            print(
                f"{name:<22} {here:>8.1f} ms {there:>8.1f} ms {there - here:>+8.1f} ms "
                f"{size / 1024:>6.0f} kB",
                flush=True,
            )
    finally:
        worker.stop()


if __name__ == "__main__":
    main()
