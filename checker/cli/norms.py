"""`opvangtoets norms ...`: read, check and document the norm library.

Every subcommand takes `--norms-dir DIR` (extra norm files added to the shipped
library). `lint` and `test` also take PATHs, which are added the same way and
may name single files; `--no-shipped` leaves the shipped library out, to check
an edited copy of `norms/` on its own. Exit codes: 0 fine, 2 a problem was
found or the library could not be read.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import textwrap
from pathlib import Path

import click
import yaml
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from checker.authoring.coverage import CASE_DATES, rule_coverage, shipped_cases_dir
from checker.authoring.docs import validity, write_docs
from checker.authoring.examples import example_date, run_examples
from checker.authoring.lint import lint
from checker.cli.common import (
    EXIT_INPUT,
    EXIT_OK,
    Refusal,
    expand_paths,
    lang_option,
    norms_dir_option,
    parse_date,
    report_problems,
)
from checker.errors import InputError, Problem, did_you_mean
from checker.evaluate.engine import Engine, EngineError
from checker.i18n import LANGUAGES, chosen_first, t
from checker.library.lines import NormLines
from checker.library.loader import Library, LibraryNorm, load_library
from checker.library.model import Dimension, Outcome, Weight, norm_file_json_schema
from checker.location.loader import load_location
from checker.report.findings import describe_condition

WRAP = 100


@click.group()
def norms() -> None:
    """Work with the norm library / werken met de normenbibliotheek."""


@norms.command("schema")
def norms_schema() -> None:
    """Print the JSON Schema of a norm file."""
    click.echo(json.dumps(norm_file_json_schema(), indent=2, ensure_ascii=False))


def _optional_date(ctx: click.Context, param: click.Parameter, value: str | None):
    return None if value is None else parse_date(ctx, param, value)


paths_argument = click.argument("paths", nargs=-1, type=click.Path())
no_shipped_option = click.option(
    "--no-shipped",
    is_flag=True,
    help="Leave the shipped library out: check only PATH, e.g. an edited copy of norms/ "
    "/ laat de meegeleverde normen weg.",
)


def _dirs(paths: tuple[str, ...], norms_dir: tuple[str, ...]) -> list[Path]:
    return [Path(p) for p in (*paths, *norms_dir)]


def _load(dirs: list[Path], lang: str, shipped: bool = True) -> Library:
    try:
        return load_library(dirs, shipped=shipped)
    except InputError as exc:
        raise Refusal.of(exc.problems, lang) from None


def _engine(library: Library) -> Engine:
    try:
        return Engine(library)
    except EngineError as exc:
        raise Refusal(f"opvangtoets: {exc}") from None


def _console() -> Console:
    # Piped output gets wide lines, so one norm stays on one line for grep.
    return Console(width=None if sys.stdout.isatty() else 200, highlight=False)


def _need_paths(paths: tuple[str, ...], no_shipped: bool, lang: str) -> None:
    if no_shipped and not paths:
        raise Refusal(t("no_shipped_needs_path", lang))


# list --------------------------------------------------------------------------------------


@norms.command("list")
@click.option("--family", help="Only this family, e.g. crc / alleen deze familie.")
@click.option("--dimension", type=click.Choice([d.value for d in Dimension]))
@click.option("--weight", type=click.Choice([w.value for w in Weight]))
@click.option(
    "--as-of",
    "as_of",
    callback=_optional_date,
    help="Only norms in force on this date, YYYY-MM-DD / alleen normen van kracht op die dag.",
)
@lang_option
@norms_dir_option
def norms_list(
    family: str | None,
    dimension: str | None,
    weight: str | None,
    as_of: dt.date | None,
    lang: str,
    norms_dir: tuple[str, ...],
) -> None:
    """List the norms as a table."""
    library = _load(_dirs((), norms_dir), lang)
    families = sorted({n.file.family for n in library.norms})
    if family is not None and family not in families:
        guess = did_you_mean(family, families)
        raise Refusal(
            t("unknown_family", lang, family=family, families=", ".join(families)),
            *([t("did_you_mean", lang, guess=guess)] if guess else []),
        )
    chosen = [
        n
        for n in library.norms
        if (family is None or n.file.family == family)
        and (dimension is None or n.norm.dimension.value == dimension)
        and (weight is None or n.weight.value == weight)
        and (as_of is None or n.in_force(as_of))
    ]
    table = Table(caption=t("norm_count", lang, count=len(chosen)))
    for key in ("id", "family", "weight", "dimension", "severity", "col_from", "col_until"):
        table.add_column(t(key, lang), no_wrap=True)
    table.add_column(t("col_title", lang))
    for n in chosen:
        table.add_row(  # texts from norm files are text, never rich markup
            escape(n.id),
            escape(n.file.family),
            n.weight.value,
            n.norm.dimension.value,
            n.norm.severity.value,
            n.valid_from.isoformat() if n.valid_from else "",
            n.valid_until.isoformat() if n.valid_until else "",
            escape(getattr(n.norm.title, lang)),
        )
    _console().print(table)


# show --------------------------------------------------------------------------------------


def _both(label: str, texts: dict[str, str], lang: str) -> list[str]:
    out = [f"{label}:"]
    for lg in chosen_first(lang):
        out.append(
            textwrap.fill(
                " ".join(texts[lg].split()),
                WRAP,
                initial_indent=f"  {lg}: ",
                subsequent_indent="      ",
            )
        )
    return out


def _text(value) -> dict[str, str]:
    return {lang: getattr(value, lang) for lang in LANGUAGES}


def show_norm(library: Library, lib_norm: LibraryNorm, lang: str) -> str:
    """Everything about one norm as text, in both languages, `lang` first."""
    norm = lib_norm.norm
    line = NormLines().line(lib_norm)
    out = [
        f"{norm.id} — " + " / ".join(getattr(norm.title, lg) for lg in chosen_first(lang)),
    ]
    if norm.aliases:
        out.append(t("formerly", lang, ids=", ".join(norm.aliases)))
    out += [
        f"{t('family', lang)}: {lib_norm.file.family} ({lib_norm.path}:{line})",
        f"{t('weight', lang)}: {lib_norm.weight.value} · {t('dimension', lang)}: "
        f"{norm.dimension.value} · {t('severity', lang)}: {norm.severity.value}",
        f"{t('validity', lang)}: {validity(lib_norm, lang)}",
    ]
    if lib_norm.valid_from_basis:
        out += _both(t("valid_from_basis", lang), _text(lib_norm.valid_from_basis), lang)
    if norm.topic:
        others = [n for n in library.norms if n.norm.topic == norm.topic and n is not lib_norm]
        out.append(f"{t('topic', lang)}: {norm.topic}")
        for other in sorted(others, key=lambda n: n.valid_from or dt.date.min):
            out.append(f"  {t('other_version', lang)}: {other.id} ({validity(other, lang)})")
    cites = lib_norm.citations
    out += _both(t("citation", lang), {lg: c.text for lg, c in cites.items()}, lang)
    for lg in chosen_first(lang):
        out.append(f"  url ({lg}): {cites[lg].url}")
    verified = norm.source.verified
    remark = cites[lang].remark
    if verified:
        out.append(
            textwrap.fill(
                f"{t('verified', lang)}: {verified.against.value}, {verified.date.isoformat()}: "
                + " ".join(verified.text.split()),
                WRAP,
                subsequent_indent="    ",
            )
        )
    if remark:
        out.append(f"  {remark}")
    out += _both(t("col_title", lang), _text(norm.title), lang)
    out += _both(t("summary", lang), _text(norm.summary), lang)
    if norm.applies_when is not None:
        out += _both(
            t("applies_when", lang),
            {lg: describe_condition(norm.applies_when, lg) for lg in LANGUAGES},
            lang,
        )
    out += _both(
        t("requires", lang), {lg: describe_condition(norm.requires, lg) for lg in LANGUAGES}, lang
    )
    out.append(f"{t('fields_used', lang)}: {', '.join(lib_norm.fields)}")
    out += _both(t("remedy", lang), _text(norm.remedy), lang)
    out.append(f"{t('examples', lang)}:")
    for example in norm.examples:
        location = yaml.safe_dump(
            example.location,
            default_flow_style=True,
            sort_keys=False,
            allow_unicode=True,
            width=10**6,
        ).strip()
        out.append(
            f"  - {example.outcome.value} ({t('as_of', lang)} "
            f"{example_date(lib_norm, example).isoformat()}): {example.name}"
        )
        out.append(f"    {location}")
    return "\n".join(out)


@norms.command("show")
@click.argument("norm_id")
@lang_option
@norms_dir_option
def norms_show(norm_id: str, lang: str, norms_dir: tuple[str, ...]) -> None:
    """Everything about one norm, in English and Dutch."""
    library = _load(_dirs((), norms_dir), lang)
    lib_norm = library.resolve(norm_id)
    if lib_norm is None:
        guess = did_you_mean(norm_id, library.known_ids())
        raise Refusal(
            t("unknown_norm", lang, norm=norm_id),
            *([t("did_you_mean", lang, guess=guess)] if guess else []),
        )
    click.echo(show_norm(library, lib_norm, lang))


# lint and test -----------------------------------------------------------------------------


@norms.command("lint")
@paths_argument
@norms_dir_option
@no_shipped_option
@lang_option
def norms_lint(
    paths: tuple[str, ...], norms_dir: tuple[str, ...], no_shipped: bool, lang: str
) -> None:
    """Check norm files: schema, ids, fields, translations, examples, validity, reachability.

    Prints every problem as file:line: message; exit 2 if there is any.
    """
    _need_paths(paths + norms_dir, no_shipped, lang)
    library, problems = lint(_dirs(paths, norms_dir), shipped=not no_shipped)
    if problems:
        raise Refusal.of(problems, lang, t("lint_problems", lang, count=len(problems)))
    assert library is not None  # lint gives a library whenever it finds no problem
    files = len({n.path for n in library.norms})
    click.echo(t("lint_clean", lang, norms=len(library.norms), files=files))


@norms.command("test")
@paths_argument
@norms_dir_option
@no_shipped_option
@lang_option
def norms_test(
    paths: tuple[str, ...], norms_dir: tuple[str, ...], no_shipped: bool, lang: str
) -> None:
    """Run every norm's own examples through the engine.

    Prints each example that does not give its outcome as file:line: message; exit 2 if any.
    """
    _need_paths(paths + norms_dir, no_shipped, lang)
    library = _load(_dirs(paths, norms_dir), lang, shipped=not no_shipped)
    try:
        runs = run_examples(library, _engine(library))
    except EngineError as exc:
        raise Refusal(f"opvangtoets: {exc}") from None
    failures: list[Problem] = [p for run in runs for p in run.failures()]
    report_problems(failures, lang)
    failed = sum(not run.ok for run in runs)
    click.echo(
        t("examples_summary", lang, examples=len(runs), norms=len(library.norms), failed=failed)
    )
    sys.exit(EXIT_INPUT if failures else EXIT_OK)


# docs --------------------------------------------------------------------------------------


@norms.command("docs")
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False),
    default="docs",
    show_default=True,
    help="Where norms.md and normen.md are written / waar de bestanden komen.",
)
@lang_option
@norms_dir_option
def norms_docs(output_dir: str, lang: str, norms_dir: tuple[str, ...]) -> None:
    """Write the reference documentation (English norms.md, Dutch normen.md)."""
    library = _load(_dirs((), norms_dir), lang)
    try:
        written = write_docs(library, Path(output_dir))
    except InputError as exc:
        report_problems(exc.problems, lang)
        sys.exit(EXIT_INPUT)
    for path in written:
        click.echo(t("written", lang, file=str(path)))


# coverage ----------------------------------------------------------------------------------


def _outcomes(found: set[Outcome], lang: str) -> str:
    return ", ".join(t(o.value, lang) for o in Outcome if o in found)


@norms.command("coverage")
@click.option(
    "--cases",
    multiple=True,
    type=click.Path(),
    help="Location files or directories (default: the shipped cases/*.yaml) / locatiebestanden.",
)
@lang_option
@norms_dir_option
def norms_coverage(cases: tuple[str, ...], lang: str, norms_dir: tuple[str, ...]) -> None:
    """Which outcomes each norm reached on the cases and in its own examples.

    The cases are checked as of 2026-01-15, 2026-06-11, 2026-06-12 and 2026-09-01.
    Exit 2 if a norm's examples do not make it both pass and fail.
    """
    library = _load(_dirs((), norms_dir), lang)
    engine = _engine(library)
    # The illustrative cases at the top of cases/ only: they are written for the four dates
    # above, while each real case in cases/real/ is checked as of its own date by its test.
    default = shipped_cases_dir()
    case_paths = cases or tuple(str(p) for p in sorted(default.glob("*.yaml")))
    files, problems = expand_paths(case_paths)
    locations = []
    for path in files:
        try:
            locations.append(load_location(path))
        except InputError as exc:
            problems += exc.problems
    try:
        coverage = rule_coverage(
            library, engine, locations, CASE_DATES, run_examples(library, engine)
        )
    except EngineError as exc:
        raise Refusal(f"opvangtoets: {exc}") from None
    table = Table(caption=t("coverage_caption", lang, cases=len(locations), dates=len(CASE_DATES)))
    table.add_column(t("id", lang), no_wrap=True)
    table.add_column(t("in_cases", lang))
    table.add_column(t("in_examples", lang))
    for c in coverage:
        table.add_row(c.norm.id, _outcomes(c.in_cases, lang), _outcomes(c.in_examples, lang))
    _console().print(table)
    lacking = [c.norm.id for c in coverage if not c.tested_both_ways]
    report_problems(problems, lang)
    if lacking:
        click.echo(t("coverage_lacking", lang, norms=", ".join(lacking)), err=True)
    else:
        click.echo(t("coverage_complete", lang, norms=len(coverage)))
    sys.exit(EXIT_INPUT if lacking or problems else EXIT_OK)
