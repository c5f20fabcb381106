"""Example: an SVM's external key manager with two primary key servers, one with secondaries and KMIP credentials."""

from __future__ import annotations

from cdktf import TerraformOutput, TerraformStack
from constructs import Construct

from keyform.constructs import KeyServer, OntapKeyManager, ontap_provider, secret
from stacks.endpoints import setting


class OntapStack(TerraformStack):
    def __init__(self, scope: Construct, id: str, *, name: str = "ontap", svm: str = "svm1", prefix: str = "KEYFORM_"):
        super().__init__(scope, id)
        provider = ontap_provider(self, name, setting(self, f"{prefix}ONTAP_BASE_URL"),
                                  setting(self, f"{prefix}ONTAP_USERNAME"))
        password = secret(self, "kmip_password", "KMIP password of the key servers that need one")
        self.key_manager = OntapKeyManager(
            self, "key_manager", provider=provider, svm=svm,
            client_certificate="kmip-client", server_ca_certificates=["kmip-ca"],
            key_servers=[
                KeyServer("kms1.example.com", secondaries=["kms1-dr.example.com", "kms1-dr2.example.com"],
                          timeout=30, username="kmip", password=password),
                KeyServer("10.0.0.12:5697"),
            ],
        )
        TerraformOutput(self, "key_manager_uuid", value=self.key_manager.key_manager.id)
