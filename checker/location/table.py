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
import sys
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import IO, Any, BinaryIO

from pydantic import BaseModel

from checker.errors import InputError, Problem, did_you_mean, problem
from checker.i18n import t
from checker.location.evidence_columns import fold_evidence_columns
from checker.location.loader import location_from_document
from checker.location.model import Location
from checker.source.limits import MAX_CELL_CHARS, MAX_LINE_CHARS, MAX_LOCATIONS, MAX_TABLE_BYTES
from checker.source.numbers import decimal_comma, is_ambiguous, refuses_three_decimals
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


def cell_value(name: str, text: str, comma: bool = False) -> Any:
    """Text typed for field `name` (a CSV cell, a web form input) as the value it takes.
    `comma`: the table is Dutch (`;` separated, or a workbook), so `2,5` is 2.5. An area or
    count written `1.200` stays text, for the loader to refuse with both readings."""
    kind = FIELD_TYPES.get(name)
    if kind is None or name in ("id", "name"):
        return text
    if kind in (int, float):
        if refuses_three_decimals(name) and is_ambiguous(text):
            return text
        number = decimal_comma(text) if comma else None
        if number is not None:
            return int(number) if kind is int and number.is_integer() else number
    return _cell(kind, text, _SHAPES[name])


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


def _shape(kind: Any) -> str | None:
    if is_record_list(kind):
        return "records"
    return "list" if typing.get_origin(kind) is list else None


#: Which fields hold a list of records or of choices, decided once: asking `typing` for every
#: cell cost about a third of reading a table.
_SHAPES = {name: _shape(kind) for name, kind in FIELD_TYPES.items()}


def _cell(kind: Any, text: str, shape: str | None) -> Any:
    """A cell as the JSON value its field takes; text that does not convert stays text."""
    if shape == "records":
        if text.strip().lower() in (NO_RECORDS, "geen"):
            return []
        return [_record(kind, p.strip()) for p in text.split(LIST_SEPARATOR) if p.strip()]
    if shape == "list":
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


def read_table(
    path: Path, notes: list[Problem] | None = None, typed: bool = True
) -> Iterator[TableRow | Problem]:
    """The rows of a location table with their line, and a problem for each row that cannot
    be read (the other rows are still read); a file that cannot be opened raises. How the
    file was read (separator, encoding) is added to `notes`. `typed=False`: rows without
    their cells, for counting them (as many as with them)."""
    with open_table(path) as handle:
        yield from bounded_rows(handle, str(path), notes, typed)


def table_rows(handle: IO[str] | IO[bytes], file: str) -> Iterator[TableRow]:
    """The rows of a table read from `handle` (a file, or an upload's text); the first row
    that cannot be read raises, with its line (the rows before it were yielded)."""
    for row in bounded_rows(handle, file):
        if isinstance(row, Problem):
            raise InputError([row])
        yield row


class _LineTooLong(Exception):
    pass


_UTF8_BOM = b"\xef\xbb\xbf"
#: What Dutch Excel saves when the text is not UTF-8 (its "CSV (lijstscheidingsteken)")
FALLBACK_ENCODING = "cp1252"


class _Lines:
    """The lines of a table as text, none longer than the limit: a longer one is read in
    pieces and skipped, never held whole, and raises `_LineTooLong`. Bytes are decoded line
    by line, so a line that is not UTF-8 is known exactly and the next one is read again.

    A file whose first line that is not plain ASCII is not UTF-8 either is read on as
    Windows-1252 (what Excel saves), and `fallback_line` says where that began; once a line
    was UTF-8 beyond ASCII (or the file starts with a BOM), the file is UTF-8 throughout."""

    def __init__(self, handle: IO[str] | IO[bytes], limit: int):
        self.handle, self.limit, self._count = handle, limit, 0
        self.encoding = "utf-8"
        self.fallback_line: int | None = None
        self.delimiter = ","
        self._utf8_seen = False
        self._peeked: str | None = None
        #: the lines handed out since `begin_row`: one, or the lines its quoted cells span
        #: (each cell at most the cell limit)
        self.taken: list[str] = []
        self._again: list[str] = []  # lines to hand out once more, last first

    def begin_row(self) -> None:
        """A new row starts with the next line."""
        self.taken.clear()

    def read_again(self, lines: list[str]) -> None:
        """Hand `lines` out again, as the next lines, with their own numbers."""
        self._again.extend(reversed(lines))
        self._count -= len(lines)

    @property
    def number(self) -> int:
        """The line last handed to the CSV reader."""
        return self._count - (self._peeked is not None)

    def peek(self) -> str:
        """The next line, kept for the CSV reader ('' at the end of the file)."""
        if self._peeked is None:
            try:
                self._peeked = self._read()
            except StopIteration:
                return ""
        return self._peeked

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self._peeked is not None:
            line, self._peeked = self._peeked, None
        elif self._again:
            line = self._again.pop()
            self._count += 1
        else:
            line = self._read()
        self.taken.append(line)
        return line

    def _read(self) -> str:
        line = self.handle.readline(self.limit + 1)
        if not line:
            raise StopIteration
        self._count += 1
        if len(line) > self.limit and not _ends_line(line):
            while line and not _ends_line(line):
                line = self.handle.readline(self.limit + 1)
            raise _LineTooLong
        if isinstance(line, bytes):
            return self._decode(line)
        return line.removeprefix("\ufeff") if self._count == 1 else line

    def _decode(self, line: bytes) -> str:
        if self._count == 1 and line.startswith(_UTF8_BOM):
            line, self._utf8_seen = line[len(_UTF8_BOM) :], True
        try:
            text = line.decode(self.encoding)
        except UnicodeDecodeError:
            if self.encoding != "utf-8" or self._utf8_seen:
                raise
            text = line.decode(FALLBACK_ENCODING)  # a byte it lacks is that line's problem
            self.encoding, self.fallback_line = FALLBACK_ENCODING, self._count
            return text
        if self.encoding == "utf-8" and not line.isascii():
            self._utf8_seen = True
        return text


def _ends_line(line: str | bytes) -> bool:
    return line.endswith(b"\n") if isinstance(line, bytes) else line.endswith("\n")


def _labelled(file: str, line: int, key: str, hint_key: str, **values: object) -> Problem:
    en, nl = t(key, "en", **values), t(key, "nl", **values)
    return problem(
        file, line, en, nl, hint_en=t(hint_key, "en", **values), hint_nl=t(hint_key, "nl", **values)
    )


def _delimiter(header_line: str) -> str:
    """`;` when the header line has more semicolons than commas (Dutch Excel), else `,`:
    field names hold neither, so the header alone decides."""
    return ";" if header_line.count(";") > header_line.count(",") else ","


#: Columns a table may carry beside the location fields: the evidence of a field (issue 16
#: parses them) and the date a row describes the location on (dated snapshots).
EVIDENCE_SUFFIXES = ("source", "kind", "date")
SNAPSHOT_COLUMN = "described_on"
_FIELD_NAMES = list(Location.model_fields)
_KNOWN = frozenset(_FIELD_NAMES)


def is_evidence_column(name: str) -> bool:
    """`<field>__source`, `<field>__kind` or `<field>__date` of a known field."""
    base, sep, suffix = name.rpartition("__")
    return bool(sep) and base in _KNOWN and suffix in EVIDENCE_SUFFIXES


_MEMO_SIZE = 4096
_UNSEEN, _EMPTY = object(), object()
_UNIQUE = frozenset(("id", "name"))  # different in every row: not worth remembering


class TableColumns:
    """The header of a table, checked once (at line 1), and the rows read by it: a CSV file
    and a workbook read the same way from here on."""

    def __init__(self, file: str, header: list[str], comma: bool = False):
        self.file, self.comma = file, comma
        self.problems: list[Problem] = []
        self.names: list[str] = []  # "" for a column whose cells are not location data
        seen: set[str] = set()
        for raw in header:
            name = raw.strip() if isinstance(raw, str) else ("" if raw is None else str(raw))
            if name and name in seen:
                self.problems.append(
                    _labelled(file, 1, "table_column_twice", "table_column_twice_hint", name=name)
                )
                name = ""
            seen.add(name)
            if name in _KNOWN or not name:
                self.names.append(name)
                continue
            if is_evidence_column(name) or name == SNAPSHOT_COLUMN:
                self.names.append(name)  # folded into `sources`/`evidence` by the row reader
                continue
            guess = did_you_mean(name, _FIELD_NAMES)
            key = "table_unknown_column_guess" if guess else "table_unknown_column"
            self.problems.append(
                _labelled(file, 1, key, "table_unknown_column_hint", name=name, guess=guess)
            )
            self.names.append("")
        stripped = [h.strip() if isinstance(h, str) else h for h in header]
        self.snapshot_index = (
            stripped.index(SNAPSHOT_COLUMN) if SNAPSHOT_COLUMN in stripped else None
        )
        #: location id -> the line of its row, or of each dated snapshot of it
        self._ids: dict[str, int | dict[str | None, int]] = {}
        # (interned: every row's mapping is looked up by these names again and again)
        self.names = [sys.intern(name) for name in self.names]
        #: per column, what each cell text seen in it reads as (see `_cell`)
        self._memos: list[dict[str | None, Any]] = [{} for _ in self.names]
        self._memo_room = _MEMO_SIZE
        self._evidence = any(is_evidence_column(name) for name in self.names)

    def row(self, line: int, cells: list[Any]) -> TableRow | Problem:
        """One row, or the problem that its location id is already that of another row (not
        a dated snapshot of it: a different `described_on`)."""
        data = self._mapping(cells)
        location_id = data.get("id")
        if not isinstance(location_id, str):
            return TableRow(self.file, line, data)
        snapshot = None
        if self.snapshot_index is not None and self.snapshot_index < len(cells):
            snapshot = str(cells[self.snapshot_index] or "").strip() or None
        known = self._ids.get(location_id)
        dated: dict[str | None, int] = {None: known} if isinstance(known, int) else known or {}
        earlier = (
            dated.get(snapshot)
            or dated.get(None)
            or (min(dated.values()) if snapshot is None and dated else None)
        )
        if earlier is not None:
            return _labelled(
                self.file,
                line,
                "table_duplicate_id",
                "table_duplicate_id_hint",
                id=location_id,
                first=earlier,
                second=line,
            )
        if snapshot is None and not dated:
            self._ids[location_id] = line  # (a dict per row would grow an audit's memory)
        else:
            self._ids[location_id] = {**dated, snapshot: line}
        return TableRow(self.file, line, data)

    def _mapping(self, cells: list[Any]) -> dict[str, Any]:
        """A row as the mapping a YAML file would give; empty cells are left out (unknown).
        A cell is text (CSV) or a workbook's value (a number, a date, true/false)."""
        data: dict[str, Any] = {}
        for name, memo, cell in zip(self.names, self._memos, cells, strict=False):
            value = memo.get(cell, _UNSEEN)
            if value is _UNSEEN:
                value = self._cell(name, memo, cell)
            if value is not _EMPTY:
                data[name] = value
        if len(cells) > len(self.names):
            data["(extra cells)"] = cells[len(self.names) :]
        return fold_evidence_columns(data) if self._evidence else data

    def _cell(self, name: str, memo: dict[str | None, Any], cell: Any) -> Any:
        """What a cell reads as (`_EMPTY`: nothing), remembered for its column: the same few
        texts recur in every row of a table (true, a type of location, small counts), and what
        one reads as depends on its column, its text and the table's decimal sign alone. Only
        text (and a workbook's empty cell) is remembered, since `1`, `1.0` and `True` are one
        key; and never a list, which every row must have for itself, nor what differs in
        every row (id, name). At most `_MEMO_SIZE` cells of a table are remembered."""
        if not name or cell is None:
            value = _EMPTY
        elif not isinstance(cell, str):
            return _typed_cell(name, cell)
        else:
            text = cell.strip()
            value = cell_value(name, text, self.comma) if text else _EMPTY
            if isinstance(value, list) or name in _UNIQUE:
                return value
        if self._memo_room:
            self._memo_room -= 1
            memo[cell] = value
        return value


def bounded_rows(
    handle: IO[str] | IO[bytes], file: str, notes: list[Problem] | None = None, typed: bool = True
) -> Iterator[TableRow | Problem]:
    """The rows of a CSV table, in bounded memory: each a `TableRow` with its line, or the
    `Problem` of a row that cannot be read (the rows after it are still read).

    Strict CSV: a quote that is never closed is reported with the line it opens on and the
    lines it took with it, never read as one long cell. A line longer than `MAX_LINE_CHARS`
    or a cell longer than `MAX_CELL_CHARS` is that row's problem. A header that cannot be
    read, or more rows than `MAX_LOCATIONS`, stop the reading with a problem.

    The separator (`,` or `;`) is read from the header line; a `;` table is Dutch, so its
    numbers may have a decimal comma. How the file was read (separator, encoding) is added
    to `notes`, for the run to state."""
    lines = _Lines(handle, MAX_LINE_CHARS.value())
    try:
        yield from _csv_rows(lines, file, typed)
    finally:
        note = _how_read(file, lines)
        if notes is not None and note is not None:
            notes.append(note)


def _how_read(file: str, lines: _Lines) -> Problem | None:
    """How the table was read, when it is not the plain `,` and UTF-8 every tool expects."""
    values = {"separator": lines.delimiter, "encoding": lines.encoding}
    if lines.fallback_line is None and lines.delimiter == ",":
        return None
    if lines.fallback_line is None:
        return _labelled(file, 1, "table_read_as", "table_read_as_hint", **values)
    return _labelled(
        file, lines.fallback_line, "table_read_as_cp1252", "table_not_utf8_hint", **values
    )


def _csv_rows(lines: _Lines, file: str, typed: bool = True) -> Iterator[TableRow | Problem]:
    cell_limit, line_limit = MAX_CELL_CHARS.value(), MAX_LINE_CHARS.value()
    csv.field_size_limit(cell_limit)
    columns: TableColumns | None = None
    rows, row_limit = 0, MAX_LOCATIONS.value()
    reader: Iterator[list[str]] | None = None
    while True:
        start = lines.number + 1
        lines.begin_row()
        found: Problem | None
        try:
            if reader is None:
                lines.delimiter = _delimiter(lines.peek())
                reader = csv.reader(lines, strict=True, delimiter=lines.delimiter)
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
            found = _csv_problem(file, start, str(exc), cell_limit)
            if len(lines.taken) > 1:
                # a quote took the lines after its own with it (to the end of the file, to the
                # cell limit, or to a quote that pairs with it): only the row it opens in is
                # lost, those lines are read again as rows of their own (by a new reader)
                lines.read_again(lines.taken[1:])
                reader = csv.reader(lines, strict=True, delimiter=lines.delimiter)
        else:
            found = None
        if found is not None:
            yield found
            if columns is None:
                return  # without the header no row can be read
            continue
        if columns is None:
            columns = TableColumns(file, cells, comma=lines.delimiter == ";")
            yield from columns.problems  # once, at the header line, not once per row
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
        yield columns.row(start, cells) if typed else TableRow(file, start, {})
    if columns is None:
        yield problem(
            file,
            1,
            "the table is empty: the first row must name the location fields",
            "de tabel is leeg: de eerste rij moet de locatievelden noemen",
            hint_en="start from `opvangtoets new --csv`",
            hint_nl="begin met `opvangtoets new --csv`",
        )


def _csv_problem(file: str, start: int, error: str, cell_limit: int) -> Problem:
    if "unexpected end of data" in error:  # a quote that is opened and never closed
        return _labelled(file, start, "table_unclosed_quote", "table_unclosed_quote_hint")
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


def _typed_cell(name: str, value: Any) -> Any:
    """A workbook cell that is not text: a date as YYYY-MM-DD, a whole float in a count field
    as a whole number; anything else as it is (the model validates it)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and FIELD_TYPES.get(name) is int:
        return int(value)
    return value


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
