"""The PDF report: the HTML report printed by headless Chromium, its print stylesheet and all.

Chromium is looked up as `$OPVANGTOETS_CHROMIUM`, then `chromium`, `chromium-browser`,
`google-chrome` on PATH. It runs without network, sandbox or profile of its own beyond a
temporary directory; the PDF is written beside the target and moved into place, so a
failed print leaves no half-written file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
TIMEOUT_S = 120
INSTALL_HINT = {
    "en": "install Chromium (Debian/Ubuntu: apt-get install chromium) or set "
    "OPVANGTOETS_CHROMIUM to the path of a Chromium or Chrome program; "
    "the HTML report (check --format html, audit --html) prints from any browser",
    "nl": "installeer Chromium (Debian/Ubuntu: apt-get install chromium) of zet "
    "OPVANGTOETS_CHROMIUM op het pad van een Chromium- of Chrome-programma; "
    "het HTML-rapport (check --format html, audit --html) is in elke browser af te drukken",
}


class PdfError(Exception):
    """The PDF could not be made: `en` and `nl` say why and what to do."""

    def __init__(self, en: str, nl: str) -> None:
        super().__init__(en)
        self.en, self.nl = en, nl


def chromium() -> str | None:
    """The Chromium program to print with, or None when there is none."""
    chosen = os.environ.get("OPVANGTOETS_CHROMIUM")
    if chosen is not None:
        return chosen if os.access(chosen, os.X_OK) else shutil.which(chosen)
    return next(filter(None, map(shutil.which, CANDIDATES)), None)


def require_chromium() -> str:
    """The Chromium that prints PDFs; PdfError (with how to install one) when there is none."""
    program = chromium()
    if program is None:
        raise PdfError(
            "no PDF engine found — " + INSTALL_HINT["en"],
            "geen PDF-programma gevonden — " + INSTALL_HINT["nl"],
        )
    return program


def html_to_pdf(html: str, target: Path) -> None:
    """Print `html` to the PDF file `target` (A4, the report's own footer)."""
    program = require_chromium()
    with tempfile.TemporaryDirectory(prefix="opvangtoets-pdf-") as tmp:
        page, printed = Path(tmp) / "report.html", Path(tmp) / "report.pdf"
        page.write_text(html, encoding="utf-8")
        command = [
            program,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-pdf-header-footer",
            f"--user-data-dir={tmp}/profile",
            f"--print-to-pdf={printed}",
            page.as_uri(),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfError(
                f"the PDF engine {program} did not run: {exc} — " + INSTALL_HINT["en"],
                f"het PDF-programma {program} startte niet: {exc} — " + INSTALL_HINT["nl"],
            ) from None
        if not printed.is_file() or printed.stat().st_size == 0:
            raise PdfError(
                f"the PDF engine {program} printed nothing — " + INSTALL_HINT["en"],
                f"het PDF-programma {program} drukte niets af — " + INSTALL_HINT["nl"],
            )
        partial = target.with_name(f".{target.name}.part")
        shutil.copyfile(printed, partial)
        partial.replace(target)
