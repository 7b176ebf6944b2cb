"""The OpenAPI 3.1 description of `/api/v1`, made from the location and report JSON Schemas.

The schemas are the ones `opvangtoets schema` and `opvangtoets report-schema` print; their
`$defs` move to `components/schemas` (an OpenAPI document resolves `#/...` from its own
root), so the API cannot describe a body other than the one it reads and writes.
"""

from __future__ import annotations

import copy
import functools
import json
from typing import Any

from checker.location.model import location_json_schema
from checker.report.schema import report_json_schema

SCHEMA_KEYS = ("$schema", "$id", "$defs")


def _component(schema: dict[str, Any], name: str, components: dict[str, Any]) -> dict:
    schema = copy.deepcopy(schema)
    for key, sub in schema.pop("$defs", {}).items():
        components[key] = sub
    for key in SCHEMA_KEYS:
        schema.pop(key, None)
    components[name] = schema
    return {"$ref": f"#/components/schemas/{name}"}


def _problem() -> dict[str, Any]:
    return {
        "description": "RFC 9457 problem details; `errors` holds every problem in the input, "
        "each with its file, line and field as `opvangtoets check` reports it.",
        "content": {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
        },
    }


@functools.cache
def _document() -> str:
    components: dict[str, Any] = {}
    location = _component(location_json_schema(), "Location", components)
    report = _component(report_json_schema(), "Report", components)
    components["Problem"] = {
        "type": "object",
        "required": ["type", "title", "status"],
        "properties": {
            "type": {"type": "string"},
            "title": {"type": "string"},
            "status": {"type": "integer"},
            "detail": {"type": "string"},
            "errors": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["file", "message", "text"],
                    "properties": {
                        "file": {"type": "string"},
                        "line": {"type": ["integer", "null"]},
                        "field": {"type": ["string", "null"]},
                        "message": {"type": "string"},
                        "hint": {"type": ["string", "null"]},
                        "text": {"type": "string"},
                    },
                },
            },
        },
    }
    components["Audit"] = {
        "type": "object",
        "description": "What `opvangtoets audit --format json` writes.",
        "required": ["as_of", "lang", "norms_version", "locations", "errors", "summary"],
        "properties": {
            "as_of": {"type": "string", "format": "date"},
            "lang": {"type": "string", "enum": ["nl", "en"]},
            "norms_version": {"type": "string"},
            "locations": {"type": "array", "items": report},
            "errors": {"type": "array", "items": {"type": "object"}},
            "summary": {"type": "object"},
        },
    }
    text = json.dumps(components).replace('"#/$defs/', '"#/components/schemas/')
    parameters = [
        {
            "name": "as_of",
            "in": "query",
            "description": "The date to check on (YYYY-MM-DD); today when left out.",
            "schema": {"type": "string", "format": "date"},
        },
        {
            "name": "lang",
            "in": "query",
            "description": "Language of the report's words.",
            "schema": {"type": "string", "enum": ["nl", "en"]},
        },
    ]

    def body(schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "required": True,
            "content": {
                "application/json": {"schema": schema},
                "application/yaml": {"schema": schema},
            },
        }

    def answers(schema_ref: str) -> dict[str, Any]:
        return {
            "200": {
                "description": "Checked.",
                "content": {"application/json": {"schema": {"$ref": schema_ref}}},
            },
            "400": _problem(),
            "413": _problem(),
            "415": _problem(),
            "422": _problem(),
        }

    document = {
        "openapi": "3.1.0",
        "info": {
            "title": "opvangtoets",
            "version": "1",
            "description": "Checks reception locations for asylum-seeking children in the "
            "Netherlands against the norms of law, policy and guidance, with their sources.",
        },
        "paths": {
            "/api/v1/check": {
                "post": {
                    "summary": "Check one location: the report of `check --format json`.",
                    "operationId": "check",
                    "parameters": parameters,
                    "requestBody": body(location),
                    "responses": answers("#/components/schemas/Report"),
                }
            },
            "/api/v1/audit": {
                "post": {
                    "summary": "Check a list of locations: what `audit --format json` writes.",
                    "operationId": "audit",
                    "parameters": parameters,
                    "requestBody": body({"type": "array", "items": location}),
                    "responses": answers("#/components/schemas/Audit"),
                }
            },
        },
        "components": {"schemas": json.loads(text)},
    }
    return json.dumps(document)


def openapi_document() -> dict[str, Any]:
    """The OpenAPI document served at /api/v1/openapi.json."""
    return json.loads(_document())
