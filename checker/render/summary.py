"""A run over several locations in the terminal: one table at the end, or one line each."""

from __future__ import annotations

import click

from checker.i18n import t
from checker.report.build import Report


def _score(report: Report) -> str:
    o = report.score.overall
    if o is None:
        return "—"
    return f"{o.low}" if o.low == o.high else f"{o.low}–{o.high}"


def _fails(report: Report) -> str:
    """Norms not met per layer: law (with court) / policy / guidance."""
    by = report.layers.to_dict()
    return f"{by['law']['fail']} / {by['policy']['fail']} / {by['guidance']['fail']}"


def quiet_line(report: Report) -> str:
    """'small-unit-amv-13-14  conform  81–95  0 / 0 / 1' (`check --quiet`)."""
    lang = report.lang
    return (
        f"{report.location.id}  {t(report.verdict.value, lang)}  {_score(report)}  "
        f"{t('col_fails', lang)}: {_fails(report)}"
    )


def summary_row(report: Report) -> tuple[str, str, str, str]:
    """One location's row of the summary table: name, verdict, score, not met per layer."""
    lang = report.lang
    return (report.location.name, t(report.verdict.value, lang), _score(report), _fails(report))


def summary_table(rows: list[tuple[str, str, str, str]], lang: str, colour: bool = False) -> str:
    """The table that ends a check of several locations."""
    head = tuple(t(k, lang) for k in ("col_location", "col_verdict", "col_score", "col_fails"))
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(3)]

    def line(row: tuple[str, ...]) -> str:
        cells = [cell.ljust(w) for cell, w in zip(row[:3], widths, strict=True)]
        return "  ".join([*cells, row[3]])

    title = t("summary_table", lang) + f" ({len(rows)})"
    out = [click.style(title, bold=True) if colour else title, line(head)]
    return "\n".join(out + [line(row) for row in rows])
