"""ONTAP simulator as strict as the cluster: collections page (``max_records`` + ``_links.next.href``), POST answers
honour ``return_records`` and carry ``_links``, and the runner names SVMs (``--svm``) and lays ``all`` on
consecutive ports (``--port BASE``)."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from keyform.simulators.__main__ import ALL
from tests.processes import started
from tests.simulators.test_ontap import assert_error, create_external

def pages(api, path: str, **params) -> list[dict]:
    """Every page of a collection GET, following ``_links.next.href`` (at most 10)."""
    answers = [api.get(path, params=params)]
    while "next" in answers[-1].json()["_links"]:
        assert len(answers) < 10, "the next links do not end"
        href = answers[-1].json()["_links"]["next"]["href"]
        assert href.startswith("/api/")
        answers.append(api.session.get(api.server.url + href, timeout=5))
    for answer in answers:
        assert answer.status_code == 200, answer.text
    return [a.json() for a in answers]


@pytest.fixture
def three_servers(api, kmip):
    """Three real KMIP servers (``kmip[0:3]``) added to a key manager; its key-servers collection."""
    uuid = create_external(api)
    base = f"/security/key-managers/{uuid}/key-servers"
    for server in kmip[:3]:
        assert api.post(base, json={"server": server}).status_code == 201
    return base


def test_max_records_pages_a_collection_into_the_same_records_as_one_get(api, three_servers):
    whole = api.get(three_servers, params={"fields": "*"}).json()
    assert whole["num_records"] == 3 and "next" not in whole["_links"]  # no max_records: everything at once

    paged = pages(api, three_servers, max_records=1, fields="*")
    assert len(paged) == 3
    assert [p["num_records"] for p in paged] == [1, 1, 1]
    assert [r for p in paged for r in p["records"]] == whole["records"]
    assert "next" in paged[0]["_links"] and "next" in paged[1]["_links"] and "next" not in paged[2]["_links"]
    # the next page keeps the query (fields, max_records) and adds an opaque continuation
    query = parse_qs(urlsplit(paged[0]["_links"]["next"]["href"]).query)
    assert query["fields"] == ["*"] and query["max_records"] == ["1"] and set(query) == {"fields", "max_records",
                                                                                          "start.key"}
    assert "max_records=1" in paged[0]["_links"]["self"]["href"]

    two = pages(api, three_servers, max_records=2)
    assert [p["num_records"] for p in two] == [2, 1]
    assert len(pages(api, three_servers, max_records=3)) == 1  # exactly full: no next page
    assert len(pages(api, three_servers, max_records=50)) == 1


def test_paging_applies_after_filters_and_to_every_collection(api, three_servers, kmip):
    filtered = pages(api, three_servers, max_records=1, server=f"{kmip[0]}|{kmip[2]}")
    assert [r["server"] for p in filtered for r in p["records"]] == [kmip[0], kmip[2]]
    svms = pages(api, "/svm/svms", max_records=1)
    assert [r["name"] for p in svms for r in p["records"]] == ["svm1", "svm2"]
    certificates = pages(api, "/security/certificates", max_records=2)
    assert len(certificates) == 3 and sum(p["num_records"] for p in certificates) == 5
    create_external(api, "svm2")
    managers = pages(api, "/security/key-managers", max_records=1)
    assert len(managers) == 2


def test_a_page_after_a_change_neither_repeats_nor_skips(api, three_servers, kmip):
    first = api.get(three_servers, params={"max_records": 1}).json()
    assert [r["server"] for r in first["records"]] == [kmip[0]]
    # the record the token names is gone: the next page starts where it was
    assert api.delete(f"{three_servers}/{kmip[0]}").status_code == 200
    second = api.session.get(api.server.url + first["_links"]["next"]["href"], timeout=5).json()
    assert [r["server"] for r in second["records"]] == [kmip[1]]
    # a record added before the position reached is not shown again, nor is one skipped
    assert api.post(three_servers, json={"server": kmip[3]}).status_code == 201
    third = api.session.get(api.server.url + second["_links"]["next"]["href"], timeout=5).json()
    assert [r["server"] for r in third["records"]] == [kmip[2]]
    fourth = api.session.get(api.server.url + third["_links"]["next"]["href"], timeout=5).json()
    assert [r["server"] for r in fourth["records"]] == [kmip[3]] and "next" not in fourth["_links"]


@pytest.mark.parametrize("bad", ["0", "-1", "ten", "", "1.5"])
def test_an_invalid_max_records_is_a_400_in_ontaps_envelope(api, bad):
    for path in ("/svm/svms", "/security/key-managers", "/security/certificates", "/cluster/jobs"):
        assert_error(api.get(path, params={"max_records": bad}), 400, "262185",
                     'Invalid value for field "max_records": a positive integer is expected.', "max_records")


def test_a_forged_continuation_is_a_400(api):
    assert_error(api.get("/svm/svms", params={"max_records": 1, "start.key": "not-a-token"}), 400, "262185",
                 'Invalid value for field "start.key": not a continuation token of this cluster.', "start.key")


def test_post_key_servers_answers_num_records_and_links_and_records_only_when_asked(api, kmip):
    uuid = create_external(api)
    base = f"/security/key-managers/{uuid}/key-servers"
    links = {"self": {"href": f"/api{base}"}}
    plain = api.post(base, json={"server": kmip[0]})
    assert plain.status_code == 201 and plain.json() == {"num_records": 1, "_links": links}
    no = api.post(base, params={"return_records": "false"}, json={"server": kmip[1]})
    assert no.json() == {"num_records": 1, "_links": links}
    yes = api.post(base, params={"return_records": "true"}, json={"records": [{"server": kmip[2]},
                                                                              {"server": kmip[3]}]})
    assert yes.status_code == 201
    assert yes.json()["num_records"] == 2 and yes.json()["_links"] == links
    assert [r["server"] for r in yes.json()["records"]] == [kmip[2], kmip[3]]
    assert yes.json()["records"][0] == api.get(f"{base}/{kmip[2]}").json()
    assert_error(api.post(base, params={"return_records": "yes"}, json={"server": kmip[4]}), 400,
                 "262185", 'Invalid value for field "return_records": true or false is expected.', "return_records")
    assert api.get(base).json()["num_records"] == 4  # the refused one was not added


def test_post_key_managers_honours_return_records(api):
    body = {"svm": {"name": "svm1"}, "external": {"client_certificate": {"name": "kmip-client"},
                                                  "server_ca_certificates": [{"name": "kmip-ca"}]}}
    plain = api.post("/security/key-managers", json=body)
    assert plain.status_code == 201
    assert plain.json() == {"num_records": 1, "_links": {"self": {"href": "/api/security/key-managers"}}}
    uuid = plain.headers["Location"].rsplit("/", 1)[1]
    body["svm"] = {"name": "svm2"}
    full = api.post("/security/key-managers", params={"return_records": "true"}, json=body).json()
    assert full["num_records"] == 1 and full["records"][0]["svm"]["name"] == "svm2"
    assert full["records"][0] == api.get(f"/security/key-managers/{full['records'][0]['uuid']}").json()
    assert api.get(f"/security/key-managers/{uuid}").json()["svm"]["name"] == "svm1"
    # asynchronous: the job only, as before
    job = api.post("/security/key-managers", params={"return_records": "true", "return_timeout": 0},
                   json={"onboard": {"passphrase": "correct horse battery staple 0123456789"}})
    assert job.status_code == 202 and set(job.json()) == {"job"}


# --- the runner: --svm, all --port BASE ----------------------------------------------------------------------


def _free_base(count: int) -> int:
    """A port with ``count`` free ports from it on (checked by binding; another process may still take one)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            base = probe.getsockname()[1]
        if base + count > 65535:
            continue
        sockets = []
        try:
            for port in range(base, base + count):
                sock = socket.socket()
                sockets.append(sock)
                sock.bind(("127.0.0.1", port))
            return base
        except OSError:
            continue
        finally:
            for sock in sockets:
                sock.close()
    raise AssertionError("no run of free ports found")


def _run_until_ready(argv: list[str], endpoints_file, check):
    """Start the runner, wait for its endpoints file, run ``check(endpoints)``, stop it by its pid (SIGTERM)."""
    with started([sys.executable, "-m", "keyform.simulators", *argv, "--quiet", "--endpoints-file",
                  str(endpoints_file)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as process:
        deadline = time.monotonic() + 30
        while not endpoints_file.exists():
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            assert time.monotonic() < deadline, "the simulators did not come up"
            time.sleep(0.05)
        check(json.loads(endpoints_file.read_text()))
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0


def _svm_names(entry: dict) -> list[str]:
    answer = requests.get(entry["url"] + "/svm/svms", auth=(entry["username"], entry["password"]), timeout=5,
                          verify=entry["ca_cert_file"])  # the runner's own run CA
    assert answer.status_code == 200, answer.text
    return [r["name"] for r in answer.json()["records"]]


def test_svm_names_the_svms_of_ontap(tmp_path):
    def check(endpoints):
        assert _svm_names(endpoints["ontap"]) == ["vs_east", "vs-west", "svm1"]

    _run_until_ready(["ontap", "--port", "0", "--svm", "vs_east", "--svm", "vs-west", "--svm", "svm1"],
                     tmp_path / "one.json", check)


def test_all_lays_the_simulators_on_consecutive_ports_from_base(tmp_path):
    base = _free_base(len(ALL) + 3)  # and the three KMIP servers after them

    def check(endpoints):
        assert [urlsplit(endpoints[name]["url"]).port for _, name in ALL] == list(range(base, base + len(ALL)))
        assert _svm_names(endpoints["ontap"]) == ["a1"]

    _run_until_ready(["all", "--port", str(base), "--svm", "a1"], tmp_path / "all.json", check)


def test_all_port_zero_still_picks_free_ports_and_the_default_svms(tmp_path):
    def check(endpoints):
        ports = [urlsplit(endpoints[name]["url"]).port for _, name in ALL]
        assert len(set(ports)) == len(ALL)
        assert _svm_names(endpoints["ontap"]) == ["svm1", "svm2"]

    _run_until_ready(["all", "--port", "0"], tmp_path / "free.json", check)


@pytest.mark.parametrize("argv, message", [
    (["ontap", "--port", "0", "--svm", "a", "--svm", "a"], "--svm names an SVM twice"),
    (["vault", "--port", "0", "--svm", "a"], "--svm applies to ontap (and all)"),
    (["all", "--port", "65532"], "--port 65532: the ports must lie in 0-65535"),
])
def test_bad_svm_or_port_is_refused(argv, message):
    done = subprocess.run([sys.executable, "-m", "keyform.simulators", *argv], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2 and message in done.stderr
