"""HashiCorp Vault Enterprise: DR replication between clusters, failover by declaration, with guards.

Supported: /v1/sys/replication/dr/{status, primary/enable|demote|disable|secondary-token|revoke-secondary,
secondary/enable|promote|update-primary|disable|merkle-check} (seed 003); /v1/sys/mounts and
/v1/sys/policies/acl are read to tell whether a cluster holds data before it is wiped.

Every call is a ``rest_operation`` on its own cluster, named after the cluster rather than its
role, guarded by the cluster's live DR status and read back (so a role changed by hand shows in the
plan as the calls that restore it). In order:

1. ``<primary>/verify-token``: while the declared primary is a DR secondary, its DR operation token
   is checked there (``merkle-check``, which changes nothing) before anything is demoted;
2. ``<secondary>/demote``: a declared secondary that is still primary is demoted — only if the
   declared primary is its connected secondary and it has no secondary this stack does not declare;
3. ``<primary>/promote`` (a DR secondary) or ``<primary>/replication`` (``primary/enable``, a
   disabled cluster);
4. ``<primary>/secondary-token/<secondary>``: an activation token, while the secondary is not a
   connected secondary of the primary; it travels to the secondary inside Terraform (a sensitive
   output feeding a write-only input) and is never in the synthesized JSON nor shown in a plan;
5. ``<secondary>/update-primary`` (already a DR secondary: no wipe) or ``<secondary>/replication``
   (``secondary/enable``: **wipes** the cluster, refused at plan when it holds data, unless
   ``allow_wipe`` names it).

With ``adopt=True`` a set that already replicates is adopted: every call is imported, and its read-back
says at the next refresh whether its effect holds (nothing to do) or not (the call is planned, with every
check below).

Checked at plan, before any call, by the calls' preconditions (each reads its own cluster): every
cluster is reachable; a promote, update-primary or destroy that needs the DR operation token has
one; no declared cluster belongs to a replication set this stack does not declare (as a secondary
of an undeclared primary, or as a primary of undeclared secondaries); no data is wiped unacknowledged.
The only moment without a primary is between the demote and the promote,
after everything the promote needs was verified; if the promote still fails there, the next apply
with the same inputs completes it. Destroy disables the secondaries (with the DR operation token,
as the API requires) before the primary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Optional, Sequence
from urllib.parse import urlsplit

from constructs import Construct

from keyform.appliances import vault as v
from keyform.cdk import Fn, ITerraformDependable, Operation, RestProvider, TerraformVariable
from keyform.constructs.adoption import declare_import
from keyform.constructs.errors import KeyformConfigError
from keyform.constructs.inputs import require_secret
from keyform.constructs.naming import canonical, slug, slug_clash
from keyform.constructs.topology import Topology

TOKEN = "{secret.%s}" % v.OPERATION_TOKEN
TOKEN_HELP = ("set TF_VAR_dr_operation_token to a DR operation batch token prepared on the primary (see the README's "
              "failover procedure), or to one generated with `python -m keyform dr-operation-token`")


@dataclass(frozen=True)
class VaultCluster:
    """A Vault cluster: its name (the secondary id), its provider alias and its API address
    (what the cluster shows as ``api_address`` to its secondaries, e.g. ``https://vault-a:8200``)."""

    name: str
    provider: RestProvider
    api_addr: str


class VaultDrReplication(Construct):
    """One DR replication set: ``primary`` and its ``secondaries``.

    ``operation_token`` (a sensitive input) authorises promote, update-primary and the secondaries'
    disable on destroy; it is needed when a failover is declared or a secondary is re-pointed.
    ``allow_wipe`` names the declared secondaries that may be wiped although they hold data; ``adopt``
    imports the calls of a set that already replicates. ``calls`` maps names like ``vault-b/promote`` to
    the operations.
    """

    def __init__(self, scope: Construct, id: str, *, primary: VaultCluster, secondaries: Sequence[VaultCluster],
                 operation_token: Optional[TerraformVariable] = None, token_ttl: str = "30m",
                 allow_wipe: Sequence[str] = (), adopt: bool = False):
        super().__init__(scope, id)
        path = self.node.path
        self._validate(path, primary, secondaries, operation_token, token_ttl, allow_wipe)
        self.calls: dict[str, Operation] = {}
        self.primary: VaultCluster = primary
        self.secondaries: list[VaultCluster] = list(secondaries)
        self._names = [primary.name, *[c.name for c in secondaries]]
        self._addrs = [primary.api_addr, *[c.api_addr for c in secondaries]]
        self._trigger = {"primary": primary.name}
        self._ttl = token_ttl
        self._adopt = adopt
        token_value = operation_token.string_value if operation_token is not None else ""
        for cluster in (primary, *secondaries):
            cluster.provider.secrets = {v.OPERATION_TOKEN: token_value}

        verify = self._verify_token(primary)
        demotes = [self._demote(c, primary, depends_on=[verify]) for c in secondaries]
        promote = self._call(
            primary, "promote", v.SECONDARY_PROMOTE, body={"dr_operation_token": TOKEN},
            run_when={"data/mode": "secondary"}, effective=v.mode_in("primary"),
            preconditions=self._promote_checks(primary), depends_on=demotes)
        enable_primary = self._call(
            primary, "replication", v.PRIMARY_ENABLE, run_when={"data/mode": "disabled"},
            effective=v.mode_in("primary"), destroy=(v.PRIMARY_DISABLE, {"data/mode": "primary"}, None),
            depends_on=[promote])
        for cluster, demote in zip(secondaries, demotes):
            activation = self._activation_token(primary, cluster, depends_on=[enable_primary, promote])
            update = self._call(
                cluster, "update-primary", v.UPDATE_PRIMARY, body={"dr_operation_token": TOKEN},
                secret={v.ACTIVATION_TOKEN: activation.sensitive_output_values.lookup("token")},
                run_when={"data/mode": "secondary"}, run_if=v.supplied(v.ACTIVATION_TOKEN),
                effective=v.streams_from(primary.api_addr), preconditions=self._repoint_checks(cluster),
                depends_on=[activation, demote])
            self._call(
                cluster, "replication", v.SECONDARY_ENABLE,
                secret={v.ACTIVATION_TOKEN: activation.sensitive_output_values.lookup("token")},
                run_when={"data/mode": "disabled"}, run_if=v.supplied(v.ACTIVATION_TOKEN),
                effective=v.mode_in("secondary"),  # read back: adopted only where it already replicates
                preconditions=[] if cluster.name in allow_wipe else self._wipe_checks(cluster, primary),
                destroy=(v.SECONDARY_DISABLE, {"data/mode": "secondary"}, {"dr_operation_token": TOKEN}),
                depends_on=[update])

    # ------------------------------------------------------------------------------ the calls
    def _verify_token(self, primary: VaultCluster) -> Operation:
        """While the declared primary is a DR secondary, its promote is coming: check the token there first."""
        return self._call(
            primary, "verify-token", v.MERKLE_CHECK, body={"dr_operation_token": TOKEN},
            run_when={"data/mode": "secondary"}, effective=v.mode_in("primary"),
            preconditions=self._promote_checks(primary))

    def _demote(self, cluster: VaultCluster, primary: VaultCluster,
                depends_on: Sequence[ITerraformDependable]) -> Operation:
        when = v.mode_in("primary")
        checks = [
            self._check(when, v.secondaries_within(self._names),
                        f"{cluster.name} is the DR primary of a replication set with secondaries this stack does not "
                        f"declare (its known_secondaries): demoting it would leave them without a primary. Declare "
                        f"them in this set, or fail over in the stack that declares them. Nothing was changed."),
            self._check(when, v.connected_secondary(primary.name),
                        f"{cluster.name} is the DR primary, and {primary.name} is not its connected DR secondary: "
                        f"demoting {cluster.name} would leave the set without a primary. Keep {cluster.name} primary "
                        f"until {primary.name} replicates from it (or bring {primary.name} back online). "
                        "Nothing was changed."),
        ]
        return self._call(cluster, "demote", v.PRIMARY_DEMOTE, run_when={"data/mode": "primary"},
                          effective=v.mode_not_in("primary"), preconditions=checks, depends_on=depends_on)

    def _activation_token(self, primary: VaultCluster, cluster: VaultCluster,
                          depends_on: Sequence[ITerraformDependable]) -> Operation:
        connected = v.both(v.mode_in("primary"), v.connected_secondary(cluster.name))
        foreign = self._check(v.mode_in("primary"), v.secondaries_within(self._names),
                              f"{primary.name} is already the DR primary of a replication set with secondaries this "
                              f"stack does not declare (its known_secondaries): adding {cluster.name} would take that "
                              "set over. Declare every member of the set here, or manage it in the stack that "
                              "declares it. Nothing was changed.")
        attributes: dict[str, Any] = dict(
            path=v.SECONDARY_TOKEN, body=canonical({"id": cluster.name, "ttl": self._ttl}),
            outputs={"token": "wrap_info/token"}, sensitive_outputs=True, triggers=self._trigger,
            condition_path=v.STATUS, run_when={"data/mode": "primary"},
            run_if=canonical(v.negate(v.knows_secondary(cluster.name))),
            read_path=v.STATUS, effective_when=canonical(connected), preconditions=canonical([foreign]),
            destroy_path=v.REVOKE_SECONDARY, destroy_body=canonical({"id": cluster.name}),
            # Revoked once it no longer replicates (disabled on destroy), never while it does: on a failover
            # this call leaves the declaration, and the new primary must stay in sync until it is promoted.
            destroy_when={"data/mode": "primary"}, destroy_if=canonical(v.negate(v.connected_secondary(cluster.name))),
        )
        token = Operation(self, f"{slug(primary.name)}_token_for_{slug(cluster.name)}", provider=primary.provider,
                          depends_on=depends_on, **attributes)
        self._adopted(token, attributes)
        self.calls[f"{primary.name}/secondary-token/{cluster.name}"] = token
        return token

    def _adopted(self, operation: Operation, attributes: dict[str, Any]) -> None:
        if self._adopt:
            declare_import(self, operation, {"id": "adopted", **attributes})

    def _call(self, cluster: VaultCluster, action: str, path: str, *, run_when: dict[str, Any],
              body: Optional[dict[str, Any]] = None, secret: Optional[dict[str, Any]] = None,
              run_if: Optional[dict[str, Any]] = None, effective: Optional[dict[str, Any]] = None,
              preconditions: Sequence[dict[str, Any]] = (),
              destroy: Optional[tuple[str, dict[str, Any], Optional[dict[str, Any]]]] = None,
              depends_on: Optional[Sequence[ITerraformDependable]] = None) -> Operation:
        attributes: dict[str, Any] = dict(path=path, body=canonical(body or {}), triggers=self._trigger,
                                          condition_path=v.STATUS, run_when=run_when)
        if run_if is not None:
            attributes["run_if"] = canonical(run_if)
        if effective is not None:
            attributes.update(read_path=v.STATUS, effective_when=canonical(effective))
        if preconditions:
            attributes["preconditions"] = canonical(list(preconditions))
        if destroy is not None:
            destroy_path, destroy_when, destroy_body = destroy
            attributes.update(destroy_path=destroy_path, destroy_when=destroy_when)
            if destroy_body is not None:
                attributes["destroy_body"] = canonical(destroy_body)
        extra: dict[str, Any] = {"write_only_data": Fn.jsonencode(secret)} if secret is not None else {}
        operation = Operation(self, f"{slug(cluster.name)}_{slug(action)}", provider=cluster.provider,
                              depends_on=depends_on or None, **attributes, **extra)
        self._adopted(operation, attributes)
        self.calls[f"{cluster.name}/{action}"] = operation
        return operation

    # ------------------------------------------------------------------------------ the checks
    @staticmethod
    def _check(when: Optional[dict[str, Any]], require: dict[str, Any], message: str,
               path: str = v.STATUS) -> dict[str, Any]:
        check = {"path": path, "require": require, "message": message}
        if when is not None:
            check["when"] = when
        return check

    def _promote_checks(self, primary: VaultCluster) -> list[dict[str, Any]]:
        secondary = v.mode_in("secondary")
        return [
            self._check(secondary, v.supplied(v.OPERATION_TOKEN),
                        f"{primary.name} is a DR secondary: making it the primary (promote) needs the DR operation "
                        f"token, and none was supplied: {TOKEN_HELP}. Nothing was demoted."),
            self._check(secondary, v.follows_one_of(self._addrs),
                        f"{primary.name} is a DR secondary of a primary this stack does not declare (its "
                        "primaries[0].api_address): promoting it would make a second primary in that replication "
                        f"set. Declare that cluster in this set (keyform then demotes it first), or disable "
                        f"replication on {primary.name} there. Nothing was changed."),
        ]

    def _repoint_checks(self, cluster: VaultCluster) -> list[dict[str, Any]]:
        return [
            self._check(v.mode_in("secondary", "primary"), v.supplied(v.OPERATION_TOKEN),
                        f"{cluster.name} must be pointed at its declared primary (update-primary), which needs the "
                        f"DR operation token, and none was supplied: {TOKEN_HELP}. Nothing was changed."),
            self._check(v.mode_in("secondary"), v.follows_one_of(self._addrs),
                        f"{cluster.name} is a DR secondary of a primary this stack does not declare (its "
                        "primaries[0].api_address): taking it over would break that replication set. Declare that "
                        f"cluster here, or disable replication on {cluster.name} there. Nothing was changed."),
        ]

    def _wipe_checks(self, cluster: VaultCluster, primary: VaultCluster) -> list[dict[str, Any]]:
        disabled = v.mode_in("disabled")
        fix = (f"Enabling {cluster.name} as a DR secondary of {primary.name} wipes it and replaces its data with "
               f"{primary.name}'s. If that is intended, acknowledge it in code: allow_wipe=[\"{cluster.name}\"]. "
               "Nothing was changed.")
        return [
            self._check(disabled, v.no_mounts_of_its_own(),
                        f"{cluster.name} holds data: it has secrets engines mounted beyond a fresh Vault's. {fix}",
                        v.MOUNTS),
            self._check(disabled, v.no_policies_of_its_own(),
                        f"{cluster.name} holds data: it has ACL policies beyond a fresh Vault's (a former primary "
                        f"keeps them). {fix}", v.POLICIES),
        ]

    # ------------------------------------------------------------------------------ validation
    @staticmethod
    def _validate(path: str, primary: VaultCluster, secondaries: Sequence[VaultCluster],
                  operation_token: Optional[TerraformVariable], token_ttl: str, allow_wipe: Sequence[str]) -> None:
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
            raise KeyformConfigError(path, "cluster name",
                                     f"'{clash[0]}' and '{clash[1]}' would get the same resource name",
                                     "make the names differ in letters or digits")
        for cluster in (primary, *secondaries):
            parts = urlsplit(cluster.api_addr or "")
            if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
                raise KeyformConfigError(path, f"{cluster.name}.api_addr",
                                         f"'{cluster.api_addr}' is not an API address",
                                         "give the cluster's address as its secondaries see it, e.g. "
                                         "'https://vault-a.example.com:8200' (no /v1)")
        addrs = [primary.api_addr, *[c.api_addr for c in secondaries]]
        if len(set(addrs)) != len(addrs):
            raise KeyformConfigError(path, "api_addr", "two clusters share an API address",
                                     "give each cluster its own address")
        if operation_token is not None:
            require_secret(operation_token, path, "operation_token")
        if not re.fullmatch(r"\d+[smh]?", token_ttl):
            raise KeyformConfigError(path, "token_ttl", f"'{token_ttl}' is not a duration",
                                     "use e.g. '30m', '300s' or '1h'")
        unknown = [name for name in allow_wipe if name not in {c.name for c in secondaries}]
        if unknown:
            raise KeyformConfigError(
                path, "allow_wipe", f"'{unknown[0]}' is not a declared secondary",
                "name only secondaries of this set: " + (", ".join(c.name for c in secondaries) or "(none)"))
