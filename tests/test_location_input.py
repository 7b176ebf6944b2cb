"""Bad location files get one line per problem with file and line, exit code 2, no traceback."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.errors import InputError
from checker.location.loader import (
    _REFUSE_THREE_DECIMALS,
    NUMBER_FIELDS,
    location_from_document,
    location_from_mapping,
)
from checker.source.reader import load_yaml_text


def _check(tmp_path, text: str, *args: str):
    path = tmp_path / "location.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--lang", "en", *args])
    return path, result


def test_a_yaml_syntax_error_names_the_file_and_line(tmp_path):
    path, result = _check(tmp_path, "id: x\nname: [unclosed\nchildren_count: 3\n")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:3: not valid YAML")
    assert "Traceback" not in result.output


def test_a_misspelt_key_is_refused_with_a_suggestion(tmp_path):
    path, result = _check(tmp_path, "id: x\nname: X\nchildrens_count: 3\n")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"{path}:3: field 'childrens_count': unknown field — did you mean 'children_count'?"
    )


def test_a_wrong_type_is_refused_not_coerced(tmp_path):
    path, result = _check(tmp_path, "id: x\nname: X\nschool_access_days_max: '12'\n")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"{path}:3: field 'school_access_days_max': expected a whole number, got '12'"
    )


def test_every_problem_in_a_file_gets_its_own_line(tmp_path):
    text = "id: x\nname: X\nlocation_type: noodopvang\nbedrooms_lockable: ja\nfoo: 1\n"
    path, result = _check(tmp_path, text)
    lines = result.stderr.strip().splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [f"{path}:3", f"{path}:4", f"{path}:5"]
    assert "use one of 'regular_azc'" in lines[0]
    assert "expected true or false, got 'ja'" in lines[1]


def test_a_duplicate_key_is_an_error_naming_both_lines(tmp_path):
    path, result = _check(tmp_path, "id: x\nname: X\nchildren_count: 3\nchildren_count: 4\n")
    assert result.exit_code == 2
    assert f"{path}:4: key 'children_count' appears twice (first on line 3)" in result.stderr


def test_dutch_is_the_default_language_of_errors(tmp_path):
    path = tmp_path / "l.yaml"
    path.write_text("id: x\nname: X\nchildrens_count: 3\n")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert "onbekend veld — bedoelde u 'children_count'?" in result.stderr


def test_a_python_object_tag_is_refused(tmp_path):
    path, result = _check(tmp_path, "id: !!python/object/apply:os.system ['echo hi']\nname: X\n")
    assert result.exit_code == 2
    assert f"{path}:1: not valid YAML" in result.stderr


def test_an_impossible_date_is_named(tmp_path):
    path, result = _check(tmp_path, "id: x\nname: X\nopening_date: 2026-02-30\n")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:3: '2026-02-30' is not a valid value")


def test_in_a_batch_a_bad_file_is_reported_and_the_good_one_still_checked(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text("id: good\nname: Good\nchildren_count: 0\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\nname: Bad\nchildren_count: many\n")
    result = CliRunner().invoke(main, ["check", str(bad), str(good), "--lang", "en"])
    assert result.exit_code == 2
    assert "Good (good)" in result.stdout
    assert f"{bad}:3: field 'children_count'" in result.stderr


def test_the_installed_command_prints_no_traceback_for_bad_input(tmp_path):
    path = tmp_path / "l.yaml"
    path.write_text("id: x\nname: X\n\tchildren_count: 3\n")
    proc = subprocess.run(
        [sys.executable, "-m", "checker.cli", "check", str(path)], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"{path}:3: geen geldige YAML")


def test_a_bad_as_of_date_is_a_usage_error(tmp_path):
    path, result = _check(tmp_path, "id: x\nname: X\n", "--as-of", "2026-13-01")
    assert result.exit_code == 2
    assert "'2026-13-01' is not a date" in result.output


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("room_height_m", math.inf, "field 'room_height_m': inf is not a number"),
        ("room_height_m", math.nan, "field 'room_height_m': nan is not a number"),
        (
            "room_height_m",
            -1e300,
            "field 'room_height_m': -1e+300 is too large: at most 1,000,000,000",
        ),
        (
            "occupancy_total",
            10**12,
            "field 'occupancy_total': 1e+12 is too large: at most 1,000,000,000",
        ),
    ],
)
def test_numbers_pydantic_accepts_are_still_held_to_the_bounds(field, value, message):
    """A location pydantic accepts is not checked key by key (for speed): its numbers must
    still be finite and within the bound."""
    # (numbers before and after it: the least and the greatest of them must not hide it)
    data = {"id": "x", "name": "X", "occupancy_total": 9, "children_count": 2, field: value}
    with pytest.raises(InputError) as caught:
        location_from_mapping({**data, "stay_residents_max_months": 4.0}, "t.csv")
    assert [p.render("en") for p in caught.value.problems] == [f"t.csv:1: {message}"]


def test_numbers_at_the_bound_and_zero_are_accepted():
    data = {"id": "x", "name": "X", "room_height_m": -0.0, "occupancy_total": 10**9}
    location = location_from_mapping(data, "t.csv")
    assert (location.room_height_m, location.occupancy_total) == (-0.0, 10**9)


def test_a_float_written_1_200_in_a_count_is_still_refused_as_ambiguous():
    doc = load_yaml_text("id: x\nname: X\nindoor_play_area_m2: 1.200\n", "l.yaml")
    with pytest.raises(InputError) as caught:
        location_from_document(doc)
    assert [p.render("en") for p in caught.value.problems] == [
        "l.yaml:3: field 'indoor_play_area_m2': 1.200 is ambiguous here: did you mean 1200 or "
        "1,2? — write 1200 for the whole number or 1.2 for the decimal (a dot, no thousands "
        "separator)"
    ]
    # pydantic refuses text in every field where `1.200` is ambiguous: they all hold numbers
    assert set(_REFUSE_THREE_DECIMALS) <= set(NUMBER_FIELDS)
