"""The batch path of the engine agrees with the plain evaluator on thousands of random
locations (many facts unknown), and with the single-location path."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from checker.evaluate import plain as plain_evaluator
from checker.library.model import Outcome
from checker.location.loader import location_from_mapping
from checker.testing.synthetic import random_location

DAYS = [dt.date(2026, 1, 15), dt.date(2026, 6, 12)]


@pytest.fixture(scope="module")
def locations():
    rng = random.Random(20260115)
    shares = (0.0, 0.1, 0.3, 0.6)
    return [
        location_from_mapping(random_location(rng, i, shares[i % len(shares)]), "synthetic")
        for i in range(3000)
    ]


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_batch_agrees_with_plain_evaluator(checker, locations, day):
    evaluations = checker.engine.evaluate_many(locations, day)
    outcomes = checker.engine.outcomes_many(locations, day)
    disagreements = []
    for i, (location, evaluation) in enumerate(zip(locations, evaluations, strict=True)):
        plain = plain_evaluator.evaluate(checker.library, location, day)
        engine = {k: r.outcome for k, r in evaluation.results.items()}
        if engine != plain or outcomes[i] != plain:
            disagreements.append(location.id)
    assert disagreements == []
    # the random locations reach every outcome, so the comparison means something
    seen = {o for result in outcomes for o in result.values()}
    assert seen == set(Outcome)


def test_batch_equals_one_at_a_time(checker, locations):
    day = DAYS[0]
    some = locations[:40]
    batch = checker.engine.evaluate_many(some, day)
    for location, evaluation in zip(some, batch, strict=True):
        single = checker.engine.evaluate(location, day)
        assert single.results == evaluation.results
        assert single.derived == evaluation.derived
        assert single.fact == evaluation.fact


def test_fail_results_name_the_violated_requirement(checker, locations):
    day = DAYS[0]
    for evaluation in checker.engine.evaluate_many(locations[:200], day):
        for result in evaluation.results.values():
            if result.outcome == Outcome.fail:
                assert result.violated
            else:
                assert result.violated == []


def _fnv1a32(text: str) -> int:
    """durable_rules' hash of a fact id (`fnv1Hash32` in vendor/durable-rules/src/rules/state.c)."""
    value = 0x811C9DC5
    for byte in text.encode():
        value = ((value ^ byte) * 16777619) & 0xFFFFFFFF
    return value


def _fired_positions(handle, facts: list[dict]) -> list[int]:
    import json

    from checker.evaluate.engine import Engine, _Ruleset

    messages = Engine._drain(_Ruleset("test_collision", handle), json.dumps(facts))
    return sorted(m["_i"] for text in messages for m in _matched(text))


def _matched(text: str) -> list[dict]:
    import json

    entries = json.loads(text).get("r", [])  # rule r's matches (a list, or one alone)
    return [e["m"] for e in entries] if isinstance(entries, list) else [entries["m"]]


def test_two_facts_whose_generated_ids_collide_are_both_kept_once_they_carry_an_id():
    """durable_rules tells the facts of a session apart by a 32-bit hash of their id; without
    an id it makes one from the content, and these two facts' hashes collide: the second was
    dropped, and no rule fired for it (its norms would have passed unseen)."""
    import json

    import durable_rules_engine as dre

    rules = {
        "r": {"all": [{"m": {"$and": [{"$ex": {"_i": 1}}, {"$gte": {"k1": 0}}]}}], "cap": 1000},
        "warmup": {"all": [{"m": {"kind": "warmup"}}]},
    }
    handle = dre.create_ruleset("test_collision", json.dumps(rules))
    _fired_positions(handle, [{"kind": "warmup", "sid": "0"}])
    # the pair, then a fact no rule matches: the loss is not even reported
    facts = [{"_i": 3049, "k1": 3049}, {"_i": 23950, "k1": 23950}, {"_i": 7, "k1": -1}]
    assert len(_fired_positions(handle, facts)) == 1  # the hazard: one of the two is lost
    with_ids = [{"_i": f["_i"], "id": n, "k1": f["k1"]} for n, f in enumerate(facts)]
    assert _fired_positions(handle, with_ids) == [3049, 23950]


def test_every_fact_of_a_batch_carries_its_position_as_an_id_with_a_hash_of_its_own(
    checker, locations, monkeypatch
):
    from checker.evaluate import engine as engine_module

    assert len({_fnv1a32(str(i)) for i in range(engine_module.BATCH)}) == engine_module.BATCH
    batches: list[list[dict]] = []
    real = engine_module.facts_json

    def spy(facts):
        batches.append(facts)
        return real(facts)

    monkeypatch.setattr(engine_module, "facts_json", spy)
    checker.engine.outcomes_many(locations[: engine_module.BATCH], DAYS[0])
    assert batches  # every ruleset of the batch was given its facts
    for facts in batches:
        assert [f["id"] for f in facts] == [f["_i"] for f in facts] == list(range(len(facts)))
        assert all(list(f)[:2] == ["_i", "id"] for f in facts)


def test_fact_key_aliases_are_short_and_apart_from_the_engines_own_keys(checker):
    """durable_rules finds a fact's property by the 32-bit FNV-1a hash of its name alone: two
    keys of one fact with the same hash would read each other's value."""
    from checker.evaluate.engine import alias_of

    used = sorted(checker.engine._alias.values(), key=len)
    assert [alias_of(n) for n in range(3)] == ["A", "B", "C"]
    assert [alias_of(n) for n in (25, 26, 27, 26 + 26 * 36)] == ["Z", "AA", "AB", "AAA"]
    assert set(used) == {alias_of(n) for n in range(len(used))}
    assert max(map(len, used)) <= 2  # a library of up to 962 keys
    names = [alias_of(n) for n in range(26 + 26 * 36)] + ["_i", "id", "sid"]
    assert len({_fnv1a32(name) for name in names}) == len(names)
    assert all(name[0].isupper() for name in used)
