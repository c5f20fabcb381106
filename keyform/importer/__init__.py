"""``python -m keyform import``: read live appliances and write the code that declares what they hold.

:mod:`.cli` parses ``KIND=NAME`` pairs and finds each appliance's endpoint and credentials in the
environment (:mod:`.connect`); :mod:`.read_ontap`, :mod:`.read_vsp` and :mod:`.read_vault` read them with
keyform's HTTP client into the typed inventory of :mod:`.model` (which holds no secret); :mod:`.render`
turns the inventory into one module — a ``TerraformStack`` of keyform's constructs, each with
``adopt=True`` — laid out by :mod:`.source`; :mod:`.check` builds it once before :mod:`.app` writes it.
"""

from keyform.importer.errors import ImportFailed, UsageError
from keyform.importer.model import (Inventory, KeyManagerEntry, KeyServerEntry, OntapCluster, VaultMember, VaultSet,
                                    VspServer, VspSystem)

__all__ = ["ImportFailed", "Inventory", "KeyManagerEntry", "KeyServerEntry", "OntapCluster", "UsageError",
           "VaultMember", "VaultSet", "VspServer", "VspSystem"]
