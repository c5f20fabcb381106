"""The HTTP calls between clusters (the simulator's stand-in for Vault's cluster port).

- ``activate``: the secondary presents its activation token to the primary
  (``POST /v1/sys/replication/dr/internal/activate``) and receives its bootstrap
  package: cluster ID, key set, WAL index, a link secret, the operation-token sets
  and the replicated document (policies, token roles, mounts, token store: see :mod:`.replicated`).
- ``heartbeat``: the secondary checks its link with the primary
  (``POST .../internal/heartbeat``), done at each status read of the secondary.
- ``probe``: the primary checks a registered secondary still streams from it
  (``POST .../internal/probe``), done at each status read of the primary.

  Both tell a refusal (the peer answered that the link is gone: it is disconnected at once)
  from no answer (a timeout, a failed connection or handshake, a 5xx: the link lapses only
  when no contact succeeded for :data:`LAPSE_SECONDS`, as a real cluster keeps its
  connection state across a missed heartbeat; see :meth:`Contact.still_connected`).
- ``register_operation_tokens``: a secondary registers the hashes of the DR operation
  tokens it generated, and deletes revoked ones, with its primary
  (``POST .../internal/operation-tokens``); its unacknowledged ones also ride on each
  heartbeat. The answers of both carry the replication set's sets; a heartbeat's
  also carries the primary's replicated document.
- ``push_operation_tokens``: the primary sends the set's sets to a secondary when
  they changed (``POST .../internal/operation-tokens/push``).

Tokens and secrets travel only in request bodies; error messages never carry them. Over HTTPS a peer is
verified by the run's CA (:func:`trust`, called by each cluster served with TLS).
"""

from __future__ import annotations

import tempfile
import threading
import time
from typing import NamedTuple, Optional, Union

import requests

from keyform.simulators.vault.envelope import VaultError

INTERNAL_PATH = "/v1/sys/replication/dr/internal"
TIMEOUT = (1.0, 3.0)
LAPSE_SECONDS = 10.0
"""How long a link stays connected while its peer does not answer (a refusal ends it at once)."""

_trusted: list[str] = []
_bundle: dict[tuple[str, ...], str] = {}
_lock = threading.Lock()


class PeerUnreachable(VaultError):
    """The peer gave no answer of its own: no connection, no handshake, no reply in time, or a 5xx."""


class Contact(NamedTuple):
    """The outcome of a heartbeat or probe: ``answer`` is the peer's document when it accepted the link,
    ``None`` when it refused it or (``reached`` false) could not be reached."""

    reached: bool
    answer: Optional[dict]

    def still_connected(self, connected: bool, last_contact: float) -> bool:
        """The link's connection state after this contact: connected when the peer accepted it,
        disconnected when it refused; unchanged when it could not be reached, until
        :data:`LAPSE_SECONDS` after ``last_contact``."""
        if self.reached:
            return self.answer is not None
        return connected and time.time() - last_contact < LAPSE_SECONDS


def _contact(base_url: str, name: str, payload: dict, peer: str) -> Contact:
    try:
        return Contact(True, _post(base_url, name, payload, peer))
    except PeerUnreachable:
        return Contact(False, None)
    except VaultError:
        return Contact(True, None)


def trust(ca_cert_file: str) -> None:
    """Verify peers by this CA certificate too (the run's CA of a cluster of this process)."""
    with _lock:
        if ca_cert_file not in _trusted:
            _trusted.append(ca_cert_file)


def _verify() -> Union[str, bool]:
    """What peers are verified by: the one run CA, a bundle of several, or the system's CAs when none."""
    with _lock:
        key = tuple(_trusted)
        if len(key) <= 1:
            return key[0] if key else True
        if key not in _bundle:
            with tempfile.NamedTemporaryFile("w", suffix=".pem", delete=False) as handle:
                for path in key:
                    with open(path, encoding="ascii") as ca:
                        handle.write(ca.read())
            _bundle[key] = handle.name
        return _bundle[key]


def _post(base_url: str, name: str, payload: dict, peer: str) -> dict:
    url = base_url.rstrip("/") + f"{INTERNAL_PATH}/{name}"
    try:
        response = requests.post(url, json=payload, timeout=TIMEOUT, verify=_verify())
    except requests.RequestException as exc:
        reason = type(exc).__name__
        raise PeerUnreachable(f"error contacting the {peer} at {base_url}: {reason}", 500) from None
    try:
        document = response.json()
    except ValueError:
        document = {}
    if response.status_code == 200 and isinstance(document, dict):
        return document
    errors = document.get("errors") if isinstance(document, dict) else None
    detail = "; ".join(str(e) for e in errors) if errors else f"HTTP {response.status_code}"
    if 400 <= response.status_code < 500:
        raise VaultError(detail, 400)
    raise PeerUnreachable(f"error contacting the {peer} at {base_url}: {detail}", 500)


def activate(primary_api_addr: str, token: str, secondary: dict, expected_cluster_id: str = "") -> dict:
    return _post(
        primary_api_addr,
        "activate",
        {"token": token, "secondary": secondary, "expected_cluster_id": expected_cluster_id},
        "primary",
    )


def _link_payload(link: dict, cluster_id: str) -> dict:
    return {"secondary_id": link["secondary_id"], "link_secret": link["link_secret"], "cluster_id": cluster_id}


def heartbeat(link: dict, cluster_id: str, unsent: Optional[dict] = None) -> Contact:
    """The primary's answer. ``unsent`` (``register``/``revoke`` hash lists) is handed over with the heartbeat."""
    payload = _link_payload(link, cluster_id)
    if unsent and (unsent.get("register") or unsent.get("revoke")):
        payload.update(op_tokens_register=unsent.get("register") or [], op_tokens_revoke=unsent.get("revoke") or [])
    return _contact(link["primary_api_addr"], "heartbeat", payload, "primary")


def register_operation_tokens(link: dict, cluster_id: str, unsent: dict) -> Optional[dict]:
    """The primary's sets after registering ``unsent``, or ``None`` when it cannot be reached or refuses."""
    payload = _link_payload(link, cluster_id)
    payload.update(op_tokens_register=unsent.get("register") or [], op_tokens_revoke=unsent.get("revoke") or [])
    try:
        return _post(link["primary_api_addr"], "operation-tokens", payload, "primary")
    except VaultError:
        return None


def push_operation_tokens(target: dict, sets: dict) -> bool:
    payload = {k: target[k] for k in ("secondary_id", "link_secret", "cluster_id")}
    payload.update(op_tokens=sets["op_tokens"], op_tokens_revoked=sets["op_tokens_revoked"])
    try:
        _post(target["api_address"], "operation-tokens/push", payload, "secondary")
    except VaultError:
        return False
    return True


def probe(target: dict) -> Contact:
    """Whether the secondary still streams from this primary (an answer), says it does not, or cannot be reached."""
    payload = {k: target[k] for k in ("secondary_id", "link_secret", "cluster_id")}
    return _contact(target["api_address"], "probe", payload, "secondary")
