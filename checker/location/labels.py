"""How each location field reads in a report: its label, its unit, how its value shows.

The label pair is the model's `description` ("English / Nederlands"); this module adds
the unit of every field, keyed by field name, so a new field is one new line in
`UNITS` (a test fails while a model field is missing here). Units are CLDR unit names
that Babel formats in the report language ("1.200 m²", "75 dagen"); `None` for a
yes/no, a choice, a date, a text or a plain count.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from enum import Enum
from typing import Any

from checker.i18n import catalog, t
from checker.i18n.formats import date, number, quantity
from checker.location.model import Location

AREA, KM, METRE = "area-square-meter", "length-kilometer", "length-meter"
DAYS, MONTHS, YEARS, HOURS = "duration-day", "duration-month", "duration-year", "duration-hour"
WORKING_DAYS = "working-day"  # not in CLDR: formatted by checker.i18n.formats

UNITS: dict[str, str | None] = {
    "id": None,
    "name": None,
    "report_author": None,
    "report_status": None,
    "municipality": None,
    "location_type": None,
    "building_type": None,
    "operator": None,
    "populations_admitted": None,
    "opening_date": None,
    "planned_closing_date": None,
    "planned_availability_years": YEARS,
    "capacity_total": None,
    "occupancy_total": None,
    "children_count": None,
    "unaccompanied_minors_count": None,
    "children_under_1_count": None,
    "vulnerable_persons_count": None,
    "uam_age_min_years": YEARS,
    "uam_living_group_size_max": None,
    "school_distance_primary_km": KM,
    "school_distance_secondary_km": KM,
    "school_access_days_max": DAYS,
    "school_age_children_not_in_school_count": None,
    "school_transport_provided": None,
    "preparatory_language_classes": None,
    "school_materials_provided": None,
    "homework_support": None,
    "indoor_play_area_m2": AREA,
    "outdoor_play_area_m2": AREA,
    "play_equipment_age_appropriate": None,
    "structured_activities_per_week": None,
    "bedroom_area_per_person_m2": AREA,
    "room_height_m": METRE,
    "persons_per_bedroom_max": None,
    "children_per_bedroom_max_uam": None,
    "families_per_bedroom_max": None,
    "bedrooms_enclosed": None,
    "bedrooms_lockable": None,
    "family_private_unit": None,
    "families_kept_together": None,
    "gender_separated_bedrooms_uam": None,
    "uam_separated_from_adults": None,
    "private_meeting_room": None,
    "drinking_water_24_7": None,
    "meals_per_day": None,
    "self_catering": None,
    "sanitary_gender_separated": None,
    "sanitary_lockable": None,
    "persons_per_toilet": None,
    "persons_per_shower": None,
    "study_place_per_child": None,
    "staff_present_24_7": None,
    "security_risk_assessment": None,
    "gbv_prevention_measures": None,
    "incident_reporting_channel": None,
    "daily_presence_check_uam": None,
    "health_care_access": None,
    "youth_health_care_access": None,
    "mental_health_support": None,
    "health_care_distance_km": KM,
    "medical_screening_days_max": DAYS,
    "child_staff_present_24_7": None,
    "child_trained_staff_present": None,
    "staff_child_protection_training": None,
    "staff_screened": None,
    "child_contact_person": None,
    "guardian_assigned_days_max": DAYS,
    "representative_appointed_working_days_max": WORKING_DAYS,
    "stay_children_avg_months": MONTHS,
    "stay_children_max_months": MONTHS,
    "relocations_per_child_max": None,
    "vulnerability_assessment_days_max": DAYS,
    "best_interests_assessment": None,
    "child_rights_impact_assessment": None,
    "child_participation": None,
    "child_friendly_complaints": None,
    "school_age_children_count": None,
    "schooling_status_registered": None,
    "special_needs_met_for_all": None,
    "siblings_kept_together_uam": None,
    "uam_days_at_registration_centre_max": DAYS,
    "uam_information_days_max": DAYS,
    "uam_vulnerability_screening_hours_max": HOURS,
    "non_family_persons_per_bedroom_max": None,
    "bed_and_cupboard_per_person": None,
    "cleaning_schedule": None,
    "notes": None,
    # facts that inspectors, courts and doctors report
    "violence_or_abuse_reported": None,
    "police_incidents_reported": None,
    "children_without_supervision_reported": None,
    "disease_outbreak_reported": None,
    "authority_findings": None,
    "sanitary_in_good_repair": None,
    "windowless_rooms_used": None,
    "capacity_agreed_count": None,
    "residents_without_bed_count": None,
    "stay_residents_avg_months": MONTHS,
    "stay_residents_max_months": MONTHS,
    "emergency_use_since": None,
    "acute_medical_cases_present": None,
    "longest_stay_child_arrival_date": None,
    # about the description itself (issue 16)
    "described_on": None,
    "sources": None,
    "evidence": None,
}

#: Units of facts that are not location fields (derived facts), by the end of their name.
SUFFIX_UNITS = {"_months": MONTHS, "_years": YEARS, "_days": DAYS, "_km": KM, "_m2": AREA}

# The unit is shown with the value, so the label need not say it again ("in dagen (dagen)").
_UNIT_TAIL = re.compile(
    r",? in (days|dagen|working days|werkdagen|months|maanden|hours|uren|years|jaren)$"
)


def label(name: str, lang: str) -> str | None:
    """The field's label in `lang` (None: not a location field)."""
    info = Location.model_fields.get(name)
    if info is None or not info.description or " / " not in info.description:
        return None
    en, nl = info.description.split(" / ", 1)
    return without_unit(en if lang == "en" else nl)


def without_unit(text: str) -> str:
    """'Planned availability in months' -> 'Planned availability' (the value shows the unit)."""
    return _UNIT_TAIL.sub("", text)


def unit(name: str) -> str | None:
    """The unit key of field `name` (None for a value without a unit)."""
    if name in UNITS:
        return UNITS[name]
    return next((u for end, u in SUFFIX_UNITS.items() if name.endswith(end)), None)


def enum_of(name: str) -> type[Enum] | None:
    """The choice type of a field (its list members' type for a list), if it has one."""
    info = Location.model_fields.get(name)
    todo = [info.annotation] if info else []
    while todo:
        kind = todo.pop()
        if isinstance(kind, type) and issubclass(kind, Enum):
            return kind
        if isinstance(kind, types.UnionType) or typing.get_origin(kind) is not None:
            todo += typing.get_args(kind)
    return None


def show(name: str, value: Any, lang: str) -> str:
    """A value as a reader writes it: 'ja', '1.200 m²', '1 juni 2026', 'kantoorgebouw'."""
    if value is None:
        return t("unknown", lang)
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if isinstance(value, list | set | tuple | frozenset):
        parts = [show(name, v, lang) for v in value]
        return ", ".join(sorted(parts) if isinstance(value, set | frozenset) else parts)
    if isinstance(value, dt.date):
        return date(value, lang)
    if isinstance(value, Enum):
        value = value.value
    kind = enum_of(name)
    if kind is not None and isinstance(value, str):
        key = f"{kind.__name__}.{value}"
        return t(key, lang) if key in catalog() else value
    if isinstance(value, int | float):
        u = unit(name)
        return quantity(value, u, lang) if u else number(value, lang)
    return str(value)
