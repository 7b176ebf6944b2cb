"""What every `opvangtoets` command shares: options, exit codes, error reporting."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from checker.api import Checker
from checker.errors import InputError, Problem, problem
from checker.evaluate.engine import EngineError
from checker.i18n import LANGUAGES
from checker.source.limits import FIRST_DAY, LAST_DAY, MAX_LOCATIONS, in_date_range
from checker.source.walk import find_inputs

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"'{value}' is not a date: use YYYY-MM-DD / geen datum: gebruik JJJJ-MM-DD"
        ) from None
    if not in_date_range(day):
        raise click.BadParameter(
            f"{value} is outside the dates the checker handles ({FIRST_DAY} to {LAST_DAY}) /"
            f" valt buiten de data die de toets aankan ({FIRST_DAY} tot en met {LAST_DAY})"
        )
    return day


def expand_paths(paths: tuple[str, ...]) -> tuple[list[Path], list[Problem]]:
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found, unreadable = find_inputs(path, (".yaml", ".yml"))
            problems += unreadable
            if not found and not unreadable:
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


def report_problems(problems: list[Problem], lang: str) -> None:
    for p in problems:
        click.echo(p.render(lang), err=True)


def make_checker(norms_dirs: tuple[str, ...], lang: str) -> Checker:
    try:
        return Checker([Path(d) for d in norms_dirs])
    except InputError as exc:
        report_problems(exc.problems, lang)
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


as_of_option = click.option(
    "--as-of",
    "as_of",
    callback=parse_date,
    help="Date of the check, YYYY-MM-DD (default: today) / peildatum.",
)
max_locations_option = click.option(
    "--max-locations",
    type=click.IntRange(min=1),
    help="Refuse runs with more locations (default 100,000 or $OPVANGTOETS_MAX_LOCATIONS)"
    " / grens aan het aantal locaties.",
)


def refuse_too_many(command: str, count: int, max_locations: int | None, lang: str) -> None:
    """Stop with exit 2 before anything is checked when a run has more locations than allowed."""
    limit = max_locations or MAX_LOCATIONS.value()
    if count > limit:
        exceeded = MAX_LOCATIONS.exceeded(
            f"opvangtoets {command}", None, count, "--max-locations", limit
        )
        report_problems([exceeded], lang)
        sys.exit(EXIT_INPUT)
