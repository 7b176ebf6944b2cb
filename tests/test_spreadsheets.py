"""Spreadsheets in: .xlsx, `;` CSV in Windows-1252, `,` CSV with a BOM give the same verdicts;
header problems once at line 1; duplicate ids name both rows; Dutch numbers (issue 18)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from checker.audit.run import AuditOptions, Auditor, LocationResult, collect_inputs
from checker.cli import main
from checker.errors import InputError, Problem
from checker.location.loader import load_location
from checker.location.model import Location
from checker.location.table import (
    FIELD_TYPES,
    TableRow,
    csv_header,
    is_record_list,
    location_from_row,
    read_table,
    record_cell,
)
from checker.location.xlsx import read_workbook
from checker.source.numbers import parse_decimal

CASES = Path(__file__).parent.parent / "cases"
SHIPPED = sorted(CASES.glob("*.yaml"))
AS_OF = dt.date(2026, 1, 15)
NAME = "Opvang Zoë en Ruhr-Café"  # letters that Windows-1252 and UTF-8 write differently


def _values(location: Location) -> dict:
    data = location.model_dump(mode="json", exclude_none=True)
    if data["id"] == "family-location":
        data["name"] = NAME
    return data


def _text(value, comma: bool = False, name: str = "") -> str:
    if name and is_record_list(FIELD_TYPES[name]):
        return record_cell(value)
    if isinstance(value, list):
        return ";".join(value) if value else ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and comma:
        return repr(value).replace(".", ",")
    return str(value)


@pytest.fixture(scope="module")
def shipped() -> list[dict]:
    return [_values(load_location(p)) for p in SHIPPED]


def _write_csv(path: Path, rows: list[dict], delimiter: str, encoding: str, comma: bool) -> None:
    header = csv_header()
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    for data in rows:
        writer.writerow([_text(data[n], comma, n) if n in data else "" for n in header])
    path.write_bytes(out.getvalue().encode(encoding))


def _write_xlsx(path: Path, rows: list[dict]) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Locaties"
    header = csv_header()
    sheet.append(header)
    for k, data in enumerate(rows):
        cells = []
        for n in header:
            value = data.get(n)
            if isinstance(value, int | float) and not isinstance(value, bool):
                # every other row types its decimals as Dutch text, as a pasted sheet does
                cells.append(
                    _text(value, comma=True) if k % 2 and isinstance(value, float) else value
                )
            elif value is None:
                cells.append(None)
            else:
                cells.append(_text(value, name=n))
        sheet.append(cells)
    book.save(path)


def _verdicts(paths: list[Path], auditor: Auditor, notes: list | None = None) -> dict:
    items = collect_inputs([str(p) for p in paths], notes=notes)
    results = auditor.check(items)
    bad = [r for r in results if not isinstance(r, LocationResult)]
    assert not bad, [p.render("en") for r in bad for p in r.problems]
    return {r.location_id: (r.verdict, r.name, r.failing) for r in results}


@pytest.fixture(scope="module")
def auditor() -> Auditor:
    return Auditor(AuditOptions(AS_OF, "en"))


def test_xlsx_semicolon_cp1252_and_bom_csv_give_the_same_verdicts(tmp_path, shipped, auditor):
    semicolon, bom, book = tmp_path / "nl.csv", tmp_path / "bom.csv", tmp_path / "book.xlsx"
    _write_csv(semicolon, shipped, ";", "cp1252", comma=True)
    _write_csv(bom, shipped, ",", "utf-8-sig", comma=False)
    _write_xlsx(book, shipped)
    assert b"Zo\xeb" in semicolon.read_bytes() and bom.read_bytes().startswith(b"\xef\xbb\xbf")
    notes: list[Problem] = []
    from_yaml = _verdicts(SHIPPED, auditor)
    from_semicolon = _verdicts([semicolon], auditor, notes)
    assert from_semicolon == _verdicts([bom], auditor) == _verdicts([book], auditor)
    # the names came through each encoding, and the verdicts are those of the YAML files
    assert from_semicolon["family-location"][1] == NAME
    assert {k: v[0] for k, v in from_semicolon.items()} == {k: v[0] for k, v in from_yaml.items()}
    assert len({v[0] for v in from_yaml.values()}) >= 2  # the portfolio is not all alike
    (note,) = [n.render("en") for n in notes]
    assert "columns separated by ';'" in note and "Windows-1252" in note


def test_the_run_states_the_separator_and_the_encoding(tmp_path, shipped):
    table = tmp_path / "nl.csv"
    _write_csv(table, shipped[:2], ";", "utf-8", comma=True)
    result = CliRunner().invoke(
        main, ["audit", str(table), "--as-of", "2026-01-15", "--lang", "nl", "--workers", "1"]
    )
    assert result.exit_code in (0, 1), result.output
    assert (
        f"{table}:1: gelezen als tabel met kolommen gescheiden door ';', codering utf-8"
        in result.output
    )


def test_a_header_typo_is_reported_once_at_line_1_with_a_guess(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text(
        "id;name;childern_count;location_type;school_distance_primary_km__source;described_on\n"
        + "".join(f"r-{i};Locatie {i};{i};regular_azc;COA 2025;\n" for i in range(5)),
        encoding="utf-8",
    )
    got = list(read_table(table))
    problems = [r for r in got if isinstance(r, Problem)]
    assert [p.render("en") for p in problems] == [
        f"{table}:1: column 'childern_count' is not a location field: did you mean "
        "'children_count'? — rename the column in the header row (see `opvangtoets schema`); "
        "its cells are not read, the rows are checked without it"
    ]
    assert (
        problems[0]
        .render("nl")
        .startswith(
            f"{table}:1: kolom 'childern_count' is geen locatieveld: bedoelt u 'children_count'?"
        )
    )
    rows = [r for r in got if isinstance(r, TableRow)]
    assert [r.line for r in rows] == [2, 3, 4, 5, 6]
    assert rows[0].data == {  # the evidence column is read into sources and evidence
        "id": "r-0",
        "name": "Locatie 0",
        "location_type": "regular_azc",
        "sources": [{"id": "src-1", "title": "COA 2025"}],
        "evidence": {"school_distance_primary_km": {"source": ["src-1"]}},
    }
    result = CliRunner().invoke(main, ["audit", str(table), "--workers", "1"])
    assert result.exit_code == 2
    assert result.output.count("childern_count") == 1


def test_a_duplicate_id_names_both_rows_unless_they_are_dated_snapshots(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text(
        "id,name,described_on\na,A,\nb,B,2025-01-01\na,A again,\nb,B later,2025-06-01\n"
        "b,B twice,2025-06-01\n",
        encoding="utf-8",
    )
    got = list(read_table(table))
    assert [r.line for r in got if isinstance(r, TableRow)] == [2, 3, 5]
    assert [r.render("en") for r in got if isinstance(r, Problem)] == [
        f"{table}:4: location id 'a' is on line 2 and on line 4 — give each location its own id, "
        "or date each description of the same location in a described_on column",
        f"{table}:6: location id 'b' is on line 5 and on line 6 — give each location its own id, "
        "or date each description of the same location in a described_on column",
    ]


def test_a_workbook_sheet_is_chosen_by_name_with_a_guess_when_it_is_missing(tmp_path, shipped):
    book = tmp_path / "b.xlsx"
    _write_xlsx(book, shipped[:1])
    rows = list(read_workbook(book, "Locaties"))
    assert [r.line for r in rows] == [2]
    with pytest.raises(InputError) as exc:
        list(read_workbook(book, "locaties"))
    assert exc.value.problems[0].render("en") == (
        f"{book}: the workbook has no sheet 'locaties'; its sheets: Locaties — "
        "did you mean --sheet 'Locaties'?"
    )
    not_a_book = tmp_path / "n.xlsx"
    not_a_book.write_text("id,name\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", str(not_a_book), "--workers", "1"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "geen leesbare Excel-werkmap" in result.output


def test_dutch_decimal_commas_in_a_semicolon_table_and_not_in_a_comma_table(tmp_path):
    semicolon, comma = tmp_path / "s.csv", tmp_path / "c.csv"
    semicolon.write_text("id;name;indoor_play_area_m2;school_distance_primary_km\na;A;2,5;1.250\n")
    comma.write_text('id,name,indoor_play_area_m2\na,A,"2,5"\n')
    (row,) = read_table(semicolon)
    assert row.data["indoor_play_area_m2"] == 2.5
    assert row.data["school_distance_primary_km"] == 1.25  # a distance: three decimals are fine
    (row,) = read_table(comma)
    assert row.data["indoor_play_area_m2"] == "2,5"  # refused by the model as not a number


# Dutch numbers ------------------------------------------------------------------


def _refusal(path: Path, lang: str) -> str:
    result = CliRunner().invoke(main, ["check", str(path), "--lang", lang])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return result.output


def test_1_200_in_an_area_is_refused_with_both_readings_in_yaml_and_csv(tmp_path):
    text = (CASES / "family-location.yaml").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if not ln.startswith("outdoor_play_area_m2:")]
    lines.insert(3, "outdoor_play_area_m2: 1.200")
    bad = tmp_path / "bad.yaml"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    en, nl = _refusal(bad, "en"), _refusal(bad, "nl")
    assert (
        f"{bad}:4: field 'outdoor_play_area_m2': 1.200 is ambiguous here: did you mean 1200 or 1,2?"
        in en
    )
    assert (
        f"{bad}:4: veld 'outdoor_play_area_m2': 1.200 is hier dubbelzinnig: bedoelt u 1200 of 1,2?"
        in nl
    )
    for good, value in (("1200", 1200), ("1.2", 1.2), ("1200.5", 1200.5)):
        fine = tmp_path / f"good-{good}.yaml"
        fine.write_text("\n".join(lines).replace("1.200", good) + "\n", encoding="utf-8")
        assert load_location(fine).outdoor_play_area_m2 == value
    table = tmp_path / "t.csv"
    table.write_text("id,name,outdoor_play_area_m2,children_count\na,A,1.200,4\nb,B,1200,4\n")
    rows = list(read_table(table))
    with pytest.raises(InputError) as exc:
        location_from_row(rows[0])
    assert exc.value.problems[0].render("en") == (
        f"{table}:2: field 'outdoor_play_area_m2': 1.200 is ambiguous here: did you mean 1200 "
        "or 1,2? — write 1200 for the whole number or 1.2 for the decimal (a dot, no thousands "
        "separator)"
    )
    assert location_from_row(rows[1]).outdoor_play_area_m2 == 1200


def test_distances_and_durations_with_three_decimals_are_not_refused(tmp_path):
    doc = tmp_path / "d.yaml"
    doc.write_text(
        "id: d\nname: D\nschool_distance_primary_km: 1.250\nstay_children_avg_months: 2.500\n",
        encoding="utf-8",
    )
    location = load_location(doc)
    assert (location.school_distance_primary_km, location.stay_children_avg_months) == (1.25, 2.5)


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("1,4", "nl", 1.4),
        ("1.200", "nl", 1200),
        ("1.200,5", "nl", 1200.5),
        ("1.2", "en", 1.2),
        ("1,200", "en", 1200),
        ("1200", "nl", 1200),
    ],
)
def test_parse_decimal_reads_a_number_as_a_user_of_the_language_means_it(text, lang, value):
    assert parse_decimal(text, lang) == value


def test_parse_decimal_refuses_a_grouping_that_does_not_fit_the_language():
    with pytest.raises(ValueError, match="1,4"):
        parse_decimal("1.4", "nl")


def test_new_xlsx_writes_an_empty_workbook_with_comments_and_drop_downs(tmp_path):
    out = tmp_path / "leeg.xlsx"
    result = CliRunner().invoke(main, ["new", str(out), "--xlsx", "--lang", "nl"])
    assert result.exit_code == 0, result.output
    book = load_workbook(out)
    sheet = book.active
    header = [c.value for c in sheet[1]]
    assert header == csv_header()
    assert sheet.max_row == 1 and sheet.freeze_panes == "A2"
    column = header.index("location_type") + 1
    assert sheet.cell(1, column).comment.text == "Soort opvang van de locatie\nkies uit de lijst"
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    letter = sheet.cell(1, column).column_letter
    (sqref,) = [s for s in lists if s.startswith(letter + "2")]
    assert sqref == f"{letter}2:{letter}1001"
    sheet_name, cells = lists[sqref].split("!")
    first, last = cells.replace("$", "").split(":")
    choices = [c.value for (c,) in book[sheet_name.strip("'")][first:last]]
    assert "emergency_shelter" in choices and "regular_azc" in choices
    assert list(read_workbook(out)) == []


def test_every_numeric_field_has_plausibility_bounds():
    from checker.location.plausible import BOUNDS

    numeric = [n for n, k in FIELD_TYPES.items() if k in (int, float)]
    assert sorted(BOUNDS) == sorted(numeric)


def test_a_play_area_per_child_out_of_bounds_is_a_warning_and_the_location_is_checked(checker):
    location = load_location(CASES / "family-location.yaml").model_copy(
        update={"outdoor_play_area_m2": 1.2, "children_count": 40}
    )
    report = checker.check(location, AS_OF, "nl", "t.yaml")
    (warning,) = [w for w in report.warnings if w.kind == "implausible_value"]
    assert warning.facts == ("outdoor_play_area_m2", "children_count")
    assert warning.message["nl"] == (
        "Buitenspeelruimte op of naast het terrein per kind is "
        "0,03, minder dan de 0,2 die "
        "een locatie gewoonlijk heeft — controleer het getal (een tikfout, een punt voor "
        "duizendtallen?); de locatie is ermee getoetst"
    )
    none_at_all = location.model_copy(update={"outdoor_play_area_m2": 0.0})
    report = checker.check(none_at_all, AS_OF, "nl", "t.yaml")
    assert not [w for w in report.warnings if w.kind == "implausible_value"]
