"""Facts that contradict each other, as a careful reader would notice them.

Each check is either an *error* (the facts cannot both be true, so no check
can rest on them: the file is refused, exit 2) or a *warning* (unusual but
possible: the location is checked and the report carries the warning). The
decisions, and why, are in the README ("Facts that contradict each other").
A check only runs when every fact it compares is given.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from checker.errors import Problem, problem
from checker.i18n import t
from checker.location import labels
from checker.location.model import Location

#: Occupancy above this many times the capacity is so far out that the report warns about it
#: before anything else: a typing error (an extra digit) or overcrowding of a rare order, as
#: when hundreds of minors slept in a registration centre of a few dozen places. Real data of
#: that order is checked, not refused.
FAR_ABOVE_CAPACITY = 5


@dataclass(frozen=True)
class Inconsistency:
    """Facts of one location that contradict each other (an error) or look doubtful."""

    field: str  # the field the message is about; the others are named in the text
    others: tuple[str, ...]
    error: bool
    message: dict[str, str]
    hint: dict[str, str]
    kind: str = "inconsistent_facts"  # the kind of report warning it becomes

    @property
    def fields(self) -> tuple[str, ...]:
        """Every field the contradiction is about."""
        return (self.field, *self.others)

    def render(self, lang: str) -> str:
        """The contradiction on one line, in `lang`, naming the fields as the file does."""
        label = t("field_label", lang)
        return f"{label} '{self.field}': {self.message[lang]} — {self.hint[lang]}"

    def prose(self, lang: str) -> str:
        """The contradiction as a report says it: each field by its label, not its name."""

        def inline(name: str) -> str:  # mid-sentence: 'meer dan aantal plaatsen', keep 'JGZ'
            label = labels.label(name, lang) or name
            return label[0].lower() + label[1:] if label[1:2].islower() else label

        def words(text: str) -> str:
            for name in sorted(self.fields, key=len, reverse=True):
                text = re.sub(rf"(?<![\w-]){name}(?![\w-])", inline(name), text)
            return text

        head = labels.label(self.field, lang) or self.field
        message = words(self.message[lang])
        if not message.startswith(head):  # a message that opens with the fact needs no label
            message = f"{head}: {message}"
        return f"{message} — {words(self.hint[lang])}"


def _v(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


# (part, whole, why en, why nl): the part can never be larger than the whole.
# checker.testing.synthetic keeps parts within wholes in this order, so a whole comes before
# its parts.
PARTS = [
    (
        "children_count",
        "occupancy_total",
        "children are counted among the residents",
        "kinderen tellen mee bij de bewoners",
    ),
    (
        "unaccompanied_minors_count",
        "children_count",
        "every unaccompanied minor is a child",
        "elke amv is een kind",
    ),
    (
        "children_under_1_count",
        "children_count",
        "children under one are counted among the children",
        "kinderen onder één jaar tellen mee bij de kinderen",
    ),
    (
        "school_age_children_not_in_school_count",
        "children_count",
        "school-age children are counted among the children",
        "leerplichtige kinderen tellen mee bij de kinderen",
    ),
    (
        "school_age_children_count",
        "children_count",
        "school-age children are counted among the children",
        "leerplichtige kinderen tellen mee bij de kinderen",
    ),
    (
        "school_age_children_not_in_school_count",
        "school_age_children_count",
        "children who do not go to school are counted among the school-age children",
        "kinderen die niet naar school gaan tellen mee bij de leerplichtige kinderen",
    ),
    (
        "vulnerable_persons_count",
        "occupancy_total",
        "persons with special reception needs are residents",
        "personen met bijzondere opvangbehoeften zijn bewoners",
    ),
    (
        "stay_children_avg_months",
        "stay_children_max_months",
        "an average cannot exceed the longest stay",
        "een gemiddelde kan niet boven de langste verblijfsduur liggen",
    ),
    (
        "stay_residents_avg_months",
        "stay_residents_max_months",
        "an average cannot exceed the longest stay",
        "een gemiddelde kan niet boven de langste verblijfsduur liggen",
    ),
    (
        "residents_without_bed_count",
        "occupancy_total",
        "residents without a bed are counted among the residents",
        "bewoners zonder bed tellen mee bij de bewoners",
    ),
]

_FIX = ("correct one of the two", "verbeter een van beide")


def _more_than(part: str, whole: str, a: Any, b: Any, error: bool, why: tuple[str, str], fix):
    return Inconsistency(
        part,
        (whole,),
        error,
        {
            "en": f"{_v(a)} is more than {whole} ({_v(b)})",
            "nl": f"{_v(a)} is meer dan {whole} ({_v(b)})",
        },
        {"en": f"{why[0]}; {fix[0]}", "nl": f"{why[1]}; {fix[1]}"},
    )


#: every field the checks below read: a dump of the whole location for them was four fifths of
#: their time, and they run for every location of an audit
_READ = (
    *dict.fromkeys(name for part, whole, _, _ in PARTS for name in (part, whole)),
    "opening_date",
    "planned_closing_date",
    "capacity_total",
    "uam_living_group_size_max",
    "populations_admitted",
)


def inconsistencies(location: Location) -> list[Inconsistency]:
    """Every contradiction between the facts given, errors and warnings alike."""
    got = {name: value for name in _READ if (value := getattr(location, name)) is not None}
    found: list[Inconsistency] = []
    for part, whole, why_en, why_nl in PARTS:
        if part in got and whole in got and got[part] > got[whole]:
            a, b = got[part], got[whole]
            found.append(_more_than(part, whole, a, b, True, (why_en, why_nl), _FIX))
    opening, closing = got.get("opening_date"), got.get("planned_closing_date")
    if opening and closing and closing < opening:
        found.append(
            Inconsistency(
                "planned_closing_date",
                ("opening_date",),
                True,
                {
                    "en": f"{_v(closing)} is before opening_date ({_v(opening)})",
                    "nl": f"{_v(closing)} ligt vóór opening_date ({_v(opening)})",
                },
                {
                    "en": "a location cannot close before it opens; correct one of the two",
                    "nl": "een locatie sluit niet voor ze opengaat; verbeter een van beide",
                },
            )
        )
    occupancy, capacity = got.get("occupancy_total"), got.get("capacity_total")
    if occupancy is not None and capacity is not None and occupancy > capacity:
        far = occupancy > FAR_ABOVE_CAPACITY * capacity
        why = (
            (
                f"more than {FAR_ABOVE_CAPACITY} times the capacity: severe overcrowding, "
                "or a typing error",
                f"meer dan {FAR_ABOVE_CAPACITY} keer de capaciteit: ernstige overbezetting, "
                "of een tikfout",
            )
            if far
            else ("the location is overcrowded", "de locatie is overvol")
        )
        fix = (
            (
                "check both numbers; if they are right, the overcrowding norms fail",
                "controleer beide getallen; kloppen ze, dan vallen de normen over overbezetting af",
            )
            if far
            else ("check both numbers", "controleer beide getallen")
        )
        warning = _more_than(
            "occupancy_total", "capacity_total", occupancy, capacity, False, why, fix
        )
        if far:
            warning = dataclasses.replace(warning, kind="far_above_capacity")
        found.append(warning)
    group, minors = got.get("uam_living_group_size_max"), got.get("unaccompanied_minors_count")
    if group is not None and minors is not None and group > minors:
        found.append(
            _more_than(
                "uam_living_group_size_max",
                "unaccompanied_minors_count",
                group,
                minors,
                False,
                (
                    "a living group is larger than all unaccompanied minors together",
                    "een woongroep is groter dan alle amv's samen",
                ),
                (
                    "fine if it is the planned group size; otherwise correct it",
                    "goed als het de geplande groepsgrootte is; verbeter het anders",
                ),
            )
        )
    populations = got.get("populations_admitted")
    if minors and populations is not None and "unaccompanied_minors" not in populations:
        found.append(
            Inconsistency(
                "populations_admitted",
                ("unaccompanied_minors_count",),
                False,
                {
                    "en": f"does not list unaccompanied_minors, but {minors} live here",
                    "nl": f"noemt geen unaccompanied_minors, maar er wonen er {minors}",
                },
                {
                    "en": "add unaccompanied_minors to the list, or correct the count",
                    "nl": "zet unaccompanied_minors in de lijst, of verbeter het aantal",
                },
            )
        )
    return found


def warnings(location: Location) -> list[Inconsistency]:
    """The doubtful but possible combinations of facts in `location`."""
    return [i for i in inconsistencies(location) if not i.error]


def error_problems(location: Location, file: str, line_of) -> list[Problem]:
    """The contradictions that make `location` impossible, as problems with lines."""
    return [
        problem(
            file,
            line_of((i.field,)),
            i.message["en"],
            i.message["nl"],
            field=i.field,
            hint_en=i.hint["en"],
            hint_nl=i.hint["nl"],
        )
        for i in inconsistencies(location)
        if i.error
    ]
