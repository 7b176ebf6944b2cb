"""Shared fixtures: one compiled library for the whole test run (compiling is the slow part)."""

from __future__ import annotations

import pytest

from checker.report import Checker


@pytest.fixture(scope="session")
def checker() -> Checker:
    return Checker()
