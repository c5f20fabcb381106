"""Typed constructs for key managers, KMIP servers and DR clusters, over the generated ``rest`` bindings."""

from keyform.constructs.errors import KeyformConfigError
from keyform.constructs.inputs import secret
from keyform.constructs.ontap import KeyServer, OntapKeyManager
from keyform.constructs.providers import ontap_provider, vault_provider, vsp_provider
from keyform.constructs.topology import Endpoint, Topology
from keyform.constructs.vault import VaultCluster, VaultDrReplication
from keyform.constructs.vsp import KmipServer, VspKmipServers

__all__ = [
    "Endpoint", "KeyServer", "KeyformConfigError", "KmipServer", "OntapKeyManager", "Topology", "VaultCluster",
    "VaultDrReplication", "VspKmipServers", "ontap_provider", "secret", "vault_provider", "vsp_provider",
]
