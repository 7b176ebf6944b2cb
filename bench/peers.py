"""The engine path against peer engines on the same norms and locations, in one run.

    pip install -e '.[bench]'          # zen-engine and clipspy; a peer not installed is skipped
    python bench/peers.py              # 10,000 locations, 3 rounds of 3 passes
    python bench/peers.py --locations 2000 --rounds 1 --passes 3   # a first look

The norms in force on one day and the seeded synthetic locations of `bench/speed.py` go
through, each evaluator in a fresh process per round:

- engine: `Engine.outcomes_many` on the locations (derivation included), as the audit calls it;
- plain: `checker.evaluate.plain.evaluate` on the locations (derivation included);
- zen: GoRules zen-engine, one compiled ZEN expression (`map` over a chunk, one ternary per
  norm) evaluated on 1,000 locations at a time;
- clips: CLIPS through clipspy, one template, three rules per norm (not applicable, pass,
  fail; unknown where none fires), the facts of 1,000 locations loaded and run at a time;
- floor: `bench/floor.py`, the norms compiled to one Python function.

The peers get pre-derived dicts, as the issue's table does: zen and CLIPS the engine's own
encoded facts (aliased keys, day numbers, month keys, one true/false per list member) with
the derived facts added, made by the engine's code; the floor the plain evaluator's values.
Making them is timed separately and printed beside the peers. The peers' conditions are
generated from the same compiled literals as the engine's rules (`literal_pattern`): a
condition is certainly true or certainly false, else unknown, which is the plain evaluator's
Kleene logic. Every evaluator's outcome table is compared cell by cell with the plain
evaluator's; one that differs is reported as disagreeing, and its time is not a comparison.
Each figure is the median of the passes in one process; ratios are taken within a round and
the median of the rounds is shown.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from speed import AS_OF, _locations  # noqa: E402  (the same seeded locations as the table)

EVALUATORS = ["engine", "plain", "zen", "clips", "floor"]
PEER_MODULES = {"zen": "zen", "clips": "clips"}
CHUNK = 1000  # locations per peer call
CODE = {"pass": "p", "fail": "f", "not_applicable": "n", "unknown": "u"}


# the conditions as expressions over the engine's encoded facts ---------------------------


def _pattern_terms(pattern: dict) -> list[tuple[str, str, object]]:
    """A literal's durable_rules pattern as (operator, key, value) tests that all hold."""
    ((op, body),) = pattern.items()
    if op == "$and":
        return [t for part in body for t in _pattern_terms(part)]
    if not op.startswith("$"):
        return [("eq", op, body)]
    ((key, value),) = body.items()
    if isinstance(value, dict):  # {"$add": {"$l": {"$m": start}, "$r": days}}
        add = value["$add"]
        value = ("add", add["$l"]["$m"], add["$r"])
    return [(op[1:], key, value)]


class _Conditions:
    """Certainly-true and certainly-false forms of each condition, written by `literal`."""

    def __init__(self, engine, literal, all_of, any_of, true, false):
        from checker.library.conditions import AllOf, AnyOf, NotOf, dnf, literal_pattern

        self.engine, self.literal = engine, literal
        self.all_of, self.any_of, self.true, self.false = all_of, any_of, true, false
        self._dnf, self._pattern = dnf, literal_pattern
        self._kinds = (AllOf, AnyOf, NotOf)
        self.keys: set[str] = set()

    def _leaf(self, leaf, negate: bool) -> str:
        # dnf of one leaf only expands `in` / `not_in` into equalities
        branches = []
        for conj in self._dnf(leaf, negate):
            terms = []
            for lit in conj:
                pattern = self.engine._aliased(self._pattern(lit, self.engine._list_fields))
                for op, key, value in _pattern_terms(pattern):
                    self.keys.add(key)
                    if isinstance(value, tuple):
                        self.keys.add(value[1])
                    terms.append(self.literal(op, key, value))
            branches.append(self.all_of(terms) if terms else self.true)
        return self.any_of(branches) if branches else self.false

    def form(self, cond, negate: bool = False) -> str:
        """The expression that holds when `cond` is certainly true (certainly false: `negate`)."""
        all_kind, any_kind, not_kind = self._kinds
        if cond is None:
            return self.false if negate else self.true
        if isinstance(cond, not_kind):
            return self.form(cond.not_, not negate)
        if isinstance(cond, all_kind | any_kind):
            parts = [
                self.form(c, negate) for c in (cond.all if isinstance(cond, all_kind) else cond.any)
            ]
            conjunctive = isinstance(cond, all_kind) != negate
            return self.all_of(parts) if conjunctive else self.any_of(parts)
        return self._leaf(cond, negate)


def _zen_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    return repr(value)


def _zen_literal(op: str, key: str, value) -> str:
    if op == "ex":
        return f"#.{key} != null"
    if op == "nex":
        return f"#.{key} == null"
    if isinstance(value, tuple):
        _, start, days = value
        value = f"(#.{start} + {days})"
    else:
        value = _zen_value(value)
    symbol = {"eq": "==", "neq": "!=", "lt": "<", "lte": "<=", "gt": ">", "gte": ">="}[op]
    return f"(#.{key} != null and #.{key} {symbol} {value})"


def _clips_value(value) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, str):
        return json.dumps(value)
    return repr(value)


def _clips_literal(op: str, key: str, value) -> str:
    if op == "ex":
        return f"(neq ?{key} nil)"
    if op == "nex":
        return f"(eq ?{key} nil)"
    symbol = {"eq": "=", "neq": "<>", "lt": "<", "lte": "<=", "gt": ">", "gte": ">="}[op]
    if isinstance(value, tuple):
        _, start, days = value
        return f"(and (neq ?{start} nil) (neq ?{key} nil) ({symbol} ?{key} (+ ?{start} {days})))"
    if isinstance(value, bool | str):
        test = "eq" if op == "eq" else "neq"
        return f"(and (neq ?{key} nil) ({test} ?{key} {_clips_value(value)}))"
    return f"(and (neq ?{key} nil) (numberp ?{key}) ({symbol} ?{key} {value!r}))"


def _lisp(word: str, empty: str):
    return lambda parts: (
        empty if not parts else parts[0] if len(parts) == 1 else f"({word} {' '.join(parts)})"
    )


def _infix(word: str, empty: str):
    return lambda parts: empty if not parts else f" {word} ".join(f"({p})" for p in parts)


# the evaluators, each in its own process ------------------------------------------------


def _setup(n: int):
    from checker.library.loader import load_library

    library = load_library()
    as_of = dt.date.fromisoformat(AS_OF)
    in_force = [lib_norm for lib_norm in library.norms if lib_norm.in_force(as_of)]
    return library, as_of, in_force, _locations(n)


def _engine_facts(engine, locations, as_of) -> tuple[list[dict], float]:
    """The engine's encoded facts with the derived facts added, and µs per location to make them."""
    from checker.evaluate.facts import month_key

    start = time.perf_counter()
    day, day_key = as_of.toordinal(), month_key(as_of)
    facts = []
    for begin in range(0, len(locations), 250):
        chunk = locations[begin : begin + 250]
        batch = [engine._fact(loc, day, day_key, i) for i, loc in enumerate(chunk)]
        engine._derive(batch)
        for fact in batch:  # the position is the engine's, not a fact of the location
            del fact["_i"]
        facts += batch
    return facts, (time.perf_counter() - start) / len(locations) * 1e6


def _zen_run(engine, in_force, facts):
    import zen

    conditions = _Conditions(
        engine, _zen_literal, _infix("and", "true"), _infix("or", "false"), "true", "false"
    )
    parts = []
    for lib_norm in in_force:
        norm = lib_norm.norm
        ta, fa = conditions.form(norm.applies_when), conditions.form(norm.applies_when, True)
        tr, fr = conditions.form(norm.requires), conditions.form(norm.requires, True)
        parts.append(f"(({fa}) ? 'n' : ({ta}) ? (({tr}) ? 'p' : ({fr}) ? 'f' : 'u') : 'u')")
    # One expression maps over a whole chunk: a decision graph through `evaluate_batch` was
    # measured about ten times slower (a graph walk and a context conversion per location).
    expression = zen.compile_expression(f"map(xs, {' + '.join(parts)})")

    def run() -> list[str]:
        rows = []
        for begin in range(0, len(facts), CHUNK):
            rows += expression.evaluate({"xs": facts[begin : begin + CHUNK]})
        return rows

    return run


def _clips_run(engine, in_force, facts):
    import clips

    conditions = _Conditions(
        engine, _clips_literal, _lisp("and", "TRUE"), _lisp("or", "FALSE"), "TRUE", "FALSE"
    )
    rules, every_key = [], set()
    for position, lib_norm in enumerate(in_force):
        norm = lib_norm.norm
        conditions.keys = set()  # the slots this norm's rules bind
        ta, fa = conditions.form(norm.applies_when), conditions.form(norm.applies_when, True)
        tr, fr = conditions.form(norm.requires), conditions.form(norm.requires, True)
        reads = " ".join(f"({k} ?{k})" for k in sorted(conditions.keys))
        every_key |= conditions.keys
        for code, test in (("n", fa), ("p", f"(and {ta} {tr})"), ("f", f"(and {ta} {fr})")):
            if test == "FALSE":  # a condition that cannot hold (CLIPS wants a call in `test`)
                continue
            guard = "" if test == "TRUE" else f"(test {test}) "
            rules.append(
                f"(defrule n{position}{code} (loc (i ?i) {reads}) {guard}"
                f'=> (printout out ?i " {position} {code}" crlf))'
            )
    slots = sorted({k for f in facts for k in f} | every_key)
    env = clips.Environment()
    for router in list(env.routers()):  # clipspy's error router is asked about every character
        router.delete()
    env.build(f"(deftemplate loc (slot i) {' '.join(f'(slot {k})' for k in slots)})")
    for rule in rules:
        env.build(rule)
    count = len(in_force)
    output = tempfile.NamedTemporaryFile(suffix=".txt", delete=False)
    output.close()

    def text(value) -> str:
        if isinstance(value, bool):
            return "TRUE" if value else "FALSE"
        if isinstance(value, str):
            return json.dumps(value)
        return repr(value)

    def run() -> list[str]:
        rows = []
        for begin in range(0, len(facts), CHUNK):
            chunk = facts[begin : begin + CHUNK]
            env.load_facts(
                " ".join(
                    f"(loc (i {i}) {' '.join(f'({k} {text(v)})' for k, v in f.items())})"
                    for i, f in enumerate(chunk)
                )
            )
            env.eval(f'(open "{output.name}" out "w")')
            env.run()
            env.eval("(close out)")
            env.reset()
            table = [["u"] * count for _ in chunk]
            for line in Path(output.name).read_text().split("\n"):
                if line:
                    i, position, code = line.split()
                    table[int(i)][int(position)] = code
            rows += ["".join(row) for row in table]
        return rows

    return run


def part(which: str, n: int, passes: int, table_path: str) -> dict:
    """One evaluator in this process: µs per location (median of passes), its table saved."""
    from checker.evaluate import plain
    from checker.evaluate.engine import Engine

    library, as_of, in_force, locations = _setup(n)
    ids = [lib_norm.id for lib_norm in in_force]
    extra: dict = {}

    def table_of(outcomes: list[dict]) -> list[str]:
        return ["".join(CODE[o[i].value] for i in ids) for o in outcomes]

    if which == "engine":
        engine = Engine(library)

        def run():
            return engine.outcomes_many(locations, as_of)

    elif which == "plain":

        def run():
            return [plain.evaluate(library, loc, as_of) for loc in locations]

    elif which == "floor":
        from floor import compile_floor

        decide = compile_floor(library, as_of)
        start = time.perf_counter()
        values = [plain.derive(library, plain.location_values(loc, as_of)) for loc in locations]
        extra["derive_us"] = (time.perf_counter() - start) / n * 1e6

        def run():
            return [decide(v) for v in values]

    else:
        engine = Engine(library)
        facts, extra["derive_us"] = _engine_facts(engine, locations, as_of)
        run = (_zen_run if which == "zen" else _clips_run)(engine, in_force, facts)
    times, table = [], None
    for _ in range(passes):
        start = time.perf_counter()
        table = run()
        times.append(time.perf_counter() - start)
    if which in ("engine", "plain", "floor"):  # outcomes by norm id, as the product has them
        table = table_of(table)
    Path(table_path).write_text(json.dumps(table))
    return {"us": statistics.median(times) / n * 1e6, "norms": len(ids), **extra}


# the parent ----------------------------------------------------------------------------


def _available(which: str) -> bool:
    module = PEER_MODULES.get(which)
    if module is None:
        return True
    probe = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True)
    return probe.returncode == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--locations", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--passes", type=int, default=3, help="passes per process (median)")
    parser.add_argument(
        "--only", help="comma-separated evaluators (engine and plain, the reference, always run)"
    )
    args = parser.parse_args()
    wanted = set(args.only.split(",")) | {"engine", "plain"} if args.only else set(EVALUATORS)
    evaluators = []
    for which in [w for w in EVALUATORS if w in wanted]:
        if _available(which):
            evaluators.append(which)
        else:
            print(f"skipped {which}: pip install -e '.[bench]' to measure it", file=sys.stderr)
    figures: dict[str, list[dict]] = {w: [] for w in evaluators}
    differ: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for round_no in range(args.rounds):
            tables = {}
            for which in evaluators:
                path = os.path.join(tmp, f"{which}.json")
                out = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--part",
                        which,
                        str(args.locations),
                        str(args.passes),
                        path,
                    ],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                figures[which].append(json.loads(out.stdout.strip().splitlines()[-1]))
                tables[which] = json.loads(Path(path).read_text())
                print(
                    f"  round {round_no + 1} {which}: {figures[which][-1]['us']:.1f} µs",
                    file=sys.stderr,
                    flush=True,
                )
            want = tables["plain"]
            for which, table in tables.items():
                cells = sum(
                    a != b
                    for row, other in zip(table, want, strict=True)
                    for a, b in zip(row, other, strict=True)
                )
                differ[which] = max(differ.get(which, 0), cells)
    norms = figures["engine"][0]["norms"]
    cells = norms * args.locations
    print(
        f"{args.locations} locations × {norms} norms in force on {AS_OF} = {cells} cells; "
        f"{args.rounds} rounds, each evaluator in its own process, median of "
        f"{args.passes} passes"
    )
    print(
        f"{'evaluator':<8} {'µs/location':>12} {'rounds':>17} {'× engine':>9} "
        f"{'+ derivation':>13} {'cells ≠ plain':>14}"
    )
    for which in evaluators:
        us = [f["us"] for f in figures[which]]
        ratios = [f["us"] / e["us"] for f, e in zip(figures[which], figures["engine"], strict=True)]
        derive = figures[which][0].get("derive_us")
        plus = f"{statistics.median(us) + derive:.0f} (+{derive:.0f})" if derive else "(included)"
        spread = f"{min(us):.0f}–{max(us):.0f}"
        verdict = f"{differ[which]}" + ("  DISAGREES: not comparable" if differ[which] else "")
        print(
            f"{which:<8} {statistics.median(us):>12.1f} {spread:>17} "
            f"{statistics.median(ratios):>9.2f} {plus:>13} {verdict:>14}"
        )
    if "zen" in evaluators:
        ratios = [e["us"] / z["us"] for e, z in zip(figures["engine"], figures["zen"], strict=True)]
        print(
            f"engine / zen-engine batched, same round: {statistics.median(ratios):.2f}× "
            f"(rounds {min(ratios):.2f}–{max(ratios):.2f}; the issue's target is ≤ 0.95×)"
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--part"]:
        which, n, passes, path = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
        print(json.dumps(part(which, n, passes, path)))
    else:
        main()
