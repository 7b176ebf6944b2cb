"""The Markdown report: the HTML report's sections, for documents and issue trackers."""

from __future__ import annotations

from checker.library.loader import Library
from checker.render.templating import environment
from checker.report.build import Report
from checker.report.view import report_view, show_value

BAR_WIDTH = 20  # characters for 0-100


def text_bar(low: int, high: int) -> str:
    """The chart as text: solid for the score on known facts, shaded for the open range."""
    solid = round(low * BAR_WIDTH / 100)
    shaded = round(high * BAR_WIDTH / 100) - solid
    return "█" * solid + "▒" * shaded + "░" * (BAR_WIDTH - solid - shaded)


def render_markdown(report: Report, library: Library | None = None, detail: str = "full") -> str:
    """The report as Markdown."""
    view = report_view(report, library, detail)
    return (
        environment(html=False)
        .get_template("report.md.j2")
        .render(view=view, show=lambda v: show_value(v, report.lang), bar=text_bar)
    )
