"""Calendar-month arithmetic: the one place that says how long "N months" is.

A deadline in months is a date: "three months from the lodging of the application"
ends on the same day of the month three months later. Where both dates are known
the deadline is exact (`whole_months`). Where only a number of days is known, the
answer depends on the months the days fell in: three calendar months last 89 to
92 days. A day count at or below the shortest possible length is certainly within
the deadline, one above the longest certainly beyond it, and one in between cannot
be decided without the dates (`within_months` returns None for it).
"""

from __future__ import annotations

import datetime as dt
from functools import cache

#: Months over four years (one of them a leap year) meet every combination of month lengths
#: a span of whole months can cover.
_CYCLE_YEARS = range(2001, 2005)


def whole_months(start: dt.date, end: dt.date) -> int:
    """Calendar months from start to end; a month counts once its day of the month is reached
    (31 January to 28 February is not yet a month)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


def months_later(start: dt.date, months: int) -> dt.date:
    """The first day on which `months` whole months have passed since `start` (the deadline
    day): the same day of the month, or the 1st of the next month where that day does not
    exist (31 January + 1 month: 1 March)."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    try:
        return dt.date(year, month + 1, start.day)
    except ValueError:
        return (dt.date(year, month + 1, 1) + dt.timedelta(days=31)).replace(day=1)


@cache
def month_span_days(months: int) -> tuple[int, int]:
    """The shortest and the longest number of days that `months` calendar months can last."""
    # A span starting on the 1st to the 28th of a month lasts as long as its months do, so
    # the 1st stands for those days; only from the 29th on may the end month lack the day.
    # That is 4 starts a month instead of every day of the four years (9 times fewer).
    lengths = {
        (months_later(start, months) - start).days
        for year in _CYCLE_YEARS
        for month in range(1, 13)
        for day in (1, 29, 30, 31)
        if day <= _last_day(year, month)
        for start in (dt.date(year, month, day),)
    }
    return min(lengths), max(lengths)


def within_months(days: float, months: int) -> bool | None:
    """Whether a wait of `days` days from a start date is within `months` months of it:
    True at or below the shortest length, False above the longest, None in between."""
    shortest, longest = month_span_days(months)
    if days <= shortest:
        return True
    if days > longest:
        return False
    return None


def _last_day(year: int, month: int) -> int:
    # not calendar.monthrange: importing calendar (and locale with it) costs a cold start 2 ms
    return (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day


def days_against_months(days: float, op: str, months: int) -> bool | None:
    """A wait of `days` days compared with `months` calendar months (op: lt, lte, gt, gte,
    as in norm conditions): True or False where every possible month length agrees, None
    where the answer depends on which months the days fell in."""
    shortest, longest = month_span_days(months)
    if op in ("lte", "gt"):
        within = True if days <= shortest else False if days > longest else None
        return within if op == "lte" or within is None else not within
    before = True if days < shortest else False if days >= longest else None
    return before if op == "lt" or before is None else not before
