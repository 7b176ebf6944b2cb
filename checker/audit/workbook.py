"""`audit --xlsx OUT`: the audit as an Excel workbook with three sheets.

- *Locations*: one row per location (the CSV file's columns, `tables.LOCATION_COLUMNS`);
- *Findings*: one row per location and norm that is not passed (fail, waived, unknown);
- *Norms*: one row per norm, the locations and children per outcome.

Each sheet has a frozen header row, filters, column widths and colours by outcome. Every text
cell goes through `neutral_cell`: openpyxl writes a string that starts with `=` as a formula,
so a location named `=HYPERLINK(...)` would run in Excel. The workbook is written in
openpyxl's write-only mode (rows streamed to disk as they come), into the run's `Outputs`.
"""

from __future__ import annotations

from typing import IO, Any

from checker.audit.run import Failed, LocationResult
from checker.audit.tables import (
    FINDING_COLUMNS,
    LOCATION_COLUMNS,
    NORM_COLUMNS,
    NormCounts,
    finding_rows,
    location_row,
)
from checker.library.loader import Library
from checker.location.table import neutral_cell

SHEETS = ("Locations", "Findings", "Norms")
#: the fill of a cell by its outcome or verdict code (the portfolio page's colours)
FILLS = {
    "non_compliant": "F4A582",
    "fail": "F4A582",
    "insufficient_information": "FDDBC7",
    "unknown": "FDDBC7",
    "compliant_with_concerns": "D1E5F0",
    "waived": "D1E5F0",
    "compliant": "B8E186",
    "pass": "B8E186",
}
WIDE = {"name": 34, "title": 40, "message": 60, "remedy": 60, "citation": 40, "url": 30}


class XlsxOutput:
    """Rows into the Locations and Findings sheets as results arrive; Norms at the end."""

    def __init__(self, handle: IO[bytes], library: Library, lang: str):
        from openpyxl import Workbook

        self.handle, self.library, self.lang = handle, library, lang
        self.book = Workbook(write_only=True)
        self.sheets = {}
        for name, columns in zip(
            SHEETS, (LOCATION_COLUMNS, FINDING_COLUMNS, NORM_COLUMNS), strict=True
        ):
            sheet = self.book.create_sheet(name)
            _prepare(sheet, columns)
            sheet.append(_header(sheet, columns))
            self.sheets[name] = sheet
        self.rows = {name: 1 for name in SHEETS}
        self.norms = NormCounts()

    def add(self, result: LocationResult | Failed) -> None:
        """One location's row, and a row per finding that is not passed."""
        self._append("Locations", location_row(result, self.lang))
        if isinstance(result, Failed):
            return
        for row in finding_rows(result, self.lang):
            self._append("Findings", row)
        self.norms.add(result)

    def _append(self, sheet: str, values: list[Any]) -> None:
        self.sheets[sheet].append([neutral_cell(v) for v in values])
        self.rows[sheet] += 1

    def close(self, reform: Any = None) -> None:
        """Write the Norms sheet, the filters and colours, a Reform sheet with `--reform`,
        and save the workbook."""
        for row in self.norms.rows(self.library, self.lang):
            self._append("Norms", row)
        colour_by = {"Locations": "verdict", "Findings": "outcome"}
        for name, columns in zip(
            SHEETS, (LOCATION_COLUMNS, FINDING_COLUMNS, NORM_COLUMNS), strict=True
        ):
            _finish(self.sheets[name], columns, self.rows[name], colour_by.get(name))
        _scale(self.sheets["Norms"], NORM_COLUMNS.index("fail_locations"), self.rows["Norms"])
        if reform is not None:
            _reform_sheet(self.book.create_sheet("Reform"), reform)
        self.book.save(self.handle)


def _header(sheet: Any, columns: list[str]) -> list[Any]:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cells = []
    for name in columns:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = Font(bold=True)
        cells.append(cell)
    return cells


def _prepare(sheet: Any, columns: list[str]) -> None:
    from openpyxl.utils import get_column_letter

    sheet.freeze_panes = "A2"
    for k, name in enumerate(columns, start=1):
        width = WIDE.get(name, max(10, min(24, len(name) + 2)))
        sheet.column_dimensions[get_column_letter(k)].width = width


def _finish(sheet: Any, columns: list[str], rows: int, colour_by: str | None) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A1:{last}{max(rows, 2)}"
    if colour_by is None or rows < 2:
        return
    code = get_column_letter(columns.index(colour_by) + 1)
    for value, colour in FILLS.items():
        fill = PatternFill(start_color=colour, end_color=colour, fill_type="solid")
        rule = FormulaRule(formula=[f'${code}2="{value}"'], fill=fill, stopIfTrue=True)
        sheet.conditional_formatting.add(f"A2:{last}{rows}", rule)


def _scale(sheet: Any, column: int, rows: int) -> None:
    from openpyxl.formatting.rule import ColorScaleRule
    from openpyxl.utils import get_column_letter

    if rows < 2:
        return
    letter = get_column_letter(column + 1)
    rule = ColorScaleRule(
        start_type="min", start_color="FFFFFF", end_type="max", end_color="D6604D"
    )
    sheet.conditional_formatting.add(f"{letter}2:{letter}{rows}", rule)


REFORM_COLUMNS = [
    "norm_id",
    "verdict_changed_locations",
    "verdict_changed_children",
    "policy_outcome_changed_locations",
    "policy_outcome_changed_children",
]


def _reform_sheet(sheet: Any, reform: Any) -> None:
    """One row for all changed norms together (norm_id `*`), then one per changed norm."""
    data = reform.to_dict()
    _prepare(sheet, REFORM_COLUMNS)
    sheet.append(_header(sheet, REFORM_COLUMNS))
    total = [data["verdict_changed"], data["policy_outcome_changed"]]
    sheet.append(["*", *(v for c in total for v in (c["locations"], c["children"]))])
    for norm_id in data["changed_norms"]:
        cell = data["per_norm"].get(norm_id, {})
        pairs = [
            cell.get(k, {"locations": 0, "children": 0}) for k in ("verdict", "policy_outcome")
        ]
        sheet.append([norm_id, *(v for c in pairs for v in (c["locations"], c["children"]))])
    _finish(sheet, REFORM_COLUMNS, 2 + len(data["changed_norms"]), None)
