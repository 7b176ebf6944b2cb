"""The JSON Schemas committed in the package are the ones the models generate."""

from __future__ import annotations

import json
from importlib import resources

from click.testing import CliRunner

from checker.cli import main
from checker.library.model import norm_file_json_schema
from checker.location.model import location_json_schema


def _committed(name: str) -> dict:
    return json.loads(resources.files("checker.schemas").joinpath(name).read_text())


def test_the_committed_location_schema_is_current():
    assert _committed("location.schema.json") == location_json_schema(), (
        "regenerate: opvangtoets schema > checker/schemas/location.schema.json"
    )


def test_the_committed_norm_file_schema_is_current():
    assert _committed("norm-file.schema.json") == norm_file_json_schema(), (
        "regenerate: opvangtoets norms schema > checker/schemas/norm-file.schema.json"
    )


def test_the_schema_command_prints_the_location_schema():
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["additionalProperties"] is False
    assert "school_access_days_max" in schema["properties"]
