"""The importer and the main job's summary read every page of an ONTAP collection: here the cluster (the ONTAP
simulator) answers one record a page, as a cluster does when it limits a collection."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import requests

from keyform.client.session import RestClient
from keyform.importer import read_ontap
from keyform.importer.connect import Access, client_config
from keyform.ops import summary
from tests.conftest import CA_CERT_FILE

PASSWORD = "ontap-pages-Passw0rd"
EXTERNAL = {"client_certificate": {"name": "kmip-client"}, "server_ca_certificates": [{"name": "kmip-ca"}]}


class OneRecordAPage(RestClient):
    """Asks for ``max_records=1`` on every first page of a GET (follow-on pages carry it in their next link)."""

    pages: list[str] = []

    def request(self, method, path, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        if method == "GET" and "max_records=" not in path and not urlsplit(path).path.startswith("/api/cluster/jobs"):
            path += ("&" if "?" in path else "?") + "max_records=1"
        if method == "GET":
            OneRecordAPage.pages.append(path)
        return super().request(method, path, *args, **kwargs)


@pytest.fixture
def servers(kmip_servers) -> list[str]:
    """Three real KMIP servers (the cluster connects to each primary it adds), in the order read back."""
    return sorted(server.address for server in kmip_servers(3))


@pytest.fixture
def cluster(simulator, servers):
    sim = simulator("ontap", name="ontap-pages", password=PASSWORD)
    session = requests.Session()
    session.auth = ("admin", PASSWORD)
    base = sim.url + "/api"
    uuids = []
    for svm in ("svm1", "svm2"):
        answer = session.post(f"{base}/security/key-managers", json={"svm": {"name": svm}, "external": EXTERNAL},
                              timeout=10)
        assert answer.status_code == 201, answer.text
        uuids.append(answer.headers["Location"].rsplit("/", 1)[1])
    for server in servers:
        answer = session.post(f"{base}/security/key-managers/{uuids[1]}/key-servers", json={"server": server},
                              timeout=10)
        assert answer.status_code == 201, answer.text
    OneRecordAPage.pages = []
    return Access("ontap", "ontap-pages", base, "admin", PASSWORD, ca_cert_file=CA_CERT_FILE)


def test_the_importer_reads_every_page(cluster, servers, monkeypatch):
    monkeypatch.setattr(read_ontap, "client", lambda access: OneRecordAPage(client_config(access)))
    found = read_ontap.read(cluster)
    assert [m.svm for m in found.key_managers] == ["svm1", "svm2"]
    assert [s.server for s in found.key_managers[1].key_servers] == servers
    assert sum("start.key=" in p for p in OneRecordAPage.pages) == 1 + 2  # managers: 1 more page; servers: 2


def test_the_summary_reads_every_page(cluster, monkeypatch):
    monkeypatch.setattr(summary, "_client", lambda a: OneRecordAPage(client_config(cluster)))
    lines = summary.ontap_lines(summary.Appliance("ontap", "ontap-pages", cluster.base_url, "admin", PASSWORD,
                                                  ca_cert_file=CA_CERT_FILE))
    assert lines[0].endswith("2 key manager(s)")
    assert sum("primary key server" in line for line in lines) == 3
    assert any("start.key=" in p for p in OneRecordAPage.pages)
