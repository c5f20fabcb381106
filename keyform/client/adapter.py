"""The transport adapter of a client's session: kept-alive connections that go stale are not reused
(:mod:`.keepalive`), and the TLS files a call names are looked up once per pool, not on every call.

requests checks before each call that the CA bundle (and client certificate) still exist, and works out
again whether the bundle is a file or a folder: three ``stat`` calls a call, each of which lets other threads
of the provider take the interpreter. A client's TLS settings never change, and a pool's connections are made
from the settings it was made with; so the answers are kept per pool (and per pool key). A file removed later
fails the next connection made, and then the error is requests' own, naming the file.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

import requests

from keyform.client.keepalive import FreshConnectionsAdapter

_CHECKED = "keyform_tls_checked"


class ClientAdapter(FreshConnectionsAdapter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pool_keys: dict[tuple[Any, ...], tuple[dict[str, Any], dict[str, Any]]] = {}

    def build_connection_pool_key_attributes(self, request: Any, verify: Any, cert: Any = None) -> Any:
        key = (*urlsplit(request.url)[:2], verify, cert)
        found = self._pool_keys.get(key)
        if found is None:
            found = self._pool_keys[key] = super().build_connection_pool_key_attributes(request, verify, cert)
        host_params, pool_kwargs = found
        return dict(host_params), dict(pool_kwargs)

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        checked = (url[:5].lower() == "https", verify, cert)
        if getattr(conn, _CHECKED, None) != checked:
            super().cert_verify(conn, url, verify, cert)
            setattr(conn, _CHECKED, checked)

    def send(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().send(request, *args, **kwargs)
        except requests.exceptions.ConnectionError:
            # A connection that could not be made: if a TLS file is gone, say which (requests' OSError).
            super().cert_verify(SimpleNamespace(), request.url, kwargs.get("verify", True), kwargs.get("cert"))
            raise
