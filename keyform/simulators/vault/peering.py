"""The HTTP calls between clusters (the simulator's stand-in for Vault's cluster port).

- ``activate``: the secondary presents its activation token to the primary
  (``POST /v1/sys/replication/dr/internal/activate``) and receives its bootstrap
  package: cluster ID, key set, WAL index and a link secret.
- ``heartbeat``: the secondary checks its link with the primary
  (``POST .../internal/heartbeat``), done at each status read of the secondary.
- ``probe``: the primary checks a registered secondary still streams from it
  (``POST .../internal/probe``), done at each status read of the primary.

Tokens and secrets travel only in request bodies; error messages never carry them.
"""

from __future__ import annotations

from typing import Optional

import requests

from keyform.simulators.vault.envelope import VaultError

INTERNAL_PATH = "/v1/sys/replication/dr/internal"
TIMEOUT = (1.0, 3.0)


def _post(base_url: str, name: str, payload: dict, peer: str) -> dict:
    url = base_url.rstrip("/") + f"{INTERNAL_PATH}/{name}"
    try:
        response = requests.post(url, json=payload, timeout=TIMEOUT)
    except requests.RequestException as exc:
        reason = type(exc).__name__
        raise VaultError(f"error contacting the {peer} at {base_url}: {reason}", 500) from None
    try:
        document = response.json()
    except ValueError:
        document = {}
    if response.status_code == 200 and isinstance(document, dict):
        return document
    errors = document.get("errors") if isinstance(document, dict) else None
    detail = "; ".join(str(e) for e in errors) if errors else f"HTTP {response.status_code}"
    status = 400 if 400 <= response.status_code < 500 else 500
    raise VaultError(f"{detail}" if status == 400 else f"error contacting the {peer} at {base_url}: {detail}", status)


def activate(primary_api_addr: str, token: str, secondary: dict, expected_cluster_id: str = "") -> dict:
    return _post(
        primary_api_addr,
        "activate",
        {"token": token, "secondary": secondary, "expected_cluster_id": expected_cluster_id},
        "primary",
    )


def heartbeat(link: dict, cluster_id: str) -> Optional[dict]:
    """The primary's answer, or ``None`` when it is unreachable or refuses the link."""
    try:
        return _post(
            link["primary_api_addr"],
            "heartbeat",
            {"secondary_id": link["secondary_id"], "link_secret": link["link_secret"], "cluster_id": cluster_id},
            "primary",
        )
    except VaultError:
        return None


def probe(target: dict) -> bool:
    try:
        payload = {k: target[k] for k in ("secondary_id", "link_secret", "cluster_id")}
        _post(target["api_address"], "probe", payload, "secondary")
    except VaultError:
        return False
    return True
