"""An appliance that accepts connections and never answers: the client says which request is waiting, which
attempt of how many and when it gives up, while it waits; its error says what it waited for and how long."""

from __future__ import annotations

import logging
import re
import socket
import threading

import pytest

from keyform.client import AnswerLost, ClientConfig, RestClient

CLOCK = r"\d\d:\d\d:\d\d UTC"


class Silent:
    """A loopback TCP server that accepts every connection, reads what it is sent and never answers."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.connections: list[socket.socket] = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        self.server.settimeout(0.05)
        while not self.stopped.is_set():
            try:
                connection, _ = self.server.accept()
            except (TimeoutError, OSError):
                continue
            self.connections.append(connection)

    def close(self) -> None:
        self.stopped.set()
        self.thread.join()
        for connection in self.connections:
            connection.close()
        self.server.close()


@pytest.fixture
def silent():
    server = Silent()
    yield server
    server.close()


def lines(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "keyform.client" and r.levelno >= logging.WARNING]


def test_a_read_that_waits_says_so_and_gives_up_when_it_said(silent, caplog):
    caplog.set_level(logging.WARNING, logger="keyform.client")
    base = f"http://admin:basic-pw-61@127.0.0.1:{silent.port}/api"
    client = RestClient(ClientConfig(base, timeout_seconds=0.6, retry_max=1, retry_backoff_seconds=0.05,
                                     slow_request_seconds=0.25))
    with pytest.raises(AnswerLost) as caught:
        client.request("GET", "/items?token=query-secret-7")
    url = f"http://127.0.0.1:{silent.port}/api/items"

    assert re.fullmatch(rf"GET {re.escape(url)}: no answer \(timed out waiting for the answer after 0\.6 s\) after 1 "
                        r"retry, \d\.\d s in all", str(caught.value)), str(caught.value)
    logged = lines(caplog)
    waiting = [line for line in logged if "no answer yet" in line]
    assert len(waiting) >= 2  # each attempt waited long enough to be reported
    assert re.fullmatch(rf"GET {re.escape(url)}: no answer yet after 0\.\d s \(attempt 1 of 2, each waits up to "
                        rf"0\.6 s\); gives up by about {CLOCK}, \d\.\d s from now", waiting[0]), waiting[0]
    assert any("(attempt 2 of 2," in line for line in waiting)
    [retry] = [line for line in logged if "retrying" in line]
    assert re.fullmatch(rf"GET {re.escape(url)}: attempt 1 of 2: no answer \(timed out waiting for the answer after "
                        rf"0\.6 s\); retrying in 0\.05 s; gives up by about {CLOCK}, 0\.\d s from now", retry), retry
    assert logged[-1] == f"gave up: {caught.value}"
    for line in logged:
        assert "basic-pw-61" not in line and "query-secret-7" not in line and "?" not in line


def test_a_write_that_waits_is_not_sent_again_and_says_when_it_gives_up(silent, caplog):
    caplog.set_level(logging.WARNING, logger="keyform.client")
    client = RestClient(ClientConfig(f"http://127.0.0.1:{silent.port}/api", timeout_seconds=0.5, retry_max=3,
                                     slow_request_seconds=0.2))
    with pytest.raises(AnswerLost) as caught:
        client.request("POST", "/items", {"password": "body-secret-3"})
    url = f"http://127.0.0.1:{silent.port}/api/items"
    assert str(caught.value) == f"POST {url}: no answer (timed out waiting for the answer after 0.5 s)"
    logged = lines(caplog)
    assert logged and all("no answer yet" in line for line in logged), logged
    # a write that may have arrived is not sent again: it gives up when its one attempt does
    assert re.fullmatch(rf"POST {re.escape(url)}: no answer yet after 0\.\d s \(attempt 1 of 4, each waits up to "
                        rf"0\.5 s\); gives up by about {CLOCK}, 0\.\d s from now", logged[0]), logged[0]
    assert not any("body-secret-3" in line for line in logged)


def test_nothing_is_watched_when_nobody_reads_the_log(silent):
    logger = logging.getLogger("keyform.client")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)  # what the provider does without TF_LOG
    try:
        client = RestClient(ClientConfig(f"http://127.0.0.1:{silent.port}/api", timeout_seconds=0.3, retry_max=0,
                                         slow_request_seconds=0.1))
        with pytest.raises(AnswerLost):
            client.request("GET", "/items")
        assert client._slow._thread is None
    finally:
        logger.setLevel(level)


def test_the_first_report_comes_after_10_s_or_a_third_of_the_timeout():
    assert RestClient(ClientConfig("http://127.0.0.1:9/api"))._slow.after == 10.0
    assert RestClient(ClientConfig("http://127.0.0.1:9/api", timeout_seconds=6))._slow.after == 2.0
