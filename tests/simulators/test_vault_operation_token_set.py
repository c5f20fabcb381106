"""Vault DR replication simulator: DR operation tokens valid across the replication set.

Like Vault's DR operation batch tokens, a token generated on one secondary is known to
the primary and to every secondary of the set, survives failover, and is revoked set-wide.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import requests

from keyform.simulators.__main__ import describe
from keyform.simulators.vault import keys, unseal_keys
from keyform.simulators.vault.cluster import live_cluster
from keyform.simulators.vault.peering import INTERNAL_PATH
from tests.processes import started
from tests.simulators.test_vault_support import Vault, pair

DELETE = "/secondary/operation-token/delete"


def _state(vault: Vault) -> dict:
    return live_cluster(vault.server.settings).state


def _trio(vaults):
    """A primary A with B and C activated as its secondaries ``b`` and ``c``."""
    a, b, c = vaults("vault-a", "vault-b", "vault-c")
    a.ok("POST", "/primary/enable", {})
    b.ok("POST", "/secondary/enable", {"token": a.secondary_token("b")})
    c.ok("POST", "/secondary/enable", {"token": a.secondary_token("c")})
    b.token = c.token = a.token  # the set's: the enables wiped their own
    return a, b, c


def test_one_token_for_planned_failover_of_the_whole_set(vaults):
    a, b, c = _trio(vaults)
    cluster_id = a.status()["data"]["cluster_id"]
    op = b.operation_token(a.unseal_keys()[:3])
    digest = keys.sha256(op)
    # Registered with the primary at once, which told C; only the hash travels.
    assert digest in _state(a)["op_tokens"] and digest in _state(c)["op_tokens"]
    assert _state(b)["op_tokens_unsent"] == {"register": [], "revoke": []}

    b.ok("POST", "/secondary/promote", {"dr_operation_token": op}, status=200)
    a.ok("POST", "/primary/demote")
    to_a, to_c = b.secondary_token("a"), b.secondary_token("c")
    # The same token authorises update-primary on the old primary and on the other secondary.
    a.ok("POST", "/secondary/update-primary", {"dr_operation_token": op, "token": to_a})
    c.ok("POST", "/secondary/update-primary", {"dr_operation_token": op, "token": to_c})
    for follower, sid in ((a, "a"), (c, "c")):
        data = follower.status()["data"]
        assert data["state"] == "stream-wals" and data["secondary_id"] == sid and data["cluster_id"] == cluster_id
        assert data["primaries"][0]["api_address"] == b.url
    assert sorted(b.status()["data"]["known_secondaries"]) == ["a", "c"]

    # Deleted through B (now the primary): unusable everywhere, and it does not come back.
    b.ok("POST", DELETE, {"dr_operation_token": op})
    for cluster in (a, b, c):
        assert "invalid DR operation token" in cluster.error("POST", DELETE, {"dr_operation_token": op})
    assert "invalid DR operation token" in a.error(
        "POST", "/secondary/update-primary", {"dr_operation_token": op, "token": ""}
    )
    a.status(), c.status()  # heartbeats: the unions keep it out
    assert digest not in _state(a)["op_tokens"] and digest in _state(a)["op_tokens_revoked"]
    assert digest not in _state(c)["op_tokens"]


def test_a_secondary_adopts_the_set_at_activation(vaults):
    a, b = pair(vaults)
    op = b.operation_token(a.unseal_keys()[1:4])
    (c,) = vaults("vault-c")
    c.ok("POST", "/secondary/enable", {"token": a.secondary_token("c")})
    assert keys.sha256(op) in _state(c)["op_tokens"]
    c.ok("POST", "/secondary/update-primary", {"dr_operation_token": op, "token": ""})


def test_registration_is_retried_at_the_next_heartbeat(vaults):
    a, b, c = _trio(vaults)
    requests.put(a.url + "/_admin/faults", json={"fail_next": 1}, timeout=5).raise_for_status()
    op = b.operation_token(a.unseal_keys()[:3])
    digest = keys.sha256(op)
    # The primary did not answer: the token works on B only, and B remembers to register it.
    assert digest not in _state(a)["op_tokens"] and digest not in _state(c)["op_tokens"]
    assert _state(b)["op_tokens_unsent"]["register"] == [digest]
    assert b.status()["data"]["state"] == "stream-wals"  # the heartbeat carries the registration
    assert digest in _state(a)["op_tokens"] and digest in _state(c)["op_tokens"]
    assert _state(b)["op_tokens_unsent"]["register"] == []
    c.ok("POST", "/secondary/update-primary", {"dr_operation_token": op, "token": ""})


def test_deletion_on_a_secondary_is_set_wide_even_when_told_late(vaults):
    a, b, c = _trio(vaults)
    op = b.operation_token(a.unseal_keys()[:3])
    digest = keys.sha256(op)
    requests.put(a.url + "/_admin/faults", json={"fail_next": 1}, timeout=5).raise_for_status()
    c.ok("POST", DELETE, {"dr_operation_token": op})
    assert "invalid DR operation token" in c.error("POST", DELETE, {"dr_operation_token": op})
    assert digest in _state(a)["op_tokens"] and _state(c)["op_tokens_unsent"]["revoke"] == [digest]
    # B's union with the primary's set must not bring it back to C, nor keep it on B.
    c.status()
    assert digest in _state(a)["op_tokens_revoked"] and digest not in _state(a)["op_tokens"]
    assert digest not in _state(b)["op_tokens"] and digest not in _state(c)["op_tokens"]
    assert "invalid DR operation token" in b.error("POST", "/secondary/promote", {"dr_operation_token": op})

    # A secondary registering the revoked hash again is ignored by the primary.
    link = live_cluster(b.server.settings).link()
    payload = {"secondary_id": link["secondary_id"], "link_secret": link["link_secret"],
               "cluster_id": _state(b)["cluster_id"], "op_tokens_register": [digest], "op_tokens_revoke": []}
    answer = requests.post(a.url + INTERNAL_PATH + "/operation-tokens", json=payload, timeout=5)
    assert answer.status_code == 200 and digest not in answer.json()["op_tokens"]
    forged = dict(payload, link_secret="wrong")
    assert requests.post(a.url + INTERNAL_PATH + "/operation-tokens", json=forged, timeout=5).status_code == 400
    push = {k: payload[k] for k in ("secondary_id", "cluster_id")}
    push.update(link_secret="wrong", op_tokens=[digest], op_tokens_revoked=[])
    assert requests.post(b.url + INTERNAL_PATH + "/operation-tokens/push", json=push, timeout=5).status_code == 400


def test_sets_are_persisted_and_kept_by_the_demoted_primary(vaults, simulator, tmp_path):
    path = str(tmp_path / "vault-a.json")
    a = Vault(simulator("vault", name="vault-a", state_path=path))
    (b,) = vaults("vault-b")
    a.ok("POST", "/primary/enable", {})
    b.ok("POST", "/secondary/enable", {"token": a.secondary_token("b")})
    op = b.operation_token(a.unseal_keys()[:3])
    a.server.stop()
    again = Vault(simulator("vault", name="vault-a", state_path=path))
    assert keys.sha256(op) in _state(again)["op_tokens"]
    again.ok("POST", "/primary/demote")
    again.ok("POST", "/secondary/update-primary", {"dr_operation_token": op, "token": ""})
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    assert op not in text and keys.sha256(op) in text  # only hashes are kept


def test_describe_gives_unseal_keys_to_the_endpoints_file_only(simulator, tmp_path):
    server = simulator("vault", name="vault-a")
    entry = describe("vault", server)
    expected = unseal_keys(server.settings)
    assert entry["unseal_keys"] == expected["keys_base64"] and entry["unseal_threshold"] == 3
    assert "unseal_keys" not in describe("ontap", simulator("ontap"))

    endpoints = tmp_path / "endpoints.json"
    command = [sys.executable, "-m", "keyform.simulators", "vault", "--name", "vault-z", "--port", "0",
               "--quiet", "--endpoints-file", str(endpoints)]
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    lines = []
    with started(command, stdout=subprocess.PIPE, text=True, env=env) as process:
        for line in process.stdout:
            lines.append(line)
            if line.strip() == "ready":
                break
        process.terminate()
        assert process.wait(timeout=10) == 0
    entry = json.loads(endpoints.read_text())["vault-z"]
    assert len(entry["unseal_keys"]) == 5 and entry["unseal_threshold"] == 3
    printed = "".join(lines)
    # Run by a program (endpoints file given), the console line points at the private file instead.
    assert f"credentials in {endpoints}" in printed and "vault-sim-root-vault-z" not in printed
    assert entry["token"] == "vault-sim-root-vault-z" and oct(endpoints.stat().st_mode & 0o777) == "0o600"
    assert not any(k in printed for k in entry["unseal_keys"]) and "unseal" not in printed.replace(str(endpoints), "")
