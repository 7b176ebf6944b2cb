"""The location form of the web page, generated from the location model.

Each field's type gives its input (a number with its bounds, a date, yes/no/not
known, one choice, several choices, text), its description the label in Dutch
or English, its name the unit. Fields are grouped by theme, the way a planner
walks through a site. An empty input means "not known", exactly like a field
left out of a YAML file; what is entered is converted like a CSV cell and then
validated by the same code as a file, so the messages are the CLI's.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any

from babel.numbers import NumberFormatError
from babel.numbers import parse_decimal as babel_decimal

from checker.authoring.template import norms_by_field, unit_of
from checker.i18n import t
from checker.library.loader import Library
from checker.location.model import Location, field_bounds
from checker.location.table import FIELD_TYPES, cell_value, is_record_list, record_cell
from checker.location.writer import yaml_line
from checker.report.view import fact_titles

#: Evidence comes with an uploaded file and is carried in its YAML, not typed in the form.
NOT_IN_FORM = ("sources", "evidence")

#: Every location field but `NOT_IN_FORM` in exactly one theme (a test keeps this complete).
THEMES: dict[str, tuple[str, ...]] = {
    "theme_location": (
        "name",
        "id",
        "municipality",
        "location_type",
        "building_type",
        "operator",
        "populations_admitted",
        "notes",
        "described_on",
        "report_author",
        "report_status",
    ),
    "theme_people": (
        "capacity_total",
        "occupancy_total",
        "children_count",
        "school_age_children_count",
        "unaccompanied_minors_count",
        "children_under_1_count",
        "vulnerable_persons_count",
        "uam_age_min_years",
        "uam_living_group_size_max",
        "capacity_agreed_count",
        "residents_without_bed_count",
        "acute_medical_cases_present",
    ),
    "theme_building": (
        "bedroom_area_per_person_m2",
        "room_height_m",
        "bedrooms_enclosed",
        "bed_and_cupboard_per_person",
        "persons_per_toilet",
        "persons_per_shower",
        "sanitary_in_good_repair",
        "windowless_rooms_used",
        "drinking_water_24_7",
        "meals_per_day",
        "self_catering",
        "cleaning_schedule",
    ),
    "theme_education": (
        "school_distance_primary_km",
        "school_distance_secondary_km",
        "school_access_days_max",
        "school_age_children_not_in_school_count",
        "schooling_status_registered",
        "school_transport_provided",
        "preparatory_language_classes",
        "school_materials_provided",
        "homework_support",
        "study_place_per_child",
    ),
    "theme_play": (
        "indoor_play_area_m2",
        "outdoor_play_area_m2",
        "play_equipment_age_appropriate",
        "structured_activities_per_week",
    ),
    "theme_privacy_safety": (
        "persons_per_bedroom_max",
        "non_family_persons_per_bedroom_max",
        "families_per_bedroom_max",
        "children_per_bedroom_max_uam",
        "family_private_unit",
        "families_kept_together",
        "siblings_kept_together_uam",
        "uam_separated_from_adults",
        "gender_separated_bedrooms_uam",
        "bedrooms_lockable",
        "sanitary_gender_separated",
        "sanitary_lockable",
        "private_meeting_room",
        "security_risk_assessment",
        "gbv_prevention_measures",
        "incident_reporting_channel",
        "daily_presence_check_uam",
        "violence_or_abuse_reported",
        "police_incidents_reported",
        "children_without_supervision_reported",
        "authority_findings",
    ),
    "theme_health": (
        "health_care_access",
        "youth_health_care_access",
        "mental_health_support",
        "health_care_distance_km",
        "medical_screening_days_max",
        "uam_vulnerability_screening_hours_max",
        "vulnerability_assessment_days_max",
        "special_needs_met_for_all",
        "disease_outbreak_reported",
    ),
    "theme_staff": (
        "staff_present_24_7",
        "child_staff_present_24_7",
        "child_trained_staff_present",
        "staff_child_protection_training",
        "staff_screened",
        "child_contact_person",
        "guardian_assigned_days_max",
        "representative_appointed_working_days_max",
        "uam_information_days_max",
    ),
    "theme_rights": (
        "best_interests_assessment",
        "child_rights_impact_assessment",
        "child_participation",
        "child_friendly_complaints",
    ),
    "theme_stay": (
        "opening_date",
        "planned_closing_date",
        "planned_availability_years",
        "stay_children_avg_months",
        "stay_children_max_months",
        "relocations_per_child_max",
        "uam_days_at_registration_centre_max",
        "stay_residents_avg_months",
        "stay_residents_max_months",
        "emergency_use_since",
        "longest_stay_child_arrival_date",
    ),
}

#: Values of every field that holds several (checkboxes in the form).
_LIST_FIELDS = {
    n
    for n, kind in FIELD_TYPES.items()
    if typing.get_origin(kind) is list and not is_record_list(kind)
}


@dataclass(frozen=True)
class FormField:
    """One field of the web form, generated from the location schema."""

    name: str
    label: str
    widget: str  # text | textarea | number | date | yesno | choice | choices
    unit: str = ""
    options: tuple[tuple[str, str], ...] = ()  # (value, label) for choice and choices
    minimum: str = ""
    maximum: str = ""
    step: str = ""  # "1" for whole numbers, "any" otherwise
    required: bool = False
    norms: tuple[str, ...] = ()
    help: str = ""
    short: bool = False  # on the short first step


@dataclass
class Theme:
    """A group of form fields on one subject."""

    key: str
    fields: list[FormField] = field(default_factory=list)


#: Fields on the short first step besides the name: the ones the most norms read.
SHORT_PATH_SIZE = 13


def short_path(library: Library) -> set[str]:
    """The name and the SHORT_PATH_SIZE fields most norms read (ties: form order)."""
    used = norms_by_field(library)
    order = [n for names in THEMES.values() for n in names]
    ranked = sorted((n for n in order if used.get(n)), key=lambda n: -len(used[n]))
    return {"name", *ranked[:SHORT_PATH_SIZE]}


def parse_decimal(text: str, lang: str) -> float | int | None:
    """A number typed the way people write it in `lang` ("1.200" and "1,4" in Dutch, "1,200"
    and "1.4" in English), else the plain notation of a file ("1200", "1.4"); None if neither."""
    text = text.strip().replace("\u2212", "-")
    value: Decimal | None
    try:
        value = babel_decimal(text, locale=lang, strict=True)
    except NumberFormatError:
        try:
            value = babel_decimal(text, locale="en", strict=False) if _plain(text) else None
        except NumberFormatError:
            value = None
    if value is None or not value.is_finite():
        return None
    return (
        int(value)
        if value == value.to_integral_value() and "e" not in text.lower()
        else float(value)
    )


def _plain(text: str) -> bool:
    return re.fullmatch(r"-?\d+(\.\d+)?", text) is not None


def _members(kind: Any) -> type[Enum]:
    return typing.get_args(kind)[0] if typing.get_origin(kind) is list else kind


def _options(kind: Any, lang: str) -> tuple[tuple[str, str], ...]:
    enum = _members(kind)
    return tuple((m.value, t(f"{enum.__name__}.{m.value}", lang)) for m in enum)


def _widget(name: str, kind: Any) -> str:
    if name == "notes":
        return "textarea"
    if kind is bool:
        return "yesno"
    if kind in (int, float):
        return "number"
    if kind is dt.date:
        return "date"
    if name in _LIST_FIELDS:
        return "choices"
    if isinstance(kind, type) and issubclass(kind, Enum):
        return "choice"
    return "text"


def form_themes(library: Library, lang: str) -> list[Theme]:
    """The form's fields, theme by theme, labelled in `lang`."""
    titles = fact_titles(library, lang)
    used = norms_by_field(library)
    short = short_path(library)
    themes = []
    for key, names in THEMES.items():
        theme = Theme(key)
        for name in names:
            kind = FIELD_TYPES[name]
            widget = _widget(name, kind)
            low, high = field_bounds(name) if widget == "number" else (None, None)
            unit = unit_of(name)
            theme.fields.append(
                FormField(
                    name,
                    titles[name],
                    widget,
                    unit=(unit[0] if lang == "en" else unit[1]) if unit else "",
                    options=_options(kind, lang) if widget in ("choice", "choices") else (),
                    minimum="" if low is None else str(low),
                    maximum="" if high is None else str(high),
                    step={int: "1", float: "any"}.get(kind, ""),
                    required=name == "name",
                    norms=tuple(used.get(name, ())),
                    help=_help(name, lang),
                    short=name in short,
                )
            )
        themes.append(theme)
    return themes


def _help(name: str, lang: str) -> str:
    if name == "id":
        return t("web_id_help", lang)
    if name == "authority_findings":
        return t("web_authority_findings_help", lang)
    return ""


def slug(name: str) -> str:
    """An id made from a name: lower case, digits and hyphens (the model's pattern)."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _number_field(name: str) -> bool:
    return FIELD_TYPES.get(name) in (int, float)


def _typed(form: Mapping[str, list[str]], name: str) -> list[str]:
    return [v.strip() for v in form.get(name, []) if v.strip()]


def form_mapping(form: Mapping[str, list[str]], lang: str = "en") -> dict[str, Any]:
    """What was entered, as the mapping a YAML file would give; empty inputs are left out.

    `form` maps each input name to every value sent for it (checkboxes send several).
    Numbers are read as written in `lang`; one that cannot be read is passed on as typed,
    so the validator names it. An empty id is made from the name, so a planner need not
    invent one.
    """
    data: dict[str, Any] = {}
    for name in FIELD_TYPES:
        values = _typed(form, name)
        if not values:
            continue
        if name in _LIST_FIELDS:
            data[name] = values
        elif _number_field(name) and _fits(name, number := parse_decimal(values[0], lang)):
            data[name] = number
        else:
            data[name] = cell_value(name, values[0])
    if "id" not in data and isinstance(data.get("name"), str) and slug(data["name"]):
        data["id"] = slug(data["name"])
    return data


def _fits(name: str, number: float | int | None) -> bool:
    """A number the field can take; else the text goes on as typed, for the message."""
    return number is not None and (FIELD_TYPES[name] is float or isinstance(number, int))


def number_readings(form: Mapping[str, list[str]], lang: str) -> list[tuple[str, str, Any]]:
    """(field, as typed, as read) for each number typed otherwise than it is written in a file."""
    readings = []
    for name in FIELD_TYPES:
        values = _typed(form, name)
        if values and _number_field(name):
            number = parse_decimal(values[0], lang)
            if number is not None and values[0] != str(number):
                readings.append((name, values[0], number))
    return readings


def form_values(location: Location) -> dict[str, Any]:
    """A checked location as the form shows it again: text per field, a list for choices."""
    return document_values(location.model_dump(mode="json", exclude_none=True))


def entered_values(form: Mapping[str, list[str]]) -> dict[str, Any]:
    """What the user typed, unchanged, to show again next to the problems found in it."""
    return {
        name: (_typed(form, name) if name in _LIST_FIELDS else form[name][0])
        for name in FIELD_TYPES
        if _typed(form, name)
    }


def saved_yaml(
    form: Mapping[str, list[str]], lang: str, problems: Mapping[str, list[str]], header: str
) -> str:
    """What was typed, as a location file to go on with later: numbers in their plain
    notation (1200, 1.4), a field with a problem as typed, under its problems as comments."""
    data = form_mapping(form, lang)
    typed = entered_values(form)
    lines = [f"# {line}" for line in header.splitlines()]
    for name in FIELD_TYPES:
        if name not in data:
            continue
        for text in problems.get(name, []):
            lines += [f"# {line}" for line in text.splitlines()]
        value = typed.get(name, data[name]) if name in problems else data[name]
        lines.append(yaml_line(name, value))
    return "\n".join(lines) + "\n"


def document_values(data: Mapping[str, Any]) -> dict[str, Any]:
    """A location file's facts as the form shows them (text per field, a list for choices)."""
    values: dict[str, Any] = {}
    for name, value in data.items():
        if name not in FIELD_TYPES or name in NOT_IN_FORM or value is None:
            continue
        if isinstance(value, bool):
            values[name] = "true" if value else "false"
        elif is_record_list(FIELD_TYPES[name]) and isinstance(value, list):
            values[name] = record_cell(value)
        elif isinstance(value, list):
            values[name] = [str(v) for v in value]
        elif isinstance(value, float) and value.is_integer():
            values[name] = str(int(value))  # 60, not 60.0: the plain notation of a file
        else:
            values[name] = str(value)
    return values
