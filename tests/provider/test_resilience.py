"""Asynchronous jobs, 503 with Retry-After, and the CSRF session flow, through real terraform runs."""

from __future__ import annotations

import json

from tests.provider.conftest import config


def keyed(name: str, resource: str = "k", polling: str = 'interval_seconds = "0.05", timeout_seconds = "10"',
          lookup: bool = False) -> str:
    found_by = '\n    lookup_path = "{path}/{data.name}"' if lookup else ""
    return f"""
resource "rest_object" "{resource}" {{
  path        = "/keys"
  data        = jsonencode({{ name = "{name}", kind = "external" }})
  api         = jsonencode({{
    id_template = "{{data.name}}"
    polling     = {{ {polling} }}{found_by}
  }})
}}
"""


def test_202_job_polled_to_success(api, terraform):
    api.async_jobs = "success"
    tf = terraform()
    tf.write(config(api.base_url, keyed("k1")))
    applied = tf.apply()

    assert "1 added" in applied.stdout
    [post] = api.calls("POST", "/api/keys")
    assert post.status == 202
    polls = api.calls("GET", prefix="/api/cluster/jobs/")
    job_href = f"/api/cluster/jobs/{next(iter(api.jobs))}"
    assert [p.path for p in polls] == [job_href] * 3  # running, running, success
    [created] = api.collection("keys").values()
    assert created["name"] == "k1"
    assert tf.resource("rest_object.k")["id"] == "k1"

    # an update answered 202 is followed too; the plan after it is clean
    api.clear()
    tf.write(config(api.base_url, keyed("k1").replace('"external"', '"onboard"')))
    tf.apply()
    assert [r.status for r in api.calls("PATCH")] == [202]
    assert created["kind"] == "onboard"
    assert "No changes." in tf.plan().stdout


def test_202_job_polled_to_failure_and_timeout(api, terraform):
    api.async_jobs = "failure"
    tf = terraform()
    tf.write(config(api.base_url, keyed("k2")))
    failed = tf.apply(check=False)

    assert failed.returncode == 1
    assert "Error: Could not create the object" in failed.stderr
    assert api.job_message in failed.stderr  # the job's own words
    assert f"POST {api.base_url}/keys" in failed.stderr
    assert "failed" in failed.stderr
    assert len(api.calls("GET", prefix="/api/cluster/jobs/")) == 3
    assert api.collection("keys") == {}
    assert "rest_object.k" not in tf.state_text()

    # a job that never ends: the polling timeout gives up with a clear error
    api.async_jobs, api.job_running_polls = "success", 10_000
    tf.write(config(api.base_url, keyed("k3", polling='interval_seconds = "0.05", timeout_seconds = "0.5"')))
    timed_out = tf.apply(check=False)
    assert timed_out.returncode == 1
    assert "still 'running' after 0.5 s" in timed_out.stderr


def test_a_create_answered_503_is_looked_up_then_sent_again_after_retry_after(api, terraform):
    api.fail_next, api.retry_after = 1, 1
    tf = terraform()
    # backoff alone would wait 0.05 s: a wait of a second can only come from Retry-After
    tf.write(config(api.base_url, keyed("k4", polling='enabled = "false"', lookup=True), retry_backoff_seconds=0.05))
    applied = tf.apply()

    assert "1 added" in applied.stdout
    calls = [(r.method, r.path, r.status) for r in api.requests]
    assert calls == [("POST", "/api/keys", 503), ("GET", "/api/keys/k4", 404),  # not created: send it again
                     ("POST", "/api/keys", 201), ("GET", "/api/keys/k4", 200)], calls  # then the read-back
    first, second = api.calls("POST", "/api/keys")
    assert first.json == second.json == {"name": "k4", "kind": "external"}
    assert second.at - first.at >= 0.95, f"sent again after {second.at - first.at:.2f} s, Retry-After said 1 s"
    assert tf.resource("rest_object.k")["id"] == "k4"
    assert len(api.collection("keys")) == 1


def test_a_create_answered_503_without_a_lookup_is_not_sent_again(api, terraform):
    api.fail_next = 1
    tf = terraform()
    tf.write(config(api.base_url, keyed("k5", polling='enabled = "false"'), retry_backoff_seconds=0.05))
    failed = tf.apply(check=False)

    assert failed.returncode == 1
    assert len(api.calls("POST", "/api/keys")) == 1
    flat = " ".join(failed.stderr.split())
    assert "answered 503" in flat and "The object may have been created" in flat and "set api.lookup_path" in flat, flat


def test_csrf_token_fetched_sent_and_refreshed_once_after_expiry(api, terraform):
    api.csrf = True
    tf = terraform()
    body = """
resource "rest_object" "s" {
  path         = "/buckets"
  data         = jsonencode({ name = "b1", quota = SIZE })
  api          = jsonencode({
    id_attribute = "uuid"
  })
}
"""
    tf.write(config(api.base_url, body.replace("SIZE", "10"), csrf_path="/csrf"))
    tf.apply()
    calls = [(r.method, r.path, r.status) for r in api.requests]
    assert calls[:2] == [("GET", "/api/csrf", 200), ("POST", "/api/buckets", 201)]
    [post] = api.calls("POST")
    assert post.header("X-XSRF-TOKEN") and post.header("X-XSRF-TOKEN").startswith("csrf-")
    assert f"XSRF-TOKEN={post.header('X-XSRF-TOKEN')}" in post.header("Cookie")

    # the token expires between two calls: 403, one fresh token, the call succeeds
    api.clear()
    api.expire_csrf()
    tf.write(config(api.base_url, body.replace("SIZE", "20"), csrf_path="/csrf"))
    applied = tf.apply()
    assert "1 changed" in applied.stdout
    writes = api.calls("PATCH")
    assert [w.status for w in writes] == [403, 200]
    stale, fresh = (w.header("X-XSRF-TOKEN") for w in writes)
    assert stale != fresh
    between = api.requests[api.requests.index(writes[0]) + 1:api.requests.index(writes[1])]
    assert [(r.method, r.path) for r in between] == [("GET", "/api/csrf")]
    [uid] = api.collection("buckets")
    assert api.collection("buckets")[uid]["quota"] == 20
    assert json.loads(tf.resource("rest_object.s")["data"])["quota"] == 20
