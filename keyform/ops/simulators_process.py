"""Run the embedded simulators (``python -m keyform.simulators all``) as a child process, and stop it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional


ORPHANED_LINGER_SECONDS = 60
"""A runner left by a killed main job stops after this long without a request: the cdktf and Terraform the job
left (they outlive it, to save the state of what they apply) finish against it first, and its ports are free for
the next run. Longer than any pause of a deploy between two requests (a stack's ``terraform init``)."""


class SimulatorsFailed(RuntimeError):
    pass


class SimulatorsProcess:
    """``with SimulatorsProcess(run_dir) as endpoints:`` — endpoints as written by the runner."""

    def __init__(self, run_dir: Path, free_ports: bool = False, keep_state: bool = True, timeout: float = 30.0):
        self.run_dir = Path(run_dir)
        self.free_ports = free_ports
        self.keep_state = keep_state
        self.timeout = timeout
        self.process: Optional[subprocess.Popen] = None
        self.endpoints: dict = {}

    @property
    def log_path(self) -> Path:
        return self.run_dir / "simulators.log"

    def start(self) -> dict:
        self.run_dir.mkdir(parents=True, exist_ok=True)
        endpoints_file = self.run_dir / "endpoints.json"
        earlier = self.run_dir / "endpoints.earlier.json"
        if endpoints_file.exists():
            os.replace(endpoints_file, earlier)
        command = [sys.executable, "-m", "keyform.simulators", "all", "--endpoints-file", str(endpoints_file),
                   "--stop-when-orphaned", str(ORPHANED_LINGER_SECONDS)]
        if self.keep_state:
            command += ["--state-dir", str(self.run_dir / "sim-state")]
        if self.free_ports:
            command += ["--port", "0"]
            if self.keep_state and earlier.exists():
                command += ["--reuse-ports", str(earlier)]  # the kept state knows its peers by these ports
        log = open(self.log_path, "w", encoding="utf-8")
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        deadline = time.monotonic() + self.timeout
        while not endpoints_file.exists():
            if self.process.poll() is not None:
                raise SimulatorsFailed(f"the simulators exited ({self.process.returncode}): "
                                       + self.log_path.read_text(encoding="utf-8").strip()[-500:])
            if time.monotonic() > deadline:
                self.stop()
                raise SimulatorsFailed(f"the simulators did not start within {self.timeout:g} s; see {self.log_path}")
            time.sleep(0.1)
        self.endpoints = json.loads(endpoints_file.read_text(encoding="utf-8"))
        return self.endpoints

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def __enter__(self) -> dict:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def stack_environment(endpoints: dict) -> dict:
    """The environment the example stacks and their providers read, for these simulator endpoints."""
    env: dict[str, str] = {}

    def appliance(prefix: str, entry: dict) -> None:
        env[f"{prefix}BASE_URL"] = entry["url"]
        for key in ("username", "password", "token"):
            if entry.get(key):
                env[f"{prefix}{key.upper()}"] = entry[key]

    ca_cert_files = {entry["ca_cert_file"] for entry in endpoints.values() if entry.get("ca_cert_file")}
    if ca_cert_files:  # one run CA: every provider of the stacks trusts it (stacks/endpoints.py)
        env["KEYFORM_CA_CERT_FILE"] = ca_cert_files.pop()
    appliance("KEYFORM_ONTAP_", endpoints["ontap"])
    appliance("KEYFORM_SITE_ONTAP_", endpoints["ontap"])
    appliance("KEYFORM_VSP_", endpoints["vsp"])
    appliance("KEYFORM_SITE_VSP_", endpoints["site-vsp"])
    for name in ("vault-a", "vault-b"):
        appliance(f"KEYFORM_{name.upper().replace('-', '_')}_", endpoints[name])
    for name in ("vault-c", "vault-d"):
        appliance(f"KEYFORM_SITE_{name.upper().replace('-', '_')}_", endpoints[name])
    for entry in endpoints.values():  # the KMIP servers the stacks' key servers are (stacks/endpoints.py)
        if entry.get("system") == "kmip" and entry.get("port_setting"):
            env["KEYFORM_KMIP_HOST"] = entry["host"]
            env[entry["port_setting"]] = str(entry["port"])
    return env
