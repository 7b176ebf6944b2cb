"""`opvangtoets serve`: the checker as a web page on this computer (see checker/web/app.py)."""

from __future__ import annotations

import ipaddress
import socket
import sys
import threading
import webbrowser

import click

from checker.cli.common import (
    EXIT_INPUT,
    lang_option,
    make_checker,
    norms_dir_option,
    report_problems,
)
from checker.errors import labelled_problem
from checker.i18n import t


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; anything but 127.0.0.1 lets other computers in / adres.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on; 0 picks a free one / poort.",
)
@lang_option
@norms_dir_option
@click.option(
    "--max-locations",
    type=click.IntRange(min=1),
    help="Locations per uploaded table (default 1,000) / grens aan locaties per tabel.",
)
@click.option(
    "--open/--no-open",
    "open_browser",
    default=False,
    show_default=True,
    help="Open the page in the default browser / open de pagina in de standaardbrowser.",
)
def serve_command(
    host: str,
    port: int,
    lang: str,
    norms_dir: tuple[str, ...],
    max_locations: int | None,
    open_browser: bool = False,
) -> None:
    """Open the checker as a web page on this computer: a form, upload, download, what-if."""
    from werkzeug.serving import make_server

    from checker.web.app import create_app, quiet_request_log

    checker = make_checker(norms_dir, lang)
    app = create_app(checker, lang, max_locations)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        # Bound here, not by werkzeug, whose own message is English only and exits with 1.
        listening = socket.create_server((host, port), family=family)
    except (OSError, OverflowError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        taken = labelled_problem(
            "opvangtoets serve",
            None,
            "web_port_taken",
            hint_key="web_port_hint",
            host=host,
            port=port,
            reason=reason,
        )
        report_problems([taken], lang)
        sys.exit(EXIT_INPUT)
    with listening:
        # One request at a time: the rules engine is not shared between threads.
        server = make_server(host, port, app, threaded=False, fd=listening.fileno())
    quiet_request_log()
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{server.port}/{lang}/"
    click.echo(t("web_serving", lang, url=url))
    click.echo(t("web_loopback" if _is_loopback(host) else "web_exposed", lang, host=host))
    if open_browser:
        # In a thread: a browser named by $BROWSER may not return until it is closed.
        threading.Thread(target=_open_page, args=(url, lang), daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _open_page(url: str, lang: str) -> None:
    if not webbrowser.open(url):
        click.echo(t("web_no_browser", lang, url=url), err=True)
