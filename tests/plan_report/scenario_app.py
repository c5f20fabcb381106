"""The CDKTF app of the plan-report scenarios, copied as ``main.py`` into a temporary project.

It declares three stacks from ``scenario.json`` (next to it), over the keyform constructs:

- ``ontap``: an SVM key manager and its primary key servers (``key_servers``: server → secondaries);
- ``vsp``: three KMIP servers on ``kmip_ports`` of 127.0.0.1 (listening: only an online server can be
  promoted), ``vsp_primary`` the primary;
- ``vault-dr``: a DR pair, ``dr_primary`` the primary, the DR operation token a sensitive input.

Appliance URLs come from the scenario file; credentials from the environment, as in production.
"""

import json
from pathlib import Path

from keyform.cdk import App, TerraformStack

from keyform.constructs import (KeyServer, KmipServer, OntapKeyManager, VaultCluster, VaultDrReplication,
                                VspKmipServers, ontap_provider, secret, vault_provider, vsp_provider)

SCENARIO = json.loads((Path(__file__).resolve().parent / "scenario.json").read_text())


def ontap(app: App) -> None:
    stack = TerraformStack(app, "ontap")
    provider = ontap_provider(stack, "ontap-east", SCENARIO["urls"]["ontap-east"])
    password = secret(stack, "kmip_password", "KMIP password of the key servers")
    servers = [KeyServer(server, secondaries=secondaries, username="kmip" if i == 0 else None,
                         password=password if i == 0 else None)
               for i, (server, secondaries) in enumerate(SCENARIO["key_servers"].items())]
    OntapKeyManager(stack, "key_manager", provider=provider, svm="svm1", client_certificate="kmip-client",
                    server_ca_certificates=["kmip-ca"], key_servers=servers)


def vsp(app: App) -> None:
    stack = TerraformStack(app, "vsp")
    provider = vsp_provider(stack, "vsp-west", SCENARIO["urls"]["vsp-west"])
    VspKmipServers(stack, "kmip", provider=provider, primary=SCENARIO["vsp_primary"],
                   servers=[KmipServer(name, "127.0.0.1", port)
                            for name, port in zip(("kms-a", "kms-b", "kms-c"), SCENARIO["kmip_ports"])])


def vault(app: App) -> None:
    stack = TerraformStack(app, "vault-dr")
    clusters = {}
    for name in ("dr-west", "dr-east"):
        url = SCENARIO["urls"][name]
        clusters[name] = VaultCluster(name, vault_provider(stack, name, url), url.removesuffix("/v1"))
    primary = SCENARIO["dr_primary"]
    VaultDrReplication(stack, "dr", primary=clusters[primary],
                       secondaries=[c for n, c in clusters.items() if n != primary],
                       operation_token=secret(stack, "dr_operation_token", "DR operation token", required=False))


if __name__ == "__main__":
    app = App()
    ontap(app)
    vsp(app)
    vault(app)
    app.synth()
