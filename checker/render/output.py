"""Reports in every format, to the screen or to files (`check --format/--output`).

With one location file, --output is the file to write (or a directory to write
it into); with several files or a directory of them, --output is a directory
that gets one `<location id>.<ext>` per location.
"""

from __future__ import annotations

import json
from pathlib import Path

from checker.errors import InputError, Problem, problem
from checker.library.loader import Library
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
    """The report in format `fmt` (text, json, md, html; pdf is rendered as its HTML)."""
    detail = detail or default_detail(fmt)
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
    # the templates (jinja2) are loaded only for a document: a terminal report starts faster
    if fmt in ("html", "pdf"):
        from checker.render.html import render_html

        return render_html(report, library, detail)
    if fmt == "md":
        from checker.render.markdown import render_markdown

        return render_markdown(report, library, detail)
    return render_text(report, colour, detail)


class ReportPaths:
    """Where each report of a `check --output` run goes: the file itself for one location,
    else `<location id>.<ext>` in the directory, `-2`, `-3`... for ids met before. Linear in
    the number of reports (each id remembers its last number)."""

    def __init__(self, fmt: str, output: Path, one_file: bool):
        self.fmt, self.output = fmt, output
        self.single = one_file and not output.is_dir()
        self._taken: set[str] = set()
        self._last: dict[str, int] = {}

    def refusal(self) -> Problem | None:
        """Why the output cannot be used at all (several reports need a directory)."""
        if not self.single and self.output.exists() and not self.output.is_dir():
            return problem(
                str(self.output),
                None,
                "several reports need a directory here, not a file: give --output DIRECTORY",
                "meerdere rapporten hebben hier een map nodig, geen bestand: geef --output MAP",
            )
        return None

    def next(self, report: Report) -> Path:
        """The path of the next report."""
        if self.single:
            return self.output
        base = report.location.id
        n = self._last.get(base, 1)
        stem = base if n == 1 else f"{base}-{n}"
        while stem in self._taken:  # two files may describe locations with one id
            n += 1
            stem = f"{base}-{n}"
        self._taken.add(stem)
        self._last[base] = n
        return self.output / f"{stem}.{EXTENSIONS[self.fmt]}"


def write_report(
    report: Report, fmt: str, path: Path, library: Library | None, detail: str | None = None
) -> Problem | None:
    """Write one report, complete or not at all (a planted symlink is replaced, not followed);
    a path that cannot be written is a problem, not a traceback."""
    # here, not at the top: a report printed on the terminal needs neither (nor tempfile)
    from checker.render.files import write_output
    from checker.render.pdf import PdfError, html_to_pdf

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = render(report, fmt, library, detail=detail)
        if fmt == "pdf":
            html_to_pdf(text, path)
        else:
            write_output(path, text.rstrip("\n") + "\n")
    except PdfError as exc:
        return problem(str(path), None, exc.en, exc.nl)
    except OSError as exc:
        return _unwritable(path, exc.strerror or str(exc))
    except InputError as exc:
        reason = exc.problems[0].message["en"].removeprefix("cannot write the output: ")
        return _unwritable(path, reason)
    return None


def _unwritable(path: Path, reason: str) -> Problem:
    return problem(
        str(path),
        None,
        f"cannot write the report: {reason} — choose another --output",
        f"kan het rapport niet schrijven: {reason} — kies een andere --output",
    )
