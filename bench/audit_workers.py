"""Two workers against one in `opvangtoets audit` over copies of the shipped case files.

    python bench/audit_workers.py                # 2,000 files, 7 rounds
    python bench/audit_workers.py --files 500 --rounds 5
    python bench/audit_workers.py --before /tmp/before   # and a copy of the package before
                                                         # a change (`git archive`, with the
                                                         # engine's .so), alternated with it

Each round runs the audit once with `--workers 1` and once with `--workers 2`, in turn, in a
fresh process each, so both see the same load on the shared machine; the package's modules
are compiled first, as in an installed copy. Printed per run and as
medians: wall seconds, the parent's CPU seconds (its own user + system time, taken at exit)
and the workers' (its children's). The ratio is one worker's median wall over two workers'.
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import AS_OF, ROOT, _portfolio  # noqa: E402

# the audit as `opvangtoets` runs it, with this process's CPU time written out at exit
_RUN = """
import atexit, json, resource, sys
usage, tree = sys.argv.pop(1), sys.argv.pop(1)
if tree:  # another copy of the package (the one before a change): not the installed one
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in str(f)]
    sys.path.insert(0, tree)
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


def run(folder: Path, workers: int, usage: Path, tree: str = "") -> dict:
    command = [sys.executable, "-c", _RUN, str(usage), tree, "audit", str(folder)]
    command += ["--as-of", AS_OF, "--lang", "en", "--workers", str(workers)]
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} ended with exit code {done.returncode}")
    return {"wall": wall, **json.loads(usage.read_text())}


def instructions(folder: Path, workers: int, usage: Path, tree: str, out: Path) -> dict:
    """Instructions the parent and the workers executed (callgrind, which follows the forked
    workers; each process writes its own count)."""
    for old in out.glob("callgrind.*"):
        old.unlink()
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}/callgrind.%p"]
    command += [sys.executable, "-c", _RUN, str(usage), tree, "audit", str(folder)]
    command += ["--as-of", AS_OF, "--lang", "en", "--workers", str(workers)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    process.wait()
    counts = {}
    for path in out.glob("callgrind.*"):
        total = next(line for line in path.read_text().splitlines() if line.startswith("totals:"))
        counts[int(path.name.split(".")[1])] = int(total.split()[1])
    parent = counts.pop(process.pid)
    return {"parent": parent, "workers": sum(counts.values())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000, help="case copies to audit")
    parser.add_argument("--rounds", type=int, default=7, help="runs of each, alternated")
    parser.add_argument("--before", default="", help="a directory holding the package before")
    parser.add_argument(
        "--callgrind", action="store_true", help="count instructions (2 workers, once each)"
    )
    args = parser.parse_args()
    trees = {"before": args.before, "after": ""} if args.before else {"this": ""}
    runs: dict[tuple[str, int], list[dict]] = {(t, w): [] for t in trees for w in (1, 2)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _portfolio(folder, args.files)
        usage = folder / "usage.json"
        for tree in trees.values():  # compiled, as an installed copy is
            compileall.compile_dir(Path(tree or ROOT) / "checker", quiet=1)
        for tree in trees.values():
            run(folder / "yaml", 1, usage, tree)  # a first run writes the library cache
        if args.callgrind:
            (folder / "cg").mkdir()
            for name, tree in trees.items():
                n = instructions(folder / "yaml", 2, usage, tree, folder / "cg")
                print(
                    f"{args.files} YAML files, {name}, 2 workers: parent {n['parent']:,} "
                    f"instructions, workers {n['workers']:,}"
                )
            return
        for k in range(args.rounds):
            for (name, workers), results in runs.items():
                r = run(folder / "yaml", workers, usage, trees[name])
                results.append(r)
                print(
                    f"round {k + 1} {name} {workers} worker(s): {r['wall']:.3f} s wall, parent "
                    f"{r['parent']:.3f} s CPU, workers {r['workers']:.3f} s CPU",
                    file=sys.stderr,
                    flush=True,
                )
    cores = len(os.sched_getaffinity(0))
    print(f"{args.files} YAML files, {args.rounds} alternated rounds, medians ({cores} cores)")
    medians = {
        key: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for key, rs in runs.items()
    }
    for (name, workers), m in medians.items():
        print(
            f"  {name}, {workers} worker(s): {m['wall']:.3f} s wall "
            f"({args.files / m['wall']:.0f} loc/s), parent {m['parent']:.3f} s CPU, "
            f"workers {m['workers']:.3f} s CPU"
        )
    for name in trees:
        one, two = medians[(name, 1)]["wall"], medians[(name, 2)]["wall"]
        print(f"  {name}: 2 workers {one / two:.2f}× 1 worker")


if __name__ == "__main__":
    main()
