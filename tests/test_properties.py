"""Property tests: whatever a location file holds, the command answers 0, 1 or 2 and never
with a traceback; every valid location gets exactly one outcome per norm."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from unittest import mock

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.cli import main
from checker.library.model import Outcome
from checker.location.loader import location_from_mapping
from checker.location.model import Location
from checker.testing.synthetic import random_location

CASES = sorted(Path(__file__).parent.parent.joinpath("cases").glob("*.yaml"))
FIELDS = sorted(Location.model_fields)
QUICK = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["ja", "nee", "twelve", "2026-02-30", "regular_azc", "families", ""]),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
keys = st.one_of(st.sampled_from(FIELDS), st.text(min_size=1, max_size=25))


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("properties")


@pytest.fixture(scope="module")
def run(checker, workdir):
    """Run `opvangtoets check` on bytes; the library is compiled once for all examples."""

    def check(raw: bytes) -> tuple[int, str]:
        path = workdir / "location.yaml"
        path.write_bytes(raw)
        with mock.patch("checker.cli.make_checker", lambda norms_dir, lang: checker):
            result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2026-03-01"])
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception
        )
        assert "Traceback" not in result.output
        assert result.exit_code in (0, 1, 2), result.output
        return result.exit_code, result.output

    return check


@QUICK
@given(st.dictionaries(keys, values, max_size=12))
def test_random_documents_never_crash(run, document):
    run(yaml.safe_dump(document, allow_unicode=True).encode())


@st.composite
def mutated_cases(draw) -> bytes:
    """A shipped case with a key dropped or repeated, a value replaced, or bytes spliced in."""
    text = draw(st.sampled_from(CASES)).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    keyed = [i for i, line in enumerate(lines) if ":" in line and not line.startswith((" ", "#"))]
    i = draw(st.sampled_from(keyed))
    kind = draw(st.sampled_from(["drop", "duplicate", "replace", "bytes"]))
    if kind == "drop":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(draw(st.integers(0, len(lines))), lines[i])
    elif kind == "replace":
        key = lines[i].split(":", 1)[0]
        value = yaml.safe_dump(draw(values), default_flow_style=True, width=10**6).strip()
        lines[i] = f"{key}: {value.removesuffix('...').strip()}\n"
    raw = "".join(lines).encode()
    if kind == "bytes":
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]
    return raw


@QUICK
@given(mutated_cases())
def test_mutated_cases_never_crash(run, raw):
    run(raw)


@settings(max_examples=150, deadline=None)
@given(
    seed=st.integers(0, 2**32),
    as_of=st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31)),
    unknown_share=st.sampled_from([0.0, 0.1, 0.5, 1.0]),
)
def test_a_valid_location_gets_exactly_one_outcome_per_norm(checker, seed, as_of, unknown_share):
    data = random_location(random.Random(seed), seed, unknown_share)
    location = location_from_mapping(data, "synthetic")
    evaluation = checker.engine.evaluate(location, as_of)
    in_force = {n.id for n in checker.library.norms if n.in_force(as_of)}
    assert set(evaluation.results) == in_force
    assert all(isinstance(r.outcome, Outcome) for r in evaluation.results.values())
    findings = checker.check(location, as_of, "en", look_ahead=False).findings
    assert sorted(f.norm_id for f in findings) == sorted(n.id for n in checker.library.norms)
