"""Seeded random location descriptions, for property tests, differential runs and benchmarks.

Every field is filled from what the location model allows (its type, its
enum members, its bounds); a share of the optional fields is left out so
that unknowns occur too. Counts are drawn so that the people add up
(children within the occupancy, unaccompanied minors within the children) and
so that no error of `checker.location.consistency` occurs (its warnings may).
"""

from __future__ import annotations

import datetime as dt
import math
import random
import types
import typing
from enum import Enum
from typing import Any

from pydantic import BaseModel

from checker.location.consistency import FAR_ABOVE_CAPACITY, PARTS
from checker.location.model import META_FIELDS, Location

PEOPLE = ("occupancy_total", "children_count", "unaccompanied_minors_count")


def _base(annotation: Any) -> Any:
    """int | None -> int; list[Population] | None -> list[Population]."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return next(a for a in typing.get_args(annotation) if a is not type(None))
    return annotation


def _bounds(info: Any) -> tuple[float, float]:
    low, high = 0, 120
    for meta in info.metadata:
        low = getattr(meta, "ge", low) if getattr(meta, "ge", None) is not None else low
        high = getattr(meta, "le", high) if getattr(meta, "le", None) is not None else high
    return low, high


def _value(rng: random.Random, base: Any, info: Any) -> Any:
    if base is bool:
        return rng.random() < 0.5
    if base is int:
        return rng.randint(*map(int, _bounds(info)))
    if base is float:
        return round(rng.uniform(*_bounds(info)), 1)
    if base is dt.date:
        return (dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 6 * 365))).isoformat()
    if isinstance(base, type) and issubclass(base, Enum):
        return rng.choice(list(base)).value
    if typing.get_origin(base) is list:
        (member,) = typing.get_args(base)
        if isinstance(member, type) and issubclass(member, BaseModel):  # a list of records
            return [
                {
                    name: _value(rng, _base(field.annotation), field)
                    for name, field in member.model_fields.items()
                    if field.is_required()
                }
                for _ in range(rng.randint(0, 3))
            ]
        return sorted(m.value for m in member if rng.random() < 0.5)
    return f"text-{rng.randint(0, 999)}"


def random_location(rng: random.Random, index: int = 0, unknown_share: float = 0.1) -> dict:
    """A mapping that `location_from_mapping` accepts, with some facts left unknown."""
    data: dict[str, Any] = {"id": f"synthetic-{index}", "name": f"Synthetic location {index}"}
    for name, info in Location.model_fields.items():
        if name in data or name in META_FIELDS or rng.random() < unknown_share:
            continue
        data[name] = _value(rng, _base(info.annotation), info)
    ceiling = rng.randint(0, 1500)
    for name in PEOPLE:  # nested counts: minors within children within occupants
        if name in data:
            data[name] = ceiling = rng.randint(0, ceiling)
    if "opening_date" in data and "planned_closing_date" in data:
        first, last = sorted([data["opening_date"], data["planned_closing_date"]])
        data["opening_date"], data["planned_closing_date"] = first, last
    for part, whole, *_ in PARTS:
        if part in data and whole in data and data[part] > data[whole]:
            draw = rng.randint if isinstance(data[whole], int) else rng.uniform
            data[part] = draw(0, data[whole])
    occupancy, capacity = data.get("occupancy_total"), data.get("capacity_total")
    if occupancy is not None and capacity is not None and occupancy > FAR_ABOVE_CAPACITY * capacity:
        data["capacity_total"] = rng.randint(
            math.ceil(occupancy / FAR_ABOVE_CAPACITY), occupancy * 2
        )
    return data


def extreme_float(rng: random.Random, low: float, high: float) -> float:
    """A finite float in [low, high] of the kinds a JSON writer puts in exponent form.

    Python writes a tiny number with a one-digit mantissa as `2e-05` (no fraction), which
    durable_rules' C reader once misread; the others are its neighbours: tiny numbers with
    longer mantissas, the smallest subnormal, large numbers and the bounds themselves.
    """
    kind = rng.randrange(6)
    if kind == 0:
        value = rng.randint(1, 9) * 10.0 ** -rng.randint(5, 300)
    elif kind == 1:
        value = rng.uniform(1, 10) * 10.0 ** -rng.randint(5, 20)
    elif kind == 2:
        value = 5e-324
    elif kind == 3:
        value = rng.randint(1, 9) * 10.0 ** rng.randint(0, 9)
    elif kind == 4:
        value = rng.uniform(low, high)
    else:
        value = rng.choice([low, high])
    return min(max(float(value), low), high)


def with_extreme_floats(rng: random.Random, data: dict, share: float = 0.5) -> dict:
    """`data` with a share of its float fields replaced by `extreme_float` values."""
    for name, info in Location.model_fields.items():
        if name in data and _base(info.annotation) is float and rng.random() < share:
            data[name] = extreme_float(rng, *_bounds(info))
    for part, whole, *_ in PARTS:
        if part in data and whole in data and data[part] > data[whole]:
            data[part] = data[whole]
    return data


#: Municipalities of a synthetic portfolio (issue 18): a handful, so that groups fill up.
MUNICIPALITIES = (
    "Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Groningen", "Westerwolde",
    "Apeldoorn", "Assen", "Budel", "Heemstede", "Zwolle", "Maastricht",
)  # fmt: skip


def random_portfolio(seed: int, n: int) -> list[dict]:
    """`n` random locations (as `random_location`) spread over `MUNICIPALITIES`, each named
    after its municipality, so that a national picture has groups worth reading."""
    rng = random.Random(seed)
    locations = []
    for i in range(n):
        data = random_location(rng, i)
        data["municipality"] = MUNICIPALITIES[rng.randrange(len(MUNICIPALITIES))]
        data["name"] = f"{data['municipality']} location {i}"
        locations.append(data)
    return locations
