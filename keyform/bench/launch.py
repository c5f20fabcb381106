"""Provider launch: process start to go-plugin handshake line, and the provider's peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from keyform.provider.plugin_server import MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE


def launch_once() -> tuple[float, int]:
    """Seconds to the handshake line, and peak resident memory (KiB) of the provider process."""
    # As Terraform starts it: with a client certificate, so the provider sets up TLS (it does not
    # read the certificate, only its presence: go-plugin's automatic TLS is on).
    env = dict(os.environ, **{MAGIC_COOKIE_KEY: MAGIC_COOKIE_VALUE, "PLUGIN_PROTOCOL_VERSIONS": "6",
                              "PLUGIN_CLIENT_CERT": "terraform-client-certificate"})
    started = time.perf_counter()
    with subprocess.Popen([sys.executable, "-m", "keyform.provider"], stdout=subprocess.PIPE, env=env) as process:
        process.stdout.readline()
        elapsed = time.perf_counter() - started
        peak = _peak_kib(process.pid)
        process.terminate()
    return elapsed, peak


def _peak_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0
