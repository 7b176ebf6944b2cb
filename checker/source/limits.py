"""Every limit that protects the checker from hostile or broken input, in one place.

A location description is a few kilobytes with about a hundred values; the
largest shipped norm file has 27 kB and 1,535 values. The limits
are far above that, and low enough that no single file can make the checker
use more than a few hundred megabytes or run for more than a few seconds.
Each can be raised by an environment variable (and the number of locations
also by `opvangtoets check --max-locations`); the message that reports a
limit names the variable.

| limit | default | checked in |
|---|---|---|
| file size | 5 MiB | `yaml_source.load_yaml`, before the file is read |
| nesting depth | 50 | `yaml_source`, while the YAML is parsed |
| aliases (`*name`) per file | 100 | `yaml_source`, while the YAML is parsed |
| values per file, aliases expanded | 20,000 | `yaml_source`, while the YAML is parsed |
| locations per run | 100,000 | `cli.check`, before any file is read; `location.table` |
| table (CSV) size | 128 MiB | `location.table.open_table`, before the file is read |
| characters in one line of a table | 1 MiB | `location.table.bounded_rows`, while read |
| characters in one cell of a table | 128 KiB | `location.table.bounded_rows`, while read |

Dates (`--as-of` and every date in a location) lie in the years 1900 to 2200 (`FIRST_DAY`,
`LAST_DAY`; not configurable). Numbers in a location must be finite and at most
`NUMBER_BOUND` in size (not configurable: far beyond any real count or area, and within
what the rules engine can hold); `location_loader` checks that.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from checker.errors import Problem, labelled_problem


@dataclass(frozen=True)
class Limit:
    """A limit on input size, with its default and the variable that changes it."""

    name: str
    env: str
    default: int
    what_en: str
    what_nl: str

    def value(self) -> int:
        """The limit in force: the environment variable if it holds a positive whole number."""
        raw = os.environ.get(self.env, "").strip()
        return int(raw) if raw.isdigit() and int(raw) > 0 else self.default

    def exceeded(
        self, file: str, line: int | None, found: int, option: str = "", limit: int | None = None
    ) -> Problem:
        """The problem to report when `file` goes beyond this limit (`found`: how far, or
        where it stopped counting)."""
        also_en = f" (or use {option})" if option else ""
        also_nl = f" (of gebruik {option})" if option else ""
        limit = limit or self.value()
        return labelled_problem(
            file,
            line,
            "problem_too_large_more_than",
            hint_key="problem_set_raise_limit",
            what_en=self.what_en,
            found=found,
            limit=limit,
            what_nl=self.what_nl,
            found_nl=_nl(found),
            limit_nl=_nl(limit),
            env=self.env,
            also_en=also_en,
            also_nl=also_nl,
        )


def _nl(number: int) -> str:
    return f"{number:,}".replace(",", ".")


MAX_FILE_BYTES = Limit(
    "file size",
    "OPVANGTOETS_MAX_FILE_BYTES",
    5 * 1024 * 1024,
    "file size in bytes",
    "bestandsgrootte in bytes",
)
MAX_DEPTH = Limit("nesting depth", "OPVANGTOETS_MAX_DEPTH", 50, "nesting depth", "nestingsdiepte")
MAX_ALIASES = Limit(
    "aliases",
    "OPVANGTOETS_MAX_ALIASES",
    100,
    "YAML aliases (*name)",
    "YAML-aliassen (*naam)",
)
MAX_VALUES = Limit(
    "values",
    "OPVANGTOETS_MAX_VALUES",
    20_000,
    "values with aliases expanded",
    "waarden met uitgevouwen aliassen",
)
MAX_LOCATIONS = Limit(
    "locations per run",
    "OPVANGTOETS_MAX_LOCATIONS",
    100_000,
    "location files in one run",
    "locatiebestanden in één run",
)

MAX_TABLE_BYTES = Limit(
    "table size",
    "OPVANGTOETS_MAX_TABLE_BYTES",
    128 * 1024 * 1024,
    "table size in bytes",
    "tabelgrootte in bytes",
)
MAX_LINE_CHARS = Limit(
    "line length",
    "OPVANGTOETS_MAX_LINE_CHARS",
    1024 * 1024,
    "characters in one line",
    "tekens in één regel",
)
MAX_CELL_CHARS = Limit(
    "cell size",
    "OPVANGTOETS_MAX_CELL_CHARS",
    128 * 1024,
    "characters in one cell",
    "tekens in één cel",
)

NUMBER_BOUND = 1_000_000_000

# Dates the checker handles: as-of dates and every date in a location. Far beyond any real
# reception location, and far enough inside what Python's dates hold that a year of look-ahead
# or a plan of months never runs out of the calendar (year 9999 did).
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2200, 12, 31)


def in_date_range(day: dt.date) -> bool:
    """Whether `day` lies in the range of dates the checker accepts."""
    return FIRST_DAY <= day <= LAST_DAY


ALL = (
    MAX_FILE_BYTES,
    MAX_DEPTH,
    MAX_ALIASES,
    MAX_VALUES,
    MAX_LOCATIONS,
    MAX_TABLE_BYTES,
    MAX_LINE_CHARS,
    MAX_CELL_CHARS,
)
