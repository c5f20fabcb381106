"""Where each appliance is: environment variables, defaulting to the embedded simulators.

Point the stacks at real systems by setting these (credentials are read by the provider
at run time from ``KEYFORM_<NAME>_PASSWORD`` / ``KEYFORM_<NAME>_TOKEN``, never synthesized).
"""

from __future__ import annotations

import os

DEFAULTS = {
    "KEYFORM_ONTAP_BASE_URL": "http://127.0.0.1:8601/api",
    "KEYFORM_VSP_BASE_URL": "http://127.0.0.1:8602/mapi",
    "KEYFORM_VAULT_A_BASE_URL": "http://127.0.0.1:8603/v1",
    "KEYFORM_VAULT_B_BASE_URL": "http://127.0.0.1:8604/v1",
    "KEYFORM_SITE_ONTAP_BASE_URL": "http://127.0.0.1:8601/api",
    "KEYFORM_SITE_VSP_BASE_URL": "http://127.0.0.1:8605/mapi",
    "KEYFORM_SITE_VAULT_C_BASE_URL": "http://127.0.0.1:8606/v1",
    "KEYFORM_SITE_VAULT_D_BASE_URL": "http://127.0.0.1:8607/v1",
    "KEYFORM_ONTAP_USERNAME": "admin",
    "KEYFORM_VSP_USERNAME": "admin",
    "KEYFORM_SITE_ONTAP_USERNAME": "admin",
    "KEYFORM_SITE_VSP_USERNAME": "admin",
    "KEYFORM_VAULT_DR_PRIMARY": "vault-a",
    "KEYFORM_SITE_VAULT_DR_PRIMARY": "vault-c",
    "KEYFORM_VSP_PRIMARY": "kms-a",
    "KEYFORM_KMIP_HOST": "127.0.0.1",
}


def setting(name: str) -> str:
    return os.environ.get(name) or DEFAULTS[name]


def api_addr(base_url: str) -> str:
    """A Vault cluster's API address: its base URL without the ``/v1`` suffix."""
    return base_url[: -len("/v1")] if base_url.endswith("/v1") else base_url
