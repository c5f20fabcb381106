"""Where each appliance is: environment variables, read at synth.

Point the stacks at real systems by setting these (credentials are read by the provider
at run time from ``KEYFORM_<NAME>_PASSWORD`` / ``KEYFORM_<NAME>_TOKEN``, never synthesized).
An address left unset is refused, naming the variable: the embedded simulators' loopback
addresses (:data:`SIMULATORS`) are used only with ``KEYFORM_SIMULATORS=1``, which the main job
(``make run``) and the tests set. The primaries have defaults everywhere (:data:`DEFAULTS`); an ONTAP or VSP
username set in the environment is read by the provider when Terraform runs, not at synth (:func:`username`).
Every provider trusts the CA in ``KEYFORM_CA_CERT_FILE`` when it is set (:func:`ca_cert_file`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from constructs import Construct

from keyform.constructs import KeyformConfigError

OPT_IN = "KEYFORM_SIMULATORS"
"""``KEYFORM_SIMULATORS=1``: every address not set is the embedded simulators'
(``python -m keyform.simulators all``)."""

SIMULATORS = {
    "KEYFORM_ONTAP_BASE_URL": "https://127.0.0.1:8601/api",
    "KEYFORM_VSP_BASE_URL": "https://127.0.0.1:8602/mapi",
    "KEYFORM_VAULT_A_BASE_URL": "https://127.0.0.1:8603/v1",
    "KEYFORM_VAULT_B_BASE_URL": "https://127.0.0.1:8604/v1",
    "KEYFORM_SITE_ONTAP_BASE_URL": "https://127.0.0.1:8601/api",
    "KEYFORM_SITE_VSP_BASE_URL": "https://127.0.0.1:8605/mapi",
    "KEYFORM_SITE_VAULT_C_BASE_URL": "https://127.0.0.1:8606/v1",
    "KEYFORM_SITE_VAULT_D_BASE_URL": "https://127.0.0.1:8607/v1",
    "KEYFORM_KMIP_HOST": "127.0.0.1",
}

CA_CERT_FILE = "KEYFORM_CA_CERT_FILE"
"""The PEM file of the CA every provider trusts for the APIs' certificates (a private CA; the simulators'
run CA). Unset: with ``KEYFORM_SIMULATORS=1``, :data:`EMBEDDED_CA`; else each provider's
``KEYFORM_<NAME>_CA_CERT_FILE`` or the system's CAs."""

EMBEDDED_CA = Path(__file__).resolve().parents[1] / ".keyform" / "run" / "sim-state" / "ca.pem"
"""The CA of the embedded default as the main job runs it (``make run``: its state in ``.keyform/run``)."""

DEFAULTS = {
    "KEYFORM_ONTAP_USERNAME": "admin",
    "KEYFORM_VSP_USERNAME": "admin",
    "KEYFORM_SITE_ONTAP_USERNAME": "admin",
    "KEYFORM_SITE_VSP_USERNAME": "admin",
    "KEYFORM_VAULT_DR_PRIMARY": "vault-a",
    "KEYFORM_SITE_VAULT_DR_PRIMARY": "vault-c",
    "KEYFORM_VSP_PRIMARY": "kms-a",
    "KEYFORM_KMIP_PORT_1": "5696",
    "KEYFORM_KMIP_PORT_2": "5697",
    "KEYFORM_KMIP_PORT_3": "5698",
}

KMIP_PORTS = ("KEYFORM_KMIP_PORT_1", "KEYFORM_KMIP_PORT_2", "KEYFORM_KMIP_PORT_3")
"""The ports of the three KMIP servers at ``KEYFORM_KMIP_HOST`` the stacks use (5696-5698 by default; the
embedded simulators serve real KMIP there, ``python -m keyform.simulators all``)."""

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


def username(name: str, environ=os.environ) -> Optional[str]:
    """The ``username`` of a provider block, ``name`` its variable (``KEYFORM_ONTAP_USERNAME``): None when the
    variable is set, so the provider reads it when Terraform runs and a saved plan (made by a read-only user)
    is applied as whoever the deploy's variable names (set but empty: the provider refuses it at plan, naming
    it); unset, the default of :data:`DEFAULTS` (admin), written into the provider block."""
    return None if name in environ else DEFAULTS[name]


def kmip_servers(scope: Construct, environ=os.environ) -> list[tuple[str, int]]:
    """``(host, port)`` of the KMIP servers 1-3: ``KEYFORM_KMIP_HOST`` and :data:`KMIP_PORTS`."""
    host = setting(scope, "KEYFORM_KMIP_HOST", environ)
    servers = []
    for name in KMIP_PORTS:
        value = setting(scope, name, environ)
        if not value.isdigit() or not 1 <= int(value) <= 65535:
            raise KeyformConfigError(scope.node.path, name, f"'{value}' is not a port",
                                     "set it to the KMIP server's port, 1-65535 (KMIP's own is 5696)")
        servers.append((host, int(value)))
    return servers


def ca_cert_file(environ=os.environ) -> Optional[str]:
    """The CA file every provider of the stacks trusts (:data:`CA_CERT_FILE`); None: the providers' own."""
    if environ.get(CA_CERT_FILE):
        return environ[CA_CERT_FILE]
    return str(EMBEDDED_CA) if environ.get(OPT_IN) == "1" else None


def api_addr(base_url: str) -> str:
    """A Vault cluster's API address: its base URL without the ``/v1`` suffix."""
    return base_url[: -len("/v1")] if base_url.endswith("/v1") else base_url
