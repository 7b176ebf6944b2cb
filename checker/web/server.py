"""The HTTP side of `opvangtoets serve`: waitress in front, the engine worker behind it.

waitress reads every request completely, on its own event loop, before a thread hands it
on, so a client that is slow, idle or sends less than its Content-Length holds only its
own connection, until the idle timeout closes it. Bodies over the upload limit are refused
with 413 while they arrive, chunked ones too. Requests for another Host and form posts
from another site are refused here, before they reach the engine (checker/web/guard.py).
"""

from __future__ import annotations

import socket
from collections.abc import Callable

import click
from waitress.channel import HTTPChannel
from waitress.server import create_server
from waitress.task import ErrorTask

from checker.i18n import LANGUAGES, t
from checker.web.app import SECURITY_HEADERS, UPLOAD_SLACK, too_large_text
from checker.web.guard import foreign_origin, host_allowed
from checker.web.pages import message_page
from checker.web.problem import PROBLEM_TYPE, problem_body
from checker.web.worker import EngineWorker, WorkerStopped

#: Seconds a connection may stay silent (half a request, or between requests) before it is
#: closed. A person's browser sends a form in one go; only a stalled client waits this long.
IDLE_SECONDS = 15
#: Connections open at once; beyond this new ones wait in the listen queue (each idle one
#: costs a file descriptor and a few kB, and is closed after IDLE_SECONDS).
CONNECTIONS = 500
#: Threads that wait for the worker; the worker answers one request at a time.
THREADS = 4
#: Longest shown part of a Host or Origin a page echoes back.
ECHO = 100


def page_lang(path: str, default: str) -> str:
    """The language a request path asks for (its first segment), else `default`."""
    first = path.strip("/").split("/", 1)[0]
    return first if first in LANGUAGES else default


def _answer(start_response, code: int, reason: str, page: str, api: bool = False) -> list[bytes]:
    """A refusal: the page, or for the JSON API problem details with its text as the title."""
    body = problem_body(code, page) if api else page.encode("utf-8")
    headers = [
        ("Content-Type", PROBLEM_TYPE if api else "text/html; charset=utf-8"),
        ("Content-Length", str(len(body))),
        *SECURITY_HEADERS.items(),
    ]
    start_response(f"{code} {reason}", headers)
    return [body]


def _request_strings(environ: dict) -> dict[str, str]:
    """What the worker needs of a request: its strings (waitress's callables stay here)."""
    return {k: v for k, v in environ.items() if isinstance(v, str)}


def front(worker: EngineWorker, bound_host: str, default_lang: str) -> Callable:
    """The WSGI app waitress runs: refusals here, everything else through the worker."""

    def app(environ, start_response):
        lang = page_lang(environ.get("PATH_INFO", ""), default_lang)
        host = environ.get("HTTP_HOST")
        if not host_allowed(host, bound_host):
            text = t("web_wrong_host", lang, host=(host or "")[:ECHO])
            if environ.get("PATH_INFO", "").startswith("/api/"):
                return _answer(start_response, 400, "Bad Request", text, api=True)
            return _answer(start_response, 400, "Bad Request", message_page(lang, text))
        origin = foreign_origin(environ["REQUEST_METHOD"], environ, host)
        if origin is not None:
            text = t("web_cross_site", lang, origin=origin[:ECHO])
            return _answer(start_response, 403, "Forbidden", message_page(lang, text))
        body = environ["wsgi.input"].read()
        try:
            status, headers, data = worker.call(_request_strings(environ), body)
        except WorkerStopped as stopped:
            path = environ.get("PATH_INFO", "")[:ECHO]
            click.echo(t("web_engine_restarted", lang, reason=stopped.reason, path=path), err=True)
            if stopped.timed_out:
                text = t("web_engine_timeout", lang, seconds=f"{worker.request_seconds:g}")
                page = message_page(lang, text)
                return _answer(start_response, 503, "Service Unavailable", page)
            page = message_page(lang, t("web_engine_stopped", lang))
            return _answer(start_response, 500, "Internal Server Error", page)
        start_response(status, headers)
        return [data]

    return app


def refusal_channel(default_lang: str, upload_limit: int) -> type[HTTPChannel]:
    """waitress's own refusals (body too large, broken HTTP) as this product's pages."""

    class PageErrorTask(ErrorTask):
        def execute(self):
            lang = page_lang(self.request.path or "", default_lang)
            error = self.request.error
            if error.code == 413:
                text = too_large_text(lang, upload_limit)
                page = message_page(lang, text, "web_file_problems")
            else:
                text = t("web_bad_request", lang)
                page = message_page(lang, text)
            kind = "text/html; charset=utf-8"
            if (self.request.path or "").startswith("/api/"):
                body, kind = problem_body(error.code, text), PROBLEM_TYPE
            else:
                body = page.encode("utf-8")
            self.status = f"{error.code} {error.reason}"
            self.response_headers.extend([("Content-Type", kind), *SECURITY_HEADERS.items()])
            self.set_close_on_finish()
            self.content_length = len(body)
            self.write(body)

    class PageErrorChannel(HTTPChannel):
        error_task_class = PageErrorTask

    return PageErrorChannel


def make_server(
    listening: socket.socket, worker: EngineWorker, bound_host: str, lang: str, upload_limit: int
):
    """A waitress server on an already bound socket (the CLI binds it to word its errors)."""
    server = create_server(
        front(worker, bound_host, lang),
        sockets=[listening],
        threads=THREADS,
        channel_timeout=IDLE_SECONDS,
        cleanup_interval=max(1, IDLE_SECONDS // 3),
        connection_limit=CONNECTIONS,
        # One byte over what the app accepts: waitress refuses at the limit ("≥"), the app
        # above it, so both refuse exactly the same bodies.
        max_request_body_size=upload_limit + UPLOAD_SLACK + 1,
        # Bodies stay in memory (nothing a user sends is written to disk).
        inbuf_overflow=upload_limit + UPLOAD_SLACK + 1,
        outbuf_overflow=1 << 30,
        # poll, not select: select cannot watch more than 1,024 sockets (poll is not on
        # Windows; waitress then uses select).
        asyncore_use_poll=True,
        expose_tracebacks=False,
        ident="opvangtoets",
    )
    server.channel_class = refusal_channel(lang, upload_limit)
    return server
