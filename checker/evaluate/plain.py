"""A deliberately simple evaluator of the norm library in plain Python.

It reads the same conditions as the engine but shares none of its machinery:
no disjunctive normal form, no patterns, no durable_rules, no fact encoding.
It exists to be disagreed with: the differential tests compare it with the
engine on many locations, and the benchmark uses it as the speed baseline.
Kleene logic: `None` is "unknown".
"""

from __future__ import annotations

import datetime as dt
import math
from enum import Enum
from typing import Any

from checker.library.conditions import AllOf, AnyOf, Condition, Leaf, NotOf, Op
from checker.library.loader import AS_OF_FIELD, Library
from checker.library.model import Outcome
from checker.library.months import days_against_months, whole_months
from checker.location.model import Location, expanded_facts


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return {_plain(v) for v in value}
    return value


def location_values(location: Location, as_of: dt.date) -> dict[str, Any]:
    """The values conditions read, derived facts included, for `location` on `as_of`."""
    # authority_findings is read through its expanded facts
    dumped = location.model_dump(exclude_none=True, exclude={"authority_findings"})
    values = {k: _plain(v) for k, v in dumped.items()}
    values.update(expanded_facts(location))
    values[AS_OF_FIELD] = as_of
    return values


def _compare(op: Op, got: Any, want: Any) -> bool:
    if op == Op.eq:
        return got == want
    if op == Op.ne:
        return got != want
    if op == Op.lt:
        return got < want
    if op == Op.lte:
        return got <= want
    if op == Op.gt:
        return got > want
    if op == Op.gte:
        return got >= want
    if op == Op.in_:
        return got in want
    if op == Op.not_in:
        return got not in want
    if op == Op.contains:
        return want in got
    if op == Op.not_contains:
        return want not in got
    raise ValueError(f"unknown operator {op}")


def truth(cond: Condition | None, values: dict[str, Any]) -> bool | None:
    """True, False, or None (unknown: a fact it needs is missing) for `cond`."""
    if cond is None:
        return True
    if isinstance(cond, Leaf):
        if cond.months_between:
            start, end = (values.get(f) for f in cond.months_between)
            if start is None or end is None:
                return None
            return _compare(cond.op, whole_months(start, end), cond.value)
        got = values.get(cond.subject())
        if cond.op == Op.present:
            return got is not None
        if cond.op == Op.absent:
            return got is None
        if cond.months is not None:
            return None if got is None else days_against_months(got, cond.op.value, cond.months)
        return None if got is None else _compare(cond.op, got, cond.value)
    if isinstance(cond, NotOf):
        inner = truth(cond.not_, values)
        return None if inner is None else not inner
    if isinstance(cond, AllOf):
        parts = [truth(c, values) for c in cond.all]
        return False if False in parts else None if None in parts else True
    if isinstance(cond, AnyOf):
        parts = [truth(c, values) for c in cond.any]
        return True if True in parts else None if None in parts else False
    raise TypeError(f"not a condition: {cond!r}")


def _expression(expr: dict[str, Any], values: dict[str, Any]) -> Any:
    ((op, args),) = expr.items()
    if op == "months_between":
        start, end = (values.get(a) for a in args)
        return None if start is None or end is None else whole_months(start, end)
    if op == "multiply":
        factors: list[Any] = [values.get(a) if isinstance(a, str) else a for a in args]
        return None if any(f is None for f in factors) else math.prod(factors)
    if op == "ratio":
        top, bottom = (values.get(a) for a in args)
        return None if top is None or not bottom else round(top / bottom, 2)
    if op == "field":
        return values.get(args)
    raise ValueError(f"unknown expression '{op}'")


def derive(library: Library, values: dict[str, Any]) -> dict[str, Any]:
    """Add the derived facts to `values` (in the library's dependency order)."""
    for d in library.derived:
        value = None
        if d.when is not None:
            value = truth(d.when, values)
        else:
            case = next((c for c in d.cases or [] if truth(c.when, values)), None)
            value = _expression(case.value, values) if case else None
        if value is not None:
            values[d.name] = value
    return values


def evaluate(library: Library, location: Location, as_of: dt.date) -> dict[str, Outcome]:
    """The outcome of every norm in force on `as_of`, by norm id."""
    values = derive(library, location_values(location, as_of))
    outcomes: dict[str, Outcome] = {}
    for lib_norm in library.norms:
        if not lib_norm.in_force(as_of):
            continue
        applies = truth(lib_norm.norm.applies_when, values)
        holds = truth(lib_norm.norm.requires, values)
        if applies is False:
            outcomes[lib_norm.id] = Outcome.not_applicable
        elif applies is None or holds is None:
            outcomes[lib_norm.id] = Outcome.unknown
        else:
            outcomes[lib_norm.id] = Outcome.pass_ if holds else Outcome.fail
    return outcomes
