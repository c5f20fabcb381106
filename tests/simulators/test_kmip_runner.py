"""``python -m keyform.simulators all`` serves three real KMIP servers beside the simulators, on the run's CA."""

from __future__ import annotations

import os
import socket
from urllib.parse import urlsplit

from keyform.simulators.__main__ import ALL
from keyform.simulators.common.run_ca import RunCa
from keyform.simulators.kmip.embedded import DEFAULT_PORTS
from keyform.simulators.kmip.probe import Outcome, discover_versions
from tests.simulators.test_ontap_paging import _free_base, _run_until_ready
from tests.simulators.test_vsp_auth import login

KMIP_NAMES = list(DEFAULT_PORTS)


def _probe(entry: dict, ca: RunCa):
    client = ca.issue_client("runner-test")
    return discover_versions(entry["host"], entry["port"], client_certificate_pem=client.certificate_pem,
                             client_key_pem=client.private_key_pem, server_ca_pems=[ca.certificate_pem], timeout=5)


def test_all_serves_kmip_after_the_simulators_on_the_run_ca(tmp_path, monkeypatch):
    base = _free_base(len(ALL) + len(KMIP_NAMES))
    state = tmp_path / "state"
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(state / "ca.pem"))  # the runner's CA, kept in --state-dir
    seen: dict = {}

    def check(endpoints):
        ca = RunCa.load_or_create(str(state))
        for index, name in enumerate(KMIP_NAMES):
            entry = endpoints[name]
            assert entry == {"system": "kmip", "url": f"kmip://127.0.0.1:{base + len(ALL) + index}",
                             "host": "127.0.0.1", "port": base + len(ALL) + index,
                             "port_setting": f"KEYFORM_KMIP_PORT_{index + 1}", "ca_cert_file": str(state / "ca.pem")}
            result = _probe(entry, ca)
            assert result.outcome is Outcome.OK and "2.0" in result.versions
            assert (state / name / "pykmip.db").exists() and (state / name / "server.log").exists()
        assert _probe(endpoints["kmip-1"], RunCa.generate()).outcome is Outcome.SERVER_UNTRUSTED
        # the runner's VSP One Object trusts them and is trusted by them: online
        vsp = endpoints["vsp"]["url"][: -len("/mapi")]
        session = login(vsp)
        for name in KMIP_NAMES:
            added = session.post(f"{vsp}/mapi/v1/kmip/add_server", timeout=10,
                                 json={"name": name, "host": "127.0.0.1", "port": endpoints[name]["port"]})
            assert added.status_code == 200 and added.json()["isOnline"] is True, added.text
        seen.update(endpoints)

    _run_until_ready(["all", "--port", str(base), "--state-dir", str(state)], tmp_path / "all.json", check)
    for name in KMIP_NAMES:  # stopped with the runner (SIGTERM): the ports are free again
        with socket.create_server(("127.0.0.1", seen[name]["port"])):
            pass


def test_all_port_zero_puts_kmip_on_free_ports(tmp_path):
    def check(endpoints):
        ports = [endpoints[name]["port"] for name in KMIP_NAMES]
        simulators = [urlsplit(endpoints[name]["url"]).port for _, name in ALL]
        assert len(set(ports + simulators)) == len(ALL) + len(KMIP_NAMES)
        assert endpoints["kmip-1"]["ca_cert_file"] == endpoints["ontap"]["ca_cert_file"]  # one run CA
        ca = RunCa.load_or_create(os.path.dirname(endpoints["ontap"]["ca_cert_file"]))
        assert all(_probe(endpoints[name], ca).ok for name in KMIP_NAMES)

    _run_until_ready(["all", "--port", "0"], tmp_path / "free.json", check)
