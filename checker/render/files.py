"""Output files that are either complete or absent, for every command that writes files.

Each output is written to a temporary file in its own directory and renamed over its
path only when every output of the run is complete: an interrupt, a full disk or a crash
leaves the earlier file as it was, and never a partial one. Renaming replaces a symbolic
link planted at the path instead of writing through it to its target.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from checker.errors import InputError, Problem, labelled_problem


def cannot_write(path: Path | str, exc: OSError) -> Problem:
    """The problem of an output that cannot be written: its path and the reason."""
    reason = exc.strerror or str(exc)
    return labelled_problem(
        str(path), None, "cannot_write_output", hint_key="cannot_write_output_hint", reason=reason
    )


class Outputs:
    """The output files of one run: `open` them, write, then `commit` (all are renamed into
    place) or `discard` (none is; the earlier files stay). As a context manager it commits
    when the block ends normally and discards on any exception, Ctrl+C included."""

    def __init__(self) -> None:
        self._pending: list[tuple[Path, str, IO]] = []

    def open_bytes(self, path: Path | str) -> IO[bytes]:
        """A binary handle (a workbook) whose content becomes `path` at `commit`."""
        path = Path(path)
        fd, temp = self._temp(path)
        handle = os.fdopen(fd, "wb")
        self._pending.append((path, temp, handle))
        return handle

    def _temp(self, path: Path) -> tuple[int, str]:
        try:
            return tempfile.mkstemp(
                prefix=f".{path.name}.", suffix=".part", dir=path.parent or Path(".")
            )
        except OSError as exc:
            raise InputError([cannot_write(path, exc)]) from None

    def open(self, path: Path | str, *, newline: str | None = None) -> IO[str]:
        """A text handle whose content becomes `path` at `commit`; raises InputError with the
        path and reason when it cannot be created."""
        path = Path(path)
        try:
            fd, temp = tempfile.mkstemp(
                prefix=f".{path.name}.", suffix=".part", dir=path.parent or Path(".")
            )
        except OSError as exc:
            raise InputError([cannot_write(path, exc)]) from None
        handle = os.fdopen(fd, "w", encoding="utf-8", newline=newline)
        self._pending.append((path, temp, handle))
        return handle

    def commit(self) -> list[Path]:
        """Make every output complete on disk, then rename each into place; raises InputError
        (and keeps the earlier files) when one of them cannot be completed."""
        try:
            for path, _, handle in self._pending:
                try:
                    handle.flush()
                    os.fsync(handle.fileno())
                    handle.close()
                except OSError as exc:
                    raise InputError([cannot_write(path, exc)]) from None
            for path, temp, _ in self._pending:
                try:
                    os.chmod(temp, 0o666 & ~_umask())
                    os.replace(temp, path)
                except OSError as exc:
                    raise InputError([cannot_write(path, exc)]) from None
        except BaseException:
            self.discard()
            raise
        done = [path for path, _, _ in self._pending]
        self._pending = []
        return done

    def failing_path(self) -> Path | None:
        """The output whose pending text cannot be written (after a write failed)."""
        for path, _, handle in self._pending:
            try:
                handle.flush()
            except OSError:
                return path
        return None

    def discard(self) -> None:
        """Remove every temporary file; the earlier outputs stay as they were."""
        for _, temp, handle in self._pending:
            with contextlib.suppress(OSError):
                handle.close()
            with contextlib.suppress(OSError):
                os.unlink(temp)
        self._pending = []

    def __enter__(self) -> Outputs:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def output_file(path: Path | str, *, newline: str | None = None) -> Iterator[IO[str]]:
    """One output file, complete or absent (see `Outputs`)."""
    with Outputs() as outputs:
        yield outputs.open(path, newline=newline)


def write_output(path: Path | str, text: str | bytes) -> Path:
    """`text` (or bytes) as the file `path`, complete or not at all; raises InputError with
    the path and the reason (a full disk, a read-only directory) when it cannot be written."""
    try:
        if isinstance(text, bytes):
            with Outputs() as outputs:
                outputs.open_bytes(path).write(text)
            return Path(path)
        with output_file(path) as handle:
            handle.write(text)
    except OSError as exc:  # a write that failed before the commit
        raise InputError([cannot_write(path, exc)]) from None
    return Path(path)
