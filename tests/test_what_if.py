"""`check FILE --set FIELD=VALUE`: the same location with some facts changed."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from checker.cli import main

CASES = Path(__file__).resolve().parent.parent / "cases"
SHIP = str(CASES / "ship-permit-holders.yaml")
UNIT = str(CASES / "small-unit-amv-13-14.yaml")


def _run(*args: str):
    return CliRunner().invoke(main, ["check", *args, "--lang", "en"])


def test_a_longer_wait_for_school_makes_the_compliant_unit_non_compliant():
    result = _run(UNIT, "--as-of", "2026-01-15", "--set", "school_access_days_max=120",
                  "--format", "json")  # fmt: skip
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert (data["before"]["verdict"], data["after"]["verdict"]) == ("compliant", "non_compliant")
    assert data["facts"] == [{"field": "school_access_days_max", "before": 21, "after": 120}]
    assert [(c["norm_id"], c["before"], c["after"]) for c in data["changes"]] == [
        ("RCD2013-14.2", "pass", "fail"),
        ("INSP25-3", "pass", "fail"),
    ]
    assert data["changes"][0]["citation"]["text"] == "Directive 2013/33/EU, art. 14(2)"


def test_the_text_shows_verdict_score_and_changed_findings_before_and_after():
    result = _run(UNIT, "--as-of", "2026-01-15", "--set", "school_access_days_max=120")
    out = result.stdout
    school = "Longest time from lodging the asylum application to the first school day"
    assert out.startswith(f"What if: {school}: 21 days → 120 days\n")
    assert "Verdict before: COMPLIANT — Child-friendliness 100/100, child-friendly" in out
    assert "Verdict after: NON-COMPLIANT" in out
    assert f"  {school}: 21 days → 120 days" in out
    assert "RCD2013-14.2     [law/critical] pass → fail: School within three months" in out


def test_the_ship_passes_the_two_month_rule_with_a_shorter_wait_but_stays_non_compliant():
    result = _run(SHIP, "--as-of", "2026-09-01", "--set", "school_access_days_max=50",
                  "--format", "json")  # fmt: skip
    data = json.loads(result.stdout)
    assert [(c["norm_id"], c["after"]) for c in data["changes"]] == [
        ("RCD2024-16.2", "pass"),
        ("INSP25-3.2026", "pass"),
    ]
    assert data["after"]["verdict"] == "non_compliant"
    assert data["after"]["score"]["overall"]["low"] > data["before"]["score"]["overall"]["low"]


def test_an_empty_value_makes_the_fact_unknown():
    result = _run(UNIT, "--as-of", "2026-01-15", "--set", "school_access_days_max=",
                  "--format", "json")  # fmt: skip
    data = json.loads(result.stdout)
    assert data["after"]["verdict"] == "insufficient_information"
    assert data["facts"] == [{"field": "school_access_days_max", "before": 21, "after": None}]
    assert result.exit_code == 1


def test_values_are_read_as_yaml_lists_and_booleans():
    result = _run(SHIP, "--as-of", "2026-01-15", "--set", "populations_admitted=[permit_holders]",
                  "--set", "family_private_unit=true", "--format", "json")  # fmt: skip
    data = json.loads(result.stdout)
    changed = {c["norm_id"]: c["after"] for c in data["changes"]}
    assert changed["RCD2013-18.2a"] == "not_applicable"  # no families any more
    assert changed["VNG-4"] == "not_applicable"


def test_a_wrong_value_gets_the_usual_message_naming_the_field_and_the_option():
    result = _run(SHIP, "--set", "school_access_days_max=abc")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "--set school_access_days_max=abc: field 'school_access_days_max': "
        "expected a whole number, got 'abc'"
    )
    result = _run(SHIP, "--set", "outdoor_play_area=600")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "--set outdoor_play_area=600: field 'outdoor_play_area': unknown field — "
        "did you mean 'outdoor_play_area_m2'?"
    )
    result = _run(SHIP, "--set", "outdoor_play_area_m2")
    assert result.exit_code == 2
    assert "--set outdoor_play_area_m2: not of the form FIELD=VALUE" in result.stderr


def test_what_if_takes_one_file():
    result = _run(str(CASES), "--set", "homework_support=true")
    assert result.exit_code == 2
    assert "--set works on one location file — give exactly one file" in result.stderr
