"""Cold start: how long `opvangtoets check` of one case takes in a fresh process.

    python bench/cold_start.py [RUNS]      (default 10)

Runs the installed console script next to this interpreter RUNS times on
cases/ship-permit-holders.yaml and prints the median, the fastest and the slowest run.
Nothing here is asserted.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "cases" / "ship-permit-holders.yaml"


def main(runs: int) -> None:
    command = [str(Path(sys.executable).with_name("opvangtoets")), "check", str(CASE)]
    command += ["--as-of", "2026-06-01", "--lang", "en"]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append((time.perf_counter() - start) * 1000)
    print(
        f"opvangtoets check {CASE.name}, {runs} fresh processes: median "
        f"{statistics.median(times):.0f} ms, fastest {min(times):.0f} ms, "
        f"slowest {max(times):.0f} ms"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
