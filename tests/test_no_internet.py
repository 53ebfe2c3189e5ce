"""tests/conftest.py refuses every connection that leaves this machine, so that a test which
names a real web API (a paper's link, a recorded answer's URL) cannot reach it."""

from __future__ import annotations

import socket

import pytest
from pytest_httpserver import HTTPServer


def test_a_connection_off_this_machine_is_refused() -> None:
    with pytest.raises(ConnectionRefusedError, match="may not reach the internet"):
        socket.create_connection(("93.184.216.34", 80), timeout=1)


def test_the_tests_own_local_servers_still_answer(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/ping").respond_with_data("pong")
    with socket.create_connection((httpserver.host, httpserver.port), timeout=5) as conn:
        conn.sendall(b"GET /ping HTTP/1.0\r\nHost: localhost\r\n\r\n")
        answer = b""
        while chunk := conn.recv(1024):  # HTTP/1.0: the server closes when it is done
            answer += chunk
    assert answer.startswith(b"HTTP/1.") and answer.endswith(b"pong")
