"""A live ONTAP cluster → :class:`OntapCluster`: its key managers and their primary key servers.

Reads ``GET /security/key-managers?fields=*`` and, for each external key manager,
``GET /security/key-managers/{uuid}/key-servers?fields=*`` (collections followed through
``_links.next.href``). Key server passwords and the onboard passphrase are never readable.
"""

from __future__ import annotations

from typing import Optional

from keyform.appliances import ontap as api
from keyform.client import RestClient, paging
from keyform.constructs import KeyformConfigError
from keyform.constructs.topology import Endpoint
from keyform.importer.connect import Access, client, reading
from keyform.importer.errors import ImportFailed
from keyform.importer.model import KeyManagerEntry, KeyServerEntry, OntapCluster

FIELDS = "fields=*"


def read(access: Access) -> OntapCluster:
    http = client(access)
    with reading(access, "its key managers"):
        records = _collection(http, f"{api.KEY_MANAGERS}?{FIELDS}")
    managers = [_key_manager(http, access, record) for record in records]
    managers.sort(key=lambda m: (m.svm is not None, m.svm or ""))
    return OntapCluster(access.name, access.base_url, access.username, tuple(managers))


def _collection(http: RestClient, path: str) -> list[dict]:
    """Every record of a collection, page after page (:func:`keyform.client.paging.get_records`)."""
    return [r for r in paging.get_records(http, path) if isinstance(r, dict)]


def _key_manager(http: RestClient, access: Access, record: dict) -> KeyManagerEntry:
    svm = (record.get("svm") or {}).get("name") or None
    owner = f"the key manager of SVM {svm}" if svm else "the cluster's key manager"
    where = f"{access}: {owner}"
    if record.get("scope") == "svm" and not svm:
        raise ImportFailed(f"{access}: key manager {record.get('uuid')} has SVM scope but shows no SVM name: "
                           "keyform finds a key manager by its SVM name")
    if (record.get("onboard") or {}).get("enabled"):
        if svm:
            raise ImportFailed(f"{where} is an Onboard Key Manager: keyform declares it only at cluster scope")
        return KeyManagerEntry(None, onboard=True)
    external = record.get("external") or {}
    certificate = (external.get("client_certificate") or {}).get("name")
    if not certificate:
        raise ImportFailed(f"{where} is neither onboard nor external with a named client certificate: "
                           "install the KMIP client certificate it uses (or configure it), then import again")
    cas = tuple((ca or {}).get("name") or "" for ca in external.get("server_ca_certificates") or [])
    if not cas or not all(cas):
        raise ImportFailed(f"{where} lists no named server CA certificate: install the CA certificates of its "
                           "key servers, then import again")
    with reading(access, f"the key servers of {owner}"):
        servers = _collection(http, f"{api.key_servers_path(record['uuid'])}?{FIELDS}")
    entries = sorted((key_server_entry(where, s) for s in servers), key=lambda e: e.server)
    return KeyManagerEntry(svm, client_certificate=certificate, server_ca_certificates=cas, key_servers=tuple(entries))


def key_server_entry(where: str, record: dict) -> KeyServerEntry:
    """One record of ``key-servers?fields=*`` (``where`` names its key manager in messages)."""
    server = _endpoint(where, record.get("server"), "key server")
    listed = api.secondaries(record.get("secondary_key_servers"))  # an array, or from 9.14 one string
    for secondary in listed:  # declared as ONTAP holds them (the constructs send secondaries as declared)
        _endpoint(where, secondary, f"secondary of {server}")
    timeout, left_out = _timeout(record.get("timeout"))
    return KeyServerEntry(server, tuple(listed), timeout, record.get("username") or None, left_out)


def _endpoint(where: str, text, what: str) -> str:
    """``host:port`` as the constructs write it (lower case, port 5696 when absent)."""
    try:
        return str(Endpoint.parse(str(text or "").strip(), "import", what))
    except KeyformConfigError as exc:
        raise ImportFailed(f"{where}: {what} '{text}' cannot be declared: {exc.problem}") from None


def _timeout(value) -> tuple[Optional[int], tuple[str, ...]]:
    """The timeout keyform can declare (1-60 s, and -1 or 0 which ONTAP 9.14.1+ holds), or None and why it is
    left as it is."""
    if value is None or value == "":
        return None, ()
    try:
        seconds = int(value)
    except (TypeError, ValueError):
        return None, (f"its timeout '{value}' is not a number: not declared, left as it is",)
    low, high = api.TIMEOUT_RANGE
    if not api.timeout_allowed(seconds):
        return None, (f"its timeout {seconds} is outside {low}-{high} s (or -1, 0), what keyform declares: not "
                      "declared, left as it is",)
    return seconds, ()
