"""JSON for durable_rules' C reader: finite numbers only, written compactly.

The vendored reader once stopped a number at an exponent that did not follow a fraction
(`2e-05`, as Python writes such floats), which crashed the module or shifted every later
value of the fact; it now reads that form (vendor/durable-rules/NOTE.md, third change), so
a float goes in as Python or orjson writes it. A non-finite float has no JSON form the
reader knows, and a rule that cannot read a value does not fire: it is refused here.
"""

from __future__ import annotations

import json
from typing import Any

import orjson


def engine_json(value: Any) -> str:
    """`value` as JSON that durable_rules reads back exactly (finite numbers only)."""
    return json.dumps(value, allow_nan=False)


def facts_json(facts: list[dict[str, Any]]) -> str:
    """A batch of facts as compact JSON: the hot path, written by orjson (about ten times
    quicker than `json` here), which turns a non-finite float into null: refused, as
    `engine_json` refuses it (a fact never holds a None, so null means that)."""
    text = orjson.dumps(facts).decode()
    if ":null" in text:
        raise ValueError("Out of range float values are not JSON compliant")
    return text
