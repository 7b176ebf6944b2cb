"""Deadlines in calendar months (DESIGN.md §2): exact from dates, three-valued from a day count."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jsonschema
import pytest

from checker.evaluate import plain
from checker.library.conditions import Leaf
from checker.library.months import (
    days_against_months,
    month_span_days,
    months_later,
    whole_months,
)
from checker.location.loader import load_location
from checker.report.schema import report_json_schema

ROOT = Path(__file__).resolve().parents[1]
BEFORE_THE_PACT = dt.date(2026, 3, 1)  # the three-month rule of 2013/33 is in force
AFTER_THE_PACT = dt.date(2026, 9, 1)  # the two-month rule of 2024/1346


def _azc(days: int):
    location = load_location(ROOT / "cases" / "regular-azc-families.yaml")
    return location.model_copy(update={"school_access_days_max": days})


@pytest.mark.parametrize(
    ("days", "outcome"), [(89, "pass"), (91, "unknown"), (92, "unknown"), (93, "fail")]
)
def test_a_child_who_starts_school_after_89_91_93_days_passes_is_unknown_fails(
    checker, days, outcome
):
    findings = {f.norm_id: f for f in checker.findings(_azc(days), BEFORE_THE_PACT, "en")}
    for norm_id in ("RCD2013-14.2", "INSP25-3"):
        assert findings[norm_id].outcome.value == outcome, (norm_id, findings[norm_id].message)
    assert plain.evaluate(checker.library, _azc(days), BEFORE_THE_PACT)["RCD2013-14.2"].value == (
        outcome
    )


def test_the_unknown_finding_says_why_the_days_cannot_decide(checker):
    findings = {f.norm_id: f for f in checker.findings(_azc(91), BEFORE_THE_PACT, "en")}
    assert findings["RCD2013-14.2"].message == (
        "Longest time from lodging the asylum application to the first school day: 91 days lies "
        "between the shortest (89) and the longest (92) length of 3 months; the dates are needed "
        "to decide"
    )
    assert findings["RCD2013-14.2"].missing == []
    dutch = {f.norm_id: f for f in checker.findings(_azc(91), BEFORE_THE_PACT, "nl")}
    assert dutch["RCD2013-14.2"].message.startswith(
        "Langste tijd van asielaanvraag tot eerste schooldag: 91 dagen ligt tussen de kortste (89) "
        "en de langste (92) duur"
    )


def test_the_unknown_day_count_makes_the_verdict_insufficient_information(checker):
    report = checker.check(_azc(91), BEFORE_THE_PACT, "en", look_ahead=False)
    decided = checker.check(_azc(89), BEFORE_THE_PACT, "en", look_ahead=False)
    assert report.verdict.value == "insufficient_information"
    assert decided.verdict.value != "insufficient_information"
    # nothing is missing, so the JSON finding has no `missing` list, and is valid
    finding = next(f for f in report.to_dict()["findings"] if f["norm_id"] == "RCD2013-14.2")
    assert finding["outcome"] == "unknown" and "missing" not in finding
    validator = jsonschema.Draft202012Validator(report_json_schema())
    assert [e.message for e in validator.iter_errors(report.to_dict())] == []


@pytest.mark.parametrize(
    ("days", "outcome"), [(59, "pass"), (60, "unknown"), (62, "unknown"), (63, "fail")]
)
def test_two_months_from_june_2026_pass_at_59_days_fail_above_62(checker, days, outcome):
    findings = {f.norm_id: f for f in checker.findings(_azc(days), AFTER_THE_PACT, "en")}
    assert findings["RCD2024-16.2"].outcome.value == outcome
    assert findings["INSP25-3.2026"].outcome.value == outcome


def test_a_fail_names_the_months_and_their_length_in_days(checker):
    findings = {f.norm_id: f for f in checker.findings(_azc(120), BEFORE_THE_PACT, "en")}
    assert findings["RCD2013-14.2"].message.startswith(
        "Longest time from lodging the asylum application to the first school day: 120 days — "
        "required: at most 3 months (89–92 days)"
    )


def test_month_lengths_are_the_calendars():
    assert month_span_days(1) == (28, 31)
    assert month_span_days(2) == (59, 62)
    assert month_span_days(3) == (89, 92)
    assert month_span_days(12) == (365, 366)


def test_months_later_moves_a_missing_day_to_the_first_of_the_next_month():
    assert months_later(dt.date(2025, 1, 31), 1) == dt.date(2025, 3, 1)
    assert months_later(dt.date(2024, 1, 31), 1) == dt.date(2024, 3, 1)
    assert months_later(dt.date(2025, 11, 30), 3) == dt.date(2026, 3, 1)
    assert months_later(dt.date(2025, 7, 1), 3) == dt.date(2025, 10, 1)
    # consistent with whole_months: the deadline day is the first with N whole months
    for start in (dt.date(2025, 1, 31), dt.date(2025, 8, 31), dt.date(2024, 2, 29)):
        for n in (1, 2, 3):
            end = months_later(start, n)
            assert whole_months(start, end) == n
            assert whole_months(start, end - dt.timedelta(days=1)) == n - 1


def test_a_wait_from_dates_is_exact_where_the_day_count_is_not():
    # lodged 1 July: 92 days is within three months (1 October); lodged 1 February: 90 is not
    assert (dt.date(2025, 10, 1) - dt.date(2025, 7, 1)).days == 92
    assert whole_months(dt.date(2025, 7, 1), dt.date(2025, 10, 1)) == 3
    assert whole_months(dt.date(2025, 2, 1), dt.date(2025, 5, 3)) == 3
    assert whole_months(dt.date(2025, 2, 1), dt.date(2025, 4, 30)) == 2
    assert days_against_months(92, "lte", 3) is None


@pytest.mark.parametrize(
    ("op", "days", "expected"),
    [
        ("lte", 89, True),
        ("lte", 92, None),
        ("lte", 93, False),
        ("gt", 89, False),
        ("gt", 93, True),
        ("lt", 88, True),
        ("lt", 89, None),
        ("lt", 92, False),
        ("gte", 92, True),
        ("gte", 91, None),
        ("gte", 88, False),
    ],
)
def test_every_comparison_with_months_is_three_valued(op, days, expected):
    assert days_against_months(days, op, 3) is expected
    leaf = Leaf(field="school_access_days_max", op=op, months=3)
    assert plain.truth(leaf, {"school_access_days_max": days}) is expected


@pytest.mark.parametrize(
    ("leaf", "message"),
    [
        (
            {"field": "school_access_days_max", "op": "eq", "months": 3},
            "'months' takes only lt, lte, gt or gte",
        ),
        (
            {"field": "outdoor_play_area_m2", "op": "lte", "months": 3},
            "'months' needs a field counted in calendar days (…_days…)",
        ),
        (
            {"field": "representative_appointed_working_days_max", "op": "lte", "months": 1},
            "'months' needs a field counted in calendar days (…_days…)",
        ),
        (
            {"field": "school_access_days_max", "op": "lte", "months": 3, "value": 91},
            "give either 'value' (days) or 'months', not both",
        ),
    ],
)
def test_a_months_condition_that_cannot_be_meant_is_refused(leaf, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Leaf(**leaf)


@pytest.mark.parametrize("months", range(0, 61))
def test_month_lengths_match_every_start_day_of_four_years(months):
    start = dt.date(2001, 1, 1)
    lengths = {
        (months_later(day, months) - day).days
        for day in (start + dt.timedelta(days=k) for k in range(4 * 365 + 1))
    }
    assert month_span_days(months) == (min(lengths), max(lengths))
