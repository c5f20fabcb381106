"""Appliances adopted by `python -m keyform import`: AdoptedStack declares what they held when they were read.

Read from:
- NetApp ONTAP `ONTAP` at https://cluster1.example.com/api: key managers of the cluster (onboard), SVM svm1
  (external, 2 key servers) and SVM svm2 (external, 1 key server)
- Hitachi VSP One Object `VSP` at https://vsp.example.com/mapi: KMIP servers kms-a, kms-b and kms-c (primary
  kms-b)
- Vault Enterprise DR set: vault-a (primary, `VAULT_A` at https://vault-a.example.com:8200/v1), dr-east
  (`VAULT_B` at https://vault-b.example.com:8200/v1) and dr-west (`VAULT_C` at
  https://vault-c.example.com:8200/v1)

Every construct is declared with adopt=True: the first `cdktf deploy` imports what is there (N to import, 0 to
add, 0 to change) and calls nothing; review that plan. From then on this module is the declaration: edit it to
change the appliances (each change shows in the plan) rather than importing again, which overwrites it
(--force).

Endpoints come from KEYFORM_<NAME>_BASE_URL and _USERNAME (default: those of the import), credentials from
KEYFORM_<NAME>_PASSWORD or _TOKEN when deploying: none is written here. A secret that cannot be read back is
an optional input (TF_VAR_<name>): unset, nothing is sent.
"""

from __future__ import annotations

import os

from keyform.cdk import TerraformStack
from constructs import Construct

from keyform.constructs import (KeyServer, KmipServer, OntapKeyManager, VaultCluster, VaultDrReplication,
                                VspKmipServers, ontap_provider, secret, vault_provider, vsp_provider)


class AdoptedStack(TerraformStack):
    """What the appliances held when they were read, adopted at the first deploy."""

    def __init__(self, scope: Construct, id: str):
        super().__init__(scope, id)
        # NetApp ONTAP `ONTAP`: its key managers. Endpoint: KEYFORM_ONTAP_BASE_URL and KEYFORM_ONTAP_USERNAME
        # (default: those of the import); password: KEYFORM_ONTAP_PASSWORD, read when deploying.
        ontap = ontap_provider(
            self, "ontap",
            base_url=os.environ.get("KEYFORM_ONTAP_BASE_URL", "https://cluster1.example.com/api"),
            username=os.environ.get("KEYFORM_ONTAP_USERNAME", "admin"),
        )
        # Secrets cannot be read back: each one below is an optional input, set with TF_VAR_<its name> when
        # deploying (to change it, say). Unset, nothing is sent and the appliance keeps its own: adoption
        # never changes a secret it cannot know.
        okm_passphrase_ontap = secret(
            self, "okm_passphrase_ontap", "Onboard Key Manager passphrase of ONTAP `ONTAP`; unset: not sent",
            required=False,
        )
        OntapKeyManager(
            self, "ontap_cluster", provider=ontap, onboard_passphrase=okm_passphrase_ontap, adopt=True,
        )
        # 10.0.0.12:5697 of SVM svm1: its timeout 90 is outside 1-60 s (or -1, 0), what keyform declares: not
        # declared, left as it is.
        kmip_password_svm1_kms1_example_com_5696 = secret(
            self, "kmip_password_svm1_kms1_example_com_5696",
            "KMIP password of key server kms1.example.com:5696 (SVM svm1, ONTAP `ONTAP`); unset: not sent",
            required=False,
        )
        OntapKeyManager(
            self, "ontap_svm1", provider=ontap, svm="svm1", client_certificate="kmip-client",
            server_ca_certificates=["kmip-ca", "kmip-ca-2"],
            key_servers=[
                KeyServer("10.0.0.12:5697"),
                KeyServer(
                    "kms1.example.com:5696", secondaries=["kms1-dr.example.com", "kms1-dr2.example.com:5696"],
                    timeout=30, username="kmip", password=kmip_password_svm1_kms1_example_com_5696,
                ),
            ],
            adopt=True,
        )
        OntapKeyManager(
            self, "ontap_svm2", provider=ontap, svm="svm2", client_certificate="kmip-client",
            server_ca_certificates=["kmip-ca"],
            key_servers=[KeyServer("kms2.example.com:5696", timeout=25)],
            adopt=True,
        )

        # Hitachi VSP One Object `VSP`: its KMIP servers. Endpoint: KEYFORM_VSP_BASE_URL and
        # KEYFORM_VSP_USERNAME (default: those of the import); password: KEYFORM_VSP_PASSWORD, read when
        # deploying.
        vsp = vsp_provider(
            self, "vsp",
            base_url=os.environ.get("KEYFORM_VSP_BASE_URL", "https://vsp.example.com/mapi"),
            username=os.environ.get("KEYFORM_VSP_USERNAME", "admin"),
        )
        VspKmipServers(
            self, "vsp_kmip_servers", provider=vsp, primary="kms-b",
            servers=[
                KmipServer(
                    "kms-a", "10.0.0.5", 5696, tls12=True, protocol="V2_0",
                    ciphers=("TLS_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
                ),
                KmipServer(
                    "kms-b", "kms-b.example.com", 5697, tls12=False, protocol="V3_0",
                    ciphers=("TLS_AES_256_GCM_SHA384",),
                ),
                KmipServer("kms-c", "kms-c.example.com", 5698, tls12=True, protocol="V1_4"),
            ],
            adopt=True,
        )

        # Vault Enterprise DR replication set: vault-a (primary, `VAULT_A`), dr-east (`VAULT_B`) and dr-west
        # (`VAULT_C`). Endpoints: KEYFORM_<NAME>_BASE_URL (default: those of the import); tokens:
        # KEYFORM_<NAME>_TOKEN, read when deploying. The API addresses are those the set knows the clusters
        # by.
        vault_a = vault_provider(
            self, "vault-a",
            base_url=os.environ.get("KEYFORM_VAULT_A_BASE_URL", "https://vault-a.example.com:8200/v1"),
        )
        vault_b = vault_provider(
            self, "vault-b",
            base_url=os.environ.get("KEYFORM_VAULT_B_BASE_URL", "https://vault-b.example.com:8200/v1"),
        )
        vault_c = vault_provider(
            self, "vault-c",
            base_url=os.environ.get("KEYFORM_VAULT_C_BASE_URL", "https://vault-c.example.com:8200/v1"),
        )
        # The DR operation token cannot be read back: set TF_VAR_dr_operation_token when deploying a failover
        # or a re-pointed secondary declared here. Unset, nothing is sent (adopting needs none).
        dr_operation_token = secret(
            self, "dr_operation_token",
            "DR operation token of the DR set of vault-a, to promote or re-point a cluster; unset: not sent",
            required=False,
        )
        VaultDrReplication(
            self, "vault_a_dr",
            primary=VaultCluster("vault-a", vault_a, "https://vault-a.example.com:8200"),
            secondaries=[
                VaultCluster("dr-east", vault_b, "https://vault-b.example.com:8200"),
                VaultCluster("dr-west", vault_c, "https://vault-c.example.com:8200"),
            ],
            operation_token=dr_operation_token, adopt=True,
        )
