"""From a verdict to a plan: the fact changes that bring a location to a target.

`improve` works from the norms, not from a list of known fixes, so it keeps
working as the library grows. For the most important norm that stands in the
way of the target (law before court before policy before guidance, critical
before major before minor) it takes the branch of the norm's requirement
(in disjunctive normal form) that needs the fewest changes and sets each unmet
leaf to the nearest value that meets it: `outdoor_play_area_m2 > 0` becomes 1,
`availability_months ≥ 60` moves the planned closing date (or the planned
years) because availability is derived from them. It then re-checks the whole
location with the engine and keeps the change only if the norm now passes and
no norm that the target needs and that passed before fails now; otherwise the
norm is reported as an obstacle. This repeats until the target holds or no
norm is left to try.

A fact that was unknown is never silently invented: a value proposed for it is
marked "to confirm", because the plan only reaches the target if that fact is
made true. Facts that decide whether a norm applies at all (how many children
live here) are not proposed: they must be found out.

Some facts are not the building's to change: the kind of location, the
building, the groups admitted, the operator, a date in the past. They are
listed in FIXED_FIELDS, with the reason shown to the reader.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from checker.api import Checker
from checker.errors import InputError
from checker.evaluate.plain import derive, location_values, truth
from checker.library.conditions import Leaf, Op, dnf, effective, fields_of
from checker.library.loader import Library
from checker.library.model import Outcome
from checker.location.loader import location_from_mapping
from checker.location.model import Location
from checker.report.build import Report
from checker.report.findings import Finding
from checker.report.verdict import BINDING, Verdict
from checker.report.view import finding_order

TARGETS = ("compliant", "compliant_with_concerns", "child-friendly")

#: Facts a building plan cannot change, with the i18n key of the reason a reader sees.
FIXED_FIELDS: dict[str, str] = {
    "location_type": "needs_other_location_type",
    "building_type": "needs_other_building",
    "populations_admitted": "needs_other_population",
    "operator": "needs_other_operator",
    "opening_date": "date_in_the_past",
    "as_of_date": "date_in_the_past",
    "emergency_use_since": "date_in_the_past",
    # what happened and what authorities found: a plan acts on it, it cannot undo it
    "violence_or_abuse_reported": "already_reported",
    "police_incidents_reported": "already_reported",
    "children_without_supervision_reported": "already_reported",
    "disease_outbreak_reported": "already_reported",
    "authority_findings": "already_reported",
}

#: Facts about who lives here: a plan can change them, but only by moving people.
RESIDENT_FIELDS = {
    "capacity_total",
    "occupancy_total",
    "children_count",
    "unaccompanied_minors_count",
    "children_under_1_count",
    "vulnerable_persons_count",
    "uam_age_min_years",
}


@dataclass
class Change:
    """One fact the plan changes, and the norms that pass because of it."""

    field: str
    before: Any  # None: was unknown
    after: Any  # None: made unknown
    requirement: Leaf  # the leaf the value was chosen to meet
    norms: list[str] = dataclasses.field(default_factory=list)  # norms that pass because of it

    @property
    def to_confirm(self) -> bool:
        """True when the fact was unknown: the plan must make it so, not only record it."""
        return self.before is None

    @property
    def moves_residents(self) -> bool:
        """True when the change is about who lives here rather than the building."""
        return self.field in RESIDENT_FIELDS


@dataclass
class Obstacle:
    """A norm the plan could not make pass, and why."""

    norm_id: str
    reason: str  # i18n key
    fields: list[str] = dataclasses.field(default_factory=list)
    conflicts_with: list[str] = dataclasses.field(default_factory=list)


@dataclass
class Plan:
    """A plan: the changes, what it cannot fix, and the re-checked result."""

    target: str
    before: Report
    after: Report
    changes: list[Change]
    obstacles: list[Obstacle]

    @property
    def reached(self) -> bool:
        """True when the re-checked location reaches the target."""
        return target_reached(self.after, self.target)


class _Blocked(Exception):
    def __init__(self, reason: str, fields: list[str]):
        super().__init__(reason)
        self.reason, self.fields = reason, fields


def target_reached(report: Report, target: str) -> bool:
    """True when `report` meets `target` (compliant, with concerns, or child-friendly)."""
    if target == "compliant":
        return report.verdict == Verdict.compliant
    if target == "child-friendly" and report.score.band != "child_friendly":
        return False
    return report.verdict.acceptable


def _in_the_way(findings: list[Finding], target: str) -> list[Finding]:
    """Open norms the target cares about, most important first."""
    open_ = [f for f in findings if f.outcome in (Outcome.fail, Outcome.unknown)]
    if target == "compliant_with_concerns":
        open_ = [f for f in open_ if f.weight in BINDING]
    return sorted(open_, key=finding_order)


def _matters(f: Finding, target: str) -> bool:
    return target != "compliant_with_concerns" or f.weight in BINDING


# choosing values -----------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; if that day does not exist, the first of the next month
    (so the months between are complete, as checker.evaluate.facts counts them)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if day.day <= calendar.monthrange(year, month)[1]:
        return dt.date(year, month, day.day)
    return dt.date(year + month // 12, month % 12 + 1, 1)


def _number(op: Op, value: float, whole: bool) -> float | int:
    if op == Op.eq:
        result: float = value
    elif op == Op.ne:
        result = value + 1
    elif op == Op.gte:
        result = math.ceil(value) if whole else value
    elif op == Op.gt:
        result = math.floor(value) + 1
    elif op == Op.lte:
        result = math.floor(value) if whole else value
    else:  # lt
        result = math.ceil(value) - 1 if whole or value >= 1 else value / 2
    return int(result) if whole else float(result)


class _Solver:
    """Values that make one leaf true, as changes to location fields."""

    def __init__(self, library: Library):
        self.library = library
        self.derived = {d.name: d for d in library.derived}
        self.whole = {
            n for n, info in Location.model_fields.items() if info.annotation == int | None
        }

    def satisfy(self, leaf: Leaf, values: dict[str, Any]) -> dict[str, Any]:
        leaf = leaf.certain()  # a deadline in months is met for sure at its shortest length
        if leaf.months_between:
            start, end = leaf.months_between
            self._changeable(end)
            if values.get(start) is None:
                raise _Blocked("find_out", self.library.base_fields(start))
            months = {Op.gte: 0, Op.gt: 1, Op.lte: 0, Op.lt: -1}[leaf.op] + leaf.value
            return {end: add_months(values[start], months)}
        name = leaf.subject()
        if name in self.derived:
            return self._satisfy_derived(leaf, values)
        self._changeable(name)
        kind = self.library.field_kinds[name]
        op, want = leaf.op, leaf.value
        if op == Op.present:
            raise _Blocked("find_out", [name])  # a value cannot be invented
        if op == Op.absent:
            return {name: None}
        if kind.kind == "number":
            return {name: _number(op, want, name in self.whole)}
        if kind.kind == "bool":
            return {name: want if op == Op.eq else not want}
        if kind.kind == "enum":
            return {name: want if op == Op.eq else next(m for m in kind.members if m != want)}
        if kind.kind == "list":
            now = list(values.get(name) or [])
            if op == Op.contains:
                return {name: sorted({*now, want})}
            return {name: [m for m in now if m != want]}
        raise _Blocked("no_value", [name])

    def _changeable(self, name: str) -> None:
        if name in FIXED_FIELDS:
            raise _Blocked(FIXED_FIELDS[name], [name])

    def _satisfy_derived(self, leaf: Leaf, values: dict[str, Any]) -> dict[str, Any]:
        d = self.derived[leaf.subject()]
        bases = self.library.base_fields(leaf.subject())
        fixed = [b for b in bases if b in FIXED_FIELDS]
        if d.when is not None:  # a yes/no about the location itself (houses families, ...)
            raise _Blocked(FIXED_FIELDS[fixed[0]] if fixed else "derived", bases)
        # A number: meet the leaf through the case in effect, or the first that could be.
        cases = d.cases or []  # a derived fact without `when` is a number given by its cases
        case = next((c for c in cases if truth(c.when, values) is True), None)
        case = case or next((c for c in cases if truth(c.when, values) is None), None)
        if case is None:
            raise _Blocked("find_out", bases)
        ((kind, args),) = case.value.items()
        if kind == "months_between":
            return self.satisfy(Leaf(months_between=args, op=leaf.op, value=leaf.value), values)
        if kind == "field":
            return self.satisfy(leaf.model_copy(update={"field": args}), values)
        if kind == "multiply":
            (name,) = [a for a in args if isinstance(a, str)]
            factor = math.prod(a for a in args if not isinstance(a, str))
            return self.satisfy(Leaf(field=name, op=leaf.op, value=leaf.value / factor), values)
        raise _Blocked("derived", bases)

    def cheapest(self, finding: Finding, values: dict[str, Any]) -> dict[str, tuple[Any, Leaf]]:
        """The fewest changes that make the norm's requirement true (one DNF branch):
        {field: (new value, the requirement leaf it meets)}."""
        norm = self.library.norm(finding.norm_id).norm
        if truth(norm.applies_when, values) is None:
            gate = [b for f in fields_of(norm.applies_when) for b in self.library.base_fields(f)]
            raise _Blocked("find_out", [f for f in dict.fromkeys(gate) if values.get(f) is None])
        best: dict[str, tuple[Any, Leaf]] | None = None
        blocked: _Blocked | None = None
        for conj in dnf(norm.requires):
            sets: dict[str, tuple[Any, Leaf]] = {}
            try:
                for literal in conj:
                    leaf = effective(literal)
                    if truth(leaf, values) is not True:
                        sets.update({k: (v, leaf) for k, v in self.satisfy(leaf, values).items()})
            except _Blocked as exc:
                blocked = blocked or exc
                continue
            if sets and (best is None or len(sets) < len(best)):
                best = sets
        if best is None:
            raise blocked or _Blocked("no_value", fields_of(norm.requires))
        return best


# the plan ------------------------------------------------------------------------


def _as_data(location: Location) -> dict[str, Any]:
    return location.model_dump(exclude_none=True)


def _location(data: dict[str, Any]) -> Location:
    clean = {k: v for k, v in data.items() if v is not None}
    return location_from_mapping(clean, "improve")


def improve(
    checker: Checker,
    location: Location,
    as_of: dt.date,
    target: str,
    lang: str = "nl",
    source: str | None = None,
) -> Plan:
    """A plan of fact changes that brings `location` to `target`, re-checked by the engine."""
    library = checker.library
    solver = _Solver(library)
    before = checker.check(location, as_of, lang, source, look_ahead=False)
    report, data = before, _as_data(location)
    changes: dict[str, Change] = {}
    obstacles: dict[str, Obstacle] = {}
    for _ in range(2 * len(library.norms)):
        if target_reached(report, target):
            break
        todo = [f for f in _in_the_way(report.findings, target) if f.norm_id not in obstacles]
        if not todo:
            break
        finding = todo[0]
        values = derive(library, location_values(_location(data), as_of))
        try:
            sets = solver.cheapest(finding, values)
            trial = dict(data, **{name: value for name, (value, _) in sets.items()})
            after = checker.check(_location(trial), as_of, lang, source, look_ahead=False)
        except _Blocked as exc:
            obstacles[finding.norm_id] = Obstacle(finding.norm_id, exc.reason, exc.fields)
            continue
        except InputError:
            obstacles[finding.norm_id] = Obstacle(finding.norm_id, "no_value", list(sets))
            continue
        now = {f.norm_id: f for f in after.findings}
        broken = [
            f.norm_id
            for f in report.findings
            if f.outcome == Outcome.pass_
            and now[f.norm_id].outcome != Outcome.pass_
            and _matters(f, target)
        ]
        if now[finding.norm_id].outcome != Outcome.pass_ or broken:
            obstacles[finding.norm_id] = Obstacle(
                finding.norm_id, "conflict" if broken else "not_fixed", list(sets), broken
            )
            continue
        for name, (value, leaf) in sets.items():
            kept = changes.get(name)
            changes[name] = Change(name, kept.before if kept else data.get(name), value, leaf)
        data, report = trial, after
    return Plan(
        target,
        before,
        report,
        _attributed(changes, before, report, library),
        [o for o in obstacles.values() if _still_open(o, report)],
    )


def _still_open(obstacle: Obstacle, report: Report) -> bool:
    outcome = next(f.outcome for f in report.findings if f.norm_id == obstacle.norm_id)
    return outcome in (Outcome.fail, Outcome.unknown)


def _attributed(
    changes: dict[str, Change], before: Report, after: Report, library: Library
) -> list[Change]:
    """Each change with the norms it turned to pass; most important norm first."""
    was = {f.norm_id: f.outcome for f in before.findings}
    fixed = [f for f in sorted(after.findings, key=finding_order) if f.outcome == Outcome.pass_]
    fixed = [f for f in fixed if was[f.norm_id] != Outcome.pass_]
    result = []
    for change in changes.values():
        if change.after == change.before:
            continue
        for f in fixed:
            bases = {
                b for name in library.norm(f.norm_id).fields for b in library.base_fields(name)
            }
            if change.field in bases:
                change.norms.append(f.norm_id)
        result.append(change)
    rank = {f.norm_id: i for i, f in enumerate(fixed)}
    return sorted(result, key=lambda c: min((rank[n] for n in c.norms), default=len(rank)))
