"""Coming breaches: days within two years on which a norm's outcome changes by time alone.

A norm that counts calendar months from a date in the file to the check date
(`months_between: [opening_date, as_of_date]`, directly or through a derived fact such as
`emergency_use_months`) changes outcome on the day that many months have passed. Those
days are found from the norms' thresholds and the file's dates, then confirmed by checking
the location on that day and on the day before, with the law in force then. A day on which
the law itself changes is a coming change of the law (`coming_changes`), never a breach.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

from checker.i18n import formats, t
from checker.library.citation import Citation
from checker.library.conditions import Leaf, Op, leaves
from checker.library.loader import AS_OF_FIELD, Library, LibraryNorm
from checker.library.model import Outcome
from checker.library.months import months_later
from checker.location.labels import label
from checker.location.model import Location
from checker.report.findings import Finding

HORIZON_MONTHS = 24


@dataclass
class ComingBreach:
    """A day on which a norm's outcome changes because time passes, and why."""

    date: dt.date
    norm_id: str
    title: str
    outcome_before: str  # on the day before
    outcome_then: str  # on the day itself
    because: str  # the date in the file and the months counted from it, in words
    message: str  # the finding on that day
    citation: Citation


def _boundary(op: Op, value: float) -> int | None:
    """The whole months after which a `months_between … op value` test flips."""
    if op in (Op.lt, Op.gte):
        return math.ceil(value)
    if op in (Op.lte, Op.gt):
        return math.floor(value) + 1
    if op in (Op.eq, Op.ne):
        return int(value) if float(value).is_integer() else None
    return None


def _month_counters(library: Library) -> dict[str, str]:
    """Derived facts that are whole months from a date field to the check date: name -> field."""
    out = {}
    for d in library.derived:
        for case in d.cases or []:
            start_end = case.value.get("months_between")
            if start_end and start_end[1] == AS_OF_FIELD:
                out[d.name] = start_end[0]
    return out


def candidate_days(library: Library, location: Location, as_of: dt.date) -> dict[dt.date, set]:
    """Days within the horizon on which a months test may flip: day -> {(field, months)}."""
    counters = _month_counters(library)
    conds = [c for n in library.norms for c in (n.norm.applies_when, n.norm.requires) if c]
    conds += [c for d in library.derived for c in [d.when, *(k.when for k in d.cases or [])] if c]
    end = months_later(as_of, HORIZON_MONTHS)
    found: dict[dt.date, set] = {}
    for cond in conds:
        for leaf in leaves(cond):
            start, months = _test(leaf, counters)
            if start is None or months is None:
                continue
            since = getattr(location, start, None)
            if not isinstance(since, dt.date):
                continue
            day = months_later(since, months)
            if as_of < day <= end:
                found.setdefault(day, set()).add((start, months))
    return found


def _test(leaf: Leaf, counters: dict[str, str]) -> tuple[str | None, int | None]:
    if not isinstance(leaf.value, int | float) or isinstance(leaf.value, bool):
        return None, None
    if leaf.months_between and leaf.months_between[1] == AS_OF_FIELD:
        return leaf.months_between[0], _boundary(leaf.op, leaf.value)
    if leaf.field in counters:
        return counters[leaf.field], _boundary(leaf.op, leaf.value)
    return None, None


def coming_breaches(
    library: Library,
    location: Location,
    as_of: dt.date,
    lang: str,
    findings_on: Callable[[dt.date, list[LibraryNorm] | None], list[Finding]],
) -> list[ComingBreach]:
    """Every confirmed change of outcome by time alone within the horizon."""
    out: list[ComingBreach] = []
    for day, reasons in sorted(candidate_days(library, location, as_of).items()):
        before = day - dt.timedelta(days=1)
        law_changes = {
            n.id for n in library.norms if n.valid_from == day or n.valid_until == before
        }
        then = {f.norm_id: f for f in findings_on(day, None)}
        earlier = {f.norm_id: f for f in findings_on(before, None)} if before > as_of else None
        if earlier is None:
            continue
        because = "; ".join(
            t(
                "coming_breach_because",
                lang,
                fact=label(field, lang) or field,
                date=formats.date(getattr(location, field), lang),
                count=months,
            )
            for field, months in sorted(reasons)
        )
        for norm_id, f in then.items():
            old = earlier.get(norm_id)
            if old is None or old.outcome == f.outcome or norm_id in law_changes:
                continue
            if Outcome.not_applicable in (old.outcome, f.outcome) and Outcome.fail not in (
                old.outcome,
                f.outcome,
            ):
                continue
            out.append(
                ComingBreach(
                    day,
                    norm_id,
                    f.title,
                    old.outcome.value,
                    f.outcome.value,
                    because,
                    f.message,
                    f.citation,
                )
            )
    return out


def breach_line(b: ComingBreach, lang: str) -> str:
    """'from 10 July 2026: COA-NO-3 becomes “fail”, 6 calendar months after …'."""
    return t(
        "coming_breach_line",
        lang,
        date=formats.date(b.date, lang),
        norm=b.norm_id,
        outcome=t(b.outcome_then, lang),
        because=b.because,
    )
