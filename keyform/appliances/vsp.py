"""What keyform knows of Hitachi VSP One Object's KMIP API (seed 000): paths, the natural key, limits, and the
encoding the constructs write — shared by the constructs, the importer, the summary and the plan report.

- Every call is a POST under ``/v1/kmip`` (RPC style): ``list_servers``, ``get_server {name}``, ``add_server``,
  ``update_server {uuid, ...}``, ``delete_server {name}``, ``promote_server {name}``.
- A server's natural key is its ``name``; the first server added becomes primary; only secondaries can be
  deleted; an offline server cannot be promoted ("Cannot promote offline KMIP server.").
- Auth: a Keycloak password grant for a bearer token, then a CSRF session (``GET /v1/csrf``).
"""

from __future__ import annotations

from typing import Any, Sequence
from urllib.parse import urlsplit

from keyform.appliances.ontap import KMIP_PORT

API_ROOT = "/mapi"
"""Where the management API lives under a system's address (base URLs end with it)."""
CLIENT_ID = "vsp-object"
"""The Keycloak client of the management API's password grant."""
TOKEN_PATH = "/auth/realms/object/protocol/openid-connect/token"
CSRF_COOKIE, CSRF_HEADER = "XSRF-TOKEN", "X-XSRF-TOKEN"

BASE = "/v1/kmip"
LIST = f"{BASE}/list_servers"
GET = f"{BASE}/get_server"
ADD = f"{BASE}/add_server"
UPDATE = f"{BASE}/update_server"
DELETE = f"{BASE}/delete_server"
PROMOTE = f"{BASE}/promote_server"
CSRF = "/v1/csrf"
KMIP_PROTOCOLS = ("V1_3", "V1_4", "V2_0", "V2_1", "V3_0")
DEFAULT_PROTOCOL = "V1_4"
NAME_MAX = 63
DEFAULT_PORT = KMIP_PORT


def token_url(base_url: str) -> str:
    """The Keycloak token endpoint of the system whose management API is at ``base_url``."""
    parts = urlsplit(base_url)
    return f"{parts.scheme}://{parts.netloc}{TOKEN_PATH}"


def server_data(name: str, host: str, port: int, tls12: bool, protocol: str, ciphers: Sequence[str]) -> dict[str, Any]:
    data: dict[str, Any] = {"name": name, "host": host, "port": port, "isTLS12Enabled": tls12, "kmipProtocol": protocol}
    if ciphers:
        data["httpsCiphers"] = ",".join(ciphers)
    return data


def by_name(name: str) -> dict[str, Any]:
    return {"name": name}


def server_settings() -> dict[str, Any]:
    """``rest_object``'s ``api`` settings of a KMIP server (at :data:`BASE`)."""
    name = {"name": "{data.name}"}
    return {
        "create_path": ADD, "id_attribute": "uuid",
        "read_method": "POST", "read_path": GET, "read_body": name,
        "update_method": "POST", "update_path": UPDATE, "update_body": {"uuid": "{id}"},
        "destroy_method": "POST", "destroy_path": DELETE, "destroy_body": name,
        "lookup_method": "POST", "lookup_path": GET, "lookup_body": name,
        "force_new_keys": ["name"],
    }


def promotion(primary: str) -> dict[str, Any]:
    """``rest_operation`` settings of the call that makes ``primary`` the primary, read back by ``get_server``;
    refused at plan while the server is offline (the appliance would answer "Cannot promote offline KMIP server.")."""
    online = {"path": GET, "method": "POST", "body": by_name(primary), "require": {"path": "isOnline", "equals": True},
              "if_absent": "pass",  # declared, not there yet: created by this apply (the first one added is primary)
              "message": f"KMIP server {primary} is offline: VSP One Object cannot promote it (\"Cannot promote "
                         "offline KMIP server.\"). Bring it online, or keep the current primary. Nothing was changed."}
    return {
        "path": PROMOTE, "body": by_name(primary), "triggers": {"primary": primary},
        "read_method": "POST", "read_path": GET, "read_body": by_name(primary),
        "effective_when": {"path": "isPrimary", "equals": True}, "preconditions": [online],
    }


def promotion_target(body: Any) -> object:
    """The server a promotion's body names (the plan report reads it back)."""
    return body.get("name") if isinstance(body, dict) else None
