"""An empty location workbook to fill in (`opvangtoets new --xlsx`): one header row of the
location fields (the names the checker reads), each with its label and what to write as a
cell comment, and a drop-down list on every choice and yes/no column."""

from __future__ import annotations

import io
from typing import Any

from checker.i18n import t
from checker.location.labels import enum_of, label
from checker.location.model import Location
from checker.location.table import FIELD_TYPES, csv_header, is_record_list

#: Rows that get the drop-downs: the location limit of a sheet people fill in by hand.
ROWS = 1000
CHOICES_SHEET = "keuzes"


def _hint(name: str, lang: str) -> str:
    kind = FIELD_TYPES[name]
    choices = enum_of(name)
    if is_record_list(kind):
        return t("xlsx_hint_records", lang)
    if choices is not None and kind is not choices:  # a list of choices
        return t("xlsx_hint_list", lang, choices=", ".join(c.value for c in choices))
    if choices is not None:
        return t("xlsx_hint_choice", lang)
    if kind is bool:
        return t("xlsx_hint_bool", lang)
    if kind.__name__ == "date":
        return t("xlsx_hint_date", lang)
    if kind in (int, float):
        return t("xlsx_hint_number", lang)
    return ""


def _described(name: str, lang: str) -> str:
    """The model's description in `lang`, with its unit ("Outdoor play area in m²")."""
    description = Location.model_fields[name].description or ""
    en, _, nl = description.partition(" / ")
    return (nl if lang == "nl" else en) or label(name, lang) or name


def empty_workbook(lang: str) -> bytes:
    """The workbook's bytes (xlsx)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = t("xlsx_sheet_locations", lang)
    lists = book.create_sheet(CHOICES_SHEET)
    lists.sheet_state = "hidden"
    header = csv_header()
    sheet.append(header)
    sheet.freeze_panes = "A2"
    list_column = 0
    for col, name in enumerate(header, start=1):
        cell = sheet.cell(1, col)
        cell.font = Font(bold=True)
        text = "\n".join(p for p in (_described(name, lang), _hint(name, lang)) if p)
        cell.comment = Comment(text, "opvangtoets", width=320, height=120)
        letter = get_column_letter(col)
        sheet.column_dimensions[letter].width = max(12, min(40, len(name) + 2))
        values = _drop_down(name)
        if not values:
            continue
        list_column += 1
        list_letter = get_column_letter(list_column)
        for row, value in enumerate(values, start=1):
            lists.cell(row, list_column, value)
        source = f"{quote_sheetname(CHOICES_SHEET)}!${list_letter}$1:${list_letter}${len(values)}"
        check = DataValidation(type="list", formula1=source, allow_blank=True)
        check.error = t("xlsx_choose_from_list", lang)
        check.showErrorMessage = True
        check.add(f"{letter}2:{letter}{ROWS + 1}")
        sheet.add_data_validation(check)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _drop_down(name: str) -> list[Any]:
    kind = FIELD_TYPES[name]
    if kind is bool:
        return ["true", "false"]
    choices = enum_of(name)
    if choices is not None and kind is choices:
        return [c.value for c in choices]
    return []
