"""`opvangtoets serve`: the checker as a web page on this computer (see checker/web/app.py)."""

from __future__ import annotations

import ipaddress
import socket

import click

from checker.cli.common import Refusal, lang_option, make_checker, norms_dir_option
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
def serve_command(
    host: str, port: int, lang: str, norms_dir: tuple[str, ...], max_locations: int | None
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
        raise Refusal.of([taken], lang) from None
    with listening:
        # One request at a time: the rules engine is not shared between threads.
        server = make_server(host, port, app, threaded=False, fd=listening.fileno())
    quiet_request_log()
    shown = f"[{host}]" if ":" in host else host
    click.echo(t("web_serving", lang, url=f"http://{shown}:{server.port}/{lang}/"))
    click.echo(t("web_loopback" if _is_loopback(host) else "web_exposed", lang, host=host))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
