"""Where each appliance is: environment variables, read at synth.

Point the stacks at real systems by setting these (credentials are read by the provider
at run time from ``KEYFORM_<NAME>_PASSWORD`` / ``KEYFORM_<NAME>_TOKEN``, never synthesized).
An address left unset is refused, naming the variable: the embedded simulators' loopback
addresses (:data:`SIMULATORS`) are used only with ``KEYFORM_SIMULATORS=1``, which the main job
(``make run``) and the tests set. Usernames and the primaries have defaults everywhere (:data:`DEFAULTS`).
"""

from __future__ import annotations

import os

from constructs import Construct

from keyform.constructs import KeyformConfigError

OPT_IN = "KEYFORM_SIMULATORS"
"""``KEYFORM_SIMULATORS=1``: every address not set is the embedded simulators'
(``python -m keyform.simulators all``)."""

SIMULATORS = {
    "KEYFORM_ONTAP_BASE_URL": "http://127.0.0.1:8601/api",
    "KEYFORM_VSP_BASE_URL": "http://127.0.0.1:8602/mapi",
    "KEYFORM_VAULT_A_BASE_URL": "http://127.0.0.1:8603/v1",
    "KEYFORM_VAULT_B_BASE_URL": "http://127.0.0.1:8604/v1",
    "KEYFORM_SITE_ONTAP_BASE_URL": "http://127.0.0.1:8601/api",
    "KEYFORM_SITE_VSP_BASE_URL": "http://127.0.0.1:8605/mapi",
    "KEYFORM_SITE_VAULT_C_BASE_URL": "http://127.0.0.1:8606/v1",
    "KEYFORM_SITE_VAULT_D_BASE_URL": "http://127.0.0.1:8607/v1",
    "KEYFORM_KMIP_HOST": "127.0.0.1",
}

DEFAULTS = {
    "KEYFORM_ONTAP_USERNAME": "admin",
    "KEYFORM_VSP_USERNAME": "admin",
    "KEYFORM_SITE_ONTAP_USERNAME": "admin",
    "KEYFORM_SITE_VSP_USERNAME": "admin",
    "KEYFORM_VAULT_DR_PRIMARY": "vault-a",
    "KEYFORM_SITE_VAULT_DR_PRIMARY": "vault-c",
    "KEYFORM_VSP_PRIMARY": "kms-a",
}

_WHAT = {
    "ONTAP_BASE_URL": "the cluster's API base, e.g. https://cluster1.example.com/api",
    "VSP_BASE_URL": "the VSP One Object management API base, e.g. https://vsp.example.com/mapi",
    "BASE_URL": "the Vault cluster's API base, e.g. https://vault-a.example.com:8200/v1",
    "KMIP_HOST": "the host name or address of the KMIP servers, e.g. kms.example.com",
}


def setting(scope: Construct, name: str, environ=os.environ) -> str:
    """The value of ``name`` for the stack ``scope``; an address not set is refused at synth."""
    value = environ.get(name)
    if value:
        return value
    if name in DEFAULTS:
        return DEFAULTS[name]
    if environ.get(OPT_IN) == "1" and name in SIMULATORS:
        return SIMULATORS[name]
    what = next((text for suffix, text in _WHAT.items() if name.endswith(suffix)), "its value")
    raise KeyformConfigError(scope.node.path, name, "not set",
                             f"set it to {what}, or {OPT_IN}=1 to use the embedded simulators")


def api_addr(base_url: str) -> str:
    """A Vault cluster's API address: its base URL without the ``/v1`` suffix."""
    return base_url[: -len("/v1")] if base_url.endswith("/v1") else base_url
