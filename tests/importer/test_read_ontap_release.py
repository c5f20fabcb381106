"""The importer against ONTAP 9.14.1 (the simulator's release profile): secondaries answered as one
comma-separated string are read, and written, as a list; timeouts -1 and 0 are declared."""

from __future__ import annotations

import ast

from keyform.importer.connect import Access
from keyform.importer.model import Inventory
from keyform.importer.read_ontap import read
from keyform.importer.render import render
from tests.conftest import CA_CERT_FILE
from tests.importer.brownfield import ontap_client

PASSWORD = "ontap-914-Passw0rd"


def _keyword(call: ast.Call, name: str):
    return next(ast.literal_eval(k.value) for k in call.keywords if k.arg == name)


def test_string_secondaries_are_read_and_written_as_a_list(simulator, kmip_servers):
    first, second = kmip_servers(2)  # real KMIP servers: the cluster connects to each primary it adds
    kms1, kms2 = f"localhost:{first.port}", second.address
    sim = simulator("ontap", password=PASSWORD, ontap_version="9.14.1")
    url = sim.url + "/api"
    client = ontap_client(url, PASSWORD)
    sync = "?return_timeout=30"
    client.request("POST", f"/security/key-managers{sync}", {
        "svm": {"name": "svm1"}, "external": {"client_certificate": {"name": "kmip-client"},
                                              "server_ca_certificates": [{"name": "kmip-ca"}]}})
    uuid = client.request("GET", "/security/key-managers").body["records"][0]["uuid"]
    client.request("POST", f"/security/key-managers/{uuid}/key-servers{sync}", {
        "server": kms1, "timeout": -1,
        "secondary_key_servers": "kms1-dr.example.com,kms1-dr2.example.com:5697"})
    client.request("POST", f"/security/key-managers/{uuid}/key-servers{sync}",
                   {"server": kms2, "timeout": 0})
    shown = client.request("GET", f"/security/key-managers/{uuid}/key-servers/{kms1}?fields=*").body
    assert shown["secondary_key_servers"] == "kms1-dr.example.com,kms1-dr2.example.com:5697"  # as 9.14.1 answers

    cluster = read(Access("ontap", "ONTAP", url, "admin", PASSWORD, ca_cert_file=CA_CERT_FILE))
    [manager] = cluster.key_managers
    servers = {s.server: s for s in manager.key_servers}
    assert servers[kms1].secondaries == ("kms1-dr.example.com", "kms1-dr2.example.com:5697")
    assert servers[kms1].timeout == -1 and servers[kms2].timeout == 0
    assert servers[kms2].secondaries == ()

    code = render(Inventory(ontap=(cluster,)))
    calls = {c.args[0].value: c for c in ast.walk(ast.parse(code)) if isinstance(c, ast.Call)
             and getattr(c.func, "id", "") == "KeyServer"}
    assert _keyword(calls[kms1], "secondaries") == ["kms1-dr.example.com",
                                                                       "kms1-dr2.example.com:5697"]
    assert _keyword(calls[kms1], "timeout") == -1
    assert _keyword(calls[kms2], "timeout") == 0
