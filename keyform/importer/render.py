"""The inventory → one Python module: a ``TerraformStack`` subclass that declares, with keyform's
constructs and ``adopt=True``, exactly what the appliances held.

A pure function: the same inventory gives the same text byte for byte (everything sorted, no
timestamp). No secret is in the inventory, so none can be in the text: each secret that cannot be
read back becomes an optional ``secret(...)`` input. Endpoints are read from the environment at
synth time, defaulting to the URLs the import used.
"""

from __future__ import annotations

import textwrap
from dataclasses import replace

from keyform.importer import source
from keyform.importer.model import Inventory, KeyManagerEntry, OntapCluster, VaultSet, VspSystem, alias, env_var
from keyform.importer.names import Book, slug
from keyform.importer.source import Call, Raw

CONSTRUCTS = ("KeyServer", "KmipServer", "OntapKeyManager", "VaultCluster", "VaultDrReplication", "VspKmipServers",
              "ontap_provider", "secret", "vault_provider", "vsp_provider")
BODY = 8  # the indent of the stack's __init__ body
SELF = Raw("self")
SECRETS_HELP = ("Secrets cannot be read back: each one below is an optional input, set with TF_VAR_<its name> "
                "when deploying (to change it, say). Unset, nothing is sent and the appliance keeps its own: "
                "adoption never changes a secret it cannot know.")


def render(inventory: Inventory, class_name: str = "AdoptedStack") -> str:
    """The module's source text."""
    return _Module(sort(inventory), class_name).text()


def sort(inventory: Inventory) -> Inventory:
    """The inventory in the order it is rendered: appliances by name; key managers by SVM (the cluster's
    first), key servers by ``host:port``, KMIP servers by name; a DR set's primary first, then its
    secondaries by name. (Lists inside an object — secondaries, CA certificates, ciphers — keep the
    appliance's order: it is part of the value.)"""

    def cluster(c: OntapCluster) -> OntapCluster:
        managers = [replace(m, key_servers=tuple(sorted(m.key_servers, key=lambda s: s.server)))
                    for m in c.key_managers]
        return replace(c, key_managers=tuple(sorted(managers, key=lambda m: (m.svm is not None, m.svm or ""))))

    return Inventory(
        ontap=tuple(cluster(c) for c in sorted(inventory.ontap, key=lambda c: c.name)),
        vsp=tuple(replace(s, servers=tuple(sorted(s.servers, key=lambda k: k.name)))
                  for s in sorted(inventory.vsp, key=lambda s: s.name)),
        vault=tuple(VaultSet((v.primary, *v.secondaries))
                    for v in sorted(inventory.vault, key=lambda v: v.primary.name)),
    )


def and_list(items) -> str:
    items = list(items)
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)


class _Module:
    def __init__(self, inventory: Inventory, class_name: str):
        self.inventory, self.class_name = inventory, class_name
        names = [c.name for c in inventory.ontap] + [s.name for s in inventory.vsp] + \
            [m.cli_name for v in inventory.vault for m in v.members]
        self.ids = Book(f"provider_{alias(n)}" for n in names)  # construct ids and variables of the stack
        self.locals = Book(("self", "scope", "id", "os", "super", *CONSTRUCTS))
        self.imported: set[str] = set()
        self.body: list[str] = []
        self.explained = False

    # ------------------------------------------------------------------------------------------ helpers
    def call(self, func: str, *args, **kwargs) -> Call:
        if func in CONSTRUCTS:
            self.imported.add(func)
        return Call(func, *args, **kwargs)

    def statement(self, node, target: str = "") -> None:
        self.body.extend(source.statement(node, BODY, target))

    def comment(self, text: str) -> None:
        self.body.extend(source.comment(text, BODY))

    def blank(self) -> None:
        if self.body and self.body[-1]:
            self.body.append("")

    def setting(self, name: str, suffix: str, default: str) -> Call:
        return Call("os.environ.get", env_var(name, suffix), default)

    def provider(self, factory: str, name: str, base_url: str, username: str | None = None) -> Raw:
        kwargs = {"base_url": self.setting(name, "BASE_URL", base_url)}
        if username is not None:
            kwargs["username"] = self.setting(name, "USERNAME", username)
        local = self.locals.take(slug(alias(name)).lower())
        self.statement(self.call(factory, SELF, alias(name), **kwargs), local)
        return Raw(local)

    def secret(self, wanted: str, description: str, explain: str = "") -> Raw:
        if explain:
            self.comment(explain)
        elif not self.explained:
            self.comment(SECRETS_HELP)
            self.explained = True
        name = self.ids.take(wanted)
        local = self.locals.take(name)
        self.statement(self.call("secret", SELF, name, description, required=False), local)
        return Raw(local)

    # ------------------------------------------------------------------------------------- appliances
    def ontap(self, cluster: OntapCluster, qualify: bool) -> None:
        name = cluster.name
        self.comment(f"NetApp ONTAP `{name}`: its key managers. Endpoint: {env_var(name, 'BASE_URL')} and "
                     f"{env_var(name, 'USERNAME')} (default: those of the import); password: "
                     f"{env_var(name, 'PASSWORD')}, read when deploying.")
        if not cluster.key_managers:
            self.comment("It held no key manager when it was read: nothing to adopt.")
            return
        provider = self.provider("ontap_provider", name, cluster.base_url, cluster.username)
        for manager in cluster.key_managers:
            self.key_manager(cluster, manager, provider, qualify)

    def key_manager(self, cluster: OntapCluster, manager: KeyManagerEntry, provider: Raw, qualify: bool) -> None:
        owner_id = slug(manager.svm) if manager.svm else "cluster"
        construct_id = self.ids.take(f"{slug(alias(cluster.name))}_{owner_id}")
        if manager.onboard:
            passphrase = self.secret(f"okm_passphrase_{slug(alias(cluster.name))}",
                                     f"Onboard Key Manager passphrase of ONTAP `{cluster.name}`; unset: not sent")
            self.statement(self.call("OntapKeyManager", SELF, construct_id, provider=provider,
                                     onboard_passphrase=passphrase, adopt=True))
            return
        owner = f"SVM {manager.svm}" if manager.svm else "the cluster"
        servers = []
        for server in manager.key_servers:
            for note in server.left_out:
                self.comment(f"{server.server} of {owner}: {note}.")
            kwargs: dict = {}
            if server.secondaries:
                kwargs["secondaries"] = list(server.secondaries)
            if server.timeout is not None:
                kwargs["timeout"] = server.timeout
            if server.username:
                kwargs["username"] = server.username
                where = f"{slug(alias(cluster.name))}_" if qualify else ""
                kwargs["password"] = self.secret(
                    f"kmip_password_{where}{owner_id}_{slug(server.server)}",
                    f"KMIP password of key server {server.server} ({owner}, ONTAP `{cluster.name}`); unset: not sent")
            servers.append(self.call("KeyServer", server.server, **kwargs))
        kwargs = {"provider": provider}
        if manager.svm:
            kwargs["svm"] = manager.svm
        kwargs.update(client_certificate=manager.client_certificate,
                      server_ca_certificates=list(manager.server_ca_certificates))
        if servers:
            kwargs["key_servers"] = servers
        self.statement(self.call("OntapKeyManager", SELF, construct_id, **kwargs, adopt=True))

    def vsp(self, system: VspSystem) -> None:
        name = system.name
        self.comment(f"Hitachi VSP One Object `{name}`: its KMIP servers. Endpoint: {env_var(name, 'BASE_URL')} "
                     f"and {env_var(name, 'USERNAME')} (default: those of the import); password: "
                     f"{env_var(name, 'PASSWORD')}, read when deploying.")
        if not system.servers:
            self.comment("It held no KMIP server when it was read: nothing to adopt.")
            return
        provider = self.provider("vsp_provider", name, system.base_url, system.username)
        servers = []
        for server in system.servers:
            kwargs: dict = {"tls12": server.tls12, "protocol": server.protocol}
            if server.ciphers:
                kwargs["ciphers"] = tuple(server.ciphers)
            servers.append(self.call("KmipServer", server.name, server.host, server.port, **kwargs))
        self.statement(self.call("VspKmipServers", SELF, self.ids.take(f"{slug(alias(name))}_kmip_servers"),
                                 provider=provider, primary=system.primary, servers=servers, adopt=True))

    def vault(self, dr_set: VaultSet, qualify: bool) -> None:
        primary = dr_set.primary
        members = and_list(f"{m.name} ({'primary, ' if m.primary else ''}`{m.cli_name}`)" for m in dr_set.members)
        self.comment(f"Vault Enterprise DR replication set: {members}. Endpoints: KEYFORM_<NAME>_BASE_URL "
                     "(default: those of the import); tokens: KEYFORM_<NAME>_TOKEN, read when deploying. The API "
                     "addresses are those the set knows the clusters by.")
        clusters = [self.call("VaultCluster", m.name, self.provider("vault_provider", m.cli_name, m.base_url),
                              m.api_addr) for m in dr_set.members]
        token_name = f"dr_operation_token_{slug(primary.name)}" if qualify else "dr_operation_token"
        token = self.secret(
            token_name, f"DR operation token of the DR set of {primary.name}, to promote or re-point a cluster; "
                        "unset: not sent",
            explain=f"The DR operation token cannot be read back: set TF_VAR_{token_name} when deploying a failover "
                    "or a re-pointed secondary declared here. Unset, nothing is sent (adopting needs none).")
        self.statement(self.call("VaultDrReplication", SELF, self.ids.take(f"{slug(primary.name)}_dr"),
                                 primary=clusters[0], secondaries=clusters[1:], operation_token=token, adopt=True))

    # ------------------------------------------------------------------------------------------ module
    def text(self) -> str:
        inventory = self.inventory
        for cluster in inventory.ontap:
            self.blank()
            self.ontap(cluster, qualify=len(inventory.ontap) > 1)
        for system in inventory.vsp:
            self.blank()
            self.vsp(system)
        for dr_set in inventory.vault:
            self.blank()
            self.vault(dr_set, qualify=len(inventory.vault) > 1)
        lines = source.docstring(self.docstring())
        lines += ["", "from __future__ import annotations", ""]
        lines += ["import os", ""] if any("os.environ.get(" in line for line in self.body) else []
        lines += ["from keyform.cdk import TerraformStack", "from constructs import Construct", ""]
        if self.imported:
            lines += _import_lines(sorted(self.imported))
        lines += ["", "", f"class {self.class_name}(TerraformStack):"]
        lines += source.docstring(["What the appliances held when they were read, adopted at the first deploy."], 4)
        lines += ["", "    def __init__(self, scope: Construct, id: str):", "        super().__init__(scope, id)"]
        lines += self.body[1:] if self.body[:1] == [""] else self.body
        return "\n".join(line.rstrip() for line in lines) + "\n"

    def docstring(self) -> list[str]:
        inventory = self.inventory
        read = ["Read from:"]
        for cluster in inventory.ontap:
            managers = [f"SVM {m.svm}" if m.svm else "the cluster" for m in cluster.key_managers]
            kinds = [("onboard" if m.onboard else f"external, {len(m.key_servers)} key server"
                      + ("s" if len(m.key_servers) != 1 else "")) for m in cluster.key_managers]
            what = and_list(f"{m} ({k})" for m, k in zip(managers, kinds)) or "none"
            read.append(f"- NetApp ONTAP `{cluster.name}` at {cluster.base_url}: key managers of {what}")
        for system in inventory.vsp:
            what = (f"KMIP servers {and_list(s.name for s in system.servers)} (primary {system.primary})"
                    if system.servers else "no KMIP server")
            read.append(f"- Hitachi VSP One Object `{system.name}` at {system.base_url}: {what}")
        for dr_set in inventory.vault:
            what = and_list(f"{m.name} ({'primary, ' if m.primary else ''}`{m.cli_name}` at {m.base_url})"
                            for m in dr_set.members)
            read.append(f"- Vault Enterprise DR set: {what}")
        return [
            f"Appliances adopted by `python -m keyform import`: {self.class_name} declares what they held when "
            "they were read.",
            "\n".join(read),
            "Every construct is declared with adopt=True: the first `cdktf deploy` imports what is there "
            "(N to import, 0 to add, 0 to change) and calls nothing; review that plan. From then on this module "
            "is the declaration: edit it to change the appliances (each change shows in the plan) rather than "
            "importing again, which overwrites it (--force).",
            "Endpoints come from KEYFORM_<NAME>_BASE_URL and _USERNAME (default: those of the import), "
            "credentials from KEYFORM_<NAME>_PASSWORD or _TOKEN when deploying: none is written here. A secret "
            "that cannot be read back is an optional input (TF_VAR_<name>): unset, nothing is sent.",
        ]


def _import_lines(names: list[str]) -> list[str]:
    """``from keyform.constructs import (A, B, ...)``, wrapped with the names aligned after the parenthesis."""
    head = "from keyform.constructs import "
    if len(head) + len(", ".join(names)) <= source.WIDTH:
        return [head + ", ".join(names)]
    wrapped = textwrap.wrap(", ".join(names), width=source.WIDTH - len(head) - 2, break_on_hyphens=False)
    lines = [head + "(" + wrapped[0]] + [" " * (len(head) + 1) + line for line in wrapped[1:]]
    lines[-1] += ")"
    return lines
