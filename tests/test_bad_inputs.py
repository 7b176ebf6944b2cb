"""The corpora of broken and hostile input: every file is refused (or warned about) exactly as
its expectation says, with file and line, in English and Dutch, and never with a traceback."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from checker.cli import main

HERE = Path(__file__).parent
BAD_INPUTS = HERE / "bad_inputs"
BAD_NORMS = HERE / "bad_norms"
CASES = HERE.parent / "cases"
# The shipped, illustrative cases; the real ones in cases/real/ have their own golden test.
SHIPPED = [str(p) for p in sorted(CASES.glob("*.yaml"))]
AS_OF = "2026-03-01"

EXPECTED = yaml.safe_load((BAD_INPUTS / "expected.yaml").read_text(encoding="utf-8"))
EXPECTED_NORMS = yaml.safe_load((BAD_NORMS / "expected.yaml").read_text(encoding="utf-8"))


def _run(*args: str):
    return CliRunner().invoke(main, ["check", *args, "--as-of", AS_OF])


@pytest.fixture
def compiled_once(monkeypatch, checker):
    """The command compiles the norm library on every run; here it reuses the session's."""
    monkeypatch.setattr("checker.cli.make_checker", lambda norms_dir, lang: checker)


def _message_line(text: str, where: str, message: str) -> str:
    """The line of `text` that starts with `where` and holds `message`."""
    hits = [line for line in text.splitlines() if line.startswith(where) and message in line]
    assert hits, f"no line starting with {where!r} and holding {message!r} in:\n{text}"
    return hits[0]


def test_every_file_of_the_corpora_has_an_expectation_and_every_expectation_a_file():
    on_disk = {p.name for p in BAD_INPUTS.iterdir()} - {"expected.yaml"}
    assert on_disk == set(EXPECTED)
    assert len(on_disk) >= 40
    norm_dirs = {p.name for p in BAD_NORMS.iterdir() if p.is_dir()}
    assert norm_dirs == set(EXPECTED_NORMS)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_bad_location_file_gets_its_message_and_exit_code(name, compiled_once):
    want = EXPECTED[name]
    path = BAD_INPUTS / name
    for lang, message in (("en", want["message"]), ("nl", want.get("nl"))):
        result = _run(str(path), "--lang", lang)
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert result.exit_code == want["exit"]
        if message is None:
            continue
        if want.get("stream") == "stdout":  # a warning in a report that was made
            assert message in result.stdout
            continue
        where = f"{path}:{want['line']}: " if want["line"] else f"{path}: "
        _message_line(result.stderr, where, message)


@pytest.mark.parametrize("name", sorted(EXPECTED_NORMS))
def test_a_bad_norm_directory_is_refused_with_file_and_line(name):
    want = EXPECTED_NORMS[name]
    directory = BAD_NORMS / name
    result = _run(
        str(CASES / "small-unit-amv-13-14.yaml"), "--norms-dir", str(directory), "--lang", "en"
    )
    assert "Traceback" not in result.output
    assert result.exit_code == 2
    assert result.stdout == ""  # nothing is checked against a broken library
    _message_line(result.stderr, f"{directory / want['file']}:{want['line']}: ", want["message"])
    if "nl" in want:
        dutch = _run(str(CASES / "small-unit-amv-13-14.yaml"), "--norms-dir", str(directory))
        assert dutch.exit_code == 2
        _message_line(dutch.stderr, f"{directory / want['file']}:{want['line']}: ", want["nl"])


def _subprocess_check(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "checker.cli", "check", *args, "--lang", "en", "--as-of", AS_OF],
        capture_output=True,
        text=True,
        env=env,
    )


def test_a_50_mb_file_is_refused_by_its_size_before_it_is_read(tmp_path):
    path = tmp_path / "huge.yaml"
    with path.open("w") as fh:
        fh.write("id: huge\nname: Huge\nnotes: |\n")
        line = "  " + "x" * 98 + "\n"
        fh.write(line * (50 * 1024 * 1024 // len(line)))
    assert path.stat().st_size >= 50 * 1024 * 1024 - 100
    proc = _subprocess_check(str(path))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"{path}: too large: file size in bytes 52,428,"), proc.stderr
    assert "more than the limit of 5,242,880 — set OPVANGTOETS_MAX_FILE_BYTES" in proc.stderr


def test_a_file_under_the_size_limit_with_too_many_values_is_refused_while_parsing(tmp_path):
    path = tmp_path / "many.yaml"
    path.write_text("id: many\nname: Many\n" + "".join(f"k{i}: {i}\n" for i in range(50_000)))
    result = _run(str(path), "--lang", "en")
    assert result.exit_code == 2
    assert f"{path}:" in result.stderr
    assert "values with aliases expanded 20,001, more than the limit of 20,000" in result.stderr


def test_a_limit_can_be_raised_by_its_environment_variable(tmp_path):
    path = BAD_INPUTS / "deep-nesting.yaml"
    env = {"OPVANGTOETS_MAX_DEPTH": "300"}
    result = CliRunner(env=env).invoke(main, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 2
    # past the depth limit now, the nested list is refused for what it is: not text
    assert f"{path}:3: field 'notes': expected text" in result.stderr


def test_a_device_or_pipe_is_refused_without_reading_it():
    result = _run("/dev/zero", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.strip() == "/dev/zero: is not a regular file"


def test_too_many_locations_in_one_run_are_refused_before_any_is_checked(tmp_path):
    result = _run(*SHIPPED, "--lang", "en", "--max-locations", "3")
    assert result.exit_code == 2
    assert result.stdout == ""
    shipped = len(list(CASES.glob("*.yaml")))
    assert result.stderr.strip() == (
        f"opvangtoets check: too large: location files in one run {shipped}, "
        "more than the limit of 3"
        " — set OPVANGTOETS_MAX_LOCATIONS to raise the limit (or use --max-locations)"
    )
    env_result = CliRunner(env={"OPVANGTOETS_MAX_LOCATIONS": "2"}).invoke(
        main, ["check", *SHIPPED, "--lang", "nl"]
    )
    assert env_result.exit_code == 2
    assert f"locatiebestanden in één run {shipped}, meer dan de grens van 2" in env_result.stderr


def test_in_a_batch_every_good_file_is_reported_and_every_bad_one_listed(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    good = sorted(CASES.glob("*.yaml"))
    for path in good:
        shutil.copy(path, batch / path.name)
    bad = [name for name in EXPECTED if name.endswith(".yaml") and EXPECTED[name]["exit"] == 2]
    for name in bad:
        shutil.copy(BAD_INPUTS / name, batch / f"zz-{name}")
    proc = _subprocess_check(str(batch), "--format", "json")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr

    reports = json.loads(proc.stdout)
    assert sorted(r["location"]["file"] for r in reports) == [str(batch / p.name) for p in good]
    for name in bad:
        line = EXPECTED[name]["line"]
        where = f"{batch / ('zz-' + name)}:{line}: " if line else f"{batch / ('zz-' + name)}: "
        _message_line(proc.stderr, where, EXPECTED[name]["message"])


@pytest.mark.parametrize("name", ["dnf-explosion", "in-list-too-long"])
def test_norms_lint_finds_a_norm_too_large_for_the_engine_without_expanding_it(name):
    want = EXPECTED_NORMS[name]
    directory = BAD_NORMS / name
    args = ["norms", "lint", "--norms-dir", str(directory), "--lang", "en"]
    result = CliRunner().invoke(main, args)
    assert "Traceback" not in result.output
    assert result.exit_code == 2
    _message_line(result.output, f"{directory / want['file']}:{want['line']}: ", want["message"])
