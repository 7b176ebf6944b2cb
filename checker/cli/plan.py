"""Commands from verdict to plan: `improve`, `diff`, `new`, and what-if for `check --set`."""

from __future__ import annotations

import datetime as dt
import json
import sys
from importlib import resources
from pathlib import Path

import click

from checker.authoring.template import LOCATION_TYPES, csv_header, location_template
from checker.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    Refusal,
    as_of_option,
    lang_option,
    make_checker,
    norms_dir_option,
    use_colour,
)
from checker.errors import InputError, labelled_problem
from checker.evaluate.engine import EngineError
from checker.location.loader import load_location
from checker.plan.compare import Comparison, compare
from checker.plan.improve import TARGETS, improve
from checker.plan.what_if import parse_sets, what_if
from checker.render.diff import render_html, render_markdown, render_text
from checker.render.files import write_output
from checker.render.plan import changes_in_words, improved_yaml, render_plan


def _engine_problem(path: Path | str, exc: EngineError):
    return labelled_problem(str(path), None, "problem_rules_engine_failed", exc=exc)


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
        raise Refusal.of(exc.problems, lang) from None
    files = [Path(p) for p in paths]
    if len(files) != 1 or files[0].is_dir():
        raise Refusal.of(
            [
                labelled_problem(
                    " ".join(paths),
                    None,
                    "problem_set_works_on_one",
                    hint_key="problem_give_exactly_one_file",
                )
            ],
            lang,
        )
    checker = make_checker(norms_dir, lang)
    try:
        comparison = what_if(checker, files[0], parsed, as_of, lang)
    except InputError as exc:
        raise Refusal.of(exc.problems, lang) from None
    except EngineError as exc:
        raise Refusal.of([_engine_problem(files[0], exc)], lang) from None
    if fmt == "json":
        click.echo(json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2))
    else:
        labels = (t_label("before", lang), t_label("after", lang))
        colour = use_colour()
        facts = [(f.field, f.before, f.after) for f in comparison.facts]
        title = changes_in_words(facts, lang) or ", ".join(sets)
        head = f"{t_label('what_if', lang)}: {title}"
        head = click.style(head, bold=True) if colour else head
        click.echo(head + "\n" + render_text(comparison, lang, labels, colour))
    return EXIT_OK if comparison.after.verdict.acceptable else EXIT_FINDINGS


def t_label(key: str, lang: str) -> str:
    """The label `key` in `lang`."""
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
        raise Refusal.of(
            [
                labelled_problem(
                    str(output),
                    None,
                    "problem_output_would_overwrite_location",
                    hint_key="problem_write_another_file",
                )
            ],
            lang,
        )
    checker = make_checker(norms_dir, lang)
    try:
        plan = improve(checker, load_location(file), as_of, target, lang, str(file))
    except InputError as exc:
        raise Refusal.of(exc.problems, lang) from None
    except EngineError as exc:
        raise Refusal.of([_engine_problem(file, exc)], lang) from None
    if output is not None:
        try:
            write_output(output, improved_yaml(plan, str(file)))
        except InputError as exc:
            raise Refusal.of(exc.problems, lang) from None
    if fmt == "json":
        click.echo(json.dumps(_plan_dict(plan), ensure_ascii=False, indent=2, default=str))
    else:
        click.echo(render_plan(plan, lang, use_colour()))
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
        raise Refusal.of(problems, lang)
    comparison: Comparison = compare(*reports)
    if fmt == "md":
        click.echo(render_markdown(comparison, lang), nl=False)
    elif fmt == "html":
        click.echo(render_html(comparison, lang))
    else:
        click.echo(render_text(comparison, lang, colour=use_colour()))
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
@click.option(
    "--xlsx",
    "as_xlsx",
    is_flag=True,
    help="Write an empty Excel workbook to fill in instead / schrijf een lege Excel-werkmap.",
)
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
    as_xlsx: bool = False,
) -> None:
    """Write an annotated location description (or CSV header) to fill in.

    Schrijf een toegelichte locatiebeschrijving (of CSV-kop) om in te vullen.
    """
    if file.exists() and not force:
        raise Refusal.of(
            [
                labelled_problem(
                    str(file),
                    None,
                    "problem_file_already_exists",
                    hint_key="problem_choose_another_name_add",
                )
            ],
            lang,
        )
    if as_xlsx:
        from checker.authoring.workbook import empty_workbook

        try:
            write_output(file, empty_workbook(lang))
        except InputError as exc:
            raise Refusal.of(exc.problems, lang) from None
        click.echo(str(file))
        return
    text = (
        csv_header()
        if as_csv
        else _schema_line()
        + location_template(make_checker(norms_dir, lang).library, location_type)
    )
    try:
        write_output(file, text)
    except InputError as exc:
        raise Refusal.of(exc.problems, lang) from None
    click.echo(str(file))


def _schema_line() -> str:
    """Lets an editor with yaml-language-server (VS Code's YAML extension, among others) check
    and complete the file as it is filled in. It names the schema file of this installed copy,
    not a web address: it matches the version that will check the file and works offline."""
    schema = Path(str(resources.files("checker.schemas") / "location.schema.json"))
    return f"# yaml-language-server: $schema={schema.resolve().as_uri()}\n"
