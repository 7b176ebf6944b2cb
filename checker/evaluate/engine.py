"""The adapter to durable_rules: compile the library into rulesets, evaluate locations in batches.

Every derived fact and every norm becomes rules whose names say what they
decide (`n12|fail|0`: norm 12 certainly fails by its first conjunction). A
batch of locations is asserted as facts (one per location, told apart by `_i`,
its position in the batch) into one session of each ruleset; the session state
is deleted afterwards. Derived facts come first, one ruleset per dependency
level, then the norms, split over a few rulesets.

How the three values are decided (identical to `checker.evaluate.plain`):
- *fail* and *not applicable* have rules: the DNF of "applies and not requires"
  and of "not applies". Every test in them only matches a fact that is present,
  so a rule that fires is certain.
- *pass* is inferred where it is certain without a rule: when every fact a norm
  reads is present, its conditions are two-valued, so "neither fail nor not
  applicable" means pass. Where a fact is missing, pass needs a rule: the DNF of
  "applies and requires" AND "that fact is absent" (`$nex`). Nothing fires for
  an unknown norm, so nothing fired and a fact missing means *unknown*.
- a derived fact's *false* is inferred the same way: its "false" rules are only
  the negated condition AND a fact it reads being absent; where every fact its
  condition reads is present and no rule decided it, it is false (a condition with
  a deadline in months keeps every false rule).
- a norm not in force on the as-of date gets no result; its fail and pass rules test
  `as_of_date` so they do not fire at all. Norms with the same applicability share one
  set of not-applicable rules, which do not test it: those results are dropped.
- a norm with a deadline in months of which only days are known
  (`{field: X_days, months: N}`) can be undecided although every fact is
  present, so it always gets pass rules and is *unknown* when none fires.

Why it is driven like this (measured; see shared/DURABLE_RULES.md, "What made
it fast"): the cost is in Python callbacks and JSON round trips, not in the
matching. So the C module `durable_rules_engine` is called directly (no Host,
no Closure, no background threads), each rule has a `cap` so one action hands
back every location it matched in the batch, and `ids` so it names each of them by its id
(its position) instead of writing the whole fact (a setting added to the vendored C module,
see vendor/durable-rules/NOTE.md), and only the fields that norms read are asserted: each
ruleset of norms gets only the keys its own norms read, since the C reader parses every
key of every fact. The audit's lean path (`outcomes_many`) keeps bare outcomes, starting
from "every norm in force passes" and marking only the unknown and the decided ones.

Field notes that shaped this module:
- every pattern is anchored on the fact's position `_i`, or a pattern of only `$nex` hangs;
- every fact carries its position as its `id` too: durable_rules tells facts apart by a
  32-bit hash of their id, and one it makes from the content can collide (see `ID`);
- each ruleset is warmed up once, or `delete_state` can hang;
- at most 31 tests in one `$and`, and not much more than 100 norms per ruleset;
- one session id, state deleted after every batch: distinct ids leak memory.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import os
import string
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

import durable_rules_engine as dre

from checker.evaluate.encoding import engine_json, facts_json
from checker.evaluate.facts import month_key, months_from_keys
from checker.i18n import stored
from checker.library import cache as library_cache
from checker.library.conditions import (
    Conjunction,
    Leaf,
    Op,
    dnf,
    effective,
    leaves,
    list_member_name,
    literal_pattern,
    month_key_name,
)
from checker.library.loader import AS_OF_FIELD, Library, LibraryNorm
from checker.library.model import DerivedFact, Outcome
from checker.location.model import EXPANDED_FROM, Location, expanded_facts

NORMS_PER_RULESET = 45  # callgrind: 45 fewest instructions of 20, 30, 40, 45, 60, 70, 100
MAX_TESTS_PER_PATTERN = 30
# Locations asserted into one session; the vendored engine's pool holds 255 facts before it
# grows (vendor/durable-rules/NOTE.md), so a batch never makes it copy itself.
BATCH = 250
SESSION = "0"  # the session of a fact without `sid`: the fact need not carry one
INDEX = "_i"
# A fact's identity in its session. Without one, durable_rules makes an id from the fact's
# content and tells facts apart by the 32-bit FNV-1a hash of that id alone: two facts of a
# batch whose hashes collide (about 2% of audits of 100,000 locations) kept only the first,
# so no rule fired for the second and its norms came out as an inferred pass. The position
# is the id: the hashes of "0" to "249" are distinct (tests/test_engine_batch.py).
ID = "id"
# An action of a rule with `ids` (see `_rule`, whose one pattern is "m"), around the rule's
# name and the ids of the facts it matched: {"<name>":[{"m":"<id>"},{"m":"<id>"}]}
_BEFORE_IDS, _BETWEEN_IDS, _AFTER_IDS = '":[{"m":"', '"},{"m":"', '"}]}'
# Positions are read back as the digits of `_i` and looked up by that text: converting every
# matched position to an int cost more than one dict of the batch's positions.
_POSITIONS = tuple(str(i) for i in range(BATCH))
# Fact keys as aliases of one to three characters (see `alias_of`).
_ALIAS_FIRST = string.ascii_uppercase
_ALIAS_NEXT = string.ascii_uppercase + string.digits
_ruleset_numbers = itertools.count(1)
# durable_rules result codes of an assert (see durable/engine.py: Ruleset._handle_result)
_OBSERVED = 2


class EngineError(RuntimeError):
    """The rules engine refused a rule or a fact: a bug or a norm the engine cannot hold."""


@dataclass
class NormResult:
    """One norm's outcome for one location, with the tests that failed."""

    outcome: Outcome
    violated: list[Leaf] = field(default_factory=list)


# Results without detail are shared by every location: they are never mutated.
_PASS = NormResult(Outcome.pass_)
_NA = NormResult(Outcome.not_applicable)
_UNKNOWN = NormResult(Outcome.unknown)
_LEAN = {"fail": Outcome.fail, "pass": Outcome.pass_}


@dataclass
class Evaluation:
    """What the engine found for one location: results, derived facts, the fact it saw."""

    results: dict[str, NormResult]  # by norm id, for norms in force
    derived: dict[str, Any]
    fact: dict[str, Any]


def leaf_keys(leaf: Leaf, list_fields: dict[str, list[str]]) -> list[str]:
    """The fact keys the pattern of a leaf reads (see `conditions.literal_pattern`)."""
    if leaf.months_between:
        return [month_key_name(f) for f in leaf.months_between]
    if leaf.field in list_fields:
        if leaf.op in (Op.present, Op.absent):
            return [list_member_name(leaf.subject(), list_fields[leaf.subject()][0])]
        return [list_member_name(leaf.subject(), leaf.value)]
    return [leaf.subject()]


def _tests(conj: Conjunction, list_fields: dict[str, list[str]], name: str) -> list[dict]:
    tests = [literal_pattern(lit, list_fields) for lit in conj]
    if len(tests) > MAX_TESTS_PER_PATTERN - 3:
        raise EngineError(
            f"{name}: a condition expands to more than "
            f"{MAX_TESTS_PER_PATTERN - 3} tests in one branch; simplify it"
        )
    return tests


def _rule(tests: list[dict]) -> dict:
    # anchored on the position, which every location fact has and the session state has not
    # `ids`: the action names each matched fact by its id alone (see `_fired`)
    return {"all": [{"m": {"$and": [{"$ex": {INDEX: 1}}, *tests]}}], "cap": BATCH, "ids": 1}


@dataclass
class _Ruleset:
    name: str  # until it is created: the end of its name (see `_create`)
    handle: int = 0
    rules: str = ""  # its rules as the engine's JSON, until it is created


def _code() -> list[bytes]:
    """The engine's own code, part of the key of a kept translation (the library's key holds
    the code that reads and checks the library)."""
    folder = Path(__file__).parent
    names = sorted(n for n in os.listdir(folder) if n.endswith(".py"))  # no glob: it costs ms
    return [n.encode() + b"\0" + (folder / n).read_bytes() for n in names]


class Engine:
    """A compiled norm library, ready to evaluate locations (one or a batch at a time)."""

    def __init__(self, library: Library):
        self.library = library
        # The translation into rules costs a cold start more than the engine's own compiling:
        # a library with a cache key (read from or written to the cache) has its translation
        # kept beside it, under that key and this module's code.
        made_from = library_cache.made_from(library)
        if made_from is None:
            self._translate(library)
        else:
            key = stored.key_of("engine", made_from, *_code())
            translated = stored.kept(
                f"engine-{key[:32]}.pickle", key, lambda: self._translate(library)
            )
            self.__dict__.update(translated)
        prefix = f"opvangtoets{next(_ruleset_numbers)}"
        for ruleset in self._rulesets:
            self._create(ruleset, prefix)
        # (derived fact, case number) -> its value from a location's fact
        self._case_values = {
            (d.name, case_no): _expression(case.value, lambda n: self._alias.get(n, ""))
            for d in library.derived
            for case_no, case in enumerate(d.cases or [])
        }

    # compilation ---------------------------------------------------------------

    def _translate(self, library: Library) -> dict[str, Any]:
        """Translate the library into rulesets (not yet created) and the tables that read
        their results; what it sets on the engine, returned to be kept."""
        self._rulesets: list[_Ruleset] = []
        self._list_fields = {
            n: list(k.members) for n, k in library.field_kinds.items() if k.kind == "list"
        }
        # Fact keys go to the engine as short aliases ("A", "B7"): the C reader hashes every
        # character of every key it parses, so short keys are less text to make and read.
        self._alias: dict[str, str] = {}
        # rule name -> what it decides: ("fail", norm index, violated leaves) | ("na", i) |
        # ("pass", i) | ("true"/"false", derived) | ("case", derived, case number)
        self._actions: dict[str, tuple] = {}
        self._norm_keys: list[set[str]] = []  # per norm: the fact keys it reads
        used_keys: set[str] = set()
        # per dependency level: its ruleset and the fact keys it reads (what each rule decides,
        # and for which derived fact, is in `_actions`)
        self._derived_levels: list[tuple[_Ruleset, tuple[str, ...]]] = []
        # and per level: the derived facts that are false where no rule decided them and every
        # fact key their condition reads (by alias) is present
        self._derived_false: list[list[tuple[str, frozenset[str]]]] = []
        for level, members in enumerate(self._levels(library.derived)):
            rules: dict[str, dict] = {}
            level_keys: set[str] = set()
            false_when_present: list[tuple[str, frozenset[str]]] = []
            for d in members:
                rules.update(self._derived_rules(d, level_keys, false_when_present))
            used_keys |= level_keys
            ruleset = self._register(f"derive_{level}", rules)
            self._derived_levels.append((ruleset, _asserted(self._key(k) for k in level_keys)))
            self._derived_false.append(false_when_present)
        norms = library.norms
        self._gapped = {index for index, n in enumerate(norms) if any(x.months for x in _leaves(n))}
        for lib_norm in norms:
            keys = {k for leaf in _leaves(lib_norm) for k in leaf_keys(leaf, self._list_fields)}
            self._norm_keys.append(keys)
            used_keys |= keys
        # per ruleset of norms: the ruleset and the fact keys its norms read (by alias); the
        # engine parses every key it is given, so each ruleset gets only its keys
        self._norm_rulesets: list[tuple[_Ruleset, tuple[str, ...]]] = []
        # Norms with the same applicability share its "not applicable" rules (15 conditions
        # for 135 norms): one fired rule then stands for all of them.
        classes: dict[str, list[int]] = {}
        for index, lib_norm in enumerate(norms):
            classes.setdefault(repr(lib_norm.norm.applies_when), []).append(index)
        for number, group in enumerate(_groups(self._norm_keys, NORMS_PER_RULESET)):
            rules = {}
            ruleset_keys = {AS_OF_FIELD, month_key_name(AS_OF_FIELD)}
            for index in group:
                rules.update(self._norm_rules(index))
                ruleset_keys |= self._norm_keys[index]  # its applicability's keys among them
                sharing = classes.pop(repr(norms[index].norm.applies_when), None)
                if sharing:
                    rules.update(self._not_applicable_rules(sharing))
            name = f"norms_{number}"
            aliases = _asserted(self._key(k) for k in ruleset_keys)
            self._norm_rulesets.append((self._register(name, rules), aliases))
        # which norms may be unknown when a key is missing (by alias)
        self._norms_by_key: dict[str, list[int]] = {}
        for index, keys in enumerate(self._norm_keys):
            for key in keys:
                self._norms_by_key.setdefault(self._key(key), []).append(index)
        plan = self._fact_plan(used_keys)
        self._plan_expands = any(name in EXPANDED_FROM for name, _, _ in plan)
        # the plan by how a value is encoded, so `_fact` does not branch per field
        self._plan_values = [(name, key) for name, how, key in plan if how == "value"]
        self._plan_enums = [(name, key) for name, how, key in plan if how == "enum"]
        self._plan_dates = [(name, *key) for name, how, key in plan if how == "date"]
        self._plan_lists = [(name, key) for name, how, key in plan if how == "list"]
        for d in library.derived:  # a derived fact no norm reads still goes into the fact
            self._key(d.name)
        self._readable = {alias: name for name, alias in self._alias.items()}
        self._as_of_keys = (self._key(AS_OF_FIELD), self._key(month_key_name(AS_OF_FIELD)))
        return {name: value for name, value in vars(self).items() if name != "library"}

    def _key(self, name: str) -> str:
        alias = self._alias.get(name)
        if alias is None:
            alias = self._alias[name] = alias_of(len(self._alias))
        return alias

    def _aliased(self, pattern: Any) -> Any:
        """A pattern with its fact keys replaced by their aliases (operators and values kept)."""
        if isinstance(pattern, list):
            return [self._aliased(p) for p in pattern]
        if not isinstance(pattern, dict):
            return pattern
        out = {}
        for key, value in pattern.items():
            if key == "$m":
                out[key] = self._key(value)
            elif key.startswith("$") or key in ("all", "m", "cap", "ids", "kind", INDEX):
                out[key] = self._aliased(value)
            else:
                out[self._key(key)] = self._aliased(value)
        return out

    @staticmethod
    def _levels(derived: list[DerivedFact]) -> list[list[DerivedFact]]:
        """Derived facts by dependency level: level 0 reads only location fields."""
        names = {d.name for d in derived}
        level: dict[str, int] = {}
        for d in derived:  # the library orders them so inputs come first
            conds = [d.when] if d.when else [c.when for c in d.cases or []]
            reads = {name for c in conds for leaf in leaves(c) for name in leaf.fields}
            for case in d.cases or []:
                reads |= set(_expression_fields(case.value))
            level[d.name] = 1 + max((level[r] for r in reads & names), default=-1)
        by_level: dict[int, list[DerivedFact]] = {}
        for d in derived:
            by_level.setdefault(level[d.name], []).append(d)
        return [by_level[k] for k in sorted(by_level)]

    def _derived_rules(
        self, d: DerivedFact, used_keys: set[str], false_when_present: list
    ) -> dict[str, dict]:
        """The rules deciding `d`; the keys they read go into `used_keys`, and `d` with the
        keys whose presence makes it false when no rule fired into `false_when_present`."""
        rules: dict[str, dict] = {}
        lists = self._list_fields
        conds = []
        if d.when is not None:
            conds.append(d.when)
            for k, conj in enumerate(dnf(d.when)):
                name = f"d|{d.name}|true|{k}"
                rules[name] = _rule(_tests(conj, lists, name))
                self._actions[name] = ("true", d)
            # "false" is inferred as a norm's pass is: certain when every fact `when` reads is
            # present (see `_derive`), so its rules only cover a missing fact
            when_leaves = leaves(d.when)
            keys = {k for leaf in when_leaves for k in leaf_keys(leaf, lists)}
            inferred = not any(leaf.months for leaf in when_leaves)
            for k, conj in enumerate(dnf(d.when, True)):
                tests = _tests(conj, lists, f"d|{d.name}|false|{k}")
                if not inferred:
                    name = f"d|{d.name}|false|{k}"
                    rules[name] = _rule(tests)
                    self._actions[name] = ("false", d)
                    continue
                present = {
                    key
                    for lit in conj
                    if effective(lit).op != Op.absent
                    for key in leaf_keys(lit[0], lists)
                }
                for key in sorted(keys - present):
                    name = f"d|{d.name}|false|{k}|{key}"
                    rules[name] = _rule([*tests, {"$nex": {key: 1}}])
                    self._actions[name] = ("false", d)
            if inferred:
                false_when_present.append((d.name, frozenset(self._key(k) for k in keys)))
        for case_no, case in enumerate(d.cases or []):
            conds.append(case.when)
            for k, conj in enumerate(dnf(case.when)):
                name = f"d|{d.name}|case{case_no}|{k}"
                rules[name] = _rule(_tests(conj, lists, name))
                self._actions[name] = ("case", d, case_no)
            for expr_field in _expression_fields(case.value):
                used_keys.add(expr_field)
                used_keys.add(month_key_name(expr_field))
        for cond in conds:
            used_keys.update(k for leaf in leaves(cond) for k in leaf_keys(leaf, lists))
        return rules

    def _in_force_tests(self, index: int) -> list[dict]:
        lib_norm = self.library.norms[index]
        tests = []
        if lib_norm.valid_from:
            tests.append({"$gte": {AS_OF_FIELD: lib_norm.valid_from.toordinal()}})
        if lib_norm.valid_until:
            tests.append({"$lte": {AS_OF_FIELD: lib_norm.valid_until.toordinal()}})
        return tests

    def _norm_rules(self, index: int) -> dict[str, dict]:
        norm = self.library.norms[index].norm
        lists = self._list_fields
        in_force = self._in_force_tests(index)
        rules: dict[str, dict] = {}
        applies = dnf(norm.applies_when)
        for k, (a, r) in enumerate(itertools.product(applies, dnf(norm.requires, True))):
            name = f"n{index}|fail|{k}"
            rules[name] = _rule(_tests(a + r, lists, name) + in_force)
            self._actions[name] = ("fail", index, [leaf for leaf, _ in r])
        # pass only needs a rule when one of the norm's facts is missing (see the docstring)
        keys = self._norm_keys[index]
        for k, (a, r) in enumerate(itertools.product(applies, dnf(norm.requires))):
            conj = a + r
            present = {
                key
                for lit in conj
                if effective(lit).op != Op.absent
                for key in leaf_keys(lit[0], lists)
            }
            tests = _tests(conj, lists, f"n{index}|pass|{k}") + in_force
            if index in self._gapped:
                name = f"n{index}|pass|{k}"
                rules[name] = _rule(tests)
                self._actions[name] = ("pass", index)
                continue
            for key in sorted(keys - present):
                name = f"n{index}|pass|{k}|{key}"
                rules[name] = _rule([*tests, {"$nex": {key: 1}}])
                self._actions[name] = ("pass", index)
        return rules

    def _not_applicable_rules(self, members: list[int]) -> dict[str, dict]:
        """The rules that decide "not applicable" for norms of one applicability (`members`,
        by index). They do not test the dates in force: a norm not in force gets no result."""
        first = members[0]
        rules: dict[str, dict] = {}
        for k, conj in enumerate(dnf(self.library.norms[first].norm.applies_when, True)):
            name = f"n{first}|na|{k}"
            rules[name] = _rule(_tests(conj, self._list_fields, name))
            self._actions[name] = ("na", tuple(members))
        return rules

    def _register(self, name: str, rules: dict[str, dict]) -> _Ruleset:
        rules = {
            **{rule: self._aliased(body) for rule, body in rules.items()},
            "warmup": {"all": [{"m": {"kind": "warmup"}}]},
        }
        ruleset = _Ruleset(name, rules=engine_json(rules))
        self._rulesets.append(ruleset)
        return ruleset

    def _create(self, ruleset: _Ruleset, prefix: str) -> None:
        """Create a translated ruleset in durable_rules, named apart from every other engine's
        in this process."""
        ruleset.name = f"{prefix}_{ruleset.name}"
        try:
            ruleset.handle = dre.create_ruleset(ruleset.name, ruleset.rules)
            self._drain(ruleset, engine_json([{"kind": "warmup", "sid": SESSION}]))
        except Exception as exc:  # the C engine reports rule errors as bare exceptions
            rules = self._sources(json.loads(ruleset.rules))
            raise EngineError(f"durable_rules refused the rules of {rules}: {exc}") from exc
        ruleset.rules = ""

    def _sources(self, rules: dict[str, dict]) -> str:
        """Where the rules of a ruleset come from: `file:line (norm id)` or derived fact names,
        so a refusal can be traced to what the norm author wrote."""
        found: dict[str, None] = {}
        for rule in rules:
            kind, _, rest = rule.partition("|")
            if kind.startswith("n") and kind[1:].isdigit():
                n = self.library.norms[int(kind[1:])]
                found.setdefault(f"{n.path}:{n.line} ({n.id})" if n.line else f"{n.path} ({n.id})")
            elif kind == "d":
                found.setdefault(f"derived fact {rest.partition('|')[0]}")
        return ", ".join(found) or "the warm-up rule"

    def _fact_plan(self, used_keys: set[str]) -> list[tuple[str, str, Any]]:
        """The location fields to put into a fact: (field, how, alias(es)), only those read."""
        plan: list[tuple[str, str, Any]] = []
        for name, kind in self.library.field_kinds.items():
            if name == AS_OF_FIELD or name not in Location.model_fields | EXPANDED_FROM:
                continue
            if kind.kind == "list":
                members = [
                    (m, self._key(list_member_name(name, m)))
                    for m in kind.members
                    if list_member_name(name, m) in used_keys
                ]
                if members:
                    plan.append((name, "list", members))
            elif kind.kind == "date":
                if name in used_keys or month_key_name(name) in used_keys:
                    plan.append((name, "date", (self._key(name), self._key(month_key_name(name)))))
            elif name in used_keys:
                plan.append((name, "enum" if kind.kind == "enum" else "value", self._key(name)))
        return plan

    # evaluation ----------------------------------------------------------------

    @staticmethod
    def _drain(ruleset: _Ruleset, facts_json: str) -> list[str]:
        """Assert a batch of facts, collect every action message, forget the session."""
        handle = ruleset.handle
        messages: list[str] = []
        try:
            code, state = dre.assert_facts(handle, facts_json)
            if code == _OBSERVED:
                raise EngineError(f"durable_rules saw a fact twice in ruleset {ruleset.name}")
            started = dre.start_action_for_state(handle, state)
            if started:
                message = started[1]
                while message:
                    messages.append(message)
                    message = dre.complete_and_start_action(handle, state)
        except EngineError:
            raise
        except Exception as exc:
            raise EngineError(f"durable_rules failed on ruleset {ruleset.name}: {exc}") from exc
        finally:
            dre.delete_state(handle, SESSION)
        return messages

    def _fired(self, ruleset: _Ruleset, facts_json: str) -> list[tuple[tuple, list[str]]]:
        """What each rule that fired decides, and for which facts (by position, as the text
        of its number: see `_POSITIONS`).

        With `ids` an action names each matched fact by its id, which is its position: the
        positions are the text between the rule's name and the end, split at what comes
        between two ids (rule names and ids are ours and hold no quote)."""
        actions = self._actions
        start, end = len(_BEFORE_IDS), -len(_AFTER_IDS)
        fired = []
        for message in self._drain(ruleset, facts_json):
            name_end = message.index('"', 2)
            ids = message[name_end + start : end].split(_BETWEEN_IDS)
            fired.append((actions[message[2:name_end]], ids))
        return fired

    @staticmethod
    def _trimmed(facts: list[dict], keys: tuple[str, ...]) -> str:
        """The facts as the engine's JSON with only `keys` (see `_asserted`)."""
        return facts_json([{k: f[k] for k in keys if k in f} for f in facts])

    def _fact(self, location: Location, day: int, day_key: int, position: int) -> dict[str, Any]:
        """The engine fact of one location: its position in the batch, then aliased keys, only
        what is known and read."""
        values = location.__dict__  # pydantic keeps a model's field values here
        if self._plan_expands:
            values = {**values, **dict.fromkeys(EXPANDED_FROM), **expanded_facts(location)}
        fact = {key: v for name, key in self._plan_values if (v := values[name]) is not None}
        fact[INDEX] = fact[ID] = position
        for name, key in self._plan_enums:
            value = values[name]
            if value is not None:
                fact[key] = value.value
        for name, day_alias, month_alias in self._plan_dates:
            value = values[name]
            if value is not None:
                fact[day_alias] = value.toordinal()
                fact[month_alias] = month_key(value)
        for name, members in self._plan_lists:
            value = values[name]
            if value is not None:
                given = {v.value if isinstance(v, Enum) else v for v in value}
                for member, member_key in members:
                    fact[member_key] = member in given
        as_of_key, as_of_month_key = self._as_of_keys
        fact[as_of_key] = day
        fact[as_of_month_key] = day_key
        return fact

    def _derive(self, facts: list[dict]) -> list[dict[str, Any]]:
        """Derived facts per location (readable names); added to `facts` under their alias."""
        derived: list[dict[str, Any]] = [{} for _ in facts]
        derived_at = dict(zip(_POSITIONS, derived, strict=False))  # a batch may be short
        levels = zip(self._derived_levels, self._derived_false, strict=True)
        for (ruleset, keys), inferred in levels:
            # a level reads few keys: assert only those
            cases: dict[tuple[str, str], int] = {}  # (position, name) -> first case that holds
            for action, positions in self._fired(ruleset, self._trimmed(facts, keys)):
                kind, name = action[0], action[1].name
                if kind == "case":
                    case_no = action[2]
                    for i in positions:
                        prior = cases.get((i, name))
                        if prior is None or case_no < prior:
                            cases[i, name] = case_no
                else:
                    value = kind == "true"
                    for i in positions:
                        derived_at[i][name] = value
            for fact, found in zip(facts, derived, strict=True):
                for name, reads in inferred:
                    if name not in found and fact.keys() >= reads:
                        found[name] = False
            values = self._case_values
            for (i, name), case_no in cases.items():
                value = values[name, case_no](facts[int(i)])
                if value is not None:
                    derived_at[i][name] = value
            alias = self._alias
            for fact, found in zip(facts, derived, strict=True):
                for name, value in found.items():
                    fact[alias[name]] = value
        return derived

    def evaluate(self, location: Location, as_of: dt.date) -> Evaluation:
        """Every norm's result for one location on `as_of`."""
        return self.evaluate_many([location], as_of)[0]

    def evaluate_many(self, locations: Sequence[Location], as_of: dt.date) -> list[Evaluation]:
        """Evaluate locations on one as-of date; results in the order of `locations`."""
        out: list[Evaluation] = []
        for start in range(0, len(locations), BATCH):
            facts, derived, decided = self._decide(locations[start : start + BATCH], as_of)
            for fact, values, mine in zip(facts, derived, decided, strict=True):
                results = {}
                for norm_id, result in mine.items():
                    if result.outcome == Outcome.fail and len(result.violated) > 1:
                        result = NormResult(Outcome.fail, _unique(result.violated))
                    results[norm_id] = result
                readable = {self._readable[k]: v for k, v in fact.items() if k in self._readable}
                out.append(Evaluation(results, values, readable))
        return out

    def outcomes_many(
        self, locations: Sequence[Location], as_of: dt.date
    ) -> list[dict[str, Outcome]]:
        """Only the outcome of each norm in force, by norm id (the lean path of an audit)."""
        out: list[dict[str, Outcome]] = []
        for start in range(0, len(locations), BATCH):
            _, _, decided = self._decide(locations[start : start + BATCH], as_of, lean=True)
            out += decided
        return out

    def _decide(
        self, locations: Sequence[Location], as_of: dt.date, lean: bool = False
    ) -> tuple[list[dict], list[dict], list[dict]]:
        """One batch through the rulesets: facts, derived facts, results by norm id (only
        outcomes when `lean`, else `NormResult`s with the failed tests)."""
        day, day_key = as_of.toordinal(), month_key(as_of)
        facts = [self._fact(loc, day, day_key, i) for i, loc in enumerate(locations)]
        derived = self._derive(facts)
        ids = {index: n.id for index, n in enumerate(self.library.norms) if n.in_force(as_of)}
        passed, unknown = (Outcome.pass_, Outcome.unknown) if lean else (_PASS, _UNKNOWN)
        # every norm in force passes unless a rule decides it, or a fact it reads is missing
        base = {norm_id: passed for norm_id in ids.values()}
        for index in self._gapped:
            if index in ids:
                base[ids[index]] = unknown
        # per key a norm in force reads: those norms as unknown, merged in one call when the key
        # is missing (only these keys are looked for)
        unknown_by_key = {
            key: dict.fromkeys(in_force, unknown)
            for key, indices in self._norms_by_key.items()
            if (in_force := [ids[index] for index in indices if index in ids])
        }
        watched = frozenset(unknown_by_key)
        results: list[dict[str, Any]] = []
        for fact in facts:
            by_id = base.copy()
            for key in watched.difference(fact):
                by_id.update(unknown_by_key[key])
            results.append(by_id)
        results_at = dict(zip(_POSITIONS, results, strict=False))
        for ruleset, keys in self._norm_rulesets:
            for action, positions in self._fired(ruleset, self._trimmed(facts, keys)):
                kind = action[0]
                if kind == "na":
                    na = Outcome.not_applicable if lean else _NA
                    for norm_id in [ids[j] for j in action[1] if j in ids]:
                        for i in positions:
                            results_at[i][norm_id] = na
                    continue
                decided_id = ids.get(action[1])
                if decided_id is None:  # not in force on this day
                    continue
                norm_id = decided_id
                if lean:
                    outcome = _LEAN[kind]
                    for i in positions:
                        results_at[i][norm_id] = outcome
                elif kind == "fail":
                    for i in positions:
                        prior = results_at[i][norm_id]
                        violated = action[2]
                        if prior.outcome == Outcome.fail:  # another of its fail rules fired
                            violated = prior.violated + violated
                        results_at[i][norm_id] = NormResult(Outcome.fail, violated)
                else:
                    for i in positions:
                        results_at[i][norm_id] = _PASS
        return facts, derived, results


def alias_of(number: int) -> str:
    """The fact key alias with this number: "A" to "Z", then "AA" to "Z9", then three
    characters. An upper-case first letter keeps every alias apart from durable_rules' own
    keys (`id`, `sid`, operators with `$`) and from the position `_i`."""
    length, block = 1, len(_ALIAS_FIRST)
    while number >= block:
        number -= block
        length += 1
        block *= len(_ALIAS_NEXT)
    rest = ""
    for _ in range(length - 1):
        number, digit = divmod(number, len(_ALIAS_NEXT))
        rest = _ALIAS_NEXT[digit] + rest
    return _ALIAS_FIRST[number] + rest


def _asserted(keys: Iterable[str]) -> tuple[str, ...]:
    """The keys a ruleset is given: the position every rule is anchored on, the fact's id (`ID`,
    which the actions hand back), then the keys its rules read."""
    return (INDEX, ID, *sorted(keys))


def _groups(norm_keys: list[set[str]], size: int) -> list[list[int]]:
    """Norms in groups of at most `size` that read few keys in all: each group's ruleset gets
    only the keys its norms read, and the engine parses every key of every fact. Greedy:
    a group starts with the norm reading the most keys left and takes the norm that adds the
    fewest new keys (ties: the most shared keys, then the library's order)."""
    left = list(range(len(norm_keys)))
    groups = []
    while left:
        first = max(left, key=lambda i: (len(norm_keys[i]), -i))
        left.remove(first)
        group, keys = [first], set(norm_keys[first])
        while left and len(group) < size:
            best = min(left, key=lambda i: (len(norm_keys[i] - keys), -len(norm_keys[i] & keys), i))
            left.remove(best)
            group.append(best)
            keys |= norm_keys[best]
        groups.append(sorted(group))
    return groups


def _leaves(lib_norm: LibraryNorm) -> list[Leaf]:
    return leaves(lib_norm.norm.applies_when) + leaves(lib_norm.norm.requires)


def _expression_fields(expr: dict[str, Any]) -> list[str]:
    ((op, args),) = expr.items()
    if op == "field":
        return [args]
    return [a for a in args if isinstance(a, str)]


def _unique(leaves_: list[Leaf]) -> list[Leaf]:
    """Each leaf once (two fail rules of one norm can name the same requirement)."""
    seen: dict[tuple, Leaf] = {}
    for leaf in leaves_:
        key = (
            leaf.field,
            tuple(leaf.months_between or ()),
            leaf.op,
            repr(leaf.value),
            leaf.months,
            leaf.note and leaf.note.en,
        )
        seen.setdefault(key, leaf)
    return list(seen.values())


def _expression(
    expr: dict[str, Any], key: Callable[[str], str]
) -> Callable[[dict[str, Any]], float | int | None]:
    """A derived number from its data expression, as a function of the engine fact (`key`
    gives a name's fact key); the rule that fired chose the case."""
    ((op, args),) = expr.items()
    if op == "months_between":
        start, end = (key(month_key_name(a)) for a in args)

        def value(fact: dict[str, Any]) -> float | int | None:
            first, last = fact.get(start), fact.get(end)
            return None if first is None or last is None else months_from_keys(first, last)

    elif op == "multiply":
        factors = [(key(a), None) if isinstance(a, str) else (None, a) for a in args]

        def value(fact: dict[str, Any]) -> float | int | None:
            got = [c if k is None else fact.get(k) for k, c in factors]
            return None if any(f is None for f in got) else math.prod(got)  # type: ignore[arg-type]

    elif op == "ratio":
        top, bottom = (key(a) for a in args)

        def value(fact: dict[str, Any]) -> float | int | None:
            over, under = fact.get(top), fact.get(bottom)
            return None if over is None or not under else round(over / under, 2)

    elif op == "field":
        name = key(args)

        def value(fact: dict[str, Any]) -> float | int | None:
            return fact.get(name)

    else:

        def value(fact: dict[str, Any]) -> float | int | None:
            raise EngineError(f"unknown expression '{op}' in a derived fact")

    return value
