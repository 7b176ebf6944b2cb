"""Issue 15 (facts): what inspectors and doctors report, overcrowding as a warning, the
warnings list and the layers in every format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.errors import InputError
from checker.location.table import csv_header, location_from_row, table_rows
from checker.report.schema import report_json_schema

OVERFULL = """\
id: overfull-registration-centre
name: Overfull registration centre
location_type: registration_centre
capacity_total: 55
occupancy_total: 300
children_count: 300
unaccompanied_minors_count: 300
populations_admitted: [unaccompanied_minors]
"""


def check(path: Path, *args: str):
    return CliRunner().invoke(main, ["check", str(path), "--as-of", "2022-08-25", *args])


def test_occupancy_of_300_on_55_places_is_checked_with_a_warning_not_refused(tmp_path):
    path = tmp_path / "overfull.yaml"
    path.write_text(OVERFULL)
    result = check(path, "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output  # checked: not compliant or not decidable
    report = json.loads(result.stdout)
    jsonschema.validate(report, report_json_schema())
    first = report["warnings"][0]
    assert first["kind"] == "far_above_capacity"
    assert first["facts"] == ["occupancy_total", "capacity_total"]
    assert first["message"]["en"].startswith(
        "Persons living here now: 300 is more than places the building was designed or fitted "
        "for (55)"
    )
    assert "ernstige overbezetting" in first["message"]["nl"]
    outcomes = {f["norm_id"]: f["outcome"] for f in report["findings"]}
    assert outcomes["COA-CAP-1"] == "fail"
    cap = next(f for f in report["findings"] if f["norm_id"] == "COA-CAP-1")
    assert cap["facts"] == {"occupancy_per_place": 5.45}


def test_the_overcrowding_warning_is_shown_first_in_text_and_markdown(tmp_path):
    path = tmp_path / "overfull.yaml"
    path.write_text(OVERFULL)
    text = check(path, "--lang", "en").stdout.splitlines()
    warning = text.index("Warnings")
    assert text[warning + 1].startswith("  CHECK FIRST: Persons living here now: 300 is more")
    assert warning < next(i for i, line in enumerate(text) if line.startswith("Child-friend"))
    md = check(path, "--format", "md").stdout
    assert "- **EERST CONTROLEREN:** Aantal bewoners nu: 300 is meer dan aantal plaatsen" in md
    html = check(path, "--format", "html").stdout
    assert '<li data-kind="far_above_capacity" class="prominent">' in html


def test_every_format_shows_the_layers_beside_the_verdict(tmp_path):
    path = tmp_path / "overfull.yaml"
    path.write_text(OVERFULL)
    report = json.loads(check(path, "--format", "json").stdout)
    layers = report["layers"]
    assert layers["law"]["verdict"] == report["verdict"]
    counts = {}
    for f in report["findings"]:
        layer = {"court": "law"}.get(f["weight"], f["weight"])
        counts.setdefault(layer, {"pass": 0, "fail": 0, "unknown": 0})
        if f["outcome"] != "not_applicable":
            counts[layer][f["outcome"]] += 1
    for layer, want in counts.items():
        assert {k: layers[layer][k] for k in ("pass", "fail", "unknown")} == want, layer
    assert layers["policy"]["outcome"] == "does_not_meet"
    text = " ".join(check(path, "--lang", "en").stdout.split())  # the columns' padding aside
    law = layers["law"]
    assert (
        f"Law and case law insufficient information — {law['pass']} met, "
        f"{law['fail']} not met, {law['unknown']} unknown"
    ) in text
    assert "Policy (COA, VNG) does not meet the requirements — " in text
    assert 'id="layers"' in check(path, "--format", "html").stdout
    assert (
        "| **Wet en rechtspraak** | onvoldoende informatie |"
        in check(path, "--format", "md").stdout
    )


AUTHORITY = """\
id: ship-with-findings
name: Ship with findings
location_type: emergency_shelter
building_type: ship
children_count: 40
authority_findings:
  - {by: inspectorate, date: 2025-07-17, finding: unsafe, note: "joint letter"}
"""


def test_an_authority_finding_counts_from_its_date(tmp_path):
    path = tmp_path / "ship.yaml"
    path.write_text(AUTHORITY)

    def outcome(as_of: str) -> str:
        out = CliRunner().invoke(main, ["check", str(path), "--as-of", as_of, "--format", "json"])
        report = json.loads(out.stdout)
        return next(f for f in report["findings"] if f["norm_id"] == "CRC-3.3.authority")

    before, after = outcome("2025-07-16"), outcome("2025-07-17")
    assert before["outcome"] == "pass"
    assert after["outcome"] == "fail"
    assert after["facts"] == {
        "houses_children": True,
        "authority_found_unsafe": True,
        "authority_found_unsuitable": False,
        "authority_found_below_minimum_quality": False,
    }


def test_a_bad_authority_finding_names_the_line_and_the_allowed_values(tmp_path):
    path = tmp_path / "ship.yaml"
    path.write_text(AUTHORITY.replace("finding: unsafe", "finding: dangerous"))
    result = check(path, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"{path}:7: field 'authority_findings.0.finding': 'dangerous' is not an allowed value"
    )
    assert "unsafe" in result.stderr and "Traceback" not in result.stderr


def test_a_csv_row_carries_authority_findings_as_by_date_finding():
    assert "authority_findings" in csv_header()
    table = io.StringIO()
    writer = csv.writer(table)
    writer.writerow(["id", "name", "authority_findings", "emergency_use_since"])
    writer.writerow(
        ["hall", "Hall", "court:2022-10-06:unsuitable;ggd:2022-08-20:unsafe", "2022-03-01"]
    )
    writer.writerow(["bad", "Bad", "court-2022-10-06", ""])
    rows = list(table_rows(io.StringIO(table.getvalue()), "portfolio.csv"))
    location = location_from_row(rows[0])
    assert [
        (f.by.value, f.date.isoformat(), f.finding.value) for f in location.authority_findings
    ] == [
        ("court", "2022-10-06", "unsuitable"),
        ("ggd", "2022-08-20", "unsafe"),
    ]
    assert location.emergency_use_since.isoformat() == "2022-03-01"
    with pytest.raises(InputError) as refused:
        location_from_row(rows[1])
    problem = refused.value.problems[0]
    assert (problem.file, problem.line, problem.field) == (
        "portfolio.csv",
        3,
        "authority_findings.0",
    )
