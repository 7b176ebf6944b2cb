"""`opvangtoets serve`: the checker as a web page on this computer (see checker/web/app.py)."""

from __future__ import annotations

import ipaddress
import socket
import threading
import webbrowser

import click

from checker.cli.common import Refusal, lang_option, norms_dir_option
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
    from checker.source.limits import MAX_FILE_BYTES
    from checker.web.server import make_server
    from checker.web.worker import EngineWorker, Settings, StartFailed, WorkerStopped

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        # Bound here, before the engine is compiled: a port in use is said at once, in the
        # user's language, with exit 2.
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
    worker = EngineWorker(Settings(norms_dir, lang, max_locations))
    try:
        worker.start()
    except StartFailed as failed:
        listening.close()
        more = [f"opvangtoets: {failed.message}"] if failed.message else []
        raise Refusal.of(failed.problems, lang, *more) from None
    except WorkerStopped as stopped:
        listening.close()
        raise Refusal(t("web_engine_start_failed", lang, reason=stopped.reason)) from None
    server = make_server(listening, worker, host, lang, MAX_FILE_BYTES.value())
    shown = f"[{host}]" if ":" in host else host
    bound_port = listening.getsockname()[1]
    url = f"http://{shown}:{bound_port}/{lang}/"
    click.echo(t("web_serving", lang, url=url))
    click.echo(t("web_loopback" if _is_loopback(host) else "web_exposed", lang, host=host))
    if open_browser:
        # In a thread: a browser named by $BROWSER may not return until it is closed.
        threading.Thread(target=_open_page, args=(url, lang), daemon=True).start()
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        worker.stop()


def _open_page(url: str, lang: str) -> None:
    """Open `url` in the default browser, or say where to go when there is none."""
    if not webbrowser.open(url):
        click.echo(t("web_no_browser", lang, url=url), err=True)
