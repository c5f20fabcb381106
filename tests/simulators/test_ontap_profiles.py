"""ONTAP release profiles: the seeds' release (9.13.1, default) and 9.14.1 (string secondaries, timeouts -1 and 0,
the expensive ``connectivity``), and ``GET /api/cluster`` reporting the version."""

from __future__ import annotations

import pytest
import requests

from keyform.simulators.__main__ import _parser
from keyform.simulators.ontap import profile

CREDENTIALS = ("admin", "ontap-sim-Passw0rd")


class Cluster:
    def __init__(self, server):
        self.server = server
        self.base = server.url + "/api"
        self.session = requests.Session()
        self.session.auth = CREDENTIALS
        manager = self.session.post(f"{self.base}/security/key-managers", timeout=5, json={
            "svm": {"name": "svm1"}, "external": {"client_certificate": {"name": "kmip-client"},
                                                  "server_ca_certificates": [{"name": "kmip-ca"}]}})
        assert manager.status_code == 201, manager.text
        uuid = self.session.get(f"{self.base}/security/key-managers", timeout=5).json()["records"][0]["uuid"]
        self.servers = f"{self.base}/security/key-managers/{uuid}/key-servers"

    def add(self, **body):
        return self.session.post(self.servers, json=body, timeout=5)

    def get(self, server, fields=None):
        params = {"fields": fields} if fields else None
        response = self.session.get(f"{self.servers}/{server}", params=params, timeout=5)
        assert response.status_code == 200, response.text
        return response.json()


@pytest.fixture
def cluster(simulator):
    made: list[Cluster] = []

    def _make(version=None) -> Cluster:
        made.append(Cluster(simulator("ontap", ontap_version=version)))
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
    patched = c.session.patch(f"{c.servers}/ks1", json={"secondary_key_servers": "dr5"}, timeout=5)
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
