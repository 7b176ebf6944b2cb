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

from checker.engine import EngineError
from checker.errors import InputError, Problem, problem
from checker.i18n import LANGUAGES
from checker.location import location_json_schema
from checker.norm_model import norm_file_json_schema
from checker.render_text import render_text
from checker.report import Checker, Report

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def _parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"'{value}' is not a date: use YYYY-MM-DD / geen datum: gebruik JJJJ-MM-DD"
        ) from None


def _expand(paths: tuple[str, ...]) -> tuple[list[Path], list[Problem]]:
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml"))
            if not found:
                problems.append(
                    problem(
                        raw,
                        None,
                        "no .yaml or .yml files in this directory",
                        "geen .yaml- of .yml-bestanden in deze map",
                    )
                )
            files += found
        else:
            files.append(path)
    return files, problems


def _report_problems(problems: list[Problem], lang: str) -> None:
    for p in problems:
        click.echo(p.render(lang), err=True)


def _make_checker(norms_dirs: tuple[str, ...], lang: str) -> Checker:
    try:
        return Checker([Path(d) for d in norms_dirs])
    except InputError as exc:
        _report_problems(exc.problems, lang)
        sys.exit(EXIT_INPUT)
    except EngineError as exc:
        click.echo(f"opvangtoets: {exc}", err=True)
        sys.exit(EXIT_INPUT)


lang_option = click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default="nl",
    show_default=True,
    help="Report language / taal van het rapport.",
)
norms_dir_option = click.option(
    "--norms-dir",
    multiple=True,
    type=click.Path(file_okay=False),
    help="Extra directory of norm files, added to the shipped library / extra map met normen.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="opvangtoets")
def main() -> None:
    """Check reception locations for children against the law and policy, with citations.

    Toets opvanglocaties voor kinderen aan wet en beleid, met bronvermelding.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--as-of",
    "as_of",
    callback=_parse_date,
    help="Date of the check, YYYY-MM-DD (default: today) / peildatum.",
)
@lang_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@norms_dir_option
def check(
    paths: tuple[str, ...], as_of: dt.date, lang: str, fmt: str, norms_dir: tuple[str, ...]
) -> None:
    """Check location files (or directories of them) and print verdicts."""
    files, problems = _expand(paths)
    checker = _make_checker(norms_dir, lang)
    reports: list[Report] = []
    for path in files:
        try:
            reports.append(checker.check_file(path, as_of, lang))
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
    if fmt == "json":
        single = len(paths) == 1 and not Path(paths[0]).is_dir()
        if reports or not single:
            payload = reports[0].to_dict() if single else [r.to_dict() for r in reports]
            click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        colour = sys.stdout.isatty()
        click.echo("\n\n".join(render_text(r, colour) for r in reports))
    _report_problems(problems, lang)
    if problems:
        sys.exit(EXIT_INPUT)
    sys.exit(EXIT_OK if all(r.verdict.acceptable for r in reports) else EXIT_FINDINGS)


@main.command()
def schema() -> None:
    """Print the JSON Schema of a location description."""
    click.echo(json.dumps(location_json_schema(), indent=2, ensure_ascii=False))


@main.group()
def norms() -> None:
    """Work with the norm library / werken met de normenbibliotheek."""


@norms.command("schema")
def norms_schema() -> None:
    """Print the JSON Schema of a norm file."""
    click.echo(json.dumps(norm_file_json_schema(), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
