"""HTTP client for REST appliances: session, auth, retries, CSRF, job polling, errors.

Nothing here imports Terraform types: the provider maps its configuration onto
:class:`ClientConfig` and turns :class:`ApiError` into diagnostics.

:class:`RestClient` (and with it ``requests``, ~0.1 s of imports) loads on first use: the
provider processes Terraform starts for schema and validation only never send a request.
"""

from keyform.client.config import ClientConfig, CsrfConfig, OAuth2Config, PollingConfig
from keyform.client.errors import ApiError, ClientError, TransportError

__all__ = [
    "ApiError",
    "ClientConfig",
    "ClientError",
    "CsrfConfig",
    "OAuth2Config",
    "PollingConfig",
    "RestClient",
    "TransportError",
]


def __getattr__(name: str):
    if name == "RestClient":
        from keyform.client.session import RestClient

        return RestClient
    raise AttributeError(f"module 'keyform.client' has no attribute {name!r}")
