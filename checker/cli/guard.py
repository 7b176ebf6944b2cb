"""What every command does when the world interrupts it: Ctrl+C and SIGTERM stop it with exit
130 and a message, and an output that cannot be written (standard output on a full disk,
closed early) stops it with exit 2, the path and the reason, never a traceback."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
import threading

import click

from checker.i18n import t
from checker.launch import chosen_language

EXIT_INTERRUPTED = 130


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def stdout_name() -> str:
    """Where standard output goes (a file's path when the system can tell), for messages."""
    with contextlib.suppress(OSError):
        target = os.readlink(f"/proc/self/fd/{sys.stdout.fileno()}")
        if target.startswith("/"):
            return target
    return t("standard_output", chosen_language(sys.argv[1:]))


def _discard_stdout() -> None:
    """Point standard output at /dev/null, so the text still buffered cannot fail again when
    the interpreter flushes it on exit (which would turn exit 2 into 120)."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


class GuardedGroup(click.Group):
    """A click group whose commands end in a known way on interrupts and failed writes."""

    def invoke(self, ctx: click.Context):
        """Run the command; an interrupt or a failed write ends it with its exit code."""
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, _interrupt)
        lang = chosen_language(sys.argv[1:])
        try:
            try:
                return super().invoke(ctx)
            finally:
                sys.stdout.flush()  # a full disk shows here, inside the guard
        except KeyboardInterrupt:
            _discard_stdout()
            click.echo(t("interrupted", lang), err=True)
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None
        except OSError as exc:
            if exc.errno == errno.EPIPE:  # the reader stopped (`| head`): click stays quiet
                raise
            where = exc.filename or stdout_name()
            _discard_stdout()
            reason = exc.strerror or str(exc)
            click.echo(t("cannot_write_stdout", lang, where=where, reason=reason), err=True)
            raise click.exceptions.Exit(2) from None
