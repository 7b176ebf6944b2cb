"""The HTML report: one self-contained file (inline CSS and SVG) to print or send on."""

from __future__ import annotations

from checker.library.loader import Library
from checker.render.templating import environment
from checker.report.build import Report
from checker.report.view import report_view, show_value


def report_context(report: Report, library: Library | None = None, detail: str = "full") -> dict:
    """What report.html.j2 reads (the web page's report extends that template)."""
    return {
        "view": report_view(report, library, detail),
        "show": lambda v: show_value(v, report.lang),
    }


def render_html(report: Report, library: Library | None = None, detail: str = "full") -> str:
    """The report as a self-contained HTML page."""
    return (
        environment(html=True)
        .get_template("report.html.j2")
        .render(**report_context(report, library, detail))
    )
