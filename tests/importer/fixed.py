"""A fixed inventory, as the readers would give it, for the snapshot of ``render``: one of each thing the
code can say (an onboard key manager, key servers with and without secondaries, a KMIP user, a timeout
left out, a secondary held without its port; KMIP servers with and without ciphers; a DR set of three)."""

from __future__ import annotations

from keyform.importer.model import (Inventory, KeyManagerEntry, KeyServerEntry, OntapCluster, VaultMember, VaultSet,
                                    VspServer, VspSystem)
from keyform.importer.read_ontap import key_server_entry

CIPHERS = ("TLS_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")

WHERE = "ontap=ONTAP (https://cluster1.example.com/api): the key manager of SVM svm1"

INVENTORY = Inventory(
    ontap=(OntapCluster("ONTAP", "https://cluster1.example.com/api", "admin", (
        KeyManagerEntry("svm2", client_certificate="kmip-client", server_ca_certificates=("kmip-ca",),
                        key_servers=(KeyServerEntry("kms2.example.com:5696", timeout=25),)),
        KeyManagerEntry("svm1", client_certificate="kmip-client", server_ca_certificates=("kmip-ca", "kmip-ca-2"),
                        key_servers=(
                            key_server_entry(WHERE, {"server": "kms1.example.com:5696", "timeout": 30,
                                                     "username": "kmip",
                                                     "secondary_key_servers": "kms1-dr.example.com,"
                                                                              "kms1-dr2.example.com:5696"}),
                            key_server_entry(WHERE, {"server": "10.0.0.12:5697", "timeout": 90,
                                                     "secondary_key_servers": []}),
                        )),
        KeyManagerEntry(None, onboard=True),
    )),),
    vsp=(VspSystem("VSP", "https://vsp.example.com/mapi", "admin", (
        VspServer("kms-c", "kms-c.example.com", 5698, False, True, "V1_4", ()),
        VspServer("kms-a", "10.0.0.5", 5696, False, True, "V2_0", CIPHERS),
        VspServer("kms-b", "kms-b.example.com", 5697, True, False, "V3_0", CIPHERS[:1]),
    )),),
    vault=(VaultSet((
        VaultMember("VAULT_C", "dr-west", "https://vault-c.example.com:8200/v1", "https://vault-c.example.com:8200",
                    False),
        VaultMember("VAULT_A", "vault-a", "https://vault-a.example.com:8200/v1", "https://vault-a.example.com:8200",
                    True),
        VaultMember("VAULT_B", "dr-east", "https://vault-b.example.com:8200/v1", "https://vault-b.example.com:8200",
                    False),
    )),),
)
