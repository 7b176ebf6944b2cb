"""A location description to fill in: every field, its unit, its meaning and the norms using it.

Every value is left empty, which in a location file means "not known", so the
template is a valid location as soon as `id` and `name` are filled; a planner
fills in what is known and leaves the rest.
"""

from __future__ import annotations

import csv
import io

from checker.evaluate.plain import derive, truth
from checker.i18n import t
from checker.library.loader import NOT_CHECKABLE, Library
from checker.location.model import (
    EXPANDED_FROM,
    META_FIELDS,
    Location,
    LocationType,
    field_bounds,
)

#: Units read from the end of a field name (units are part of every field name).
UNITS = {
    "_m2": ("m²", "m²"),
    "_km": ("km", "km"),
    "_m": ("metres", "meter"),
    "_working_days_max": ("working days", "werkdagen"),
    "_days_max": ("days", "dagen"),
    "_hours_max": ("hours", "uren"),
    "_months": ("months", "maanden"),
    "_years": ("years", "jaren"),
    "_count": ("number of persons", "aantal personen"),
    "_per_week": ("per week", "per week"),
}


def _both(key: str) -> str:
    # the template is read by people of both languages: every note in English, then Dutch
    return f"{t(key, 'en')} / {t(key, 'nl')}"


def unit_of(name: str) -> tuple[str, str] | None:
    """The unit of a field, in English and Dutch, read from its name's suffix."""
    return next((u for suffix, u in UNITS.items() if name.endswith(suffix)), None)


def _kind(name: str, library: Library) -> str:
    kind = library.field_kinds.get(name)
    annotation = Location.model_fields[name].annotation
    if name in EXPANDED_FROM.values():  # a list of records, e.g. authority_findings
        return (
            "a list of {by, date, finding, note}, e.g. "
            "[{by: inspectorate, date: 2025-07-17, finding: unsafe}]"
        )
    if kind is None:
        return "text"
    if kind.kind in ("enum", "list"):
        what = "one of" if kind.kind == "enum" else "a list of"
        return f"{what}: {', '.join(kind.members)}"
    if kind.kind == "number":
        word = "whole number" if annotation == int | None else "number"
        low, high = field_bounds(name)
        bounds = [f"{sign} {b}" for sign, b in (("≥", low), ("≤", high)) if b is not None]
        return " ".join([word, *bounds])
    return {"bool": "true or false", "date": "date YYYY-MM-DD"}.get(kind.kind, kind.kind)


def norms_by_field(library: Library, location_type: str | None = None) -> dict[str, list[str]]:
    """Norm ids per location field (through derived facts too); with a type, only the
    norms that type does not rule out."""
    applicable = {n.id for n in library.norms}
    if location_type:
        applicable = set(norms_for_type(library, location_type))
    result: dict[str, list[str]] = {}
    for n in library.norms:
        if n.id not in applicable:
            continue
        for name in n.fields:
            for base in library.base_fields(name):
                result.setdefault(base, [])
                if n.id not in result[base]:
                    result[base].append(n.id)
    return result


def norms_for_type(library: Library, location_type: str) -> list[str]:
    """Norms that can apply to a location of this type (not ruled out by the type alone)."""
    values = derive(library, {"location_type": location_type})
    return [n.id for n in library.norms if truth(n.norm.applies_when, values) is not False]


def location_template(library: Library, location_type: str | None = None) -> str:
    """An annotated location file to fill in, with every field and the norms using it."""
    used = norms_by_field(library, location_type)
    lines = [
        "# A reception location for opvangtoets. Fill in what you know; leave a value empty",
        "# when it is not known (norms that need it are then reported as unknown).",
        "# Een opvanglocatie voor opvangtoets. Vul in wat bekend is; laat een waarde leeg",
        "# als die niet bekend is (normen die hem nodig hebben zijn dan onbekend).",
        "# `opvangtoets schema` has the full schema / het volledige schema.",
    ]
    if location_type:
        ids = norms_for_type(library, location_type)
        lines += [
            f"# Norms that can apply to location type {location_type} "
            f"({len(ids)} of {len(library.norms)}) / normen die voor dit soort opvang gelden:",
            *_wrapped(ids, "#   "),
        ]
    for name, info in Location.model_fields.items():
        if name in META_FIELDS:
            continue
        en, _, nl = (info.description or "").partition(" / ")
        unit = unit_of(name)
        kind = _kind(name, library)
        required = info.is_required()
        head = f"{kind}{f', {unit[0]}' if unit else ''}"
        note = f" ({_both('template_required')})" if required else ""
        lines += ["", f"# {name}: {head}{note}"]
        lines += [f"#   en: {en}", f"#   nl: {nl}" + (f" ({unit[1]})" if unit else "")]
        if name not in NOT_CHECKABLE:
            ids = used.get(name, [])
            if ids:
                lines += _wrapped(ids, f"#   {_both('template_used_by')}: ")
            else:
                lines.append(f"#   {_both('template_unused')}")
        value = location_type if name == "location_type" and location_type else ""
        lines.append(f"{name}: {value}".rstrip())
    return "\n".join(lines + _evidence_block()) + "\n"


def _evidence_block() -> list[str]:
    """The description's date, its sources and the evidence per fact, with an example."""
    lines = []
    examples = {
        "described_on": "date YYYY-MM-DD, e.g. 2025-04-10",
        "sources": "a list of {id, title, publisher, url, date}, e.g.\n"
        '#   - {id: ivj-2025, title: "Rapport", publisher: Inspectie JenV, '
        "url: https://www.inspectie-jenv.nl/..., date: 2025-04-10}",
        "evidence": "per fact {source, kind, date}; kind: observed, reported, planned or "
        "estimate; date: a day or a month, e.g.\n"
        "#   children_count: {source: [ivj-2025], kind: reported, date: 2025-04}",
    }
    for name in META_FIELDS:
        en, _, nl = (Location.model_fields[name].description or "").partition(" / ")
        lines += ["", f"# {name}: {examples[name]}", f"#   en: {en}", f"#   nl: {nl}", f"{name}:"]
    return lines


def _wrapped(ids: list[str], prefix: str, width: int = 96) -> list[str]:
    lines, line = [], prefix
    for i, norm_id in enumerate(ids):
        piece = norm_id + (", " if i < len(ids) - 1 else "")
        if len(line) + len(piece) > width and line.strip("# "):
            lines.append(line.rstrip())
            line = "#" + " " * (len(prefix) - 1)
        line += piece
    lines.append(line.rstrip())
    return lines


def csv_header() -> str:
    """An empty audit sheet: one header row of the location field names, in model order."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(
        [n for n in Location.model_fields if n not in ("sources", "evidence")]
    )
    return out.getvalue()


LOCATION_TYPES = [t.value for t in LocationType]
