"""Example: Vault DR replication, a primary and a secondary; set KEYFORM_VAULT_DR_PRIMARY=vault-b to fail over.

Each cluster's provider sends ``KEYFORM_VAULT_<NAME>_TOKEN``. DR replication carries the primary's token store
to its secondaries and enabling a secondary wipes its own, so a cluster's token is its own (its root token,
say) only until it joins the set; from then on it is a token of the set, such as the first primary's root token
(a DR secondary's status and DR endpoints do not look at it, but the cluster needs it once promoted: set it
before failing over to that cluster). The main job (``make run``) passes each simulator the token it accepts.
"""

from __future__ import annotations

from keyform.cdk import TerraformStack
from constructs import Construct

from keyform.constructs import KeyformConfigError, VaultCluster, VaultDrReplication, secret, vault_provider
from stacks.endpoints import api_addr, ca_cert_file, setting


class VaultDrStack(TerraformStack):
    def __init__(self, scope: Construct, id: str, *, clusters=("vault-a", "vault-b"), prefix: str = "KEYFORM_",
                 primary_setting: str = "KEYFORM_VAULT_DR_PRIMARY"):
        super().__init__(scope, id)
        members = {}
        for name in clusters:
            env = name.upper().replace("-", "_")
            base_url = setting(self, f"{prefix}{env}_BASE_URL")
            members[name] = VaultCluster(name, vault_provider(self, name, base_url, ca_cert_file()), api_addr(base_url))
        primary = setting(self, primary_setting)
        if primary not in members:
            raise KeyformConfigError(self.node.path, primary_setting, f"'{primary}' is not one of the clusters",
                                     f"set {primary_setting} to one of: {', '.join(members)}")
        token = secret(self, "dr_operation_token", "DR operation token, needed to promote or re-point a cluster",
                       required=False)
        self.replication = VaultDrReplication(
            self, "dr", primary=members[primary], operation_token=token,
            secondaries=[cluster for name, cluster in members.items() if name != primary],
        )
