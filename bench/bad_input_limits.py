"""Measure how fast, and in how little memory, hostile files are refused.

Runs `opvangtoets check FILE` in a fresh process for each hostile file and
prints its exit code, wall time and peak memory (maximum resident set size of
the child, from getrusage). The files are generated in a temporary directory:
a 50 MB file, the "billion laughs" alias bomb from the test corpus, a file of
a million small values just under the size limit, and a deeply nested list.
The acceptance is under 2 s and under 200 MB for each; the figures depend on
the machine and its load, so this prints them and asserts nothing.

    python bench/bad_input_limits.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "bad_inputs"


def _files(tmp: Path) -> dict[str, Path]:
    huge = tmp / "fifty-megabytes.yaml"
    with huge.open("w") as fh:
        fh.write("id: huge\nname: Huge\nnotes: |\n")
        line = "  " + "x" * 98 + "\n"
        for _ in range(50 * 1024 // len(line)):  # in pieces: a forked child inherits our size
            fh.write(line * 1024)
    many = tmp / "many-values.yaml"
    lines, size, i = ["id: many\nname: Many\n"], 0, 0
    while size < 5 * 1024 * 1024 - 20:
        lines.append(f"k{i}: {i}\n")
        size += len(lines[-1])
        i += 1
    many.write_text("".join(lines[:-1]))
    deep = tmp / "deep.yaml"
    deep.write_text("id: deep\nname: Deep\nnotes: " + "[" * 100_000 + "]" * 100_000 + "\n")
    return {
        "alias bomb (billion laughs)": CORPUS / "alias-bomb.yaml",
        "50 MB file": huge,
        "5 MB of small values": many,
        "nesting 100,000 deep": deep,
    }


def measure(path: Path) -> tuple[int, float, float, str]:
    """Exit code, wall seconds, peak RSS in MB of a fresh `opvangtoets check`, first line."""
    with tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "checker.cli", "check", str(path), "--lang", "en"],
            stdout=subprocess.DEVNULL,
            stderr=err,
            cwd=ROOT,
        )
        _, status, usage = os.wait4(child.pid, 0)  # this child's own peak, not all children's
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        first = (err.read().strip().splitlines() or [""])[0]
    return child.returncode, wall, usage.ru_maxrss / 1024, first  # ru_maxrss: KiB on Linux


def main() -> None:
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        files = _files(Path(tmp))
        for label, path in files.items():
            code, wall, peak, first = measure(path)
            size = path.stat().st_size / 1024 / 1024
            print(f"{label:<30} {size:8.1f} MB  exit {code}  {wall:5.2f} s  peak {peak:6.1f} MB")
            print(f"    {first[:150]}")


if __name__ == "__main__":
    main()
