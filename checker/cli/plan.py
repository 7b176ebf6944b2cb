"""Commands from verdict to plan: `improve`, `diff`, `new`, and what-if for `check --set`."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from checker.authoring.template import LOCATION_TYPES, csv_header, location_template
from checker.cli.common import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OK,
    as_of_option,
    lang_option,
    make_checker,
    norms_dir_option,
    report_problems,
)
from checker.errors import InputError, problem
from checker.evaluate.engine import EngineError
from checker.location.loader import load_location
from checker.plan.compare import Comparison, compare
from checker.plan.improve import TARGETS, improve
from checker.plan.what_if import parse_sets, what_if
from checker.render.diff import render_html, render_markdown, render_text
from checker.render.plan import changes_in_words, improved_yaml, render_plan


def _fail(problems, lang: str) -> None:
    report_problems(problems, lang)
    sys.exit(EXIT_INPUT)


def _engine_problem(path: Path | str, exc: EngineError):
    return problem(
        str(path), None, f"the rules engine failed: {exc}", f"de regelengine faalde: {exc}"
    )


def run_what_if(
    paths: tuple[str, ...],
    sets: tuple[str, ...],
    as_of: dt.date,
    lang: str,
    fmt: str,
    norms_dir: tuple[str, ...],
) -> int:
    """`check FILE --set FIELD=VALUE`: the exit code follows the verdict after the change."""
    try:
        parsed = parse_sets(sets)
    except InputError as exc:
        _fail(exc.problems, lang)
    files = [Path(p) for p in paths]
    if len(files) != 1 or files[0].is_dir():
        _fail(
            [
                problem(
                    " ".join(paths),
                    None,
                    "--set works on one location file",
                    "--set werkt op één locatiebestand",
                    hint_en="give exactly one file",
                    hint_nl="geef precies één bestand",
                )
            ],
            lang,
        )
    checker = make_checker(norms_dir, lang)
    try:
        comparison = what_if(checker, files[0], parsed, as_of, lang)
    except InputError as exc:
        _fail(exc.problems, lang)
    except EngineError as exc:
        _fail([_engine_problem(files[0], exc)], lang)
    if fmt == "json":
        click.echo(json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2))
    else:
        labels = (t_label("before", lang), t_label("after", lang))
        facts = [(f.field, f.before, f.after) for f in comparison.facts]
        title = changes_in_words(facts, lang) or ", ".join(sets)
        head = click.style(f"{t_label('what_if', lang)}: {title}", bold=True)
        click.echo(head + "\n" + render_text(comparison, lang, labels, sys.stdout.isatty()))
    return EXIT_OK if comparison.after.verdict.acceptable else EXIT_FINDINGS


def t_label(key: str, lang: str) -> str:
    from checker.i18n import t

    return t(key, lang)


@click.command(name="improve")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--target",
    type=click.Choice(TARGETS),
    default="compliant_with_concerns",
    show_default=True,
    help="What the plan must reach / wat het plan moet halen.",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the improved location YAML here / schrijf de verbeterde locatie hierheen.",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@as_of_option
@lang_option
@norms_dir_option
def improve_command(
    file: Path,
    target: str,
    output: Path | None,
    fmt: str,
    as_of: dt.date,
    lang: str,
    norms_dir: tuple[str, ...],
) -> None:
    """Propose the fact changes that bring a location to a target, and prove it.

    Stel de wijzigingen voor die een locatie aan een doel laten voldoen, en toets ze.
    Exit 0 when the re-checked location reaches the target, 1 when it does not.
    """
    if output is not None and output.resolve() == file.resolve():
        _fail(
            [
                problem(
                    str(output),
                    None,
                    "--output would overwrite the location being improved",
                    "--output zou de te verbeteren locatie overschrijven",
                    hint_en="write to another file",
                    hint_nl="schrijf naar een ander bestand",
                )
            ],
            lang,
        )
    checker = make_checker(norms_dir, lang)
    try:
        plan = improve(checker, load_location(file), as_of, target, lang, str(file))
    except InputError as exc:
        _fail(exc.problems, lang)
    except EngineError as exc:
        _fail([_engine_problem(file, exc)], lang)
    if output is not None:
        try:
            output.write_text(improved_yaml(plan, str(file)), encoding="utf-8")
        except OSError as exc:
            _fail(
                [problem(str(output), None, f"cannot write: {exc}", f"kan niet schrijven: {exc}")],
                lang,
            )
    if fmt == "json":
        click.echo(json.dumps(_plan_dict(plan), ensure_ascii=False, indent=2, default=str))
    else:
        click.echo(render_plan(plan, lang, sys.stdout.isatty()))
    sys.exit(EXIT_OK if plan.reached else EXIT_FINDINGS)


def _plan_dict(plan) -> dict:
    return {
        "target": plan.target,
        "reached": plan.reached,
        "before": plan.before.to_dict(),
        "after": plan.after.to_dict(),
        "changes": [
            {
                "field": c.field,
                "before": c.before,
                "after": c.after,
                "norms": c.norms,
                "to_confirm": c.to_confirm,
                "moves_residents": c.moves_residents,
                "requirement": c.requirement.model_dump(mode="json", exclude_none=True),
            }
            for c in plan.changes
        ],
        "obstacles": [
            {
                "norm_id": o.norm_id,
                "reason": o.reason,
                "fields": o.fields,
                "conflicts_with": o.conflicts_with,
            }
            for o in plan.obstacles
        ],
    }


@click.command(name="diff")
@click.argument("first", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("second", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "md", "html"]), default="text", show_default=True
)
@as_of_option
@lang_option
@norms_dir_option
def diff_command(
    first: Path, second: Path, fmt: str, as_of: dt.date, lang: str, norms_dir: tuple[str, ...]
) -> None:
    """Compare two locations (two versions of a plan, or two sites) side by side.

    Vergelijk twee locaties (twee versies van een plan, of twee plekken) naast elkaar.
    Exit 0 when both were checked and compared, 2 on bad input.
    """
    checker = make_checker(norms_dir, lang)
    reports, problems = [], []
    for path in (first, second):
        try:
            reports.append(checker.check(load_location(path), as_of, lang, str(path), False))
        except InputError as exc:
            problems += exc.problems
        except EngineError as exc:
            problems.append(_engine_problem(path, exc))
    if problems:
        _fail(problems, lang)
    comparison: Comparison = compare(*reports)
    if fmt == "md":
        click.echo(render_markdown(comparison, lang), nl=False)
    elif fmt == "html":
        click.echo(render_html(comparison, lang))
    else:
        click.echo(render_text(comparison, lang, colour=sys.stdout.isatty()))
    sys.exit(EXIT_OK)


@click.command(name="new")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--type",
    "location_type",
    type=click.Choice(LOCATION_TYPES),
    help="Pre-fill the location type / vul het soort opvang alvast in.",
)
@click.option("--csv", "as_csv", is_flag=True, help="Write an empty CSV audit sheet instead.")
@click.option("--force", is_flag=True, help="Overwrite an existing file / overschrijven.")
@lang_option
@norms_dir_option
def new_command(
    file: Path,
    location_type: str | None,
    as_csv: bool,
    force: bool,
    lang: str,
    norms_dir: tuple[str, ...],
) -> None:
    """Write an annotated location description (or CSV header) to fill in.

    Schrijf een toegelichte locatiebeschrijving (of CSV-kop) om in te vullen.
    """
    if file.exists() and not force:
        _fail(
            [
                problem(
                    str(file),
                    None,
                    "the file already exists",
                    "het bestand bestaat al",
                    hint_en="choose another name, or add --force to overwrite it",
                    hint_nl="kies een andere naam, of voeg --force toe om het te overschrijven",
                )
            ],
            lang,
        )
    text = (
        csv_header()
        if as_csv
        else location_template(make_checker(norms_dir, lang).library, location_type)
    )
    try:
        file.write_text(text, encoding="utf-8")
    except OSError as exc:
        _fail(
            [problem(str(file), None, f"cannot write: {exc}", f"kan niet schrijven: {exc}")], lang
        )
    click.echo(str(file))
