"""What every rendered report shows, in the order people act on it.

The terminal, HTML and Markdown reports share one ordering (law before court
before policy before guidance, then by severity) and, for the documents, one
context built here, so the two templates only lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checker.i18n import formats, t
from checker.library.loader import AS_OF_FIELD, Library
from checker.library.model import Dimension, Outcome
from checker.location.model import Location
from checker.report.build import Report
from checker.report.coming_breaches import breach_line
from checker.report.evidence import (
    EvidenceLine,
    evidence_lines,
    finding_notes,
    source_text,
    verdict_notes,
)
from checker.report.facts_to_collect import FactToCollect
from checker.report.findings import Finding
from checker.report.verdict import Layers, band
from checker.report.wording import Wording

WEIGHT_ORDER = {"law": 0, "court": 1, "policy": 2, "guidance": 3}
SEVERITY_ORDER = {"critical": 0, "major": 1, "minor": 2}
OUTCOME_ORDER = {Outcome.fail: 0, Outcome.unknown: 1, Outcome.pass_: 2, Outcome.not_applicable: 3}


def finding_order(f: Finding) -> tuple:
    """The sort key of findings: weight, then severity, then norm id."""
    return WEIGHT_ORDER[f.weight], SEVERITY_ORDER[f.severity], f.norm_id


#: The facts page one states about the site, in this order.
KEY_FACTS = (
    "location_type",
    "building_type",
    "operator",
    "municipality",
    "occupancy_total",
    "children_count",
    "unaccompanied_minors_count",
    "children_under_1_count",
    "opening_date",
    "planned_closing_date",
)
POLICY_OUTCOME = {  # label keys
    "meets": "meets",
    "does_not_meet": "does_not_meet",
    "unknown": "policy_unknown",
    "not_applicable": "policy_not_applicable",
}
TOP = 5  # things to fix and facts to find out on page one


def fact_titles(library: Library | None, lang: str) -> dict[str, str]:
    """A readable meaning for every fact name: location fields and derived facts."""
    words = Wording(lang, library)
    names = [*Location.model_fields, *(d.name for d in (library.derived if library else []))]
    return {name: words.label(name) for name in names}


def show_value(value: Any, lang: str) -> str:
    """A value without knowing its field (no unit): prefer `Wording.value`."""
    return Wording(lang).value("", value)


@dataclass
class LayerLine:
    """One row of page one's layer table: the layer, its outcome (none for guidance), its counts."""

    key: str  # law | policy | guidance
    outcome: str | None  # a verdict or policy outcome key; None for guidance
    counts: dict[str, int]


@dataclass
class DimensionGroup:
    """The findings of one dimension with its score, as reports show them."""

    key: str
    label: str
    low: int | None
    high: int | None
    band: str | None
    findings: list[Finding] = field(default_factory=list)


@dataclass
class ReportView:
    """What the HTML and Markdown reports show, in the order they show it."""

    report: Report
    lang: str
    fix_first: list[Finding]
    counts: dict[str, int]
    dimensions: list[DimensionGroup]
    facts_used: list[tuple[str, str, str]]  # name, meaning, value
    titles: dict[str, str]
    words: Wording
    layers: Layers
    key_facts: list[tuple[str, str]]  # label, value
    find_out: list[FactToCollect]
    checked_on: str
    norms_readable: str
    detail: str = "full"  # or "summary": without the full findings and the technical appendix

    @property
    def layer_lines(self) -> list[LayerLine]:
        """The rows of page one's layer table: law, policy, guidance."""
        by = self.layers.to_dict()
        law, policy = by["law"], by["policy"]
        return [
            LayerLine("law", law["verdict"], law),
            LayerLine("policy", POLICY_OUTCOME[policy["outcome"]], policy),
            LayerLine("guidance", None, by["guidance"]),
        ]

    def layer_counts(self, line: LayerLine) -> str:
        """'3 met, 1 not met, 2 unknown' for one layer."""
        c = line.counts
        counts = {"passed": c["pass"], "failed": c["fail"], "unknown": c["unknown"]}
        return t("layer_counts", self.lang, **counts)

    @property
    def top_fixes(self) -> list[Finding]:
        """The first things to fix, for page one."""
        return self.fix_first[:TOP]

    @property
    def top_find_out(self) -> list[FactToCollect]:
        """The facts most worth finding out, for page one."""
        return self.find_out[:TOP]

    def waiting(self, fact: FactToCollect) -> str:
        """How many norms wait for `fact`, in words."""
        n = len(fact.binding_norms) + len(fact.other_norms)
        return t("waits_for_one", self.lang) if n == 1 else t("waits_for", self.lang, n=n)

    def not_met_heading(self, f: Finding) -> str:
        """The words follow the layer: advice that is not followed is no violation."""
        layer = "law" if f.weight in ("law", "court") else f.weight
        return t("not_met_" + layer, self.lang)

    def evidence(self, f: Finding) -> list[EvidenceLine]:
        """The evidence of the facts finding `f` used (issue 16)."""
        return evidence_lines(f, self.lang)

    def notes(self, f: Finding) -> list[str]:
        """What finding `f` rests on, in words: an estimate, a plan, old facts."""
        return finding_notes(f, self.lang)

    @property
    def verdict_notes(self) -> list[str]:
        """'This verdict rests on an estimate.' and the like."""
        return verdict_notes(self.report.findings, self.lang)

    @property
    def sources(self) -> list[tuple[dict[str, Any], str]]:
        """Every source of the file, with its title, publisher and date in words."""
        return [(s, source_text(s, self.lang)) for s in self.report.sources()]

    def breach_line(self, b: Any) -> str:
        """'from 10 July 2026: COA-NO-3 becomes “not met”, 6 calendar months after …'."""
        return breach_line(b, self.lang)

    def date(self, day: Any) -> str:
        """`day` as the report language writes dates."""
        return formats.date(day, self.lang)

    def t(self, key: str, **values: object) -> str:
        """The label `key` in the report's language."""
        return t(key, self.lang, **values)


def norms_readable(report: Report) -> str:
    """'normen van 23 november 2026, versie b0a7096' (the hash alone without a library date)."""
    short = report.norms_version[:7]
    if report.norms_date is None:
        return short
    return t("norms_of", report.lang, date=formats.date(report.norms_date, report.lang), hash=short)


def report_view(report: Report, library: Library | None = None, detail: str = "full") -> ReportView:
    """The view of `report` that the templates render."""
    lang = report.lang
    findings = report.findings
    groups = []
    for dim in Dimension:
        rng = report.score.dimensions.get(dim.value)
        mine = sorted(
            (f for f in findings if f.dimension == dim.value),
            key=lambda f: (OUTCOME_ORDER[f.outcome], *finding_order(f)),
        )
        if not mine:
            continue
        groups.append(
            DimensionGroup(
                dim.value,
                t(dim.value, lang),
                rng.low if rng else None,
                rng.high if rng else None,
                band(rng.low) if rng else None,  # colours the chart
                mine,
            )
        )
    titles = fact_titles(library, lang)
    words = Wording(lang, library)
    used: dict[str, Any] = {}
    for f in findings:
        used.update(f.facts)
    used.pop(AS_OF_FIELD, None)  # a norm counting months to the check date: page one has it
    loc = report.location
    return ReportView(
        report=report,
        lang=lang,
        fix_first=sorted((f for f in findings if f.outcome == Outcome.fail), key=finding_order),
        counts={o.value: sum(1 for f in findings if f.outcome == o) for o in Outcome},
        dimensions=groups,
        facts_used=[(k, words.label(k), words.value(k, used[k])) for k in sorted(used)],
        titles=titles,
        words=words,
        layers=report.layers,
        key_facts=[(words.label(k), words.value(k, getattr(loc, k))) for k in KEY_FACTS],
        find_out=report.facts_to_collect,
        checked_on=formats.date(report.as_of, lang),
        norms_readable=norms_readable(report),
        detail=detail,
    )
