"""The practical floor, for the benchmark only: the norms in force compiled to one Python function.

`compile_floor(library, as_of)` writes the source of `decide(values)`, which takes the dict
`checker.evaluate.plain` builds (location values with the derived facts added) and returns
each norm's outcome, with the plain evaluator's Kleene logic spelled out inline instead of
interpreted. It is what Python can do at best with these norms, not a product path.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from checker.library.conditions import AllOf, AnyOf, Condition, Leaf, NotOf, Op
from checker.library.loader import Library
from checker.library.model import Outcome
from checker.library.months import days_against_months, whole_months

_PYTHON_OP = {
    Op.eq: "==",
    Op.ne: "!=",
    Op.lt: "<",
    Op.lte: "<=",
    Op.gt: ">",
    Op.gte: ">=",
    Op.in_: "in",
    Op.not_in: "not in",
}


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.constants: dict[str, Any] = {}
        self.count = 0

    def name(self) -> str:
        self.count += 1
        return f"t{self.count}"

    def constant(self, value: Any) -> str:
        key = f"c{len(self.constants)}"
        self.constants[key] = frozenset(value) if isinstance(value, list) else value
        return key

    def leaf(self, leaf: Leaf) -> str:
        out = self.name()
        if leaf.months_between:
            a, b = leaf.months_between
            test = f"whole_months(v[{a!r}], v[{b!r}]) {_PYTHON_OP[leaf.op]} {leaf.value!r}"
            known = f"v.get({a!r}) is not None and v.get({b!r}) is not None"
            self.lines.append(f"{out} = ({test}) if {known} else None")
            return out
        f = leaf.subject()
        got = f"v.get({f!r})"
        if leaf.op == Op.present:
            self.lines.append(f"{out} = {got} is not None")
        elif leaf.op == Op.absent:
            self.lines.append(f"{out} = {got} is None")
        elif leaf.months is not None:
            self.lines.append(
                f"{out} = None if {got} is None else "
                f"days_against_months(v[{f!r}], {leaf.op.value!r}, {leaf.months})"
            )
        elif leaf.op in (Op.contains, Op.not_contains):
            neg = "not " if leaf.op == Op.not_contains else ""
            self.lines.append(f"{out} = None if {got} is None else {leaf.value!r} {neg}in v[{f!r}]")
        else:
            value = self.constant(leaf.value) if isinstance(leaf.value, list) else repr(leaf.value)
            self.lines.append(
                f"{out} = None if {got} is None else v[{f!r}] {_PYTHON_OP[leaf.op]} {value}"
            )
        return out

    def cond(self, cond: Condition | None) -> str:
        if cond is None:
            return "True"
        if isinstance(cond, Leaf):
            return self.leaf(cond)
        out = self.name()
        if isinstance(cond, NotOf):
            inner = self.cond(cond.not_)
            self.lines.append(f"{out} = None if {inner} is None else not {inner}")
            return out
        parts = [self.cond(c) for c in (cond.all if isinstance(cond, AllOf) else cond.any)]
        joined = ", ".join(parts)
        if isinstance(cond, AllOf):
            expr = "False if False in p else None if None in p else True"
        else:
            assert isinstance(cond, AnyOf)
            expr = "True if True in p else None if None in p else False"
        self.lines.append(f"p = ({joined},)")
        self.lines.append(f"{out} = {expr}")
        return out


def compile_floor(library: Library, as_of: dt.date):
    """`decide(values) -> {norm id: Outcome}` for the norms in force on `as_of`."""
    writer = _Writer()
    body = writer.lines
    body.append("out = {}")
    for lib_norm in library.norms:
        if not lib_norm.in_force(as_of):
            continue
        applies = writer.cond(lib_norm.norm.applies_when)
        holds = writer.cond(lib_norm.norm.requires)
        body.append(
            f"out[{lib_norm.id!r}] = NA if {applies} is False else UNKNOWN if {applies} is None"
            f" or {holds} is None else PASS if {holds} else FAIL"
        )
    body.append("return out")
    source = "def decide(v):\n" + "".join(f"    {line}\n" for line in body)
    scope: dict[str, Any] = {
        "whole_months": whole_months,
        "days_against_months": days_against_months,
        "NA": Outcome.not_applicable,
        "UNKNOWN": Outcome.unknown,
        "PASS": Outcome.pass_,
        "FAIL": Outcome.fail,
        **writer.constants,
    }
    exec(compile(source, "<floor>", "exec"), scope)  # noqa: S102 (our own generated code)
    return scope["decide"]
