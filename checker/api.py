"""The front door for Python callers: `Checker` compiles the norm library into the engine once
and checks many locations with it.

    from checker.api import Checker
    report = Checker().check_file(Path("cases/ship-permit-holders.yaml"), dt.date(2026, 6, 1))
    report.verdict, report.to_dict()
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from checker.evaluate.engine import Engine
from checker.evaluate.facts import readable_values
from checker.library.loader import Library, LibraryNorm, load_library
from checker.location.loader import load_location
from checker.location.model import Location
from checker.report.build import Report, make_report
from checker.report.evidence import MAX_FACT_AGE_MONTHS
from checker.report.findings import Finding, build_findings


class Checker:
    """A norm library compiled into the engine once, used for many locations."""

    def __init__(self, norms_dirs: list[Path] | None = None, library: Library | None = None):
        self.library = library or load_library(norms_dirs)
        self.engine = Engine(self.library)

    def findings(
        self,
        location: Location,
        as_of: dt.date,
        lang: str = "nl",
        norms: list[LibraryNorm] | None = None,
    ) -> list[Finding]:
        """Every norm's finding (or only those of `norms`) for `location` on `as_of`, in
        `lang`."""
        evaluation = self.engine.evaluate(location, as_of)
        return build_findings(
            evaluation, self.library, readable_values(location, as_of), as_of, lang, norms
        )

    def check(
        self,
        location: Location,
        as_of: dt.date,
        lang: str = "nl",
        source: str | None = None,
        look_ahead: bool = True,
        max_fact_age_months: int = MAX_FACT_AGE_MONTHS,
    ) -> Report:
        """Check one location; `look_ahead` adds the coming changes in the law (costs a
        re-evaluation per date on which a norm starts or ends within a year)."""
        findings = self.findings(location, as_of, lang)
        later = (lambda day, ns: self.findings(location, day, lang, ns)) if look_ahead else None
        return make_report(
            self.library,
            location,
            source,
            as_of,
            lang,
            findings,
            later,
            max_fact_age_months,
            breaches=look_ahead,
        )

    def check_file(self, path: Path, as_of: dt.date, lang: str = "nl") -> Report:
        """The report of the location file at `path` (raises InputError on bad input)."""
        return self.check(load_location(path), as_of, lang, str(path))
