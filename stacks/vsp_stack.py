"""Example: three KMIP servers on a VSP One Object system, one of them primary: the KMIP servers 1-3 of
``KEYFORM_KMIP_HOST`` (ports ``KEYFORM_KMIP_PORT_1``/``_2``/``_3``)."""

from __future__ import annotations

from keyform.cdk import TerraformStack
from constructs import Construct

from keyform.constructs import KmipServer, VspKmipServers, vsp_provider
from stacks.endpoints import ca_cert_file, kmip_servers, setting, username

CIPHERS = ("TLS_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")


class VspStack(TerraformStack):
    def __init__(self, scope: Construct, id: str, *, name: str = "vsp", prefix: str = "KEYFORM_",
                 primary_setting: str = "KEYFORM_VSP_PRIMARY", server_prefix: str = "kms"):
        super().__init__(scope, id)
        provider = vsp_provider(self, name, setting(self, f"{prefix}VSP_BASE_URL"),
                                username(f"{prefix}VSP_USERNAME"), ca_cert_file=ca_cert_file())
        (host_a, port_a), (host_b, port_b), (host_c, port_c) = kmip_servers(self)
        self.kmip = VspKmipServers(
            self, "kmip", provider=provider, primary=setting(self, primary_setting),
            servers=[
                KmipServer(f"{server_prefix}-a", host_a, port_a, protocol="V2_0", ciphers=CIPHERS),
                KmipServer(f"{server_prefix}-b", host_b, port_b, protocol="V2_0", ciphers=CIPHERS),
                KmipServer(f"{server_prefix}-c", host_c, port_c),
            ],
        )
