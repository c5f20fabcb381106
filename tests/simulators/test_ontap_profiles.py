"""ONTAP release profiles: the seeds' release (9.13.1, default) and 9.14.1 (string secondaries, timeouts -1 and 0,
the expensive ``connectivity``), and ``GET /api/cluster`` reporting the version."""

from __future__ import annotations

import re

import pytest
import requests

from keyform.simulators.__main__ import _parser
from keyform.simulators.ontap import profile

CREDENTIALS = ("admin", "ontap-sim-Passw0rd")


class Cluster:
    """A key manager on a simulated cluster; key servers ``ks1``-``ks6`` are real KMIP servers (``kmip``), which the
    cluster connects to when they are added."""

    def __init__(self, server, kmip: list[str]):
        self.server = server
        self.kmip = kmip
        self.base = server.url + "/api"
        self.session = requests.Session()
        self.session.auth = CREDENTIALS
        manager = self.session.post(f"{self.base}/security/key-managers", timeout=5, json={
            "svm": {"name": "svm1"}, "external": {"client_certificate": {"name": "kmip-client"},
                                                  "server_ca_certificates": [{"name": "kmip-ca"}]}})
        assert manager.status_code == 201, manager.text
        uuid = self.session.get(f"{self.base}/security/key-managers", timeout=5).json()["records"][0]["uuid"]
        self.servers = f"{self.base}/security/key-managers/{uuid}/key-servers"

    def name(self, server: str) -> str:
        """``ksN``: the N-th KMIP server's address."""
        found = re.fullmatch(r"ks(\d)", server)
        return self.kmip[int(found.group(1)) - 1] if found else server

    def at(self, server: str) -> str:
        return f"{self.servers}/{self.name(server)}"

    def add(self, **body):
        if "server" in body:
            body["server"] = self.name(body["server"])
        body["records"] = [{**r, "server": self.name(r["server"])} for r in body.get("records", [])]
        if not body["records"]:
            del body["records"]
        return self.session.post(self.servers, json=body, timeout=5)

    def get(self, server, fields=None):
        params = {"fields": fields} if fields else None
        response = self.session.get(self.at(server), params=params, timeout=5)
        assert response.status_code == 200, response.text
        return response.json()


@pytest.fixture
def cluster(simulator, kmip):
    made: list[Cluster] = []

    def _make(version=None) -> Cluster:
        made.append(Cluster(simulator("ontap", ontap_version=version), kmip))
        return made[-1]

    yield _make
    for c in made:
        c.session.close()


@pytest.mark.parametrize("version, full", [(None, (9, 13, 1)), ("9.13.1", (9, 13, 1)), ("9.14.1", (9, 14, 1))])
def test_the_cluster_reports_its_release(simulator, version, full):
    server = simulator("ontap", ontap_version=version)
    answer = requests.get(server.url + "/api/cluster", auth=CREDENTIALS, timeout=5).json()
    assert (answer["version"]["generation"], answer["version"]["major"], answer["version"]["minor"]) == full
    assert ".".join(map(str, full)) in answer["version"]["full"]


def test_seed_release_answers_arrays_and_refuses_string_secondaries(cluster):
    c = cluster()
    assert c.add(server="ks1", secondary_key_servers=["dr1", "dr2:5697"]).status_code == 201
    assert c.get("ks1")["secondary_key_servers"] == ["dr1", "dr2:5697"]
    refused = c.add(server="ks2", secondary_key_servers="dr3,dr4")
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "262185"


def test_914_answers_one_string_and_takes_both_encodings(cluster):
    c = cluster("9.14.1")
    assert c.add(server="ks1", secondary_key_servers=["dr1", "dr2:5697"]).status_code == 201
    assert c.add(server="ks2", secondary_key_servers="dr3, dr4").status_code == 201
    assert c.get("ks1")["secondary_key_servers"] == "dr1,dr2:5697"
    assert c.get("ks2")["secondary_key_servers"] == "dr3,dr4"
    listing = c.session.get(c.servers, params={"fields": "*"}, timeout=5).json()["records"]
    assert all(isinstance(r["secondary_key_servers"], str) for r in listing)
    patched = c.session.patch(c.at("ks1"), json={"secondary_key_servers": "dr5"}, timeout=5)
    assert patched.status_code == 200 and c.get("ks1")["secondary_key_servers"] == "dr5"


@pytest.mark.parametrize("timeout", [-1, 0])
def test_timeouts_minus_one_and_zero_only_from_914(cluster, timeout):
    old, new = cluster(), cluster("9.14.1")
    refused = old.add(server="ks1", timeout=timeout)
    assert refused.status_code == 400
    assert refused.json()["error"] == {
        "code": "262185", "message": 'Invalid value for field "timeout": an integer from 1 to 60 is expected.',
        "target": "timeout", "arguments": refused.json()["error"]["arguments"]}
    assert new.add(server="ks1", timeout=timeout).status_code == 201
    assert new.get("ks1")["timeout"] == timeout
    assert new.add(server="ks2", timeout=-2).status_code == 400


def test_connectivity_only_when_asked_and_only_from_914(cluster):
    old, new = cluster(), cluster("9.14.1")
    for c in (old, new):
        assert c.add(server="ks1").status_code == 201
        assert "connectivity" not in c.get("ks1") and "connectivity" not in c.get("ks1", "*")
    assert "connectivity" not in old.get("ks1", "connectivity")
    for fields in ("connectivity", "**", "connectivity.cluster_availability"):
        connectivity = new.get("ks1", fields)["connectivity"]
        assert connectivity["cluster_availability"] is True
    states = new.get("ks1", "connectivity")["connectivity"]["node_states"]
    assert states and all(s["state"] == "available" and s["node"]["name"] for s in states)
    listing = new.session.get(new.servers, params={"fields": "*"}, timeout=5).json()["records"]
    assert listing and not any("connectivity" in r for r in listing)


def test_the_command_line_takes_the_release(capsys):
    assert _parser().parse_args(["ontap", "--ontap-version", "9.14.1"]).ontap_version == "9.14.1"
    assert _parser().parse_args(["all"]).ontap_version is None
    with pytest.raises(SystemExit):
        _parser().parse_args(["ontap", "--ontap-version", "14"])
    assert "ONTAP version '14' is not like 9.14.1" in capsys.readouterr().err
    with pytest.raises(ValueError, match="not like 9.14.1"):
        profile.parse("9.x.1")


def test_the_release_shows_in_the_conditions_and_is_checked(simulator):
    server = simulator("ontap", ontap_version="9.14.1")
    assert requests.get(server.url + "/_admin/ontap", timeout=5).json()["ontap_version"] == "9.14.1"
    for bad in (14, "nine", None):
        assert requests.put(server.url + "/_admin/ontap", json={"ontap_version": bad}, timeout=5).status_code == 400


def test_create_remove_timeout_only_from_914(cluster):
    old, new = cluster(), cluster("9.14.1")
    refused = old.add(server="ks1", create_remove_timeout=30)
    assert refused.status_code == 400
    assert refused.json()["error"]["code"] == "262179"  # unknown to 9.13.1, as any field it does not have
    assert refused.json()["error"]["target"] == "create_remove_timeout"
    assert old.add(server="ks1").status_code == 201
    assert "create_remove_timeout" not in old.get("ks1")
    patch = old.session.patch(old.at("ks1"), json={"create_remove_timeout": 30}, timeout=5)
    assert patch.status_code == 400 and patch.json()["error"]["code"] == "262179"

    assert new.add(server="ks1", create_remove_timeout=-1).status_code == 201
    assert new.add(server="ks2").status_code == 201
    assert new.add(records=[{"server": "ks3", "create_remove_timeout": 0}]).status_code == 201
    assert [new.get(s)["create_remove_timeout"] for s in ("ks1", "ks2", "ks3")] == [-1, 25, 0]
    patched = new.session.patch(new.at("ks2"), json={"create_remove_timeout": 60}, timeout=5)
    assert patched.status_code == 200 and new.get("ks2")["create_remove_timeout"] == 60
    for bad in (-2, 61, "soon"):
        refused = new.add(server="ks4", create_remove_timeout=bad)
        assert refused.status_code == 400 and refused.json()["error"]["code"] == "262185", refused.text
        assert refused.json()["error"]["target"] == "create_remove_timeout"
    # a key manager's own list of servers does not show it (key_server_readcreate has no such field)
    manager = new.session.get(new.servers.rsplit("/key-servers", 1)[0], timeout=5).json()
    assert all("create_remove_timeout" not in s for s in manager["external"]["servers"])
