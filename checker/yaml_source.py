"""Read YAML safely and remember where every value stood.

`load_yaml` returns plain Python data plus a map from each key path to its line,
so that a validation error later can name the line. Duplicate keys are an
error (PyYAML silently keeps the last one). Only the safe loader is used:
tags that would construct Python objects are rejected by it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from checker.errors import InputError, problem

Path_ = tuple[str | int, ...]


@dataclass
class YamlDocument:
    data: Any
    lines: dict[Path_, int]
    file: str

    def line_of(self, path: Path_) -> int | None:
        """The line of the deepest known key on `path` (1-based)."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


def _build(node: yaml.Node, loader: yaml.SafeLoader, path: Path_, lines: dict, file: str) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if not isinstance(node, yaml.ScalarNode) and node.tag not in _PLAIN_TAGS:
        raise InputError(
            [
                problem(
                    file,
                    node.start_mark.line + 1,
                    f"not valid YAML: tag '{node.tag}' is not allowed",
                    f"geen geldige YAML: tag '{node.tag}' is niet toegestaan",
                    hint_en="remove the tag (the part starting with !)",
                    hint_nl="haal de tag weg (het deel dat met ! begint)",
                )
            ]
        )
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | bool) or isinstance(key, bool):
                raise InputError(
                    [
                        problem(
                            file,
                            key_node.start_mark.line + 1,
                            f"a key must be a plain name, got {key!r}",
                            f"een sleutel moet een gewone naam zijn, niet {key!r}",
                        )
                    ]
                )
            key = str(key)
            if key in result:
                first = lines[path + (key,)]
                raise InputError(
                    [
                        problem(
                            file,
                            key_node.start_mark.line + 1,
                            f"key '{key}' appears twice (first on line {first})",
                            f"sleutel '{key}' staat er twee keer (eerst op regel {first})",
                            hint_en="keep one of them",
                            hint_nl="houd er één over",
                        )
                    ]
                )
            lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _build(value_node, loader, path + (key,), lines, file)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, loader, path + (i,), lines, file) for i, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except ValueError as exc:  # e.g. 2026-02-30 looks like a date but is none
        raise InputError(
            [
                problem(
                    file,
                    node.start_mark.line + 1,
                    f"'{node.value}' is not a valid value: {exc}",
                    f"'{node.value}' is geen geldige waarde: {exc}",
                    hint_en="write a date as YYYY-MM-DD with a day that exists",
                    hint_nl="schrijf een datum als JJJJ-MM-DD met een dag die bestaat",
                )
            ]
        ) from None


def load_yaml_text(text: str, file: str) -> YamlDocument:
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        lines: dict[Path_, int] = {}
        data = None if node is None else _build(node, loader, (), lines, file)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or str(exc)
        raise InputError(
            [
                problem(
                    file,
                    line,
                    f"not valid YAML: {what}",
                    f"geen geldige YAML: {what}",
                    hint_en="check indentation, colons and quotes on this line",
                    hint_nl="controleer inspringing, dubbele punten en aanhalingstekens",
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(
            [problem(file, None, f"not valid YAML: {exc}", f"geen geldige YAML: {exc}")]
        ) from None
    finally:
        loader.dispose()
    return YamlDocument(data, lines, file)


def load_yaml(path: Path) -> YamlDocument:
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError([problem(file, None, "file not found", "bestand niet gevonden")]) from None
    except IsADirectoryError:
        raise InputError(
            [problem(file, None, "is a directory, not a file", "is een map, geen bestand")]
        ) from None
    except UnicodeDecodeError as exc:
        raise InputError(
            [
                problem(
                    file,
                    None,
                    f"not UTF-8 text (byte {exc.start})",
                    f"geen UTF-8-tekst (byte {exc.start})",
                    hint_en="save the file as UTF-8",
                    hint_nl="sla het bestand op als UTF-8",
                )
            ]
        ) from None
    return load_yaml_text(text, file)
