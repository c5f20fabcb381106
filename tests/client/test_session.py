"""The REST client against a real loopback server: retries, Retry-After, CSRF, OAuth2, jobs, errors."""

from __future__ import annotations

import time

import pytest
from flask import Flask, jsonify, request

from keyform.client import (ApiError, ClientConfig, CsrfConfig, OAuth2Config, PollingConfig, RestClient, TransportError,
                            waiting)
from keyform.client.errors import JobFailed, NotSent
from keyform.simulators.common import Settings, serve


@pytest.fixture
def api():
    state = {"calls": [], "busy": 0, "csrf": "t1", "jobs": {}}

    def factory(settings):
        app = Flask("test-api")

        @app.before_request
        def record():
            state["calls"].append((request.method, request.path, dict(request.headers)))

        @app.get("/api/busy")
        def busy():
            if state["busy"] > 0:
                state["busy"] -= 1
                return jsonify({"error": {"code": "503", "message": "busy"}}), 503, {"Retry-After": "1"}
            return jsonify({"ok": True})

        @app.get("/api/csrf")
        def csrf():
            response = jsonify({})
            response.set_cookie("XSRF-TOKEN", state["csrf"])
            return response

        @app.post("/api/guarded")
        def guarded():
            if request.headers.get("X-XSRF-TOKEN") != state["csrf"]:
                return jsonify({"message": "Invalid CSRF token"}), 403
            return jsonify({"ok": True})

        @app.post("/token")
        def token():
            if request.form.get("password") != "pw":
                return jsonify({"error": "invalid_grant", "error_description": "Invalid user credentials"}), 401
            return jsonify({"access_token": "bearer-1"})

        @app.get("/api/me")
        def me():
            return jsonify({"auth": request.headers.get("Authorization")})

        @app.get("/api/sticky")
        def sticky():  # a load balancer's affinity cookie, set on an ordinary answer
            response = jsonify({"cookie": request.cookies.get("lb")})
            response.set_cookie("lb", "node-2")
            return response

        @app.get("/api/moved")
        def moved():
            return "", 302, {"Location": "/api/me"}

        @app.post("/api/async")
        def start_job():
            job = str(len(state["jobs"]))
            state["jobs"][job] = {"polls": 0, "fail": request.get_json().get("fail", False)}
            return jsonify({"job": {"_links": {"self": {"href": f"/api/cluster/jobs/{job}"}}}}), 202

        @app.get("/api/cluster/jobs/<job>")
        def job_state(job):
            entry = state["jobs"][job]
            entry["polls"] += 1
            if entry["polls"] < 2:
                return jsonify({"state": "running"})
            if entry["fail"]:
                return jsonify({"state": "failure", "message": "Key server unreachable.", "code": 65536834})
            return jsonify({"state": "success"})

        @app.get("/api/error")
        def error():
            return jsonify({"error": {"code": "65536038",
                                      "message": "A maximum of 4 active key servers are allowed."}}), 400

        return app

    server = serve(factory, Settings(name="client-test", tls=False))
    state["url"] = server.url
    yield state
    server.stop()


def client(api, **kwargs) -> RestClient:
    return RestClient(ClientConfig(api["url"] + "/api", retry_backoff_seconds=0.01, **kwargs))


def test_503_with_retry_after_is_retried_after_the_wait(api):
    api["busy"] = 1
    started = time.monotonic()
    assert client(api).request("GET", "/busy").body == {"ok": True}
    assert time.monotonic() - started >= 0.9
    assert [c[1] for c in api["calls"]].count("/api/busy") == 2


def test_gives_up_after_retry_max(api):
    api["busy"] = 10
    with pytest.raises(ApiError, match=r"GET http://127.0.0.1:\d+/api/busy answered 503: error 503: busy "
                                       r"\(still 503 after 1 retries\)"):
        RestClient(ClientConfig(api["url"] + "/api", retry_max=1, retry_backoff_seconds=0.01)).request("GET", "/busy")


def test_csrf_token_fetched_sent_and_refreshed_once_on_403(api):
    c = client(api, csrf=CsrfConfig("/csrf"))
    assert c.request("POST", "/guarded", {}).status == 200
    api["csrf"] = "t2"  # the appliance expired the session's token
    assert c.request("POST", "/guarded", {}).status == 200
    paths = [p for _, p, _ in api["calls"]]
    assert paths == ["/api/csrf", "/api/guarded", "/api/guarded", "/api/csrf", "/api/guarded"]


def test_oauth2_password_grant_becomes_the_bearer(api):
    c = client(api, username="u", password="pw", oauth2=OAuth2Config(api["url"] + "/token"))
    assert c.request("GET", "/me").body == {"auth": "Bearer bearer-1"}


def test_every_call_carries_the_session_settings_and_no_redirect_is_followed(api):
    """What a call takes from the client's session: configured headers, basic auth over a configured
    Authorization header, the cookies earlier answers set; a redirect is answered, not followed."""
    c = client(api, username="u", password="pw", headers={"X-Team": "storage", "Authorization": "Bearer no"})
    assert c.request("GET", "/me").body == {"auth": "Basic dTpwdw=="}
    assert c.request("GET", "/sticky").body == {"cookie": None}
    assert c.request("GET", "/sticky").body == {"cookie": "node-2"}
    assert c.request("GET", "/moved", expected=(302,)).status == 302
    assert [p for _, p, _ in api["calls"]] == ["/api/me", "/api/sticky", "/api/sticky", "/api/moved"]
    assert all(h.get("X-Team") == "storage" for _, _, h in api["calls"])


def test_oauth2_refusal_is_an_api_error_without_the_password(api):
    c = client(api, username="u", password="wrong-pw-xyz", oauth2=OAuth2Config(api["url"] + "/token"))
    with pytest.raises(ApiError) as caught:
        c.request("GET", "/me")
    assert "invalid_grant: Invalid user credentials" in str(caught.value)
    assert "wrong-pw-xyz" not in str(caught.value)


def test_job_polled_to_success_and_to_failure(api):
    polling = PollingConfig(interval_seconds=0.01)
    assert client(api).request("POST", "/async", {}, polling=polling).body == {"state": "success"}
    with pytest.raises(JobFailed, match="failed: error 65536834: Key server unreachable."):
        client(api).request("POST", "/async", {"fail": True}, polling=polling)


def test_api_error_carries_the_appliance_text(api):
    with pytest.raises(ApiError, match=r"GET http://127.0.0.1:\d+/api/error answered 400: error 65536038: A maximum"):
        client(api).request("GET", "/error")


def test_unreachable_base_url_says_connection_refused():
    c = RestClient(ClientConfig("http://127.0.0.1:9/api", retry_max=0))
    with pytest.raises(TransportError, match=r"GET http://127.0.0.1:9/api/x: no answer \(connection refused\)"):
        c.request("GET", "/x")


def test_rate_limit_spaces_requests(api):
    c = client(api, rate_limit_per_second=20)
    started = time.monotonic()
    for _ in range(5):
        c.request("GET", "/busy")
    assert time.monotonic() - started >= 0.19


def test_where_no_request_may_wait_none_is_sent_and_the_call_can_run_again(api):
    # keyform.client.waiting: the provider tries a refresh's read on its connection's thread first
    c = client(api)
    with waiting.without_waiting():
        with pytest.raises(waiting.WouldWait):
            c.request("GET", "/me")
    assert api["calls"] == []
    assert c.request("GET", "/me").status == 200  # the same call, where it may wait
    assert [method for method, _, _ in api["calls"]] == ["GET"]


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_header_that_cannot_be_sent_is_not_sent_nor_retried_nor_quoted(api, method):
    secret = "tok-5e3-secret"
    rest = client(api, headers={"X-Api-Key": secret + "\r\nX-Injected: 1"}, username="admin", password="pw-4x")
    with pytest.raises(TransportError) as refused:
        rest.request(method, "/things", {"a": 1} if method == "POST" else None)
    assert isinstance(refused.value, NotSent) and not refused.value.sent  # a write the appliance never saw
    assert "a header cannot go as it is" in str(refused.value) and "retr" not in str(refused.value)
    assert secret not in str(refused.value) and api["calls"] == []
