"""One ``rest`` provider instance per appliance, configured for that appliance's API.

Credentials never enter the synthesized JSON: each instance reads its secrets from the
environment through its own ``env_prefix`` (``KEYFORM_ONTAP_PASSWORD``, ``KEYFORM_VAULT_A_TOKEN``),
so several clusters keep their secrets apart. ``ca_cert_file`` (optional) is the PEM file of the CA the API's
certificate chains to, when it is not one the system trusts (a private CA, the simulators' run CA); unset, the
provider reads ``KEYFORM_<NAME>_CA_CERT_FILE``.
"""

from __future__ import annotations

from typing import Any, Optional

from constructs import Construct

from keyform import __version__
from keyform.appliances import ontap, vault, vsp
from keyform.cdk import RestProvider, TerraformStack


def _provider(scope: Construct, name: str, base_url: str, ca_cert_file: Optional[str] = None,
              **settings: Any) -> RestProvider:
    """One ``rest`` provider instance, requiring the provider of this keyform's version (the bindings were
    generated from some version; the one Terraform must run is the one installed with this package)."""
    TerraformStack.of(scope).add_override("terraform.required_providers.rest.version", __version__)
    if ca_cert_file:
        settings["ca_cert_file"] = ca_cert_file
    return RestProvider(scope, f"provider_{name}", alias=name, base_url=base_url, env_prefix=_prefix(name), **settings)


def _prefix(name: str) -> str:
    return "KEYFORM_" + "".join(c if c.isalnum() else "_" for c in name.upper()) + "_"


def ontap_provider(scope: Construct, name: str, base_url: str, username: Optional[str] = "admin",
                   ca_cert_file: Optional[str] = None) -> RestProvider:
    """ONTAP: HTTP basic auth; password from ``KEYFORM_<NAME>_PASSWORD``; a refresh reads each collection once
    (``fields=*``: its records carry what each object's GET does). ``username=None`` leaves the user out
    of the synthesized JSON and the saved plan: the provider reads ``KEYFORM_<NAME>_USERNAME`` whenever Terraform
    runs, so a plan and the apply of that plan can each run as their own user (a read-only one for the plan)."""
    return _provider(scope, name, base_url, ca_cert_file, **_user(username),
                     collection_query=ontap.COLLECTION_QUERY)


def vsp_provider(scope: Construct, name: str, base_url: str, username: Optional[str] = "admin",
                 token_url: Optional[str] = None, client_id: str = vsp.CLIENT_ID,
                 ca_cert_file: Optional[str] = None) -> RestProvider:
    """VSP One Object: OAuth2 password grant for a bearer token, then the CSRF session
    (``GET /v1/csrf``, header ``X-XSRF-TOKEN``); password from ``KEYFORM_<NAME>_PASSWORD``. ``username=None``:
    the user from ``KEYFORM_<NAME>_USERNAME`` when Terraform runs, as for :func:`ontap_provider`."""
    return _provider(scope, name, base_url, ca_cert_file, **_user(username),
                     oauth2_token_url=token_url or vsp.token_url(base_url), oauth2_client_id=client_id,
                     csrf_path=vsp.CSRF, csrf_cookie=vsp.CSRF_COOKIE, csrf_header=vsp.CSRF_HEADER)


def _user(username: Optional[str]) -> dict[str, str]:
    """The provider block's ``username``: none for None (the provider then reads ``<env_prefix>USERNAME``)."""
    return {} if username is None else {"username": username}


def vault_provider(scope: Construct, name: str, base_url: str, ca_cert_file: Optional[str] = None) -> RestProvider:
    """Vault: ``X-Vault-Token`` from ``KEYFORM_<NAME>_TOKEN``."""
    return _provider(scope, name, base_url, ca_cert_file, token_header=vault.TOKEN_HEADER)
