"""Data kept in the user's cache directory, so that a fresh process need not make it again.

A cold `opvangtoets check` would otherwise spend much of its time remaking what only changes
with the installed software: the checked norm library (`checker.library.cache`), the message
catalog parsed from YAML, and Babel's locale data merged from four files per locale. Each
entry is stored under a key made of everything it was made from; an entry whose key or
checksum does not match is stale or corrupt and is ignored (and replaced). Reading or writing
never fails a command: any problem means making the data afresh, as without the cache.

Where: `$OPVANGTOETS_CACHE_DIR`, else `$XDG_CACHE_HOME/opvangtoets`, else
`~/.cache/opvangtoets`. `OPVANGTOETS_NO_CACHE=1` (the `--no-cache` option) bypasses it.

An entry is a pickle, so it is read only from the user's own cache directory, and only after
its SHA-256 matches the header: a truncated or altered file is never unpickled.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

CACHE_DIR_ENV = "OPVANGTOETS_CACHE_DIR"
NO_CACHE_ENV = "OPVANGTOETS_NO_CACHE"
_MAGIC = b"opvangtoets-cache 1\n"
_DIGEST = 32  # bytes of SHA-256

T = TypeVar("T")


def enabled() -> bool:
    """False when the user asked to bypass the cache (`--no-cache`)."""
    return os.environ.get(NO_CACHE_ENV, "") in ("", "0")


def disable() -> None:
    """Bypass the cache in this process and the worker processes it starts."""
    os.environ[NO_CACHE_ENV] = "1"


def cache_dir() -> Path:
    """The directory that holds the cached entries."""
    if os.environ.get(CACHE_DIR_ENV):
        return Path(os.environ[CACHE_DIR_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "opvangtoets"


def key_of(*parts: str | bytes) -> str:
    """A key made of `parts` (and of this Python, whose pickles and objects the entry holds)."""
    digest = hashlib.sha256(sys.version.encode())
    for part in parts:
        digest.update(b"\0" + (part.encode() if isinstance(part, str) else part))
    return digest.hexdigest()


def read(name: str, key: str) -> Any | None:
    """The value stored as `name` under `key`, or None when there is none or it is stale or
    corrupt."""
    try:
        raw = (cache_dir() / name).read_bytes()
    except OSError:
        return None
    head = len(_MAGIC)
    if not raw.startswith(_MAGIC) or len(raw) < head + _DIGEST + len(key):
        return None
    checksum, body = raw[head : head + _DIGEST], raw[head + _DIGEST :]
    if hashlib.sha256(body).digest() != checksum:
        return None  # corrupt: written halfway, truncated or altered
    stored_key, _, payload = body.partition(b"\n")
    if stored_key != key.encode():
        return None  # stale: made from other files or by another version
    try:
        return pickle.loads(payload)
    except Exception:  # a pickle of classes this version no longer has
        return None


def write(name: str, key: str, value: Any) -> None:
    """Store `value` as `name` under `key`; a cache that cannot be written is left alone."""
    import tempfile  # only here: a process that reads its entries never needs it

    with contextlib.suppress(Exception):  # unwritable, full disk, unpicklable: no cache
        body = key.encode() + b"\n" + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        # written beside its place and renamed: a reader never sees half an entry
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(_MAGIC + hashlib.sha256(body).digest() + body)
            os.replace(temporary, folder / name)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


def kept(name: str, key: str, make: Callable[[], T]) -> T:
    """The value stored as `name` under `key`, or `make()` (stored for the next process)."""
    if not enabled():
        return make()
    value = read(name, key)
    if value is None:
        value = make()
        write(name, key, value)
    return value
