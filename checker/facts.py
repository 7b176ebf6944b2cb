"""The fact the engine sees for one location: typed, flat, only what is known.

durable_rules compares JSON values and coerces types ("12" > 10 is true), so
only validated values go in. A field that is not given is left out, which the
compiled patterns treat as unknown. Dates become day numbers plus a month key
for calendar-month arithmetic; a list of groups becomes one true/false per
possible member, so "contains" never depends on the engine's list operators.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from checker.conditions import MONTH_KEY_DAYS, list_member_name, month_key_name
from checker.location import Location
from checker.norm_library import AS_OF_FIELD, NOT_CHECKABLE, FieldKind

FACT_KIND = "location"


def month_key(day: dt.date) -> int:
    return (day.year * 12 + day.month - 1) * MONTH_KEY_DAYS + day.day


def months_from_keys(start: int, end: int) -> int:
    """Whole calendar months from one month key to another (see conditions.MONTH_KEY_DAYS)."""
    return (end - start) // MONTH_KEY_DAYS


def location_fact(location: Location, as_of: dt.date, kinds: dict[str, FieldKind]) -> dict:
    """The engine fact, and (separately) the readable values for findings."""
    fact: dict[str, Any] = {"kind": FACT_KIND}
    values = dict(location.model_dump(exclude_none=True, exclude=NOT_CHECKABLE))
    values[AS_OF_FIELD] = as_of
    for name, value in values.items():
        kind = kinds.get(name)
        if kind is None:
            continue
        if kind.kind == "date":
            fact[name] = value.toordinal()
            fact[month_key_name(name)] = month_key(value)
        elif kind.kind == "list":
            given = {v.value if isinstance(v, Enum) else v for v in value}
            for member in kind.members:
                fact[list_member_name(name, member)] = member in given
        elif isinstance(value, Enum):
            fact[name] = value.value
        else:
            fact[name] = value
    return fact


def readable_values(location: Location, as_of: dt.date) -> dict[str, Any]:
    """Field values as a person wrote them (dates as ISO text, enums as their names)."""
    return {AS_OF_FIELD: as_of.isoformat(), **location.model_dump(mode="json", exclude_none=True)}
