"""The HTML report: one self-contained file (inline CSS and SVG) to print or send on."""

from __future__ import annotations

from functools import cache

import jinja2

from checker.norm_library import Library
from checker.report import Report
from checker.report_view import capitalised, report_view, show_value


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("checker", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["cap"] = capitalised
    return env


def render_html(report: Report, library: Library | None = None) -> str:
    view = report_view(report, library)
    template = environment().get_template("report.html.j2")
    return template.render(view=view, show=lambda v: show_value(v, report.lang))
