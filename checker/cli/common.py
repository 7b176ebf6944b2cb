"""What every `opvangtoets` command shares: options, exit codes, error reporting."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from checker.api import Checker
from checker.errors import InputError, Problem, labelled_problem
from checker.evaluate.engine import EngineError
from checker.i18n import LANGUAGES
from checker.source.limits import FIRST_DAY, LAST_DAY, MAX_LOCATIONS, in_date_range
from checker.source.walk import find_inputs

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


class Refusal(click.ClickException):
    """A command that cannot go on: its lines go to stderr as they are, and the exit code is 2."""

    exit_code = EXIT_INPUT

    def __init__(self, *lines: str) -> None:
        super().__init__("\n".join(lines))

    @classmethod
    def of(cls, problems: list[Problem], lang: str, *more: str) -> Refusal:
        """A refusal that prints each problem in the chosen language, then `more`."""
        return cls(*(p.render(lang) for p in problems), *more)

    def show(self, file=None) -> None:
        # click's own form ("Error: ...") is English: our lines are already in the user's language
        """Print the refusal's lines on stderr."""
        if self.message:
            click.echo(self.message, file=file, err=True)


def parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date:
    """The date of an `--as-of` option (today when not given)."""
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
    """The location files named by PATHs (directories searched), and paths that hold none."""
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found, unreadable = find_inputs(path, (".yaml", ".yml"))
            problems += unreadable
            if not found and not unreadable:
                problems.append(labelled_problem(raw, None, "problem_no_yaml_yml_files"))
            files += found
        else:
            files.append(path)
    return files, problems


def use_colour() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def report_problems(problems: list[Problem], lang: str) -> None:
    """Print each problem on stderr in `lang`."""
    for p in problems:
        click.echo(p.render(lang), err=True)


def make_checker(norms_dirs: tuple[str, ...], lang: str) -> Checker:
    """The shipped library plus `norms_dirs`, compiled; a bad library refuses the command."""
    try:
        return Checker([Path(d) for d in norms_dirs])
    except InputError as exc:
        raise Refusal.of(exc.problems, lang) from None
    except EngineError as exc:
        raise Refusal(f"opvangtoets: {exc}") from None


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


def _no_cache(_ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        from checker.library import cache

        cache.disable()


no_cache_option = click.option(
    "--no-cache",
    is_flag=True,
    expose_value=False,
    callback=_no_cache,
    help="Check the norm library again instead of using the checked copy in the cache "
    "/ controleer de normenbibliotheek opnieuw in plaats van de bewaarde kopie.",
)
max_locations_option = click.option(
    "--max-locations",
    type=click.IntRange(min=1),
    help="Refuse runs with more locations (default 100,000 or $OPVANGTOETS_MAX_LOCATIONS)"
    " / grens aan het aantal locaties.",
)

max_fact_age_option = click.option(
    "--max-fact-age",
    "max_fact_age",
    type=click.IntRange(min=0),
    default=12,
    show_default=True,
    metavar="MONTHS",
    help="Warn about facts dated more than this many months before the check date"
    " / waarschuw bij feiten die zoveel maanden ouder zijn dan de toetsdatum.",
)


def refuse_too_many(command: str, count: int, max_locations: int | None, lang: str) -> None:
    """Stop with exit 2 before anything is checked when a run has more locations than allowed."""
    limit = max_locations or MAX_LOCATIONS.value()
    if count > limit:
        exceeded = MAX_LOCATIONS.exceeded(
            f"opvangtoets {command}", None, count, "--max-locations", limit
        )
        raise Refusal.of([exceeded], lang)
