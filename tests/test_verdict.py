"""The verdict and score rules of DESIGN.md §3, on findings made for the purpose."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from checker.library.citation import Citation
from checker.library.model import Outcome
from checker.location.loader import location_from_mapping
from checker.report.findings import Finding
from checker.report.verdict import layers, score, verdict

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


def test_each_layer_gets_its_own_outcome_beside_the_headline_verdict():
    findings = [
        *[_f("pass", "law")] * 2,
        _f("pass", "court"),
        _f("fail", "law"),
        *[_f("unknown", "court")] * 2,
        *[_f("pass", "policy")] * 2,
        _f("fail", "policy"),
        *[_f("pass", "guidance")] * 5,
        *[_f("fail", "guidance")] * 2,
        *[_f("unknown", "guidance")] * 4,
        _f("not_applicable", "policy"),
    ]
    assert layers(findings).to_dict() == {
        "law": {"verdict": "non_compliant", "pass": 3, "fail": 1, "unknown": 2},
        "policy": {"outcome": "does_not_meet", "pass": 2, "fail": 1, "unknown": 0},
        "guidance": {"pass": 5, "fail": 2, "unknown": 4},
    }


def test_the_policy_outcome_is_unknown_before_meets_and_not_applicable_without_policy():
    def policy(*outcomes: str) -> str:
        return layers([_f(o, "policy") for o in outcomes]).policy.value

    assert policy("pass", "unknown") == "unknown"
    assert policy("pass", "pass") == "meets"
    assert policy("not_applicable") == "not_applicable"
    assert policy() == "not_applicable"
    assert policy("unknown", "fail") == "does_not_meet"


def test_fourteen_months_against_the_six_month_cap_shows_in_the_policy_layer(checker):
    """A location compliant in law but breaking COA's cap does not read as simply compliant."""
    case = Path(__file__).resolve().parent.parent / "cases" / "small-unit-amv-13-14.yaml"
    data = yaml.safe_load(case.read_text())
    data.update(location_type="emergency_shelter", stay_children_max_months=14.0)
    report = checker.check(location_from_mapping(data, "case"), dt.date(2026, 1, 15), "en")
    assert report.verdict.value == report.layers.law.value
    assert report.layers.policy.value == "does_not_meet"
    assert "COA-NO-3" in [f.norm_id for f in report.findings if f.outcome.value == "fail"]
