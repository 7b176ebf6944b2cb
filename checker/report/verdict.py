"""The verdict and the child-friendliness score, exactly as DESIGN.md §3 defines them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from checker.library.model import Dimension, Outcome
from checker.report.findings import Finding

BINDING = {"law", "court"}
SEVERITY_WEIGHT = {"critical": 3, "major": 2, "minor": 1}


class Verdict(str, Enum):
    non_compliant = "non_compliant"
    insufficient_information = "insufficient_information"
    compliant_with_concerns = "compliant_with_concerns"
    compliant = "compliant"

    @property
    def acceptable(self) -> bool:
        return self in (Verdict.compliant, Verdict.compliant_with_concerns)


def decide(binding_fail: bool, binding_unknown: bool, concern: bool) -> Verdict:
    """The verdict from what the applicable norms hold; `concern`: some norm does not pass."""
    if binding_fail:
        return Verdict.non_compliant
    if binding_unknown:
        return Verdict.insufficient_information
    if concern:
        return Verdict.compliant_with_concerns
    return Verdict.compliant


def verdict(findings: list[Finding]) -> Verdict:
    applicable = [f for f in findings if f.outcome != Outcome.not_applicable]
    binding = [f for f in applicable if f.weight in BINDING]
    return decide(
        any(f.outcome == Outcome.fail for f in binding),
        any(f.outcome == Outcome.unknown for f in binding),
        any(f.outcome != Outcome.pass_ for f in applicable),
    )


@dataclass(slots=True)
class Range:
    low: int
    high: int


def dimension_range(total: int, passed: int, open_: int) -> Range:
    """Severity-weighted share that passes; the high end counts the unknowns as passes."""
    return Range(round(100 * passed / total), round(100 * (passed + open_) / total))


def overall(dimensions: list[Range]) -> Range | None:
    """The mean of the dimensions' ranges (None when no dimension has an applicable norm)."""
    if not dimensions:
        return None
    n = len(dimensions)
    return Range(
        round(sum(r.low for r in dimensions) / n), round(sum(r.high for r in dimensions) / n)
    )


@dataclass
class Score:
    overall: Range | None
    dimensions: dict[str, Range]
    band: str | None  # child_friendly | partly_child_friendly | not_child_friendly


def band(low: int) -> str:
    if low >= 80:
        return "child_friendly"
    if low >= 50:
        return "partly_child_friendly"
    return "not_child_friendly"


def score(findings: list[Finding]) -> Score:
    """Severity-weighted share of applicable norms that pass, per dimension, 0-100.

    Unknowns make a range: the low end counts them as failures, the high end as passes.
    """
    # one pass over the findings (this runs for every location of an audit)
    sums: dict[str, list[int]] = {}  # dimension -> [total, passed, open]
    for f in findings:
        if f.outcome == Outcome.not_applicable:
            continue
        weight = SEVERITY_WEIGHT[f.severity]
        sum_ = sums.setdefault(f.dimension, [0, 0, 0])
        sum_[0] += weight
        if f.outcome == Outcome.pass_:
            sum_[1] += weight
        elif f.outcome == Outcome.unknown:
            sum_[2] += weight
    dimensions: dict[str, Range] = {}
    for dimension in Dimension:
        total, passed, open_ = sums.get(dimension.value, (0, 0, 0))
        if not total:
            continue
        dimensions[dimension.value] = dimension_range(total, passed, open_)
    mean = overall(list(dimensions.values()))
    return Score(mean, dimensions, None if mean is None else band(mean.low))


@dataclass
class Layers:
    """Each layer's own outcome (DESIGN.md §3): law = law and court norms, whose verdict is
    the headline verdict; policy meets or not; guidance only counts, never a verdict."""

    law: dict
    policy: dict
    guidance: dict

    def to_dict(self) -> dict:
        return {"law": self.law, "policy": self.policy, "guidance": self.guidance}


def _counts(findings: list[Finding]) -> dict[str, int]:
    return {
        "pass": sum(1 for f in findings if f.outcome == Outcome.pass_),
        "fail": sum(1 for f in findings if f.outcome == Outcome.fail),
        "unknown": sum(1 for f in findings if f.outcome == Outcome.unknown),
    }


def layers(findings: list[Finding]) -> Layers:
    law = _counts([f for f in findings if f.weight in BINDING])
    policy = _counts([f for f in findings if f.weight == "policy"])
    guidance = _counts([f for f in findings if f.weight == "guidance"])
    if policy["fail"]:
        outcome = "does_not_meet"
    elif policy["unknown"]:
        outcome = "unknown"
    elif policy["pass"]:
        outcome = "meets"
    else:
        outcome = "not_applicable"
    return Layers(
        law={"verdict": verdict(findings).value, **law},
        policy={"outcome": outcome, **policy},
        guidance=guidance,
    )
