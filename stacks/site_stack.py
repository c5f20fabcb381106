"""A whole site in one stack: the SVM key manager, the VSP KMIP servers and the DR pair of the site.

Key servers: ONTAP's primary is KMIP server 3 of ``KEYFORM_KMIP_HOST``, VSP One Object's are servers 1 and 2
(``KEYFORM_KMIP_PORT_1``-``_3``)."""

from __future__ import annotations

from keyform.cdk import TerraformStack
from constructs import Construct

from keyform.constructs import (KeyformConfigError, KeyServer, KmipServer, OntapKeyManager, VaultCluster,
                                VaultDrReplication, VspKmipServers, ontap_provider, secret, vault_provider,
                                vsp_provider)
from stacks.endpoints import api_addr, ca_cert_file, kmip_servers, setting, username


class SiteStack(TerraformStack):
    def __init__(self, scope: Construct, id: str):
        super().__init__(scope, id)
        ontap = ontap_provider(self, "site-ontap", setting(self, "KEYFORM_SITE_ONTAP_BASE_URL"),
                               username("KEYFORM_SITE_ONTAP_USERNAME"), ca_cert_file())
        password = secret(self, "kmip_password", "KMIP password of the site's key servers")
        kmip = kmip_servers(self)  # real KMIP servers: ONTAP and VSP One Object talk to them
        OntapKeyManager(
            self, "key_manager", provider=ontap, svm="svm2", client_certificate="kmip-client",
            server_ca_certificates=["kmip-ca", "kmip-ca-2"],
            key_servers=[KeyServer(f"{kmip[2][0]}:{kmip[2][1]}", secondaries=["kms-site-dr.example.com"],
                                   username="kmip", password=password)],
        )
        vsp = vsp_provider(self, "site-vsp", setting(self, "KEYFORM_SITE_VSP_BASE_URL"),
                           username("KEYFORM_SITE_VSP_USERNAME"), ca_cert_file=ca_cert_file())
        VspKmipServers(self, "kmip", provider=vsp, primary="site-kms-1",
                       servers=[KmipServer("site-kms-1", *kmip[0]), KmipServer("site-kms-2", *kmip[1])])
        clusters = {}
        for name in ("vault-c", "vault-d"):
            base_url = setting(self, f"KEYFORM_SITE_{name.upper().replace('-', '_')}_BASE_URL")
            provider = vault_provider(self, f"site-{name}", base_url, ca_cert_file())
            clusters[name] = VaultCluster(name, provider, api_addr(base_url))
        primary = setting(self, "KEYFORM_SITE_VAULT_DR_PRIMARY")
        if primary not in clusters:
            raise KeyformConfigError(self.node.path, "KEYFORM_SITE_VAULT_DR_PRIMARY",
                                     f"'{primary}' is not one of the clusters",
                                     f"set KEYFORM_SITE_VAULT_DR_PRIMARY to one of: {', '.join(clusters)}")
        VaultDrReplication(
            self, "dr", primary=clusters[primary], secondaries=[c for n, c in clusters.items() if n != primary],
            operation_token=secret(self, "dr_operation_token", "DR operation token of the site's DR set",
                                   required=False),
        )
