"""`opvangtoets audit PATH...`: check a portfolio of locations, with outputs for people and
tools. Exit 2 if any location could not be checked, else 1 if any is non-compliant or
insufficiently known, else 0."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from checker.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    Refusal,
    as_of_option,
    lang_option,
    max_fact_age_option,
    max_locations_option,
    no_cache_option,
    norms_dir_option,
    refuse_too_many,
)
from checker.errors import problem
from checker.i18n import formats, t
from checker.render.files import Outputs, cannot_write


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
    "--csv-dialect",
    type=click.Choice(["excel", "excel-nl"]),
    default="excel",
    show_default=True,
    help="excel-nl: ';', a BOM and decimal commas, as Dutch Excel opens it / zoals Nederlandse "
    "Excel het opent.",
)
@click.option(
    "--xlsx",
    "xlsx_out",
    type=click.Path(dir_okay=False),
    help="Write an Excel workbook: sheets Locations, Findings, Norms / schrijf een werkmap.",
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
@click.option(
    "--reform",
    "reform_dir",
    type=click.Path(file_okay=False),
    help="A directory of norm files and reform.yaml (replaces, reweight): check the portfolio "
    "under both libraries and say what changes / wat als de normen veranderen.",
)
@click.option(
    "--sheet",
    help="The sheet of an .xlsx workbook to read (default: the first) / het blad van de werkmap.",
)
@max_locations_option
@no_cache_option
@max_fact_age_option
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
    max_fact_age: int = 12,
    sheet: str | None = None,
    csv_dialect: str = "excel",
    xlsx_out: str | None = None,
    reform_dir: str | None = None,
) -> None:
    """Check many locations (files, directories, CSV tables) and summarise the portfolio."""
    # imported here so that other commands (`check` of one file) start fast
    from checker.audit.outputs import AuditSummary, CsvOutput, HtmlOutput, JsonOutput
    from checker.audit.run import AuditOptions, collect_inputs, run_audit, started_workers
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
        reform, comparison = _reform(reform_dir, norms_dirs)
    except InputError as exc:  # nothing is checked with a broken library or waiver file
        raise Refusal.of(exc.problems, lang) from None
    page = html_out or pdf_out
    options = AuditOptions(
        as_of,
        lang,
        norms_dirs,
        waivers,
        detail=bool(json_out or page or xlsx_out),
        max_fact_age_months=max_fact_age,
    )
    count, capped = capped_workers(workers, lang)
    # the workers start now: they load and compile the library while the inputs are collected
    with started_workers(options, count, library if reform is None else None) as pool:
        from rich.console import Console  # (after the workers' start: they do not need it)

        from checker.audit.render import render_summary

        notes: list = []
        items = collect_inputs(paths, sheet, notes)
        for note in notes:  # how each table was read: its separator, encoding, sheet
            click.echo(note.render(lang), err=True)
        refuse_too_many("audit", len(items), max_locations, lang)
        _refuse_clashing_outputs(
            paths, {"--csv": csv_out, "--json": json_out, "--html": html_out, "--xlsx": xlsx_out}
        )
        if pdf_out:  # refuse before checking anything when nothing can print the PDF
            from checker.render.pdf import PdfError, require_chromium

            try:
                require_chromium()
            except PdfError as exc:
                raise Refusal.of([problem(pdf_out, None, exc.en, exc.nl)], lang) from None
        summary = AuditSummary(library=library)
        summary.reform = comparison
        outputs: list = []  # (the summary is counted by `run_audit`, in the workers)
        files = Outputs()  # written beside their paths, renamed into place when all are complete
        try:  # refuse an unwritable output before checking anything
            if csv_out:
                outputs.append(CsvOutput(files.open(csv_out, newline=""), lang, csv_dialect))
            xlsx_output = None
            if xlsx_out:
                from checker.audit.workbook import XlsxOutput

                xlsx_output = XlsxOutput(files.open_bytes(xlsx_out), library, lang)
                outputs.append(xlsx_output)
            json_output = None
            if json_out:
                json_output = JsonOutput(files.open(json_out), as_of, library, lang)
                outputs.append(json_output)
            html_handle = files.open(html_out) if html_out else None
        except InputError as exc:
            files.discard()
            raise Refusal.of(exc.problems, lang) from None
        html_output = HtmlOutput(as_of, library, lang) if page else None
        if html_output:
            outputs.append(html_output)
        err = Console(stderr=True)
        try:
            if capped:
                click.echo(capped, err=True)
            results = run_audit(items, options, count, pool=pool, library=library, summary=summary)
            if reform is not None:  # the same locations under the reformed library, side by side
                reformed = run_audit(items, dataclasses.replace(options, reform=reform), count)
                pairs: Iterable[tuple[Any, Any]] = zip(results, reformed, strict=True)
            else:
                pairs = ((r, None) for r in results)
            latest: list[str] = []  # locations checked at the latest of several snapshots
            for result, after in _with_progress(pairs, len(items), err, lang):
                for out in outputs:
                    out.add(result)
                if comparison is not None:
                    comparison.add(result, after)
                if getattr(result, "snapshots", 0) > 1:
                    day = formats.date(dt.date.fromisoformat(result.described_on), lang)
                    latest.append(
                        t(
                            "audit_latest_snapshot",
                            lang,
                            id=result.location_id,
                            date=day,
                            count=result.snapshots,
                        )
                    )
            if json_output:
                json_output.close(summary)
            if xlsx_output:
                xlsx_output.close(comparison)
            if html_output and html_handle:
                html_handle.write(html_output.render(summary))
            if html_output and pdf_out:
                from checker.render.pdf import PdfError, html_to_pdf

                try:
                    html_to_pdf(html_output.render(summary), Path(pdf_out))
                except PdfError as exc:
                    files.discard()
                    raise Refusal.of([problem(pdf_out, None, exc.en, exc.nl)], lang) from None
            files.commit()
        except EngineError as exc:
            files.discard()
            raise Refusal(f"opvangtoets: {exc}") from None
        except InputError as exc:  # an output could not be completed: none is written
            raise Refusal.of(exc.problems, lang) from None
        except OSError as exc:
            failed = files.failing_path() or Path(csv_out or json_out or html_out or xlsx_out or "")
            files.discard()
            raise Refusal.of([cannot_write(failed, exc)], lang) from None
        except BaseException:  # Ctrl+C, SIGTERM: no partial output, the earlier ones stay
            files.discard()
            raise
    render_summary(Console(), summary, lang, as_of.isoformat())
    for line in latest:
        click.echo(line)
    if summary.errors:
        raise Refusal.of([p for failed in summary.errors for p in failed.problems], lang)
    sys.exit(EXIT_OK if summary.acceptable else EXIT_FINDINGS)


def _reform(reform_dir: str | None, norms_dirs: list[Path]):
    """The reform and its comparison (both None without `--reform`); raises InputError."""
    if not reform_dir:
        return None, None
    from checker.audit.reform import ReformComparison, changed_norms, read_reform, reformed_library

    reform = read_reform(Path(reform_dir))
    return reform, ReformComparison(changed_norms(reform, reformed_library(norms_dirs, reform)))


def _refuse_clashing_outputs(inputs: tuple[str, ...], outputs: dict[str, str | None]) -> None:
    """Two outputs into one file would mix, and an output onto an input would destroy it."""
    seen: dict[Path, str] = {}
    sources = {Path(p).resolve() for p in inputs}
    for option, path in outputs.items():
        if not path:
            continue
        where = Path(path).resolve()
        if where in seen:
            raise click.UsageError(
                f"{seen[where]} and {option} name the same file: {path} / "
                f"{seen[where]} en {option} noemen hetzelfde bestand: {path}"
            )
        if where in sources:
            raise click.UsageError(
                f"{option} {path} would overwrite an input / zou een invoerbestand overschrijven"
            )
        seen[where] = option


def capped_workers(asked: int | None, lang: str) -> tuple[int, str | None]:
    """The worker processes to start: at most one per core (each compiles the whole library,
    about 50 MB; more than the cores only costs memory), and, if more were asked for, the
    message that says so."""
    from checker.audit.run import default_workers

    cores = default_workers()
    capped = asked is not None and asked > cores
    message = t("workers_capped", lang, asked=asked, cores=cores) if capped else None
    return min(asked or cores, cores), message


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
