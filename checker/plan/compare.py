"""Two reports side by side: which facts differ and which norms change outcome.

Used by the what-if option of `check` (one location before and after some facts
change) and by `diff` (two versions of a plan, or two candidate sites).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from checker.library.citation import Citation
from checker.report.build import Report
from checker.report.view import SEVERITY_ORDER, WEIGHT_ORDER

FACT_SKIP = {"id", "name", "notes"}


@dataclass
class FactChange:
    """A fact that differs between the two locations compared."""

    field: str
    before: Any  # None: not given (unknown)
    after: Any


@dataclass
class OutcomeChange:
    """A norm whose outcome differs between the two locations compared."""

    norm_id: str
    title: str
    weight: str
    severity: str
    dimension: str
    before: str
    after: str
    message: str  # the finding's message on the `after` side
    citation: Citation


@dataclass
class Comparison:
    """Two reports side by side: the facts and the outcomes that differ."""

    before: Report
    after: Report
    facts: list[FactChange]
    changes: list[OutcomeChange]

    def to_dict(self) -> dict[str, Any]:
        """The comparison as JSON data."""
        return {
            "before": self.before.to_dict(),
            "after": self.after.to_dict(),
            "facts": [dataclasses.asdict(f) for f in self.facts],
            "changes": [dataclasses.asdict(c) for c in self.changes],
        }


def _values(report: Report) -> dict[str, Any]:
    return report.location.model_dump(mode="json", exclude_none=True)


def compare(before: Report, after: Report) -> Comparison:
    """Norms whose outcome differs, most weighty first; facts that differ, in model order."""
    old, new = _values(before), _values(after)
    order = list(type(before.location).model_fields)
    facts = [
        FactChange(name, old.get(name), new.get(name))
        for name in order
        if name not in FACT_SKIP and old.get(name) != new.get(name)
    ]
    outcomes = {f.norm_id: f.outcome.value for f in before.findings}
    changes = [
        OutcomeChange(
            f.norm_id,
            f.title,
            f.weight,
            f.severity,
            f.dimension,
            outcomes.get(f.norm_id, "not_applicable"),
            f.outcome.value,
            f.message,
            f.citation,
        )
        for f in after.findings
        if outcomes.get(f.norm_id, "not_applicable") != f.outcome.value
    ]
    changes.sort(key=lambda c: (WEIGHT_ORDER[c.weight], SEVERITY_ORDER[c.severity], c.norm_id))
    return Comparison(before, after, facts, changes)
