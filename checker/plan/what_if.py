"""What if some facts were different: `check FILE --set FIELD=VALUE`.

A value is read as YAML (so `true`, `12`, `2.5`, `2028-01-01` and `[families]`
mean what they mean in a location file) and then validated by the location
model exactly like a file, so a wrong value gets the usual message naming the
field. `FIELD=` with nothing after it makes the fact unknown.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from checker.api import Checker
from checker.errors import InputError, Problem, labelled_problem
from checker.location.loader import load_location, location_from_mapping
from checker.location.model import Location
from checker.plan.compare import Comparison, compare
from checker.source.reader import load_yaml_text


def parse_sets(sets: tuple[str, ...]) -> dict[str, tuple[str, Any]]:
    """{field: (the option as given, its value or None for unknown)}."""
    parsed: dict[str, tuple[str, Any]] = {}
    problems: list[Problem] = []
    for raw in sets:
        name, eq, text = raw.partition("=")
        name = name.strip()
        if not eq or not name:
            problems.append(
                labelled_problem(
                    f"--set {raw}",
                    None,
                    "problem_form_field_value",
                    hint_key="problem_e_g_set_outdoor",
                )
            )
            continue
        try:
            # the loader of location files: no tags, no aliases, bounded in size
            value = load_yaml_text(text, f"--set {raw}").data if text.strip() else None
        except InputError as exc:
            problems += [dataclasses.replace(p, field=name) for p in exc.problems]
            continue
        parsed[name] = (raw, value)
    if problems:
        raise InputError(problems)
    return parsed


def apply_sets(location: Location, sets: dict[str, tuple[str, Any]]) -> Location:
    """The location with the facts changed; problems name the --set option they come from."""
    data = location.model_dump(mode="json", exclude_none=True)
    for name, (_raw, value) in sets.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    try:
        return location_from_mapping(data, "--set")
    except InputError as exc:
        raw = {name: f"--set {given}" for name, (given, _) in sets.items()}
        raise InputError(
            [
                dataclasses.replace(p, file=raw.get(p.field or "", p.file), line=None)
                for p in exc.problems
            ]
        ) from None


def what_if(
    checker: Checker, path: Path, sets: dict[str, tuple[str, Any]], as_of: dt.date, lang: str
) -> Comparison:
    """The location at `path` before and after the `--set` changes, compared."""
    original = load_location(path)
    changed = apply_sets(original, sets)
    before = checker.check(original, as_of, lang, str(path), look_ahead=False)
    after = checker.check(changed, as_of, lang, str(path), look_ahead=False)
    return compare(before, after)
