"""The Markdown report: the HTML report's sections, for documents and issue trackers."""

from __future__ import annotations

from functools import cache

import jinja2

from checker.norm_library import Library
from checker.report import Report
from checker.report_view import capitalised, report_view, show_value

BAR_WIDTH = 20  # characters for 0-100


def table_cell(text: object) -> str:
    """A value that cannot break a Markdown table row."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def text_bar(low: int, high: int) -> str:
    """The chart as text: solid for the score on known facts, shaded for the open range."""
    solid = round(low * BAR_WIDTH / 100)
    shaded = round(high * BAR_WIDTH / 100) - solid
    return "█" * solid + "▒" * shaded + "░" * (BAR_WIDTH - solid - shaded)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("checker", "templates"),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["cap"] = capitalised
    env.filters["cell"] = table_cell
    return env


def render_markdown(report: Report, library: Library | None = None) -> str:
    view = report_view(report, library)
    return (
        environment()
        .get_template("report.md.j2")
        .render(view=view, show=lambda v: show_value(v, report.lang), bar=text_bar)
    )
