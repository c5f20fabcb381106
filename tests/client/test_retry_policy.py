"""Which calls the client sends again, against a real loopback server: reads on 5xx and lost answers,
writes only when they provably never arrived or were refused with 429; polls tolerate failures."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from flask import Flask, jsonify, request

from keyform.client import (AnswerLost, ApiError, ClientConfig, JobOutcomeUnknown, NotSent, PollingConfig,
                            RestClient, may_have_committed)
from keyform.simulators.common import Settings, serve


@pytest.fixture
def api():
    state = {"calls": [], "fail": {}, "slow": 0.0, "jobs": {}, "created": 0}

    def factory(settings):
        app = Flask("retry-api")

        @app.before_request
        def record():
            state["calls"].append((request.method, request.path))
            key = (request.method, request.path)
            if state["fail"].get(key):
                status = state["fail"][key].pop(0)
                headers = {"Retry-After": "0"} if status in (429, 503) else {}
                return jsonify({"errors": [f"injected {status}"]}), status, headers
            return None

        @app.route("/api/items", methods=["GET", "POST"])
        def items():
            if request.method == "POST":
                state["created"] += 1  # committed before the (possibly late) answer
                time.sleep(state["slow"])
                return jsonify({"n": state["created"]}), 201
            time.sleep(state["slow"])
            return jsonify({"n": state["created"]})

        @app.post("/api/jobs")
        def start():
            job = str(len(state["jobs"]))
            state["jobs"][job] = {"polls": 0}
            return jsonify({"job": {"_links": {"self": {"href": f"/api/cluster/jobs/{job}"}}}}), 202

        @app.get("/api/cluster/jobs/<job>")
        def poll(job):
            if job not in state["jobs"] or state.get("forget_jobs"):
                return jsonify({"error": {"code": "4", "message": "entry doesn't exist"}}), 404
            entry = state["jobs"][job]
            entry["polls"] += 1
            return jsonify({"state": "success" if entry["polls"] >= 2 else "running"})

        return app

    server = serve(factory, Settings(name="retry-test", tls=False))
    state["url"] = server.url
    yield state
    server.stop()


def client(api, **kwargs) -> RestClient:
    kwargs.setdefault("retry_backoff_seconds", 0.01)
    return RestClient(ClientConfig(api["url"] + "/api", **kwargs))


def count(api, method: str, path: str) -> int:
    return api["calls"].count((method, path))


def test_reads_are_retried_on_5xx(api):
    api["fail"][("GET", "/api/items")] = [500, 502, 503]
    assert client(api).request("GET", "/items").body == {"n": 0}
    assert count(api, "GET", "/api/items") == 4


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_write_answered_5xx_is_not_sent_again_and_may_have_committed(api, status):
    api["fail"][("POST", "/api/items")] = [status]
    with pytest.raises(ApiError) as caught:
        client(api).request("POST", "/items", {})
    assert count(api, "POST", "/api/items") == 1
    assert caught.value.status == status and may_have_committed(caught.value)
    assert "still" not in str(caught.value)


def test_a_write_refused_with_429_is_sent_again(api):
    api["fail"][("POST", "/api/items")] = [429, 429]
    assert client(api).request("POST", "/items", {}).status == 201
    assert count(api, "POST", "/api/items") == 3 and api["created"] == 1


def test_a_read_made_with_post_is_retried_when_marked_idempotent(api):
    api["fail"][("POST", "/api/items")] = [503]
    assert client(api).request("POST", "/items", {}, idempotent=True).status == 201
    assert count(api, "POST", "/api/items") == 2


def test_a_write_whose_answer_is_late_is_not_sent_again(api):
    api["slow"] = 1.0
    with pytest.raises(AnswerLost) as caught:
        client(api, timeout_seconds=0.3).request("POST", "/items", {})
    assert "timed out waiting for the answer" in str(caught.value)
    assert may_have_committed(caught.value)
    time.sleep(0.8)
    assert count(api, "POST", "/api/items") == 1 and api["created"] == 1


def test_a_read_whose_answer_is_late_is_sent_again(api):
    api["slow"] = 0.6
    with pytest.raises(AnswerLost, match="after 2 retries"):
        client(api, timeout_seconds=0.2, retry_max=2).request("GET", "/items")
    time.sleep(0.7)
    assert count(api, "GET", "/api/items") == 3


def test_a_write_to_a_closed_port_is_retried_and_reported_as_never_sent():
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    started = time.monotonic()
    with pytest.raises(NotSent, match=r"no answer \(connection refused\) after 2 retries") as caught:
        RestClient(ClientConfig(f"http://127.0.0.1:{port}/api", retry_max=2, retry_backoff_seconds=0.05)
                   ).request("POST", "/items", {})
    assert time.monotonic() - started >= 0.15  # 0.05 + 0.1 of backoff
    assert not may_have_committed(caught.value)


def test_a_write_sent_again_once_the_server_is_up():
    """Connection refused means the request never arrived: the write goes out when the appliance is back."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    created = []

    def factory(settings):
        app = Flask("late")

        @app.post("/api/items")
        def create():
            created.append(request.get_json())
            return jsonify({}), 201

        return app

    holder = {}
    late = Settings(name="late", port=port, tls=False)
    timer = threading.Timer(0.3, lambda: holder.setdefault("server", serve(factory, late)))
    timer.start()
    try:
        response = RestClient(ClientConfig(f"http://127.0.0.1:{port}/api", retry_max=6, retry_backoff_seconds=0.1)
                              ).request("POST", "/items", {"a": 1})
        assert response.status == 201 and created == [{"a": 1}]
    finally:
        timer.join()
        if "server" in holder:
            holder["server"].stop()


def test_job_polls_that_fail_are_tolerated_until_the_job_ends(api):
    api["fail"][("GET", "/api/cluster/jobs/0")] = [500, 500, 500, 500, 500, 500]  # beyond the client's retries
    polling = PollingConfig(interval_seconds=0.01, timeout_seconds=10)
    job = client(api, retry_max=1).request("POST", "/jobs", {}, polling=polling)
    assert job.body == {"state": "success"}
    assert count(api, "GET", "/api/cluster/jobs/0") == 8


def test_a_job_whose_polls_fail_until_the_timeout_has_an_unknown_outcome(api):
    api["fail"][("GET", "/api/cluster/jobs/0")] = [503] * 1000
    polling = PollingConfig(interval_seconds=0.02, timeout_seconds=0.3)
    with pytest.raises(JobOutcomeUnknown, match=r"outcome unknown: its polls failed .*503.* after 0.3 s") as caught:
        client(api, retry_max=0).request("POST", "/jobs", {}, polling=polling)
    assert may_have_committed(caught.value)


def test_a_job_that_vanishes_has_an_unknown_outcome(api):
    api["forget_jobs"] = True
    with pytest.raises(JobOutcomeUnknown, match=r"the job is gone \(404\) before its end was seen"):
        client(api).request("POST", "/jobs", {}, polling=PollingConfig(interval_seconds=0.01))
