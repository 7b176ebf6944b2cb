"""The adapter to durable_rules: compile the library into rulesets, evaluate a location.

Every derived fact and every norm becomes rules whose names say what they
decide (`n12|fail|0`: norm 12 certainly fails by its first conjunction). A
location is asserted as one fact into each ruleset in its own session; the
session state is deleted afterwards (durable_rules keeps at most 1024 live
sessions and then crashes). The engine decides; Python only reads back which
rules fired.

Field notes that shaped this module (see shared/DURABLE_RULES.md):
- one long-lived Host per process, without its background threads;
- `set_rulesets` mutates its input, so it gets a deep copy;
- every pattern is anchored on `kind`, or a pattern of only `$nex` hangs;
- each ruleset is warmed up once, or `delete_state` can hang;
- at most 31 tests in one `$and`, and not much more than 100 norms per ruleset.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from durable import engine as durable_engine

from checker.conditions import (
    Conjunction,
    Leaf,
    dnf,
    literal_pattern,
    month_key_name,
)
from checker.facts import FACT_KIND, location_fact, months_from_keys
from checker.location import Location
from checker.norm_library import Library
from checker.norm_model import DerivedFact, Outcome

NORMS_PER_RULESET = 40
MAX_TESTS_PER_PATTERN = 30
SESSION = "location"
_ruleset_numbers = itertools.count(1)


class EngineError(RuntimeError):
    """The rules engine refused a rule or a fact: a bug or a norm the engine cannot hold."""


class _Host(durable_engine.Host):
    """A host without background dispatch threads: we drive it synchronously."""

    def __init__(self) -> None:
        self.fired: list[str] = []
        super().__init__()

    def _run(self) -> None:  # no background threads; assert_fact runs actions itself
        pass

    def get_action(self, action_name: str) -> Callable[[Any], None]:
        fired = self.fired

        def record(_closure: Any) -> None:
            fired.append(action_name)

        return record


_host: _Host | None = None


def _shared_host() -> _Host:
    global _host
    if _host is None:
        _host = _Host()
    return _host


@dataclass
class NormResult:
    outcome: Outcome
    violated: list[Leaf] = field(default_factory=list)


@dataclass
class Evaluation:
    results: dict[str, NormResult]  # by norm id, for norms in force
    derived: dict[str, Any]
    fact: dict[str, Any]


def _pattern(conj: Conjunction, list_fields: dict[str, list[str]], name: str) -> dict:
    tests = [literal_pattern(lit, list_fields) for lit in conj]
    if len(tests) > MAX_TESTS_PER_PATTERN:
        raise EngineError(
            f"{name}: a condition expands to more than "
            f"{MAX_TESTS_PER_PATTERN} tests in one branch; simplify it"
        )
    return {"all": [{"m": {"$and": [{"kind": FACT_KIND}, *tests]}}], "run": name}


class Engine:
    """A compiled norm library, ready to evaluate locations."""

    def __init__(self, library: Library):
        self.library = library
        self._host = _shared_host()
        self._list_fields = {
            n: list(k.members) for n, k in library.field_kinds.items() if k.kind == "list"
        }
        # fail rule name -> the requirement leaves it proves violated
        self._fail_details: dict[str, list[Leaf]] = {}
        prefix = f"opvangtoets{next(_ruleset_numbers)}"
        # Derived facts: one ruleset each, run in dependency order.
        self._derived_rulesets: list[tuple[str, DerivedFact]] = []
        for d in library.derived:
            name = f"{prefix}_derive_{d.name}"
            self._register(name, self._derived_rules(d))
            self._derived_rulesets.append((name, d))
        self._norm_rulesets: list[str] = []
        norms = library.norms
        for start in range(0, len(norms), NORMS_PER_RULESET):
            name = f"{prefix}_norms_{start // NORMS_PER_RULESET}"
            rules: dict[str, dict] = {}
            for index in range(start, min(start + NORMS_PER_RULESET, len(norms))):
                rules.update(self._norm_rules(index))
            self._register(name, rules)
            self._norm_rulesets.append(name)

    # compilation ---------------------------------------------------------------

    def _derived_rules(self, d: DerivedFact) -> dict[str, dict]:
        rules: dict[str, dict] = {}
        if d.when is not None:
            for polarity, negate in (("true", False), ("false", True)):
                for k, conj in enumerate(dnf(d.when, negate)):
                    name = f"d|{d.name}|{polarity}|{k}"
                    rules[name] = _pattern(conj, self._list_fields, name)
        for case_no, case in enumerate(d.cases or []):
            for k, conj in enumerate(dnf(case.when)):
                name = f"d|{d.name}|case{case_no}|{k}"
                rules[name] = _pattern(conj, self._list_fields, name)
        return rules

    def _norm_rules(self, index: int) -> dict[str, dict]:
        norm = self.library.norms[index].norm
        rules: dict[str, dict] = {}
        applies = dnf(norm.applies_when)
        for k, (a, r) in enumerate(itertools.product(applies, dnf(norm.requires))):
            name = f"n{index}|pass|{k}"
            rules[name] = _pattern(a + r, self._list_fields, name)
        for k, (a, r) in enumerate(itertools.product(applies, dnf(norm.requires, True))):
            name = f"n{index}|fail|{k}"
            rules[name] = _pattern(a + r, self._list_fields, name)
            self._fail_details[name] = [leaf for leaf, _ in r]
        for k, conj in enumerate(dnf(norm.applies_when, True)):
            name = f"n{index}|na|{k}"
            rules[name] = _pattern(conj, self._list_fields, name)
        return rules

    def _register(self, name: str, rules: dict[str, dict]) -> None:
        rules = dict(rules)
        rules["warmup"] = {"all": [{"m": {"kind": "warmup"}}], "run": "warmup"}
        try:
            self._host.set_rulesets({name: copy.deepcopy(rules)})
            self._host.assert_fact(name, {"kind": "warmup", "sid": "warmup"})
            self._host.delete_state(name, "warmup")
        except Exception as exc:  # the C engine reports rule errors as bare exceptions
            raise EngineError(f"durable_rules refused ruleset {name}: {exc}") from exc
        self._host.fired.clear()

    # evaluation ----------------------------------------------------------------

    def _run(self, ruleset: str, fact: dict[str, Any]) -> list[str]:
        fired = self._host.fired
        fired.clear()
        try:
            self._host.assert_fact(ruleset, {**fact, "sid": SESSION})
        except durable_engine.MessageNotHandledException:
            pass  # no rule matched: for us, nothing certain about these norms
        except Exception as exc:
            raise EngineError(f"durable_rules failed on ruleset {ruleset}: {exc}") from exc
        finally:
            self._host.delete_state(ruleset, SESSION)
        result = list(fired)
        fired.clear()
        return result

    def _derive(self, fact: dict[str, Any]) -> dict[str, Any]:
        derived: dict[str, Any] = {}
        for ruleset, d in self._derived_rulesets:
            fired = self._run(ruleset, fact)
            value: Any = None
            if d.when is not None:
                if any(f"|{d.name}|true|" in r for r in fired):
                    value = True
                elif any(f"|{d.name}|false|" in r for r in fired):
                    value = False
            else:
                cases = sorted({int(r.split("|")[2][4:]) for r in fired})
                if cases:
                    value = _expression(d.cases[cases[0]].value, fact)
            if value is not None:
                derived[d.name] = value
                fact[d.name] = value
        return derived

    def evaluate(self, location: Location, as_of: dt.date) -> Evaluation:
        fact = location_fact(location, as_of, self.library.field_kinds)
        derived = self._derive(fact)
        fired: set[str] = set()
        for ruleset in self._norm_rulesets:
            fired.update(self._run(ruleset, fact))
        by_norm: dict[int, dict[str, list[str]]] = {}
        for rule in fired:
            index, outcome, _ = rule.split("|")
            by_norm.setdefault(int(index[1:]), {}).setdefault(outcome, []).append(rule)
        results: dict[str, NormResult] = {}
        for index, lib_norm in enumerate(self.library.norms):
            if not lib_norm.in_force(as_of):
                continue
            hits = by_norm.get(index, {})
            if "fail" in hits:
                violated = [
                    leaf for rule in sorted(hits["fail"]) for leaf in self._fail_details[rule]
                ]
                results[lib_norm.id] = NormResult(Outcome.fail, _unique(violated))
            elif "pass" in hits:
                results[lib_norm.id] = NormResult(Outcome.pass_)
            elif "na" in hits:
                results[lib_norm.id] = NormResult(Outcome.not_applicable)
            else:
                results[lib_norm.id] = NormResult(Outcome.unknown)
        return Evaluation(results, derived, fact)


def _unique(leaves_: list[Leaf]) -> list[Leaf]:
    seen: dict[str, Leaf] = {}
    for leaf in leaves_:
        seen.setdefault(leaf.model_dump_json(), leaf)
    return list(seen.values())


def _expression(expr: dict[str, Any], fact: dict[str, Any]) -> float | int | None:
    """A derived number from its data expression (the rule that fired chose the case)."""
    ((op, args),) = expr.items()
    if op == "months_between":
        start, end = (fact.get(month_key_name(a)) for a in args)
        return None if start is None or end is None else months_from_keys(start, end)
    if op == "multiply":
        factors = [fact.get(a) if isinstance(a, str) else a for a in args]
        return None if any(f is None for f in factors) else math.prod(factors)
    if op == "field":
        return fact.get(args)
    raise EngineError(f"unknown expression '{op}' in a derived fact")
