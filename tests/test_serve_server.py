"""`opvangtoets serve` as a server: one client cannot stop it, and it answers only its own pages.

The real command on a free loopback port (127.0.0.1, never a name the resolver would look
up), driven with raw sockets and http.client. Every wait is bounded by a socket timeout.
"""

from __future__ import annotations

import http.client
import os
import re
import select
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from html import unescape
from pathlib import Path

import pytest

from checker.i18n import t
from checker.web.guard import foreign_origin, host_allowed
from checker.web.worker import EngineWorker, Settings, WorkerStopped

OPVANGTOETS = Path(sys.executable).with_name("opvangtoets")
LOOPBACK = "127.0.0.1"
#: A small upload limit, so that a body over it is quick to send.
LIMIT = 1024 * 1024
#: A page another client waits for while the server is being held up must come within this.
PROMPT = 5.0
FORM = {"name": "Sporthal De Meent", "children_count": "40", "as_of": "2026-01-15"}


@pytest.fixture(scope="module")
def server():
    """The command as a user starts it: (its process, the port it picked)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "OPVANGTOETS_MAX_FILE_BYTES": str(LIMIT)}
    process = subprocess.Popen(
        [str(OPVANGTOETS), "serve", "--port", "0", "--lang", "en"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        first = process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)/en/", first)
        assert found, (first, process.stderr.read() if process.poll() is not None else "")
        yield process, int(found.group(1))
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def port(server):
    return server[1]


def request(port, method, path, body=None, headers=None, timeout=PROMPT):
    """(status, page text, seconds taken) of one request on its own connection."""
    connection = http.client.HTTPConnection(LOOPBACK, port, timeout=timeout)
    sent = dict(headers or {})
    if isinstance(body, dict):
        body = urllib.parse.urlencode(body)
        sent.setdefault("Content-Type", "application/x-www-form-urlencoded")
    started = time.monotonic()
    try:
        chunked = body is not None and not isinstance(body, str | bytes)
        connection.request(method, path, body=body, headers=sent, encode_chunked=chunked)
        answer = connection.getresponse()
        return answer.status, answer.read().decode(), time.monotonic() - started
    finally:
        connection.close()


def held(port, first_bytes: bytes) -> socket.socket:
    """A connection that sends `first_bytes` and then nothing."""
    sock = socket.create_connection((LOOPBACK, port), timeout=PROMPT)
    if first_bytes:
        sock.sendall(first_bytes)
    return sock


def message_of(page: str) -> str:
    return unescape(re.search(r'id="message">(.*?)</p>', page, re.S).group(1))


@pytest.mark.parametrize(
    "first_bytes",
    [b"", b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"],
    ids=["silent", "half-a-header"],
)
def test_another_clients_page_is_served_while_a_connection_is_held_open(port, first_bytes):
    with held(port, first_bytes) as idle:
        time.sleep(0.3)  # the server has accepted it and waits for the rest
        status, page, seconds = request(port, "GET", "/en/")
        assert status == 200 and t("web_title", "en") in page
        assert seconds < PROMPT
        idle.settimeout(0.1)
        with pytest.raises(TimeoutError):  # still open: it was not closed to serve the other
            idle.recv(1)


def test_a_content_length_larger_than_the_body_does_not_block_others(port):
    head = (
        b"POST /en/check HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
    )
    with held(port, head + b"name=short"):
        time.sleep(0.3)
        status, page, _ = request(port, "POST", "/en/check", FORM)
        assert status == 200 and 'id="verdict"' in page


def test_a_chunked_body_over_the_limit_is_refused_with_413_not_cut_short(port):
    piece = b"A" * 65536
    chunks = [b"5\r\nname=\r\n"] + [b"%x\r\n" % len(piece) + piece + b"\r\n"] * 40  # 2.5 MiB
    answer = b""
    with socket.create_connection((LOOPBACK, port), timeout=PROMPT) as sock:
        sock.sendall(
            b"POST /en/check HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        try:
            for chunk in [*chunks, b"0\r\n\r\n"]:
                # Read an answer as soon as there is one: the server closes after refusing,
                # and a reset can throw away what the client has not read yet.
                if select.select([sock], [], [], 0)[0]:
                    break
                sock.sendall(chunk)
            while data := sock.recv(65536):
                answer += data
        except (BrokenPipeError, ConnectionResetError):
            pass  # closed after the answer: what was read says how
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413 ")
    text = message_of(body.decode())
    assert text.startswith("The upload is larger than 1 MiB, the limit for one file.")
    assert "OPVANGTOETS_MAX_FILE_BYTES" in text


def test_a_chunked_body_under_the_limit_is_checked_whole(port):
    body = urllib.parse.urlencode({**FORM, "name": "B" * 200_000}).encode()
    status, page, _ = request(
        port,
        "POST",
        "/en/check",
        iter([body[:1000], body[1000:]]),  # an iterable body goes out chunked
        {"Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked"},
        timeout=30,
    )
    assert status == 200 and "B" * 200_000 in page


@pytest.mark.parametrize("host", ["attacker.example", "attacker.example:8000", "192.168.1.5"])
def test_a_request_for_another_host_gets_400_with_a_page_saying_so(port, host):
    status, page, _ = request(port, "GET", "/nl/", headers={"Host": host})
    assert status == 400
    assert message_of(page) == t("web_wrong_host", "nl", host=host)


@pytest.mark.parametrize("host", ["localhost", "LOCALHOST:{port}", "127.0.0.1:{port}", "[::1]"])
def test_loopback_names_and_addresses_are_answered(port, host):
    status, _, _ = request(port, "GET", "/en/", headers={"Host": host.format(port=port)})
    assert status == 200


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://localhost:8766"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
        {"Sec-Fetch-Site": "same-site"},
        {"Referer": "http://127.0.0.1:1/attacker.html"},
    ],
    ids=["other-origin", "null-origin", "cross-site", "same-site", "foreign-referer"],
)
def test_a_cross_site_form_post_is_refused(port, headers):
    status, page, _ = request(port, "POST", "/en/check", FORM, headers)
    assert status == 403
    assert message_of(page).startswith("This form was sent from another web site (")
    assert 'id="verdict"' not in page


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://127.0.0.1:{port}", "Sec-Fetch-Site": "same-origin"},
        {"Referer": "http://127.0.0.1:{port}/en/"},
        {},  # not from a browser page: curl, scripts
    ],
    ids=["same-origin", "own-referer", "no-browser"],
)
def test_a_same_origin_form_post_is_checked(port, headers):
    sent = {name: value.format(port=port) for name, value in headers.items()}
    status, page, _ = request(port, "POST", "/en/check", FORM, sent)
    assert status == 200
    assert re.search(r'id="verdict" data-verdict="([a-z_]+)"', page)


def _engine_pid(server_pid: int) -> int:
    """The worker process among the server's children (the other is multiprocessing's
    resource tracker)."""
    for child in Path(f"/proc/{server_pid}/task/{server_pid}/children").read_text().split():
        if "spawn_main" in Path(f"/proc/{child}/cmdline").read_text():
            return int(child)
    raise AssertionError("no engine worker")


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_an_engine_that_dies_on_a_request_gets_a_500_page_and_the_server_goes_on(server, port):
    table = "id,name,children_count\n" + "".join(f"l{i},L {i},{i}\n" for i in range(1000))
    boundary = "b0undary"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="t.csv"\r\n'
        f"Content-Type: text/csv\r\n\r\n{table}\r\n--{boundary}--\r\n"
    ).encode()
    connection = http.client.HTTPConnection(LOOPBACK, port, timeout=60)
    connection.request(
        "POST", "/nl/upload", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    )
    time.sleep(1.0)  # the worker is checking the table
    os.kill(_engine_pid(server[0].pid), signal.SIGKILL)
    answer = connection.getresponse()
    page = answer.read().decode()
    connection.close()
    assert answer.status == 500
    assert message_of(page) == t("web_engine_stopped", "nl")
    status, page, _ = request(port, "POST", "/en/check", FORM, timeout=60)
    assert status == 200 and 'id="verdict"' in page


def test_a_check_over_the_time_limit_is_stopped_and_the_next_request_is_answered():
    worker = EngineWorker(Settings((), "en", None), request_seconds=0.01)
    table = "id,name,children_count\n" + "".join(f"l{i},L {i},{i}\n" for i in range(300))
    boundary = "b0undary"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="t.csv"\r\n'
        f"Content-Type: text/csv\r\n\r\n{table}\r\n--{boundary}--\r\n"
    ).encode()
    upload = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/en/upload",
        "SERVER_NAME": LOOPBACK,
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "CONTENT_TYPE": f"multipart/form-data; boundary={boundary}",
        "CONTENT_LENGTH": str(len(body)),
    }
    try:
        worker.start()
        with pytest.raises(WorkerStopped) as stopped:
            worker.call(upload, body)
        assert stopped.value.timed_out and stopped.value.reason == "took longer than 0.01 s"
        worker.request_seconds = 60
        status, _, page = worker.call({**upload, "REQUEST_METHOD": "GET", "PATH_INFO": "/en/"}, b"")
        assert status == "200 OK" and t("web_title", "en") in page.decode()
    finally:
        worker.stop()


@pytest.mark.parametrize(
    ("host", "bound", "allowed"),
    [
        ("127.0.0.1:8000", "127.0.0.1", True),
        ("127.0.0.2", "127.0.0.1", True),
        ("[::1]:8000", "127.0.0.1", True),
        ("localhost.", "127.0.0.1", True),
        ("localhost.attacker.example", "127.0.0.1", False),
        ("127.0.0.1.attacker.example", "127.0.0.1", False),
        ("10.0.0.7:8000", "127.0.0.1", False),
        ("10.0.0.7:8000", "0.0.0.0", True),  # listening everywhere: any address, never a name
        ("[fe80::1]", "::", True),
        ("files.example", "0.0.0.0", False),
        ("10.0.0.7", "10.0.0.7", True),
        ("", "127.0.0.1", False),
        (None, "127.0.0.1", False),
    ],
)
def test_host_allowed(host, bound, allowed):
    assert host_allowed(host, bound) is allowed


def test_only_posts_are_checked_for_their_origin():
    assert foreign_origin("GET", {"HTTP_ORIGIN": "https://evil.example"}, "127.0.0.1") is None
    posted = {"HTTP_ORIGIN": "https://evil.example"}
    assert foreign_origin("POST", posted, "127.0.0.1:8000") == "https://evil.example"
    own = {"HTTP_ORIGIN": "http://127.0.0.1:8000"}
    assert foreign_origin("POST", own, "127.0.0.1:8000") is None
