"""Bad location files get one line per problem with file and line, exit code 2, no traceback."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from checker.cli import main


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
