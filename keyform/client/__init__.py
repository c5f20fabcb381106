"""HTTP client for REST appliances: session, auth, retries, CSRF, job polling, errors.

Nothing here imports Terraform types: the provider maps its configuration onto
:class:`ClientConfig` and turns :class:`ApiError` into diagnostics.

:class:`RestClient` (and with it ``requests``, ~0.1 s of imports) loads on first use: the
provider processes Terraform starts for schema and validation only never send a request.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from keyform.client.config import ClientConfig, CsrfConfig, OAuth2Config, PollingConfig
from keyform.client.errors import (AnswerLost, ApiError, ClientError, JobFailed, JobOutcomeUnknown, NotSent,
                                   TransportError, UnsafePath, may_have_committed)

if TYPE_CHECKING:
    from keyform.client.session import RestClient

__all__ = [
    "AnswerLost",
    "ApiError",
    "ClientConfig",
    "ClientError",
    "CsrfConfig",
    "JobFailed",
    "JobOutcomeUnknown",
    "NotSent",
    "OAuth2Config",
    "PollingConfig",
    "RestClient",
    "TransportError",
    "UnsafePath",
    "may_have_committed",
]


def __getattr__(name: str) -> type[RestClient]:
    if name == "RestClient":
        from keyform.client.session import RestClient

        return RestClient
    raise AttributeError(f"module 'keyform.client' has no attribute {name!r}")
