"""The `opvangtoets` command.

Exit codes: 0 checked and acceptable (compliant, or compliant with concerns);
1 checked and non-compliant or insufficiently known; 2 could not check (bad
input or usage). In a batch a bad file is reported and the others are still
checked; the exit code is then 2.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from checker.cli.audit import audit
from checker.cli.common import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OK,
    as_of_option,
    expand_paths,
    lang_option,
    make_checker,
    max_locations_option,
    norms_dir_option,
    refuse_too_many,
    report_problems,
)
from checker.cli.norms import norms
from checker.cli.plan import diff_command, improve_command, new_command, run_what_if
from checker.cli.report_schema import report_schema
from checker.cli.serve import serve_command
from checker.errors import InputError, problem
from checker.evaluate.engine import EngineError
from checker.i18n import t
from checker.location.loader import load_location
from checker.location.model import ReportStatus, location_json_schema
from checker.render.output import DETAILS, FORMATS, render, write_reports
from checker.render.summary import quiet_line, summary_table
from checker.render.text import render_text
from checker.report.build import Report


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
    checker = None  # compiled at the first good location: a bad file is refused quickly
    reports: list[Report] = []
    for path in files:
        try:
            location = load_location(path)
            if stamp:  # the options win over the file
                location = location.model_copy(
                    update={**stamp, "report_status": ReportStatus(status)} if status else stamp
                )
            checker = checker or make_checker(norms_dir, lang)
            reports.append(checker.check(location, as_of, lang, str(path)))
        except InputError as exc:
            problems += exc.problems
        except EngineError as exc:
            problems.append(
                problem(
                    str(path),
                    None,
                    f"the rules engine failed: {exc}",
                    f"de regelengine faalde: {exc}",
                )
            )
    if checker is None and norms_dir:  # no good location, but the norm files are checked
        make_checker(norms_dir, lang)
    if output:
        if reports:
            written, unwritten = write_reports(
                reports, fmt, output, one_file, checker.library, detail
            )
            problems += unwritten
            for path in written:
                click.echo(t("written", lang, file=str(path)))
    elif fmt in ("html", "md"):
        click.echo(
            "\n\n---\n\n".join(render(r, fmt, checker.library, detail=detail) for r in reports)
        )
    elif fmt == "json":
        if reports or not one_file:
            payload = reports[0].to_dict() if one_file else [r.to_dict() for r in reports]
            click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif quiet:
        click.echo("\n".join(quiet_line(r) for r in reports))
    else:
        colour = sys.stdout.isatty()
        shown = [render_text(r, colour, detail or "summary") for r in reports]
        if len(reports) > 1:
            shown.append(summary_table(reports, colour))
        click.echo("\n\n".join(shown))
    report_problems(problems, lang)
    if problems:
        sys.exit(EXIT_INPUT)
    sys.exit(EXIT_OK if all(r.verdict.acceptable for r in reports) else EXIT_FINDINGS)


@main.command()
def schema() -> None:
    """Print the JSON Schema of a location description."""
    click.echo(json.dumps(location_json_schema(), indent=2, ensure_ascii=False))


main.add_command(norms)
main.add_command(improve_command)
main.add_command(diff_command)
main.add_command(new_command)
main.add_command(report_schema)
main.add_command(audit)
main.add_command(serve_command)
