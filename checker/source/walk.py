"""Every input file under a directory, and every entry that could not be looked into.

A directory that cannot be read (no permission) is reported instead of skipped; entries that
are not regular files (a FIFO, a device, a dangling or looping link) are returned like files
so that reading them reports what they are. Sorted, so runs are reproducible.
"""

from __future__ import annotations

import os
from pathlib import Path

from checker.errors import Problem, labelled_problem


def find_inputs(directory: Path, suffixes: tuple[str, ...]) -> tuple[list[Path], list[Problem]]:
    """The entries under `directory` whose names end in one of `suffixes` (not directories),
    and a problem for every subdirectory that could not be read."""
    found: list[tuple[tuple[str, ...], str]] = []
    problems: list[Problem] = []

    def unreadable(exc: OSError) -> None:
        where = exc.filename or str(directory)
        reason = exc.strerror or str(exc)
        problems.append(
            labelled_problem(
                str(where),
                None,
                "directory_unreadable",
                hint_key="directory_unreadable_hint",
                reason=reason,
            )
        )

    # the order of the paths (by their parts, case-insensitively on Windows), sorted by keys
    # instead of Path objects; os.walk puts a link to a directory among the directories
    fold = str.lower if os.name == "nt" else str
    for root, dirs, files in os.walk(directory, onerror=unreadable):
        dirs.sort()
        parts = tuple(map(fold, Path(root).parts))
        for name in files:
            dot = name.rfind(".")
            if dot > 0 and name[dot:] in suffixes:  # (Path.suffix: ".yaml" alone has none)
                found.append(((*parts, fold(name)), os.path.join(root, name)))
    found.sort()
    return [Path(path) for _, path in found], problems
