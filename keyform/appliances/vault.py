"""What keyform knows of Vault Enterprise DR replication: its paths, what its status shows, and the
predicates (see ``keyform.provider.conditions``) that read a cluster's live state.

Sources: seed 003 (``/sys/replication/dr``) and HashiCorp's "DR operation tokens" page. The facts
the predicates rely on:

- ``GET sys/replication/dr/status`` → ``data.mode`` is ``primary``, ``secondary`` or ``disabled``; a
  primary lists ``known_secondaries`` (the ids its activation tokens were issued for) and
  ``secondaries[]`` (``node_id``, ``connection_status``); a secondary lists ``primaries[]``
  (``api_address``), empty when it follows no primary (after a demote), and ``state`` ``stream-wals``
  while it replicates;
- the DR operation token authorises ``secondary/{promote,update-primary,disable,merkle-check}``;
  ``merkle-check`` changes nothing, so it verifies a token before anything is demoted;
- enabling a DR secondary wipes the cluster's own data: a cluster that has mounts or ACL policies
  beyond a fresh Vault's holds data (``sys/mounts``, ``sys/policies/acl``).
"""

from __future__ import annotations

from typing import Any, Sequence

API_ROOT = "/v1"
"""Where Vault's HTTP API lives under a cluster's address (base URLs end with it; ``api_addr`` does not)."""
TOKEN_HEADER = "X-Vault-Token"

DR = "/sys/replication/dr"
STATUS = f"{DR}/status"
# The calls the constructs make (``rest_operation`` paths), each with the DR operation token where noted.
PRIMARY_ENABLE = f"{DR}/primary/enable"
PRIMARY_DEMOTE = f"{DR}/primary/demote"
PRIMARY_DISABLE = f"{DR}/primary/disable"
SECONDARY_TOKEN = f"{DR}/primary/secondary-token"
REVOKE_SECONDARY = f"{DR}/primary/revoke-secondary"
SECONDARY_ENABLE = f"{DR}/secondary/enable"  # wipes the cluster's own data
SECONDARY_DISABLE = f"{DR}/secondary/disable"  # DR operation token
SECONDARY_PROMOTE = f"{DR}/secondary/promote"  # DR operation token
UPDATE_PRIMARY = f"{DR}/secondary/update-primary"  # DR operation token
MERKLE_CHECK = f"{DR}/secondary/merkle-check"  # DR operation token; changes nothing
MOUNTS = "/sys/mounts"
POLICIES = "/sys/policies/acl?list=true"
BUILTIN_MOUNTS = ("cubbyhole/", "identity/", "sys/")
BUILTIN_POLICIES = ("default", "root")

OPERATION_TOKEN = "dr_operation_token"
"""Name of the provider secret holding the set's DR operation token (``{secret.dr_operation_token}``)."""

ACTIVATION_TOKEN = "token"
"""Key of the write-only value carrying a secondary activation token from the primary's token call."""

MODES = ("primary", "secondary", "disabled")


def mode_in(*modes: str) -> dict[str, Any]:
    return {"path": "data/mode", "in": list(modes)}


def mode_not_in(*modes: str) -> dict[str, Any]:
    return {"path": "data/mode", "not_in": list(modes)}


def follows_one_of(api_addrs: Sequence[str]) -> dict[str, Any]:
    """A secondary following one of ``api_addrs``, or no primary at all (demoted, or told to forget it)."""
    return {"any": [{"path": "data/primaries/0", "exists": False},
                    {"path": "data/primaries/0/api_address", "in": list(api_addrs)}]}


def follows(api_addr: str) -> dict[str, Any]:
    return {"path": "data/primaries/0/api_address", "equals": api_addr}


def streams_from(api_addr: str) -> dict[str, Any]:
    """On a secondary: it follows ``api_addr`` and streams its WALs (``state`` is ``stream-wals``)."""
    return {"all": [mode_in("secondary"), follows(api_addr), {"path": "data/state", "equals": "stream-wals"}]}


def connected_secondary(name: str) -> dict[str, Any]:
    """On a primary: ``name`` is one of its secondaries, and connected."""
    return {"path": "data/secondaries", "some": {"all": [{"path": "node_id", "equals": name},
                                                         {"path": "connection_status", "equals": "connected"}]}}


def knows_secondary(name: str) -> dict[str, Any]:
    return {"path": "data/known_secondaries", "contains": name}


def secondaries_within(names: Sequence[str]) -> dict[str, Any]:
    return {"path": "data/known_secondaries", "subset_of": list(names)}


def no_mounts_of_its_own() -> dict[str, Any]:
    return {"path": "data", "keys_subset_of": list(BUILTIN_MOUNTS)}


def no_policies_of_its_own() -> dict[str, Any]:
    return {"path": "data/keys", "subset_of": list(BUILTIN_POLICIES)}


def supplied(name: str) -> dict[str, Any]:
    return {"supplied": name}


def either(*predicates: dict[str, Any]) -> dict[str, Any]:
    return {"any": list(predicates)}


def both(*predicates: dict[str, Any]) -> dict[str, Any]:
    return {"all": list(predicates)}


def negate(predicate: dict[str, Any]) -> dict[str, Any]:
    return {"not": predicate}
