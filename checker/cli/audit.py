"""`opvangtoets audit PATH...`: check a portfolio of locations, with outputs for people and
tools. Exit 2 if any location could not be checked, else 1 if any is non-compliant or
insufficiently known, else 0."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from checker.cli.common import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OK,
    as_of_option,
    lang_option,
    max_locations_option,
    norms_dir_option,
    refuse_too_many,
    report_problems,
)
from checker.errors import Problem, problem
from checker.i18n import t


@click.command()
@click.argument("paths", nargs=-1, required=True)
@as_of_option
@lang_option
@norms_dir_option
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: the number of cores) / aantal werkprocessen.",
)
@click.option(
    "--csv", "csv_out", type=click.Path(dir_okay=False), help="Write one row per location."
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False),
    help="Write the checker JSON of every location and the summary.",
)
@click.option(
    "--html",
    "html_out",
    type=click.Path(dir_okay=False),
    help="Write a self-contained portfolio page.",
)
@click.option(
    "--pdf",
    "pdf_out",
    type=click.Path(dir_okay=False),
    help="Write the portfolio page as PDF (needs Chromium) / schrijf het overzicht als PDF.",
)
@click.option(
    "--waivers",
    "waivers_file",
    type=click.Path(dir_okay=False),
    help="YAML file of accepted deviations (see README).",
)
@click.option("--no-waivers", is_flag=True, help="Ignore waivers / waivers negeren.")
@max_locations_option
def audit(
    paths: tuple[str, ...],
    as_of: dt.date,
    lang: str,
    norms_dir: tuple[str, ...],
    workers: int | None,
    csv_out: str | None,
    json_out: str | None,
    html_out: str | None,
    pdf_out: str | None,
    waivers_file: str | None,
    no_waivers: bool,
    max_locations: int | None,
) -> None:
    """Check many locations (files, directories, CSV tables) and summarise the portfolio."""
    # imported here so that other commands (`check` of one file) start fast
    from rich.console import Console

    from checker.audit.outputs import AuditSummary, CsvOutput, HtmlOutput, JsonOutput
    from checker.audit.render import render_summary
    from checker.audit.run import AuditOptions, collect_inputs, default_workers, run_audit
    from checker.audit.waivers import Waivers, load_waivers
    from checker.errors import InputError
    from checker.evaluate.engine import EngineError
    from checker.library.loader import load_library

    norms_dirs = [Path(d) for d in norms_dir]
    try:
        library = load_library(norms_dirs)
        waivers = (
            load_waivers(Path(waivers_file), library)
            if waivers_file and not no_waivers
            else Waivers()
        )
    except InputError as exc:  # nothing is checked with a broken library or waiver file
        report_problems(exc.problems, lang)
        sys.exit(EXIT_INPUT)
    items = collect_inputs(paths)
    refuse_too_many("audit", len(items), max_locations, lang)
    if pdf_out:  # refuse before checking anything when nothing can print the PDF
        from checker.render.pdf import PdfError, require_chromium

        try:
            require_chromium()
        except PdfError as exc:
            report_problems([problem(pdf_out, None, exc.en, exc.nl)], lang)
            sys.exit(EXIT_INPUT)
    page = html_out or pdf_out
    options = AuditOptions(as_of, lang, norms_dirs, waivers, detail=bool(json_out or page))
    summary = AuditSummary()
    outputs: list = [summary]
    handles = []
    try:  # refuse an unwritable output before checking anything
        if csv_out:
            handles.append(_open_output(csv_out, newline=""))
            outputs.append(CsvOutput(handles[-1], lang))
        json_output = None
        if json_out:
            handles.append(_open_output(json_out))
            json_output = JsonOutput(handles[-1], as_of, library, lang)
            outputs.append(json_output)
        if html_out:
            _open_output(html_out).close()
    except OSError as exc:
        report_problems([_unwritable(exc)], lang)
        sys.exit(EXIT_INPUT)
    html_output = HtmlOutput(as_of, library, lang) if page else None
    if html_output:
        outputs.append(html_output)
    err = Console(stderr=True)
    try:
        results = run_audit(items, options, workers or default_workers())
        for result in _with_progress(results, len(items), err, lang):
            for out in outputs:
                out.add(result)
    except EngineError as exc:
        click.echo(f"opvangtoets: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    finally:
        if json_output:
            json_output.close(summary)
        for handle in handles:
            handle.close()
    if html_out:
        html_output.write(Path(html_out), summary)
    if pdf_out:
        from checker.render.pdf import PdfError, html_to_pdf

        try:
            html_to_pdf(html_output.render(summary), Path(pdf_out))
        except (PdfError, OSError) as exc:
            en = exc.en if isinstance(exc, PdfError) else f"cannot write the PDF: {exc}"
            nl = exc.nl if isinstance(exc, PdfError) else f"kan de PDF niet schrijven: {exc}"
            report_problems([problem(pdf_out, None, en, nl)], lang)
            sys.exit(EXIT_INPUT)
    render_summary(Console(), summary, lang, as_of.isoformat())
    report_problems([p for failed in summary.errors for p in failed.problems], lang)
    if summary.errors:
        sys.exit(EXIT_INPUT)
    sys.exit(EXIT_OK if summary.acceptable else EXIT_FINDINGS)


def _open_output(path: str, newline: str | None = None):
    return open(path, "w", newline=newline, encoding="utf-8")


def _unwritable(exc: OSError) -> Problem:
    return problem(
        str(exc.filename),
        None,
        f"cannot write the output: {exc.strerror}",
        f"kan de uitvoer niet schrijven: {exc.strerror}",
        hint_en="choose another path",
        hint_nl="kies een ander pad",
    )


def _with_progress(results, total: int, console, lang: str):
    """A progress bar on a terminal (rich); otherwise a plain line at every tenth."""
    if console.is_terminal:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        columns = (
            TextColumn(t("audit_progress", lang)),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
        )
        with Progress(*columns, console=console, transient=True) as progress:
            task = progress.add_task("", total=total)
            for result in results:
                yield result
                progress.advance(task)
        return
    step, done = max(1, total // 10), 0
    for result in results:
        yield result
        done += 1
        if done % step == 0 or done == total:
            click.echo(t("audit_progress_line", lang, done=done, total=total), err=True)
