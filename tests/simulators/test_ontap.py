"""ONTAP simulator: SVMs, certificates, key managers and key servers, over real HTTP."""

from __future__ import annotations

import pytest
import requests

from keyform.simulators.__main__ import build_settings, start
from keyform.simulators.common import Faults
from keyform.simulators.kmip.server import start_kmip_server
from tests.conftest import SESSION_CA

PASSPHRASE = "correct horse battery staple 0123456789"  # 40 ASCII characters
PASSPHRASE_2 = "another cluster passphrase, 32+ chars long"
SECRETS = (PASSPHRASE, PASSPHRASE_2, "kmip-Secret-1", "kmip-Secret-2", "kmip-Secret-3")
SECRET_KEYS = {"password", "passphrase", "existing_passphrase", "private_key"}
SEEDED_CERTIFICATES = ("kmip-client", "kmip-client-renewed", "kmip-client-other", "kmip-ca", "kmip-ca-2")


def _keys(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item)


class Api:
    """A session against one simulator that remembers every answer, to check none leaks a secret."""

    def __init__(self, server):
        self.server = server
        self.base = server.url + "/api"
        self.session = requests.Session()
        self.session.auth = ("admin", "ontap-sim-Passw0rd")
        self.answers: list[requests.Response] = []

    def call(self, method: str, path: str, **kwargs) -> requests.Response:
        response = self.session.request(method, self.base + path, timeout=5, **kwargs)
        self.answers.append(response)
        return response

    def get(self, path, **kw):
        return self.call("GET", path, **kw)

    def post(self, path, **kw):
        return self.call("POST", path, **kw)

    def patch(self, path, **kw):
        return self.call("PATCH", path, **kw)

    def delete(self, path, **kw):
        return self.call("DELETE", path, **kw)

    def reset(self):
        """Back to a fresh cluster: no key managers, only the seeded certificates, no faults, default conditions."""
        for record in self.get("/security/key-managers").json()["records"]:
            assert self.delete(f"/security/key-managers/{record['uuid']}").status_code == 200
        for record in self.get("/security/certificates").json()["records"]:
            if record["name"] not in SEEDED_CERTIFICATES:
                assert self.delete(f"/security/certificates/{record['uuid']}").status_code == 200
        requests.put(self.server.url + "/_admin/faults", json={"fail_jobs": False, "fail_next": 0, "throttle_next": 0},
                     timeout=5).raise_for_status()
        requests.put(self.server.url + "/_admin/ontap", json={
            "cluster_version": "9.14.1", "metrocluster": False, "cc_mode": False, "kmip_failure": None,
            "passphrase_update_failure": None}, timeout=5).raise_for_status()

    def assert_no_secrets(self):
        for response in self.answers:
            for secret in SECRETS:
                assert secret not in response.text
            if response.content:
                assert not SECRET_KEYS & set(_keys(response.json()))


@pytest.fixture(scope="module")
def shared_server():
    """One simulator for the module (stopping a server costs 0.5 s); each test starts from :meth:`Api.reset`."""
    settings = build_settings("ontap", "ontap", 0, None, Faults())
    settings.ca = SESSION_CA
    server = start("ontap", settings)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def kmip():
    """Six real KMIP servers for the module's key servers (the cluster connects to every primary it adds):
    ``kmip[i]`` is ``127.0.0.1:PORT``; ``localhost:PORT`` names the same server."""
    servers = [start_kmip_server(SESSION_CA) for _ in range(6)]
    yield [server.address for server in servers]
    for server in servers:
        server.stop()


def local(address: str) -> str:
    """The same KMIP server by its name ``localhost``."""
    return "localhost:" + address.rsplit(":", 1)[1]


def path_of(server: str) -> str:
    return server.replace(":", "%3A")


@pytest.fixture
def api(shared_server):
    client = Api(shared_server)
    client.reset()
    yield client
    client.assert_no_secrets()


def assert_error(response, status: int, code: str, message: str, target: str | None = None):
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code
    assert error["message"] == message
    assert isinstance(error["arguments"], list)
    if target is not None:
        assert error["target"] == target


def external_body(svm="svm1", **extra):
    body = {
        "svm": {"name": svm},
        "external": {"client_certificate": {"name": "kmip-client"}, "server_ca_certificates": [{"name": "kmip-ca"}]},
    }
    body["external"].update(extra)
    return body


def create_external(api, svm="svm1", **extra) -> str:
    response = api.post("/security/key-managers", params={"return_records": "true"},
                        json=external_body(svm, **extra))
    assert response.status_code == 201, response.text
    return response.json()["records"][0]["uuid"]


def create_onboard(api, passphrase=PASSPHRASE) -> str:
    response = api.post("/security/key-managers", params={"return_records": "true"},
                        json={"onboard": {"passphrase": passphrase}})
    assert response.status_code == 201, response.text
    return response.json()["records"][0]["uuid"]


# --- auth, SVMs, certificates -------------------------------------------------------------------


@pytest.mark.parametrize("auth", [None, ("admin", "wrong"), ("root", "ontap-sim-Passw0rd")])
def test_wrong_or_missing_credentials_get_401_with_ontap_error(shared_server, auth):
    response = requests.get(shared_server.url + "/api/svm/svms", auth=auth, timeout=5)
    assert_error(response, 401, "6", "The user name or password is incorrect.")
    assert response.headers["WWW-Authenticate"].startswith("Basic")


def test_the_readonly_user_reads_and_is_refused_every_change_with_403(api):
    """The user of role ``readonly`` (ONTAP's built-in role): reads as admin does; a POST, PATCH or DELETE is
    refused with 403 and ONTAP's error body, and changes nothing."""
    manager = create_external(api)
    readonly = requests.Session()
    readonly.auth = ("keyform-ro", "ontap-sim-ReadOnly1")
    url = api.base + "/security/key-managers"
    read = readonly.get(url, timeout=5)
    assert read.status_code == 200 and read.json() == api.get("/security/key-managers").json()
    assert readonly.get(f"{url}/{manager}", timeout=5).json()["uuid"] == manager
    for method, path, body in (("POST", url, external_body("svm2")), ("PATCH", f"{url}/{manager}", {}),
                               ("DELETE", f"{url}/{manager}", None)):
        refused = readonly.request(method, path, json=body, timeout=5)
        assert_error(refused, 403, "6", "not authorized for that command")
    assert [r["uuid"] for r in api.get("/security/key-managers").json()["records"]] == [manager]
    wrong = requests.get(url, auth=("keyform-ro", "ontap-sim-Passw0rd"), timeout=5)
    assert_error(wrong, 401, "6", "The user name or password is incorrect.")

def test_svms_are_seeded_with_stable_uuids_and_filterable(api, simulator):
    listing = api.get("/svm/svms").json()
    assert listing["num_records"] == 2
    assert [r["name"] for r in listing["records"]] == ["svm1", "svm2"]
    svm1 = listing["records"][0]
    assert set(svm1) == {"uuid", "name", "_links"}
    assert svm1["_links"]["self"]["href"] == f"/api/svm/svms/{svm1['uuid']}"

    filtered = api.get("/svm/svms", params={"name": "svm2"}).json()
    assert filtered["num_records"] == 1 and filtered["records"][0]["name"] == "svm2"
    assert api.get("/svm/svms", params={"name": "nope"}).json() == {
        "records": [], "num_records": 0, "_links": {"self": {"href": "/api/svm/svms?name=nope"}}}

    one = api.get(f"/svm/svms/{svm1['uuid']}")
    assert one.status_code == 200 and one.json()["name"] == "svm1" and one.json()["uuid"] == svm1["uuid"]
    assert_error(api.get("/svm/svms/00000000-0000-0000-0000-000000000000"), 404, "4", "entry doesn't exist", "uuid")

    other = Api(simulator("ontap", name="ontap-2"))
    assert other.get("/svm/svms").json()["records"][0]["uuid"] == svm1["uuid"]


def test_certificates_are_preinstalled(api):
    listing = api.get("/security/certificates").json()
    kinds = {r["name"]: r["type"] for r in listing["records"]}
    assert kinds == {"kmip-client": "client", "kmip-client-renewed": "client", "kmip-client-other": "client",
                     "kmip-ca": "server_ca", "kmip-ca-2": "server_ca"}
    assert all(set(r) == {"uuid", "name", "type", "_links"} for r in listing["records"])
    ca = api.get("/security/certificates", params={"name": "kmip-ca"}).json()["records"][0]
    one = api.get(f"/security/certificates/{ca['uuid']}").json()
    assert (one["name"], one["type"], one["scope"]) == ("kmip-ca", "server_ca", "cluster")
    assert_error(api.get("/security/certificates/nope"), 404, "4", "entry doesn't exist")


# --- key managers: create, read, delete ------------------------------------------------------


def test_create_external_key_manager_returns_201_record_and_location(api, kmip):
    body = external_body(servers=[
        {"server": local(kmip[0]).upper(), "username": "kmip", "password": "kmip-Secret-1"},
        {"server": kmip[1], "timeout": 40, "secondary_key_servers": ["ks-dr.example.com"]},
    ])
    response = api.post("/security/key-managers", params={"return_records": "true"}, json=body)
    assert response.status_code == 201
    assert response.json()["num_records"] == 1
    assert response.json()["_links"] == {"self": {"href": "/api/security/key-managers"}}
    record = response.json()["records"][0]
    uuid = record["uuid"]
    assert response.headers["Location"] == f"/api/security/key-managers/{uuid}"
    assert record["scope"] == "svm"
    assert record["svm"]["name"] == "svm1"
    assert record["external"]["client_certificate"]["name"] == "kmip-client"
    assert [c["name"] for c in record["external"]["server_ca_certificates"]] == ["kmip-ca"]
    assert record["external"]["servers"] == [
        {"server": local(kmip[0]), "timeout": 25, "username": "kmip", "secondary_key_servers": []},
        {"server": kmip[1], "timeout": 40, "secondary_key_servers": ["ks-dr.example.com"]},
    ]
    assert record["onboard"] == {"enabled": False}
    assert record["is_default_data_at_rest_encryption_disabled"] is False
    assert record["volume_encryption"] == {"supported": True, "code": 0, "message": ""}
    assert "status" not in record
    assert record["_links"]["self"]["href"] == f"/api/security/key-managers/{uuid}"

    instance = api.get(f"/security/key-managers/{uuid}").json()
    assert instance == record


def test_key_manager_collection_fields_and_filters(api):
    external = create_external(api, "svm1")
    onboard = create_onboard(api)

    listing = api.get("/security/key-managers").json()
    assert listing["num_records"] == 2
    by_uuid = {r["uuid"]: r for r in listing["records"]}
    assert set(by_uuid[external]) == {"uuid", "scope", "svm", "_links"}
    assert set(by_uuid[onboard]) == {"uuid", "scope", "_links"}
    assert by_uuid[onboard]["scope"] == "cluster"

    assert [r["uuid"] for r in api.get("/security/key-managers",
                                       params={"svm.name": "svm1"}).json()["records"]] == [external]
    svm1 = api.get("/svm/svms", params={"name": "svm1"}).json()["records"][0]["uuid"]
    assert [r["uuid"] for r in api.get("/security/key-managers",
                                       params={"svm.uuid": svm1}).json()["records"]] == [external]
    assert [r["uuid"] for r in api.get("/security/key-managers",
                                       params={"scope": "cluster"}).json()["records"]] == [onboard]
    assert api.get("/security/key-managers", params={"svm.name": "svm2"}).json()["num_records"] == 0

    everything = {r["uuid"]: r for r in api.get("/security/key-managers", params={"fields": "*"}).json()["records"]}
    assert everything[external]["external"]["client_certificate"]["name"] == "kmip-client"
    assert everything[onboard]["onboard"] == {"enabled": True}
    assert all("status" not in r for r in everything.values())

    some = api.get("/security/key-managers", params={"fields": "status,onboard.enabled", "scope": "cluster"}).json()
    assert some["records"][0]["status"] == {"code": 0, "message": "No action needed at this time."}
    assert some["records"][0]["onboard"] == {"enabled": True}
    assert "volume_encryption" not in some["records"][0]

    status = api.get(f"/security/key-managers/{external}", params={"fields": "status"}).json()
    assert set(status) == {"uuid", "scope", "svm", "status", "_links"}
    backup = api.get(f"/security/key-managers/{onboard}", params={"fields": "onboard.key_backup"}).json()
    assert "BEGIN BACKUP" in backup["onboard"]["key_backup"]


def test_one_key_manager_per_svm_and_cluster(api):
    create_external(api, "svm1")
    assert_error(api.post("/security/key-managers", json=external_body("svm1")), 409, "65536823",
                 'A key manager is already configured for SVM "svm1".', "svm")
    create_external(api, "svm2")
    create_onboard(api)
    assert_error(api.post("/security/key-managers", json={"onboard": {"passphrase": PASSPHRASE}}), 409, "65536823",
                 "A key manager is already configured for the cluster.")


@pytest.mark.parametrize("certificates", [
    {"client_certificate": {"name": "missing-cert"}},
    {"client_certificate": {"uuid": "00000000-0000-0000-0000-000000000000"}},
    {"client_certificate": {"name": "kmip-ca"}},  # a CA certificate is not a client certificate
    {"server_ca_certificates": [{"name": "kmip-ca"}, {"name": "missing-ca"}]},
])
def test_create_with_unknown_certificate_is_65536821(api, certificates):
    body = external_body()
    body["external"].update(certificates)
    assert_error(api.post("/security/key-managers", json=body), 400, "65536821", "Certificate is not installed.")


def test_create_with_certificate_uuids(api):
    certs = {r["name"]: r["uuid"] for r in api.get("/security/certificates").json()["records"]}
    body = {"svm": {"uuid": api.get("/svm/svms", params={"name": "svm2"}).json()["records"][0]["uuid"]},
            "external": {"client_certificate": {"uuid": certs["kmip-client"]},
                         "server_ca_certificates": [{"uuid": certs["kmip-ca"]}, {"uuid": certs["kmip-ca-2"]}]}}
    record = api.post("/security/key-managers", params={"return_records": "true"}, json=body).json()["records"][0]
    assert record["svm"]["name"] == "svm2"
    assert [c["name"] for c in record["external"]["server_ca_certificates"]] == ["kmip-ca", "kmip-ca-2"]
    assert record["external"]["servers"] == []


def test_create_validation_errors(api):
    assert_error(api.post("/security/key-managers", json=external_body("svm9")), 400, "2621462",
                 'SVM "svm9" does not exist.', "svm")
    assert_error(api.post("/security/key-managers", json={"svm": {"name": "svm1"}}), 400, "262197",
                 'Missing value for required field "external or onboard".')
    both = external_body()
    both["onboard"] = {"passphrase": PASSPHRASE}
    assert_error(api.post("/security/key-managers", json=both), 400, "262186",
                 'Field "onboard" cannot be used with field "external".')
    assert_error(api.post("/security/key-managers", json={"svm": {"name": "svm1"},
                                                          "onboard": {"passphrase": PASSPHRASE}}),
                 400, "262186", 'Field "onboard" cannot be used with field "svm".')
    assert_error(api.post("/security/key-managers", json={**external_body(), "colour": "blue"}), 400, "262179",
                 'Unexpected argument "colour".', "colour")
    four = [{"server": f"10.1.0.{i}"} for i in range(5)]
    assert_error(api.post("/security/key-managers", json=external_body(servers=four)), 400, "65536038",
                 "A maximum of 4 active key servers are allowed.")
    dup = [{"server": "10.1.0.1"}, {"server": "10.1.0.1:5696"}]
    assert_error(api.post("/security/key-managers", json=external_body(servers=dup)), 400, "65536871",
                 "Duplicate key management servers exist.")
    assert api.get("/security/key-managers").json()["num_records"] == 0


@pytest.mark.parametrize("passphrase", ["x" * 31, "x" * 257, "é" * 40, ""])
def test_onboard_passphrase_length_is_65536404(api, passphrase):
    assert_error(api.post("/security/key-managers", json={"onboard": {"passphrase": passphrase}}), 400, "65536404",
                 "The passphrase does not match the accepted length.", "onboard.passphrase")


def test_onboard_passphrase_bounds_are_accepted(api):
    uuid = create_onboard(api, "p" * 32)
    assert api.delete(f"/security/key-managers/{uuid}").status_code == 200
    uuid = create_onboard(api, "p" * 256)
    record = api.get(f"/security/key-managers/{uuid}").json()
    assert record["scope"] == "cluster" and record["onboard"] == {"enabled": True} and "external" not in record


def test_delete_key_manager(api):
    uuid = create_external(api)
    response = api.delete(f"/security/key-managers/{uuid}")
    assert (response.status_code, response.json()) == (200, {})
    assert_error(api.get(f"/security/key-managers/{uuid}"), 404, "4", "entry doesn't exist", "uuid")
    assert_error(api.delete(f"/security/key-managers/{uuid}"), 404, "4", "entry doesn't exist", "uuid")
    assert_error(api.patch(f"/security/key-managers/{uuid}", json={}), 404, "4", "entry doesn't exist", "uuid")
    create_external(api)  # the SVM is free again


# --- PATCH key manager (seed 004) ----------------------------------------------------------


def test_patch_onboard_passphrase_rules(api):
    uuid = create_onboard(api)
    path = f"/security/key-managers/{uuid}"
    needs_both = "Updating an onboard passhrase requires both new and existing cluster passphrase."
    assert_error(api.patch(path, json={"onboard": {"passphrase": PASSPHRASE_2}}), 400, "65536917", needs_both)
    assert_error(api.patch(path, json={"onboard": {"existing_passphrase": PASSPHRASE}}), 400, "65536917", needs_both)
    assert_error(api.patch(path, json={"onboard": {"existing_passphrase": PASSPHRASE_2, "passphrase": "y" * 40}}),
                 400, "65536139", "The existing passphrase value provided does not match the configured passphrase.")
    assert_error(api.patch(path, json={"onboard": {"existing_passphrase": PASSPHRASE, "passphrase": PASSPHRASE}}),
                 400, "65536150", "The new passphrase is same as old passphrase.")
    assert_error(api.patch(path, json={"onboard": {"existing_passphrase": PASSPHRASE, "passphrase": "short"}}),
                 400, "65536404", "The passphrase does not match the accepted length.")

    changed = api.patch(path, json={"onboard": {"existing_passphrase": PASSPHRASE, "passphrase": PASSPHRASE_2}})
    assert (changed.status_code, changed.json()) == (200, {})
    assert api.patch(path, json={"onboard": {"existing_passphrase": PASSPHRASE, "passphrase": "z" * 40}}).json()[
        "error"]["code"] == "65536139"
    assert api.patch(path, json={"onboard": {"existing_passphrase": PASSPHRASE_2,
                                             "passphrase": PASSPHRASE}}).status_code == 200


def test_patch_onboard_synchronize_rules(api):
    uuid = create_onboard(api)
    path = f"/security/key-managers/{uuid}"
    assert_error(api.patch(path, json={"onboard": {"synchronize": True}}), 400, "65537242",
                 "The Onboard Key Manager existing_passphrase must be provided when performing a PATCH/synchronize "
                 "operation.")
    assert_error(api.patch(path, json={"onboard": {"synchronize": True, "existing_passphrase": PASSPHRASE,
                                                    "passphrase": PASSPHRASE_2}}), 400, "65537243",
                 "The Onboard Key Manager passphrase must not be provided when performing a PATCH/synchronize "
                 "operation.")
    assert api.patch(path, json={"onboard": {"synchronize": True, "existing_passphrase": PASSPHRASE_2}}).json()[
        "error"]["code"] == "65536139"
    assert api.patch(path, json={"onboard": {"synchronize": True,
                                             "existing_passphrase": PASSPHRASE}}).status_code == 200


def test_patch_external_settings(api):
    external = create_external(api)
    onboard = create_onboard(api)
    assert_error(api.patch(f"/security/key-managers/{onboard}",
                           json={"external": {"client_certificate": {"name": "kmip-client"}}}),
                 400, "65536828", "External key management is not enabled for the SVM.")
    assert_error(api.patch(f"/security/key-managers/{external}", json={"onboard": {"synchronize": True}}),
                 400, "65537301", "The Onboard Key Manager is not enabled.")
    path = f"/security/key-managers/{external}"
    assert_error(api.patch(path, json={"external": {"client_certificate": {"name": "missing"}}}),
                 400, "65536821", "The certificate is not installed.")
    assert_error(api.patch(path, json={"external": {"server_ca_certificates": [{"name": "missing"}]}}),
                 400, "65536821", "The certificate is not installed.")
    assert_error(api.patch(path, json={"external": {"client_certificate": {"name": "kmip-client-other"}}}), 400,
                 "65536850",
                 "New client certificate public or private keys are different from the existing client certificate.")
    assert_error(api.patch(path, json={"external": {"servers": [{"server": "10.9.9.9"}]}}), 400, "262179",
                 'Unexpected argument "external.servers".')

    ok = api.patch(path, json={"external": {"client_certificate": {"name": "kmip-client-renewed"},
                                            "server_ca_certificates": [{"name": "kmip-ca-2"}]},
                               "is_default_data_at_rest_encryption_disabled": True})
    assert (ok.status_code, ok.json()) == (200, {})
    record = api.get(path).json()
    assert record["external"]["client_certificate"]["name"] == "kmip-client-renewed"
    assert [c["name"] for c in record["external"]["server_ca_certificates"]] == ["kmip-ca-2"]
    assert record["is_default_data_at_rest_encryption_disabled"] is True


# --- key servers (seeds 001, 002) -----------------------------------------------------------


def test_key_server_post_get_default_port_and_timeout(api, kmip):
    uuid = create_external(api)
    base = f"/security/key-managers/{uuid}/key-servers"
    first = kmip[0]
    response = api.post(base, params={"return_records": "true"},
                        json={"server": first, "username": "kmip", "password": "kmip-Secret-1"})
    assert response.status_code == 201
    assert response.headers["Location"] == f"/api{base}/{path_of(first)}"
    assert response.json() == {"num_records": 1, "records": [{
        "server": first, "timeout": 25, "username": "kmip", "secondary_key_servers": [],
        "_links": {"self": {"href": f"/api{base}/{path_of(first)}"}}}], "_links": {"self": {"href": f"/api{base}"}}}

    bulk = api.post(base, params={"return_records": "true"},
                    json={"records": [{"server": local(kmip[1]).upper(), "timeout": 10},
                                      {"server": kmip[2], "username": "u2", "password": "kmip-Secret-2"}]})
    assert bulk.status_code == 201
    assert bulk.json()["num_records"] == 2
    assert [r["server"] for r in bulk.json()["records"]] == [local(kmip[1]), kmip[2]]

    listing = api.get(base).json()
    assert listing["num_records"] == 3
    assert all(set(r) >= {"server", "timeout", "secondary_key_servers", "_links"} for r in listing["records"])
    for name in (first, path_of(first)):
        one = api.get(f"{base}/{name}")
        assert one.status_code == 200 and one.json()["server"] == first
    assert api.get(base, params={"server": "localhost*"}).json()["num_records"] == 1
    assert api.get(f"/security/key-managers/{uuid}").json()["external"]["servers"][0]["server"] == first
    # the port defaults to 5696; IPv6 addresses are bracketed and lower-cased (checked before any connection)
    for same in (["ks9.example.com", "KS9.example.com:5696"], ["[FD00::1]", "fd00::1"], ["[fd00::1]:5696", "FD00::1"]):
        assert_error(api.post(base, json={"records": [{"server": name} for name in same]}), 400, "65536871",
                     "Duplicate key management servers exist.")


def test_key_server_post_errors(api, kmip):
    uuid = create_external(api, servers=[{"server": kmip[0]}])
    base = f"/security/key-managers/{uuid}/key-servers"
    assert_error(api.post(base, json={"server": kmip[1], "records": [{"server": kmip[2]}]}), 400, "262186",
                 'Field "server" cannot be used with field "records".')
    assert_error(api.post(base, json={"records": [{"server": kmip[2]}], "secondary_key_servers": ["dr"]}), 400,
                 "262186", 'Field "secondary_key_servers" cannot be used with field "records".')
    assert_error(api.post(base, json={"timeout": 10}), 400, "262197", 'Missing value for required field "server".')
    assert_error(api.post(base, json={"server": kmip[0]}), 409, "65536870",
                 "Key management servers already configured.")
    assert_error(api.post(base, json={"records": [{"server": kmip[4]}, {"server": kmip[4]}]}), 400,
                 "65536871", "Duplicate key management servers exist.")
    assert_error(api.post(base, json={"server": "127.0.0.1:70000"}), 400, "262185",
                 'Invalid value for field "server": the port must be a number from 1 to 65535.')
    assert_error(api.post(base, json={"server": kmip[1], "timeout": 0}), 400, "262185",
                 'Invalid value for field "timeout": an integer from 1 to 60 is expected.')
    assert api.post(base, json={"records": [{"server": kmip[i]} for i in (1, 2, 3)]}).status_code == 201
    assert_error(api.post(base, json={"server": kmip[4]}), 400, "65536038",
                 "A maximum of 4 active key servers are allowed.")
    assert api.get(base).json()["num_records"] == 4

    onboard = create_onboard(api)
    message = "External key management is not enabled for the SVM."
    obase = f"/security/key-managers/{onboard}/key-servers"
    assert_error(api.post(obase, json={"server": kmip[5]}), 400, "65536828", message)
    assert_error(api.patch(f"{obase}/{kmip[5]}", json={"timeout": 5}), 400, "65536828", message)
    assert_error(api.delete(f"{obase}/{kmip[5]}"), 400, "65536828", message)
    assert api.get(obase).json()["num_records"] == 0
    assert_error(api.post("/security/key-managers/nope/key-servers", json={"server": "x"}), 404, "4",
                 "entry doesn't exist")


def test_key_server_patch(api, kmip):
    first, second = kmip[0], kmip[1]
    uuid = create_external(api, servers=[{"server": first}, {"server": second}])
    base = f"/security/key-managers/{uuid}/key-servers"
    assert_error(api.patch(f"{base}/10.0.0.99", json={"timeout": 5}), 404, "65536843",
                 "The key management server is not configured for the SVM.")
    assert_error(api.patch(f"{base}/{first}", json={"password": "kmip-Secret-3"}), 400, "65536845",
                 "Missing username.")
    assert_error(api.patch(f"{base}/{first}", json={"username": "kmip"}), 400, "65536846", "Missing password.")
    assert_error(api.patch(f"{base}/{first}", json={"secondary_key_servers": ["a", "b", "c", "d"]}), 400, "65536039",
                 "A maximum of 3 secondary key servers are allowed per primary key server.")
    assert_error(api.patch(f"{base}/{first}", json={"secondary_key_servers": [second]}), 400, "65536040",
                 f'A secondary key server cannot also be a primary key server: "{second}".')
    assert_error(api.patch(f"{base}/{first}", json={"secondary_key_servers": ["dr1", "dr1:5696"]}), 400, "65536871",
                 "Duplicate key management servers exist.")

    ok = api.patch(f"{base}/{path_of(first)}", json={"secondary_key_servers": ["dr1.example.com", "dr2.example.com"],
                                                     "timeout": "60", "username": "kmip", "password": "kmip-Secret-3"})
    assert (ok.status_code, ok.json()) == (200, {})
    record = api.get(f"{base}/{first}").json()
    assert record == {"server": first, "timeout": 60, "username": "kmip",
                      "secondary_key_servers": ["dr1.example.com", "dr2.example.com"],
                      "_links": {"self": {"href": f"/api{base}/{path_of(first)}"}}}
    assert_error(api.post(base, json={"server": "dr1.example.com"}), 400, "65536040",
                 'A secondary key server cannot also be a primary key server: "dr1.example.com".')


def test_key_server_delete(api, kmip):
    first, second = kmip[0], local(kmip[1])
    uuid = create_external(api, servers=[{"server": first}, {"server": second}])
    base = f"/security/key-managers/{uuid}/key-servers"
    response = api.delete(f"{base}/{first}")
    assert (response.status_code, response.json()) == (200, {})
    assert [r["server"] for r in api.get(base).json()["records"]] == [second]
    assert_error(api.get(f"{base}/{first}"), 404, "65536843",
                 "The key management server is not configured for the SVM.")
    assert_error(api.delete(f"{base}/{first}"), 404, "65536843",
                 "The key management server is not configured for the SVM.")
    assert_error(api.delete(f"{base}/localhost"), 404, "65536843",
                 "The key management server is not configured for the SVM.")
    assert api.delete(f"{base}/{second}").status_code == 200
    assert api.get(base).json()["num_records"] == 0
