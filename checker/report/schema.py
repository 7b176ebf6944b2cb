"""The JSON Schema of a report (`Report.to_dict`), the contract other tools read.

The models here only describe that contract; the report itself is built from
dataclasses. The tests validate every JSON output against the generated schema,
so a change to `Report.to_dict` that is not made here too fails them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import JsonDict

from checker.i18n import LANGUAGES
from checker.library.model import Dimension, Outcome, Severity, Weight
from checker.report.coming_changes import ENTERS, EXPIRES
from checker.report.verdict import PolicyOutcome, Verdict

SCHEMA_ID = "https://opvangtoets.nl/schemas/report.schema.json"

FactValue = str | int | float | bool | list[str | int | float]


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _drop_default(schema: JsonDict) -> None:
    schema.pop("default", None)


def _absent_unless(description: str, **constraints: Any) -> Any:
    """A key `to_dict` leaves out rather than setting to null (so no null default)."""
    return Field(
        default=None,
        description=description,
        json_schema_extra=_drop_default,
        **constraints,
    )


# remedy is there exactly for fail and unknown; missing only for unknown, and left out where
# every fact is given but cannot decide (a day count between the lengths of N months).
_FINDING_KEYS_BY_OUTCOME: JsonDict = {
    "allOf": [
        {
            "if": {"properties": {"outcome": {"enum": ["fail", "unknown"]}}},
            "then": {"required": ["remedy"]},
            "else": {"not": {"required": ["remedy"]}},
        },
        {
            "if": {"not": {"properties": {"outcome": {"const": "unknown"}}}},
            "then": {"not": {"required": ["missing"]}},
        },
    ]
}


class LocationRef(_Closed):
    id: str
    name: str
    file: str | None = Field(description="The location file as given on the command line")


class ScoreRange(_Closed):
    low: int = Field(ge=0, le=100, description="Unknown facts counted as failing")
    high: int = Field(ge=0, le=100, description="Unknown facts counted as passing")


class ScoreOut(_Closed):
    overall: ScoreRange | None = Field(description="Mean of the dimensions; null if none apply")
    band: Literal["child_friendly", "partly_child_friendly", "not_child_friendly"] | None
    dimensions: dict[Dimension, ScoreRange] = Field(
        description="Only dimensions with applicable norms"
    )


class CitationOut(_Closed):
    instrument: str
    article: str | None
    paragraph: str | None
    point: str | None
    url: str = Field(pattern=r"^https://", description="The official text, in the report language")
    text: str = Field(description="The whole citation as a reader quotes it")
    verified: Literal["official", "copy", "secondary", "none"] = Field(
        description="What the citation was checked against (none: not obtained)"
    )
    remark: str | None = Field(
        description="Null when checked against the official text; otherwise what to say "
        "beside the citation ('citation not verified against the official text')"
    )


class FindingOut(_Closed):
    model_config = ConfigDict(json_schema_extra=_FINDING_KEYS_BY_OUTCOME)
    norm_id: str
    outcome: Outcome
    weight: Weight
    severity: Severity
    dimension: Dimension
    title: str
    message: str = Field(description="The fact and the threshold, or why the norm does not apply")
    facts: dict[str, FactValue] = Field(description="The known facts the norm looked at")
    citation: CitationOut
    remedy: str = _absent_unless("What to do; only for fail and unknown")
    missing: list[str] = _absent_unless(
        "Facts to find out; only for unknown, and absent where the facts given cannot decide",
        min_length=1,
    )
    aliases: list[str] = _absent_unless(
        "Earlier ids of the norm, only when it was renamed", min_length=1
    )
    evidence: list[FactEvidenceOut] = _absent_unless(
        "Only when the file has described_on, sources or evidence: what each fact used rests on"
    )
    rests_on: list[Literal["estimate", "planned"]] = _absent_unless(
        "Only with evidence: the finding rests on an estimate or a plan"
    )
    may_be_out_of_date: bool = _absent_unless(
        "Only with evidence: every dated fact it rests on is older than --max-fact-age"
    )
    waiver: WaiverOut = _absent_unless(
        "Only in `opvangtoets audit --waivers` output: the accepted deviation for a failure"
    )


class SourceOut(_Closed):
    id: str
    title: str
    publisher: str | None
    url: str | None
    date: str | None = Field(description="Day (YYYY-MM-DD) or month (YYYY-MM) of the source")


class FactEvidenceOut(_Closed):
    fact: str = Field(description="A location field the finding rests on")
    sources: list[SourceOut]
    kind: Literal["observed", "reported", "planned", "estimate"] | None
    date: str | None = Field(
        description="Day or month the fact held: its own date, else the description's"
    )
    old: bool = Field(description="Dated more than --max-fact-age months before the check")


class SourceWithFindings(SourceOut):
    findings: list[str] = Field(description="The applicable norms whose findings rest on it")


class WaiverOut(_Closed):
    status: Literal["waived", "expired"]
    justification: str
    accepted_by: str
    expires: dt.date
    file: str = Field(description="The waiver file")
    line: int | None = Field(description="Line of the waiver in that file")


class FactToCollectOut(_Closed):
    field: str
    binding_norms: list[str] = Field(description="Law and court norms waiting for this fact")
    other_norms: list[str] = Field(description="Policy and guidance norms waiting for this fact")


class ComingChangeOut(_Closed):
    date: dt.date
    change: Literal[ENTERS, EXPIRES]  # type: ignore[valid-type]
    norm_id: str
    title: str
    replaces: str | None
    outcome_now: Outcome | None
    outcome_then: Outcome | None
    message: str
    citation: CitationOut


class ComingBreachOut(_Closed):
    date: dt.date = Field(description="The first day of the new outcome")
    norm_id: str
    title: str
    outcome_before: Outcome = Field(description="The outcome on the day before")
    outcome_then: Outcome
    because: str = Field(description="The date in the file and the months counted from it")
    message: str = Field(description="The finding on that day")
    citation: CitationOut


class LayerCounts(_Closed):
    model_config = ConfigDict(populate_by_name=True)
    pass_: int = Field(alias="pass", ge=0, description="Applicable norms that pass")
    fail: int = Field(ge=0, description="Applicable norms that fail")
    unknown: int = Field(ge=0, description="Applicable norms whose facts are missing")


class LawLayer(LayerCounts):
    verdict: Verdict = Field(description="The headline verdict: law and court norms decide it")


class PolicyLayer(LayerCounts):
    outcome: PolicyOutcome = Field(
        description="does_not_meet if a policy norm fails, else unknown if one is unknown, "
        "else meets if one passes, else not_applicable"
    )


class LayersOut(_Closed):
    law: LawLayer = Field(description="Weight law and court")
    policy: PolicyLayer = Field(description="Weight policy: COA's requirements, VNG preconditions")
    guidance: LayerCounts = Field(description="Weight guidance: counts only, never a verdict")


class WarningMessage(_Closed):
    en: str
    nl: str


class WarningOut(_Closed):
    kind: str = Field(
        description="inconsistent_facts, far_above_capacity (shown first), or a kind another "
        "stage adds"
    )
    facts: list[str] = Field(description="The facts the warning is about")
    message: WarningMessage


class ReportOut(_Closed):
    """One checked location. Checking several files gives a JSON array of these."""

    model_config = ConfigDict(title="opvangtoets report")
    location: LocationRef
    as_of: dt.date
    lang: Literal[LANGUAGES]  # type: ignore[valid-type]
    verdict: Verdict
    layers: LayersOut = Field(description="The outcome of each layer beside the headline verdict")
    score: ScoreOut
    findings: list[FindingOut]
    facts_to_collect: list[FactToCollectOut] = Field(
        description="Unknown facts, most law/court norms waiting first"
    )
    coming_changes: list[ComingChangeOut] = Field(
        description="Changes in the law within a year that change an outcome here"
    )
    coming_breaches: list[ComingBreachOut] = Field(
        description="Days within two years on which an outcome changes by time alone (months "
        "counted from a date in the file), each confirmed on that day and the day before"
    )
    norms_version: str = Field(description="Content hash of the norm library")
    warnings: list[WarningOut] = Field(
        description="Facts that look inconsistent but were checked (e.g. over capacity); "
        "far_above_capacity first; old_description, old_fact and fact_after_check_date for "
        "dated evidence"
    )
    described_on: dt.date | None = _absent_unless(
        "Only when the file has described_on, sources or evidence: the date the description holds"
    )
    sources: list[SourceWithFindings] = _absent_unless(
        "Only when the file has described_on, sources or evidence: every source, with its findings"
    )
    verdict_rests_on: list[Literal["estimate", "planned"]] = _absent_unless(
        "Only with evidence: the headline verdict rests on an estimate or a plan"
    )


def report_json_schema() -> dict[str, Any]:
    """The JSON Schema of the JSON report (shipped as report.schema.json)."""
    schema = ReportOut.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}
