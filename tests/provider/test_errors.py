"""Failures reach the user as clear Terraform diagnostics: what, where, the API's own words."""

from __future__ import annotations

import socket

from tests.provider.conftest import config


def _no_internals(text: str) -> None:
    assert "Traceback" not in text
    assert "Exception calling application" not in text
    assert "Internal error" not in text


def test_bad_json_in_data_is_reported_before_any_request(api, terraform):
    tf = terraform()
    tf.write(config(api.base_url, """
resource "rest_object" "x" {
  path = "/things"
  data = "{\\"name\\": \\"a\\", size = 3}"
}
"""))
    for run in (tf.validate(check=False), tf.plan(check=False)):
        assert run.returncode == 1
        assert "Error: Invalid data" in run.stderr
        assert "data is not valid JSON" in run.stderr
        assert "jsonencode" in run.stderr
        assert 'with rest_object.x' in run.stderr  # points at the resource (and its data attribute)
        _no_internals(run.output)
    assert api.requests == []


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_unreachable_base_url_names_method_and_url(terraform):
    port = _closed_port()
    tf = terraform()
    tf.write(config(f"http://127.0.0.1:{port}/api", """
resource "rest_object" "x" {
  path = "/things"
  data = jsonencode({ name = "a" })
}
""", retry_max=1))
    failed = tf.apply(check=False)
    assert failed.returncode == 1
    assert "Error: Could not create the object" in failed.stderr
    assert f"POST http://127.0.0.1:{port}/api/things" in failed.stderr
    assert "connection refused" in failed.stderr
    _no_internals(failed.output)


def test_api_error_body_is_shown_in_its_own_words(api, terraform):
    message = "Cannot add key server 10.0.0.9: it is not reachable from the cluster."
    api.fail_with[("POST", "/api/things")] = (400, {"error": {"code": "65536038", "message": message,
                                                              "target": "servers"}})
    tf = terraform()
    tf.write(config(api.base_url, """
resource "rest_object" "x" {
  path = "/things"
  data = jsonencode({ name = "a" })
}
""", username="admin", password="Sup3r-secret-basic"))
    failed = tf.apply(check=False)
    assert failed.returncode == 1
    detail = " ".join(failed.stderr.split())  # terraform wraps long lines
    assert f"POST {api.base_url}/things answered 400: error 65536038: {message} (target: servers)" in detail
    assert "Sup3r-secret-basic" not in failed.output
    _no_internals(failed.output)
