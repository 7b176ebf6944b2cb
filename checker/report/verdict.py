"""The verdict and the child-friendliness score, exactly as DESIGN.md §3 defines them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from checker.library.model import Dimension, Outcome
from checker.report.findings import Finding

BINDING = {"law", "court"}
SEVERITY_WEIGHT = {"critical": 3, "major": 2, "minor": 1}


class Verdict(str, Enum):  # noqa: D101 (a docstring would become text of report.schema.json)
    non_compliant = "non_compliant"
    insufficient_information = "insufficient_information"
    compliant_with_concerns = "compliant_with_concerns"
    compliant = "compliant"

    @property
    def acceptable(self) -> bool:
        """True for compliant and compliant with concerns (exit code 0)."""
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
    """The verdict the findings give."""
    applicable = [f for f in findings if f.outcome != Outcome.not_applicable]
    binding = [f for f in applicable if f.weight in BINDING]
    return decide(
        any(f.outcome == Outcome.fail for f in binding),
        any(f.outcome == Outcome.unknown for f in binding),
        any(f.outcome != Outcome.pass_ for f in applicable),
    )


class PolicyOutcome(str, Enum):
    """The outcome of the policy layer (COA's and the municipalities' own requirements)."""

    meets = "meets"
    does_not_meet = "does_not_meet"
    unknown = "unknown"
    not_applicable = "not_applicable"


@dataclass(slots=True)
class Counts:
    """How many norms of a layer pass, fail and are unknown."""

    passed: int = 0
    failed: int = 0
    unknown: int = 0

    def to_dict(self) -> dict[str, int]:
        """The counts as JSON data."""
        return {"pass": self.passed, "fail": self.failed, "unknown": self.unknown}


@dataclass
class Layers:
    """Each layer of the library on its own (DESIGN.md §3, "Per layer"): the law layer's
    outcome is the headline verdict, policy gets an outcome, guidance only counts."""

    law: Verdict
    law_counts: Counts
    policy: PolicyOutcome
    policy_counts: Counts
    guidance_counts: Counts

    def to_dict(self) -> dict[str, dict]:
        """The `layers` object of the JSON report."""
        return {
            "law": {"verdict": self.law.value, **self.law_counts.to_dict()},
            "policy": {"outcome": self.policy.value, **self.policy_counts.to_dict()},
            "guidance": self.guidance_counts.to_dict(),
        }


LAYER_OF_WEIGHT = {"law": "law", "court": "law", "policy": "policy", "guidance": "guidance"}
LAYERS = ("law", "policy", "guidance")


def policy_outcome(counts: Counts) -> PolicyOutcome:
    """Does not meet if a policy norm fails, else unknown, else meets; n/a if none applies."""
    if counts.failed:
        return PolicyOutcome.does_not_meet
    if counts.unknown:
        return PolicyOutcome.unknown
    if counts.passed:
        return PolicyOutcome.meets
    return PolicyOutcome.not_applicable


def layers(findings: list[Finding]) -> Layers:
    """The outcome of each layer (law, policy, guidance) from a report's findings."""
    counts = {layer: Counts() for layer in LAYERS}
    for f in findings:
        c = counts[LAYER_OF_WEIGHT[f.weight]]
        if f.outcome == Outcome.pass_:
            c.passed += 1
        elif f.outcome == Outcome.fail:
            c.failed += 1
        elif f.outcome == Outcome.unknown:
            c.unknown += 1
    return Layers(
        verdict(findings),
        counts["law"],
        policy_outcome(counts["policy"]),
        counts["policy"],
        counts["guidance"],
    )


@dataclass(slots=True)
class Range:
    """A score from its low end (unknowns fail) to its high end (unknowns pass)."""

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
    """The child-friendliness score: overall, per dimension, and its band."""

    overall: Range | None
    dimensions: dict[str, Range]
    band: str | None  # child_friendly | partly_child_friendly | not_child_friendly


def band(low: int) -> str:
    """The band of a score's low end."""
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
