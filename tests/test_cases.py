"""Golden tests: every shipped case keeps its verdict and its failing norms.

All checks are made as of 15 January 2026 (under Directive 2013/33/EU) unless a test
says otherwise, so the results do not drift with today's date.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from checker.cli import main

CASES = Path(__file__).resolve().parent.parent / "cases"
AS_OF = dt.date(2026, 1, 15)
# The shipped, illustrative cases; the real ones in cases/real/ have their own golden test.
SHIPPED = [str(p) for p in sorted(CASES.glob("*.yaml"))]

GOLDEN = {
    "family-location": (
        "compliant_with_concerns",
        ["NGO-2", "VNG-1"],
        ["COA-CAP-2", "EUAA-GEN-14.repair", "EUAA-GEN-def.window"],
    ),
    "hotel-crisis-amv": (
        "non_compliant",
        [
            "COA-NO-3",
            "CRC-12",
            "CRC-12.complaints",
            "CRC-19",
            "CRC-20",
            "CRC-24",
            "CRC-28",
            "CRC-3.1",
            "CRC-3.3",
            "CRC-31",
            "CRC-39",
            "CRT-HOF22-2",
            "CRT-HOF22-3.edu",
            "CRT-HOF22-3.play",
            "CRT-RB22-1.uam",
            "EUAA-GEN-1.2",
            "EUAA-GEN-1.2-secondary",
            "EUAA-GEN-11.1",
            "EUAA-GEN-11.3",
            "EUAA-UAC-16.1a",
            "EUAA-UAC-16.1b",
            "EUAA-UAC-16.1c",
            "EUAA-UAC-16.4",
            "EUAA-UAC-28.2",
            "EUAA-UAC-45.4",
            "EUAA-UAC-46.1",
            "INSP23-1",
            "INSP25-2",
            "INSP25-3",
            "INSP25-3.health",
            "INSP25-4",
            "KO-PLAY-OUT",
            "KOM-2023-1",
            "KOM-KRT-1",
            "NGO-1",
            "NGO-2",
            "NGO-4",
            "RCD2013-14.2",
            "RCD2013-14.2-prep",
            "RCD2013-18.4",
            "RCD2013-18.7",
            "RCD2013-21",
            "RCD2013-23.1",
            "RCD2013-23.2",
            "RCD2013-23.3",
            "RCD2013-23.4",
            "RCD2013-24.4",
            "VNG-1",
            "VNG-2",
            "VNG-3",
        ],
        [
            "COA-CAP-2",
            "COA-NO-2.use",
            "COA-NO-3.residents",
            "EUAA-GEN-14.repair",
            "EUAA-GEN-def.window",
            "EUAA-UAC-1.1",
            "EUAA-UAC-14.1",
            "EUAA-UAC-8.2",
            "RCD2013-24.2-siblings",
        ],
    ),
    "office-emergency-shelter": (
        "insufficient_information",
        ["COA-NO-2", "KO-PLAY-OUT", "VNG-1"],
        [
            "COA-CAP-2",
            "COA-NO-1",
            "COA-NO-2.use",
            "COA-NO-3",
            "COA-NO-3.residents",
            "CRC-12",
            "CRC-12.complaints",
            "CRC-19",
            "CRC-24",
            "CRC-28",
            "CRC-3.1",
            "CRC-3.3",
            "CRC-39",
            "CRT-HOF22-3.edu",
            "EUAA-GEN-1.2-health",
            "EUAA-GEN-11.1",
            "EUAA-GEN-11.3",
            "EUAA-GEN-14.1",
            "EUAA-GEN-14.repair",
            "EUAA-GEN-5.3",
            "EUAA-GEN-def.window",
            "INSP23-1",
            "INSP25-3",
            "INSP25-3.health",
            "INSP25-4",
            "KOM-KRT-1",
            "NGO-1",
            "NGO-2",
            "NGO-4",
            "RCD2013-14.2",
            "RCD2013-18.7",
            "RCD2013-18.9",
            "RCD2013-19.1",
            "RCD2013-21",
            "RCD2013-23.1",
            "RCD2013-23.2",
            "RCD2013-23.4",
            "SPHERE-WASH-3.2.showers",
            "SPHERE-WASH-3.2.toilets",
        ],
    ),
    "process-location-amv-80": (
        "non_compliant",
        [
            "CRC-12",
            "CRC-16",
            "CRC-20",
            "CRC-28",
            "CRC-3.1",
            "CRC-3.3",
            "CRC-39",
            "EUAA-GEN-def",
            "EUAA-UAC-16.1a",
            "EUAA-UAC-16.1b",
            "EUAA-UAC-16.1c",
            "EUAA-UAC-16.4",
            "EUAA-UAC-28.2",
            "EUAA-UAC-46.1",
            "INSP25-3",
            "KOM-KRT-1",
            "NGO-1",
            "NGO-2",
            "NGO-3",
            "NGO-4",
            "RCD2013-14.2",
            "RCD2013-18.7",
            "RCD2013-23.1",
            "RCD2013-23.2",
            "RCD2013-23.3",
            "RCD2013-23.4",
            "RCD2013-24.4",
            "VNG-1",
            "VNG-2",
        ],
        ["COA-CAP-2", "EUAA-GEN-14.repair", "EUAA-GEN-def.window", "RCD2013-21"],
    ),
    "regular-azc-families": (
        "compliant_with_concerns",
        ["KOM-KRT-1", "NGO-2", "NGO-4", "VNG-2"],
        ["COA-CAP-2", "EUAA-GEN-14.repair", "EUAA-GEN-def.window"],
    ),
    "ship-permit-holders": (
        "non_compliant",
        [
            "COA-NO-2",
            "COA-NO-3",
            "CRC-12",
            "CRC-28",
            "CRC-3.1",
            "CRC-3.3",
            "CRC-31",
            "CRC-39",
            "CRT-HOF22-3.edu",
            "EUAA-GEN-5.1",
            "INSP23-1",
            "INSP25-2",
            "KO-PLAY-OUT",
            "KOM-KRT-1",
            "NGO-1",
            "NGO-2",
            "NGO-4",
            "RCD2013-18.2a",
            "RCD2013-18.7",
            "RCD2013-21",
            "RCD2013-23.1",
            "RCD2013-23.2",
            "RCD2013-23.3",
            "RCD2013-23.4",
            "VNG-1",
            "VNG-2",
            "VNG-3",
            "VNG-4",
        ],
        [
            "COA-CAP-2",
            "COA-NO-2.use",
            "COA-NO-3.residents",
            "EUAA-GEN-14.repair",
            "EUAA-GEN-def.window",
        ],
    ),
    "ship-permit-holders-improved": (
        "compliant_with_concerns",
        [
            "COA-NO-2",
            "COA-NO-3",
            "EUAA-GEN-5.1",
            "INSP25-2",
            "KO-PLAY-OUT",
            "NGO-2",
            "VNG-1",
            "VNG-2",
        ],
        [
            "COA-CAP-2",
            "COA-NO-2.use",
            "COA-NO-3.residents",
            "EUAA-GEN-14.repair",
            "EUAA-GEN-def.window",
        ],
    ),
    "small-unit-amv-13-14": ("compliant", [], []),
    "sports-hall-crisis": (
        "non_compliant",
        [
            "COA-LOC-1",
            "COA-NO-2",
            "CRC-12",
            "CRC-12.complaints",
            "CRC-16",
            "CRC-19",
            "CRC-24",
            "CRC-27",
            "CRC-28",
            "CRC-3.1",
            "CRC-3.3",
            "CRC-31",
            "CRC-39",
            "CRT-HOF22-2",
            "CRT-HOF22-3.edu",
            "CRT-RB22-1",
            "EUAA-GEN-1.2-secondary",
            "EUAA-GEN-11.1",
            "EUAA-GEN-11.3",
            "EUAA-GEN-2.4",
            "EUAA-GEN-5.1",
            "EUAA-GEN-5.3",
            "EUAA-GEN-6.1",
            "EUAA-GEN-def",
            "INSP23-1",
            "INSP25-3.health",
            "INSP25-4",
            "KO-PLAY-OUT",
            "KOM-2023-1",
            "KOM-KRT-1",
            "NGO-1",
            "NGO-2",
            "NGO-4",
            "RCD2013-14.2-prep",
            "RCD2013-18.2a",
            "RCD2013-18.4",
            "RCD2013-18.7",
            "RCD2013-21",
            "RCD2013-23.1",
            "RCD2013-23.2",
            "RCD2013-23.3",
            "RCD2013-23.4",
            "SPHERE-WASH-3.2.locks",
            "VNG-1",
            "VNG-3",
            "VNG-4",
        ],
        [
            "COA-CAP-2",
            "COA-NO-2.use",
            "COA-NO-3.residents",
            "EUAA-GEN-14.repair",
            "EUAA-GEN-def.window",
        ],
    ),
}


def _ids(report, outcome: str) -> list[str]:
    return sorted(f.norm_id for f in report.findings if f.outcome.value == outcome)


def test_every_shipped_case_has_a_golden_result():
    assert sorted(p.stem for p in CASES.glob("*.yaml")) == sorted(GOLDEN)


def test_the_cases_cover_all_four_verdicts():
    assert {verdict for verdict, _, _ in GOLDEN.values()} == {
        "compliant",
        "compliant_with_concerns",
        "non_compliant",
        "insufficient_information",
    }


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_a_shipped_case_keeps_its_verdict_and_its_failing_norms(checker, name):
    verdict, failing, unknown = GOLDEN[name]
    report = checker.check_file(CASES / f"{name}.yaml", AS_OF, "en")
    assert (report.verdict.value, _ids(report, "fail"), _ids(report, "unknown")) == (
        verdict,
        failing,
        unknown,
    )


def _ship_json(as_of: str) -> dict:
    result = CliRunner().invoke(
        main,
        [
            "check",
            str(CASES / "ship-permit-holders.yaml"),
            "--as-of",
            as_of,
            "--format",
            "json",
            "--lang",
            "en",
        ],
    )
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def test_the_ship_is_judged_on_the_three_month_schooling_rule_before_june_2026():
    report = _ship_json("2026-01-15")
    school = {f["norm_id"]: f for f in report["findings"]}
    assert school["RCD2013-14.2"]["outcome"] == "pass"
    assert school["RCD2013-14.2"]["citation"]["text"] == "Directive 2013/33/EU, art. 14(2)"
    assert "first school day: at most 3 months" in school["RCD2013-14.2"]["message"]
    assert school["RCD2024-16.2"]["outcome"] == "not_applicable"
    assert school["RCD2024-16.2"]["message"] == "not in force on 15 January 2026"


def test_the_ship_fails_the_two_month_schooling_rule_after_june_2026():
    report = _ship_json("2026-09-01")
    school = {f["norm_id"]: f for f in report["findings"]}
    finding = school["RCD2024-16.2"]
    assert finding["outcome"] == "fail"
    assert finding["citation"]["text"] == "Directive (EU) 2024/1346, art. 16(2)"
    assert finding["citation"]["url"].startswith("https://eur-lex.europa.eu/")
    assert finding["message"] == (
        "Longest time from lodging the asylum application to the first school day: 75 days"
        " — required: at most 2 months (59–62 days; school holidays not modelled)"
    )
    assert finding["facts"]["school_access_days_max"] == 75
    assert school["RCD2013-14.2"]["outcome"] == "not_applicable"


def test_json_output_has_the_contracted_shape():
    report = _ship_json("2026-09-01")
    assert set(report) >= {"location", "as_of", "verdict", "score", "findings", "norms_version"}
    assert set(report["score"]["overall"]) == {"low", "high"}
    assert all(set(r) == {"low", "high"} for r in report["score"]["dimensions"].values())
    finding = report["findings"][0]
    assert set(finding) >= {
        "norm_id",
        "outcome",
        "weight",
        "severity",
        "dimension",
        "message",
        "facts",
        "citation",
    }
    assert set(finding["citation"]) >= {"instrument", "article", "url", "text"}


def test_dutch_citations_use_lid(checker):
    report = checker.check_file(CASES / "ship-permit-holders.yaml", dt.date(2026, 9, 1), "nl")
    texts = {f.norm_id: f.citation.text for f in report.findings}
    assert texts["RCD2024-16.2"] == "Richtlijn (EU) 2024/1346, art. 16 lid 2"
    assert texts["CRC-31"] == "IVRK art. 31"
    assert texts["CRT-RB22-1"] == (
        "Uitspraken over opvang (2022): Rb. Den Haag 6 oktober 2022, ECLI:NL:RBDHA:2022:10210"
    )


def test_removing_a_fact_a_law_norm_needs_makes_the_compliant_case_insufficiently_known(
    checker, tmp_path
):
    data = yaml.safe_load((CASES / "small-unit-amv-13-14.yaml").read_text())
    del data["school_access_days_max"]
    path = tmp_path / "unit.yaml"
    path.write_text(yaml.safe_dump(data))
    report = checker.check_file(path, AS_OF, "en")
    assert report.verdict.value == "insufficient_information"
    finding = next(f for f in report.findings if f.norm_id == "RCD2013-14.2")
    assert finding.outcome.value == "unknown"
    assert finding.missing == ["school_access_days_max"]
    assert finding.message == (
        "missing: Longest time from lodging the asylum application to the first school day"
    )
    assert report.score.overall.low < report.score.overall.high


def test_checking_the_case_directory_prints_a_verdict_for_every_case():
    result = CliRunner().invoke(
        main, ["check", *SHIPPED, "--lang", "en", "--as-of", AS_OF.isoformat()]
    )
    assert result.exit_code == 1
    assert result.stdout.count("Verdict: ") == len(GOLDEN)


def test_the_ship_report_announces_the_two_month_schooling_rule_three_months_ahead():
    report = _ship_json("2026-03-01")
    changes = {c["norm_id"]: c for c in report["coming_changes"]}
    school = changes["RCD2024-16.2"]
    assert school["date"] == "2026-06-12"
    assert school["change"] == "enters_into_force"
    assert school["replaces"] == "RCD2013-14.2"
    assert (school["outcome_now"], school["outcome_then"]) == ("pass", "fail")
    assert "75 days — required: at most 2 months" in school["message"]
    assert _ship_json("2026-09-01")["coming_changes"] == []


def test_the_office_report_ranks_the_facts_to_find_out_by_the_binding_norms_waiting(checker):
    report = checker.check_file(CASES / "office-emergency-shelter.yaml", AS_OF, "en")
    ranked = report.facts_to_collect
    assert ranked, "the office case has unknown facts"
    waiting = [len(f.binding_norms) for f in ranked]
    assert waiting == sorted(waiting, reverse=True)
    unknown = {f.norm_id for f in report.findings if f.outcome.value == "unknown"}
    assert set(ranked[0].binding_norms) <= unknown


@pytest.mark.parametrize(
    ("as_of", "in_force", "outcome", "out_of_force"),
    [
        ("2026-06-11", "RCD2013-14.2", "pass", "RCD2024-16.2"),
        ("2026-06-12", "RCD2024-16.2", "fail", "RCD2013-14.2"),
    ],
)
def test_the_ship_switches_schooling_rule_on_12_june_2026(as_of, in_force, outcome, out_of_force):
    school = {f["norm_id"]: f for f in _ship_json(as_of)["findings"]}
    assert school[in_force]["outcome"] == outcome
    assert school[out_of_force]["outcome"] == "not_applicable"
    day = dt.date.fromisoformat(as_of)
    assert school[out_of_force]["message"] == f"not in force on {day.day} June 2026"


def test_a_location_with_only_babies_is_not_judged_on_schooling(checker, tmp_path):
    data = yaml.safe_load((CASES / "ship-permit-holders.yaml").read_text())
    data["school_age_children_count"] = 0
    data["school_age_children_not_in_school_count"] = 0  # none of school age, so none out of it
    path = tmp_path / "babies.yaml"
    path.write_text(yaml.safe_dump(data))
    report = checker.check_file(path, AS_OF, "en")
    outcomes = {f.norm_id: f.outcome.value for f in report.findings}
    assert outcomes["RCD2013-14.2"] == "not_applicable"
    assert outcomes["CRC-28"] == "not_applicable"
    assert outcomes["RCD2013-23.3"] == "fail"  # play is still judged for babies
