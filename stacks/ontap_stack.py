"""Example: an SVM's external key manager with two primary key servers, one with secondaries and KMIP credentials.

The primaries are the KMIP servers 1 and 2 of ``KEYFORM_KMIP_HOST`` (ports ``KEYFORM_KMIP_PORT_1``/``_2``)."""

from __future__ import annotations

from keyform.cdk import TerraformOutput, TerraformStack
from constructs import Construct

from keyform.constructs import KeyServer, OntapKeyManager, ontap_provider, secret
from stacks.endpoints import ca_cert_file, kmip_servers, setting, username


class OntapStack(TerraformStack):
    def __init__(self, scope: Construct, id: str, *, name: str = "ontap", svm: str = "svm1", prefix: str = "KEYFORM_"):
        super().__init__(scope, id)
        provider = ontap_provider(self, name, setting(self, f"{prefix}ONTAP_BASE_URL"),
                                  username(f"{prefix}ONTAP_USERNAME"), ca_cert_file())
        password = secret(self, "kmip_password", "KMIP password of the key servers that need one")
        # The primaries are real KMIP servers (ONTAP connects to each when adding it); the secondaries are names
        # ONTAP stores and does not contact when adding.
        (host_1, port_1), (host_2, port_2), _ = kmip_servers(self)
        self.key_manager = OntapKeyManager(
            self, "key_manager", provider=provider, svm=svm,
            client_certificate="kmip-client", server_ca_certificates=["kmip-ca"],
            key_servers=[
                KeyServer(f"{host_1}:{port_1}", secondaries=["kms1-dr.example.com", "kms1-dr2.example.com"],
                          timeout=30, username="kmip", password=password),
                KeyServer(f"{host_2}:{port_2}"),
            ],
        )
        TerraformOutput(self, "key_manager_uuid", value=self.key_manager.key_manager.id)
