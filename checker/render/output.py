"""Reports in every format, to the screen or to files (`check --format/--output`).

With one location file, --output is the file to write (or a directory to write
it into); with several files or a directory of them, --output is a directory
that gets one `<location id>.<ext>` per location.
"""

from __future__ import annotations

import json
from pathlib import Path

from checker.errors import Problem, labelled_problem
from checker.library.loader import Library
from checker.render.html import render_html
from checker.render.markdown import render_markdown
from checker.render.text import render_text
from checker.report.build import Report

FORMATS = ("text", "json", "html", "md")
EXTENSIONS = {"text": "txt", "json": "json", "html": "html", "md": "md"}


def render(report: Report, fmt: str, library: Library | None, colour: bool = False) -> str:
    """The report in format `fmt` (text, json, md or html)."""
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
    if fmt == "html":
        return render_html(report, library)
    if fmt == "md":
        return render_markdown(report, library)
    return render_text(report, colour)


def output_paths(reports: list[Report], fmt: str, output: Path, one_file: bool) -> list[Path]:
    """The file each report goes to under `--output`."""
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
    reports: list[Report], fmt: str, output: Path, one_file: bool, library: Library | None
) -> tuple[list[Path], list[Problem]]:
    """Write every report; a path that cannot be written is a problem, not a traceback."""
    if not one_file and output.exists() and not output.is_dir():
        return [], [labelled_problem(str(output), None, "problem_several_reports_need_directory")]
    written, problems = [], []
    for report, path in zip(reports, output_paths(reports, fmt, output, one_file), strict=True):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(render(report, fmt, library).rstrip("\n") + "\n", encoding="utf-8")
            written.append(path)
        except OSError as exc:
            problems.append(
                labelled_problem(
                    str(path), None, "problem_cannot_write_report_choose", strerror=exc.strerror
                )
            )
    return written, problems
