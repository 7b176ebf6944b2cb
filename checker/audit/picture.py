"""The national picture of an audit: locations **and children** (and unaccompanied minors)
per verdict, per failing norm, per location type, municipality and operator; the stays
against the stay limits; computed from the checked facts of every location, never typed in.

A location whose number of children is not given counts as a location, adds no children and
is counted as `children_unknown`, so a reader sees how far the child counts reach.
Memory is flat in the number of locations: one tally per verdict, norm and group.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from checker.audit.run import LocationResult
from checker.library.conditions import Op, leaves
from checker.library.loader import Library
from checker.report.verdict import LAYER_OF_WEIGHT

GROUPS = ("location_type", "municipality", "operator")
STAY_FIELDS = ("stay_children_avg_months", "stay_children_max_months")
#: catalog keys: a group's column label and its table's title; a stay limit's kind
GROUP_LABELS = {
    "location_type": ("picture_location_type", "picture_by_location_type"),
    "municipality": ("picture_municipality", "picture_by_municipality"),
    "operator": ("picture_operator", "picture_by_operator"),
}
STAY_LABELS = {
    "stay_children_avg_months": "picture_stay_children_avg_months",
    "stay_children_max_months": "picture_stay_children_max_months",
}


@dataclass
class Tally:
    """Locations, children and unaccompanied minors counted together."""

    locations: int = 0
    children: int = 0
    unaccompanied_minors: int = 0
    children_unknown: int = 0
    verdicts: Counter = field(default_factory=Counter)

    def count(self, children: int | None, minors: int, verdict: str) -> None:
        """Count in one location with these children (None: not given), minors and verdict."""
        self.locations += 1
        if children is None:
            self.children_unknown += 1
        else:
            self.children += children
        self.unaccompanied_minors += minors
        self.verdicts[verdict] += 1

    def merge(self, other: Tally) -> None:
        """Count in the locations `other` counted."""
        self.locations += other.locations
        self.children += other.children
        self.unaccompanied_minors += other.unaccompanied_minors
        self.children_unknown += other.children_unknown
        self.verdicts.update(other.verdicts)

    def to_dict(self) -> dict[str, Any]:
        """The tally as JSON data."""
        return {
            "locations": self.locations,
            "children": self.children,
            "unaccompanied_minors": self.unaccompanied_minors,
            "children_unknown": self.children_unknown,
            "verdicts": dict(self.verdicts),
        }


@dataclass(frozen=True)
class StayLimit:
    """A norm that caps a stay: at most `months` for the field it tests."""

    norm_id: str
    field: str
    months: float
    title: dict[str, str]


def stay_limits(library: Library | None) -> list[StayLimit]:
    """The stay caps the library's norms set (`requires` with `stay_children_* <= n`)."""
    found = []
    for n in library.norms if library else []:
        for leaf in leaves(n.norm.requires):
            if leaf.field in STAY_FIELDS and leaf.op in (Op.lte, Op.lt):
                title = {"en": n.norm.title.en, "nl": n.norm.title.nl}
                found.append(StayLimit(n.id, leaf.field, float(leaf.value), title))
    return found


def _tally(tallies: dict[str, Tally], key: str) -> Tally:
    tally = tallies.get(key)
    if tally is None:
        tally = tallies[key] = Tally()
    return tally


@dataclass
class NationalPicture:
    """The counts of the national picture, filled one location at a time, or merged from
    the pictures of consecutive chunks (`part=True`, see `merge`)."""

    library: Library | None = None
    part: bool = False
    total: Tally = field(default_factory=Tally)
    by_verdict: dict[str, Tally] = field(default_factory=dict)
    by_norm: dict[str, Tally] = field(default_factory=dict)
    groups: dict[str, dict[str, Tally]] = field(default_factory=lambda: {g: {} for g in GROUPS})
    _stay_sum: float = 0.0  # average stays weighted by the children they are about
    _stay_children: int = 0
    _stay_locations: int = 0
    longest: dict[str, Any] | None = None
    #: a part's stay terms, one per location: a float sum depends on the order of its terms,
    #: so merging adds them one by one, as one picture of every location would have
    _stay_terms: list[float] | None = None

    def __post_init__(self) -> None:
        if self.part:
            self._stay_terms = []

    def add(self, result: LocationResult) -> None:
        """Count one checked location in."""
        # the parent of a parallel audit does this for every location while the workers check:
        # the location's counts are read once, and a tally is made only for a new key
        facts = result.facts
        children = facts.get("children_count")
        minors = facts.get("unaccompanied_minors_count") or 0
        verdict = result.verdict
        self.total.count(children, minors, verdict)
        _tally(self.by_verdict, verdict).count(children, minors, verdict)
        for norm_id in result.failing:
            _tally(self.by_norm, norm_id).count(children, minors, verdict)
        for group in GROUPS:
            _tally(self.groups[group], str(facts.get(group) or "")).count(children, minors, verdict)
        average, longest = facts.get("stay_children_avg_months"), facts.get(STAY_FIELDS[1])
        if average is not None:
            weight = children or 1
            self._stay_sum += average * weight
            if self._stay_terms is not None:
                self._stay_terms.append(average * weight)
            self._stay_children += weight
            self._stay_locations += 1
        if longest is not None and (self.longest is None or longest > self.longest["months"]):
            self.longest = {
                "months": longest,
                "id": result.location_id,
                "name": result.name,
                "municipality": facts.get("municipality"),
            }

    def merge(self, part: NationalPicture) -> None:
        """Count in the picture of the chunk that follows the locations counted so far: in
        input order, the counts, the order of first appearance (which the JSON keeps) and
        the first of equally long stays are those of adding its locations here."""
        assert part._stay_terms is not None, "only a part's picture can be merged"
        self.total.merge(part.total)
        pairs = [(self.by_verdict, part.by_verdict), (self.by_norm, part.by_norm)]
        pairs += [(self.groups[g], part.groups[g]) for g in GROUPS]
        for tallies, theirs in pairs:
            for key, tally in theirs.items():
                _tally(tallies, key).merge(tally)
        for term in part._stay_terms:
            self._stay_sum += term
        self._stay_children += part._stay_children
        self._stay_locations += part._stay_locations
        longest = part.longest
        if longest is not None and (
            self.longest is None or longest["months"] > self.longest["months"]
        ):
            self.longest = longest

    @property
    def average_stay(self) -> float | None:
        """The children's average stay in months (weighted by children), over the locations
        that give it."""
        return self._stay_sum / self._stay_children if self._stay_children else None

    def norm_rows(self) -> list[dict[str, Any]]:
        """The failing norms, most children first: id, title, layer, counts."""
        rows = []
        for norm_id, tally in self.by_norm.items():
            info = self._norm(norm_id)
            rows.append({"norm_id": norm_id, **info, **tally.to_dict()})
        return sorted(rows, key=lambda r: (-r["children"], -r["locations"], r["norm_id"]))

    def _norm(self, norm_id: str) -> dict[str, Any]:
        if self.library is None:
            return {"title": {}, "layer": None}
        n = self.library.resolve(norm_id)
        if n is None:
            return {"title": {}, "layer": None}
        title = {"en": n.norm.title.en, "nl": n.norm.title.nl}
        return {"title": title, "layer": LAYER_OF_WEIGHT[n.weight.value]}

    def group_rows(self, group: str) -> list[tuple[str, Tally]]:
        """One group's tallies, most children first."""
        return sorted(
            self.groups[group].items(), key=lambda kv: (-kv[1].children, -kv[1].locations, kv[0])
        )

    def to_dict(self) -> dict[str, Any]:
        """The picture as the JSON summary carries it."""
        return {
            "total": self.total.to_dict(),
            "by_verdict": {v: t.to_dict() for v, t in self.by_verdict.items()},
            "by_failing_norm": self.norm_rows(),
            **{
                f"by_{group}": {k: t.to_dict() for k, t in self.group_rows(group)}
                for group in GROUPS
            },
            "stays": {
                "average_children_months": self.average_stay,
                "locations_with_average": self._stay_locations,
                "longest": self.longest,
                "limits": [
                    {"norm_id": s.norm_id, "field": s.field, "months": s.months, "title": s.title}
                    for s in stay_limits(self.library)
                ],
            },
        }
