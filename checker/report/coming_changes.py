"""Changes in the law ahead: norms that start or stop within a year and change this outcome.

A norm whose threshold changes on a date is two norms with one `topic` and
adjacent validity, so "the new version" of a norm is the one with the same
topic that enters into force the day after the old one ends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from checker.library.citation import Citation
from checker.library.loader import Library, LibraryNorm
from checker.library.model import Outcome
from checker.report.findings import Finding

HORIZON_DAYS = 365
ENTERS, EXPIRES = "enters_into_force", "expires"
OPEN = (Outcome.fail, Outcome.unknown)


@dataclass
class ComingChange:
    """A norm that enters into force or expires within a year and changes an outcome."""

    date: dt.date
    change: str  # enters_into_force | expires
    norm_id: str
    title: str
    replaces: str | None  # the norm of the same topic that ends the day before
    outcome_now: str | None  # this norm's (or the replaced norm's) outcome on the as-of date
    outcome_then: str | None  # this norm's outcome on `date`; None for a norm that expires
    message: str
    citation: Citation


def transition_dates(library: Library, as_of: dt.date) -> list[dt.date]:
    """Days within the horizon on which a norm enters into force or has just expired."""
    end = as_of + dt.timedelta(days=HORIZON_DAYS)
    days = set()
    for n in library.norms:
        if n.valid_from and as_of < n.valid_from <= end:
            days.add(n.valid_from)
        if n.valid_until and as_of <= n.valid_until < end:
            days.add(n.valid_until + dt.timedelta(days=1))
    return sorted(days)


def _by_topic(norms: list[LibraryNorm]) -> dict[str, LibraryNorm]:
    return {n.norm.topic: n for n in norms if n.norm.topic}


def coming_changes(
    library: Library,
    as_of: dt.date,
    findings_now: list[Finding],
    findings_on: Callable[[dt.date, list[LibraryNorm] | None], list[Finding]],
) -> list[ComingChange]:
    """Every norm change within the horizon that changes what this location gets told.
    `findings_on(day, norms)` is asked only for the norms entering into force on `day`: only
    their findings are read (each finding is made from its own norm alone), and making every
    finding again was most of a one-file check."""
    now = {f.norm_id: f for f in findings_now}
    changes: list[ComingChange] = []
    for day in transition_dates(library, as_of):
        entering = [n for n in library.norms if n.valid_from == day]
        then = {f.norm_id: f for f in findings_on(day, entering)}
        ending = [n for n in library.norms if n.valid_until == day - dt.timedelta(days=1)]
        predecessors = _by_topic(ending)
        successors = _by_topic(entering)
        for n in library.norms:
            if n.valid_from == day:
                old = predecessors.get(n.norm.topic) if n.norm.topic else None
                before = now[old.id].outcome if old else None
                after = then[n.id].outcome
                if after == Outcome.not_applicable and before in (None, Outcome.not_applicable):
                    continue
                if before == after or (before is None and after not in OPEN):
                    continue
                f = then[n.id]
                changes.append(
                    ComingChange(
                        day,
                        ENTERS,
                        n.id,
                        f.title,
                        old.id if old else None,
                        before.value if before else None,
                        after.value,
                        f.message,
                        f.citation,
                    )
                )
            elif (
                n.valid_until == day - dt.timedelta(days=1)
                and n.norm.topic not in successors
                and now[n.id].outcome in OPEN
            ):
                f = now[n.id]
                changes.append(
                    ComingChange(
                        day,
                        EXPIRES,
                        n.id,
                        f.title,
                        None,
                        f.outcome.value,
                        None,
                        f.message,
                        f.citation,
                    )
                )
    return changes
