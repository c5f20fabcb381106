"""A stale CSRF token met by many concurrent calls: one renewal, every call sent again and done."""

from __future__ import annotations

import threading
import time

import pytest
from flask import Flask, jsonify, request

from keyform.client import ApiError, ClientConfig, CsrfConfig, OAuth2Config, RestClient
from keyform.client.auth import STALE_RENEWALS
from keyform.simulators.common import Settings, serve


@pytest.fixture
def api():
    state = {"token": "t0", "issued": 0, "logins": 0, "bearer": "b0", "writes": [], "lock": threading.Lock(),
             "expire_on_arrival": 0}

    def factory(settings):
        app = Flask("csrf-api")

        @app.post("/token")
        def token():
            with state["lock"]:
                state["logins"] += 1
                state["bearer"] = f"b{state['logins']}"
            return jsonify({"access_token": state["bearer"]})

        @app.get("/api/csrf")
        def csrf():
            with state["lock"]:
                state["issued"] += 1
                state["token"] = f"t{state['issued']}"
                token = state["token"]
            response = jsonify({})
            response.set_cookie("XSRF-TOKEN", token)
            return response

        @app.post("/api/things")
        def things():
            time.sleep(0.05)  # the calls overlap
            with state["lock"]:
                if state["expire_on_arrival"]:  # the session expires as this call arrives
                    state["expire_on_arrival"] -= 1
                    state["token"] = "expired"
                if request.headers.get("X-XSRF-TOKEN") != state["token"]:
                    return jsonify({"message": "Invalid CSRF token"}), 403
                state["writes"].append(request.get_json()["n"])
            return jsonify({}), 201

        @app.get("/api/me")
        def me():
            if request.headers.get("Authorization") != f"Bearer {state['bearer']}":
                return jsonify({"error": "invalid_token"}), 401
            return jsonify({"ok": True})

        return app

    server = serve(factory, Settings(name="csrf-test", tls=False))
    state["url"] = server.url
    yield state
    server.stop()


def write_concurrently(client: RestClient, numbers) -> list:
    errors, barrier = [], threading.Barrier(len(numbers))

    def write(n):
        barrier.wait()
        try:
            client.request("POST", "/things", {"n": n})
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in numbers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors


def test_ten_concurrent_calls_meet_an_expired_token_and_renew_it_once(api):
    client = RestClient(ClientConfig(api["url"] + "/api", csrf=CsrfConfig("/csrf"), retry_backoff_seconds=0.01))
    client.request("POST", "/things", {"n": -1})
    assert api["issued"] == 1
    for round_ in range(3):  # the appliance expires the session three times
        with api["lock"]:
            api["token"] = "expired"
        errors = write_concurrently(client, range(round_ * 10, round_ * 10 + 10))
        assert errors == []
        assert api["issued"] == 2 + round_, "one renewal per expiry, whatever the number of calls that met it"
    assert sorted(api["writes"]) == [-1, *range(30)]  # every call done exactly once


def test_a_refusal_that_survives_the_renewal_is_reported(api):
    client = RestClient(ClientConfig(api["url"] + "/api", csrf=CsrfConfig("/csrf"), retry_backoff_seconds=0.01))
    original = api["token"]

    def always_stale():
        while not stop.is_set():
            api["token"] = original
            time.sleep(0.001)

    stop = threading.Event()
    spoiler = threading.Thread(target=always_stale)
    spoiler.start()
    try:
        with pytest.raises(ApiError, match="answered 403: Invalid CSRF token"):
            client.request("POST", "/things", {"n": 1})
    finally:
        stop.set()
        spoiler.join()
    assert api["issued"] == 1 + STALE_RENEWALS  # the first login and the bounded renewals, not a loop


def test_a_call_whose_renewed_credentials_go_stale_while_it_is_sent_again_is_done_once(api):
    """The session expires as the call arrives, and again as it arrives with the renewed token: renewed once
    more and sent a third time, the call is done, exactly once (a stale-token refusal did nothing)."""
    client = RestClient(ClientConfig(api["url"] + "/api", csrf=CsrfConfig("/csrf"), retry_backoff_seconds=0.01))
    client.request("POST", "/things", {"n": 0})
    api["expire_on_arrival"] = 2
    client.request("POST", "/things", {"n": 1})
    assert api["issued"] == 3  # the first login, then one renewal per expiry
    assert api["writes"] == [0, 1]


def test_an_expired_access_token_is_renewed_once_for_concurrent_calls(api):
    client = RestClient(ClientConfig(api["url"] + "/api", username="u", password="p",
                                     oauth2=OAuth2Config(api["url"] + "/token"), retry_backoff_seconds=0.01))
    assert client.request("GET", "/me").body == {"ok": True}
    api["bearer"] = "revoked"
    results, barrier = [], threading.Barrier(8)

    def read():
        barrier.wait()
        results.append(client.request("GET", "/me").body)

    threads = [threading.Thread(target=read) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert results == [{"ok": True}] * 8
    assert api["logins"] == 2


def test_tokens_in_use_are_redacted_from_errors(api):
    client = RestClient(ClientConfig(api["url"] + "/api", csrf=CsrfConfig("/csrf")))
    client.request("POST", "/things", {"n": 1})
    assert api["token"] in client.secrets()
