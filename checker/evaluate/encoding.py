"""JSON for durable_rules' C reader, which reads fewer number forms than JSON allows.

Its number reader (rules/json.c, `getNumber`) only knows an exponent after a fraction:
`2.5e-05` is read, but `2e-05` ends the number at `2` and leaves `e-05` behind, which
crashes the module (SIGSEGV) or shifts every later value of the fact. Python's `json`
writes a float with a one-digit mantissa exactly that way (`2e-05`, `1e+16`). Writing
such a number as `2.0e-05` keeps it the same double: the module converts the text with
`atof`, which rounds correctly, and Python's `repr` is the shortest text of that double.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

# Only a number whose digits run straight into an exponent needs rewriting. The quick test
# may also hit a string (an enum value like "b2e"); the full pass then skips strings.
_SUSPECT = re.compile(r"(?<![\w.])-?\d+[eE]")
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|(?<![\w.])(-?\d+)(?=[eE])')


def _fraction(match: re.Match[str]) -> str:
    digits = match.group(1)
    return match.group(0) if digits is None else f"{digits}.0"


def engine_text(json_text: str) -> str:
    """JSON text with every `<digits>e<exp>` number written as `<digits>.0e<exp>`."""
    if _SUSPECT.search(json_text) is None:
        return json_text
    return _TOKEN.sub(_fraction, json_text)


def engine_json(value: Any) -> str:
    """`value` as JSON that durable_rules reads back exactly (finite numbers only)."""
    text = json.dumps(value, allow_nan=False)
    # json writes a float's exponent with its sign (2e-05, 1e+16): looking for that is a
    # plain substring search, much quicker than the pattern over a batch of facts
    if "e-" not in text and "e+" not in text:
        return text
    return engine_text(text)


def facts_json(facts: list[dict[str, Any]]) -> str:
    """A batch of facts as compact JSON that durable_rules reads back exactly: the hot path,
    written by orjson (about ten times quicker than `json` here), which also writes a float
    by its shortest round-trip digits but turns a non-finite one into null: refused, as
    `engine_json` refuses it (a fact never holds a None, so null means that)."""
    text = orjson.dumps(facts).decode()
    if ":null" in text:
        raise ValueError("Out of range float values are not JSON compliant")
    if "e-" not in text and "e+" not in text:  # orjson too writes an exponent with its sign
        return text
    return engine_text(text)
