"""`opvangtoets history`: a location followed over time, from its dated descriptions."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from checker.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    Refusal,
    expand_paths,
    lang_option,
    make_checker,
    norms_dir_option,
)
from checker.errors import InputError, Problem, labelled_problem
from checker.location.loader import location_snapshots
from checker.location.model import Location
from checker.render.files import write_output
from checker.render.history import FORMATS, render_history
from checker.report.history import build_history
from checker.source.reader import load_yaml


def collect_snapshots(files: list[Path]) -> tuple[list[tuple[Location, str]], list[Problem]]:
    """Every dated description in the files, with its file; problems for the rest."""
    found: list[tuple[Location, str]] = []
    problems: list[Problem] = []
    for path in files:
        try:
            doc = load_yaml(path)
            locations = location_snapshots(doc)
        except InputError as exc:
            problems += exc.problems
            continue
        for location in locations:
            if location.described_on is None:
                problems.append(labelled_problem(str(path), 1, "history_needs_date"))
                continue
            same = [s for loc, s in found if loc.described_on == location.described_on]
            if same and any(loc.id == location.id for loc, _ in found):
                line = doc.line_of(("described_on",))
                problems.append(
                    labelled_problem(
                        str(path),
                        line,
                        "history_same_date",
                        other=same[0],
                        date=location.described_on.isoformat(),
                    )
                )
                continue
            found.append((location, str(path)))
    ids = {loc.id for loc, _ in found}
    if len(ids) > 1:
        problems.append(
            labelled_problem(", ".join(sorted(ids)), None, "history_one_location", count=len(ids))
        )
    return found, problems


@click.command("history")
@click.argument("paths", nargs=-1, required=True)
@lang_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    help="Write the history to this file / schrijf de geschiedenis naar dit bestand.",
)
@norms_dir_option
def history_command(
    paths: tuple[str, ...], lang: str, fmt: str, output: Path | None, norms_dir: tuple[str, ...]
) -> None:
    """Follow one location over time: each dated description (one file with `snapshots:`, or
    several files with the same id) checked as of its own date.

    Volg één locatie door de tijd: elke gedateerde beschrijving getoetst per haar eigen datum.
    """
    files, problems = expand_paths(paths)
    snapshots, more = collect_snapshots(files)
    problems += more
    if problems or not snapshots:
        raise Refusal.of(problems, lang)
    checker = make_checker(norms_dir, lang)
    history = build_history(
        snapshots,
        # collect_snapshots keeps only dated descriptions
        lambda loc, source: checker.check(loc, loc.described_on, lang, source, look_ahead=False),  # type: ignore[arg-type]
    )
    text = render_history(history, lang, fmt)
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            write_output(output, text)
        except InputError as exc:
            raise Refusal.of(exc.problems, lang) from None
    sys.exit(EXIT_OK if history.reports[-1].verdict.acceptable else EXIT_FINDINGS)
