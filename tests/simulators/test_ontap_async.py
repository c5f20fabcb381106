"""ONTAP simulator: asynchronous jobs, injected faults, cluster conditions and restart with a state file."""

from __future__ import annotations

import json
import time

import requests

from tests.simulators.test_ontap import (
    PASSPHRASE,
    PASSPHRASE_2,
    Api,
    assert_error,
    create_external,
    create_onboard,
    external_body,
)


def wait_for_job(api: Api, href: str, timeout: float = 5.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = api.session.get(api.server.url + href, timeout=5).json()
        if job["state"] not in ("queued", "running"):
            return job
        time.sleep(0.02)
    raise AssertionError(f"job {href} still running after {timeout}s")


def admin(api: Api, what: str, changes: dict) -> None:
    requests.put(f"{api.server.url}/_admin/{what}", json=changes, timeout=5).raise_for_status()


# --- jobs -------------------------------------------------------------------------------------


def test_async_key_server_post_runs_as_a_job_then_succeeds(api, kmip):
    uuid = create_external(api)
    base = f"/security/key-managers/{uuid}/key-servers"
    response = api.post(base, params={"return_timeout": 0}, json={"server": kmip[0], "password": "kmip-Secret-1",
                                                                   "username": "kmip"})
    assert response.status_code == 202
    job = response.json()["job"]
    assert set(job) == {"uuid", "_links"}
    href = job["_links"]["self"]["href"]
    assert href == f"/api/cluster/jobs/{job['uuid']}"

    running = api.get(f"/cluster/jobs/{job['uuid']}").json()
    assert running["state"] == "running"
    assert running["description"] == f"POST /api{base}"
    assert api.get(base).json()["num_records"] == 0  # not applied yet

    done = wait_for_job(api, href)
    assert (done["state"], done["code"], done["message"]) == ("success", 0, "success")
    assert "end_time" in done
    assert [r["server"] for r in api.get(base).json()["records"]] == [kmip[0]]
    assert job["uuid"] in [j["uuid"] for j in api.get("/cluster/jobs").json()["records"]]


def test_async_patch_delete_and_create_key_manager(api):
    created = api.post("/security/key-managers", params={"return_timeout": 0},
                       json={"onboard": {"passphrase": PASSPHRASE}})
    assert created.status_code == 202
    assert wait_for_job(api, created.json()["job"]["_links"]["self"]["href"])["state"] == "success"
    uuid = api.get("/security/key-managers", params={"scope": "cluster"}).json()["records"][0]["uuid"]

    patched = api.patch(f"/security/key-managers/{uuid}", params={"return_timeout": "0"},
                        json={"onboard": {"existing_passphrase": PASSPHRASE, "passphrase": PASSPHRASE_2}})
    assert patched.status_code == 202
    assert wait_for_job(api, patched.json()["job"]["_links"]["self"]["href"])["state"] == "success"
    assert api.patch(f"/security/key-managers/{uuid}",
                     json={"onboard": {"synchronize": True, "existing_passphrase": PASSPHRASE_2}}).status_code == 200

    deleted = api.delete(f"/security/key-managers/{uuid}", params={"return_timeout": 0})
    assert deleted.status_code == 202
    assert wait_for_job(api, deleted.json()["job"]["_links"]["self"]["href"])["state"] == "success"
    assert api.get(f"/security/key-managers/{uuid}").status_code == 404


def test_validation_error_in_background_ends_job_in_failure(api, kmip):
    uuid = create_external(api, servers=[{"server": kmip[0]}])
    response = api.post(f"/security/key-managers/{uuid}/key-servers", params={"return_timeout": 0},
                        json={"server": kmip[0]})
    assert response.status_code == 202
    job = wait_for_job(api, response.json()["job"]["_links"]["self"]["href"])
    assert (job["state"], job["code"], job["message"]) == ("failure", 65536870,
                                                           "Key management servers already configured.")
    assert job["error"] == {"code": "65536870", "message": "Key management servers already configured."}

    patch = api.patch(f"/security/key-managers/{uuid}/key-servers/{kmip[0]}", params={"return_timeout": 0},
                      json={"password": "kmip-Secret-2"})
    job = wait_for_job(api, patch.json()["job"]["_links"]["self"]["href"])
    assert (job["state"], job["code"], job["message"]) == ("failure", 65536845, "Missing username.")


def test_fail_jobs_fault_makes_jobs_fail_and_changes_nothing(api):
    uuid = create_external(api)
    admin(api, "faults", {"fail_jobs": True})
    response = api.post(f"/security/key-managers/{uuid}/key-servers", params={"return_timeout": 0},
                        json={"server": "10.0.0.7"})
    job = wait_for_job(api, response.json()["job"]["_links"]["self"]["href"])
    assert (job["state"], job["message"], job["code"]) == ("failure", "Job failed: injected fault", 1)
    assert api.get(f"/security/key-managers/{uuid}/key-servers").json()["num_records"] == 0


def test_return_timeout_above_zero_is_synchronous_and_bad_values_are_refused(api, kmip):
    uuid = create_external(api)
    base = f"/security/key-managers/{uuid}/key-servers"
    response = api.post(base, params={"return_timeout": 15, "return_records": "true"}, json={"server": kmip[0]})
    assert response.status_code == 201 and response.json()["records"][0]["server"] == kmip[0]
    for bad in ("-1", "121", "soon"):
        assert_error(api.post(base, params={"return_timeout": bad}, json={"server": "10.0.0.9"}), 400, "262185",
                     'Invalid value for field "return_timeout": an integer from 0 to 120 is expected.',
                     "return_timeout")
    assert_error(api.get("/cluster/jobs/nope"), 404, "4", "entry doesn't exist", "uuid")


# --- faults -------------------------------------------------------------------------------------


def test_throttle_and_unavailable_faults(api):
    admin(api, "faults", {"throttle_next": 1, "retry_after": 2})
    throttled = api.get("/svm/svms")
    assert throttled.status_code == 429
    assert throttled.headers["Retry-After"] == "2"
    assert throttled.json()["error"]["message"] == "Too many requests."
    admin(api, "faults", {"fail_next": 1, "retry_after": 1})
    unavailable = api.get("/svm/svms")
    assert unavailable.status_code == 503
    assert unavailable.json()["error"] == {"code": "503", "message": "Service unavailable.", "arguments": []}
    assert api.get("/svm/svms").status_code == 200


# --- cluster conditions: the seeds' environment-dependent errors ------------------------------


def test_multitenant_conditions(api):
    onboard = create_onboard(api)
    external = create_external(api, "svm2")
    admin(api, "ontap", {"cluster_version": "9.5.0"})
    assert_error(api.post("/security/key-managers", json=external_body("svm1")), 400, "65536822",
                 "Multitenant key management is not supported in the current cluster version.")
    admin(api, "ontap", {"cluster_version": "9.14.1", "metrocluster": True})
    assert_error(api.post(f"/security/key-managers/{external}/key-servers", json={"server": "10.0.0.1"}), 400,
                 "65536824", "Multitenant key management is not supported in MetroCluster configurations.")
    assert_error(api.patch(f"/security/key-managers/{external}/key-servers/10.0.0.1", json={"timeout": 5}), 400,
                 "65536824", "Multitenant key management is not supported in MetroCluster configurations.")
    status = api.get(f"/security/key-managers/{onboard}", params={"fields": "status"}).json()["status"]
    assert status["code"] == 346758 and status["message"].startswith("This cluster is part of a MetroCluster")


def test_common_criteria_and_passphrase_update_failures(api):
    admin(api, "ontap", {"cc_mode": True})
    assert_error(api.post("/security/key-managers", json={"onboard": {"passphrase": PASSPHRASE}}), 400, "65536802",
                 "The passphrase does not match the accepted length in common criteria mode.")
    admin(api, "ontap", {"cc_mode": False})
    uuid = create_onboard(api)
    for code, message in ((65536406, "The change of passphrase failed."),
                          (65536407, "The passphrase update failed on some nodes."),
                          (65536408, "The passphrase update failed on some nodes.")):
        admin(api, "ontap", {"passphrase_update_failure": code})
        assert_error(api.patch(f"/security/key-managers/{uuid}",
                               json={"onboard": {"existing_passphrase": PASSPHRASE, "passphrase": PASSPHRASE_2}}),
                     400, str(code), message)


def test_key_server_connection_failures(api):
    uuid = create_external(api)
    failures = {
        65536834: "Failed to get existing key-server details for the SVM.",
        65536852: "Failed to query supported KMIP protocol versions.",
        66060338: "Failed to establish secure connection for a key management server due to incorrect server_ca "
                  "certificates.",
        66060339: "Failed to establish secure connection for a key management server due to incorrect client "
                  "certificates.",
        66060340: "Failed to establish secure connection for a key management server due to Cryptsoft error.",
        66060341: "Failed to establish secure connection for a key management server due to network configuration "
                  "issues.",
    }
    for code, message in failures.items():
        admin(api, "ontap", {"kmip_failure": code})
        assert_error(api.post(f"/security/key-managers/{uuid}/key-servers", json={"server": "10.0.0.1"}), 400,
                     str(code), message, "server")
    admin(api, "ontap", {"kmip_failure": 66060339})
    assert_error(api.patch(f"/security/key-managers/{uuid}",
                           json={"external": {"server_ca_certificates": [{"name": "kmip-ca-2"}]}}),
                 400, "66060339", failures[66060339])
    assert api.get(f"/security/key-managers/{uuid}/key-servers").json()["num_records"] == 0
    bad = requests.put(api.server.url + "/_admin/ontap", json={"kmip_failure": 123}, timeout=5)
    assert bad.status_code == 400


# --- persistence --------------------------------------------------------------------------------


def test_restart_with_state_file_keeps_objects_and_no_clear_secrets(simulator, tmp_path, kmip):
    state = tmp_path / "s.json"
    first = Api(simulator("ontap", state_path=str(state)))
    svms = first.get("/svm/svms").json()["records"]
    external = create_external(first, servers=[{"server": kmip[0], "username": "kmip", "password": "kmip-Secret-1",
                                                "secondary_key_servers": ["dr1"]}])
    onboard = create_onboard(first)
    before = {u: first.get(f"/security/key-managers/{u}").json() for u in (external, onboard)}
    first.server.stop()

    text = state.read_text()
    for secret in ("kmip-Secret-1", PASSPHRASE):
        assert secret not in text
    stored = json.loads(text)["key_managers"]
    assert set(stored[onboard]["passphrase"]) == {"salt", "sha256"}
    assert set(stored[external]["servers"][0]["password"]) == {"salt", "sha256"}

    second = Api(simulator("ontap", name="ontap-again", state_path=str(state)))
    assert second.get("/svm/svms").json()["records"] == svms
    for uuid, record in before.items():
        assert second.get(f"/security/key-managers/{uuid}").json() == record
    # the hashed passphrase still verifies after the restart
    assert_error(second.patch(f"/security/key-managers/{onboard}",
                              json={"onboard": {"existing_passphrase": PASSPHRASE, "passphrase": PASSPHRASE}}),
                 400, "65536150", "The new passphrase is same as old passphrase.")
    first.assert_no_secrets()
    second.assert_no_secrets()
