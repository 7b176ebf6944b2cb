"""Which unknown facts to find out first: the ones most binding norms wait for."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from checker.library.model import Outcome
from checker.report.findings import Finding
from checker.report.verdict import BINDING


@dataclass
class FactToCollect:
    """A missing fact and the norms that wait for it."""

    field: str
    # the law and court norms, and the policy and guidance norms, that wait for this fact
    binding_norms: list[str] = dataclasses.field(default_factory=list)
    other_norms: list[str] = dataclasses.field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """As JSON data; not `dataclasses.asdict`, which deep-copies every norm id."""
        return {
            "field": self.field,
            "binding_norms": list(self.binding_norms),
            "other_norms": list(self.other_norms),
        }


def facts_to_collect(findings: list[Finding]) -> list[FactToCollect]:
    """Missing facts ranked by how many law/court norms, then other norms, they would decide."""
    wanted: dict[str, FactToCollect] = {}
    for f in findings:
        if f.outcome != Outcome.unknown:
            continue
        for name in f.missing:
            entry = wanted.setdefault(name, FactToCollect(name))
            (entry.binding_norms if f.weight in BINDING else entry.other_norms).append(f.norm_id)
    return sorted(
        wanted.values(), key=lambda e: (-len(e.binding_norms), -len(e.other_norms), e.field)
    )
