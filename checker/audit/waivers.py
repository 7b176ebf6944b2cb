"""Accepted deviations: a failing norm at one location, accepted by someone, until a date.

A waiver file (YAML):

    waivers:
      - norm: RCD2013-18-2-families-together
        location: azc-example
        justification: "Two families share a unit until the extension opens in May."
        accepted_by: "M. de Vries, regional manager"
        expires: 2026-12-31

What a waiver does (README, "Waivers"): a failure of that norm at that location
stays a failure in the report (outcome `fail`), marked `waived` with the
reason, and no longer counts toward the verdict: the verdict is recomputed
without it, and a location whose only problems are waived is at best
"compliant, with concerns". The score is not changed: the children still live
with the deviation. On a date after `expires` the waiver is *expired*: the
failure counts again and is reported with the expired waiver. A waiver never
turns a failure into a pass, and a waiver for a norm that does not fail does
nothing. A waiver may name a norm by an earlier id (its `aliases`): it applies
to the renamed norm.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.errors import InputError, Problem, did_you_mean, labelled_problem, problem
from checker.library.loader import Library
from checker.source.reader import load_yaml
from checker.source.validation import pydantic_texts

WAIVED, EXPIRED = "waived", "expired"


class _WaiverEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    norm: str = Field(min_length=1)
    location: str = Field(min_length=1)
    justification: str = Field(min_length=1)
    accepted_by: str = Field(min_length=1)
    expires: dt.date = Field(strict=False)  # a quoted "2026-12-31" is fine too


class _WaiverFile(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    waivers: list[_WaiverEntry]


@dataclass(frozen=True)
class Waiver:
    """An accepted deviation: one norm's failure at one location, until a date."""

    norm_id: str
    location_id: str
    justification: str
    accepted_by: str
    expires: dt.date
    file: str
    line: int | None

    def status(self, as_of: dt.date) -> str:
        """'waived' up to and including the expiry date, 'expired' after it."""
        return WAIVED if as_of <= self.expires else EXPIRED

    def to_dict(self, as_of: dt.date) -> dict[str, Any]:
        """The waiver as reports carry it, with its status on `as_of`."""
        return {
            "status": self.status(as_of),
            "justification": self.justification,
            "accepted_by": self.accepted_by,
            "expires": self.expires.isoformat(),
            "file": self.file,
            "line": self.line,
        }


class Waivers:
    """Waivers by location id, then norm id."""

    def __init__(self, waivers: list[Waiver] | None = None):
        self.by_location: dict[str, dict[str, Waiver]] = {}
        for w in waivers or []:
            self.by_location.setdefault(w.location_id, {})[w.norm_id] = w

    def for_location(self, location_id: str) -> dict[str, Waiver]:
        """The waivers of one location, by norm id."""
        return self.by_location.get(location_id, {})


def _hint() -> dict[str, str]:
    return {
        "hint_en": "see README, 'Waivers', for the format",
        "hint_nl": "zie README, 'Waivers', voor het formaat",
    }


def load_waivers(path: Path, library: Library) -> Waivers:
    """Read and check a waiver file; every problem names the file and line (raises InputError)."""
    doc = load_yaml(path)
    try:
        parsed = _WaiverFile.model_validate(doc.data)
    except ValidationError as exc:
        problems: list[Problem] = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            where = ".".join(map(str, loc)) or "(top)"
            problems.append(
                problem(
                    doc.file,
                    doc.line_of(loc),
                    f"{where}: {err['msg']}",
                    f"{where}: {pydantic_texts(err).nl}",
                    **_hint(),
                )
            )
        raise InputError(problems) from None
    known = library.known_ids()
    known_set = set(known)
    problems = []
    waivers: list[Waiver] = []
    seen: dict[tuple[str, str], int | None] = {}
    for i, entry in enumerate(parsed.waivers):
        line = doc.line_of(("waivers", i))
        if entry.norm not in known_set:
            guess = did_you_mean(entry.norm, known)
            problems.append(
                problem(
                    doc.file,
                    doc.line_of(("waivers", i, "norm")),
                    f"unknown norm id '{entry.norm}'",
                    f"onbekende norm-id '{entry.norm}'",
                    hint_en=f"did you mean '{guess}'?"
                    if guess
                    else "norm ids are in the norm files (norms/*.yaml)",
                    hint_nl=f"bedoelde u '{guess}'?"
                    if guess
                    else "norm-ids staan in de normbestanden (norms/*.yaml)",
                )
            )
            continue
        # a waiver written for a norm's earlier id keeps applying to the renamed norm
        resolved = library.resolve(entry.norm)
        assert resolved is not None  # unknown ids were refused above
        entry = entry.model_copy(update={"norm": resolved.id})
        key = (entry.norm, entry.location)
        if key in seen:
            problems.append(
                labelled_problem(
                    doc.file,
                    line,
                    "problem_second_waiver_for_at",
                    norm=entry.norm,
                    location=entry.location,
                    first_line=seen[key],
                )
            )
            continue
        seen[key] = line
        waivers.append(
            Waiver(
                entry.norm,
                entry.location,
                entry.justification,
                entry.accepted_by,
                entry.expires,
                doc.file,
                line,
            )
        )
    if problems:
        raise InputError(problems)
    return Waivers(waivers)
