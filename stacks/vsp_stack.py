"""Example: three KMIP servers on a VSP One Object system, one of them primary."""

from __future__ import annotations

from cdktf import TerraformStack
from constructs import Construct

from keyform.constructs import KmipServer, VspKmipServers, vsp_provider
from stacks.endpoints import setting

CIPHERS = ("TLS_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")


class VspStack(TerraformStack):
    def __init__(self, scope: Construct, id: str, *, name: str = "vsp", prefix: str = "KEYFORM_",
                 primary_setting: str = "KEYFORM_VSP_PRIMARY", server_prefix: str = "kms"):
        super().__init__(scope, id)
        provider = vsp_provider(self, name, setting(self, f"{prefix}VSP_BASE_URL"),
                                setting(self, f"{prefix}VSP_USERNAME"))
        host = setting(self, "KEYFORM_KMIP_HOST")
        self.kmip = VspKmipServers(
            self, "kmip", provider=provider, primary=setting(self, primary_setting),
            servers=[
                KmipServer(f"{server_prefix}-a", host, 5696, protocol="V2_0", ciphers=CIPHERS),
                KmipServer(f"{server_prefix}-b", host, 5697, protocol="V2_0", ciphers=CIPHERS),
                KmipServer(f"{server_prefix}-c", host, 5698),
            ],
        )
