"""What the end-to-end scenarios share: a cdktf project per scenario, the CLI runs, state and secret scans,
and HTTPS read-back of the simulators (``requests``, independent of keyform's own client, verifying the
simulators' certificates with the session's run CA; every scenario's providers trust it through
``E2E_CA_CERT_FILE``).

The environment for cdktf/Terraform is :func:`keyform.toolchain.environment` for the repository (what
``.keyform/env.sh`` sets: offline provider mirror via ``TF_CLI_CONFIG_FILE``, the venv's
``KEYFORM_PROVIDER_PYTHON``, the cdktf CLI from ``node_modules/.bin``), never taken from the caller's shell:
inherited ``KEYFORM_*``, ``TF_*`` (``TF_VAR_*`` too), ``CDKTF_*`` and ``E2E_*`` variables are dropped, so a
developer's settings cannot leak into a scenario.
"""

from __future__ import annotations

import json
import logging
import secrets
import shutil
import socket
import sys
from pathlib import Path
from typing import Iterable, Optional

import requests

from keyform import toolchain
from keyform.toolchain import Run
from keyform.simulators.kmip.server import start_kmip_server
from tests.conftest import CA_CERT_FILE, SESSION_CA

REPO = Path(__file__).resolve().parents[2]
CDKTF = toolchain.cdktf(REPO)
SCENARIO_APP = Path(__file__).with_name("scenario_app.py")
DEFAULT_PORTS = range(8601, 8608)  # the embedded default simulators; scenarios never use them
TIMEOUT = 300


def unique(prefix: str) -> str:
    """A secret made for this run only, so a scan for it means something."""
    return f"{prefix}-{secrets.token_urlsafe(18)}"


def check_setup() -> None:
    missing = toolchain.missing(REPO)
    if missing:
        raise AssertionError(f"the e2e scenarios need the project's set-up (make setup); missing: {', '.join(missing)}")


def tool_env() -> dict:
    """The environment cdktf, Terraform and the provider run with (cf. scripts/setup.sh → .keyform/env.sh)."""
    check_setup()
    return toolchain.environment(REPO, provider_python=toolchain.project_python(REPO), pythonpath=REPO,
                                 drop=(*toolchain.FOREIGN, "E2E_", "REQUESTS_CA_BUNDLE"))


def run_process(command: list, cwd: Path, env: dict, timeout: float = TIMEOUT) -> Run:
    """Run to completion in its own process group; on a time-out that group (and only it) is killed."""
    try:
        result = toolchain.run(command, cwd, env, timeout=timeout)
    except toolchain.TimedOut as exc:
        raise AssertionError(str(exc)) from None
    print(f"[e2e] {' '.join(map(str, command[1:3]))}: exit {result.returncode} in {result.seconds:.1f} s", flush=True)
    return result


def write_cdktf_json(folder: Path, bindings_here: bool = False) -> None:
    """The repository's ``cdktf.json``, its app run by this Python; ``bindings_here=False`` points
    ``codeMakerOutput`` at the repository's ``generated/`` (``cdktf synth`` checks that it exists)."""
    config = json.loads((REPO / "cdktf.json").read_text())
    config["app"] = f"{sys.executable} main.py"
    if not bindings_here:
        config["codeMakerOutput"] = str(REPO / config.get("codeMakerOutput", "generated"))
    (folder / "cdktf.json").write_text(json.dumps(config, indent=2))


class Project:
    """A scenario's own cdktf project: ``cdktf.json``, the scenario app as ``main.py``, ``params.json``.

    Every CLI output is kept in :attr:`outputs` for the secret scans.
    """

    def __init__(self, root: Path, env: dict):
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        write_cdktf_json(root)
        shutil.copyfile(SCENARIO_APP, root / "main.py")
        self.env = {**tool_env(), "E2E_CA_CERT_FILE": CA_CERT_FILE, **env}
        self.outputs: list[str] = []

    # ------------------------------------------------------------- parameters
    def declare(self, **stacks: dict) -> None:
        """Write ``params.json``: one entry per stack (``vault_dr=`` is the ``vault-dr`` stack)."""
        params = {name.replace("_", "-"): value for name, value in stacks.items()}
        (self.root / "params.json").write_text(json.dumps(params, indent=2))

    # ------------------------------------------------------------- the CLI
    def cdktf(self, *args: str, ok: Optional[bool] = True, timeout: float = TIMEOUT) -> Run:
        """``cdktf <args>``; ``ok=True`` asserts exit 0, ``ok=False`` asserts a failure, ``None`` checks nothing."""
        result = run_process([CDKTF, *args], self.root, self.env, timeout)
        self.outputs.append(result.output)
        if ok is True:
            assert result.returncode == 0, result.describe()
        elif ok is False:
            assert result.returncode != 0, f"expected a failure, but {result.describe()}"
        return result

    def deploy(self, *stacks: str, ok: Optional[bool] = True) -> Run:
        return self.cdktf("deploy", *stacks, "--auto-approve", "--skip-provider-lock", ok=ok)

    def diff(self, stack: str) -> Run:
        return self.cdktf("diff", stack, "--skip-provider-lock")

    def destroy(self, *stacks: str) -> Run:
        return self.cdktf("destroy", *stacks, "--auto-approve", "--skip-provider-lock")

    def synth(self, ok: Optional[bool] = True) -> Run:
        return self.cdktf("synth", ok=ok)

    def plan_text(self, stack: str) -> str:
        """What ``cdktf diff`` plans for ``stack`` (the whole output)."""
        return self.diff(stack).output

    def assert_no_changes(self, stack: str) -> None:
        result = self.diff(stack)
        assert "No changes" in result.output and "Plan:" not in result.output, \
            f"cdktf diff {stack} is not clean:\n{result.tail(120)}"

    # ------------------------------------------------------------- files
    def synthesized(self, stack: str) -> str:
        return (self.root / "cdktf.out" / "stacks" / stack / "cdk.tf.json").read_text()

    def state_path(self, stack: str) -> Path:
        return self.root / f"terraform.{stack}.tfstate"

    def state(self, stack: str) -> dict:
        return json.loads(self.state_path(stack).read_text())

    def resources(self, stack: str, type_: Optional[str] = None) -> dict:
        """``{construct path (or address): attributes}`` of the managed resources in the stack's state."""
        found = {}
        for resource in self.state(stack).get("resources", []):
            if resource.get("mode") != "managed" or (type_ and resource["type"] != type_):
                continue
            for instance in resource.get("instances", []):
                found[f"{resource['type']}.{resource['name']}"] = instance.get("attributes", {})
        return found

    def written_files(self) -> list[Path]:
        """Every file the project holds now but the provider binaries: states, backups, plans, synth output."""
        return [p for p in self.root.rglob("*")
                if p.is_file() and "providers" not in p.relative_to(self.root).parts]

    def assert_secrets_absent(self, secrets_: dict, extra: Iterable[tuple[str, str]] = ()) -> None:
        """None of ``secrets_`` (label → value) appears in any written file or any CLI output."""
        leaks = []
        texts = [(f"output of CLI run {i + 1}", o) for i, o in enumerate(self.outputs)] + list(extra)
        for path in self.written_files():
            texts.append((str(path.relative_to(self.root)), path.read_bytes().decode("utf-8", "replace")))
        for label, value in secrets_.items():
            assert value and len(value) >= 8, f"secret {label} is too short to scan for"
            leaks += [f"{label} in {where}" for where, text in texts if value in text]
        assert not leaks, "secrets leaked: " + "; ".join(leaks)


# ------------------------------------------------------------------ simulators over HTTPS
def verify(sim) -> str:
    """What a read-back verifies a simulator's certificate by: its run CA (every scenario runs over TLS)."""
    assert sim.url.startswith("https://") and sim.ca_cert_file, f"{sim.url}: the scenarios run over HTTPS"
    return sim.ca_cert_file


def assert_not_default_port(url: str) -> None:
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    assert port not in DEFAULT_PORTS, f"{url} uses a port of the embedded default simulators"


class Ontap:
    def __init__(self, sim):
        self.sim = sim
        self.base = sim.url + "/api"
        assert_not_default_port(sim.url)

    def call(self, method: str, path: str, body: Optional[dict] = None, expect: int = 200) -> dict:
        response = requests.request(method, self.base + path, json=body, timeout=10, verify=verify(self.sim),
                                    auth=(self.sim.settings.username, self.sim.settings.password))
        assert response.status_code == expect, f"{method} {path}: {response.status_code} {response.text}"
        return response.json() if response.content else {}

    def key_managers(self) -> list[dict]:
        return self.call("GET", "/security/key-managers?fields=*")["records"]

    def key_servers(self, manager_uuid: str) -> dict:
        """``{server: record}`` of a key manager's primary key servers."""
        records = self.call("GET", f"/security/key-managers/{manager_uuid}/key-servers?fields=*")["records"]
        return {r["server"]: r for r in records}

    def password_matches(self, manager_uuid: str, server: str, password: str) -> bool:
        """Whether the simulator holds ``password`` for the key server (it keeps only a salted hash)."""
        from keyform.simulators.ontap.store import secret_matches

        store = self.sim.app.config["ONTAP_STORE"]
        with store.lock:
            entry = next(e for e in store.key_manager(manager_uuid)["servers"] if e["server"] == server)
            return secret_matches(entry.get("password"), password)


class Vsp:
    """The VSP One Object management API: OAuth2 password grant, then the CSRF session."""

    def __init__(self, sim):
        self.sim = sim
        self.base = sim.url + "/mapi"
        assert_not_default_port(sim.url)

    def call(self, operation: str, body: Optional[dict] = None, expect: int = 200):
        with requests.Session() as session:
            session.verify = verify(self.sim)
            session.trust_env = False  # REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE would override session.verify
            token = session.post(f"{self.sim.url}/auth/realms/object/protocol/openid-connect/token", timeout=10,
                                 data={"grant_type": "password", "username": self.sim.settings.username,
                                       "password": self.sim.settings.password, "client_id": "vsp-object"})
            assert token.status_code == 200, token.text
            session.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
            session.get(f"{self.base}/v1/csrf", timeout=10).raise_for_status()
            session.headers["X-XSRF-TOKEN"] = session.cookies["XSRF-TOKEN"]
            response = session.post(f"{self.base}/v1/kmip/{operation}", json=body, timeout=10)
        assert response.status_code == expect, f"{operation}: {response.status_code} {response.text}"
        return response.json() if response.content else {}

    def servers(self) -> dict:
        return self.call("list_servers")["servers"]

    def primary(self) -> str:
        return next(name for name, s in self.servers().items() if s["isPrimary"])


DR_POLICY = """
# What keyform needs of a DR operation batch token (README: failover procedure)
path "sys/replication/dr/secondary/promote"        { capabilities = ["update"] }
path "sys/replication/dr/secondary/update-primary" { capabilities = ["update"] }
path "sys/replication/dr/secondary/disable"        { capabilities = ["update"] }
path "sys/replication/dr/secondary/merkle-check"   { capabilities = ["update"] }
"""


class Vault:
    """A cluster seen by a client with ``token``: its own root token, until a test says it holds the set's."""

    def __init__(self, sim):
        self.sim = sim
        self.base = sim.url + "/v1"
        self.token = sim.settings.token
        assert_not_default_port(sim.url)

    def call(self, method: str, path: str, body: Optional[dict] = None, expect: int = 200,
             token: Optional[str] = None) -> dict:
        response = requests.request(method, f"{self.base}{path}", json=body, timeout=10, verify=verify(self.sim),
                                    headers={"X-Vault-Token": token or self.token})
        assert response.status_code == expect, f"{method} {path}: {response.status_code} {response.text}"
        return response.json() if response.content else {}

    def status(self) -> dict:
        return self.call("GET", "/sys/replication/dr/status")["data"]

    def prepare_batch_token(self, ttl: str = "8h") -> str:
        """HashiCorp's recommended failover preparation, on the primary: a policy for the DR endpoints, a
        batch token role, and a DR operation batch token from it (valid on every member of the set)."""
        self.call("PUT", "/sys/policies/acl/dr-failover", {"policy": DR_POLICY}, expect=204)
        self.call("POST", "/auth/token/roles/dr-failover", {"allowed_policies": ["dr-failover"], "token_type": "batch",
                                                             "orphan": True, "renewable": False}, expect=204)
        return self.call("POST", "/auth/token/create/dr-failover", {"ttl": ttl})["auth"]["client_token"]

    def mount(self, path: str, kind: str = "kv") -> None:
        """Data of the cluster's own: a secrets engine."""
        self.call("POST", f"/sys/mounts/{path}", {"type": kind}, expect=204)


class KmipListener:
    """A real KMIP server (PyKMIP, mutual TLS) on a loopback port, its certificate from the session's run CA: the
    simulators trust it, so VSP's live probe shows the KMIP server there online (and ONTAP can add it)."""

    def __init__(self, port: int = 0):
        self.server = start_kmip_server(SESSION_CA, port=port)
        self.port = self.server.port

    def close(self) -> None:
        self.server.stop()


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return probe.getsockname()[1]


class RequestLog(logging.Handler):
    """Counts the requests a simulator serves (its app logs "METHOD path status" for each)."""

    def __init__(self, sim_name: str):
        super().__init__(logging.INFO)
        self.lines: list[str] = []
        self.logger = logging.getLogger(f"keyform.simulators.{sim_name}")

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())

    def __enter__(self) -> "RequestLog":
        self._level = self.logger.level
        self.logger.setLevel(logging.INFO)
        self.logger.addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        self.logger.removeHandler(self)
        self.logger.setLevel(self._level)
