"""HashiCorp Vault Enterprise: DR replication between clusters, failover by declaration.

Supported: /v1/sys/replication/dr/{status, primary/enable|demote|disable|secondary-token|revoke-secondary,
secondary/enable|promote|update-primary|disable} (seed 003).

Every call is a ``rest_operation`` guarded by the cluster's live DR status (``run_when``), and
named after the cluster, not its role, so one declaration converges from any starting point:

- a fresh set: enable the primary, issue an activation token per secondary, enable each secondary;
- roles swapped (failover): demote the old primary, promote the new one (DR operation token),
  issue new activation tokens and ``update-primary`` every other cluster — including the demoted one;
- destroy: each cluster's replication is disabled (secondaries before the primary).

The activation token travels inside Terraform: it is a sensitive output of the token call and
a write-only input of the enable/update call, so it is never in the synthesized JSON nor shown
in a plan. (It is kept, sensitive, in the token call's state: it is single-use and short-lived.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from cdktf import Fn, TerraformVariable
from constructs import Construct

from generated.rest.operation import Operation
from generated.rest.provider import RestProvider
from keyform.constructs.errors import KeyformConfigError
from keyform.constructs.naming import canonical, slug, slug_clash
from keyform.constructs.inputs import require_secret
from keyform.constructs.topology import Topology

DR = "/sys/replication/dr"
STATUS = f"{DR}/status"


@dataclass(frozen=True)
class VaultCluster:
    """A Vault cluster: its name (the secondary id), its provider alias and its API address
    (what the cluster shows as ``api_address`` to its secondaries, e.g. ``https://vault-a:8200``)."""

    name: str
    provider: RestProvider
    api_addr: str


class VaultDrReplication(Construct):
    """One DR replication set: ``primary`` and its ``secondaries``.

    ``operation_token`` (a sensitive input) authorises promote and update-primary; it is needed
    when a failover is declared. ``calls`` maps names like ``vault-b/promote`` to the operations.
    """

    def __init__(self, scope: Construct, id: str, *, primary: VaultCluster, secondaries: Sequence[VaultCluster],
                 operation_token: Optional[TerraformVariable] = None, token_ttl: str = "30m"):
        super().__init__(scope, id)
        path = self.node.path
        self._validate(path, primary, secondaries, operation_token, token_ttl)
        self.calls: dict[str, Operation] = {}
        op_token = operation_token.string_value if operation_token is not None else ""
        trigger = {"primary": primary.name}

        demotes = [self._call(c, "demote", f"{DR}/primary/demote", trigger, {"data/mode": "primary"})
                   for c in secondaries]
        promote = self._call(primary, "promote", f"{DR}/secondary/promote", trigger, {"data/mode": "secondary"},
                             secret={"dr_operation_token": op_token}, depends_on=demotes)
        primary_role = self._call(
            primary, "replication", f"{DR}/primary/enable", trigger, {"data/mode": "disabled"},
            destroy=(f"{DR}/primary/disable", {"data/mode": "primary"}), depends_on=[promote],
        )
        for cluster, demote in zip(secondaries, demotes):
            token = Operation(
                self, f"{slug(primary.name)}_token_for_{slug(cluster.name)}", provider=primary.provider,
                path=f"{DR}/primary/secondary-token", body=canonical({"id": cluster.name, "ttl": token_ttl}),
                outputs={"token": "wrap_info/token"}, sensitive_outputs=True,
                destroy_path=f"{DR}/primary/revoke-secondary", destroy_body=canonical({"id": cluster.name}),
                condition_path=STATUS, destroy_when={"data/mode": "primary"},
                depends_on=[primary_role, promote],
            )
            self.calls[f"{primary.name}/secondary-token/{cluster.name}"] = token
            activation = token.sensitive_output_values.lookup("token")
            update = self._call(
                cluster, "update-primary", f"{DR}/secondary/update-primary", trigger,
                {"data/mode": "secondary", "data/primaries/0/api_address": f"!{primary.api_addr}"},
                secret={"token": activation, "dr_operation_token": op_token}, depends_on=[token, demote],
            )
            self._call(
                cluster, "replication", f"{DR}/secondary/enable", trigger, {"data/mode": "disabled"},
                secret={"token": activation}, destroy=(f"{DR}/secondary/disable", {"data/mode": "secondary"}),
                depends_on=[update],
            )

    def _call(self, cluster: VaultCluster, action: str, path: str, triggers: dict, run_when: dict,
              secret: Optional[dict] = None, destroy: Optional[tuple[str, dict]] = None, depends_on=None) -> Operation:
        extra = {}
        if secret is not None:
            extra["write_only_data"] = Fn.jsonencode(secret)
        if destroy is not None:
            extra["destroy_path"], extra["destroy_when"] = destroy
        operation = Operation(
            self, f"{slug(cluster.name)}_{slug(action)}", provider=cluster.provider, path=path, body="{}",
            triggers=triggers, condition_path=STATUS, run_when=run_when, depends_on=depends_on or None, **extra,
        )
        self.calls[f"{cluster.name}/{action}"] = operation
        return operation

    @staticmethod
    def _validate(path, primary, secondaries, operation_token, token_ttl) -> None:
        topology = Topology(path)
        topology.add_primary(primary.name)
        for cluster in secondaries:
            topology.add_secondary(cluster.name)
        topology.validate("Vault cluster", exactly_one_primary=True)
        names = [primary.name, *[c.name for c in secondaries]]
        for name in names:
            if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name):
                raise KeyformConfigError(path, "cluster name", f"'{name}' is not a usable secondary id",
                                         "use letters, digits, '.', '_' and '-'")
        clash = slug_clash(names)
        if clash:  # distinct names, one construct id
            raise KeyformConfigError(path, "cluster name", f"'{clash[0]}' and '{clash[1]}' would get the same resource name",
                                     "make the names differ in letters or digits")
        addrs = [primary.api_addr, *[c.api_addr for c in secondaries]]
        if len(set(addrs)) != len(addrs):
            raise KeyformConfigError(path, "api_addr", "two clusters share an API address", "give each cluster its own address")
        if operation_token is not None:
            require_secret(operation_token, path, "operation_token")
        if not re.fullmatch(r"\d+[smh]?", token_ttl):
            raise KeyformConfigError(path, "token_ttl", f"'{token_ttl}' is not a duration", "use e.g. '30m', '300s' or '1h'")
