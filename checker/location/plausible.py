"""Plausibility bounds: a number outside them is possible but more likely a typing error
(`1.200` read as 1.2 m², a count with an extra digit), so the report warns and the check goes
on. The hard bounds of the model (a count below 0, an age above 17) stay errors.

One row per numeric location field (a test fails while one is missing); `per` divides the
value by a count first, so a play area is judged per child. Zero is never warned about: no
play area, no meals served (self-catering) are facts, not typing errors. The table is in the README
("Plausibility bounds"); the figures are our own judgement of what a real location shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.i18n import t
from checker.i18n.formats import number
from checker.location.consistency import Inconsistency
from checker.location.labels import label
from checker.location.model import Location


@dataclass(frozen=True)
class Bound:
    """What is usual for one field: at least `low`, at most `high` (None: no bound)."""

    low: float | None
    high: float | None
    per: str | None = None  # a count field to divide by first (per child, per resident)


PEOPLE, AREA = 5000, 100_000
BOUNDS: dict[str, Bound] = {
    "planned_availability_years": Bound(None, 50),
    "capacity_total": Bound(None, PEOPLE),
    "occupancy_total": Bound(None, PEOPLE),
    "children_count": Bound(None, 2500),
    "unaccompanied_minors_count": Bound(None, 1500),
    "children_under_1_count": Bound(None, 500),
    "vulnerable_persons_count": Bound(None, PEOPLE),
    "uam_age_min_years": Bound(6, None),
    "uam_living_group_size_max": Bound(None, 100),
    "school_distance_primary_km": Bound(None, 50),
    "school_distance_secondary_km": Bound(None, 75),
    "school_access_days_max": Bound(None, 730),
    "school_age_children_not_in_school_count": Bound(None, 2500),
    "indoor_play_area_m2": Bound(0.2, 100, per="children_count"),
    "outdoor_play_area_m2": Bound(0.2, 1000, per="children_count"),
    "structured_activities_per_week": Bound(None, 100),
    "bedroom_area_per_person_m2": Bound(1, 50),
    "room_height_m": Bound(1.8, 10),
    "persons_per_bedroom_max": Bound(None, 500),
    "children_per_bedroom_max_uam": Bound(None, 20),
    "families_per_bedroom_max": Bound(None, 100),
    "meals_per_day": Bound(1, 6),
    "persons_per_toilet": Bound(None, 200),
    "persons_per_shower": Bound(None, 200),
    "health_care_distance_km": Bound(None, 100),
    "medical_screening_days_max": Bound(None, 365),
    "guardian_assigned_days_max": Bound(None, 365),
    "representative_appointed_working_days_max": Bound(None, 260),
    "stay_children_avg_months": Bound(None, 120),
    "stay_children_max_months": Bound(None, 180),
    "relocations_per_child_max": Bound(None, 30),
    "vulnerability_assessment_days_max": Bound(None, 365),
    "school_age_children_count": Bound(None, 2500),
    "uam_days_at_registration_centre_max": Bound(None, 365),
    "uam_information_days_max": Bound(None, 365),
    "uam_vulnerability_screening_hours_max": Bound(None, 2160),
    "non_family_persons_per_bedroom_max": Bound(None, 500),
    "capacity_agreed_count": Bound(None, PEOPLE),
    "residents_without_bed_count": Bound(None, 2000),
    "stay_residents_avg_months": Bound(None, 120),
    "stay_residents_max_months": Bound(None, 180),
}


def implausible(location: Location) -> list[Inconsistency]:
    """The numbers of `location` outside their usual range, as warnings."""
    found = []
    for name, bound in BOUNDS.items():
        value = getattr(location, name)
        if value is None:
            continue
        if bound.per is not None:
            count = getattr(location, bound.per)
            if not count:
                continue
            value = value / count
        # zero is a real answer (no play area, self-catering), never a typing error
        if (bound.low is None or value >= bound.low or value == 0) and (
            bound.high is None or value <= bound.high
        ):
            continue
        others = (bound.per,) if bound.per else ()
        found.append(Inconsistency(name, others, False, *_texts(name, value, bound)))
    return found


def _texts(name: str, value: float, bound: Bound) -> tuple[dict, dict, str]:
    message, hint = {}, {}
    for lang in ("en", "nl"):
        shown = number(round(value, 2), lang)
        if bound.low is not None and value < bound.low:
            key, limit = "implausible_low", bound.low
        else:
            key, limit = "implausible_high", bound.high  # type: ignore[assignment]  # crossed
        what = label(name, lang) or name
        if bound.per:
            what = t("implausible_per_child", lang, what=what)
        message[lang] = t(key, lang, what=what, value=shown, limit=number(limit or 0, lang))
        hint[lang] = t("implausible_hint", lang)
    return message, hint, "implausible_value"
