"""Body limits of every simulator: deep JSON is a 400 and a large body a 413, in each API's shape, no traceback."""

from __future__ import annotations

import io
import json
import logging
from dataclasses import dataclass
from typing import Callable

import pytest
import requests

from keyform.simulators.common import Settings, create_base_app
from keyform.simulators.common.body import (
    MAX_BODY_BYTES,
    MAX_DEPTH,
    BodyTooDeep,
    BodyTooLarge,
    nesting_depth,
    parse_json,
    read_body,
)
from tests.simulators.test_vsp_auth import login

HOSTILE_DEPTH = 100_000
TOO_DEEP = f"The request body is nested more than {MAX_DEPTH} levels deep."
TOO_LARGE = f"The request body is larger than {MAX_BODY_BYTES} bytes."
JSON = {"Content-Type": "application/json"}


def nested_array(depth: int) -> str:
    return "[" * depth + "]" * depth


def nested_object(depth: int) -> str:
    return '{"a":' * depth + "1" + "}" * depth


def padded(document: dict, size: int) -> bytes:
    """``document`` with a ``pad`` string field making it exactly ``size`` bytes."""
    base = len(json.dumps({**document, "pad": ""}, separators=(",", ":")))
    return json.dumps({**document, "pad": "x" * (size - base)}, separators=(",", ":")).encode()


# --- the parser ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [nested_array, nested_object])
def test_depth_at_the_limit_parses_and_one_more_is_refused(make):
    assert nesting_depth(make(MAX_DEPTH)) == MAX_DEPTH
    assert parse_json(make(MAX_DEPTH).encode()) is not None
    with pytest.raises(BodyTooDeep):
        parse_json(make(MAX_DEPTH + 1).encode())


@pytest.mark.parametrize("text", [nested_array(HOSTILE_DEPTH), nested_object(HOSTILE_DEPTH), "[" * HOSTILE_DEPTH])
def test_hostile_depth_is_refused_without_recursing(text):
    with pytest.raises(BodyTooDeep) as caught:
        parse_json(text.encode())
    assert caught.value.code == 400 and caught.value.description == TOO_DEEP


def test_brackets_in_strings_do_not_count_and_escapes_are_honoured():
    text = json.dumps({"a": "[" * 200, "b": '\\"{{{{' + "{" * 200, "c": [[1]]})
    assert nesting_depth(text) == 3
    assert parse_json(text)["c"] == [[1]]
    assert nesting_depth('"unterminated [[[[') == 0


def test_parser_size_invalid_json_and_encodings():
    with pytest.raises(BodyTooLarge) as caught:
        parse_json(b" " * (MAX_BODY_BYTES + 1))
    assert caught.value.code == 413 and caught.value.description == TOO_LARGE
    with pytest.raises(ValueError):
        parse_json(b"{nope")
    with pytest.raises(ValueError):
        parse_json(b"\xff\xfe\xfd")
    assert parse_json('{"k": ["\u5b5b"]}'.encode("utf-16")) == {"k": ["\u5b5b"]}


def test_read_body_limits_a_chunked_body_by_what_is_read():
    app = create_base_app(Settings(name="unit"), lambda status, message: {"message": message})
    for size, expected in [(MAX_BODY_BYTES, MAX_BODY_BYTES), (MAX_BODY_BYTES + 1, None)]:
        with app.test_request_context("/", method="POST", input_stream=io.BytesIO(b"x" * size),
                                      environ_overrides={"wsgi.input_terminated": True}):
            assert app.config["MAX_CONTENT_LENGTH"] == MAX_BODY_BYTES
            if expected is None:
                with pytest.raises(BodyTooLarge):
                    read_body()
            else:
                assert len(read_body()) == expected


# --- the three simulators over HTTP ----------------------------------------------------------------------------


@dataclass
class Target:
    """One simulator's JSON endpoint, a request that must work, and its error shape."""

    session: requests.Session
    url: str
    valid: dict
    normal: Callable[[], requests.Response]
    shape: Callable[[int, str], dict]

    def post(self, data, headers=JSON) -> requests.Response:
        return self.session.post(self.url, data=data, headers=headers, timeout=30)


def ontap(simulator) -> Target:
    sim = simulator("ontap")
    session = requests.Session()
    session.auth = (sim.settings.username, sim.settings.password)
    code = {400: "262179", 413: "413"}
    return Target(
        session, sim.url + "/api/security/key-managers",
        {"svm": {"name": "svm1"},
         "external": {"client_certificate": {"name": "kmip-client"}, "server_ca_certificates": [{"name": "kmip-ca"}]}},
        lambda: session.get(sim.url + "/api/security/key-managers", timeout=10),
        lambda status, message: {"error": {"code": code[status], "message": message, "arguments": []}},
    )


def vsp(simulator) -> Target:
    sim = simulator("vsp")
    session = login(sim.url)
    return Target(
        session, sim.url + "/mapi/v1/kmip/add_server",
        {"name": "kms-a", "host": "127.0.0.1", "port": 1},
        lambda: session.post(sim.url + "/mapi/v1/kmip/list_servers", timeout=10),
        lambda status, message: {"statusCode": status, "message": message},
    )


def vault(simulator) -> Target:
    sim = simulator("vault", name="vault-a")
    session = requests.Session()
    session.headers["X-Vault-Token"] = sim.settings.token
    return Target(
        session, sim.url + "/v1/sys/replication/dr/primary/enable",
        {"primary_cluster_addr": "https://lb.example:8201"},
        lambda: session.get(sim.url + "/v1/sys/replication/dr/status", timeout=10),
        lambda status, message: {"errors": [message]},
    )


@pytest.fixture(params=[ontap, vsp, vault], ids=["ontap", "vsp", "vault"])
def target(request, simulator, caplog):
    caplog.set_level(logging.DEBUG)
    yield request.param(simulator)
    tracebacks = [r for r in caplog.records if r.exc_info or "Traceback" in r.getMessage()]
    assert not tracebacks, [r.getMessage() for r in tracebacks]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def assert_refused(target: Target, response: requests.Response, status: int, message: str):
    assert response.status_code == status, response.text
    assert response.json() == target.shape(status, message)
    assert target.normal().status_code == 200  # still serving


@pytest.mark.parametrize("make", [nested_array, nested_object], ids=["array", "object"])
def test_deep_json_is_a_400_in_the_api_shape(target, make):
    assert_refused(target, target.post(make(HOSTILE_DEPTH)), 400, TOO_DEEP)


def test_depth_at_the_limit_is_not_refused_for_depth(target):
    response = target.post(json.dumps({**target.valid, "deep": json.loads(nested_array(MAX_DEPTH - 1))}))
    assert response.status_code < 500 and TOO_DEEP not in response.text, response.text
    assert target.normal().status_code == 200


def test_body_over_the_limit_is_a_413_in_the_api_shape(target):
    assert_refused(target, target.post(padded(target.valid, MAX_BODY_BYTES + 1)), 413, TOO_LARGE)
    chunked = target.post(iter([b"[" * (MAX_BODY_BYTES // 2), b"]" * (MAX_BODY_BYTES // 2 + 1)]))
    assert_refused(target, chunked, 413, TOO_LARGE)


def test_body_at_the_limit_is_served(target):
    response = target.post(padded(target.valid, MAX_BODY_BYTES))
    assert response.status_code not in (413, 500), response.text
    assert TOO_LARGE not in response.text


def test_valid_request_still_works(target):
    response = target.post(json.dumps(target.valid))
    assert 200 <= response.status_code < 300, response.text
    assert target.normal().status_code == 200


def test_a_deep_document_inside_an_activation_token_is_a_malformed_token(simulator, caplog):
    """The token's header is JSON too: a hostile one is refused like any malformed token, no traceback."""
    import base64

    sim = simulator("vault", name="vault-deep-token")
    head = base64.urlsafe_b64encode(("[" * 100_000 + "]" * 100_000).encode()).decode().rstrip("=")
    response = requests.post(f"{sim.url}/v1/sys/replication/dr/secondary/enable", timeout=10,
                             headers={"X-Vault-Token": sim.settings.token}, json={"token": f"{head}.secret"})
    assert response.status_code == 400
    assert response.json() == {"errors": ["error decoding secondary activation token: token is malformed"]}
    assert not [r for r in caplog.records if r.exc_info]
