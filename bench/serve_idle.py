"""The delay another client sees while N connections to `opvangtoets serve` are held open.

    python bench/serve_idle.py               # N = 1, 10, 100, 400
    python bench/serve_idle.py 50 490        # other numbers (the server keeps 500 open)

Starts the real command on a free loopback port (127.0.0.1 only), opens N connections that
stay idle (half send nothing, half half a request header), then times 20 ordinary page
requests (GET /en/) and 5 form checks (POST /en/check) from another client, each on its
own connection. Prints the median and the slowest of each. The idle connections are
closed by the server after its idle timeout (15 s); each N runs within that. Nothing is
asserted; figures measured while other work runs on the machine are noisy.
"""

from __future__ import annotations

import http.client
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

LOOPBACK = "127.0.0.1"
OPVANGTOETS = Path(sys.executable).with_name("opvangtoets")
FORM = urllib.parse.urlencode({"name": "Sporthal De Meent", "children_count": "40"})


def timed(port: int, method: str, path: str, body: str | None = None) -> float:
    started = time.monotonic()
    connection = http.client.HTTPConnection(LOOPBACK, port, timeout=60)
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
    connection.request(method, path, body=body, headers=headers)
    answer = connection.getresponse()
    answer.read()
    connection.close()
    assert answer.status == 200, answer.status
    return time.monotonic() - started


def hold(port: int, n: int) -> list[socket.socket]:
    held = []
    for i in range(n):
        sock = socket.create_connection((LOOPBACK, port), timeout=10)
        if i % 2:
            sock.sendall(b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never finished
        held.append(sock)
    return held


def main(counts: list[int]) -> None:
    process = subprocess.Popen(
        [str(OPVANGTOETS), "serve", "--port", "0", "--lang", "en"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        port = int(re.search(r"127\.0\.0\.1:(\d+)/", process.stdout.readline()).group(1))
        timed(port, "GET", "/en/")  # warm up
        print(
            f"{'idle connections':>16} {'GET median':>11} {'GET max':>9} "
            f"{'POST median':>12} {'POST max':>9}"
        )
        for n in counts:
            held = hold(port, n)
            time.sleep(0.5)  # the server has accepted them all
            gets = [timed(port, "GET", "/en/") for _ in range(20)]
            posts = [timed(port, "POST", "/en/check", FORM) for _ in range(5)]
            for sock in held:
                sock.close()
            print(
                f"{n:>16} {statistics.median(gets) * 1000:>8.1f} ms {max(gets) * 1000:>6.1f} ms "
                f"{statistics.median(posts) * 1000:>9.1f} ms {max(posts) * 1000:>6.1f} ms"
            )
            time.sleep(0.5)
    finally:
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1, 10, 100, 400])
