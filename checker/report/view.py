"""What every rendered report shows, in the order people act on it.

The terminal, HTML and Markdown reports share one ordering (law before court
before policy before guidance, then by severity) and, for the documents, one
context built here, so the two templates only lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checker.i18n import t
from checker.library.loader import AS_OF_FIELD, Library
from checker.library.model import Dimension, Outcome
from checker.location.model import Location
from checker.report.build import Report
from checker.report.findings import Finding
from checker.report.verdict import Layers, band

WEIGHT_ORDER = {"law": 0, "court": 1, "policy": 2, "guidance": 3}
SEVERITY_ORDER = {"critical": 0, "major": 1, "minor": 2}
OUTCOME_ORDER = {Outcome.fail: 0, Outcome.unknown: 1, Outcome.pass_: 2, Outcome.not_applicable: 3}


def finding_order(f: Finding) -> tuple:
    """The sort key of findings: weight, then severity, then norm id."""
    return WEIGHT_ORDER[f.weight], SEVERITY_ORDER[f.severity], f.norm_id


def fact_titles(library: Library | None, lang: str) -> dict[str, str]:
    """A readable meaning for every fact name: location fields and derived facts."""
    titles = {AS_OF_FIELD: t("as_of_date", lang)}
    for name, info in Location.model_fields.items():
        if info.description and " / " in info.description:
            en, nl = info.description.split(" / ", 1)
            titles[name] = en if lang == "en" else nl
    for derived in library.derived if library else []:
        titles[derived.name] = getattr(derived.title, lang)
    return titles


def layers_line(layers: Layers, lang: str) -> str:
    """The three layers in one line, beside the headline verdict."""

    def counts(c: Any) -> str:
        return t("layer_counts", lang, passed=c.passed, failed=c.failed, unknown=c.unknown)

    return " · ".join(
        [
            f"{t('layer_law', lang)}: {t(layers.law.value, lang)} ({counts(layers.law_counts)})",
            f"{t('layer_policy', lang)}: {t('policy_' + layers.policy.value, lang)} "
            f"({counts(layers.policy_counts)})",
            f"{t('layer_guidance', lang)}: {counts(layers.guidance_counts)}",
        ]
    )


def show_value(value: Any, lang: str) -> str:
    """A fact's value as reports show it."""
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


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
    layers: str = ""

    def t(self, key: str, **values: object) -> str:
        """The label `key` in the report's language."""
        return t(key, self.lang, **values)


def report_view(report: Report, library: Library | None = None) -> ReportView:
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
    used: dict[str, Any] = {}
    for f in findings:
        used.update(f.facts)
    return ReportView(
        report=report,
        lang=lang,
        fix_first=sorted((f for f in findings if f.outcome == Outcome.fail), key=finding_order),
        counts={o.value: sum(1 for f in findings if f.outcome == o) for o in Outcome},
        dimensions=groups,
        facts_used=[(k, titles.get(k, ""), show_value(used[k], lang)) for k in sorted(used)],
        titles=titles,
        layers=layers_line(report.layers, lang),
    )
