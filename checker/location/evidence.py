"""Who says a fact is true, and when it held: the sources and evidence of a location file.

A location file may list its `sources` (documents, visits, letters) and, per fact, its
`evidence`: which source(s) it rests on, what kind of knowledge it is (`observed` on a
visit, `reported` by a source, `planned`, `estimate`) and the day or month it held.
Evidence is optional: a file without it is checked as before.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, field_validator

#: A day (2025-04-10) or a month (2025-04): the date a fact held.
FACT_DATE = r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$"


class EvidenceKind(str, Enum):
    """How a fact is known: seen on a visit, reported by a source, planned, or estimated."""

    observed = "observed"
    reported = "reported"
    planned = "planned"
    estimate = "estimate"


#: Kinds a report names next to a fact; observed and reported facts need no caveat.
CAVEAT_KINDS = (EvidenceKind.planned, EvidenceKind.estimate)


class Source(BaseModel):
    """A document, visit or statement that facts of this location rest on."""

    model_config = ConfigDict(extra="forbid", strict=True)
    id: str = Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
        description="Short code facts refer to / Korte code waarnaar feiten verwijzen",
    )
    title: str = Field(min_length=1, description="Title of the document / Titel van het document")
    publisher: str | None = Field(default=None, description="Who published it / Wie het uitgaf")
    url: str | None = Field(
        default=None,
        pattern=r"^https?://\S+$",
        description="Where to read it / Waar het te lezen is",
    )
    date: str | None = Field(
        default=None,
        pattern=FACT_DATE,
        description="Date of the document (day or month) / Datum van het document (dag of maand)",
    )


class Evidence(BaseModel):
    """What one fact rests on: its source(s), the kind of knowledge, the date it held."""

    model_config = ConfigDict(extra="forbid", strict=True)
    source: list[str] = Field(
        min_length=1,
        description="Id(s) of the source(s) in `sources` / Code(s) van de bron(nen) in `sources`",
    )
    kind: EvidenceKind | None = Field(
        default=None,
        description="observed, reported, planned or estimate / waargenomen, gemeld, gepland "
        "of geschat",
    )
    date: str | None = Field(
        default=None,
        pattern=FACT_DATE,
        description="Day or month the fact held / Dag of maand waarop het feit gold",
    )

    @field_validator("source", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


def fact_day(text: str) -> dt.date:
    """The first day of a fact date: the day itself, or the 1st of a month."""
    return dt.date.fromisoformat(text if len(text) == 10 else f"{text}-01")


def fact_last_day(text: str) -> dt.date:
    """The last day a fact date can mean: the day itself, or the last of a month."""
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    first = fact_day(text)
    return (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
