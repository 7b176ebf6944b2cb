"""The HTML report: one self-contained file (inline CSS and SVG) to print or send on."""

from __future__ import annotations

from checker.norm_library import Library
from checker.report import Report
from checker.report_view import report_view, show_value
from checker.templating import environment


def render_html(report: Report, library: Library | None = None) -> str:
    view = report_view(report, library)
    template = environment(html=True).get_template("report.html.j2")
    return template.render(view=view, show=lambda v: show_value(v, report.lang))
