"""`opvangtoets new`: an annotated template that validates once filled in."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import yaml
from click.testing import CliRunner

from checker.cli import main
from checker.location.loader import load_location, location_from_mapping
from checker.location.model import Location


def _new(*args: str):
    return CliRunner().invoke(main, ["new", *args, "--lang", "en"])


def _filled(data: dict, checker) -> dict:
    """Every empty value replaced by a valid one of the field's kind."""
    out = {}
    for name, value in data.items():
        if value is not None:
            out[name] = value
            continue
        kind = checker.library.field_kinds.get(name)
        annotation = Location.model_fields[name].annotation
        if name == "id":
            out[name] = "filled-in"
        elif name == "authority_findings":  # the one list of records
            out[name] = [{"by": "court", "date": dt.date(2025, 1, 1), "finding": "unsafe"}]
        elif name == "described_on":  # the description's own date and evidence (issue 16)
            out[name] = dt.date(2026, 1, 1)
        elif name == "sources":
            out[name] = [{"id": "visit", "title": "Bezoek", "date": "2026-01-01"}]
        elif name == "evidence":
            out[name] = {"children_count": {"source": "visit", "kind": "observed"}}
        elif kind is None:
            out[name] = "text"
        elif kind.kind == "number":
            out[name] = 1 if annotation == int | None else 1.5
        elif kind.kind == "bool":
            out[name] = True
        elif kind.kind == "date":
            out[name] = dt.date(2026, 1, 1)
        elif kind.kind == "enum":
            out[name] = kind.members[0]
        elif kind.kind == "list":
            out[name] = [kind.members[0]]
        else:
            raise AssertionError(f"no filler for {name}")
    return out


def test_the_template_lists_every_field_and_validates_once_filled(tmp_path, checker):
    path = tmp_path / "new.yaml"
    result = _new(str(path))
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(path.read_text())
    assert list(data) == list(Location.model_fields)
    assert all(value is None for value in data.values())
    filled = _filled(data, checker)
    location = location_from_mapping(filled, str(path))
    assert location.id == "filled-in"
    assert location.outdoor_play_area_m2 == 1.5
    report = checker.check(location, dt.date(2026, 1, 15), "en")
    assert report.verdict.value in {"non_compliant", "compliant_with_concerns", "compliant"}


def test_only_id_and_name_are_needed_the_rest_may_stay_unknown(tmp_path, checker):
    path = tmp_path / "new.yaml"
    _new(str(path))
    text = (
        path.read_text().replace("\nid:\n", "\nid: my-site\n").replace("\nname:\n", "\nname: X\n")
    )
    path.write_text(text)
    location = load_location(path)
    assert location.model_dump(exclude_none=True) == {"id": "my-site", "name": "X"}


def test_each_field_is_explained_with_unit_meaning_and_the_norms_using_it(tmp_path):
    path = tmp_path / "new.yaml"
    _new(str(path))
    text = path.read_text()
    block = text.split("# outdoor_play_area_m2:")[1].split("\noutdoor_play_area_m2:")[0]
    assert block.startswith(" number ≥ 0, m²")
    assert "en: Outdoor play space on or next to the site" in block
    assert "nl: Buitenspeelruimte op of naast het terrein (m²)" in block
    assert "CRC-31" in block and "VNG-3" in block
    # a field norms use only through a derived fact is listed with those norms
    block = text.split("# planned_availability_years:")[1].split("\nplanned_availability_years:")[0]
    assert "VNG-1" in block
    assert "# id: text (required / verplicht)" in text


def test_a_type_prefills_the_location_type_and_lists_the_norms_for_that_type(tmp_path):
    path = tmp_path / "shelter.yaml"
    result = _new("--type", "emergency_shelter", str(path))
    assert result.exit_code == 0
    data = yaml.safe_load(path.read_text())
    assert data["location_type"] == "emergency_shelter"
    header = path.read_text().split("\n\n")[0]
    assert "Norms that can apply to location type emergency_shelter" in header
    assert "COA-NO-1" in header  # emergency shelter norms
    assert "COA-REG-1" not in header  # regular azc only
    assert "COA-AMV-3" not in header  # small-scale units only


def test_new_refuses_to_overwrite_unless_forced(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("id: mine\nname: mine\n")
    result = _new(str(path))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"{path}: the file already exists — choose another name, or add --force to overwrite it"
    )
    assert path.read_text() == "id: mine\nname: mine\n"
    assert _new("--force", str(path)).exit_code == 0
    assert "# outdoor_play_area_m2:" in path.read_text()


def test_the_csv_sheet_is_one_header_row_of_field_names(tmp_path):
    path = tmp_path / "audit.csv"
    assert _new("--csv", str(path)).exit_code == 0
    with Path(path).open(newline="") as handle:
        rows = list(csv.reader(handle))
    # sources and evidence go in <field>__source/__kind/__date columns, not in a cell
    assert rows == [[n for n in Location.model_fields if n not in ("sources", "evidence")]]
