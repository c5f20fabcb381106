"""Fixtures for the provider tests: a recording test API on loopback and real terraform runs.

``api`` is an in-process HTTP API (werkzeug, one thread per request) that records every
request and offers the behaviours the provider must cope with as knobs:

- a generic object collection under ``/api/<collection>``: POST creates (server-made
  ``uuid``, server-added field ``server_added``), GET/PATCH/PUT/DELETE by uuid or name, 404
  when missing, GET on the collection lists ``{"records": [...]}``;
- RPC-style POST-only calls: ``/api/rpc/create``, ``/api/rpc/get {name}``, ``/api/rpc/delete {name}``;
- one-shot operations ``/api/ops/<name>`` answering ``op_responses[name]``, and a
  condition document at ``GET /api/status``;
- ``async_jobs = "success" | "failure"``: writes answer 202 with an ONTAP job link, the job is
  ``running`` for ``job_running_polls`` polls, then ends with ``job_message``;
- ``fail_next = n``: the next n requests answer 503 with ``Retry-After: retry_after``;
- ``csrf = True``: ``GET /api/csrf`` sets cookie ``XSRF-TOKEN``, writes need header ``X-XSRF-TOKEN``;
  ``expire_csrf()`` makes the current token stale (403) until a new one is fetched;
- ``require_token = (header, value)`` and ``require_basic = (user, password)``: 401 otherwise;
- ``fail_with[(method, path)] = (status, body or callable(json) -> body)``: a canned error.

``terraform`` gives a :class:`Terraform` per working directory: it writes ``main.tf`` and
runs the real binary (``init`` once, through :mod:`keyform.toolchain` as everything else runs it) with
the provider installed into a private filesystem mirror by :mod:`keyform.provider.install`'s own functions.
"""

from __future__ import annotations

import base64
import itertools
import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

import pytest
from werkzeug.wrappers import Request, Response

from keyform import toolchain
from keyform.provider.install import cli_config, install_into
from keyform.simulators.common import Settings, serve
from tests.conftest import CA_CERT_FILE

SOURCE = "keyform.local/keyform/rest"
TERRAFORM = toolchain.terraform()


# --------------------------------------------------------------------------- test API
@dataclass
class Recorded:
    method: str
    path: str
    query: dict
    json: Any
    headers: dict
    at: float
    raw_body: str = ""
    status: int = 0
    raw_uri: str = ""  # the request target as sent, percent-encoding included

    def header(self, name: str) -> Optional[str]:
        for key, value in self.headers.items():
            if key.lower() == name.lower():
                return value
        return None


class RawBody(str):
    """A response body sent as is (not JSON-encoded by the test API)."""


def _json_response(body: Any, status: int = 200, headers: Optional[dict] = None) -> Response:
    text = body if isinstance(body, RawBody) else "" if body is None else json.dumps(body)
    return Response(text, status=status, headers=headers or {}, content_type="application/json")


def _not_found(what: str) -> Response:
    return _json_response({"error": {"code": "4", "message": f"entry doesn't exist: {what}"}}, 404)


@dataclass
class ApiServer:
    """The test API; see the module docstring for its knobs."""

    name: str = "api"
    url: str = ""
    requests: list = field(default_factory=list)
    collections: dict = field(default_factory=dict)
    rpc_objects: dict = field(default_factory=dict)
    op_responses: dict = field(default_factory=dict)
    status: dict = field(default_factory=dict)
    server_added: dict = field(default_factory=lambda: {"server_added": "by-server"})
    create_answers_records: bool = False  # POST answers {"num_records": 1, "records": [obj]}, as ONTAP's return_records
    async_jobs: Optional[str] = None
    job_running_polls: int = 2
    job_message: str = "Job failed: the key server 10.0.0.9 is unreachable"
    jobs: dict = field(default_factory=dict)
    fail_next: int = 0
    retry_after: int = 1
    csrf: bool = False
    require_token: Optional[tuple] = None
    require_basic: Optional[tuple] = None
    fail_with: dict = field(default_factory=dict)

    def __post_init__(self):
        self._lock = threading.Lock()
        self._csrf_token: Optional[str] = None
        self._csrf_counter = itertools.count(1)
        self._csrf_expire_pending = False

    # ---------------------------------------------------------------- helpers
    @property
    def base_url(self) -> str:
        return self.url + "/api"

    def calls(self, method: Optional[str] = None, path: Optional[str] = None, prefix: Optional[str] = None) -> list:
        """Recorded requests, optionally only those of ``method`` and ``path`` (or under ``prefix``)."""
        return [
            r for r in list(self.requests)
            if (method is None or r.method == method)
            and (path is None or r.path == path)
            and (prefix is None or r.path.startswith(prefix))
        ]

    def clear(self) -> None:
        self.requests.clear()

    def collection(self, name: str) -> dict:
        return self.collections.setdefault(name, {})

    def expire_csrf(self) -> None:
        """The CSRF token in use goes stale when the next write arrives with it (403 for it from then on,
        until a new token is fetched), as a session times out between two calls of one run."""
        with self._lock:
            self._csrf_expire_pending = True

    # ---------------------------------------------------------------- serving
    def __call__(self, environ, start_response):
        request = Request(environ)
        raw = request.get_data(as_text=True)
        try:
            payload = json.loads(raw) if raw else None
        except ValueError:
            payload = raw
        recorded = Recorded(request.method, request.path, dict(request.args), payload,
                            dict(request.headers), time.monotonic(), raw, raw_uri=environ.get("REQUEST_URI", ""))
        self.requests.append(recorded)
        response = self._handle(request, payload)
        recorded.status = response.status_code
        return response(environ, start_response)

    def _handle(self, request: Request, payload: Any) -> Response:
        method, path = request.method, request.path
        if self.require_token:
            header, value = self.require_token
            if request.headers.get(header) != value:
                return _json_response({"errors": ["permission denied"]}, 403 if request.headers.get(header) else 401)
        if self.require_basic:
            auth = request.authorization
            if not auth or (auth.username, auth.password) != tuple(self.require_basic):
                return _json_response({"error": {"code": "6691623", "message": "User is not authorized."}}, 401,
                                      {"WWW-Authenticate": 'Basic realm="test"'})
        with self._lock:
            if self.fail_next > 0:
                self.fail_next -= 1
                return _json_response({"message": "Service unavailable."}, 503, {"Retry-After": str(self.retry_after)})
        if path == "/api/csrf" and method == "GET":
            with self._lock:
                self._csrf_token = f"csrf-{next(self._csrf_counter)}-{uuid.uuid4().hex[:8]}"
                token = self._csrf_token
            response = _json_response({"ok": True})
            response.set_cookie("XSRF-TOKEN", token, path="/")
            return response
        if self.csrf and method != "GET":
            sent = request.headers.get("X-XSRF-TOKEN")
            with self._lock:
                if self._csrf_expire_pending and sent and sent == self._csrf_token:
                    self._csrf_expire_pending = False
                    self._csrf_token = None
            if not sent or sent != self._csrf_token:
                return _json_response({"message": "Invalid CSRF token. GET /api/csrf for a new one."}, 403)
        canned = self.fail_with.get((method, path))
        if canned:
            status, body = canned
            return _json_response(body(payload) if callable(body) else body, status)

        parts = [p for p in path.split("/") if p]
        if not parts or parts[0] != "api":
            return _not_found(path)
        parts = parts[1:]
        if parts[:2] == ["cluster", "jobs"] and len(parts) == 3 and method == "GET":
            return self._job(parts[2])
        if parts[:1] == ["rpc"] and len(parts) == 2 and method == "POST":
            return self._rpc(parts[1], payload or {})
        if parts[:1] == ["ops"] and len(parts) == 2:
            return _json_response(self.op_responses.get(parts[1], {"ok": True}), 200)
        if parts == ["status"] and method == "GET":
            return _json_response(self.status)
        if len(parts) == 1:
            return self._collection(parts[0], method, payload)
        if len(parts) == 2:
            return self._item(parts[0], parts[1], method, payload)
        return _not_found(path)

    def _find(self, collection: str, key: str) -> Optional[str]:
        items = self.collection(collection)
        if key in items:
            return key
        for uid, obj in items.items():
            if obj.get("name") == key:
                return uid
        return None

    def _collection(self, name: str, method: str, payload: Any) -> Response:
        items = self.collection(name)
        if method == "GET":
            records = list(items.values())
            return _json_response({"records": records, "num_records": len(records)})
        if method == "POST":
            uid = str(uuid.uuid4())
            obj = {**(payload or {}), "uuid": uid, **self.server_added}
            if self.async_jobs:
                return self._start_job(lambda: items.__setitem__(uid, obj))
            items[uid] = obj
            return _json_response({"num_records": 1, "records": [obj]} if self.create_answers_records else obj, 201)
        return _json_response({"message": f"{method} not allowed"}, 405)

    def _item(self, name: str, key: str, method: str, payload: Any) -> Response:
        items = self.collection(name)
        uid = self._find(name, key)
        if uid is None:
            return _not_found(f"/{name}/{key}")
        if method == "GET":
            return _json_response(items[uid])
        if method in ("PATCH", "PUT"):
            def change():
                if method == "PUT":
                    items[uid] = {"uuid": uid, **self.server_added}
                items[uid].update(payload or {})
            if self.async_jobs:
                return self._start_job(change)
            change()
            return _json_response({}, 200)
        if method == "DELETE":
            if self.async_jobs:
                return self._start_job(lambda: items.pop(uid, None))
            items.pop(uid, None)
            return _json_response({}, 200)
        return _json_response({"message": f"{method} not allowed"}, 405)

    def _start_job(self, effect: Callable[[], None]) -> Response:
        job_id = str(uuid.uuid4())
        self.jobs[job_id] = {"polls_left": self.job_running_polls, "outcome": self.async_jobs, "effect": effect}
        return _json_response({"job": {"uuid": job_id, "_links": {"self": {"href": f"/api/cluster/jobs/{job_id}"}}}},
                              202)

    def _job(self, job_id: str) -> Response:
        job = self.jobs.get(job_id)
        if job is None:
            return _not_found(f"job {job_id}")
        with self._lock:
            if job["polls_left"] > 0:
                job["polls_left"] -= 1
                return _json_response({"uuid": job_id, "state": "running", "message": "in progress"})
            if job["outcome"] == "success" and job.get("effect"):
                job.pop("effect")()
        if job["outcome"] == "success":
            return _json_response({"uuid": job_id, "state": "success", "message": "Job complete"})
        return _json_response({"uuid": job_id, "state": "failure", "message": self.job_message, "code": 65536214})

    def _rpc(self, action: str, payload: dict) -> Response:
        name = payload.get("name")
        if action == "create":
            self.rpc_objects[name] = {**payload, "created_by": "rpc"}
            return _json_response({"result": "ok"}, 200)
        if action == "get":
            if name not in self.rpc_objects:
                return _not_found(f"rpc object {name}")
            return _json_response(self.rpc_objects[name])
        if action == "delete":
            self.rpc_objects.pop(name, None)
            return _json_response({"result": "deleted"})
        return _not_found(f"rpc {action}")


@pytest.fixture
def make_api():
    """Start a test API on 127.0.0.1 (a free port); every one started is stopped at test end."""
    running = []

    def start(name: str = "api") -> ApiServer:
        api = ApiServer(name=name)
        # the simulators' server, on a free port; plain HTTP (the simulators' HTTPS is tested with them)
        server = serve(lambda settings: api, Settings(name=name, tls=False))
        api.url = server.url
        running.append(server)
        return api

    yield start
    for server in running:
        server.stop()


@pytest.fixture
def api(make_api) -> ApiServer:
    return make_api()


# --------------------------------------------------------------------------- terraform
TERRAFORM_BLOCK = f"""terraform {{
  required_providers {{
    rest = {{ source = "{SOURCE}" }}
  }}
}}
"""


def hcl(value: Any) -> str:
    """A Python value as an HCL expression (strings as JSON strings, maps as objects)."""
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {hcl(v)}" for k, v in value.items()) + " }"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(hcl(v) for v in value) + "]"
    return json.dumps(value)


def provider_block(base_url: str, alias: Optional[str] = None, **settings) -> str:
    """A ``provider "rest"`` block; retries kept quick unless a test sets them."""
    settings.setdefault("retry_backoff_seconds", 0.05)
    lines = ['provider "rest" {', f"  base_url = {hcl(base_url)}"]
    if alias:
        lines.append(f"  alias = {hcl(alias)}")
    lines += [f"  {key} = {value if isinstance(value, RawHcl) else hcl(value)}" for key, value in settings.items()]
    return "\n".join(lines) + "\n}\n"


class RawHcl(str):
    """An HCL expression written as is (``var.x``, ``jsonencode({...})``)."""


def config(base_url: str, body: str, **provider_settings) -> str:
    return TERRAFORM_BLOCK + provider_block(base_url, **provider_settings) + body


@dataclass
class Run:
    args: tuple
    returncode: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def __str__(self) -> str:
        return f"terraform {' '.join(self.args)} -> {self.returncode}\n{self.output}"


class TerraformError(AssertionError):
    pass


class Terraform:
    """The real terraform binary in one working directory (``init`` once, on first use)."""

    def __init__(self, workdir: Path, env: dict):
        self.dir = workdir
        self.dir.mkdir(parents=True, exist_ok=True)
        self.env = dict(env)
        self.runs: list[Run] = []
        self._initialised = False

    def enable_trace_log(self, path: Path) -> None:
        self.env.update(TF_LOG="trace", TF_LOG_PATH=str(path))

    def write(self, text: str, name: str = "main.tf") -> None:
        (self.dir / name).write_text(text)

    def run(self, *args: str, check: bool = True, env: Optional[dict] = None) -> Run:
        done = toolchain.run([toolchain.terraform(), *args], self.dir, {**self.env, **(env or {})}, timeout=180,
                             separate_stderr=True)
        run = Run(args, done.returncode, done.output, done.errors, done.seconds)
        self.runs.append(run)
        if check and run.returncode != 0:
            raise TerraformError(str(run))
        return run

    def init(self) -> Run:
        run = self.run("init", "-no-color", "-input=false")
        self._initialised = True
        return run

    def _ensure_init(self) -> None:
        if not self._initialised:
            self.init()

    def plan(self, *extra: str, check: bool = True, env: Optional[dict] = None) -> Run:
        self._ensure_init()
        return self.run("plan", "-no-color", "-input=false", *extra, check=check, env=env)

    def apply(self, *extra: str, check: bool = True, env: Optional[dict] = None) -> Run:
        self._ensure_init()
        return self.run("apply", "-no-color", "-input=false", "-auto-approve", *extra, check=check, env=env)

    def destroy(self, *extra: str, check: bool = True, env: Optional[dict] = None) -> Run:
        self._ensure_init()
        return self.run("destroy", "-no-color", "-input=false", "-auto-approve", *extra, check=check, env=env)

    def validate(self, check: bool = True) -> Run:
        self._ensure_init()
        return self.run("validate", "-no-color", check=check)

    def import_(self, address: str, import_id: str, *extra: str, check: bool = True, env: Optional[dict] = None) -> Run:
        self._ensure_init()
        return self.run("import", "-no-color", "-input=false", *extra, address, import_id, check=check, env=env)

    def show_json(self) -> dict:
        self._ensure_init()
        return json.loads(self.run("show", "-json", "-no-color").stdout)

    def resource(self, address: str) -> dict:
        """The ``values`` of one resource (or ``data.`` source) in ``terraform show -json``."""
        state = self.show_json()
        module = (state.get("values") or {}).get("root_module") or {}
        for resource in module.get("resources", []):
            if resource["address"] == address:
                return resource["values"]
        raise AssertionError(f"{address} is not in the state: {json.dumps(state)[:2000]}")

    def state_text(self) -> str:
        path = self.dir / "terraform.tfstate"
        return path.read_text() if path.exists() else ""

    def remove_state(self) -> None:
        for name in ("terraform.tfstate", "terraform.tfstate.backup"):
            (self.dir / name).unlink(missing_ok=True)

    def all_output(self, *commands: str) -> str:
        """The output of every run so far (only of ``commands``, e.g. "plan", "apply", when given)."""
        return "\n".join(run.output for run in self.runs if not commands or run.args[0] in commands)


@pytest.fixture(scope="session")
def provider_mirror(tmp_path_factory) -> Path:
    """The provider installed into a private filesystem mirror, and a CLI config naming it."""
    root = tmp_path_factory.mktemp("provider-mirror")
    install_into(root / "plugins")
    (root / "terraformrc").write_text(cli_config(root / "plugins"))
    return root


def terraform_env(mirror_root: Path, tmpdir: Path) -> dict:
    """The toolchain's environment with the private mirror's CLI config, nothing of the caller's TF_ and
    KEYFORM_ settings, and ``tmpdir`` as $TMPDIR; a provider without an ``env_prefix`` trusts the session's
    run CA (``KEYFORM_REST_CA_CERT_FILE``), so a simulator's HTTPS is verified."""
    return toolchain.environment(config=mirror_root / "terraformrc", drop=("TF_", "KEYFORM_", "CHECKPOINT"),
                                 TF_IN_AUTOMATION="1", TMPDIR=str(tmpdir), KEYFORM_REST_CA_CERT_FILE=CA_CERT_FILE)


@pytest.fixture
def terraform(tmp_path, provider_mirror):
    """``terraform("name")``: a :class:`Terraform` in its own working directory under tmp_path.

    Every run shares ``tmp_path/tmp`` as $TMPDIR, so a test can check what the provider leaves there.
    """
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    made: dict[str, Terraform] = {}

    def make(name: str = "main") -> Terraform:
        if name not in made:
            made[name] = Terraform(tmp_path / name, terraform_env(provider_mirror, tmpdir))
        return made[name]

    make.tmpdir = tmpdir
    return make


def basic_auth(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def read_of_a_broken_resource():
    """The servicer's answer to ReadResource of a resource whose read raises what nothing foresaw (a bug), with
    a secret in the exception that the provider's redaction must mask (as ``***``)."""
    from tf.gen import tfplugin_pb2 as pb
    from tf.utils import to_dynamic_value

    from keyform.provider.servicer import Servicer

    class Broken:
        def __init__(self, provider):
            pass

        def read(self, diags, current):
            raise RuntimeError("unforeseen, with s3cr3t-value inside")

    class App:
        def get_model_prefix(self):
            return "rest_"

        def get_resources(self):
            return [type("B", (Broken,), {"get_name": classmethod(lambda cls: "broken")})]

        def redact(self, text):
            return text.replace("s3cr3t-value", "***")

    return Servicer(App).ReadResource(
        pb.ReadResource.Request(type_name="rest_broken", current_state=to_dynamic_value({"id": "1"})), None)
