"""The web app and its rules engine in one long-lived process of their own.

durable_rules is a C module that must not be shared between threads and that can take
its process down (a segmentation fault). The server's threads therefore hand each request,
one at a time, to this single worker process, which holds the only engine. When the worker
dies, that request is answered with an error page and the next one starts a new worker;
when a request takes longer than the time limit, the worker is stopped and restarted.
The server itself never loads the engine.

Requests cross as (environ strings, body bytes), answers as (status, headers) and the
body bytes: plain data, so the worker is started with `spawn`, which works on Windows
and does not copy the server's threads.
"""

from __future__ import annotations

import io
import multiprocessing
import signal
import sys
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

#: Longest one request may keep the engine: a 1,000-row table took 18 s on a busy machine.
REQUEST_SECONDS = 120
#: Longest the worker may take to compile the norm library.
START_SECONDS = 300


class WorkerStopped(Exception):
    """The worker died or was stopped; `reason` says how (for the server's terminal)."""

    def __init__(self, reason: str, timed_out: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.timed_out = timed_out


@dataclass
class StartFailed(Exception):
    """The norm library could not be compiled: what `make_checker` would have reported."""

    problems: list  # list[Problem], for report_problems
    message: str | None = None


@dataclass(frozen=True)
class Settings:
    """What the engine worker needs to build the app: norm directories, language, table limit."""

    norms_dirs: tuple[str, ...]
    lang: str
    max_locations: int | None


def _exit_reason(code: int | None) -> str:
    if code is not None and code < 0:
        return f"signal {-code}"
    return f"exit code {code}"


class EngineWorker:
    """One worker process at a time; `call` is safe from any thread and serialises."""

    def __init__(self, settings: Settings, request_seconds: float = REQUEST_SECONDS):
        self.settings = settings
        self.request_seconds = request_seconds
        self._lock = threading.Lock()
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None

    def start(self) -> None:
        """Start the worker and wait until its engine is compiled; StartFailed if it cannot."""
        with self._lock:
            self._start()

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        process = context.Process(
            target=serve_requests, args=(theirs, self.settings), name="opvangtoets-engine"
        )
        process.daemon = True
        process.start()
        theirs.close()  # else our end never sees the worker's end close when it dies
        try:
            if not ours.poll(START_SECONDS):
                raise WorkerStopped(f"no answer in {START_SECONDS} s")
            kind, detail = ours.recv()
        except (EOFError, OSError):
            process.join(5)
            ours.close()
            raise WorkerStopped(_exit_reason(process.exitcode)) from None
        except WorkerStopped:
            process.kill()
            process.join()
            ours.close()
            raise
        if kind != "ready":
            process.join(5)
            ours.close()
            raise StartFailed(*detail)
        self._process, self._conn = process, ours

    def stop(self) -> None:
        """Stop the worker process (it is started again by the next request)."""
        with self._lock:
            self._stop()

    def _stop(self, wait: float = 2) -> str:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if process is None:
            return "not running"
        if conn is not None:
            conn.close()  # a live worker reads end-of-file and returns
        process.join(wait)
        if process.exitcode is None:
            process.kill()
            process.join()
        return _exit_reason(process.exitcode)

    def call(self, environ: dict[str, str], body: bytes) -> tuple[str, list, bytes]:
        """(status, headers, body) for one request; WorkerStopped if the worker died on it
        or took longer than `request_seconds` (it is then stopped: the next call restarts)."""
        with self._lock:
            if self._process is not None and not self._process.is_alive():
                self._stop()  # died between requests: not this request's doing
            if self._process is None:
                try:
                    self._start()
                except StartFailed as failed:  # e.g. a norms directory removed meanwhile
                    reason = failed.message or "; ".join(p.render() for p in failed.problems)
                    raise WorkerStopped(reason) from None
            conn = self._conn
            assert conn is not None  # _start() set it or raised
            try:
                conn.send((environ, body))
                if not conn.poll(self.request_seconds):
                    self._stop(wait=0)  # busy: it would not see the pipe close
                    raise WorkerStopped(
                        f"took longer than {self.request_seconds:g} s", timed_out=True
                    )
                status, headers = conn.recv()
                return status, headers, conn.recv_bytes()
            except (EOFError, OSError):
                raise WorkerStopped(self._stop()) from None


def serve_requests(conn, settings: Settings) -> None:
    """The worker: compile the library once, then answer requests until the pipe closes."""
    # Ctrl+C reaches every process of the terminal: the server stops this worker itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from checker.api import Checker
    from checker.errors import InputError
    from checker.evaluate.engine import EngineError
    from checker.web.app import create_app

    try:
        checker = Checker([Path(d) for d in settings.norms_dirs])
    except InputError as exc:
        conn.send(("failed", (exc.problems,)))
        return
    except EngineError as exc:
        conn.send(("failed", ([], str(exc))))
        return
    app = create_app(checker, settings.lang, settings.max_locations)
    conn.send(("ready", None))
    while True:
        try:
            environ, body = conn.recv()
            status, headers, data = run_app(app, environ, body)
            conn.send((status, headers))
            conn.send_bytes(data)
        except (EOFError, OSError):  # the server has gone: so does its worker
            return


def run_app(app, strings: dict[str, str], body: bytes) -> tuple[str, list, bytes]:
    """Call a WSGI app with a request given as plain data; its whole answer as bytes."""
    environ = {
        **strings,
        "wsgi.version": (1, 0),
        "wsgi.input": io.BytesIO(body),
        "wsgi.input_terminated": True,
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    started: list = []

    def start_response(status, headers, exc_info=None):
        started[:] = [status, list(headers)]

    result = app(environ, start_response)
    try:
        data = b"".join(result)
    finally:
        getattr(result, "close", lambda: None)()
    return started[0], started[1], data
