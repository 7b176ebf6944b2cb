"""Instruction counts (callgrind) of reading location files and tables, for when timings on a
shared machine are too noisy to compare two versions.

    python bench/instructions.py          # needs valgrind; about a minute

Each figure is the difference between a run that does the work PASSES times and one that
only sets up, divided by the files or rows read, so start-up and imports cancel out:

- reading each shipped case (`checker.source.reader.load_yaml_text`) against PyYAML's C
  composer with line marks (`yaml.compose(..., CSafeLoader)`) on the same text;
- reading a CSV table of the shipped cases (`checker.location.table.read_table`), per row.

Nothing is asserted.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "cases").glob("*.yaml"))
PASSES = 10
ROWS = 200


def _work(what: str, passes: int, table: str) -> None:
    import yaml

    from checker.location.table import read_table
    from checker.source.reader import load_yaml_text

    texts = [p.read_text(encoding="utf-8") for p in CASES]
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for text in texts:  # warm: the first read fills the reader's memo of scalars
        load_yaml_text(text, "case.yaml")
        yaml.compose(text, Loader=loader)
    list(read_table(Path(table)))
    for _ in range(passes):
        if what == "ours":
            for text in texts:
                load_yaml_text(text, "case.yaml")
        elif what == "compose":
            for text in texts:
                yaml.compose(text, Loader=loader)
        else:
            for _ in read_table(Path(table)):
                pass


def _instructions(what: str, passes: int, table: Path) -> int:
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    command += [sys.executable, __file__, "--part", what, str(passes), str(table)]
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    return int(re.search(r"Collected : (\d+)", out.stderr)[1])  # type: ignore[index]


def _table(path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from speed import write_table

    write_table(path, ROWS)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        table = Path(tmp) / "table.csv"
        _table(table)
        base = _instructions("none", 0, table)
        ours = (_instructions("ours", PASSES, table) - base) / (PASSES * len(CASES))
        compose = (_instructions("compose", PASSES, table) - base) / (PASSES * len(CASES))
        rows = (_instructions("table", 2, table) - base) / (2 * ROWS)
    print(f"read a case file (load_yaml_text)  {ours:12,.0f} instructions")
    ratio = ours / compose
    print(f"PyYAML C composer, same text       {compose:12,.0f} instructions  ratio {ratio:.2f}")
    print(f"read a CSV row (read_table)        {rows:12,.0f} instructions")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--part"]:
        _work(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        main()
