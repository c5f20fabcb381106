"""Typed constructs for key managers, KMIP servers and DR clusters, over the generated ``rest`` bindings."""

import os

from keyform.toolchain import quiet_jsii

# Before the first import of cdktf, which starts jsii's Node runtime with this environment: no end-of-life
# banner for the Node versions keyform supports (20, 22), whether or not .keyform/env.sh was sourced.
os.environ.update(quiet_jsii(os.environ))

from keyform.constructs.errors import KeyformConfigError
from keyform.constructs.inputs import secret
from keyform.constructs.ontap import KeyServer, OntapKeyManager
from keyform.constructs.ontap_certificate import OntapCertificate
from keyform.constructs.providers import ontap_provider, vault_provider, vsp_provider
from keyform.constructs.state_backend import apply_state_backends
from keyform.constructs.synth import synth
from keyform.constructs.topology import Endpoint, Topology
from keyform.constructs.vault import VaultCluster, VaultDrReplication
from keyform.constructs.vsp import KmipServer, VspKmipServers

__all__ = [
    "Endpoint", "KeyServer", "KeyformConfigError", "KmipServer", "OntapCertificate", "OntapKeyManager", "Topology",
    "VaultCluster", "VaultDrReplication", "VspKmipServers", "apply_state_backends", "ontap_provider", "secret", "synth",
    "vault_provider", "vsp_provider",
]
