"""Spreadsheets out and the national picture (issue 18): the workbook's three sheets, the
CSV dialects, the JSON summary, all agreeing, on a portfolio of 6 locations counted by hand."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from openpyxl import load_workbook

from checker.audit.tables import FINDING_COLUMNS, LOCATION_COLUMNS, NORM_COLUMNS
from checker.cli import main

AS_OF = "2026-01-15"
# Six emergency shelters: COA-NO-3 (children stay at most 6 months in emergency shelter)
# fails where the longest stay is above 6 months, is unknown where it is not given.
#          id      children  minors  longest stay  municipality  operator
SIX = [
    ("es-a", 10, 2, 3.0, "Assen", "COA"),
    ("es-b", 20, 0, 8.0, "Assen", "COA"),
    ("es-c", 30, 5, 12.0, "Budel", "municipality"),
    ("es-d", 40, 0, 5.0, "Budel", "COA"),
    ("es-e", 50, 10, None, "Zwolle", "safety_region"),
    ("es-f", 60, 7, 7.0, "Zwolle", "COA"),
]
# outdoor play area: KO-PLAY-OUT (guidance: at least 3 m² per child) fails for a, d and e
OUTDOOR = {"es-a": 10.0, "es-b": 200.0, "es-d": 40.0, "es-e": 50.0}
# by hand: fail b, c, f = 3 locations, 20 + 30 + 60 = 110 children, 0 + 5 + 7 = 12 minors;
# unknown e = 1 location, 50 children; pass a, d = 2 locations, 50 children


def _portfolio(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for location_id, children, minors, stay, municipality, operator in SIX:
        data = {
            "id": location_id,
            "name": f'=HYPERLINK("http://x","{location_id}")'
            if location_id == "es-a"
            else f"Noodopvang {location_id}",
            "municipality": municipality,
            "operator": operator,
            "location_type": "emergency_shelter",
            "occupancy_total": children * 3,
            "children_count": children,
            "unaccompanied_minors_count": minors,
        }
        if location_id in OUTDOOR:
            data["outdoor_play_area_m2"] = OUTDOOR[location_id]
        if stay is not None:
            data["stay_children_max_months"] = stay
            data["stay_children_avg_months"] = stay / 2
        path = folder / f"{location_id}.yaml"
        path.write_text(yaml.safe_dump(data), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def audited(tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("six")
    paths = _portfolio(base / "six")
    out = {k: base / f"out.{k}" for k in ("xlsx", "json")}
    out["csv"], out["csv_nl"] = base / "plain.csv", base / "nl.csv"
    args = ["audit", *map(str, paths), "--as-of", AS_OF, "--lang", "nl", "--workers", "1"]
    result = CliRunner().invoke(
        main,
        [*args, "--xlsx", str(out["xlsx"]), "--json", str(out["json"]), "--csv", str(out["csv"])],
    )
    assert result.exit_code == 1, result.output
    again = CliRunner().invoke(
        main, [*args, "--csv", str(out["csv_nl"]), "--csv-dialect", "excel-nl"]
    )
    assert again.exit_code == 1, again.output
    return {"out": out, "terminal": result.output}


def _sheet(book, name: str) -> list[dict]:
    rows = list(book[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_the_workbook_has_the_three_sheets_with_the_documented_columns(audited):
    book = load_workbook(audited["out"]["xlsx"])
    assert book.sheetnames == ["Locations", "Findings", "Norms"]
    for name, columns in (
        ("Locations", LOCATION_COLUMNS),
        ("Findings", FINDING_COLUMNS),
        ("Norms", NORM_COLUMNS),
    ):
        sheet = book[name]
        assert [c.value for c in sheet[1]] == columns
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    assert book["Locations"].conditional_formatting  # colours by verdict
    locations = _sheet(book, "Locations")
    assert [r["id"] for r in locations] == [s[0] for s in SIX]
    first = locations[0]
    assert first["name"].startswith("'=HYPERLINK")  # text, never a formula
    assert (first["municipality"], first["operator"], first["children"]) == ("Assen", "COA", 10)
    assert (
        first["location_type"] == "noodopvang" and first["verdict_text"] == "onvoldoende informatie"
    )


def test_children_affected_per_norm_match_the_hand_count(audited):
    book = load_workbook(audited["out"]["xlsx"])
    (norm,) = [r for r in _sheet(book, "Norms") if r["norm_id"] == "COA-NO-3"]
    assert (norm["fail_locations"], norm["fail_children"]) == (3, 110)
    assert (norm["unknown_locations"], norm["unknown_children"]) == (1, 50)
    assert (norm["pass_locations"], norm["pass_children"]) == (2, 50)
    findings = [r for r in _sheet(book, "Findings") if r["norm_id"] == "COA-NO-3"]
    assert sorted((r["id"], r["outcome"]) for r in findings) == [
        ("es-b", "fail"),
        ("es-c", "fail"),
        ("es-e", "unknown"),
        ("es-f", "fail"),
    ]
    assert all(r["citation"] and r["url"].startswith("https://") and r["remedy"] for r in findings)
    picture = json.loads(audited["out"]["json"].read_text(encoding="utf-8"))["summary"][
        "national_picture"
    ]
    (row,) = [r for r in picture["by_failing_norm"] if r["norm_id"] == "COA-NO-3"]
    assert (row["locations"], row["children"], row["unaccompanied_minors"]) == (3, 110, 12)
    assert row["layer"] == "policy" and row["title"]["nl"] == "Hoogstens zes maanden in noodopvang"
    assert picture["total"]["children"] == 210 and picture["total"]["unaccompanied_minors"] == 24
    assert picture["by_municipality"]["Zwolle"]["children"] == 110
    assert picture["by_operator"]["COA"]["locations"] == 4
    assert picture["stays"]["longest"] == {
        "months": 12.0,
        "id": "es-c",
        "name": "Noodopvang es-c",
        "municipality": "Budel",
    }
    # children-weighted average of the average stays: (1.5*10 + 4*20 + 6*30 + 2.5*40 + 3.5*60) / 160
    assert picture["stays"]["average_children_months"] == pytest.approx(585 / 160)
    (total,) = [ln for ln in audited["terminal"].splitlines() if "Totaal" in ln]
    assert [c.strip() for c in total.split("│")[2:5]] == ["6", "210", "24"]


def test_json_and_both_csv_dialects_agree_with_the_workbook(audited):
    out = audited["out"]
    book = _sheet(load_workbook(out["xlsx"]), "Locations")
    with out["csv"].open(encoding="utf-8", newline="") as handle:
        plain = list(csv.DictReader(handle))
    raw = out["csv_nl"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    dutch = list(csv.DictReader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    as_text = [{k: "" if v is None else str(v) for k, v in row.items()} for row in book]
    assert plain == dutch == as_text
    reports = json.loads(out["json"].read_text(encoding="utf-8"))["locations"]
    assert [(r["location"]["id"], r["verdict"]) for r in reports] == [
        (r["id"], r["verdict"]) for r in book
    ]


def _reform(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "reform"
    folder.mkdir()
    (folder / "reform.yaml").write_text(text, encoding="utf-8")
    return folder


def _audit_reform(tmp_path: Path, reform: Path, *extra: str):
    paths = _portfolio(tmp_path / "six")
    args = ["audit", *map(str, paths), "--as-of", AS_OF, "--workers", "1", "--reform", str(reform)]
    return CliRunner().invoke(main, [*args, *extra])


def test_a_guidance_norm_made_policy_moves_a_known_number_of_locations_and_children(tmp_path):
    reform = _reform(tmp_path, "reweight: {KO-PLAY-OUT: policy}\n")
    out = tmp_path / "r.json"
    book = tmp_path / "r.xlsx"
    result = _audit_reform(tmp_path, reform, "--json", str(out), "--xlsx", str(book))
    assert result.exit_code == 1, result.output
    data = json.loads(out.read_text(encoding="utf-8"))["summary"]["reform"]
    # by hand: a, d and e fail KO-PLAY-OUT and fail no other policy norm: their policy outcome
    # moves from unknown to does_not_meet (10 + 40 + 50 children); no verdict moves
    assert data["policy_outcome_changed"] == {"locations": 3, "children": 100}
    assert data["verdict_changed"] == {"locations": 0, "children": 0}
    assert data["per_norm"]["KO-PLAY-OUT"]["policy_outcome"] == {"locations": 3, "children": 100}
    rows = list(load_workbook(book)["Reform"].iter_rows(values_only=True))
    assert rows[1:] == [("*", 0, 0, 3, 100), ("KO-PLAY-OUT", 0, 0, 3, 100)]
    assert "KO-PLAY-OUT" in result.output


def test_a_norm_made_law_changes_verdicts_and_a_replaced_norm_leaves(tmp_path):
    reform = _reform(tmp_path, "reweight: {KO-PLAY-OUT: law}\nreplaces: [COA-NO-3]\n")
    out = tmp_path / "r.json"
    result = _audit_reform(tmp_path, reform, "--json", str(out))
    assert result.exit_code == 1, result.output
    data = json.loads(out.read_text(encoding="utf-8"))["summary"]["reform"]
    assert data["changed_norms"] == ["COA-NO-3", "KO-PLAY-OUT"]
    # a, d, e: a failing law norm makes them non-compliant (100 children)
    assert data["verdict_changed"] == {"locations": 3, "children": 100}
    assert data["verdict_moves"] == {"insufficient_information>non_compliant": 3}
    # b, c, f lose their one policy failure (COA-NO-3 is gone): does_not_meet -> unknown
    # (20 + 30 + 60 children); a, d and e stay unknown in the policy layer
    assert data["policy_outcome_changed"] == {"locations": 3, "children": 110}


def test_a_reform_naming_a_norm_that_does_not_exist_is_refused_with_a_guess(tmp_path):
    reform = _reform(tmp_path, "reweight: {KO-PLAY-OUTT: policy}\n")
    result = _audit_reform(tmp_path, reform)
    assert result.exit_code == 2
    assert "KO-PLAY-OUTT" in result.output and "KO-PLAY-OUT)" in result.output
    assert "Traceback" not in result.output
