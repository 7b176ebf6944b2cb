"""Locations from a CSV table: one row per location, the header names the location fields.

How a cell is written (see README, "Auditing a portfolio"):
- an empty cell means "not known", exactly like leaving a field out of a YAML file;
- a list is written with semicolons: `families;unaccompanied_minors`;
- a date is written as YYYY-MM-DD; true/false as `true` or `false`;
- numbers with a decimal point: `2.5`.

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

from checker.errors import InputError, labelled_problem
from checker.location.loader import location_from_document
from checker.location.model import Location
from checker.source.reader import YamlDocument

LIST_SEPARATOR = ";"


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


def _cell(kind: Any, text: str) -> Any:
    """A cell as the JSON value its field takes; text that does not convert stays text."""
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
    """One row of a CSV table of locations, with its line."""

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
            [labelled_problem(file, None, "problem_cannot_read", strerror=exc.strerror)]
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
                labelled_problem(
                    file,
                    1,
                    "problem_table_empty_first_row",
                    hint_key="problem_start_from_opvangtoets_new",
                )
            ]
        ) from None
    except (csv.Error, UnicodeDecodeError) as exc:
        raise InputError([labelled_problem(file, 1, "problem_csv_table", exc=exc)]) from None
    line = reader.line_num
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except (csv.Error, UnicodeDecodeError) as exc:
            raise InputError(
                [labelled_problem(file, line + 1, "problem_csv_table", exc=exc)]
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
