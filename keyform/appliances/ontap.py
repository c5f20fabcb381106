"""What keyform knows of NetApp ONTAP's key-manager API (seeds 001, 002, 004): paths, natural keys, limits,
and the encoding the constructs write — shared by the constructs, the importer, the summary and the plan report.

- ``/security/key-managers``: one key manager per SVM (``svm.name``) and one at cluster scope; its natural key
  is its SVM (or the cluster scope). External (certificates by name, key servers) or onboard (a passphrase).
- ``/security/key-managers/{uuid}/key-servers[/{server}]``: primary key servers, natural key ``host:port``
  (ONTAP stores the host in lower case and adds the default port 5696), each with up to 3 secondaries —
  an array in the seeds, one comma-separated string from 9.14: read as a set either way (``set_keys``).
- ``/security/certificates[/{uuid}]``: installed certificates, natural key ``name`` in its SVM (or the cluster); a
  key manager names a ``client`` and ``server_ca`` certificates. Installed by POST (``public_certificate``, with
  ``private_key`` for a client certificate) and deleted; never changed in place. Synchronous.
- Writes to key managers and key servers run as jobs with ``return_timeout=0`` (202 + a job the provider follows).
- Never readable: key server passwords, the onboard passphrase, a certificate's private key.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Optional
from urllib.parse import quote

API_ROOT = "/api"
"""Where ONTAP's REST API lives under a cluster's address (base URLs end with it)."""
KEY_MANAGERS = "/security/key-managers"
KEY_SERVERS = re.compile(r"^/security/key-managers/([^/]+)/key-servers/?$")
ASYNC = "?return_timeout=0"
COLLECTION_QUERY = "fields=*"
"""A collection read whose records carry every field a GET of each object does: one answers a refresh's reads."""
KMIP_PORT = 5696
MAX_PRIMARIES = 4
MAX_SECONDARIES = 3
TIMEOUT_RANGE = (1, 60)
TIMEOUT_SPECIAL = {-1: "wait indefinitely", 0: "do not wait"}
"""Timeouts ONTAP 9.14.1 and later also take (older releases refuse them: the error shows at apply)."""
DEFAULT_TIMEOUT = 25
"""What ONTAP reports for a key server added without ``timeout`` (seeds: 1–60 s)."""
CREATE_REMOVE_TIMEOUT_RANGE = (-1, 60)
"""A key server's ``create_remove_timeout`` (ONTAP 9.14.1 and later): -1 waits indefinitely, 0 does not wait.
NetApp's REST reference gives no bounds; its generated Python client (``netapp_ontap`` ``KeyServerSchema``)
validates -1 to 60."""

CERTIFICATES = "/security/certificates"
CERTIFICATE_TYPES = ("client", "server_ca")
"""The certificate types a key manager names: its KMIP ``client`` certificate and the key servers' ``server_ca``."""

SECRET_FIELDS = ("password", "passphrase", "existing_passphrase")


def timeout_allowed(seconds: int) -> bool:
    """1-60 s, or -1/0 (:data:`TIMEOUT_SPECIAL`): the release is not known at synth, the cluster has the last word."""
    low, high = TIMEOUT_RANGE
    return low <= seconds <= high or seconds in TIMEOUT_SPECIAL


def secondaries(value: Any) -> list[str]:
    """A key server's ``secondary_key_servers`` as a list: ONTAP answers an array (the seeds) or, from 9.14, one
    comma-separated string; blanks dropped."""
    items = value.split(",") if isinstance(value, str) else list(value or [])
    return [str(item).strip() for item in items if item and str(item).strip()]


def key_servers_path(manager_id: str) -> str:
    return f"{KEY_MANAGERS}/{manager_id}/key-servers"


def key_manager_query(svm: Optional[str], fields: Optional[str] = None) -> str:
    """The collection read that finds a key manager by its natural key (its SVM, or the cluster scope); a
    collection shows only each record's keys unless ``fields`` names more."""
    query = f"{KEY_MANAGERS}?" + (f"svm.name={quote(svm, safe='')}" if svm else "scope=cluster")
    return query + (f"&fields={fields}" if fields else "")


def declare_as(kind: str) -> str:
    """How a key manager of this kind is declared in the constructs."""
    return ("onboard_passphrase=secret(...), no svm" if kind == "onboard"
            else "client_certificate, server_ca_certificates and key_servers")


def certificate_query(name: str, svm: Optional[str]) -> str:
    """The collection read that finds a certificate by its natural key: its name in its SVM (or the cluster)."""
    scope = f"svm.name={quote(svm, safe='')}" if svm else "scope=cluster"
    return f"{CERTIFICATES}?name={quote(name, safe='')}&{scope}"


def certificate_settings(svm: Optional[str], serial_number: str) -> dict[str, Any]:
    """``rest_object``'s ``api`` settings of an installed certificate: never patched (any change installs it
    anew), its private key sent with the install only. Found after a lost answer or a refusal by its name and
    its serial number (hexadecimal, as ONTAP shows it): another certificate under that name is never taken for it."""
    scope = "svm.name={data.svm.name}" if svm else "scope=cluster"
    return {
        "id_attribute": "uuid",
        "force_new_keys": ["name", "type", "svm", "public_certificate"],
        "write_only_on_create": True,
        "lookup_path": f"{{path}}?name={{data.name}}&serial_number={serial_number}&{scope}",
        "lookup_selector": "records/0",
    }


def certificate_data(name: str, kind: str, public_certificate: str, svm: Optional[str]) -> dict[str, Any]:
    data: dict[str, Any] = {"name": name, "type": kind, "public_certificate": public_certificate}
    if svm:
        data["svm"] = {"name": svm}
    return data


def key_manager_settings(svm: Optional[str]) -> dict[str, Any]:
    """``rest_object``'s ``api`` settings of a key manager."""
    return {
        "id_attribute": "uuid",
        "force_new_keys": ["svm", "scope", "onboard"],
        "lookup_path": "{path}?" + ("svm.name={data.svm.name}" if svm else "scope=cluster"),
        "lookup_selector": "records/0",
    }


def key_server_settings() -> dict[str, Any]:
    """``rest_object``'s ``api`` settings of a primary key server."""
    return {
        "id_template": "{data.server}",
        "force_new_keys": ["server"],
        # ONTAP 9.14 and later answer the secondaries as one comma-separated string (the seeds: an array), and
        # their order means nothing: compared as a set, whatever the encoding.
        "set_keys": ["secondary_key_servers"],
        "create_path": "{path}" + ASYNC,
        "update_path": "{path}/{id}" + ASYNC,
        "destroy_path": "{path}/{id}" + ASYNC,
        "lookup_path": "{path}/{data.server}",
    }


def external_data(svm: Optional[str], client_certificate: str, server_ca_certificates: Iterable[str]) -> dict[str, Any]:
    data: dict[str, Any] = {"external": {"client_certificate": {"name": client_certificate},
                               "server_ca_certificates": [{"name": n} for n in server_ca_certificates]}}
    if svm:
        data["svm"] = {"name": svm}
    return data


ONBOARD_DATA = {"scope": "cluster"}


def key_server_data(server: str, secondaries: Iterable[str], timeout: Optional[int],
                    username: Optional[str], create_remove_timeout: Optional[int] = None) -> dict[str, Any]:
    data: dict[str, Any] = {"server": server, "secondary_key_servers": list(secondaries)}
    if timeout is not None:
        data["timeout"] = timeout
    if create_remove_timeout is not None:
        data["create_remove_timeout"] = create_remove_timeout
    if username:
        data["username"] = username
    return data
