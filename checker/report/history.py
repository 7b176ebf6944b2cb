"""A location followed over time: each dated description checked as of its own date.

The snapshots of one location come from one file with `snapshots:` or from several files
with the same `id`, each with its `described_on`. Each is checked on that date with the law
in force then; the history gives the verdicts in date order, the score range of each, and
every norm whose outcome changed from one snapshot to the next.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from checker.location.model import Location
from checker.report.build import Report


@dataclass
class OutcomeChange:
    """A norm whose outcome differs between two snapshots that follow each other."""

    norm_id: str
    title: str
    before: str
    after: str
    since: str  # the earlier snapshot's date (ISO)
    until: str  # the later snapshot's date (ISO)


@dataclass
class History:
    """The snapshots of one location, oldest first, with what changed between them."""

    location_id: str
    name: str
    reports: list[Report]
    changes: list[OutcomeChange] = field(default_factory=list)

    def score_range(self) -> tuple[int, int] | None:
        """The lowest low end and the highest high end of the overall score over time."""
        scores = [r.score.overall for r in self.reports if r.score.overall]
        if not scores:
            return None
        return min(s.low for s in scores), max(s.high for s in scores)

    def to_dict(self) -> dict[str, Any]:
        """The history as JSON data."""
        low_high = self.score_range()
        return {
            "location": {"id": self.location_id, "name": self.name},
            "snapshots": [
                {
                    "described_on": r.as_of.isoformat(),
                    "file": r.source,
                    "verdict": r.verdict.value,
                    "score": dataclasses.asdict(r.score.overall) if r.score.overall else None,
                    "band": r.score.band,
                    "layers": r.layers.to_dict(),
                }
                for r in self.reports
            ],
            "score_range": {"low": low_high[0], "high": low_high[1]} if low_high else None,
            "changes": [dataclasses.asdict(c) for c in self.changes],
        }


def outcome_changes(reports: list[Report]) -> list[OutcomeChange]:
    """Every norm whose outcome changed between two snapshots that follow each other."""
    out = []
    for earlier, later in zip(reports, reports[1:], strict=False):
        before = {f.norm_id: f for f in earlier.findings}
        for f in later.findings:
            old = before.get(f.norm_id)
            if old is None or old.outcome == f.outcome:
                continue
            out.append(
                OutcomeChange(
                    f.norm_id,
                    f.title,
                    old.outcome.value,
                    f.outcome.value,
                    earlier.as_of.isoformat(),
                    later.as_of.isoformat(),
                )
            )
    return out


def build_history(
    snapshots: list[tuple[Location, str]], check: Callable[[Location, str], Report]
) -> History:
    """The history of one location from its (location, file) snapshots, each with its
    `described_on`; `check(location, file)` checks one as of that date."""
    ordered = sorted(snapshots, key=lambda s: s[0].described_on)  # type: ignore[arg-type, return-value]
    reports = [check(loc, source) for loc, source in ordered]
    latest = ordered[-1][0]
    return History(latest.id, latest.name, reports, outcome_changes(reports))
