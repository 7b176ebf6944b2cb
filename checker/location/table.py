"""Locations from a CSV table: one row per location, the header names the location fields.

How a cell is written (see README, "Auditing a portfolio"):
- an empty cell means "not known", exactly like leaving a field out of a YAML file;
- a list is written with semicolons: `families;unaccompanied_minors`;
- a date is written as YYYY-MM-DD; true/false as `true` or `false`;
- numbers with a decimal point: `2.5`;
- `authority_findings`, a list of records, as `by:date:finding` parts separated by
  semicolons: `inspectorate:2025-07-17:unsafe;court:2022-10-06:below_minimum_quality`
  (the optional note of a finding can only be written in YAML); `none` (or `geen`) says
  that there are none, where an empty cell says "not known".

A cell is converted by the type of its field in the location model, then the
row is validated by the same code as a YAML file, so the errors read the same.
A cell that cannot be converted is passed on as text, so the error names what
was expected. Problems name the file and the line of the row (the header is
line 1, as a spreadsheet numbers its rows).
"""

from __future__ import annotations

import csv
import datetime as dt
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from checker.errors import InputError, problem
from checker.location.loader import location_from_document
from checker.location.model import Location
from checker.source.reader import YamlDocument

LIST_SEPARATOR = ";"
RECORD_SEPARATOR = ":"
#: An empty cell is "not known"; this word says "known: none" for a list of records.
NO_RECORDS = "none"


def csv_header() -> list[str]:
    """The header row of a location table: every location field, in model order."""
    return list(Location.model_fields)


def _base(annotation: Any) -> Any:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return next(a for a in typing.get_args(annotation) if a is not type(None))
    return annotation


#: The type of every location field, without `| None`.
FIELD_TYPES = {name: _base(info.annotation) for name, info in Location.model_fields.items()}


def cell_value(name: str, text: str) -> Any:
    """Text typed for field `name` (a CSV cell, a web form input) as the value it takes."""
    kind = FIELD_TYPES.get(name)
    return text if kind is None or name in ("id", "name") else _cell(kind, text)


def is_record_list(kind: Any) -> bool:
    """A list of records (e.g. `authority_findings`), not a list of choices."""
    if typing.get_origin(kind) is not list:
        return False
    (member,) = typing.get_args(kind)
    return isinstance(member, type) and issubclass(member, BaseModel)


def _record(kind: Any, text: str) -> Any:
    """`by:date:finding` as a record of the list's member model; another form stays text."""
    (member,) = typing.get_args(kind)
    names = [n for n, f in member.model_fields.items() if f.is_required()]
    parts = [p.strip() for p in text.split(RECORD_SEPARATOR)]
    return dict(zip(names, parts, strict=True)) if len(parts) == len(names) else text


def record_cell(value: list[dict[str, Any]]) -> str:
    """A list of records as one cell (the inverse of `_record`; notes are left out)."""
    if not value:
        return NO_RECORDS
    return LIST_SEPARATOR.join(
        RECORD_SEPARATOR.join(str(v) for k, v in item.items() if k != "note") for item in value
    )


def _cell(kind: Any, text: str) -> Any:
    """A cell as the JSON value its field takes; text that does not convert stays text."""
    if is_record_list(kind):
        if text.strip().lower() in (NO_RECORDS, "geen"):
            return []
        return [_record(kind, p.strip()) for p in text.split(LIST_SEPARATOR) if p.strip()]
    if typing.get_origin(kind) is list:
        return [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]
    try:
        if kind is bool:
            return {"true": True, "false": False}.get(text.lower(), text)
        if kind is int:
            return int(text)
        if kind is float:
            return float(text)
    except ValueError:
        return text
    if kind is dt.date or (isinstance(kind, type) and issubclass(kind, Enum)):
        return text  # validated (strictly) by the model, like a YAML value
    return text


@dataclass
class TableRow:
    file: str
    line: int
    data: dict[str, Any]


def read_table(path: Path) -> Iterator[TableRow]:
    """The rows of a location table with their line; a file that cannot be read raises."""
    file = str(path)
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(
            [problem(file, None, f"cannot read: {exc.strerror}", f"niet te lezen: {exc.strerror}")]
        ) from None
    with handle:
        yield from table_rows(handle, file)


def table_rows(handle: Iterable[str], file: str) -> Iterator[TableRow]:
    """The rows of a table read from `handle` (a file, or an upload's text)."""
    reader = csv.reader(handle)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise InputError(
            [
                problem(
                    file,
                    1,
                    "the table is empty: the first row must name the location fields",
                    "de tabel is leeg: de eerste rij moet de locatievelden noemen",
                    hint_en="start from `opvangtoets new --csv`",
                    hint_nl="begin met `opvangtoets new --csv`",
                )
            ]
        ) from None
    except (csv.Error, UnicodeDecodeError) as exc:
        raise InputError(
            [problem(file, 1, f"not a CSV table: {exc}", f"geen CSV: {exc}")]
        ) from None
    line = reader.line_num
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except (csv.Error, UnicodeDecodeError) as exc:
            raise InputError(
                [problem(file, line + 1, f"not a CSV table: {exc}", f"geen CSV: {exc}")]
            ) from None
        start, line = line + 1, reader.line_num
        if not any(c.strip() for c in cells):
            continue  # blank line
        yield TableRow(file, start, row_mapping(header, cells))


def row_mapping(header: list[str], cells: list[str]) -> dict[str, Any]:
    """A row as the mapping a YAML file would give; empty cells are left out (unknown)."""
    data: dict[str, Any] = {}
    for name, text in zip(header, cells, strict=False):
        text = text.strip()
        if not text or not name:
            continue
        data[name] = cell_value(name, text)
    if len(cells) > len(header):
        data["(extra cells)"] = cells[len(header) :]
    return data


def location_from_row(row: TableRow) -> Location:
    """Validate a row exactly like a YAML file; problems name the row's line."""
    return location_from_document(YamlDocument(row.data, {(): row.line}, row.file))
