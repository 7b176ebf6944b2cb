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
from checker.cli.guard import GuardedGroup
from checker.cli.norms import norms
from checker.cli.plan import diff_command, improve_command, new_command, run_what_if
from checker.cli.report_schema import report_schema
from checker.cli.serve import serve_command
from checker.errors import InputError, problem
from checker.evaluate.engine import EngineError
from checker.i18n import t
from checker.location.loader import load_location
from checker.location.model import location_json_schema
from checker.render.output import FORMATS, render, write_reports
from checker.render.text import render_text
from checker.report.build import Report


@click.group(cls=GuardedGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
) -> None:
    """Check location files (or directories of them) and print verdicts."""
    if sets:
        sys.exit(run_what_if(paths, sets, as_of, lang, fmt, norms_dir))
    one_file = len(paths) == 1 and not Path(paths[0]).is_dir()
    if fmt == "html" and not output and not one_file:
        raise click.UsageError(t("several_reports_need_output", lang))
    files, problems = expand_paths(paths)
    refuse_too_many("check", len(files), max_locations, lang)
    checker = None  # compiled at the first good location: a bad file is refused quickly
    reports: list[Report] = []
    for path in files:
        try:
            location = load_location(path)
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
            written, unwritten = write_reports(reports, fmt, output, one_file, checker.library)
            problems += unwritten
            for path in written:
                click.echo(t("written", lang, file=str(path)))
    elif fmt in ("html", "md"):
        click.echo("\n\n---\n\n".join(render(r, fmt, checker.library) for r in reports))
    elif fmt == "json":
        if reports or not one_file:
            payload = reports[0].to_dict() if one_file else [r.to_dict() for r in reports]
            click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        colour = sys.stdout.isatty()
        click.echo("\n\n".join(render_text(r, colour) for r in reports))
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
