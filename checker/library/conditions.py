"""The condition language of norm files, and its compilation to durable_rules patterns.

A condition is data: a leaf `{field, op, value}` (or `{months_between: [a, b], op,
value}`, or `{field: X_days, op, months: N}` for a deadline in calendar months of
which only a day count is known), or `all` / `any` / `not` of conditions. Evaluation is three-valued
(Kleene): a comparison on a missing fact is neither true nor false.

To let the engine decide all three values we compile both a condition and its
negation into disjunctive normal form. Every literal in it only matches a fact
that is present, so "the DNF of C matched" means C is certainly true, "the DNF
of not-C matched" means C is certainly false, and neither means unknown.
"""

from __future__ import annotations

import math
from enum import Enum
from typing import Any, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from checker.errors import LabelledError
from checker.i18n import t
from checker.library.months import month_span_days

#: Days in the key of a date for month arithmetic: key = (year * 12 + month) * 32 + day,
#: so "b is at least N calendar months after a" is key(b) >= key(a) + 32 * N. A month is
#: complete when the same day of the month is reached (31 Jan -> 28 Feb is not a month).
MONTH_KEY_DAYS = 32


class Op(str, Enum):
    eq = "eq"
    ne = "ne"
    lt = "lt"
    lte = "lte"
    gt = "gt"
    gte = "gte"
    in_ = "in"
    not_in = "not_in"
    contains = "contains"
    not_contains = "not_contains"
    present = "present"
    absent = "absent"


NEGATION = {
    Op.eq: Op.ne,
    Op.ne: Op.eq,
    Op.lt: Op.gte,
    Op.gte: Op.lt,
    Op.lte: Op.gt,
    Op.gt: Op.lte,
    Op.in_: Op.not_in,
    Op.not_in: Op.in_,
    Op.contains: Op.not_contains,
    Op.not_contains: Op.contains,
    Op.present: Op.absent,
    Op.absent: Op.present,
}

SYMBOL = {
    Op.eq: "=",
    Op.ne: "≠",
    Op.lt: "<",
    Op.lte: "≤",
    Op.gt: ">",
    Op.gte: "≥",
    Op.in_: "∈",
    Op.not_in: "∉",
    Op.contains: "∋",
    Op.not_contains: "∌",
}


class Text(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    en: str = Field(min_length=1)
    nl: str = Field(min_length=1)


class Leaf(BaseModel):
    """One comparison on one fact (or on the months between two date facts)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    field: str | None = None
    months_between: list[str] | None = Field(default=None, min_length=2, max_length=2)
    op: Op
    value: Any = None
    months: int | None = Field(
        default=None,
        ge=1,
        description="Instead of 'value' on a field counted in days: a deadline in calendar "
        "months. Certain at or below the shortest length of that many months, certainly "
        "missed above the longest, unknown in between (3 months: 89 and 92 days)",
    )
    note: Text | None = Field(
        default=None, description="How to read the threshold, e.g. '2 months' / '2 maanden'"
    )

    @model_validator(mode="after")
    def _one_subject(self) -> Leaf:
        if (self.field is None) == (self.months_between is None):
            raise LabelledError("leaf_one_subject")
        if self.months is not None:
            if self.field is None or "_days" not in self.field or "working_days" in self.field:
                raise ValueError("'months' needs a field counted in calendar days (…_days…)")
            if self.op not in (Op.lt, Op.lte, Op.gt, Op.gte):
                raise ValueError("'months' takes only lt, lte, gt or gte")
            if self.value is not None:
                raise ValueError("give either 'value' (days) or 'months', not both")
            return self
        needs_value = self.op not in (Op.present, Op.absent)
        if needs_value and self.value is None:
            raise LabelledError("leaf_needs_value", op=self.op.value)
        if not needs_value and self.value is not None:
            raise LabelledError("leaf_takes_no_value", op=self.op.value)
        if self.op in (Op.in_, Op.not_in) and not isinstance(self.value, list):
            raise LabelledError("leaf_needs_list", op=self.op.value)
        if self.op not in (Op.in_, Op.not_in) and isinstance(self.value, list | dict):
            raise LabelledError("leaf_takes_one_value", op=self.op.value)
        if self.months_between is not None:
            if self.op not in (Op.lt, Op.lte, Op.gt, Op.gte):
                raise LabelledError("leaf_months_between_op")
            if not isinstance(self.value, int) or isinstance(self.value, bool):
                raise LabelledError("leaf_months_between_value")
        return self

    @property
    def fields(self) -> list[str]:
        """The location fields this test reads."""
        return list(self.months_between) if self.months_between else [self.subject()]

    def subject(self) -> str:
        """What the test is about, as a reader sees it: a field, or months between two."""
        if self.months_between:
            return f"months_between({self.months_between[0]}, {self.months_between[1]})"
        assert self.field is not None  # the validator gives every leaf a field or months_between
        return self.field

    def negated(self) -> Leaf:
        """The test that holds exactly when this one does not (on known facts)."""
        return self.model_copy(update={"op": NEGATION[self.op]})

    def certain(self) -> Leaf:
        """The comparison in days that holds exactly when this leaf is certainly true: for a
        deadline in months, "within" needs the shortest month length and "beyond" the
        longest (see `checker.library.months`); any other leaf is itself."""
        if self.months is None:
            return self
        shortest, longest = month_span_days(self.months)
        days = shortest if self.op in (Op.lt, Op.lte) else longest
        return self.model_copy(update={"months": None, "value": days})


class AllOf(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    all: list[Condition] = Field(min_length=1)


class AnyOf(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    any: list[Condition] = Field(min_length=1)


class NotOf(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True, populate_by_name=True)
    not_: Condition = Field(alias="not")


# The models are built on first validation (defer_build), when `Condition` exists: a library
# read from the cache is never validated, so a `check` does not pay for building them.
Condition = Union[AllOf, AnyOf, NotOf, Leaf]  # noqa: UP007 (pydantic needs the Union form)


def leaves(cond: Condition | None) -> list[Leaf]:
    """Every test in a condition, in order."""
    if cond is None:
        return []
    if isinstance(cond, Leaf):
        return [cond]
    if isinstance(cond, NotOf):
        return leaves(cond.not_)
    return [
        leaf for sub in (cond.all if isinstance(cond, AllOf) else cond.any) for leaf in leaves(sub)
    ]


def fields_of(cond: Condition | None) -> list[str]:
    """Every field a condition reads, once each, in order."""
    seen: dict[str, None] = {}
    for leaf in leaves(cond):
        for name in leaf.fields:
            seen.setdefault(name)
    return list(seen)


# A literal in DNF: the leaf as written in the norm, and whether it is negated here.
Literal = tuple[Leaf, bool]
Conjunction = list[Literal]


def dnf(cond: Condition | None, negate: bool = False) -> list[Conjunction]:
    """Disjunctive normal form of `cond` (or of its negation): a list of conjunctions.

    `None` means "always true": one empty conjunction (and its negation: none).
    """
    if cond is None:
        return [] if negate else [[]]
    if isinstance(cond, Leaf):
        op = NEGATION[cond.op] if negate else cond.op
        if op == Op.in_:  # membership is a disjunction of equalities
            return [
                [(cond.model_copy(update={"op": Op.eq, "value": v}), False)] for v in cond.value
            ]
        if op == Op.not_in:
            return [
                [(cond.model_copy(update={"op": Op.ne, "value": v}), False) for v in cond.value]
            ]
        return [[(cond, negate)]]
    if isinstance(cond, NotOf):
        return dnf(cond.not_, not negate)
    parts = cond.all if isinstance(cond, AllOf) else cond.any
    conjunctive = isinstance(cond, AllOf) != negate
    if not conjunctive:
        return [conj for part in parts for conj in dnf(part, negate)]
    result: list[Conjunction] = [[]]
    for part in parts:
        result = [left + right for left in result for right in dnf(part, negate)]
    return result


#: The most conjunctions (rules) one norm's conditions may expand to, and the most literals
#: in one: durable_rules takes at most 31 tests in one pattern, 4 of which the engine adds
#: (kind, the in-force dates, a missing fact). The shipped norms need at most 7 and 5.
MAX_CONJUNCTIONS = 256
MAX_LITERALS = 27


def dnf_size(cond: Condition | None, negate: bool = False) -> tuple[int, int]:
    """How many conjunctions `dnf(cond, negate)` has, and the most literals in one, computed
    without expanding it (a small condition can have an exponential DNF)."""
    if cond is None:
        return (0, 0) if negate else (1, 0)
    if isinstance(cond, Leaf):
        op = NEGATION[cond.op] if negate else cond.op
        if op == Op.in_:
            return len(cond.value), 1
        if op == Op.not_in:
            return 1, len(cond.value)
        return 1, 1
    if isinstance(cond, NotOf):
        return dnf_size(cond.not_, not negate)
    parts = [dnf_size(p, negate) for p in (cond.all if isinstance(cond, AllOf) else cond.any)]
    if isinstance(cond, AllOf) != negate:  # a conjunction multiplies, its widths add up
        return math.prod(n for n, _ in parts), sum(w for _, w in parts)
    return sum(n for n, _ in parts), max(w for _, w in parts)


def effective(literal: Literal) -> Leaf:
    """The test a literal stands for, negation applied."""
    leaf, negated = literal
    return leaf.negated() if negated else leaf


def month_key_name(field: str) -> str:
    """The fact key of a date field counted in months (see `facts.month_key`)."""
    return f"{field}__mkey"


def list_member_name(field: str, member: str) -> str:
    """The fact key that says whether a list field holds `member`."""
    return f"{field}__{member}"


def literal_pattern(literal: Literal, list_fields: dict[str, list[str]]) -> dict[str, Any]:
    """The durable_rules pattern that matches when the literal is certainly true."""
    leaf = effective(literal).certain()
    op, value = leaf.op, leaf.value
    if leaf.months_between:
        start, end = (month_key_name(f) for f in leaf.months_between)
        months = value + 1 if op in (Op.lte, Op.gt) else value
        engine_op = "$gte" if op in (Op.gte, Op.gt) else "$lt"
        shifted = {"$add": {"$l": {"$m": start}, "$r": MONTH_KEY_DAYS * months}}
        # Both dates must be in this fact: where one is missing, durable_rules evaluates the
        # expression against another location's fact in the same session (measured: a pass
        # where the plain evaluator says unknown).
        return {"$and": [{"$ex": {start: 1}}, {"$ex": {end: 1}}, {engine_op: {end: shifted}}]}
    field = leaf.subject()
    if field in list_fields:
        if op in (Op.present, Op.absent):
            probe = list_member_name(field, list_fields[field][0])
            return {"$ex" if op == Op.present else "$nex": {probe: 1}}
        return {list_member_name(field, value): op == Op.contains}
    match op:
        case Op.present:
            return {"$ex": {field: 1}}
        case Op.absent:
            return {"$nex": {field: 1}}
        case Op.eq:
            return {field: value}
        case Op.ne:
            return {"$neq": {field: value}}
        case Op.lt | Op.lte | Op.gt | Op.gte:
            return {f"${op.value}": {field: value}}
    raise ValueError(f"operator {op} cannot be compiled")  # in/not_in are expanded by dnf()


def describe_leaf(leaf: Leaf, lang: str) -> str:
    """A requirement as a reader sees it: 'school_access_days_max ≤ 61 (2 months)'."""
    if leaf.op == Op.present:
        text = t("leaf_present", lang, subject=leaf.subject())
    elif leaf.op == Op.absent:
        text = t("leaf_absent", lang, subject=leaf.subject())
    elif leaf.months is not None:
        shortest, longest = month_span_days(leaf.months)
        unit = ("maand", "maanden") if lang == "nl" else ("month", "months")
        days = "dagen" if lang == "nl" else "days"
        text = (
            f"{leaf.subject()} {SYMBOL[leaf.op]} {leaf.months} {unit[leaf.months != 1]} "
            f"({shortest}–{longest} {days})"
        )
    else:
        value = leaf.value
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        elif isinstance(value, bool):
            value = str(value).lower()
        text = f"{leaf.subject()} {SYMBOL[leaf.op]} {value}"
    if leaf.note:
        text += f" ({getattr(leaf.note, lang)})"
    return text
