"""The jinja2 environments for the templates in checker/render/templates/ (reports, diff,
audit, docs)."""

from __future__ import annotations

from functools import cache

import jinja2
from markupsafe import Markup

from checker.i18n import t


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def table_cell(text: object) -> str:
    """A value that cannot break a Markdown table row."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def css_string(text: object) -> Markup:
    """Text for a CSS string in a <style> element: every sign but letters, digits and spaces
    as a CSS escape, so neither a quote nor '</style>' in a location name can end it."""
    return Markup("".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in str(text)))


@cache
def environment(html: bool, trim: bool = False) -> jinja2.Environment:
    """HTML templates escape every value; Markdown ones do not. `trim` is for templates whose
    block tags stand on lines of their own (the line break after a tag is dropped)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("checker.render", "templates"),
        autoescape=html,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=trim,
        lstrip_blocks=trim,
    )
    env.filters["cap"] = capitalised
    env.filters["cell"] = table_cell
    env.filters["css_string"] = css_string
    return env


def render_template(
    name: str, lang: str, *, html: bool, trim: bool = True, **context: object
) -> str:
    """A template rendered in `lang`, with `t(key, **values)` for its labels."""
    return (
        environment(html=html, trim=trim)
        .get_template(name)
        .render(lang=lang, t=lambda key, **kw: t(key, lang, **kw), **context)
    )
