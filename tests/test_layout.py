"""The package's front doors: the version, `python -m checker` and the console script."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

import checker

ROOT = Path(__file__).resolve().parent.parent


def test_version_is_the_distributions():
    assert checker.__version__ == metadata.version("opvangtoets")
    # pyproject.toml takes its version from the package, so it is written in one place only
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert "version" not in project and "version" in project["dynamic"]


def test_python_m_checker_prints_the_same_version():
    run = subprocess.run(
        [sys.executable, "-m", "checker", "--version"], capture_output=True, text=True
    )
    assert run.returncode == 0
    assert run.stdout.split()[-1] == checker.__version__


def test_other_attributes_are_still_missing():
    with pytest.raises(AttributeError, match="no_such_thing"):
        checker.no_such_thing  # noqa: B018
