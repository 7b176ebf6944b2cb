"""Coming changes in the law made from the findings of the norms entering into force only
(`findings_on(day, norms)`): the same changes as from every finding on the transition day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.api import Checker
from checker.location.loader import load_location
from checker.report.coming_changes import coming_changes, transition_dates

CASES = sorted((Path(__file__).resolve().parent.parent / "cases").glob("*.yaml"))
# before, on and after the day the new Reception Conditions Directive's norms enter into force
DAYS = [dt.date(2025, 9, 1), dt.date(2026, 6, 1), dt.date(2026, 6, 11), dt.date(2026, 6, 12)]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_findings_of_the_entering_norms_give_the_same_changes(checker, lang):
    changed = 0
    for path in CASES:
        location = load_location(path)
        for as_of in DAYS:
            now = checker.findings(location, as_of, lang)
            asked: list[list[str]] = []

            def every(day, norms, location=location):  # every finding, whatever is asked
                return checker.findings(location, day, lang)

            def some(day, norms, location=location, asked=asked):
                asked.append([n.id for n in norms])
                return checker.findings(location, day, lang, norms)

            full = coming_changes(checker.library, as_of, now, every)
            assert coming_changes(checker.library, as_of, now, some) == full
            days = transition_dates(checker.library, as_of)
            entering = [
                [n.id for n in checker.library.norms if n.valid_from == day] for day in days
            ]
            assert asked == entering  # only these findings were made
            changed += len(full)
    assert changed > 10  # the comparison covered real changes, not only empty lists


def test_a_report_tells_the_changes_made_from_the_entering_norms(checker):
    path = next(p for p in CASES if p.name == "ship-permit-holders.yaml")
    report = checker.check(load_location(path), dt.date(2026, 6, 1), "en")
    found = {(c.date, c.change, c.norm_id, c.outcome_then) for c in report.coming_changes}
    assert (dt.date(2026, 6, 12), "enters_into_force", "RCD2024-25.1", "fail") in found
