"""The report's warnings: one list, each with its kind, the facts it is about and a message.

Today the warnings come from facts that look inconsistent but were checked
(`checker.location.consistency`); other stages add their own kinds to the same list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from checker.location import consistency, plausible
from checker.location.model import Location

#: Kinds a reader must see before the verdict (the renderers show these first, marked).
PROMINENT = {"far_above_capacity"}


@dataclass(frozen=True)
class ReportWarning:
    """Something a reader must know about the facts: its kind, the facts, its message."""

    kind: str  # e.g. inconsistent_facts | far_above_capacity
    facts: tuple[str, ...]
    message: dict[str, str]  # en, nl

    @property
    def prominent(self) -> bool:
        """Whether the renderers show it before the verdict, marked."""
        return self.kind in PROMINENT

    def text(self, lang: str) -> str:
        """The message in `lang`."""
        return self.message[lang]

    def to_dict(self) -> dict[str, Any]:
        """The warning as JSON data."""
        return {"kind": self.kind, "facts": list(self.facts), "message": dict(self.message)}


def _from_inconsistency(i: consistency.Inconsistency) -> ReportWarning:
    return ReportWarning(i.kind, i.fields, {lang: i.prose(lang) for lang in ("en", "nl")})


def location_warnings(location: Location) -> list[ReportWarning]:
    """The warnings about a location's facts, the prominent ones first."""
    found = [_from_inconsistency(i) for i in consistency.warnings(location)]
    found += [_from_inconsistency(i) for i in plausible.implausible(location)]
    return sorted(found, key=lambda w: not w.prominent)
