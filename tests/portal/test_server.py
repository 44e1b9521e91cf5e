"""The portal's daphne (``python -m portal.server``, what ``make run`` starts) answers an
over-long request line with 414 and an over-long header with 431, instead of dropping the
connection; ordinary requests are served as before. Against a real server process."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from portal.server import MAX_REQUEST_LINE_BYTES

BASE_DIR = Path(__file__).resolve().parents[2]
START_TIMEOUT = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[int]:
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('server') / 'db.sqlite3'}",
    }
    env.pop("REDIS_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "portal.server", "-b", "127.0.0.1", "-p", str(port), "portal.asgi:application"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("the server did not start")
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def exchange(port: int, request: bytes) -> bytes:
    """Send ``request`` and read until the server closes the connection (10 s at most)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    return received


def request(target: bytes, *headers: bytes) -> bytes:
    lines = [b"GET " + target + b" HTTP/1.1", b"Host: 127.0.0.1", b"Connection: close", *headers]
    return b"\r\n".join(lines) + b"\r\n\r\n"


def test_a_request_line_of_18_kb_gets_414(server):
    answer = exchange(server, request(b"/" + b"a" * 18_000))
    status, _, rest = answer.partition(b"\r\n")
    assert status == b"HTTP/1.1 414 URI Too Long"
    head, _, body = rest.partition(b"\r\n\r\n")
    assert b"Content-Type: text/plain; charset=utf-8" in head.split(b"\r\n")
    assert b"Connection: close" in head.split(b"\r\n")
    assert "The requested address is too long." in body.decode("utf-8")


def test_a_request_line_just_over_the_limit_gets_414(server):
    target = b"/?q=" + b"x" * (MAX_REQUEST_LINE_BYTES - len(b"GET /?q= HTTP/1.1") + 1)
    assert exchange(server, request(target)).startswith(b"HTTP/1.1 414 URI Too Long\r\n")


def test_an_over_long_header_gets_431(server):
    answer = exchange(server, request(b"/healthz", b"X-Padding: " + b"p" * 9000))
    assert answer.startswith(b"HTTP/1.1 431 Request Header Fields Too Large\r\n")


def test_ordinary_requests_are_served(server):
    answer = exchange(server, request(b"/healthz"))
    assert answer.startswith(b"HTTP/1.1 200 OK\r\n")
    assert answer.endswith(b'{"status": "ok"}')


def test_a_long_but_acceptable_address_reaches_the_application(server):
    answer = exchange(server, request(b"/healthz?" + b"a" * 6000))
    assert answer.startswith(b"HTTP/1.1 200 OK\r\n")
