"""One ``rest`` provider instance per appliance, configured for that appliance's API.

Credentials never enter the synthesized JSON: each instance reads its secrets from the
environment through its own ``env_prefix`` (``KEYFORM_ONTAP_PASSWORD``, ``KEYFORM_VAULT_A_TOKEN``),
so several clusters keep their secrets apart.
"""

from __future__ import annotations

from typing import Optional

from constructs import Construct

from generated.rest.provider import RestProvider
from keyform.appliances import vault, vsp


def _prefix(name: str) -> str:
    return "KEYFORM_" + "".join(c if c.isalnum() else "_" for c in name.upper()) + "_"


def ontap_provider(scope: Construct, name: str, base_url: str, username: str = "admin") -> RestProvider:
    """ONTAP: HTTP basic auth; password from ``KEYFORM_<NAME>_PASSWORD``."""
    return RestProvider(scope, f"provider_{name}", alias=name, base_url=base_url, username=username,
                        env_prefix=_prefix(name))


def vsp_provider(scope: Construct, name: str, base_url: str, username: str = "admin",
                 token_url: Optional[str] = None, client_id: str = vsp.CLIENT_ID) -> RestProvider:
    """VSP One Object: OAuth2 password grant for a bearer token, then the CSRF session
    (``GET /v1/csrf``, header ``X-XSRF-TOKEN``); password from ``KEYFORM_<NAME>_PASSWORD``."""
    return RestProvider(scope, f"provider_{name}", alias=name, base_url=base_url, username=username,
                        oauth2_token_url=token_url or vsp.token_url(base_url), oauth2_client_id=client_id,
                        csrf_path=vsp.CSRF, csrf_cookie=vsp.CSRF_COOKIE, csrf_header=vsp.CSRF_HEADER,
                        env_prefix=_prefix(name))


def vault_provider(scope: Construct, name: str, base_url: str) -> RestProvider:
    """Vault: ``X-Vault-Token`` from ``KEYFORM_<NAME>_TOKEN``."""
    return RestProvider(scope, f"provider_{name}", alias=name, base_url=base_url, token_header=vault.TOKEN_HEADER,
                        env_prefix=_prefix(name))
