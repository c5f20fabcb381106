"""Kept-alive connections are not reused once they have been idle long enough for the server to close them.

A server closes an idle keep-alive connection on its own schedule (cheroot after 10 s, Apache httpd's default
after 5 s). A request written as the server closes is lost after it was sent, and a call that is not idempotent
cannot then be sent again: the apply stops on "no answer". urllib3 only checks that the server has not closed
the connection already, so this pool closes connections idle longer than :data:`MAX_IDLE_SECONDS` itself and the
next request opens a new one.
"""

from __future__ import annotations

import time
from typing import Any, Optional

from requests.adapters import HTTPAdapter
from urllib3 import connectionpool, poolmanager

MAX_IDLE_SECONDS = 2.0
"""Longest idle time after which a pooled connection is reused: well under the shortest common server timeout."""

_IDLE_SINCE = "keyform_idle_since"


class _ClosesLongIdle:
    """Mixed into urllib3's pools: stamps a connection when it goes back, closes it when it comes out stale."""

    def _get_conn(self, timeout: Optional[float] = None) -> Any:
        conn = super()._get_conn(timeout)  # type: ignore[misc]
        idle_since = getattr(conn, _IDLE_SINCE, None)
        if idle_since is not None and time.monotonic() - idle_since > MAX_IDLE_SECONDS:
            conn.close()  # as urllib3 does with a dropped one: the next request connects again
        return conn

    def _put_conn(self, conn: Any) -> None:
        if conn is not None:
            setattr(conn, _IDLE_SINCE, time.monotonic())
        super()._put_conn(conn)  # type: ignore[misc]


class HTTPPool(_ClosesLongIdle, connectionpool.HTTPConnectionPool):
    pass


class HTTPSPool(_ClosesLongIdle, connectionpool.HTTPSConnectionPool):
    pass


POOL_CLASSES = {"http": HTTPPool, "https": HTTPSPool}


class FreshConnectionsAdapter(HTTPAdapter):
    """requests' adapter, its direct and proxied pools closing connections idle longer than
    :data:`MAX_IDLE_SECONDS`."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = POOL_CLASSES

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if manager.pool_classes_by_scheme is poolmanager.pool_classes_by_scheme:  # not SOCKS: its own pools
            manager.pool_classes_by_scheme = POOL_CLASSES
        return manager
