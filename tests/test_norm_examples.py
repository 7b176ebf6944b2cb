"""Every norm's own examples, run through the real engine (one test per example)."""

from __future__ import annotations

import pytest

from checker.authoring.examples import example_date
from checker.library.loader import load_library
from checker.location.loader import location_from_mapping

LIBRARY = load_library()
CASES = [
    pytest.param(lib_norm, example, id=f"{lib_norm.id}: {example.name}")
    for lib_norm in LIBRARY.norms
    for example in lib_norm.norm.examples
]


@pytest.mark.parametrize(("lib_norm", "example"), CASES)
def test_norm_example_gives_its_outcome(checker, lib_norm, example):
    location = location_from_mapping(
        {"id": "example", "name": example.name, **example.location}, f"{lib_norm.path} example"
    )
    report = checker.check(location, example_date(lib_norm, example), "en")
    finding = next(f for f in report.findings if f.norm_id == lib_norm.id)
    assert finding.outcome == example.outcome, finding.message


def test_every_norm_has_a_passing_and_a_failing_example():
    lacking = [
        n.id
        for n in LIBRARY.norms
        if not {"pass", "fail"} <= {e.outcome.value for e in n.norm.examples}
    ]
    assert lacking == []
