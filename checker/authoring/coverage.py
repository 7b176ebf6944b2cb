"""Rule coverage: which outcomes each norm reached on the shipped cases and its own examples.

A norm whose examples never make it pass and fail is not tested in both
directions: a wrong threshold or an inverted condition would go unnoticed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from checker.authoring.examples import ExampleRun
from checker.evaluate.engine import Engine
from checker.library.loader import Library, LibraryNorm
from checker.library.model import Outcome
from checker.location.model import Location

#: Checks of the shipped cases are made before and after the 2024 directive applies.
CASE_DATES = (
    dt.date(2026, 1, 15),
    dt.date(2026, 6, 11),
    dt.date(2026, 6, 12),
    dt.date(2026, 9, 1),
)
BOTH = frozenset({Outcome.pass_, Outcome.fail})


def shipped_cases_dir() -> Path:
    """cases/ next to the package in a source tree (a wheel does not carry the cases)."""
    return Path(__file__).resolve().parents[2] / "cases"


@dataclass
class NormCoverage:
    """The outcomes one norm reached on the cases and in its own examples."""

    norm: LibraryNorm
    in_cases: set[Outcome] = field(default_factory=set)
    in_examples: set[Outcome] = field(default_factory=set)

    @property
    def tested_both_ways(self) -> bool:
        """True when the norm's examples make it both pass and fail."""
        return BOTH <= self.in_examples


def rule_coverage(
    library: Library,
    engine: Engine,
    cases: list[Location],
    dates: tuple[dt.date, ...],
    example_runs: list[ExampleRun],
) -> list[NormCoverage]:
    """Per norm, in library order. A norm not in force on a date is not counted for it."""
    by_id = {n.id: NormCoverage(n) for n in library.norms}
    for location in cases:
        for day in dates:
            for norm_id, result in engine.evaluate(location, day).results.items():
                by_id[norm_id].in_cases.add(result.outcome)
    for run in example_runs:
        if run.actual is not None:
            by_id[run.norm.id].in_examples.add(run.actual)
    return list(by_id.values())
