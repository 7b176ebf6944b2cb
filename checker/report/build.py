"""A checked location: the report object (`checker.api.Checker` makes one).

`Report.to_dict` is the JSON contract other tools read; keep its shape stable.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from checker.library.loader import Library, LibraryNorm
from checker.location.model import Location
from checker.report.coming_breaches import ComingBreach, coming_breaches
from checker.report.coming_changes import ComingChange, coming_changes
from checker.report.evidence import (
    MAX_FACT_AGE_MONTHS,
    aging_warnings,
    attach_evidence,
    verdict_caveats,
)
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
    coming_breaches: list[ComingBreach] = dataclasses.field(default_factory=list)
    layers: Layers = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        self.layers = layers(self.findings)

    @property
    def verdict_caveats(self) -> list[str]:
        """What the headline verdict rests on when it is an estimate or a plan."""
        return verdict_caveats(self.findings)

    def sources(self) -> list[dict[str, Any]]:
        """Every source of the file with the norms whose findings rest on it."""
        out = []
        for s in self.location.sources or []:
            norms = [
                f.norm_id
                for f in self.findings
                if f.evidence
                and f.outcome.value != "not_applicable"
                and any(s.id == r["id"] for e in f.evidence.facts for r in e.sources)
            ]
            out.append({**s.model_dump(), "findings": norms})
        return out

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
            "facts_to_collect": [f.to_dict() for f in self.facts_to_collect],
            "coming_changes": [_change_dict(c) for c in self.coming_changes],
            "coming_breaches": [_change_dict(b) for b in self.coming_breaches],
            "norms_version": self.norms_version,
            "warnings": [w.to_dict() for w in self.warnings],
            **self._evidence_dict(),
        }

    def _evidence_dict(self) -> dict[str, Any]:
        loc = self.location
        if not loc.sources and not loc.evidence and not loc.described_on:
            return {}  # a file without evidence reports exactly as before
        return {
            "described_on": self.location.described_on.isoformat()
            if self.location.described_on
            else None,
            "sources": self.sources(),
            "verdict_rests_on": self.verdict_caveats,
        }


def _finding_dict(f: Finding) -> dict[str, Any]:
    # Written out, not `dataclasses.asdict`: its deep copy of every fact and the citation was
    # more than half of an audit's JSON output (a report per location). Same keys, same order.
    out: dict[str, Any] = {
        "norm_id": f.norm_id,
        "outcome": f.outcome.value,
        "weight": f.weight,
        "severity": f.severity,
        "dimension": f.dimension,
        "title": f.title,
        "message": f.message,
        "facts": dict(f.facts),
        "citation": vars(f.citation).copy(),
    }
    if f.remedy:
        out["remedy"] = f.remedy
    if f.missing:
        out["missing"] = list(f.missing)
    if f.aliases:
        out["aliases"] = list(f.aliases)
    if f.evidence is not None:
        out["evidence"] = [e.to_dict() for e in f.evidence.facts]
        out["rests_on"] = list(f.evidence.caveats)
        out["may_be_out_of_date"] = f.evidence.may_be_out_of_date
    return out


def _change_dict(c: ComingChange | ComingBreach) -> dict[str, Any]:
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
    findings_on: Callable[[dt.date, list[LibraryNorm] | None], list[Finding]] | None = None,
    max_fact_age_months: int = MAX_FACT_AGE_MONTHS,
    breaches: bool = False,
) -> Report:
    """The report on evaluated findings; `findings_on(day, norms)` re-evaluates for coming
    changes (and, with `breaches`, on any day for the coming breaches), making the findings
    of `norms` only, or of every norm when `norms` is None."""
    attach_evidence(findings, library, location, as_of, max_fact_age_months)
    changes = coming_changes(library, as_of, findings, findings_on) if findings_on else []
    ahead = (
        coming_breaches(library, location, as_of, lang, findings_on)
        if findings_on and breaches
        else []
    )
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
        location_warnings(location) + aging_warnings(location, as_of, source, max_fact_age_months),
        library.date,
        ahead,
    )
