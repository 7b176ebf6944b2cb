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
import re
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import IO, Any, BinaryIO

from pydantic import BaseModel

from checker.errors import InputError, Problem, problem
from checker.i18n import t
from checker.location.evidence_columns import fold_evidence_columns
from checker.location.loader import location_from_document
from checker.location.model import Location
from checker.source.limits import MAX_CELL_CHARS, MAX_LINE_CHARS, MAX_LOCATIONS, MAX_TABLE_BYTES
from checker.source.reader import YamlDocument, open_regular_file

LIST_SEPARATOR = ";"
RECORD_SEPARATOR = ":"
#: An empty cell is "not known"; this word says "known: none" for a list of records.
NO_RECORDS = "none"


def csv_header() -> list[str]:
    """The header row of a location table: every location field, in model order (evidence
    goes in optional `<field>__source`/`__kind`/`__date` columns, not in one cell)."""
    return [n for n in Location.model_fields if n not in ("sources", "evidence")]


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
    """One row of a CSV table of locations, with its line."""

    file: str
    line: int
    data: dict[str, Any]


def open_table(path: Path) -> BinaryIO:
    """A table file opened for `bounded_rows`, refused before reading (with the file) when it
    is not a regular file (a FIFO would block for ever, /dev/zero never ends) or too large."""
    return open_regular_file(path, str(path), MAX_TABLE_BYTES)


def read_table(path: Path) -> Iterator[TableRow | Problem]:
    """The rows of a location table with their line, and a problem for each row that cannot
    be read (the other rows are still read); a file that cannot be opened raises."""
    with open_table(path) as handle:
        yield from bounded_rows(handle, str(path))


def table_rows(handle: IO[str] | IO[bytes], file: str) -> Iterator[TableRow]:
    """The rows of a table read from `handle` (a file, or an upload's text); the first row
    that cannot be read raises, with its line (the rows before it were yielded)."""
    for row in bounded_rows(handle, file):
        if isinstance(row, Problem):
            raise InputError([row])
        yield row


class _LineTooLong(Exception):
    pass


class _Lines:
    """The lines of a table as text, none longer than the limit: a longer one is read in
    pieces and skipped, never held whole, and raises `_LineTooLong`. Bytes are decoded line
    by line, so a line that is not UTF-8 is known exactly and the next one is read again."""

    def __init__(self, handle: IO[str] | IO[bytes], limit: int):
        self.handle, self.limit, self.number = handle, limit, 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self.handle.readline(self.limit + 1)
        if not line:
            raise StopIteration
        self.number += 1
        if len(line) > self.limit and not _ends_line(line):
            while line and not _ends_line(line):
                line = self.handle.readline(self.limit + 1)
            raise _LineTooLong
        if isinstance(line, bytes):
            return line.decode("utf-8-sig" if self.number == 1 else "utf-8")
        return line.removeprefix("\ufeff") if self.number == 1 else line


def _ends_line(line: str | bytes) -> bool:
    return line.endswith(b"\n") if isinstance(line, bytes) else line.endswith("\n")


def _labelled(file: str, line: int, key: str, hint_key: str, **values: object) -> Problem:
    en, nl = t(key, "en", **values), t(key, "nl", **values)
    return problem(
        file, line, en, nl, hint_en=t(hint_key, "en", **values), hint_nl=t(hint_key, "nl", **values)
    )


def bounded_rows(handle: IO[str] | IO[bytes], file: str) -> Iterator[TableRow | Problem]:
    """The rows of a CSV table, in bounded memory: each a `TableRow` with its line, or the
    `Problem` of a row that cannot be read (the rows after it are still read).

    Strict CSV: a quote that is never closed is reported with the line it opens on and the
    lines it took with it, never read as one long cell. A line longer than `MAX_LINE_CHARS`
    or a cell longer than `MAX_CELL_CHARS` is that row's problem. A header that cannot be
    read, or more rows than `MAX_LOCATIONS`, stop the reading with a problem."""
    cell_limit, line_limit = MAX_CELL_CHARS.value(), MAX_LINE_CHARS.value()
    csv.field_size_limit(cell_limit)
    lines = _Lines(handle, line_limit)
    reader = csv.reader(lines, strict=True)
    header: list[str] | None = None
    rows, row_limit = 0, MAX_LOCATIONS.value()
    while True:
        start = lines.number + 1
        found: Problem | None
        try:
            cells = next(reader)
        except StopIteration:
            break
        except _LineTooLong:
            found = _labelled(
                file,
                start,
                "table_line_too_long",
                "table_limit_hint",
                limit=line_limit,
                env=MAX_LINE_CHARS.env,
            )
        except UnicodeDecodeError as exc:
            found = _labelled(
                file, start, "table_not_utf8", "table_not_utf8_hint", error=exc.reason
            )
        except csv.Error as exc:
            found = _csv_problem(file, start, lines.number, str(exc), cell_limit)
        else:
            found = None
        if found is not None:
            yield found
            if header is None:
                return  # without the header no row can be read
            continue
        if header is None:
            header = [h.strip() for h in cells]
            continue
        if not any(c.strip() for c in cells):
            continue  # blank line
        rows += 1
        if rows > row_limit:
            yield _labelled(
                file,
                start,
                "table_too_many_rows",
                "table_limit_hint",
                limit=row_limit,
                env=MAX_LOCATIONS.env,
            )
            return
        yield TableRow(file, start, row_mapping(header, cells))
    if header is None:
        yield problem(
            file,
            1,
            "the table is empty: the first row must name the location fields",
            "de tabel is leeg: de eerste rij moet de locatievelden noemen",
            hint_en="start from `opvangtoets new --csv`",
            hint_nl="begin met `opvangtoets new --csv`",
        )


def _csv_problem(file: str, start: int, end: int, error: str, cell_limit: int) -> Problem:
    if "unexpected end of data" in error:  # a quote that is opened and never closed
        return _labelled(
            file, start, "table_unclosed_quote", "table_unclosed_quote_hint", first=start, last=end
        )
    if "field larger than field limit" in error:
        return _labelled(
            file,
            start,
            "table_cell_too_long",
            "table_limit_hint",
            limit=cell_limit,
            env=MAX_CELL_CHARS.env,
        )
    return _labelled(file, start, "table_bad_row", "table_bad_row_hint", error=error)


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
    return fold_evidence_columns(data)


# OWASP, "CSV Injection": a cell a spreadsheet would read as a formula starts with one of these
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def neutral_cell(value: object) -> object:
    """A cell for a CSV file that a spreadsheet may open: text starting like a formula gets a
    leading `'` (OWASP's advice), so it is shown as text and never run; numbers are kept."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not _PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def neutral_row(values: Iterable[object]) -> list[object]:
    """`neutral_cell` of every value of a row."""
    return [neutral_cell(v) for v in values]


def location_from_row(row: TableRow) -> Location:
    """Validate a row exactly like a YAML file; problems name the row's line."""
    return location_from_document(YamlDocument(row.data, {(): row.line}, row.file))
