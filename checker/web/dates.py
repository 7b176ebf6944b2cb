"""The check date typed on the page or given to the API: one reading for both."""

from __future__ import annotations

import datetime as dt

from checker.errors import Problem, labelled_problem
from checker.source.limits import FIRST_DAY, LAST_DAY, in_date_range


def check_date(raw: str, source: str) -> tuple[dt.date | None, list[Problem]]:
    """`raw` (ISO) as a day the checker can reckon with, else None and the problem, placed at
    `source`: a year such as 9999 is refused here, not left to fail in the date arithmetic."""
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        return None, [labelled_problem(source, None, "web_not_a_date", field="as_of", value=raw)]
    if not in_date_range(day):
        wrong = labelled_problem(
            source,
            None,
            "date_out_of_range",
            field="as_of",
            value=raw,
            first=FIRST_DAY,
            last=LAST_DAY,
        )
        return None, [wrong]
    return day, []
