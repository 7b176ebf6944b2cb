"""A checked norm library kept on disk, so a fresh process need not check it again.

Checking the library (YAML, JSON Schema, every condition against the location model) is
most of what a cold `opvangtoets check` costs, and its result only changes when a norm
file or the checker changes. So the checked `Library` is stored under a key made of
everything it was made from: the package version, the Python and pydantic versions, the
checker's own code that reads and checks norms, and the name and bytes of every norm file.
A changed file makes a new key; an entry whose key or checksum does not match is stale or
corrupt and is ignored (and replaced). Reading or writing the cache never fails a command:
any problem means a fresh load, as without the cache.

Where: `$OPVANGTOETS_CACHE_DIR`, else `$XDG_CACHE_HOME/opvangtoets`, else
`~/.cache/opvangtoets`. `OPVANGTOETS_NO_CACHE=1` (the `--no-cache` option) bypasses it.

The entry is a pickle, so it is read only from the user's own cache directory, and only
after its SHA-256 matches the header: a truncated or altered file is never unpickled.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

CACHE_DIR_ENV = "OPVANGTOETS_CACHE_DIR"
NO_CACHE_ENV = "OPVANGTOETS_NO_CACHE"
_MAGIC = b"opvangtoets-library-cache 1\n"
_DIGEST = 32  # bytes of SHA-256
# the checker's code whose change can change a checked library (how it is read and checked)
_CODE = ("library/*.py", "location/*.py", "source/*.py", "schemas/*.json", "errors.py")


def enabled() -> bool:
    """False when the user asked to bypass the cache (`--no-cache`)."""
    return os.environ.get(NO_CACHE_ENV, "") in ("", "0")


def disable() -> None:
    """Bypass the cache in this process and the worker processes it starts."""
    os.environ[NO_CACHE_ENV] = "1"


def cache_dir() -> Path:
    """The directory that holds the cached libraries."""
    if os.environ.get(CACHE_DIR_ENV):
        return Path(os.environ[CACHE_DIR_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "opvangtoets"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


def library_key(paths: list[Path], shipped: bool) -> str:
    """The key of the library made of the norm files `paths` (read here, in this order)."""
    digest = hashlib.sha256()
    versions = (_version("opvangtoets"), _version("pydantic"), sys.version, str(shipped))
    digest.update("\0".join(versions).encode())
    root = Path(__file__).resolve().parent.parent
    for pattern in _CODE:
        for code in sorted(root.glob(pattern)):
            digest.update(code.name.encode() + b"\0" + code.read_bytes())
    for path in paths:
        digest.update(b"\0" + str(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _entry(key: str) -> Path:
    return cache_dir() / f"library-{key[:32]}.pickle"


def read(key: str) -> Any | None:
    """The library stored under `key`, or None when there is none or it is stale or corrupt."""
    try:
        raw = _entry(key).read_bytes()
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
        return None  # stale: another library or another version of the checker
    try:
        return pickle.loads(payload)
    except Exception:  # a pickle of classes this version no longer has
        return None


def write(key: str, library: Any) -> None:
    """Store `library` under `key`; a cache that cannot be written is left alone."""
    with contextlib.suppress(Exception):  # unwritable, full disk, unpicklable: no cache
        body = key.encode() + b"\n" + pickle.dumps(library, protocol=pickle.HIGHEST_PROTOCOL)
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        # written beside its place and renamed: a reader never sees half an entry
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".library-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(_MAGIC + hashlib.sha256(body).digest() + body)
            os.replace(temporary, _entry(key))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
