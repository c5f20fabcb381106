"""HTTP client for REST appliances: session, auth, retries, CSRF, job polling, errors.

Nothing here imports Terraform types: the provider maps its configuration onto
:class:`ClientConfig` and turns :class:`ApiError` into diagnostics.
"""

from keyform.client.config import ClientConfig, CsrfConfig, OAuth2Config, PollingConfig
from keyform.client.errors import ApiError, ClientError, TransportError
from keyform.client.session import RestClient

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
