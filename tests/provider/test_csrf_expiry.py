"""VSP One Object's CSRF session expires three times while Terraform creates 30 KMIP servers, ten calls at a
time: each expiry is met by several calls at once, one renewal serves them all, each call is sent again (renewed
once more should the next expiry land while it is re-sent), and the apply succeeds — ten runs out of ten. (Real
terraform, the VSP simulator, its OAuth2 + CSRF flow.)"""

from __future__ import annotations

import logging

from tests.provider.conftest import config

RUNS = 10
SERVERS = 30
EXPIRE_AT = (4, 14, 24)  # the nth add_server answered, then the session goes stale


def servers(run: int) -> str:
    return "".join(f"""
resource "rest_object" "kms_{i}" {{
  path           = "/v1/kmip"
  data           = jsonencode({{ name = "kms-{run}-{i}", host = "10.0.{run}.{i}", port = 5696 }})
  api            = jsonencode({{
    create_path    = "/v1/kmip/add_server"
    id_attribute   = "uuid"
    read_method    = "POST"
    read_path      = "/v1/kmip/get_server"
    read_body      = {{ name = "{{data.name}}" }}
    lookup_method  = "POST"
    lookup_path    = "/v1/kmip/get_server"
    lookup_body    = {{ name = "{{data.name}}" }}
    destroy_method = "POST"
    destroy_path   = "/v1/kmip/delete_server"
    destroy_body   = {{ name = "{{data.name}}" }}
  }})
}}
""" for i in range(SERVERS))


class ExpireCsrf(logging.Handler):
    """Counts the simulator's answers and makes its CSRF session stale after the chosen add_server answers."""

    def __init__(self, sim):
        super().__init__(logging.INFO)
        self.sim, self.lines, self.added = sim, [], 0
        self.logger = logging.getLogger(f"keyform.simulators.{sim.settings.name}")

    def emit(self, record: logging.LogRecord) -> None:
        line = record.getMessage()
        self.lines.append(line)
        if line.startswith("POST /mapi/v1/kmip/add_server 200"):
            self.added += 1
            if self.added in EXPIRE_AT:
                self.sim.settings.faults.update({"expire_csrf": True})

    def __enter__(self) -> "ExpireCsrf":
        self.logger.setLevel(logging.INFO)
        self.logger.addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        self.logger.removeHandler(self)


def test_csrf_expiry_three_times_during_30_parallel_creates(simulator, terraform):
    sim = simulator("vsp", name="vsp-csrf", password="vsp-test-password")
    sim.settings.faults.update({"latency_ms": 30})  # the ten parallel calls overlap
    provider = dict(username="admin", oauth2_client_id="vsp-object", csrf_path="/v1/csrf",
                    oauth2_token_url=f"{sim.url}/auth/realms/object/protocol/openid-connect/token")
    for run in range(RUNS):
        tf = terraform(f"run{run}")
        tf.write(config(sim.url + "/mapi", servers(run), **provider))
        with ExpireCsrf(sim) as seen:
            applied = tf.apply(env={"KEYFORM_REST_PASSWORD": "vsp-test-password"})
        assert f"Apply complete! Resources: {SERVERS} added" in applied.stdout, (run, applied.output[-2000:])
        stale = [line for line in seen.lines if line.startswith("POST /mapi/v1/kmip/add_server 403")]
        renewals = [line for line in seen.lines if line.startswith("GET /mapi/v1/csrf 200")]
        assert stale, f"run {run}: no call met a stale CSRF token"
        assert len(renewals) == 1 + len(EXPIRE_AT), f"run {run}: one login and one renewal per expiry: {renewals}"
    names = {f"kms-{run}-{i}" for run in range(RUNS) for i in range(SERVERS)}
    listed = _list_servers(sim)
    assert set(listed) == names, "every server of every run is on the appliance, once"


def _list_servers(sim) -> dict:
    import requests

    with requests.Session() as session:
        token = session.post(f"{sim.url}/auth/realms/object/protocol/openid-connect/token", timeout=10,
                             data={"grant_type": "password", "username": "admin", "password": "vsp-test-password",
                                   "client_id": "vsp-object"}).json()["access_token"]
        session.headers["Authorization"] = f"Bearer {token}"
        session.get(f"{sim.url}/mapi/v1/csrf", timeout=10).raise_for_status()
        session.headers["X-XSRF-TOKEN"] = session.cookies["XSRF-TOKEN"]
        return session.post(f"{sim.url}/mapi/v1/kmip/list_servers", timeout=30).json()["servers"]
