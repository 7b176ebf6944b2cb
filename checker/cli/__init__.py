"""The `opvangtoets` command.

Exit codes: 0 checked and acceptable (compliant, or compliant with concerns);
1 checked and non-compliant or insufficiently known; 2 could not check (bad
input or usage). In a batch a bad file is reported and the others are still
checked; the exit code is then 2.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import click

from checker.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    Refusal,
    as_of_option,
    expand_paths,
    lang_option,
    make_checker,
    max_fact_age_option,
    max_locations_option,
    no_cache_option,
    norms_dir_option,
    refuse_too_many,
    use_colour,
)
from checker.cli.guard import GuardedGroup
from checker.errors import InputError, labelled_problem, problem
from checker.evaluate.engine import EngineError
from checker.i18n import t
from checker.location.loader import load_location
from checker.location.model import ReportStatus, location_json_schema
from checker.render.output import DETAILS, FORMATS, ReportPaths, render, write_report
from checker.render.summary import quiet_line, summary_row, summary_table
from checker.render.text import render_text

if TYPE_CHECKING:
    from checker.report.build import Report

# Commands defined in modules of their own are imported when they run (or their help is
# shown), not on every start: `check` of one file should not pay for `norms` or `serve`.
LAZY_COMMANDS = {
    "norms": "checker.cli.norms:norms",
    "improve": "checker.cli.plan:improve_command",
    "diff": "checker.cli.plan:diff_command",
    "new": "checker.cli.plan:new_command",
    "report-schema": "checker.cli.report_schema:report_schema",
    "audit": "checker.cli.audit:audit",
    "serve": "checker.cli.serve:serve_command",
    "history": "checker.cli.history:history_command",
}


class _LazyGroup(GuardedGroup):
    """The command group, importing each command of `LAZY_COMMANDS` when it is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command's name, imported or not."""
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command named `cmd_name`, imported now if it is a lazy one."""
        if cmd_name in LAZY_COMMANDS and cmd_name not in self.commands:
            module, _, name = LAZY_COMMANDS[cmd_name].partition(":")
            self.add_command(getattr(importlib.import_module(module), name), cmd_name)
        return super().get_command(ctx, cmd_name)


def run_what_if(*args, **kwargs):
    """`check --set`, from the plan commands' module (imported only then)."""
    from checker.cli.plan import run_what_if as run

    return run(*args, **kwargs)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="opvangtoets")
def main() -> None:
    """Check reception locations for children against the law and policy, with citations.

    Toets opvanglocaties voor kinderen aan wet en beleid, met bronvermelding.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@as_of_option
@lang_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@norms_dir_option
@click.option(
    "--set",
    "sets",
    multiple=True,
    metavar="FIELD=VALUE",
    help="What if: check one file with this fact changed (repeatable; FIELD= makes it "
    "unknown) / wat als: toets met dit gegeven gewijzigd.",
)
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    help="Write the report to this file; for several locations a directory that gets "
    "<location id>.<format> each / schrijf het rapport naar dit bestand (of deze map).",
)
@click.option(
    "--detail",
    type=click.Choice(DETAILS),
    help="summary: page one and what to act on; full: every norm and the technical appendix "
    "(default: full for html, md and pdf, summary for text) / hoeveel het rapport toont.",
)
@click.option("--author", help="Who made this check, printed on the report / opgesteld door.")
@click.option(
    "--status",
    type=click.Choice([s.value for s in ReportStatus]),
    help="draft or final, printed on the report / concept (draft) of definitief (final).",
)
@click.option("--quiet", "-q", is_flag=True, help="One line per location / één regel per locatie.")
@max_locations_option
@no_cache_option
@max_fact_age_option
def check(
    paths: tuple[str, ...],
    as_of: dt.date,
    lang: str,
    fmt: str,
    norms_dir: tuple[str, ...],
    output: Path | None,
    sets: tuple[str, ...] = (),
    max_locations: int | None = None,
    detail: str | None = None,
    author: str | None = None,
    status: str | None = None,
    quiet: bool = False,
    max_fact_age: int = 12,
) -> None:
    """Check location files (or directories of them) and print verdicts."""
    if sets:
        sys.exit(run_what_if(paths, sets, as_of, lang, fmt, norms_dir))
    one_file = len(paths) == 1 and not Path(paths[0]).is_dir()
    if fmt == "html" and not output and not one_file:
        raise click.UsageError(t("several_reports_need_output", lang))
    if fmt == "pdf" and not output:
        output = Path(".")  # a PDF is never sent to the terminal: <location id>.pdf here
    stamp = {k: v for k, v in (("report_author", author), ("report_status", status)) if v}
    files, problems = expand_paths(paths)
    refuse_too_many("check", len(files), max_locations, lang)
    if output is not None and any(output.resolve() == f.resolve() for f in files):
        raise click.UsageError(t("output_is_input", lang, output=str(output)))
    checker = None  # compiled at the first good location: a bad file is refused quickly
    if fmt == "pdf":  # refused once, before anything is checked, when nothing can print it
        from checker.render.pdf import PdfError, require_chromium

        try:
            require_chromium()
        except PdfError as exc:
            raise Refusal.of([problem(str(output), None, exc.en, exc.nl)], lang) from None
    sink = _ReportSink(fmt, output, one_file, detail, quiet)
    acceptable = True
    # each report is written as soon as it is made: memory stays flat however many files
    for path in files:
        try:
            location = load_location(path)
            if stamp:  # the options win over the file
                location = location.model_copy(
                    update={**stamp, "report_status": ReportStatus(status)} if status else stamp
                )
            checker = checker or make_checker(norms_dir, lang)
            report = checker.check(
                location, as_of, lang, str(path), max_fact_age_months=max_fact_age
            )
        except InputError as exc:
            problems += exc.problems
            continue
        except EngineError as exc:
            problems.append(
                labelled_problem(str(path), None, "problem_rules_engine_failed", exc=exc)
            )
            continue
        acceptable = acceptable and report.verdict.acceptable
        problems += sink.add(report, checker.library, lang)
    if checker is None and norms_dir:  # no good location, but the norm files are checked
        make_checker(norms_dir, lang)
    sink.close()
    if problems:
        raise Refusal.of(problems, lang)
    sys.exit(EXIT_OK if acceptable else EXIT_FINDINGS)


class _ReportSink:
    """Reports to standard output (joined as one document, as before) or to files."""

    SEPARATORS = {"html": "\n\n---\n\n", "md": "\n\n---\n\n", "text": "\n\n"}

    def __init__(
        self, fmt: str, output: Path | None, one_file: bool, detail: str | None, quiet: bool
    ):
        self.fmt, self.one_file, self.count = fmt, one_file, 0
        self.detail, self.quiet = detail, quiet
        # the closing summary table's rows: a few words per location, not its report
        self.rows: list[tuple[str, str, str, str]] = []
        self.lang = "nl"
        self.paths = ReportPaths(fmt, output, one_file) if output else None
        self.colour = use_colour()
        self.refused = False  # --output cannot take these reports: they are checked only

    def add(self, report: Report, library, lang: str) -> list:
        """Write or print one report; the problems of writing it (an empty list if none)."""
        self.count += 1
        if self.refused:
            return []
        if self.paths is not None:
            refusal = self.paths.refusal() if self.count == 1 else None
            if refusal is not None:
                self.refused = True
                return [refusal]
            path = self.paths.next(report)
            failed = write_report(report, self.fmt, path, library, self.detail)
            if failed is None:
                click.echo(t("written", lang, file=str(path)))
            return [] if failed is None else [failed]
        if self.fmt == "json":
            text = json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
            if not self.one_file:
                text = ("[\n" if self.count == 1 else ",\n") + textwrap.indent(text, "  ")
        elif self.fmt == "text" and self.quiet:
            text = ("\n" if self.count > 1 else "") + quiet_line(report)
        else:
            text = (
                render_text(report, self.colour, self.detail or "summary")
                if self.fmt == "text"
                else render(report, self.fmt, library, detail=self.detail)
            )
            if self.count > 1:
                text = self.SEPARATORS[self.fmt] + text
            if self.fmt == "text":
                self.rows.append(summary_row(report))
                self.lang = report.lang
        click.echo(text, nl=False)
        return []

    def close(self) -> None:
        """End the output (close a JSON list, end the last line)."""
        if self.paths is not None:
            return
        if self.fmt == "json":
            if not self.one_file:
                click.echo("[]" if self.count == 0 else "\n]")
            elif self.count:
                click.echo("")
            return
        if len(self.rows) > 1:
            click.echo("\n\n" + summary_table(self.rows, self.lang, self.colour), nl=False)
        click.echo("")


@main.command()
def schema() -> None:
    """Print the JSON Schema of a location description."""
    click.echo(json.dumps(location_json_schema(), indent=2, ensure_ascii=False))
