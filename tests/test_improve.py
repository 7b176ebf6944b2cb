"""`opvangtoets improve`: the plan is proved by re-checking the written location."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from checker.api import Checker
from checker.cli import main
from checker.location import labels as field_labels
from checker.location.loader import load_location
from checker.plan.improve import add_months

CASES = Path(__file__).resolve().parent.parent / "cases"
DATES = ["2026-01-15", "2026-09-01"]  # under Directive 2013/33/EU, and after the 2024 directive


def _non_compliant_cases() -> list[tuple[str, str]]:
    checker = Checker()
    return [
        (path.stem, day)
        for day in DATES
        for path in sorted(CASES.glob("*.yaml"))
        if checker.check_file(path, dt.date.fromisoformat(day)).verdict.value == "non_compliant"
    ]


#: Cases a plan cannot make lawful by changing facts of the location: the hotel used as crisis
#: shelter houses unaccompanied minors, whom the 2022 court order bars from crisis shelter, and
#: moving them out conflicts with the norms on their care there (see the test below).
NEEDS_ANOTHER_LOCATION = {"hotel-crisis-amv"}
NON_COMPLIANT = [c for c in _non_compliant_cases() if c[0] not in NEEDS_ANOTHER_LOCATION]


def test_minors_in_crisis_shelter_need_another_location_not_a_better_plan():
    hotel = str(CASES / "hotel-crisis-amv.yaml")
    result = _run("improve", hotel, "--target", "compliant_with_concerns",
                  "--as-of", "2026-01-15", "--format", "json")  # fmt: skip
    assert result.exit_code == 1
    plan = json.loads(result.stdout)
    assert plan["reached"] is False
    obstacles = {o["norm_id"]: o for o in plan["obstacles"]}
    assert obstacles["CRT-RB22-1.uam"]["reason"] == "conflict"
    assert "CRC-20" in obstacles["CRT-RB22-1.uam"]["conflicts_with"]


def _run(*args: str):
    return CliRunner().invoke(main, [*args])


def test_there_are_non_compliant_cases_on_both_dates():
    assert {day for _, day in NON_COMPLIANT} == set(DATES)
    assert ("ship-permit-holders", "2026-01-15") in NON_COMPLIANT


@pytest.mark.parametrize(("name", "day"), NON_COMPLIANT)
def test_improving_a_non_compliant_case_gives_a_file_that_checks_compliant_with_concerns(
    tmp_path, name, day
):
    out = tmp_path / f"{name}.yaml"
    result = _run(
        "improve", str(CASES / f"{name}.yaml"), "--target", "compliant_with_concerns",
        "--output", str(out), "--as-of", day, "--format", "json", "--lang", "en",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)
    assert plan["reached"] is True
    assert plan["before"]["verdict"] == "non_compliant"
    assert plan["changes"], "a non-compliant case needs at least one change"
    checked = _run("check", str(out), "--as-of", day, "--format", "json", "--lang", "en")
    assert checked.exit_code == 0, checked.output
    assert json.loads(checked.stdout)["verdict"] == "compliant_with_concerns"
    # every changed fact is marked in the written file, and nothing else changed
    lines = {line.split(":")[0]: line for line in out.read_text().splitlines()}
    for change in plan["changes"]:
        assert (
            "# improved: was " in lines[change["field"]] or "# to confirm" in lines[change["field"]]
        )
    original = yaml.safe_load((CASES / f"{name}.yaml").read_text())
    improved = yaml.safe_load(out.read_text())
    changed = {c["field"] for c in plan["changes"]}
    assert {k for k in original | improved if original.get(k) != improved.get(k)} == changed
    assert "location_type" not in changed and "building_type" not in changed


def test_the_ship_plan_names_the_changes_and_the_norms_they_are_for(tmp_path):
    result = _run(
        "improve", str(CASES / "ship-permit-holders.yaml"), "--as-of", "2026-01-15",
        "--format", "json", "--lang", "en",
    )  # fmt: skip
    plan = json.loads(result.stdout)
    changes = {c["field"]: c for c in plan["changes"]}
    assert (
        changes["outdoor_play_area_m2"]["before"],
        changes["outdoor_play_area_m2"]["after"],
    ) == (
        0.0,
        1.0,
    )
    assert {"CRC-31", "RCD2013-23.3"} <= set(changes["outdoor_play_area_m2"]["norms"])
    school = changes["school_age_children_not_in_school_count"]
    assert (school["before"], school["after"], school["norms"]) == (
        30, 0, ["CRC-28", "CRT-HOF22-3.edu", "INSP23-1"],
    )  # fmt: skip
    # most important first: the first change is for a critical law norm
    assert plan["changes"][0]["field"] == "school_age_children_not_in_school_count"
    assert plan["obstacles"] == []
    assert plan["after"]["verdict"] == "compliant_with_concerns"
    # a policy concern is left alone when the target does not need it
    assert "planned_closing_date" not in changes


def test_the_text_plan_shows_before_after_and_what_is_left(tmp_path):
    result = _run("improve", str(CASES / "ship-permit-holders.yaml"), "--as-of", "2026-01-15",
                  "--lang", "en")  # fmt: skip
    assert result.exit_code == 0
    out = result.stdout
    assert "Before: NON-COMPLIANT — Child-friendliness 50–56/100, partly child-friendly" in out
    assert "After:  COMPLIANT, WITH CONCERNS" in out
    assert "Target reached: the engine re-checked the improved location." in out
    assert "  Outdoor play space on or next to the site: 0 m² → 1 m²" in out
    assert "required: more than 0 m²" in out
    assert "VNG-1            [policy/major] fail: Available for at least five years" in out


def test_conflicting_policy_norms_are_reported_when_the_target_is_full_compliance():
    result = _run("improve", str(CASES / "sports-hall-crisis.yaml"), "--target", "compliant",
                  "--as-of", "2026-09-01", "--lang", "en", "--format", "json")  # fmt: skip
    assert result.exit_code == 1
    plan = json.loads(result.stdout)
    assert plan["reached"] is False
    obstacles = {o["norm_id"]: o for o in plan["obstacles"]}
    assert obstacles["VNG-1"] == {
        "norm_id": "VNG-1", "reason": "conflict", "fields": ["planned_closing_date"],
        "conflicts_with": ["COA-NO-2"],
    }  # fmt: skip
    # a longest stay of one month would fall below the average stay of 2.5 months, which
    # the consistency check refuses: no valid value exists without changing the average too
    assert obstacles["KOM-2023-1"]["reason"] == "no_value"
    # moving babies out of crisis shelter is a change of residents, and said so
    babies = next(c for c in plan["changes"] if c["field"] == "children_under_1_count")
    assert (babies["after"], babies["moves_residents"]) == (0, True)
    text = _run("improve", str(CASES / "sports-hall-crisis.yaml"), "--target", "compliant",
                "--as-of", "2026-09-01", "--lang", "en").stdout  # fmt: skip
    assert "Target NOT reached" in text
    assert "cannot pass together with COA-NO-2: meeting it would make those fail" in text


def test_availability_is_improved_through_the_fact_it_is_derived_from(tmp_path):
    path = tmp_path / "azc.yaml"
    path.write_text(
        "id: azc\nname: azc\nlocation_type: regular_azc\nchildren_count: 10\n"
        "planned_availability_years: 1.0\n"
    )
    result = _run("improve", str(path), "--target", "compliant", "--as-of", "2026-01-15",
                  "--format", "json")  # fmt: skip
    changes = {c["field"]: c for c in json.loads(result.stdout)["changes"]}
    years = changes["planned_availability_years"]
    assert (years["before"], years["after"], years["to_confirm"]) == (1.0, 5.0, False)
    assert years["norms"] == ["VNG-1", "COA-REG-1"]  # major before minor


def test_a_closing_date_moves_so_that_whole_months_are_reached():
    assert add_months(dt.date(2023, 9, 1), 60) == dt.date(2028, 9, 1)
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 3, 1)
    assert add_months(dt.date(2024, 12, 31), 2) == dt.date(2025, 3, 1)


def test_unknown_binding_facts_are_proposed_only_as_facts_to_confirm(tmp_path):
    out = tmp_path / "office.yaml"
    result = _run("improve", str(CASES / "office-emergency-shelter.yaml"), "--as-of",
                  "2026-01-15", "--lang", "en", "--output", str(out))  # fmt: skip
    assert result.exit_code == 0
    assert "Target reached, provided the " in result.stdout
    assert "to confirm: was unknown, the plan must make it so" in result.stdout
    text = out.read_text()
    assert "health_care_access: true  # to confirm: was unknown; norms " in text
    assert load_location(out).health_care_access is True


def test_a_norm_that_needs_another_location_type_cannot_be_fixed_by_the_building(tmp_path):
    norms = tmp_path / "norms"
    norms.mkdir()
    (norms / "local.yaml").write_text(
        """family: local
instrument: {en: "Local rule", nl: "Lokale regel"}
url: https://wetten.overheid.nl/
weight: law
norms:
  - id: LOCAL-1
    title: {en: "Children only in a regular azc", nl: "Kinderen alleen in een azc"}
    summary: {en: "Children live in a regular azc.", nl: "Kinderen wonen in een azc."}
    source: {article: "1", url: "https://wetten.overheid.nl/"}
    dimension: stability
    severity: critical
    applies_when: {field: houses_children, op: eq, value: true}
    requires: {field: location_type, op: eq, value: regular_azc}
    remedy: {en: "Move the children.", nl: "Verhuis de kinderen."}
    examples:
      - name: "An azc passes"
        as_of: 2025-01-01
        location: {location_type: regular_azc, children_count: 3}
        outcome: pass
      - name: "A family location fails"
        as_of: 2025-01-01
        location: {location_type: family_location, children_count: 3}
        outcome: fail
"""
    )
    result = _run("improve", str(CASES / "family-location.yaml"), "--as-of", "2026-01-15",
                  "--lang", "en", "--norms-dir", str(norms))  # fmt: skip
    assert result.exit_code == 1, result.output
    assert "LOCAL-1" in result.stdout
    assert (
        "cannot be fixed by changing the building; requires a different location type"
        in result.stdout
    )


def test_facts_that_decide_whether_norms_apply_must_be_found_out(tmp_path):
    data = yaml.safe_load((CASES / "small-unit-amv-13-14.yaml").read_text())
    del data["children_count"]
    path = tmp_path / "unit.yaml"
    path.write_text(yaml.safe_dump(data))
    result = _run("improve", str(path), "--as-of", "2026-01-15", "--format", "json")
    assert result.exit_code == 1
    plan = json.loads(result.stdout)
    assert plan["reached"] is False
    assert plan["obstacles"]
    assert all(o["reason"] == "find_out" for o in plan["obstacles"])
    assert all(o["fields"] == ["children_count"] for o in plan["obstacles"])
    assert plan["changes"] == []


def test_improve_refuses_to_overwrite_its_input_and_reports_bad_input(tmp_path):
    case = str(CASES / "ship-permit-holders.yaml")
    result = _run("improve", case, "--output", case, "--lang", "en")
    assert result.exit_code == 2
    assert "--output would overwrite the location being improved" in result.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\nname: bad\nchildren_count: many\n")
    result = _run("improve", str(bad), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"{bad}:3: field 'children_count': expected a whole number, got 'many'"
    )


def test_check_names_the_law_and_court_norms_waiting_for_each_fact_to_find_out(checker):
    result = _run("check", str(CASES / "office-emergency-shelter.yaml"), "--as-of",
                  "2026-01-15", "--lang", "en")  # fmt: skip
    report = checker.check_file(CASES / "office-emergency-shelter.yaml", dt.date(2026, 1, 15))
    first = report.facts_to_collect[0]
    label = field_labels.label(first.field, "en")
    line = next(x for x in result.stdout.splitlines() if x.startswith(f"  {label} ("))
    assert line.endswith(": " + ", ".join(first.binding_norms) + ")")
    assert len(first.binding_norms) == max(len(f.binding_norms) for f in report.facts_to_collect)
