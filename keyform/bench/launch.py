"""Provider launch: process start to go-plugin handshake line."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import time
from typing import Optional

from keyform.provider.plugin_server import MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE


@functools.lru_cache(maxsize=1)
def _client_certificate() -> str:
    """A certificate standing for the one go-plugin makes for Terraform's side (made once, not timed)."""
    from keyform.provider.tls import _generate

    return _generate()["cert_pem"]


def launch_once(extra_env: Optional[dict[str, str]] = None) -> float:
    """Seconds from starting the provider to its handshake line (``extra_env``: a warm provider's, to time a
    launch it serves). (Its memory is reported by the provider itself, see :mod:`keyform.provider.timings`.)"""
    # As Terraform starts it: with a client certificate, so the provider sets up mutual TLS.
    env = dict(os.environ, **{MAGIC_COOKIE_KEY: MAGIC_COOKIE_VALUE, "PLUGIN_PROTOCOL_VERSIONS": "6",
                              "PLUGIN_CLIENT_CERT": _client_certificate()}, **(extra_env or {}))
    started = time.perf_counter()
    with subprocess.Popen([sys.executable, "-m", "keyform.provider"], stdout=subprocess.PIPE, env=env) as process:
        process.stdout.readline()
        elapsed = time.perf_counter() - started
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()  # never hold the benchmark on one provider that did not stop
    return elapsed
