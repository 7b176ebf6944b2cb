"""A checked norm library kept on disk, so a fresh process need not check it again.

Checking the library (YAML, JSON Schema, every condition against the location model) is
most of what a cold `opvangtoets check` costs, and its result only changes when a norm
file or the checker changes. So the checked `Library` is stored (`checker.i18n.stored`:
where, how it is kept safe, `--no-cache`) under a key made of everything it was made from:
the package version, the Python and pydantic versions, the checker's own code that reads
and checks norms, and the name and bytes of every norm file. A changed file makes a new key;
an entry whose key or checksum does not match is stale or corrupt and is ignored (and
replaced). Reading or writing the cache never fails a command: any problem means a fresh
load, as without the cache.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from pydantic.version import VERSION as PYDANTIC_VERSION

from checker import __version__
from checker.i18n import stored
from checker.i18n.stored import CACHE_DIR_ENV, NO_CACHE_ENV, cache_dir, disable, enabled

__all__ = ["CACHE_DIR_ENV", "NO_CACHE_ENV", "cache_dir", "disable", "enabled"]

# the checker's code whose change can change a checked library (how it is read and checked)
_CODE = (("library", ".py"), ("location", ".py"), ("source", ".py"), ("schemas", ".json"))


def library_key(paths: list[Path], shipped: bool) -> str:
    """The key of the library made of the norm files `paths` (read here, in this order)."""
    # pydantic is loaded by now and states its own version: no search of the installed packages
    parts: list[str | bytes] = [__version__, PYDANTIC_VERSION, str(shipped)]
    root = Path(__file__).resolve().parent.parent
    code = [root / "errors.py"]
    for folder, suffix in _CODE:  # listed, not globbed: pathlib's glob costs a cold start ms
        code += sorted(root / folder / n for n in os.listdir(root / folder) if n.endswith(suffix))
    for path in code:
        parts.append(path.name.encode() + b"\0" + path.read_bytes())
    for path in paths:
        parts.append(str(path).encode() + b"\0" + path.read_bytes())
    return stored.key_of(*parts)


def _name(key: str) -> str:
    return f"library-{key[:32]}.pickle"


def _entry(key: str) -> Path:
    return cache_dir() / _name(key)


def read(key: str) -> Any | None:
    """The library stored under `key`, or None when there is none or it is stale or corrupt."""
    library = stored.read(_name(key), key)
    if library is not None:
        _remember(library, key)
    return library


def write(key: str, library: Any) -> None:
    """Store `library` under `key`; a cache that cannot be written is left alone."""
    stored.write(_name(key), key, library)
    _remember(library, key)


# What is kept beside a library (the engine's translation of it) is keyed by the library's
# key, which the library carries from here on, outside its fields: `dataclasses.replace` (a
# reform, a library made for one test) makes a library without it, whose translation is made
# afresh. A library changed in place is no longer what its key says: replace it instead.
_KEY = "_cache_key"


def _remember(library: Any, key: str) -> None:
    with contextlib.suppress(AttributeError, TypeError):  # not a Library: nothing to key
        vars(library)[_KEY] = key


def made_from(library: Any) -> str | None:
    """The cache key of the norm files `library` was checked from, or None when it was not
    read from or written to the cache (`--no-cache`, a library made in memory)."""
    return getattr(library, "__dict__", {}).get(_KEY)
