"""`opvangtoets report-schema`: the JSON Schema of `check --format json`."""

from __future__ import annotations

import json

import click

from checker.report.schema import report_json_schema


@click.command("report-schema")
def report_schema() -> None:
    """Print the JSON Schema of a report (one object; several files give an array of them)."""
    click.echo(json.dumps(report_json_schema(), indent=2, ensure_ascii=False))
