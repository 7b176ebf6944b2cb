"""A checked location: the report object (`checker.api.Checker` makes one).

`Report.to_dict` is the JSON contract other tools read; keep its shape stable.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from checker.library.loader import Library
from checker.location.model import Location
from checker.report.coming_changes import ComingChange, coming_changes
from checker.report.facts_to_collect import FactToCollect, facts_to_collect
from checker.report.findings import Finding
from checker.report.verdict import Layers, Score, Verdict, layers, score, verdict
from checker.report.warnings import ReportWarning, location_warnings


@dataclass
class Report:
    """Everything a check found about one location on one date."""

    location: Location
    source: str | None
    as_of: dt.date
    lang: str
    verdict: Verdict
    score: Score
    findings: list[Finding]
    norms_version: str
    facts_to_collect: list[FactToCollect] = dataclasses.field(default_factory=list)
    coming_changes: list[ComingChange] = dataclasses.field(default_factory=list)
    warnings: list[ReportWarning] = dataclasses.field(default_factory=list)
    norms_date: dt.date | None = None  # the library's date (library.yaml), for readers
    layers: Layers = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        self.layers = layers(self.findings)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON data (see the report's JSON Schema)."""
        return {
            "location": {"id": self.location.id, "name": self.location.name, "file": self.source},
            "as_of": self.as_of.isoformat(),
            "lang": self.lang,
            "verdict": self.verdict.value,
            "layers": self.layers.to_dict(),
            "score": {
                "overall": dataclasses.asdict(self.score.overall) if self.score.overall else None,
                "band": self.score.band,
                "dimensions": {k: dataclasses.asdict(v) for k, v in self.score.dimensions.items()},
            },
            "findings": [_finding_dict(f) for f in self.findings],
            "facts_to_collect": [dataclasses.asdict(f) for f in self.facts_to_collect],
            "coming_changes": [_change_dict(c) for c in self.coming_changes],
            "norms_version": self.norms_version,
            "warnings": [w.to_dict() for w in self.warnings],
        }


def _finding_dict(f: Finding) -> dict[str, Any]:
    out = dataclasses.asdict(f)
    out["outcome"] = f.outcome.value
    if not f.remedy:
        out.pop("remedy")
    if not f.missing:
        out.pop("missing")
    if not f.aliases:
        out.pop("aliases")
    return out


def _change_dict(c: ComingChange) -> dict[str, Any]:
    out = dataclasses.asdict(c)
    out["date"] = c.date.isoformat()
    return out


def make_report(
    library: Library,
    location: Location,
    source: str | None,
    as_of: dt.date,
    lang: str,
    findings: list[Finding],
    findings_on: Callable[[dt.date], list[Finding]] | None = None,
) -> Report:
    """The report on evaluated findings; `findings_on(day)` re-evaluates for coming changes."""
    changes = coming_changes(library, as_of, findings, findings_on) if findings_on else []
    return Report(
        location,
        source,
        as_of,
        lang,
        verdict(findings),
        score(findings),
        findings,
        library.version,
        facts_to_collect(findings),
        changes,
        location_warnings(location),
        library.date,
    )
