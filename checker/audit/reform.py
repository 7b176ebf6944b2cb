"""`audit --reform DIR`: what if the rules changed (OpenFisca's "reform")?

DIR holds norm files (`*.yaml`, as `--norms-dir` takes them: norms added to the library)
and, optionally, `reform.yaml` with what changes in the library itself, both explicit:

    replaces: [VNG-2]              # norms taken out (a new norm in DIR may take their place)
    reweight: {KO-PLAY-OUT: policy} # norms whose weight changes (law, court, policy, guidance)

The portfolio is checked under the current and the reformed library in one run; the audit
then says how many locations and children change verdict (and policy-layer outcome), in
total and per changed norm. A location is counted under a changed norm when its outcome on
that norm, in either library, is fail or unknown: the change can have moved it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from checker.audit.run import Failed, LocationResult
from checker.audit.tables import policy_of
from checker.errors import InputError, Problem, did_you_mean, labelled_problem
from checker.library.loader import Library, LibraryNorm, load_library
from checker.library.model import Weight
from checker.source.reader import load_yaml
from checker.source.validation import pydantic_texts

REFORM_FILE = "reform.yaml"


class ReformFile(BaseModel):
    """`reform.yaml`: the norms a reform takes out and the weights it changes."""

    model_config = ConfigDict(extra="forbid", strict=True)
    replaces: list[str] = []
    reweight: dict[str, Weight] = {}


@dataclass(frozen=True)
class Reform:
    """A reform directory, read: its norm files and its changes."""

    directory: Path
    norm_files: tuple[Path, ...]
    replaces: tuple[str, ...] = ()
    reweight: tuple[tuple[str, str], ...] = ()


def read_reform(directory: Path) -> Reform:
    """The reform in `directory` (raises InputError naming the file and line)."""
    if not directory.is_dir():
        raise InputError([labelled_problem(str(directory), None, "reform_not_a_directory")])
    files = tuple(p for p in sorted(directory.glob("*.yaml")) if p.name != REFORM_FILE)
    changes = ReformFile()
    path = directory / REFORM_FILE
    if path.exists():
        doc = load_yaml(path)
        try:
            changes = ReformFile.model_validate(doc.data or {}, strict=False)
        except ValidationError as exc:
            problems = []
            for err in exc.errors():
                texts = pydantic_texts(err)
                line = doc.line_of(tuple(err["loc"]))
                key = ".".join(str(p) for p in err["loc"]) or None
                problems.append(Problem(str(path), line, {"en": texts.en, "nl": texts.nl}, key))
            raise InputError(problems) from None
    if not files and not changes.replaces and not changes.reweight:
        raise InputError([labelled_problem(str(directory), None, "reform_empty")])
    reweight = tuple((k, v.value) for k, v in changes.reweight.items())
    return Reform(directory, files, tuple(changes.replaces), reweight)


def reformed_library(norms_dirs: list[Path], reform: Reform) -> Library:
    """The library with the reform applied; an id it names that is not a norm is an error
    with a guess."""
    library = load_library([*norms_dirs, *reform.norm_files])
    ids = [n.id for n in library.norms]
    wanted = [*reform.replaces, *(k for k, _ in reform.reweight)]
    unknown = [i for i in wanted if library.resolve(i) is None]
    if unknown:
        where = str(reform.directory / REFORM_FILE)
        raise InputError(
            [
                labelled_problem(
                    where, None, "reform_unknown_norm", id=i, guess=did_you_mean(i, ids) or "-"
                )
                for i in unknown
            ]
        )
    out = set(reform.replaces)
    weights = dict(reform.reweight)
    norms: list[LibraryNorm] = []
    for n in library.norms:
        if n.id in out:
            continue
        if n.id in weights:
            norm = n.norm.model_copy(update={"weight": Weight(weights[n.id])})
            n = dataclasses.replace(n, norm=norm)
        norms.append(n)
    return dataclasses.replace(library, norms=norms, version=f"{library.version}+reform")


def changed_norms(reform: Reform, reformed: Library) -> list[str]:
    """The ids the reform changes: taken out, re-weighted, and added (from its files)."""
    added = [n.id for n in reformed.norms if n.path in {str(p) for p in reform.norm_files}]
    return [*reform.replaces, *(k for k, _ in reform.reweight), *added]


@dataclass
class ReformComparison:
    """Pairs of results (current, reformed) counted: what moved, in total and per norm."""

    norms: list[str]
    locations: int = 0
    verdict_changed: list[int] = field(default_factory=lambda: [0, 0])  # locations, children
    policy_changed: list[int] = field(default_factory=lambda: [0, 0])
    moves: dict[str, int] = field(default_factory=dict)  # "from>to" -> locations
    per_norm: dict[str, dict[str, list[int]]] = field(default_factory=dict)

    def add(self, before: LocationResult | Failed, after: LocationResult | Failed) -> None:
        """Count one location checked under both libraries."""
        if not isinstance(before, LocationResult) or not isinstance(after, LocationResult):
            return
        self.locations += 1
        children = before.facts.get("children_count") or 0
        verdict = before.verdict != after.verdict
        policy = policy_of(before) != policy_of(after)
        if verdict:
            self._count(self.verdict_changed, children)
            move = f"{before.verdict}>{after.verdict}"
            self.moves[move] = self.moves.get(move, 0) + 1
        if policy:
            self._count(self.policy_changed, children)
        if not (verdict or policy):
            return
        touched = set(before.failing) | set(after.failing) | _unknown(before) | _unknown(after)
        for norm_id in self.norms:
            if norm_id not in touched:
                continue
            cell = self.per_norm.setdefault(norm_id, {"verdict": [0, 0], "policy": [0, 0]})
            if verdict:
                self._count(cell["verdict"], children)
            if policy:
                self._count(cell["policy"], children)

    @staticmethod
    def _count(cell: list[int], children: int) -> None:
        cell[0] += 1
        cell[1] += children

    def to_dict(self) -> dict[str, Any]:
        """The comparison as JSON data."""

        def pair(cell: list[int]) -> dict[str, int]:
            return {"locations": cell[0], "children": cell[1]}

        return {
            "changed_norms": self.norms,
            "locations_compared": self.locations,
            "verdict_changed": pair(self.verdict_changed),
            "policy_outcome_changed": pair(self.policy_changed),
            "verdict_moves": dict(self.moves),
            "per_norm": {
                n: {"verdict": pair(c["verdict"]), "policy_outcome": pair(c["policy"])}
                for n, c in self.per_norm.items()
            },
        }


def _unknown(result: LocationResult) -> set[str]:
    return {k for k, o in (result.outcomes or {}).items() if o == "unknown"}
