"""The norm file format: one YAML file per legal source, each holding its norms.

The JSON Schema shipped in `checker/schemas/norm-file.schema.json` is generated
from these models (`opvangtoets norms-schema`, tested to be current) and norm
files are validated against it on load. Derived facts (`derived-facts.yaml`)
have their own small format, also below.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from checker.library.conditions import Condition, Text


class Weight(str, Enum):
    law = "law"
    court = "court"
    policy = "policy"
    guidance = "guidance"


class Severity(str, Enum):
    critical = "critical"
    major = "major"
    minor = "minor"


class Dimension(str, Enum):
    education = "education"
    play_leisure = "play_leisure"
    privacy_family = "privacy_family"
    safety = "safety"
    health = "health"
    stability = "stability"
    care_staffing = "care_staffing"
    living_conditions = "living_conditions"
    participation = "participation"


class Outcome(str, Enum):
    pass_ = "pass"
    fail = "fail"
    unknown = "unknown"
    not_applicable = "not_applicable"


class Against(str, Enum):
    """What a citation was checked against: the official text, a faithful copy of it (e.g. a
    repository that mirrors EUR-Lex), a secondary source (a summary, news, another document
    quoting it), or nothing (not obtained)."""

    official = "official"
    copy = "copy"
    secondary = "secondary"
    none = "none"


class Verification(BaseModel):
    """How the citation (article, paragraph, point, wording, threshold) was checked."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    date: dt.date = Field(description="When it was checked")
    against: Against
    text: str = Field(min_length=8, description="What was read, and where")


HttpsUrl = Annotated[str, Field(pattern=r"^https://")]


class LocalizedUrl(BaseModel):
    """The official text per report language, where the source publishes both."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    en: HttpsUrl
    nl: HttpsUrl


class Source(BaseModel):
    """Where in the instrument the norm stands. The instrument itself is given per file."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    article: str | Text | None = Field(
        default=None,
        description="e.g. '14'; per language where it is words, e.g. a court and date",
    )
    paragraph: str | None = None
    subparagraph: Text | None = Field(
        default=None, description="e.g. {en: 'third subparagraph', nl: 'derde alinea'}"
    )
    point: str | None = None
    url: LocalizedUrl | HttpsUrl = Field(
        description="Official text, deep link if possible; per language, or one EUR-Lex URL "
        "whose language (/EN/, /NL/) follows the report",
    )
    verified: Verification | None = Field(
        default=None, description="Required by `norms lint`: how the citation was checked"
    )


class Example(BaseModel):
    """A location fragment and the outcome the norm must give for it."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    name: str = Field(min_length=8, description="A sentence saying what the example shows")
    as_of: dt.date | None = None
    location: dict[str, Any]
    outcome: Outcome


NORM_ID = r"^[A-Z][A-Z0-9]*(-[A-Za-z0-9.]+)+$"
BASIS = "Why the rule takes effect on valid_from, and which document proves it (required by lint)"


class Norm(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    id: str = Field(pattern=NORM_ID)
    aliases: list[Annotated[str, Field(pattern=NORM_ID)]] = Field(
        default_factory=list,
        description="Earlier ids of this norm (renamed when its article or paragraph changed); "
        "waivers, `norms show` and reports accept them",
    )
    topic: str | None = Field(
        default=None,
        description="Norms that are versions of one rule over time share a topic",
        pattern=r"^[a-z0-9-]+$",
    )
    title: Text
    summary: Text
    source: Source
    weight: Weight | None = Field(default=None, description="Defaults to the file's weight")
    dimension: Dimension
    severity: Severity
    valid_from: dt.date | None = Field(default=None, description="First day in force")
    valid_from_basis: Text | None = Field(default=None, description=BASIS)
    valid_until: dt.date | None = Field(default=None, description="Last day in force (inclusive)")
    applies_when: Condition | None = None
    requires: Condition
    remedy: Text
    examples: list[Example] = Field(min_length=2)


class NormFile(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    family: str = Field(pattern=r"^[a-z0-9_]+$")
    instrument: Text = Field(description="Name as cited, e.g. 'Directive 2013/33/EU'")
    citation_separator: str = Field(
        default=", ", description="Between instrument and article: ', ' or ' ' ('CRC art. 31')"
    )
    article_label: Text | None = Field(
        default_factory=lambda: Text(en="art.", nl="art."),
        description="Before the article number; null for none (court rulings)",
    )
    url: str = Field(pattern=r"^https://")
    weight: Weight
    valid_from: dt.date | None = None
    valid_from_basis: Text | None = Field(default=None, description=BASIS)
    valid_until: dt.date | None = None
    norms: list[Norm] = Field(min_length=1)


class DerivedCase(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    when: Condition
    value: dict[str, Any] = Field(
        description="An expression: {months_between: [a, b]}, {multiply: [field, number]}, "
        "{ratio: [a, b]} (a divided by b; unknown when b is 0), {field: name}"
    )


class DerivedFact(BaseModel):
    """A fact the engine derives from the location: true/false by a condition, or a number."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: Text
    when: Condition | None = Field(default=None, description="For a true/false fact")
    cases: list[DerivedCase] | None = Field(
        default=None, description="For a number: the first case whose condition holds gives it"
    )


class DerivedFile(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    derived: list[DerivedFact]


def norm_file_json_schema() -> dict[str, Any]:
    """The JSON Schema of a norm file (shipped as norm-file.schema.json)."""
    schema = NormFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://opvangtoets.nl/schemas/norm-file.schema.json"
    return schema
