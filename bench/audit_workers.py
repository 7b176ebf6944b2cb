"""Two workers against one in `opvangtoets audit` over copies of the shipped case files.

    python bench/audit_workers.py                # 2,000 files, 7 rounds
    python bench/audit_workers.py --files 500 --rounds 5

Each round runs the audit once with `--workers 1` and once with `--workers 2`, in turn, in a
fresh process each, so both see the same load on the shared machine. Printed per run and as
medians: wall seconds, the parent's CPU seconds (its own user + system time, taken at exit)
and the workers' (its children's). The ratio is one worker's median wall over two workers'.
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import AS_OF, _portfolio  # noqa: E402

# the audit as `opvangtoets` runs it, with this process's CPU time written out at exit
_RUN = """
import atexit, json, resource, sys
usage = sys.argv.pop(1)
def _report():
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(usage, "w") as handle:
        json.dump({"parent": own.ru_utime + own.ru_stime,
                   "workers": kids.ru_utime + kids.ru_stime}, handle)
atexit.register(_report)
sys.argv[0] = "opvangtoets"
from checker.launch import main
main()
"""


def run(folder: Path, workers: int, usage: Path) -> dict:
    command = [sys.executable, "-c", _RUN, str(usage), "audit", str(folder)]
    command += ["--as-of", AS_OF, "--lang", "en", "--workers", str(workers)]
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} ended with exit code {done.returncode}")
    return {"wall": wall, **json.loads(usage.read_text())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000, help="case copies to audit")
    parser.add_argument("--rounds", type=int, default=7, help="runs of each, alternated")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _portfolio(folder, args.files)
        usage = folder / "usage.json"
        run(folder / "yaml", 1, usage)  # a first run writes the library cache
        runs: dict[int, list[dict]] = {1: [], 2: []}
        for k in range(args.rounds):
            for workers in (1, 2):
                r = run(folder / "yaml", workers, usage)
                runs[workers].append(r)
                print(
                    f"round {k + 1} {workers} worker(s): {r['wall']:.3f} s wall, parent "
                    f"{r['parent']:.3f} s CPU, workers {r['workers']:.3f} s CPU",
                    file=sys.stderr,
                    flush=True,
                )
    medians = {w: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for w, rs in runs.items()}
    print(
        f"{args.files} YAML files, {args.rounds} alternated rounds, medians (cores: "
        f"{len(os.sched_getaffinity(0))})"
    )
    for workers, m in medians.items():
        print(
            f"  {workers} worker(s): {m['wall']:.3f} s wall ({args.files / m['wall']:.0f} loc/s), "
            f"parent {m['parent']:.3f} s CPU, workers {m['workers']:.3f} s CPU"
        )
    print(f"  2 workers: {medians[1]['wall'] / medians[2]['wall']:.2f}× 1 worker")


if __name__ == "__main__":
    main()
