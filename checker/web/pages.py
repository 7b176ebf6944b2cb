"""The pages of `opvangtoets serve`, rendered from the templates the reports use.

The report page is the HTML report of `check --format html` (the web template
extends it), with a download button and a what-if form added; the what-if page
shows the comparison that `diff --format html` shows. Every page about a
location carries that location as YAML in hidden fields, so the server keeps
nothing between requests.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from checker.errors import Problem
from checker.i18n import LANGUAGES, chosen_first, t
from checker.i18n.formats import number
from checker.library.loader import Library
from checker.location.labels import label as field_label
from checker.location.writer import location_yaml
from checker.plan.compare import Comparison
from checker.render.diff import diff_context
from checker.render.html import report_context
from checker.render.plan import changes_in_words
from checker.render.templating import render_template
from checker.report.build import Report
from checker.report.view import fact_titles
from checker.web.form import form_themes, form_values
from checker.web.keep import KEEP_SCRIPT

FIELD_NAME = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
#: Facts the report page offers to fill in next ("what to find out"), most wanted first.
CONTINUE_AT = 10
#: A file longer than this shows only the lines around its problems.
LISTING_WHOLE_FILE = 400
LISTING_CONTEXT = 4


def problem_text(p: Problem, lang: str) -> str:
    """A problem without its file and field, for showing next to the field or line; a hint
    that sends the reader to a terminal command is left out (the page has its own way)."""
    hint = p.hint.get(lang) or p.hint.get("en")
    text = p.message.get(lang) or p.message["en"]
    if hint and "opvangtoets " in hint:
        hint = None
    return _labelled(text + (f" — {hint}" if hint else ""), lang)


def _labelled(text: str, lang: str) -> str:
    """Field names in a message (`occupancy_total`) replaced by their labels."""
    return FIELD_NAME.sub(lambda m: field_label(m.group(0), lang) or m.group(0), text)


def field_errors(problems: Sequence[Problem], lang: str) -> dict[str, list[str]]:
    """The messages of the problems, by the form field they are about."""
    errors: dict[str, list[str]] = {}
    for p in problems:
        errors.setdefault(p.field or "", []).append(problem_text(p, lang))
    return errors


class Pages:
    """The web pages, rendered from the templates."""

    def __init__(self, library: Library, upload_limit: int, location_limit: int):
        self.library = library
        self.upload_limit = upload_limit
        self.location_limit = location_limit
        # The form is the same for every request: build it once per language.
        self.themes = {lang: form_themes(library, lang) for lang in LANGUAGES}
        self.titles = {lang: fact_titles(library, lang) for lang in LANGUAGES}

    def in_words(self, p: Problem, lang: str, line: bool = True) -> str:
        """A file's problem for the page: its line and the field's label, not its name."""
        where = f"{t('web_line', lang).capitalize()} {p.line}: " if p.line and line else ""
        field = f"{self.titles[lang].get(p.field, p.field)}: " if p.field else ""
        return where + field + problem_text(p, lang)

    def form(
        self,
        lang: str,
        as_of: str,
        values: dict[str, Any] | None = None,
        problems: Sequence[Problem] = (),
        short: bool = False,
        open_at: str | None = None,
        restored: str | None = None,
    ) -> str:
        """The form page, with what was entered and its problems; `short`: only the first
        step's fields; `open_at`: the field whose theme is opened (from "what to find out")."""
        titles = fact_titles(self.library, lang)
        titles["as_of"] = t("as_of_date", lang)
        listed = [
            {
                "field": p.field,
                "label": titles.get(p.field or "", p.field),
                "text": problem_text(p, lang),
            }
            for p in problems
        ]
        return render_page(
            "web_form.html.j2",
            lang,
            as_of,
            themes=self.themes[lang],
            values=values or {},
            errors=field_errors(problems, lang),
            problems=listed,
            technical=[p.render(lang) for p in problems],
            upload_limit=f"{self.upload_limit // (1024 * 1024)} MiB",
            location_limit=self.location_limit,
            short=short,
            open_at=open_at,
            restored=restored,
            keep_script=KEEP_SCRIPT,
        )

    def report(
        self,
        report: Report,
        what_if: dict[str, Any] | None = None,
        problems: Sequence[Problem] = (),
        readings: Sequence[tuple[str, str, Any]] = (),
    ) -> str:
        """The report; `what_if` and `problems`: what was entered in its what-if form and
        what is wrong with it (the form then opens at the problems); `readings`: numbers
        typed otherwise than a file writes them, and how they were read."""
        lang = report.lang
        titles = self.titles[lang]
        read_as = [
            t(
                "web_read_as_item",
                lang,
                label=titles[n],
                typed=typed,
                value=number(value, lang),
                plain=value,
            )
            for n, typed, value in readings
        ]
        continue_at = [(f.field, titles[f.field]) for f in report.facts_to_collect[:CONTINUE_AT]]
        return render_page(
            "web_report.html.j2",
            lang,
            report.as_of.isoformat(),
            location_yaml(report.location),
            # Not trimmed: the report part must be exactly what `check --format html` gives.
            trim=False,
            **report_context(report, self.library),
            themes=self.themes[lang],
            values=form_values(report.location) if what_if is None else what_if,
            errors=field_errors(problems, lang),
            read_as=read_as,
            continue_at=continue_at,
            what_if_link=True,
        )

    def what_if(self, comparison: Comparison) -> str:
        """The what-if page: before and after, side by side."""
        after = comparison.after
        lang = after.lang
        changed = changes_in_words([(f.field, f.before, f.after) for f in comparison.facts], lang)
        return render_page(
            "web_what_if.html.j2",
            lang,
            after.as_of.isoformat(),
            location_yaml(after.location),
            before_yaml=location_yaml(comparison.before.location),
            changed=changed,
            **diff_context(comparison, lang, (t("before", lang), t("after", lang))),
        )

    def file_problems(
        self, lang: str, as_of: str, file: str, text: str | None, problems: list[Problem]
    ) -> str:
        """The page of a file that could not be checked, each problem under its line."""
        return render_page(
            "web_file_problems.html.j2",
            lang,
            as_of,
            file=file,
            problems=[(self.in_words(p, lang), p.line) for p in problems],
            technical=[p.render(lang) for p in problems],
            listing=source_listing(text, problems, lang, self.titles[lang])
            if text is not None
            else [],
        )

    def audit(self, lang: str, audit_context: dict) -> str:
        """The portfolio page of `audit --html` (its context holds the as-of date)."""
        return render_page("web_audit.html.j2", lang, **audit_context)

    def message(self, lang: str, title_key: str, message: str) -> str:
        """A page with one message."""
        return message_page(lang, message, title_key)


def render_page(
    name: str, lang: str, as_of: str, carry_yaml: str = "", trim: bool = True, **more
) -> str:
    """A page in `lang`; `carry_yaml`: the location it is about, for the language switch."""
    other_lang = chosen_first(lang)[1]
    return render_template(
        name,
        lang,
        html=True,
        trim=trim,
        other_lang=other_lang,
        as_of=as_of,
        carry_yaml=carry_yaml,
        **more,
    )


def message_page(lang: str, message: str, title_key: str = "web_error") -> str:
    """A page that says one thing; it needs no norm library (the server shows it too)."""
    return render_page("web_message.html.j2", lang, "", title=t(title_key, lang), message=message)


def source_listing(
    text: str, problems: list[Problem], lang: str, titles: dict[str, str]
) -> list[tuple[int, str, list[str]]]:
    """(line number, line, problems on it) for the whole file, or around its problems when long."""
    lines = text.splitlines() or [""]
    on_line: dict[int, list[str]] = {}
    for p in problems:
        if p.line is not None and 1 <= p.line <= len(lines):
            field = f"{titles.get(p.field, p.field)}: " if p.field else ""
            on_line.setdefault(p.line, []).append(field + problem_text(p, lang))
    if len(lines) <= LISTING_WHOLE_FILE:
        shown: Sequence[int] = range(1, len(lines) + 1)
    else:
        shown = sorted(
            {
                n
                for line in on_line
                for n in range(line - LISTING_CONTEXT, line + LISTING_CONTEXT + 1)
                if 1 <= n <= len(lines)
            }
        )
    return [(n, lines[n - 1], on_line.get(n, [])) for n in shown]
