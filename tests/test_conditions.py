"""The condition language is three-valued, and the engine agrees with a plain reading of it."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from pydantic import TypeAdapter

from checker.evaluate.engine import Engine
from checker.library.conditions import Condition, Leaf, Op, dnf, effective
from checker.library.loader import Library, LibraryNorm, load_library
from checker.library.model import Norm, NormFile, Outcome
from checker.location.loader import location_from_mapping

CONDITION = TypeAdapter(Condition)


def _kleene(cond, facts: dict):
    """Reference semantics: True, False or None (unknown)."""
    if isinstance(cond, Leaf):
        value = facts.get(cond.field)
        if cond.op == Op.present:
            return value is not None
        if value is None:
            return None
        return {Op.lte: value <= cond.value, Op.gt: value > cond.value, Op.eq: value == cond.value}[
            cond.op
        ]
    if hasattr(cond, "not_"):
        inner = _kleene(cond.not_, facts)
        return None if inner is None else not inner
    parts = [_kleene(p, facts) for p in (cond.all if hasattr(cond, "all") else cond.any)]
    if hasattr(cond, "all"):
        return False if False in parts else None if None in parts else True
    return True if True in parts else None if None in parts else False


NESTED = CONDITION.validate_python(
    {
        "all": [
            {"field": "children_count", "op": "gt", "value": 0},
            {
                "any": [
                    {"field": "bedrooms_lockable", "op": "eq", "value": True},
                    {"not": {"field": "persons_per_bedroom_max", "op": "gt", "value": 6}},
                ]
            },
        ]
    }
)


def _norm(requires, applies=None) -> Norm:
    return Norm.model_validate(
        {
            "id": "TEST-1",
            "title": {"en": "t", "nl": "t"},
            "summary": {"en": "s", "nl": "s"},
            "source": {"article": "1", "url": "https://example.org/"},
            "dimension": "safety",
            "severity": "major",
            "applies_when": applies,
            "requires": requires,
            "remedy": {"en": "r", "nl": "r"},
            "examples": [
                {"name": "example one", "location": {}, "outcome": "pass"},
                {"name": "example two", "location": {}, "outcome": "fail"},
            ],
        }
    )


@pytest.fixture(scope="module")
def nested_engine() -> Engine:
    shipped = load_library()
    file = NormFile.model_validate(
        {
            "family": "test",
            "instrument": {"en": "T", "nl": "T"},
            "url": "https://example.org/",
            "weight": "law",
            "norms": [_norm(NESTED.model_dump(by_alias=True))],
        }
    )
    lib = Library(
        [LibraryNorm(file.norms[0], file, "test.yaml", 1)],
        shipped.derived,
        "test",
        shipped.field_kinds,
        shipped.derived_inputs,
    )
    return Engine(lib)


VALUES = {
    "children_count": [None, 0, 3],
    "bedrooms_lockable": [None, True, False],
    "persons_per_bedroom_max": [None, 4, 12],
}


@pytest.mark.parametrize("combo", list(itertools.product(*VALUES.values())))
def test_the_engine_gives_the_three_valued_outcome_for_every_combination(nested_engine, combo):
    facts = {k: v for k, v in zip(VALUES, combo, strict=True) if v is not None}
    expected = {True: Outcome.pass_, False: Outcome.fail, None: Outcome.unknown}[
        _kleene(NESTED, facts)
    ]
    location = location_from_mapping({"id": "t", "name": "t", **facts}, "test")
    result = nested_engine.evaluate(location, dt.date(2026, 1, 1)).results["TEST-1"]
    assert result.outcome == expected


def test_a_negated_all_becomes_a_disjunction_of_negated_leaves():
    branches = dnf(NESTED, negate=True)
    described = [[(effective(lit).field, effective(lit).op.value) for lit in b] for b in branches]
    assert described == [
        [("children_count", "lte")],
        [("bedrooms_lockable", "ne"), ("persons_per_bedroom_max", "gt")],
    ]


def test_in_expands_to_one_branch_per_value_and_not_in_to_one_conjunction():
    cond = CONDITION.validate_python(
        {"field": "location_type", "op": "in", "value": ["hotel", "ship"]}
    )
    assert len(dnf(cond)) == 2
    assert len(dnf(cond, negate=True)) == 1 and len(dnf(cond, negate=True)[0]) == 2


def test_an_operator_without_its_value_is_refused():
    with pytest.raises(ValueError, match="operator 'lte' needs a 'value'"):
        CONDITION.validate_python({"field": "children_count", "op": "lte"})


def test_months_between_counts_calendar_months(checker):
    derived = checker.engine.evaluate(
        location_from_mapping(
            {
                "id": "t",
                "name": "t",
                "opening_date": "2024-01-31",
                "planned_closing_date": "2029-01-30",
            },
            "t",
        ),
        dt.date(2026, 1, 1),
    ).derived
    assert derived["availability_months"] == 59
