"""Map the provider's effective settings onto a :class:`keyform.client.ClientConfig`."""

from __future__ import annotations

import os
from typing import Optional

from tf.utils import Diagnostics

from keyform.client import ClientConfig, CsrfConfig, OAuth2Config, RestClient


def build_client(diags: Diagnostics, s: dict) -> Optional[RestClient]:
    base_url = s.get("base_url")
    if not base_url:
        diags.add_error(
            "base_url is not set",
            "Set base_url in the provider block, or the environment variable <env_prefix>BASE_URL "
            "(KEYFORM_REST_BASE_URL by default).",
            path=["base_url"],
        )
        return None
    if not base_url.startswith(("http://", "https://")):
        diags.add_error("base_url must start with http:// or https://", f"Got '{base_url}'.", path=["base_url"])
        return None
    for key in ("ca_cert_file", "client_cert_file", "client_key_file"):
        if s.get(key) and not os.path.isfile(s[key]):
            diags.add_error(f"{key} does not exist", f"No file at '{s[key]}'.", path=[key])
    if s.get("oauth2_token_url") and not (s.get("username") and s.get("password")):
        diags.add_error(
            "oauth2_token_url needs username and password",
            "The OAuth2 password grant sends username and password; set both (or their environment variables).",
            path=["oauth2_token_url"],
        )
    if diags.has_errors():
        return None
    config = ClientConfig(
        base_url=base_url,
        headers=dict(s.get("headers") or {}),
        username=s.get("username"),
        password=s.get("password"),
        bearer_token=s.get("bearer_token"),
        token_header=s.get("token_header"),
        token=s.get("token"),
        csrf=CsrfConfig(
            path=s["csrf_path"],
            cookie=s.get("csrf_cookie") or "XSRF-TOKEN",
            header=s.get("csrf_header") or "X-XSRF-TOKEN",
        ) if s.get("csrf_path") else None,
        oauth2=OAuth2Config(s["oauth2_token_url"], s.get("oauth2_client_id") or "") if s.get("oauth2_token_url") else None,
        insecure=bool(s.get("insecure")),
        ca_cert_file=s.get("ca_cert_file"),
        client_cert_file=s.get("client_cert_file"),
        client_key_file=s.get("client_key_file"),
        timeout_seconds=float(s.get("timeout_seconds") or 30),
        retry_max=int(s["retry_max"]) if s.get("retry_max") is not None else 4,
        retry_backoff_seconds=float(s["retry_backoff_seconds"]) if s.get("retry_backoff_seconds") is not None else 0.5,
        rate_limit_per_second=float(s.get("rate_limit_per_second") or 0),
    )
    return RestClient(config)
