"""The jinja2 environments for the templates in checker/render/templates/ (reports, diff,
audit, docs)."""

from __future__ import annotations

import re
import urllib.parse
from functools import cache

import jinja2
from markupsafe import Markup

from checker.i18n import t


def capitalised(text: str) -> str:
    """The text with its first letter in upper case (the rest untouched)."""
    return text[:1].upper() + text[1:]


class Markdown(str):
    """Text that is already Markdown: the Markdown templates write it as it is."""


# What can open Markdown or HTML inside a line (`_` only at the edge of a word: inside one it
# is no emphasis); control characters (line breaks among them) would start a new block, so
# they become spaces; at the start of a line a few more characters start a block.
_MD_SPECIAL = re.compile(r"([\\`*\[\]<#|~&]|(?<![^\W_])_|_(?![^\W_]))")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")
_LINE_START = re.compile(r"^(\s*)([-+](?=\s|$)|[=>])|^(\s*\d+)([.)](?=\s|$))")


def markdown_text(value: object) -> Markdown:
    """Any value as Markdown that shows exactly its text: no markup, no raw HTML, no new line
    (a location's name cannot write its own verdict line into a report)."""
    if isinstance(value, Markdown):
        return value
    text = _CONTROL.sub(" ", str(value))
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return Markdown(_LINE_START.sub(_escape_line_start, text))


def _escape_line_start(match: re.Match[str]) -> str:
    before, mark = (match.group(1), match.group(2)) if match.group(2) else match.group(3, 4)
    return f"{before}\\{mark}"


def markdown_code(value: object) -> Markdown:
    """A value for inside a code span: a backtick would end it, a control character break it."""
    return Markdown(_CONTROL.sub(" ", str(value)).replace("`", "'"))


def markdown_url(value: object) -> Markdown:
    """A link target that cannot end the link early or carry a line break or HTML."""
    return Markdown(urllib.parse.quote(_CONTROL.sub("", str(value)), safe=":/?#@!$&'*+,;=%~.-_"))


def table_cell(text: object) -> Markdown:
    """A value that cannot break a Markdown table row."""
    return markdown_text(text)


def css_string(text: object) -> Markup:
    """Text for a CSS string in a <style> element: every sign but letters, digits and spaces
    as a CSS escape, so neither a quote nor '</style>' in a location name can end it."""
    return Markup("".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in str(text)))


@cache
def environment(html: bool, trim: bool = False) -> jinja2.Environment:
    """HTML templates escape every value as HTML, Markdown ones as Markdown (`markdown_text`;
    the filters `code`, `url` and `md` for code spans, link targets and Markdown made here).
    `trim` is for templates whose block tags stand on lines of their own (the line break
    after a tag is dropped)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("checker.render", "templates"),
        autoescape=html,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=trim,
        lstrip_blocks=trim,
        finalize=None if html else markdown_text,
    )
    env.filters["cap"] = capitalised
    env.filters["cell"] = table_cell
    env.filters["code"] = markdown_code
    env.filters["url"] = markdown_url
    env.filters["md"] = Markdown
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
