"""How keyform's HTTP client talks to each kind of appliance: its auth scheme, from an endpoint and a
credential. Used by the importer and the main job's read-back summary (the constructs configure the provider
with the same settings, from :mod:`keyform.appliances.vsp` and :mod:`keyform.appliances.vault`)."""

from __future__ import annotations

from typing import Any, Optional

from keyform.appliances import vault, vsp
from keyform.client import ClientConfig, CsrfConfig, OAuth2Config

KINDS = ("ontap", "vsp", "vault")


def client_config(kind: str, base_url: str, *, username: str = "", password: str = "", token: str = "",
                  retry_max: int = 1, ca_cert_file: Optional[str] = None, insecure: bool = False) -> ClientConfig:
    """ONTAP: HTTP basic. VSP One Object: an OAuth2 password grant, then a CSRF session. Vault: a token header."""
    tls: dict[str, Any] = dict(ca_cert_file=ca_cert_file, insecure=insecure, retry_max=retry_max)
    if kind == "ontap":
        return ClientConfig(base_url, username=username, password=password, **tls)
    if kind == "vsp":
        return ClientConfig(base_url, username=username, password=password,
                            oauth2=OAuth2Config(vsp.token_url(base_url), vsp.CLIENT_ID), csrf=CsrfConfig(vsp.CSRF),
                            **tls)
    if kind == "vault":
        return ClientConfig(base_url, token_header=vault.TOKEN_HEADER, token=token, **tls)
    raise ValueError(f"unknown appliance kind {kind!r}: one of {', '.join(KINDS)}")
