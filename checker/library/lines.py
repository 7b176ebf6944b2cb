"""Where a norm and its parts stand in their file, so a tool can say `file:line: ...`."""

from __future__ import annotations

from pathlib import Path

from checker.library.loader import LibraryNorm
from checker.source.reader import YamlDocument, load_yaml


class NormLines:
    """Line numbers of a norm's keys; each norm file is read once."""

    def __init__(self) -> None:
        self._docs: dict[str, YamlDocument] = {}

    def line(self, lib_norm: LibraryNorm, *path: str | int) -> int | None:
        """The line of `path` inside the norm (or of the nearest key above it)."""
        if lib_norm.path not in self._docs:
            self._docs[lib_norm.path] = load_yaml(Path(lib_norm.path))
        index = next(i for i, n in enumerate(lib_norm.file.norms) if n is lib_norm.norm)
        return self._docs[lib_norm.path].line_of(("norms", index, *path))
