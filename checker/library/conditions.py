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

from enum import Enum
from typing import Any, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

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
    model_config = ConfigDict(extra="forbid")
    en: str = Field(min_length=1)
    nl: str = Field(min_length=1)


class Leaf(BaseModel):
    """One comparison on one fact (or on the months between two date facts)."""

    model_config = ConfigDict(extra="forbid")
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
            raise ValueError("give exactly one of 'field' or 'months_between'")
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
            raise ValueError(f"operator '{self.op.value}' needs a 'value'")
        if not needs_value and self.value is not None:
            raise ValueError(f"operator '{self.op.value}' takes no 'value'")
        if self.op in (Op.in_, Op.not_in) and not isinstance(self.value, list):
            raise ValueError(f"operator '{self.op.value}' needs a list as 'value'")
        if self.op not in (Op.in_, Op.not_in) and isinstance(self.value, list | dict):
            raise ValueError(f"operator '{self.op.value}' takes one value, not a list")
        if self.months_between is not None:
            if self.op not in (Op.lt, Op.lte, Op.gt, Op.gte):
                raise ValueError("months_between takes only lt, lte, gt or gte")
            if not isinstance(self.value, int) or isinstance(self.value, bool):
                raise ValueError("months_between needs a whole number of months as 'value'")
        return self

    @property
    def fields(self) -> list[str]:
        return list(self.months_between) if self.months_between else [self.field]

    def subject(self) -> str:
        if self.months_between:
            return f"months_between({self.months_between[0]}, {self.months_between[1]})"
        return self.field

    def negated(self) -> Leaf:
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
    model_config = ConfigDict(extra="forbid")
    all: list[Condition] = Field(min_length=1)


class AnyOf(BaseModel):
    model_config = ConfigDict(extra="forbid")
    any: list[Condition] = Field(min_length=1)


class NotOf(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    not_: Condition = Field(alias="not")


Condition = Union[AllOf, AnyOf, NotOf, Leaf]  # noqa: UP007 (pydantic needs the Union form)
for _model in (AllOf, AnyOf, NotOf):
    _model.model_rebuild()


def leaves(cond: Condition | None) -> list[Leaf]:
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


def effective(literal: Literal) -> Leaf:
    leaf, negated = literal
    return leaf.negated() if negated else leaf


def month_key_name(field: str) -> str:
    return f"{field}__mkey"


def list_member_name(field: str, member: str) -> str:
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
        return {engine_op: {end: shifted}}
    field = leaf.field
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
        text = f"{leaf.subject()} " + ("bekend" if lang == "nl" else "known")
    elif leaf.op == Op.absent:
        text = f"{leaf.subject()} " + ("onbekend" if lang == "nl" else "not given")
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
