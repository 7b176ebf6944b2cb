"""Turn a location YAML file into a validated `Location`, or into problems with lines.

Validation runs pydantic in JSON mode with strict types, so "12" is not a
number, "ja" is not a boolean and a misspelt enum value is refused with the
allowed values listed.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from operator import attrgetter
from pathlib import Path
from typing import Any, get_args

import orjson
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from checker.errors import InputError, Problem, did_you_mean, labelled_problem, problem
from checker.location.consistency import error_problems
from checker.location.evidence import fact_day
from checker.location.model import META_FIELDS, Location
from checker.location.snapshots import SNAPSHOTS, has_snapshots, snapshot_documents
from checker.source.limits import FIRST_DAY, LAST_DAY, NUMBER_BOUND, in_date_range
from checker.source.numbers import is_ambiguous, readings, refuses_three_decimals
from checker.source.reader import YamlDocument, load_yaml
from checker.source.validation import pydantic_texts

_FIELDS = list(Location.model_fields)
# A plain set: `Location.model_fields` is a computed property, slow in a per-key loop.
_FIELD_SET = frozenset(_FIELDS)
# the fields where `1.200` is refused as ambiguous: looked up, not worked out for every key
_REFUSE_THREE_DECIMALS = frozenset(f for f in _FIELDS if refuses_three_decimals(f))
#: the fields that hold a date: only they can fall outside the checker's date range
_DATE_FIELDS = tuple(
    name
    for name, info in Location.model_fields.items()
    if dt.date in (info.annotation, *get_args(info.annotation))
)
#: the fields that are facts about the location, not about its description
_FACT_FIELDS = [f for f in _FIELDS if f not in META_FIELDS]
# a tuple, not `int | float`: that union is built anew at each test, for every key of a location
_NUMBER = (int, float)
#: the fields that hold numbers: once pydantic has accepted a location, its only numbers
NUMBER_FIELDS = tuple(
    name
    for name, info in Location.model_fields.items()
    if {int, float} & {info.annotation, *get_args(info.annotation)}
)
_NUMBERS_OF = attrgetter(*NUMBER_FIELDS)


def _json_default(value: Any) -> str:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"cannot represent {type(value).__name__}")


def _as_json(data: dict[str, Any]) -> bytes | str:
    """`data` as JSON for pydantic. orjson writes it about ten times quicker than `json`, and
    the same (dates as `isoformat` writes them, floats by their shortest digits). Where the two
    would differ, `json` writes it as before: orjson writes a non-finite float as null (so any
    null), and refuses an integer beyond 64 bits, a lone surrogate or a key that is no text."""
    try:
        text = orjson.dumps(data)
    except orjson.JSONEncodeError:
        return json.dumps(data, default=_json_default)
    if b"null" in text:
        return json.dumps(data, default=_json_default)
    return text


def _key_problems(doc: YamlDocument) -> tuple[list[Problem], dict[str, Any]]:
    """What is wrong with the top-level keys and numbers of `doc` (unknown fields, numbers the
    engine cannot compare, ambiguous `1.200`), and the known fields whose values pydantic is to
    check. One pass over the keys: this runs for every location of an audit."""
    unknown: list[Problem] = []
    numbers: list[Problem] = []
    ambiguous: list[Problem] = []
    known: dict[str, Any] = {}
    texts = doc.texts
    for key, value in doc.data.items():
        ok = key in _FIELD_SET
        if not ok:
            unknown.append(_unknown_key_problem(doc, key))
        # (a NaN is never within the bounds either; a bool always is)
        if isinstance(value, _NUMBER) and not -NUMBER_BOUND <= value <= NUMBER_BOUND:
            numbers.append(_number_problem(doc, key, value))
            ok = False
        # only a text can be ambiguous: a string, or the source text of a float (a table's
        # row has none: its cells were read as text)
        refuses = key in _REFUSE_THREE_DECIMALS if ok else refuses_three_decimals(key)
        if refuses and (isinstance(value, str) or (texts and (key,) in texts)):
            found = _ambiguous_problem(doc, key, texts.get((key,), value))
            if found is not None:
                ambiguous.append(found)
                ok = False
        if ok:
            known[key] = value
    return unknown + numbers + ambiguous, known


def _unknown_key_problem(doc: YamlDocument, key: str) -> Problem:
    guess = did_you_mean(key, _FIELDS)
    return problem(
        doc.file,
        doc.line_of((key,)),
        "unknown field",
        "onbekend veld",
        field=key,
        hint_en=f"did you mean '{guess}'?" if guess else "see `opvangtoets schema`",
        hint_nl=f"bedoelde u '{guess}'?" if guess else "zie `opvangtoets schema`",
    )


def _number_problem(doc: YamlDocument, key: str, value: float) -> Problem:
    """An infinite, not-a-number or absurdly large number, which the engine cannot compare."""
    if isinstance(value, float) and not math.isfinite(value):
        en, nl = f"{value} is not a number", f"{value} is geen getal"
    else:
        en = f"{value:.6g} is too large: at most {NUMBER_BOUND:,}"
        nl = f"{value:.6g} is te groot: hoogstens {NUMBER_BOUND:,}".replace(",", ".")
    return problem(doc.file, doc.line_of((key,)), en, nl, field=key)


def _ambiguous_problem(doc: YamlDocument, key: str, text: Any) -> Problem | None:
    """`1.200` in an area or a count: 1200 as a Dutch writer means it, or 1.2 as YAML and CSV
    read it? Refused with both readings rather than guessed (`checker.source.numbers`)."""
    if not isinstance(text, str) or not is_ambiguous(text):
        return None
    whole, decimal = readings(text)
    return labelled_problem(
        doc.file,
        doc.line_of((key,)),
        "number_ambiguous",
        hint_key="number_ambiguous_hint",
        field=key,
        text=text.strip(),
        whole=whole,
        decimal=decimal,
        dotted=decimal.replace(",", "."),
    )


def _pydantic_problem(doc: YamlDocument, err: ErrorDetails) -> Problem:
    loc = tuple(err["loc"])
    texts = pydantic_texts(err)
    return problem(
        doc.file,
        doc.line_of(loc),
        texts.en,
        texts.nl,
        field=".".join(str(p) for p in loc) or None,
        hint_en=texts.hint_en,
        hint_nl=texts.hint_nl,
    )


def _date_problems(location: Location, doc: YamlDocument) -> list[Problem]:
    """Dates outside the checker's range (`limits.FIRST_DAY` to `LAST_DAY`), by line."""
    found = []
    for name in _DATE_FIELDS:
        value = getattr(location, name)
        if value is not None and not in_date_range(value):
            found.append(
                labelled_problem(
                    doc.file,
                    doc.line_of((name,)),
                    "date_out_of_range",
                    field=name,
                    value=value.isoformat(),
                    first=FIRST_DAY.isoformat(),
                    last=LAST_DAY.isoformat(),
                )
            )
    return found


def _evidence_problems(location: Location, doc: YamlDocument) -> list[Problem]:
    """Evidence for a field the model does not have, or resting on a source not listed."""
    found: list[Problem] = []
    known = [s.id for s in location.sources or []]
    facts = _FACT_FIELDS
    for index, src in enumerate(location.sources or []):
        if known.index(src.id) != index:
            found.append(
                labelled_problem(
                    doc.file,
                    doc.line_of(("sources", index, "id")),
                    "evidence_duplicate_source",
                    field="sources",
                    source=src.id,
                )
            )
    for name, ev in (location.evidence or {}).items():
        if name not in facts:
            guess = did_you_mean(name, facts)
            found.append(
                labelled_problem(
                    doc.file,
                    doc.line_of(("evidence", name)),
                    "evidence_unknown_fact",
                    hint_key="evidence_unknown_fact_hint" if guess else None,
                    field=f"evidence.{name}",
                    fact=name,
                    guess=guess or "",
                )
            )
        for index, ref in enumerate(ev.source):
            if ref in known:
                continue
            guess = did_you_mean(ref, known)
            line = doc.line_of(("evidence", name, "source", index))
            found.append(
                labelled_problem(
                    doc.file,
                    line,
                    "evidence_unknown_source",
                    hint_key="evidence_unknown_source_hint_guess"
                    if guess
                    else "evidence_unknown_source_hint",
                    field=f"evidence.{name}.source",
                    source=ref,
                    guess=guess or "",
                )
            )
        if ev.date is not None and not in_date_range(fact_day(ev.date)):
            found.append(
                labelled_problem(
                    doc.file,
                    doc.line_of(("evidence", name, "date")),
                    "date_out_of_range",
                    field=f"evidence.{name}.date",
                    value=ev.date,
                    first=FIRST_DAY.isoformat(),
                    last=LAST_DAY.isoformat(),
                )
            )
    return found


def location_snapshots(doc: YamlDocument) -> list[Location]:
    """Every dated description in a document, oldest first: one for a plain description, one
    per entry of `snapshots:` (raises InputError with every problem of every snapshot)."""
    if not has_snapshots(doc):
        return [location_from_document(doc)]
    problems: list[Problem] = []
    found: list[Location] = []
    parts = snapshot_documents(doc)
    if not parts:
        problems.append(labelled_problem(doc.file, doc.line_of((SNAPSHOTS,)), "snapshots_empty"))
    for part in parts:
        if isinstance(part, int):
            line = doc.line_of((SNAPSHOTS, part))
            problems.append(labelled_problem(doc.file, line, "snapshot_not_mapping"))
            continue
        try:
            location = _single(part)
        except InputError as exc:
            problems += exc.problems
            continue
        if location.described_on is None:
            problems.append(labelled_problem(doc.file, part.line_of(()), "snapshot_needs_date"))
        elif any(o.described_on == location.described_on for o in found):
            line = part.line_of(("described_on",))
            problems.append(
                labelled_problem(
                    doc.file,
                    line,
                    "snapshot_duplicate_date",
                    date=location.described_on.isoformat(),
                )
            )
        else:
            found.append(location)
    if problems:
        raise InputError(sorted(problems, key=lambda p: p.line or 0))
    return sorted(found, key=lambda loc: loc.described_on or dt.date.min)


def location_from_document(doc: YamlDocument) -> Location:
    """The validated location of a YAML document (raises InputError with every problem); of
    a location followed over time (`snapshots:`), its latest snapshot."""
    if has_snapshots(doc):
        every = location_snapshots(doc)
        latest = every[-1]
        latest._snapshot_dates = tuple(loc.described_on for loc in every if loc.described_on)
        return latest
    return _single(doc)


def _single(doc: YamlDocument) -> Location:
    if not isinstance(doc.data, dict):
        got = "nothing" if doc.data is None else type(doc.data).__name__
        raise InputError(
            [
                labelled_problem(
                    doc.file,
                    doc.line_of(()),
                    "problem_location_description_must_mapping",
                    hint_key="problem_start_from_shipped_case",
                    got=got,
                )
            ]
        )
    problems: list[Problem] = []
    location = _plainly_valid(doc)
    if location is None:
        problems, known = _key_problems(doc)
        try:
            location = Location.model_validate_json(_as_json(known))
        except ValidationError as exc:
            problems += [_pydantic_problem(doc, e) for e in exc.errors()]
    if location is not None:
        problems += _date_problems(location, doc) + _evidence_problems(location, doc)
    if location is not None and not problems:
        problems += error_problems(location, doc.file, doc.line_of)
    if problems:
        problems.sort(key=lambda p: p.line or 0)
        raise InputError(problems)
    assert location is not None  # no problems means pydantic accepted it
    for name in location.evidence or {}:
        line = doc.line_of(("evidence", name, "date"))
        if line is not None:
            location._evidence_lines[name] = line
    return location


def _plainly_valid(doc: YamlDocument) -> Location | None:
    """The location of `doc` when pydantic accepts all of it and `_key_problems` would find
    nothing either; else None, and the document is checked key by key for its problems.

    Nearly every location is fine, and this finds that without a Python pass over its keys
    (that pass was an eighth of a CSV audit's instructions): pydantic refuses an unknown field
    and a value of another type (text or `true` in a count, a number in a text or a date), so
    once it accepts a location, its numbers are in the number fields, to be held to the
    bounds, and only a float's text can be an ambiguous `1.200`."""
    texts = doc.texts.items()
    if any(is_ambiguous(t) for (key, *_), t in texts if key in _REFUSE_THREE_DECIMALS):
        return None
    try:
        location = Location.model_validate_json(_as_json(doc.data))
    except (ValidationError, TypeError):  # (TypeError: a key that is no text, such as a date)
        return None
    numbers: list[float] = list(filter(None, _NUMBERS_OF(location)))  # (None: not given)
    if numbers and not (
        -NUMBER_BOUND <= min(numbers)
        and max(numbers) <= NUMBER_BOUND
        # a NaN is neither the least nor the greatest (pydantic refuses one where a field
        # has a lower bound, as every number field has now)
        and math.isfinite(sum(numbers))
    ):
        return None
    return location


def load_location(path: Path) -> Location:
    """The validated location in the YAML file at `path` (raises InputError)."""
    return location_from_document(load_yaml(path))


def location_from_mapping(data: dict[str, Any], file: str) -> Location:
    """Validate plain data (a norm example, a CSV row) exactly like a YAML file."""
    return location_from_document(YamlDocument(data, {}, file))
