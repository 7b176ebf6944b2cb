"""Issue 17: every fact in a reader's words, with units and the language's conventions."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.library.conditions import Leaf
from checker.location import labels
from checker.location.model import Location
from checker.report.wording import Wording


def test_every_location_field_has_a_label_in_both_languages_and_an_entry_in_the_unit_table():
    missing_unit = sorted(set(Location.model_fields) - set(labels.UNITS))
    stale = sorted(set(labels.UNITS) - set(Location.model_fields))
    assert missing_unit == [], "add these fields to checker/location/labels.py UNITS"
    assert stale == [], "these UNITS entries name no model field"
    for name in Location.model_fields:
        assert labels.label(name, "nl") and labels.label(name, "en"), name
        assert labels.label(name, "nl") != labels.label(name, "en") or name == "municipality"


def test_a_field_whose_name_carries_a_unit_has_that_unit():
    suffixes = {"_m2": labels.AREA, "_km": labels.KM, "_days_max": labels.DAYS}
    for name in Location.model_fields:
        for end, unit in suffixes.items():
            if name.endswith(end) and "working_days" not in name:
                assert labels.UNITS[name] == unit, name


@pytest.mark.parametrize(
    ("lang", "area", "day", "decimal"),
    [("nl", "1.200 m²", "1 juni 2026", "4,5 km"), ("en", "1,200 m²", "1 June 2026", "4.5 km")],
)
def test_numbers_units_and_dates_follow_the_report_language(lang, area, day, decimal):
    assert labels.show("outdoor_play_area_m2", 1200, lang) == area
    assert labels.show("opening_date", dt.date(2026, 6, 1), lang) == day
    assert labels.show("school_distance_primary_km", 4.5, lang) == decimal


def test_a_requirement_not_met_reads_as_the_fact_its_value_and_what_is_required():
    words = Wording("nl")
    lockable = Leaf(field="bedrooms_lockable", op="eq", value=True)
    assert words.not_met(lockable, {"bedrooms_lockable": False}) == (
        "Slaapkamers kunnen op slot: nee — vereist: ja"
    )
    school = Leaf(
        field="school_access_days_max",
        op="lte",
        value=61,
        note={"en": "2 months", "nl": "2 maanden"},
    )
    assert words.not_met(school, {"school_access_days_max": 75}) == (
        "Langste tijd van asielaanvraag tot eerste schooldag: 75 dagen — vereist: ten hoogste "
        "2 maanden"
    )
    kind = Leaf(field="building_type", op="in", value=["ship", "office"])
    assert Wording("en").not_met(kind, {"building_type": "tents"}) == (
        "Kind of building: tents — required: one of: ship, office building"
    )


@pytest.mark.parametrize(
    ("lang", "area", "day"), [("nl", "1.200 m²", "1 juni 2026"), ("en", "1,200 m²", "1 June 2026")]
)
def test_a_report_writes_numbers_and_dates_in_its_language(checker, lang, area, day):
    from checker.location.loader import location_from_mapping
    from checker.render.html import render_html
    from checker.render.markdown import render_markdown
    from checker.render.text import render_text

    location = location_from_mapping(
        {
            "id": "park",
            "name": "Park",
            "children_count": 30,
            "outdoor_play_area_m2": 1200,
            "opening_date": dt.date(2026, 6, 1),
            "planned_closing_date": dt.date(2026, 9, 1),
        },
        "park.yaml",
    )
    report = checker.check(location, dt.date(2026, 7, 1), lang)
    html = render_html(report, checker.library)
    markdown = render_markdown(report, checker.library)
    assert area in html and area in markdown  # the facts used, in the technical appendix
    assert day in html and day in markdown  # the opening date on page one
    text = render_text(report, colour=False, detail="full")
    assert "1 " + ("juli" if lang == "nl" else "July") + " 2026" in text  # the date of the check
    assert "2026-07-01" not in text and "2026-07-01" not in html.split("<body>", 1)[1]
