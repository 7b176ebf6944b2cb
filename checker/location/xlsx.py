"""Locations from an Excel workbook (.xlsx): the first sheet, or the one named, read like a
CSV table (`checker.location.table`): the header row names the fields, one row per location.

Read with openpyxl in read-only mode, which streams the sheet's XML instead of building it
in memory, and bounded like a CSV file: the file's size before it is opened, the rows, the
columns and the characters of a cell while it is read. A number typed in a cell is exact
(Excel stores 1200 or 1.2, never `1.200`); a number typed as text may have a decimal comma.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from checker.errors import InputError, Problem, did_you_mean, labelled_problem
from checker.location.table import TableColumns, TableRow, csv_header, open_table
from checker.source.limits import MAX_CELL_CHARS, MAX_LOCATIONS

SUFFIX = ".xlsx"
#: More columns than every field with its three evidence columns is not a location table.
MAX_COLUMNS = 4 * len(csv_header()) + 16


def read_workbook(
    path: Path, sheet: str | None = None, notes: list[Problem] | None = None
) -> Iterator[TableRow | Problem]:
    """The rows of the workbook's first sheet (or of `sheet`), each a `TableRow` whose line is
    the spreadsheet's row number, or the problem of a row; raises InputError when the file is
    not a workbook or has no such sheet."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    file = str(path)
    with open_table(path) as handle:
        try:
            book = load_workbook(handle, read_only=True, data_only=True)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
            raise InputError(
                [
                    labelled_problem(
                        file, None, "xlsx_unreadable", hint_key="xlsx_unreadable_hint", error=exc
                    )
                ]
            ) from None
        try:
            names = book.sheetnames
            if sheet is not None and sheet not in names:
                guess = did_you_mean(sheet, names)
                raise InputError(
                    [
                        labelled_problem(
                            file,
                            None,
                            "xlsx_no_sheet",
                            hint_key="xlsx_no_sheet_hint",
                            sheet=sheet,
                            sheets=", ".join(names),
                            guess=guess or names[0],
                        )
                    ]
                )
            chosen = sheet or names[0]
            if notes is not None:
                notes.append(labelled_problem(file, 1, "xlsx_read_sheet", sheet=chosen))
            yield from _sheet_rows(book[chosen], file)
        finally:
            book.close()


def _sheet_rows(sheet: Any, file: str) -> Iterator[TableRow | Problem]:
    cell_limit, row_limit = MAX_CELL_CHARS.value(), MAX_LOCATIONS.value()
    rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
    header = next(rows, None)
    if header is None or not any(h not in (None, "") for h in header):
        yield labelled_problem(file, 1, "xlsx_empty", hint_key="xlsx_empty_hint")
        return
    while header and header[-1] in (None, ""):
        header = header[:-1]
    columns = TableColumns(file, list(header), comma=True)
    yield from columns.problems
    count = 0
    for line, cells in enumerate(rows, start=2):
        values = list(cells[: len(header)])
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        count += 1
        if count > row_limit:
            yield labelled_problem(
                file,
                line,
                "table_too_many_rows",
                hint_key="table_limit_hint",
                limit=row_limit,
                env=MAX_LOCATIONS.env,
            )
            return
        if any(isinstance(v, str) and len(v) > cell_limit for v in values):
            yield labelled_problem(
                file,
                line,
                "table_cell_too_long",
                hint_key="table_limit_hint",
                limit=cell_limit,
                env=MAX_CELL_CHARS.env,
            )
            continue
        yield columns.row(line, values)
