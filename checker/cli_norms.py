"""`opvangtoets norms ...`: read, check and document the norm library."""

from __future__ import annotations

import json

import click

from checker.norm_model import norm_file_json_schema


@click.group()
def norms() -> None:
    """Work with the norm library / werken met de normenbibliotheek."""


@norms.command("schema")
def norms_schema() -> None:
    """Print the JSON Schema of a norm file."""
    click.echo(json.dumps(norm_file_json_schema(), indent=2, ensure_ascii=False))
