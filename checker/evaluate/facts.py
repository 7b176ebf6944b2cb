"""How facts are encoded for the engine, and the readable values findings show.

The engine's fact (built in `checker.evaluate.engine`) holds only validated, known
values: durable_rules coerces types ("12" > 10 is true) and a missing key is
what its patterns treat as unknown. Dates become day numbers plus a month key
for calendar-month arithmetic; a list of groups becomes one true/false per
possible member, so "contains" never depends on the engine's list operators.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from checker.library.conditions import MONTH_KEY_DAYS
from checker.library.loader import AS_OF_FIELD
from checker.location.model import Location


def month_key(day: dt.date) -> int:
    """A day as one number (MONTH_KEY_DAYS per month), so the engine can compare dates in months."""
    return (day.year * 12 + day.month - 1) * MONTH_KEY_DAYS + day.day


def months_from_keys(start: int, end: int) -> int:
    """Whole calendar months from one month key to another (see conditions.MONTH_KEY_DAYS)."""
    return (end - start) // MONTH_KEY_DAYS


def readable_values(location: Location, as_of: dt.date) -> dict[str, Any]:
    """Field values as a person wrote them (dates as ISO text, enums as their names)."""
    return {AS_OF_FIELD: as_of.isoformat(), **location.model_dump(mode="json", exclude_none=True)}
