"""VSP One Object simulator: Keycloak token grant, bearer checks, CSRF session, injected faults."""

from __future__ import annotations

import time

import requests

from keyform.simulators.vsp import DEFAULT_CREDENTIALS

TOKEN_PATH = "/auth/realms/object/protocol/openid-connect/token"
ACCESS_DENIED = "Access was denied due to invalid credentials."
CSRF_MISSING = "Missing CSRF token. Send the X-XSRF-TOKEN header with the XSRF-TOKEN cookie from GET /mapi/v1/csrf."
CSRF_INVALID = "Invalid CSRF token. It is stale or does not belong to this session; GET /mapi/v1/csrf for a new one."


def grant(url: str, path: str = TOKEN_PATH, **overrides) -> requests.Response:
    form = {"grant_type": "password", "client_id": "vsp-object-external-client", **DEFAULT_CREDENTIALS}
    form.update(overrides)
    return requests.post(url + path, data={k: v for k, v in form.items() if v is not None}, timeout=5)


def bearer_session(url: str) -> requests.Session:
    session = requests.Session()
    session.headers["Authorization"] = "Bearer " + grant(url).json()["access_token"]
    return session


def refresh_csrf(session: requests.Session, url: str) -> None:
    assert session.get(url + "/mapi/v1/csrf", timeout=5).status_code == 200
    session.headers["X-XSRF-TOKEN"] = session.cookies["XSRF-TOKEN"]


def login(url: str) -> requests.Session:
    """A session as a real client holds it: bearer token, CSRF cookies and the X-XSRF-TOKEN header."""
    session = bearer_session(url)
    refresh_csrf(session, url)
    return session


def test_password_grant_issues_a_bearer_token(simulator):
    server = simulator("vsp")
    response = grant(server.url)
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 300
    assert body["access_token"].count(".") == 2  # a JWT, as Keycloak issues
    assert {"refresh_token", "refresh_expires_in", "scope", "session_state"} <= set(body)
    # The path and realm the Ansible collection uses work too.
    response = grant(server.url, "/ui/auth/realms/vsp-object/protocol/openid-connect/token")
    assert response.status_code == 200
    assert response.json()["token_type"] == "Bearer"


def test_password_grant_refusals_are_keycloak_shaped(simulator):
    url = simulator("vsp").url
    wrong = grant(url, password="nope")
    assert (wrong.status_code, wrong.json()) == (
        401, {"error": "invalid_grant", "error_description": "Invalid user credentials"})
    unknown_user = grant(url, username="root")
    assert (unknown_user.status_code, unknown_user.json()["error"]) == (401, "invalid_grant")
    no_grant = grant(url, grant_type=None)
    assert (no_grant.status_code, no_grant.json()) == (
        400, {"error": "invalid_request", "error_description": "Missing form parameter: grant_type"})
    other_grant = grant(url, grant_type="client_credentials")
    assert (other_grant.status_code, other_grant.json()["error"]) == (400, "unsupported_grant_type")
    no_client = grant(url, client_id=None)
    assert (no_client.status_code, no_client.json()["error"]) == (401, "invalid_client")
    realm = grant(url, "/auth/realms/master/protocol/openid-connect/token")
    assert (realm.status_code, realm.json()) == (404, {"error": "Realm does not exist"})


def test_mapi_needs_a_valid_bearer_token(simulator):
    url = simulator("vsp").url
    missing = requests.post(url + "/mapi/v1/kmip/list_servers", timeout=5)
    assert missing.status_code == 401
    assert missing.json() == {"statusCode": 401, "message": ACCESS_DENIED}
    forged = requests.post(url + "/mapi/v1/kmip/list_servers", headers={"Authorization": "Bearer a.b.c"}, timeout=5)
    assert (forged.status_code, forged.json()["message"]) == (401, ACCESS_DENIED)
    assert "a.b.c" not in forged.text
    basic = requests.post(url + "/mapi/v1/kmip/list_servers", auth=("admin", DEFAULT_CREDENTIALS["password"]),
                          timeout=5)
    assert (basic.status_code, basic.json()["message"]) == (401, ACCESS_DENIED)


def test_expired_bearer_token_is_refused(simulator):
    url = simulator("vsp", extra={"token_ttl": 0.5}).url
    session = login(url)
    assert session.post(url + "/mapi/v1/kmip/list_servers", timeout=5).status_code == 200
    time.sleep(0.6)
    expired = session.post(url + "/mapi/v1/kmip/list_servers", timeout=5)
    assert (expired.status_code, expired.json()["message"]) == (401, ACCESS_DENIED)


def test_csrf_sets_the_token_and_an_httponly_session_cookie(simulator):
    url = simulator("vsp").url
    session = bearer_session(url)
    response = session.get(url + "/mapi/v1/csrf", timeout=5)
    assert response.status_code == 200
    token = session.cookies["XSRF-TOKEN"]
    assert response.json() == {"headerName": "X-XSRF-TOKEN", "token": token}
    cookies = {c.name: c for c in session.cookies}
    assert set(cookies) == {"XSRF-TOKEN", "vertx-web.session"}
    assert cookies["vertx-web.session"].has_nonstandard_attr("HttpOnly")
    assert not cookies["XSRF-TOKEN"].has_nonstandard_attr("HttpOnly")
    # The Ansible collection fetches /csrf without the bearer header; a bearer that is sent must be valid.
    assert requests.get(url + "/mapi/v1/csrf", timeout=5).status_code == 200
    bad = requests.get(url + "/mapi/v1/csrf", headers={"Authorization": "Bearer nope"}, timeout=5)
    assert (bad.status_code, bad.json()["message"]) == (401, ACCESS_DENIED)


def test_kmip_post_needs_the_csrf_header_of_its_session(simulator):
    url = simulator("vsp").url
    session = bearer_session(url)
    no_session = session.post(url + "/mapi/v1/kmip/list_servers", timeout=5)
    assert no_session.json() == {"statusCode": 403, "message": CSRF_MISSING}
    session.get(url + "/mapi/v1/csrf", timeout=5)
    no_header = session.post(url + "/mapi/v1/kmip/list_servers", timeout=5)
    assert (no_header.status_code, no_header.json()["message"]) == (403, CSRF_MISSING)
    wrong = session.post(url + "/mapi/v1/kmip/list_servers", headers={"X-XSRF-TOKEN": "guess"}, timeout=5)
    assert (wrong.status_code, wrong.json()["message"]) == (403, CSRF_INVALID)
    # A token is bound to its session: another client's session cookie does not carry it.
    other = bearer_session(url)
    refresh_csrf(other, url)
    stolen = other.post(url + "/mapi/v1/kmip/list_servers",
                        headers={"X-XSRF-TOKEN": session.cookies["XSRF-TOKEN"]}, timeout=5)
    assert (stolen.status_code, stolen.json()["message"]) == (403, CSRF_INVALID)
    session.headers["X-XSRF-TOKEN"] = session.cookies["XSRF-TOKEN"]
    assert session.post(url + "/mapi/v1/kmip/list_servers", timeout=5).json() == {"servers": {}}


def test_stale_csrf_token_is_refused_until_refreshed(simulator):
    url = simulator("vsp").url
    session = login(url)
    assert session.post(url + "/mapi/v1/kmip/list_servers", timeout=5).status_code == 200
    faults = requests.put(url + "/_admin/faults", json={"expire_csrf": True}, timeout=5)
    assert faults.json()["expire_csrf"] is True
    stale = session.post(url + "/mapi/v1/kmip/list_servers", timeout=5)
    assert stale.status_code == 403
    assert stale.json() == {"statusCode": 403, "message": CSRF_INVALID}
    again = session.post(url + "/mapi/v1/kmip/list_servers", timeout=5)
    assert again.status_code == 403  # stays stale until a new GET /v1/csrf
    refresh_csrf(session, url)
    assert session.post(url + "/mapi/v1/kmip/list_servers", timeout=5).status_code == 200


def test_throttle_fault_answers_429_with_retry_after(simulator):
    url = simulator("vsp").url
    session = login(url)
    requests.put(url + "/_admin/faults", json={"throttle_next": 1, "retry_after": 7}, timeout=5)
    throttled = session.post(url + "/mapi/v1/kmip/list_servers", timeout=5)
    assert throttled.status_code == 429
    assert throttled.headers["Retry-After"] == "7"
    assert throttled.json() == {"statusCode": 429, "message": "Too many requests."}
    assert session.post(url + "/mapi/v1/kmip/list_servers", timeout=5).status_code == 200


def test_failure_fault_answers_503_with_the_guides_timeout_text(simulator):
    url = simulator("vsp").url
    session = login(url)
    requests.put(url + "/_admin/faults", json={"fail_next": 1}, timeout=5)
    failed = session.post(url + "/mapi/v1/kmip/list_servers", timeout=5)
    assert failed.status_code == 503
    assert failed.json() == {"statusCode": 503, "message": "Internal error - request timed out."}
    assert session.post(url + "/mapi/v1/kmip/list_servers", timeout=5).status_code == 200
