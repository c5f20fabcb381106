"""rest_operation when the answer to its call is lost, through the loopback fault proxy and real terraform.

With a read-back the appliance decides: the effect holds → the run is recorded as verified (the call is
never sent twice); it does not (the request never arrived) → the call is sent again. Without a
read-back a lost answer is an error saying the call may have been carried out, and nothing is re-sent.
"""

from __future__ import annotations

import json

import pytest

from tests.faultproxy import FaultProxy
from tests.provider.conftest import config

PROMOTE_PATH = r"^/api/ops/promote$"

WITH_READ_BACK = """
resource "rest_operation" "promote" {
  path           = "/ops/promote"
  body           = jsonencode({ role = "primary" })
  read_path      = "/status"
  effective_when = jsonencode({ path = "mode", equals = "primary" })
}
"""

WITHOUT_READ_BACK = """
resource "rest_operation" "promote" {
  path = "/ops/promote"
  body = jsonencode({ role = "primary" })
}
"""


@pytest.fixture
def proxy(api):
    proxy = FaultProxy(upstream_url=api.url)
    try:
        yield proxy
    finally:
        proxy.stop()


@pytest.fixture
def promote_changes_mode(api):
    """The call makes this appliance a primary, as a real promote would."""
    api.status = {"mode": "secondary"}

    def promote(_):
        api.status["mode"] = "primary"
        return {"ok": True}

    api.fail_with[("POST", "/api/ops/promote")] = (200, promote)


def posts_at_proxy(proxy) -> list:
    return [request for request in proxy.requests if request[0] == "POST"]


@pytest.mark.parametrize("action", ["reset", "withhold"])
def test_lost_answer_with_read_back_is_verified_not_sent_twice(api, proxy, promote_changes_mode, terraform, action):
    proxy.add_rule("POST", PROMOTE_PATH, action=action, times=1)
    tf = terraform()
    tf.write(config(proxy.url + "/api", WITH_READ_BACK, timeout_seconds=2))
    applied = tf.apply()
    assert "1 added" in applied.stdout
    assert proxy.rules_fired() == [("POST", "/api/ops/promote", action)]
    assert len(api.calls("POST", "/api/ops/promote")) == 1
    values = tf.resource("rest_operation.promote")
    assert "verified" in json.loads(values["response"])
    assert values["in_effect"] is True
    assert "No changes." in tf.plan().stdout


def test_call_that_never_arrived_is_sent_again(api, proxy, promote_changes_mode, terraform):
    proxy.add_rule("POST", PROMOTE_PATH, action="drop_before", times=1)
    tf = terraform()
    tf.write(config(proxy.url + "/api", WITH_READ_BACK))
    tf.apply()
    assert len(posts_at_proxy(proxy)) == 2
    assert len(api.calls("POST", "/api/ops/promote")) == 1
    assert json.loads(tf.resource("rest_operation.promote")["response"]) == {"ok": True}


def test_lost_answer_without_read_back_is_an_error_and_never_resent(api, proxy, terraform):
    proxy.add_rule("POST", PROMOTE_PATH, action="reset", times=1)
    tf = terraform()
    tf.write(config(proxy.url + "/api", WITHOUT_READ_BACK))
    failed = tf.apply(check=False)
    assert failed.returncode == 1
    text = " ".join(failed.stderr.split())
    assert "Error: The operation POST /ops/promote failed" in text
    assert "may have been carried out" in text and "set read_path and effective_when" in text
    assert len(posts_at_proxy(proxy)) == 1
    assert len(api.calls("POST", "/api/ops/promote")) == 1
