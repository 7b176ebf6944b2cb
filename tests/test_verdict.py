"""The verdict and score rules of DESIGN.md §3, on findings made for the purpose."""

from __future__ import annotations

from checker.library.citation import Citation
from checker.library.model import Outcome
from checker.report.findings import Finding
from checker.report.verdict import score, verdict

CITE = Citation("T", "1", None, None, "https://example.org/", "T, art. 1")


def _f(
    outcome: str, weight: str = "law", severity: str = "major", dimension: str = "education"
) -> Finding:
    return Finding("X-1", Outcome(outcome), weight, severity, dimension, "t", "m", {}, CITE)


def test_a_failing_court_norm_makes_a_location_non_compliant_even_with_unknown_law():
    assert verdict([_f("fail", "court"), _f("unknown", "law")]).value == "non_compliant"


def test_an_unknown_law_norm_without_binding_failures_is_insufficient_information():
    assert verdict([_f("pass"), _f("unknown"), _f("fail", "policy")]).value == (
        "insufficient_information"
    )


def test_a_failing_guidance_norm_leaves_the_location_compliant_with_concerns():
    assert verdict([_f("pass"), _f("fail", "guidance")]).value == "compliant_with_concerns"


def test_not_applicable_norms_do_not_count():
    assert verdict([_f("pass"), _f("not_applicable", "policy")]).value == "compliant"


def test_the_score_weighs_severity_and_gives_a_range_for_unknowns():
    s = score(
        [
            _f("pass", severity="critical"),
            _f("fail", severity="minor"),
            _f("unknown", severity="major"),
            _f("pass", dimension="health"),
            _f("not_applicable", dimension="safety"),
        ]
    )
    assert (s.dimensions["education"].low, s.dimensions["education"].high) == (50, 83)
    assert (s.dimensions["health"].low, s.dimensions["health"].high) == (100, 100)
    assert "safety" not in s.dimensions
    assert (s.overall.low, s.overall.high, s.band) == (75, 92, "partly_child_friendly")
