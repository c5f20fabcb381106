"""Fixtures shared by the simulator tests, found by name: the ONTAP ones of test_ontap (a module-scoped server,
a session on it) and the Vault ones of test_vault_support (fresh Vault simulators)."""

from tests.simulators.test_ontap import api, kmip, shared_server  # noqa: F401 - fixtures, used by name
from tests.simulators.test_vault_support import vaults  # noqa: F401 - a fixture, used by name
