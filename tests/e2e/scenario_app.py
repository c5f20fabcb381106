"""The cdktf app of an end-to-end scenario, copied into the scenario's project as ``main.py``.

It builds stacks with ``keyform.constructs`` from ``params.json`` (next to it), which the test
rewrites between deploys. Endpoints come from the environment (``E2E_<SYSTEM>_URL``; a Vault cluster
reached through a proxy gives the address it advertises in ``E2E_<NAME>_API_ADDR``), every provider trusts the
CA in ``E2E_CA_CERT_FILE`` (the simulators' run CA); credentials
are read by the provider from ``KEYFORM_<NAME>_PASSWORD`` / ``KEYFORM_<NAME>_TOKEN`` at run time.

params.json::

    {"ontap": {"svm": "svm1", "key_servers": [{"server": "kms1:5696", "secondaries": [...],
                                               "timeout": 30, "username": "kmip"}]},
     "vsp": {"primary": "kms-a", "servers": [{"name": "kms-a", "host": "127.0.0.1", "port": 5696}]},
     "vault-dr": {"primary": "vault-a", "clusters": ["vault-a", "vault-b"], "allow_wipe": []}}

An ONTAP stack may install certificates from PEM (``"certificates": [{"name", "type", "pem", "svm",
"key_input", "adopt"}]``, the private key from ``TF_VAR_<key_input>``) and name them, or installed ones, in
``"client_certificate"`` and ``"server_ca_certificates"`` (defaults: the simulator's "kmip-client", "kmip-ca");
a key server may set ``"create_remove_timeout"``.

Each key present is one stack of that name; a key ``ontap-…``, ``vsp-…`` or ``vault-…`` is another stack of
that kind (two stacks can declare overlapping replication sets, or two SVMs' key managers). ``"adopt": true``
makes the stack's construct adopt what the appliance already holds.
"""

import json
import os
import sys
from pathlib import Path

from keyform.cdk import App, TerraformOutput, TerraformStack
from constructs import Construct

from keyform.constructs import (KeyformConfigError, KeyServer, KmipServer, OntapCertificate, OntapKeyManager,
                                VaultCluster, VaultDrReplication, VspKmipServers, apply_state_backends, ontap_provider,
                                secret, vault_provider, vsp_provider)

CA = os.environ.get("E2E_CA_CERT_FILE") or None


class OntapScenario(TerraformStack):
    def __init__(self, scope: Construct, id: str, params: dict):
        super().__init__(scope, id)
        provider = ontap_provider(self, "ontap", os.environ["E2E_ONTAP_URL"], ca_cert_file=CA)
        password = secret(self, "kmip_password", "KMIP password of the key servers that need one")
        servers = [
            KeyServer(s["server"], secondaries=s.get("secondaries", ()), timeout=s.get("timeout"),
                      username=s.get("username"), password=password if s.get("username") else None,
                      create_remove_timeout=s.get("create_remove_timeout"))
            for s in params["key_servers"]
        ]
        installed = {
            c["name"]: OntapCertificate(
                self, f"certificate_{c['name']}", provider=provider, name=c["name"], type=c["type"],
                public_certificate=c["pem"], svm=c.get("svm"), adopt=c.get("adopt", False),
                private_key=secret(self, c["key_input"], f"private key of {c['name']}") if c.get("key_input") else None)
            for c in params.get("certificates", [])
        }
        manager = OntapKeyManager(self, "key_manager", provider=provider, svm=params.get("svm", "svm1"),
                                  client_certificate=_named(installed, params.get("client_certificate", "kmip-client")),
                                  server_ca_certificates=[_named(installed, n)
                                                          for n in params.get("server_ca_certificates", ["kmip-ca"])],
                                  key_servers=servers, adopt=params.get("adopt", False))
        TerraformOutput(self, "key_manager_uuid", value=manager.key_manager.id)


def _named(installed: dict, name: str):
    """A certificate the stack installs, or the name of one installed outside it."""
    return installed.get(name, name)


class VspScenario(TerraformStack):
    def __init__(self, scope: Construct, id: str, params: dict):
        super().__init__(scope, id)
        provider = vsp_provider(self, "vsp", os.environ["E2E_VSP_URL"], ca_cert_file=CA)
        VspKmipServers(self, "kmip", provider=provider, primary=params["primary"],
                       servers=[KmipServer(s["name"], s["host"], s["port"]) for s in params["servers"]],
                       adopt=params.get("adopt", False))


class VaultScenario(TerraformStack):
    def __init__(self, scope: Construct, id: str, params: dict):
        super().__init__(scope, id)
        members = {}
        for name in params["clusters"]:
            env = name.upper().replace("-", "_")
            base_url = os.environ[f"E2E_{env}_URL"]
            # the address the cluster advertises, when it is reached through something else (a proxy)
            api_addr = os.environ.get(f"E2E_{env}_API_ADDR") or base_url[: -len("/v1")]
            members[name] = VaultCluster(name, vault_provider(self, name, base_url, CA), api_addr)
        token = secret(self, "dr_operation_token", "DR operation token", required=False)
        primary = params["primary"]
        VaultDrReplication(self, "dr", primary=members[primary], operation_token=token,
                           secondaries=[c for n, c in members.items() if n != primary],
                           allow_wipe=params.get("allow_wipe", ()), adopt=params.get("adopt", False))


STACKS = {"ontap": OntapScenario, "vsp": VspScenario, "vault-dr": VaultScenario}


def build(app: App) -> App:
    params = json.loads((Path(__file__).parent / "params.json").read_text())
    for name, stack_params in params.items():
        STACKS[next(kind for kind in STACKS if name == kind or name.startswith(kind.split("-")[0] + "-"))](
            app, name, stack_params)
    return app


if __name__ == "__main__":
    try:
        app = build(App())
        apply_state_backends(app)  # KEYFORM_STATE_BACKEND, as keyform.constructs.synth does
        app.synth()
    except KeyformConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
