"""Turn a location YAML file into a validated `Location`, or into problems with lines.

Validation runs pydantic in JSON mode with strict types, so "12" is not a
number, "ja" is not a boolean and a misspelt enum value is refused with the
allowed values listed.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from checker.errors import InputError, Problem, did_you_mean, problem
from checker.location.consistency import error_problems
from checker.location.model import Location
from checker.source.limits import NUMBER_BOUND
from checker.source.reader import YamlDocument, load_yaml

_FIELDS = list(Location.model_fields)
# A plain set: `Location.model_fields` is a computed property, slow in a per-key loop.
_FIELD_SET = frozenset(_FIELDS)

_TYPE_WORDS = {
    "int_type": ("a whole number", "een geheel getal"),
    "int_parsing": ("a whole number", "een geheel getal"),
    "int_from_float": ("a whole number", "een geheel getal"),
    "float_type": ("a number", "een getal"),
    "float_parsing": ("a number", "een getal"),
    "bool_type": ("true or false", "true of false"),
    "bool_parsing": ("true or false", "true of false"),
    "string_type": ("text", "tekst"),
    "date_type": ("a date (YYYY-MM-DD)", "een datum (JJJJ-MM-DD)"),
    "date_parsing": ("a date (YYYY-MM-DD)", "een datum (JJJJ-MM-DD)"),
    "date_from_datetime_inexact": ("a date without a time", "een datum zonder tijd"),
    "list_type": ("a list", "een lijst"),
    # the only records in the model are authority findings
    "model_type": (
        "a finding with by, date and finding (in a CSV cell: by:date:finding)",
        "een bevinding met by, date en finding (in een CSV-cel: by:date:finding)",
    ),
}


def _json_default(value: Any) -> str:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"cannot represent {type(value).__name__}")


def _unknown_key_problems(doc: YamlDocument) -> list[Problem]:
    problems = []
    for key in doc.data:
        if key in _FIELD_SET:
            continue
        guess = did_you_mean(key, _FIELDS)
        problems.append(
            problem(
                doc.file,
                doc.line_of((key,)),
                "unknown field",
                "onbekend veld",
                field=key,
                hint_en=f"did you mean '{guess}'?" if guess else "see `opvangtoets schema`",
                hint_nl=f"bedoelde u '{guess}'?" if guess else "zie `opvangtoets schema`",
            )
        )
    return problems


def _number_problems(doc: YamlDocument) -> list[Problem]:
    """Infinite, not-a-number and absurdly large numbers, which the engine cannot compare."""
    problems = []
    for key, value in doc.data.items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        if isinstance(value, float) and not math.isfinite(value):
            en, nl = f"{value} is not a number", f"{value} is geen getal"
        elif abs(value) > NUMBER_BOUND:
            en = f"{value:.6g} is too large: at most {NUMBER_BOUND:,}"
            nl = f"{value:.6g} is te groot: hoogstens {NUMBER_BOUND:,}".replace(",", ".")
        else:
            continue
        problems.append(problem(doc.file, doc.line_of((key,)), en, nl, field=key))
    return problems


def _pydantic_problem(doc: YamlDocument, err: dict[str, Any]) -> Problem:
    loc = tuple(err["loc"])
    field = ".".join(str(p) for p in loc) or None
    line = doc.line_of(loc)
    kind = err["type"]
    got = err.get("input")
    if kind == "missing":
        return problem(
            doc.file,
            line,
            "is required",
            "is verplicht",
            field=field,
            hint_en="add it",
            hint_nl="vul het in",
        )
    if kind in ("enum", "literal_error"):
        allowed = err.get("ctx", {}).get("expected", "")
        return problem(
            doc.file,
            line,
            f"'{got}' is not an allowed value",
            f"'{got}' is geen toegestane waarde",
            field=field,
            hint_en=f"use one of {allowed}",
            hint_nl=f"gebruik een van {allowed}",
        )
    if kind in _TYPE_WORDS:
        en, nl = _TYPE_WORDS[kind]
        return problem(
            doc.file,
            line,
            f"expected {en}, got {got!r}",
            f"verwacht {nl}, maar staat er {got!r}",
            field=field,
        )
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        ctx = err.get("ctx", {})
        bound = next(iter(ctx.values()), "")
        sign = {
            "greater_than_equal": "≥",
            "less_than_equal": "≤",
            "greater_than": ">",
            "less_than": "<",
        }[kind]
        return problem(
            doc.file,
            line,
            f"{got} is out of range: must be {sign} {bound}",
            f"{got} valt buiten het bereik: moet {sign} {bound} zijn",
            field=field,
        )
    if kind == "string_too_short":
        return problem(doc.file, line, "must not be empty", "mag niet leeg zijn", field=field)
    if kind == "string_pattern_mismatch":
        return problem(
            doc.file,
            line,
            f"'{got}' has the wrong form",
            f"'{got}' heeft niet de goede vorm",
            field=field,
            hint_en="use lower-case letters, digits and hyphens",
            hint_nl="gebruik kleine letters, cijfers en streepjes",
        )
    return problem(doc.file, line, err["msg"], err["msg"], field=field)


def location_from_document(doc: YamlDocument) -> Location:
    if not isinstance(doc.data, dict):
        got = "nothing" if doc.data is None else type(doc.data).__name__
        raise InputError(
            [
                problem(
                    doc.file,
                    doc.line_of(()),
                    f"a location description must be a mapping of fields, got {got}",
                    f"een locatiebeschrijving moet velden met waarden bevatten, niet {got}",
                    hint_en="start from a shipped case in cases/",
                    hint_nl="begin met een voorbeeld uit cases/",
                )
            ]
        )
    problems = _unknown_key_problems(doc) + _number_problems(doc)
    bad_numbers = {p.field for p in problems}
    known = {k: v for k, v in doc.data.items() if k in _FIELD_SET and k not in bad_numbers}
    try:
        location = Location.model_validate_json(json.dumps(known, default=_json_default))
    except ValidationError as exc:
        problems += [_pydantic_problem(doc, e) for e in exc.errors()]
        location = None
    if location is not None and not problems:
        problems += error_problems(location, doc.file, doc.line_of)
    if problems:
        problems.sort(key=lambda p: p.line or 0)
        raise InputError(problems)
    return location


def load_location(path: Path) -> Location:
    return location_from_document(load_yaml(path))


def location_from_mapping(data: dict[str, Any], file: str) -> Location:
    """Validate plain data (a norm example, a CSV row) exactly like a YAML file."""
    return location_from_document(YamlDocument(data, {}, file))
