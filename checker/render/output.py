"""Reports in every format, to the screen or to files (`check --format/--output`).

With one location file, --output is the file to write (or a directory to write
it into); with several files or a directory of them, --output is a directory
that gets one `<location id>.<ext>` per location.
"""

from __future__ import annotations

import json
from pathlib import Path

from checker.errors import Problem, problem
from checker.library.loader import Library
from checker.render.html import render_html
from checker.render.markdown import render_markdown
from checker.render.pdf import PdfError, html_to_pdf, require_chromium
from checker.render.text import render_text
from checker.report.build import Report

FORMATS = ("text", "json", "html", "md", "pdf")
EXTENSIONS = {"text": "txt", "json": "json", "html": "html", "md": "md", "pdf": "pdf"}
DETAILS = ("summary", "full")


def default_detail(fmt: str) -> str:
    """The documents show everything; the terminal shows what to act on."""
    return "summary" if fmt == "text" else "full"


def render(
    report: Report,
    fmt: str,
    library: Library | None,
    colour: bool = False,
    detail: str | None = None,
) -> str:
    detail = detail or default_detail(fmt)
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
    if fmt in ("html", "pdf"):
        return render_html(report, library, detail)
    if fmt == "md":
        return render_markdown(report, library, detail)
    return render_text(report, colour, detail)


def output_paths(reports: list[Report], fmt: str, output: Path, one_file: bool) -> list[Path]:
    if one_file and not output.is_dir():
        return [output]
    taken: set[str] = set()
    paths = []
    for report in reports:
        stem, n = report.location.id, 1
        while stem in taken:  # two files may describe locations with one id
            n += 1
            stem = f"{report.location.id}-{n}"
        taken.add(stem)
        paths.append(output / f"{stem}.{EXTENSIONS[fmt]}")
    return paths


def write_reports(
    reports: list[Report],
    fmt: str,
    output: Path,
    one_file: bool,
    library: Library | None,
    detail: str | None = None,
) -> tuple[list[Path], list[Problem]]:
    """Write every report; a path that cannot be written is a problem, not a traceback."""
    if fmt == "pdf":
        try:
            require_chromium()
        except PdfError as exc:  # once, not once per report
            return [], [problem(str(output), None, exc.en, exc.nl)]
    if not one_file and output.exists() and not output.is_dir():
        return [], [
            problem(
                str(output),
                None,
                "several reports need a directory here, not a file: give --output DIRECTORY",
                "meerdere rapporten hebben hier een map nodig, geen bestand: geef --output MAP",
            )
        ]
    written, problems = [], []
    for report, path in zip(reports, output_paths(reports, fmt, output, one_file), strict=True):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            text = render(report, fmt, library, detail=detail)
            if fmt == "pdf":
                html_to_pdf(text, path)
            else:
                path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
            written.append(path)
        except PdfError as exc:
            problems.append(problem(str(path), None, exc.en, exc.nl))
        except OSError as exc:
            problems.append(
                problem(
                    str(path),
                    None,
                    f"cannot write the report: {exc.strerror} — choose another --output",
                    f"kan het rapport niet schrijven: {exc.strerror} — kies een andere --output",
                )
            )
    return written, problems
