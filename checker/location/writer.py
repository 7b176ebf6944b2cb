"""A location written back as YAML, in model order, that `opvangtoets check` reads unchanged.

Used by `improve --output` (the improved location) and by the web page's download.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any

import yaml

from checker.location.model import Location


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):  # sources and evidence: records of enums, text and dates
        return {k: _plain(v) for k, v in value.items()}
    return value


def yaml_line(name: str, value: Any) -> str:
    """`name: value` as YAML; dates stay dates, text is quoted where YAML needs it."""
    value = _plain(value)
    if isinstance(value, list):  # a list on one line, as the shipped cases write it
        flow = yaml.safe_dump(value, default_flow_style=True, width=10**6).strip()
        return f"{name}: {flow}"
    text = yaml.safe_dump({name: value}, default_flow_style=False, allow_unicode=True, width=10**6)
    return text.rstrip("\n")


def location_yaml(location: Location, comments: Sequence[str] = ()) -> str:
    """Every known fact of `location`, one line each, after `comments` (without '# ')."""
    data = location.model_dump(exclude_none=True)
    lines = [f"# {c}" for c in comments]
    lines += [yaml_line(name, data[name]) for name in Location.model_fields if name in data]
    return "\n".join(lines) + "\n"
