"""Shared fixtures: one compiled library for the whole test run (compiling is the slow part)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.report import Checker

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "cases"


@pytest.fixture(scope="session")
def checker() -> Checker:
    return Checker()
