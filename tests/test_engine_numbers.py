"""Facts are encoded so that durable_rules reads every value the model accepts, exactly.

durable_rules' C reader could not read a number written as `2e-05` (an exponent without a
fraction, which is how Python's json writes such floats): it crashed or misread the fact,
until its vendored reader was fixed (vendor/durable-rules/NOTE.md). These tests send tiny
and large finite floats from locations, derived facts and local norm thresholds through the
engine and compare with the plain evaluator.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.evaluate import plain as plain_evaluator
from checker.evaluate.encoding import engine_json, facts_json
from checker.evaluate.engine import Engine
from checker.library.loader import load_library
from checker.library.model import Outcome
from checker.location.loader import location_from_mapping
from checker.location.model import Location, field_bounds
from checker.testing.synthetic import random_location, with_extreme_floats

AS_OF = dt.date(2026, 6, 1)
FLOAT_FIELDS = sorted(
    n for n, info in Location.model_fields.items() if "float" in str(info.annotation)
)
BASE = {
    "id": "numbers",
    "name": "Numbers",
    "location_type": "regular_azc",
    "children_count": 20,
    "occupancy_total": 100,
    "planned_availability_years": 5.0,
}


def _bounded_floats(name: str):
    low, high = field_bounds(name)
    low = 0.0 if low is None else float(low)
    high = 1e9 if high is None else float(high)
    one_digit_tiny = st.builds(
        lambda m, e: m * 10.0**-e, st.integers(1, 9), st.integers(5, 320)
    ).filter(lambda v: low <= v <= high)
    return st.one_of(
        one_digit_tiny,
        st.floats(low, high, allow_nan=False, allow_infinity=False, allow_subnormal=True),
    )


float_facts = st.sampled_from(FLOAT_FIELDS).flatmap(
    lambda name: st.tuples(st.just(name), _bounded_floats(name))
)


def _disagreements(engine, library, locations, day=AS_OF):
    """Per location, the norms where engine (alone and in a batch) and plain evaluator differ."""
    batch = engine.outcomes_many(locations, day)
    found = []
    for location, in_batch in zip(locations, batch, strict=True):
        alone = {k: r.outcome for k, r in engine.evaluate(location, day).results.items()}
        plain = plain_evaluator.evaluate(library, location, day)
        for norm_id in set(alone) | set(plain) | set(in_batch):
            got = (alone.get(norm_id), in_batch.get(norm_id))
            if got != (plain.get(norm_id),) * 2:
                found.append((location.id, norm_id, got, plain.get(norm_id)))
    return found


def test_the_engine_reads_a_number_whose_digits_run_into_an_exponent_as_one_number():
    """`2e-05` is how Python writes such floats; the reader once ended the number at `2`."""
    import durable_rules_engine as dre

    from checker.evaluate.engine import Engine, _rule, _Ruleset

    values = [2e-05, 1e16, -3e-10, 9e-05, 2.5e-05, 7.0, 1e-07]
    rules = {
        "tiny": _rule([{"$lt": {"A": 0.0001}}]),
        "after": _rule([{"B": "after"}]),
        "warmup": {"all": [{"m": {"kind": "warmup"}}]},
    }
    handle = dre.create_ruleset("test_exponent_numbers", engine_json(rules))
    ruleset = _Ruleset("test_exponent_numbers", handle)
    Engine._drain(ruleset, engine_json([{"kind": "warmup", "sid": "0"}]))
    facts = [{"_i": i, "id": i, "A": v, "B": "after"} for i, v in enumerate(values)]
    text = engine_json(facts)
    assert '"A": 2e-05,' in text and '"A": 1e+16,' in text  # as Python writes them
    fired: dict[str, list[int]] = {}
    for message in Engine._drain(ruleset, text):
        entry = json.loads(message)
        ((name, found),) = entry.items()
        found = found if isinstance(found, list) else [found]
        fired[name] = sorted(int(f["m"]) for f in found)  # `ids`: each fact by its id
    assert fired == {
        "tiny": [i for i, v in enumerate(values) if v < 0.0001],
        "after": list(range(len(values))),  # every value after the number read as written
    }


def test_a_float_without_a_json_form_is_refused_before_the_engine_sees_it():
    with pytest.raises(ValueError, match="Out of range float"):
        facts_json([{"_i": 0, "A": math.inf}])
    with pytest.raises(ValueError, match="Out of range float"):
        engine_json({"A": math.nan})
    assert facts_json([{"_i": 0, "A": 2e-05}]) == '[{"_i":0,"A":0.00002}]'


def test_a_bedroom_of_0_00002_m2_per_person_fails_the_4_m2_norm(checker):
    location = location_from_mapping({**BASE, "bedroom_area_per_person_m2": 0.00002}, "tiny.yaml")
    normal = location_from_mapping({**BASE, "id": "normal", "bedroom_area_per_person_m2": 5.0}, "n")
    alone = checker.engine.evaluate(location, AS_OF).results
    assert alone["EUAA-GEN-5.1"].outcome == Outcome.fail
    assert [leaf.field for leaf in alone["EUAA-GEN-5.1"].violated] == ["bedroom_area_per_person_m2"]
    tiny_in_batch, normal_in_batch = checker.engine.outcomes_many([location, normal], AS_OF)
    assert tiny_in_batch["EUAA-GEN-5.1"] == Outcome.fail
    assert normal_in_batch["EUAA-GEN-5.1"] == Outcome.pass_
    assert _disagreements(checker.engine, checker.library, [location, normal]) == []


def test_a_derived_fact_that_becomes_tiny_is_read_exactly(checker):
    # 0.0000075 years is 9e-05 months: a derived number in exponent form
    location = location_from_mapping({**BASE, "planned_availability_years": 0.0000075}, "d")
    evaluation = checker.engine.evaluate(location, AS_OF)
    assert _disagreements(checker.engine, checker.library, [location]) == []
    assert any(v == pytest.approx(9e-05) for v in evaluation.derived.values())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(facts=st.lists(float_facts, min_size=1, max_size=4))
def test_random_finite_floats_in_the_accepted_range_give_the_plain_evaluators_outcomes(
    checker, facts
):
    data = dict(BASE)
    data.update(facts)
    for who in ("children", "residents"):  # an average above the longest stay is refused
        avg, longest = f"stay_{who}_avg_months", f"stay_{who}_max_months"
        if data.get(avg, 0) > data.get(longest, 1e9):
            data[avg] = data[longest]
    location = location_from_mapping(data, "property.yaml")
    neighbour = location_from_mapping({**BASE, "id": "neighbour"}, "neighbour.yaml")
    assert _disagreements(checker.engine, checker.library, [neighbour, location, neighbour]) == []


def test_200_generated_locations_with_extreme_floats_agree_with_the_plain_evaluator(checker):
    rng = random.Random(14)
    locations = [
        location_from_mapping(with_extreme_floats(rng, random_location(rng, i, 0.1), 0.8), "g")
        for i in range(200)
    ]
    assert _disagreements(checker.engine, checker.library, locations) == []


NORM = """\
family: local
instrument: {{en: "Local rule", nl: "Lokale regel"}}
url: https://wetten.overheid.nl/
weight: policy
valid_from: 2020-01-01
norms:
  - id: LOCAL-TINY
    title: {{en: "Tiny threshold", nl: "Kleine drempel"}}
    summary: {{en: "A tiny threshold.", nl: "Een kleine drempel."}}
    source: {{article: "1", url: "https://wetten.overheid.nl/"}}
    dimension: play_leisure
    severity: minor
    applies_when: {{field: houses_children, op: eq, value: true}}
    requires: {{field: outdoor_play_area_m2, op: gte, value: {value}}}
    remedy: {{en: "More room.", nl: "Meer ruimte."}}
    examples:
      - name: "enough outdoor room"
        outcome: pass
        location: {{children_count: 1, outdoor_play_area_m2: 1}}
      - name: "no outdoor room"
        outcome: fail
        location: {{children_count: 1, outdoor_play_area_m2: 0}}
"""


@pytest.mark.parametrize("threshold", ["0.00002", "2.0e-10"])
def test_a_local_norm_threshold_of_0_00002_is_read_exactly(tmp_path: Path, threshold):
    (tmp_path / "local.yaml").write_text(NORM.format(value=threshold), encoding="utf-8")
    library = load_library([tmp_path])
    engine = Engine(library)
    locations = [
        location_from_mapping({**BASE, "id": f"p{i}", "outdoor_play_area_m2": area}, "p")
        for i, area in enumerate([1.0, 0.0, 0.00001, 0.00002, 0.00003, 1e-12])
    ]
    outcomes = [o["LOCAL-TINY"] for o in engine.outcomes_many(locations, AS_OF)]
    limit = float(threshold)
    assert outcomes == [
        Outcome.pass_ if area >= limit else Outcome.fail
        for area in (1.0, 0.0, 0.00001, 0.00002, 0.00003, 1e-12)
    ]
    assert _disagreements(engine, library, locations) == []
