"""Where the time goes, in one run: cold start, file read, engine, audit, memory.

    python bench/speed.py                    # the table the README's Speed section shows
    python bench/speed.py --quick            # fewer runs and locations, for a first look

Every figure comes from this run, and each ratio compares figures of this run: the machine
is shared, so absolute times move between runs much more than ratios do. Rows:

- cold start: `opvangtoets check` of one case in a fresh process (median of RUNS) against
  `python -c "import pydantic, yaml"` measured in turn with it, and with the least any
  command built on pydantic models pays (that import, one model made and validated); its
  phases (importing the command line, loading the library, compiling it, the check) in a
  fresh process each;
- file read: `checker.source.reader.load_yaml_text` on each shipped case against PyYAML's C
  composer with line marks (`yaml.compose(..., CSafeLoader)`) on the same text;
- engine path (`Engine.outcomes_many`, as the audit calls it), the plain-Python evaluator
  and a generated-code floor (`bench/floor.py`: the norms compiled to one Python function,
  fed dicts that already hold the derived facts) on the same seeded synthetic locations,
  each in its own process; the floor's outcomes are compared with the plain evaluator's;
- `opvangtoets audit` end to end over copies of the shipped cases as YAML files and as one
  CSV table, with 1 and 2 workers run in turn (medians of the rounds; the 2-worker ratio is
  the median of the ratios within a round), against PyYAML's C loader just parsing those files;
  beside them an audit of one input (the fixed cost every audit pays: start, library, summary),
  and the 2-worker ceiling it leaves: one worker's time over the fixed cost plus half the rest;
- peak RSS of the CSV audits at two sizes (flat memory means the same figure).

Nothing is asserted.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "cases").glob("*.yaml"))
CASE = ROOT / "cases" / "ship-permit-holders.yaml"
AS_OF = "2026-06-01"
SEED = 20260115
COMMAND = str(Path(sys.executable).with_name("opvangtoets"))


# parts run in a fresh process each (python bench/speed.py --part NAME ...) ----------------


def part_phases() -> dict:
    start = time.perf_counter()
    import checker.cli  # noqa: F401  (what `opvangtoets` imports before it runs a command)

    imported = time.perf_counter()
    from checker.library.loader import load_library

    library = load_library()
    loaded = time.perf_counter()
    from checker.api import Checker

    checker = Checker(library=library)  # compiles the library into the engine
    compiled = time.perf_counter()
    from checker.location.loader import load_location

    checker.check(load_location(CASE), dt.date.fromisoformat(AS_OF), "en", str(CASE))
    checked = time.perf_counter()
    return {
        "imports": imported - start,
        "library load": loaded - imported,
        "compile": compiled - loaded,
        "check": checked - compiled,
    }


def _locations(n: int):
    from checker.location.loader import location_from_mapping
    from checker.testing.synthetic import random_location

    rng = random.Random(SEED)
    return [location_from_mapping(random_location(rng, i), f"synthetic-{i}") for i in range(n)]


def _best_rate(run, n: int, rounds: int) -> float:
    """Microseconds per location: the median of `rounds` passes."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) / n * 1e6


def part_evaluator(which: str, n: int, rounds: int) -> dict:
    from checker.evaluate import plain
    from checker.library.loader import load_library

    library = load_library()
    locations = _locations(n)
    as_of = dt.date.fromisoformat(AS_OF)
    extra: dict = {}
    if which == "engine":
        from checker.evaluate.engine import BATCH, Engine

        engine = Engine(library)

        def run():
            for start in range(0, n, BATCH):
                engine.outcomes_many(locations[start : start + BATCH], as_of)

    elif which == "plain":

        def run():
            for loc in locations:
                plain.evaluate(library, loc, as_of)

    else:
        sys.path.insert(0, str(Path(__file__).parent))
        from floor import compile_floor

        decide = compile_floor(library, as_of)
        derived = [plain.derive(library, plain.location_values(loc, as_of)) for loc in locations]
        cells = mismatches = 0
        for values, loc in zip(derived, locations, strict=True):
            want = plain.evaluate(library, loc, as_of)
            got = decide(values)
            cells += len(want)
            mismatches += sum(got.get(k) != v for k, v in want.items()) + len(set(got) - set(want))
        extra = {"cells": cells, "mismatches": mismatches}
        start = time.perf_counter()
        for loc in locations:
            plain.derive(library, plain.location_values(loc, as_of))
        extra["derive_us"] = (time.perf_counter() - start) / n * 1e6

        def run():
            for values in derived:
                decide(values)

    return {"us": _best_rate(run, n, rounds), **extra}


def part_read(rounds: int) -> dict:
    import yaml

    from checker.source.reader import load_yaml_text

    texts = [p.read_text(encoding="utf-8") for p in CASES]
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def ours():
        for text in texts:
            load_yaml_text(text, "case.yaml")

    def c_composer():
        for text in texts:
            yaml.compose(text, Loader=loader)

    def c_loader():
        for text in texts:
            yaml.load(text, Loader=loader)

    rows = {}
    for name, run in (("ours", ours), ("compose", c_composer), ("load", c_loader)):
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            for _ in range(20):
                run()
            times.append(time.perf_counter() - start)
        rows[name] = statistics.median(times) / (20 * len(texts)) * 1e6
    return rows


# the parent: runs the parts, the cold starts and the audits, prints the table ------------


def _part(*args: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--part", *args], check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _timed(command: list[str], env: dict | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS in KB (the process or its largest child) of `command`."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} ended with exit code {process.returncode}")
    return seconds, usage.ru_maxrss


# The least a command built on pydantic models pays at start, with the launcher's settings (no
# plugin search, no collection while importing): `import pydantic` alone defers BaseModel's
# machinery, which the first model then imports and builds.
PYDANTIC_FLOOR = """
import gc, os
gc.disable()
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
import pydantic, yaml
from pydantic import BaseModel
class One(BaseModel):
    x: int
One.model_validate({"x": 1})
"""


def _cold(runs: int) -> dict:
    check = [COMMAND, "check", str(CASE), "--as-of", AS_OF, "--lang", "en"]
    baseline = [sys.executable, "-c", "import pydantic, yaml"]
    floor = [sys.executable, "-c", PYDANTIC_FLOOR]
    times: dict[str, list[float]] = {"check": [], "import": [], "floor": []}
    # An installed copy has its bytecode, as pydantic and yaml in the baseline have theirs; a
    # source tree run with PYTHONDONTWRITEBYTECODE=1 would compile every module on each start.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "checker")], check=True)
    _timed(check)  # a first run writes the library cache where there is one
    for _ in range(runs):
        times["check"].append(_timed(check)[0])
        times["import"].append(_timed(baseline)[0])
        times["floor"].append(_timed(floor)[0])
    return {k: statistics.median(v) for k, v in times.items()}


def _cell(value) -> str:
    from checker.location.table import record_cell

    if isinstance(value, list) and value and isinstance(value[0], dict):
        return record_cell(value)
    if isinstance(value, list):
        return ";".join(map(str, value))
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def _portfolio(folder: Path, count: int, as_files: bool = True) -> tuple[Path, list[Path]]:
    """`count` copies of the shipped cases as YAML files, and `count` rows of them as CSV."""
    files = []
    folder.mkdir(exist_ok=True)
    (folder / "yaml").mkdir()
    for i in range(count if as_files else 0):
        source = CASES[i % len(CASES)]
        target = folder / "yaml" / f"{i:06}-{source.name}"
        shutil.copyfile(source, target)
        files.append(target)
    table = folder / "table.csv"
    write_table(table, count)
    return table, files


def write_table(path: Path, count: int) -> None:
    """`count` rows of the shipped cases, in turn, as one CSV table."""
    import yaml

    from checker.location.table import csv_header

    header = csv_header()
    cases = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in CASES]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for i in range(count):
            data = dict(cases[i % len(cases)], id=f"row-{i}")
            writer.writerow([_cell(data[n]) if n in data else "" for n in header])


def _audit(paths: list[Path], workers: int) -> tuple[float, int]:
    command = [COMMAND, "audit", *map(str, paths), "--as-of", AS_OF, "--lang", "en"]
    return _timed([*command, "--workers", str(workers)])


def _parse_only(files: list[Path]) -> float:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    start = time.perf_counter()
    for path in files:
        yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and locations")
    parser.add_argument("--locations", type=int, help="synthetic locations per evaluator")
    parser.add_argument("--files", type=int, help="case copies per audit")
    parser.add_argument("--big", type=int, help="rows of the larger CSV audit (memory)")
    args = parser.parse_args()
    runs, n, files_n, big = (5, 1000, 500, 5000) if args.quick else (10, 5000, 2000, 20000)
    n, files_n, big = args.locations or n, args.files or files_n, args.big or big
    rounds = 3 if args.quick else 5

    rows: list[tuple[str, str, str]] = []  # what, figure, ratio

    def row(what: str, figure: str, ratio: str = "") -> None:
        rows.append((what, figure, ratio))
        print(f"  {what}: {figure} {ratio}", file=sys.stderr, flush=True)

    cold = _cold(runs)
    row(
        "cold `opvangtoets check` of one case (median)",
        f"{cold['check'] * 1000:.0f} ms",
        f"{cold['check'] / cold['import']:.2f}× `import pydantic, yaml` "
        f"({cold['import'] * 1000:.0f} ms)",
    )
    row(
        "  floor: import pydantic and yaml, make one model, validate once",
        f"{cold['floor'] * 1000:.0f} ms",
        f"{cold['floor'] / cold['import']:.2f}× `import pydantic, yaml`",
    )
    phases = [_part("phases") for _ in range(3)]
    for name in phases[0]:
        value = statistics.median(p[name] for p in phases)
        row(f"  phase: {name}", f"{value * 1000:.1f} ms")
    read = _part("read", str(rounds))
    row(
        "read a case file (load_yaml_text)",
        f"{read['ours']:.0f} µs",
        f"{read['ours'] / read['compose']:.2f}× PyYAML C composer ({read['compose']:.0f} µs); "
        f"C loader {read['load']:.0f} µs",
    )
    engine = _part("evaluator", "engine", str(n), str(rounds))
    plain = _part("evaluator", "plain", str(n), str(rounds))
    floor = _part("evaluator", "floor", str(n), str(rounds))
    row("engine path (outcomes_many), per location", f"{engine['us']:.0f} µs", "1.00×")
    row("plain-Python evaluator", f"{plain['us']:.0f} µs", f"{plain['us'] / engine['us']:.2f}×")
    row(
        "generated-code floor (pre-derived dicts)",
        f"{floor['us']:.1f} µs",
        f"{floor['us'] / engine['us']:.2f}×; derivation {floor['derive_us']:.0f} µs; "
        f"{floor['mismatches']} of {floor['cells']} cells differ from plain",
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        table, files = _portfolio(folder, files_n)
        parse = statistics.median(_parse_only(files) for _ in range(rounds))
        row(f"PyYAML C loader, parse {files_n} files (median of {rounds})", f"{parse:.2f} s", "")
        one_file = folder / "one" / files[0].name
        one_file.parent.mkdir()
        shutil.copyfile(files[0], one_file)
        one_row = folder / "one-row.csv"
        write_table(one_row, 1)
        singles = {"YAML files": [one_file], "CSV": [one_row]}
        for label, paths in (("YAML files", [folder / "yaml"]), ("CSV", [table])):
            # 1 and 2 workers in turn, `rounds` times: medians, and the ratio taken per round;
            # beside them an audit of one input, which costs what any audit costs however large
            timed: dict[int, list[tuple[float, int]]] = {1: [], 2: []}
            fixed_runs = []
            for _ in range(rounds):
                for workers in timed:
                    timed[workers].append(_audit(paths, workers))
                fixed_runs.append(_audit(singles[label], 1)[0])
            fixed = statistics.median(fixed_runs)
            one_worker = statistics.median(t for t, _ in timed[1])
            row(
                f"  audit of one {'file' if label == 'YAML files' else 'row'} (fixed cost)",
                f"{fixed * 1000:.0f} ms",
                f"{(one_worker - fixed) / files_n * 1e6:.0f} µs per input beyond it",
            )
            for workers, runs_of in timed.items():
                seconds = statistics.median(t for t, _ in runs_of)
                rss = max(r for _, r in runs_of)
                ratio = ""
                if workers > 1:
                    per_round = [
                        one[0] / two[0] for one, two in zip(timed[1], runs_of, strict=True)
                    ]
                    # Amdahl: two workers share only what one worker spends beyond the fixed cost
                    ceiling = one_worker / (fixed + (one_worker - fixed) / 2)
                    ratio = (
                        f"{statistics.median(per_round):.2f}× 1 worker (ceiling with perfect "
                        f"sharing {ceiling:.2f}×)"
                    )
                if label == "YAML files":
                    ratio += ("; " if ratio else "") + f"{seconds / parse:.2f}× C parse"
                row(
                    f"audit {files_n} {label}, {workers} worker{'s' * (workers > 1)} "
                    f"(median of {rounds})",
                    f"{files_n / seconds:.0f} loc/s ({seconds:.2f} s, {rss / 1024:.0f} MB)",
                    ratio,
                )
        shutil.rmtree(folder / "yaml")
        big_table, _ = _portfolio(folder / "big", big, as_files=False)
        small_seconds, small_rss = _audit([table], 1)
        big_seconds, big_rss = _audit([big_table], 1)
        row(
            f"peak RSS, CSV audit {files_n} → {big} rows (1 worker)",
            f"{small_rss / 1024:.0f} → {big_rss / 1024:.0f} MB",
            f"{big / big_seconds:.0f} loc/s at {big}",
        )
    width = max(len(r[0]) for r in rows)
    fig = max(len(r[1]) for r in rows)
    print(f"{'what':<{width}}  {'figure':>{fig}}  ratio (same run)")
    for what, figure, ratio in rows:
        print(f"{what:<{width}}  {figure:>{fig}}  {ratio}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--part"]:
        name, rest = sys.argv[2], sys.argv[3:]
        if name == "phases":
            result = part_phases()
        elif name == "read":
            result = part_read(int(rest[0]))
        else:
            result = part_evaluator(rest[0], int(rest[1]), int(rest[2]))
        print(json.dumps(result))
    else:
        main()
