"""The rows an audit writes for spreadsheets: one per location (the CSV file and the
workbook's Locations sheet share these columns), one per finding that is not a pass, one per
norm. Values are plain (text, whole numbers, None for unknown); words are in the audit's
language (labels of `checker.location.labels`, verdicts from the catalog) beside the codes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from checker.audit.run import Failed, LocationResult
from checker.i18n import t
from checker.library.loader import Library
from checker.location.labels import show
from checker.report.verdict import LAYER_OF_WEIGHT, LAYERS, Counts, policy_outcome

WEIGHTS = ("law", "court", "policy", "guidance")
LOCATION_COLUMNS = [
    "file",
    "id",
    "name",
    "municipality",
    "location_type",
    "operator",
    "residents",
    "children",
    "unaccompanied_minors",
    "verdict",
    "verdict_text",
    "score_low",
    "score_high",
    *(f"failures_{w}" for w in WEIGHTS),
    "failing_norms",
    "waived_norms",
    "expired_waivers",
    "policy_outcome",
    "policy_outcome_text",
    *(f"{layer}_{kind}" for layer in LAYERS for kind in ("pass", "fail", "unknown")),
    "error",
]
FINDING_COLUMNS = [
    "id",
    "name",
    "municipality",
    "norm_id",
    "outcome",
    "outcome_text",
    "weight",
    "layer",
    "severity",
    "title",
    "citation",
    "url",
    "message",
    "remedy",
]
#: outcomes counted per norm; `waived` is a failure with an accepted waiver
NORM_OUTCOMES = ("fail", "waived", "unknown", "pass", "not_applicable")
NORM_COLUMNS = [
    "norm_id",
    "title",
    "weight",
    "layer",
    "severity",
    *(f"{o}_{what}" for o in NORM_OUTCOMES for what in ("locations", "children")),
]


def policy_of(result: LocationResult) -> str:
    """The policy layer's outcome of one audited location (as a report gives it)."""
    passed, failed, unknown = result.layer_counts.get("policy", (0, 0, 0))
    return policy_outcome(Counts(passed, failed, unknown)).value


def _label(name: str, value: Any, lang: str) -> str | None:
    return None if value is None else show(name, value, lang)


def location_row(result: LocationResult | Failed, lang: str) -> list[Any]:
    """The values of `LOCATION_COLUMNS` for one result (a failure: its source and error)."""
    if isinstance(result, Failed):
        return [result.source, *[None] * (len(LOCATION_COLUMNS) - 2), result.message(lang)]
    facts, policy = result.facts, policy_of(result)
    return [
        result.source,
        result.location_id,
        result.name,
        facts.get("municipality"),
        _label("location_type", facts.get("location_type"), lang),
        _label("operator", facts.get("operator"), lang),
        facts.get("occupancy_total"),
        facts.get("children_count"),
        facts.get("unaccompanied_minors_count"),
        result.verdict,
        t(result.verdict, lang),
        result.score_low,
        result.score_high,
        *(result.failures_by_weight.get(w, 0) for w in WEIGHTS),
        ";".join(result.failing),
        ";".join(result.waived),
        ";".join(result.expired),
        policy,
        t(f"policy_{policy}", lang),
        *(n for layer in LAYERS for n in result.layer_counts.get(layer, (0, 0, 0))),
        None,
    ]


def finding_rows(result: LocationResult, lang: str) -> Iterator[list[Any]]:
    """A row of `FINDING_COLUMNS` for each norm of the location that is not passed (fail,
    waived, unknown); needs the location's report (`detail`)."""
    municipality = result.facts.get("municipality")
    for f in (result.report or {}).get("findings", []):
        if f["outcome"] not in ("fail", "unknown"):
            continue
        outcome = "waived" if f["norm_id"] in result.waived else f["outcome"]
        citation = f.get("citation") or {}
        yield [
            result.location_id,
            result.name,
            municipality,
            f["norm_id"],
            outcome,
            t(outcome, lang),
            f["weight"],
            LAYER_OF_WEIGHT[f["weight"]],
            f.get("severity"),
            f.get("title"),
            citation.get("text"),
            citation.get("url"),
            f.get("message"),
            f.get("remedy"),
        ]


@dataclass
class NormCounts:
    """Per norm and outcome: the locations and the children they house."""

    counts: dict[str, dict[str, list[int]]] = field(default_factory=dict)

    def add(self, result: LocationResult) -> None:
        """Count one location's outcomes (its `outcomes`, kept with `detail`)."""
        children = result.facts.get("children_count") or 0
        for norm_id, outcome in (result.outcomes or {}).items():
            cell = self.counts.setdefault(norm_id, {o: [0, 0] for o in NORM_OUTCOMES})
            cell[outcome][0] += 1
            cell[outcome][1] += children

    def rows(self, library: Library, lang: str) -> list[list[Any]]:
        """A row of `NORM_COLUMNS` per norm that was assessed, in library order."""
        out = []
        for n in library.norms:
            cell = self.counts.get(n.id)
            if cell is None:
                continue
            weight = n.weight.value
            out.append(
                [
                    n.id,
                    n.norm.title.nl if lang == "nl" else n.norm.title.en,
                    weight,
                    LAYER_OF_WEIGHT[weight],
                    n.norm.severity.value,
                    *(v for o in NORM_OUTCOMES for v in cell[o]),
                ]
            )
        return out
