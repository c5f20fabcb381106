"""The provider logs through Terraform's own channel (hclog JSON lines on stderr): with TF_LOG_PROVIDER=DEBUG
Terraform's log shows each request's method, URL without credentials, status and time, and never a secret;
a slow appliance shows which request is waiting; without TF_LOG the provider writes nothing at all."""

from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
from http.cookies import SimpleCookie

from keyform.provider.logs import HclogFormatter, requested_level
from tests.client.test_slow_appliance import Silent
from tests.provider.conftest import TERRAFORM_BLOCK, provider_block, read_of_a_broken_resource

ONTAP_PASSWORD = "basic-pw-1b7e40"
KMIP_PASSWORD = "body-pw-9c2d11"
VSP_PASSWORD = "vsp-pw-4a8f03"
VAULT_TOKEN = "vault-token-77e5d2"
LINE = re.compile(r"^\S+ \[(\w+)\]\s+provider\.terraform-provider-rest_v[\d.]+: (.*?)(?:: @module=(\S+).*)?$")


class Seen:
    """Every credential a server was sent and every token it answered with: none may reach the log."""

    HEADERS = ("HTTP_AUTHORIZATION", "HTTP_X_XSRF_TOKEN", "HTTP_X_VAULT_TOKEN", "HTTP_COOKIE")

    def __init__(self):
        self.values: set[str] = set()

    def wrap(self, app):
        def recorder(environ, start_response):
            for key in self.HEADERS:
                value = environ.get(key, "")
                self.values.update(v for v in (value, value.partition(" ")[2]) if v)
                if key == "HTTP_COOKIE":
                    self.values.update(m.value for m in SimpleCookie(value).values())
            body = b"".join(app(environ, start_response))
            try:
                answer = json.loads(body)
            except ValueError:
                answer = None
            if isinstance(answer, dict):
                self.values.update(str(answer[k]) for k in ("access_token", "refresh_token", "token") if k in answer)
            return [body]

        return recorder


def provider_lines(log: str) -> list[tuple[str, str, str]]:
    """(level, message, module) of each line the provider wrote into Terraform's log."""
    return [m.groups() for m in map(LINE.match, log.splitlines()) if m]


def test_debug_log_shows_every_request_and_no_secret(api, simulator, terraform, tmp_path):
    seen = Seen()
    api.require_basic = ("admin", ONTAP_PASSWORD)
    api.csrf = True
    vsp = simulator("vsp", name="vsp-log", password=VSP_PASSWORD)
    vsp.app.wsgi_app = seen.wrap(vsp.app.wsgi_app)
    vault = simulator("vault", name="vault-log", token=VAULT_TOKEN)
    vault.app.wsgi_app = seen.wrap(vault.app.wsgi_app)
    tf = terraform()
    tf.write(TERRAFORM_BLOCK
             + provider_block(api.base_url, alias="ontap", username="admin", csrf_path="/csrf",
                              env_prefix="KEYFORM_ONTAP_")
             + provider_block(vsp.url + "/mapi", alias="vsp", username="admin", oauth2_client_id="vsp-object",
                              oauth2_token_url=f"{vsp.url}/auth/realms/object/protocol/openid-connect/token",
                              csrf_path="/v1/csrf", env_prefix="KEYFORM_VSP_", ca_cert_file=vsp.ca_cert_file)
             + provider_block(vault.url + "/v1", alias="vault", token_header="X-Vault-Token",
                              env_prefix="KEYFORM_VAULT_", ca_cert_file=vault.ca_cert_file)
             + """
variable "kmip_password" {
  type      = string
  sensitive = true
}
resource "rest_object" "user" {
  provider        = rest.ontap
  path            = "/users"
  data            = jsonencode({ name = "kmip" })
  write_only_data = jsonencode({ password = var.kmip_password })
}
data "rest_object" "servers" {
  provider = rest.vsp
  path     = "/v1/kmip/list_servers"
  method   = "POST"
  body     = "{}"
}
data "rest_object" "mounts" {
  provider = rest.vault
  path     = "/sys/mounts"
}
""")
    log_path = tmp_path / "provider.log"
    tf.apply(env={"TF_LOG_PROVIDER": "DEBUG", "TF_LOG_PATH": str(log_path), "TF_VAR_kmip_password": KMIP_PASSWORD,
                  "KEYFORM_ONTAP_PASSWORD": ONTAP_PASSWORD, "KEYFORM_VSP_PASSWORD": VSP_PASSWORD,
                  "KEYFORM_VAULT_TOKEN": VAULT_TOKEN})
    log = log_path.read_text()
    lines = provider_lines(log)
    requests = [message for level, message, module in lines if module == "keyform.client" and level == "DEBUG"]
    for method, url, status in [
        ("GET", f"{api.base_url}/csrf", 200), ("POST", f"{api.base_url}/users", 201),
        ("POST", f"{vsp.url}/auth/realms/object/protocol/openid-connect/token", 200),
        ("GET", f"{vsp.url}/mapi/v1/csrf", 200), ("POST", f"{vsp.url}/mapi/v1/kmip/list_servers", 200),
        ("GET", f"{vault.url}/v1/sys/mounts", 200),
    ]:
        assert any(re.fullmatch(rf"{method} {re.escape(url)} -> {status} \(\d+ ms\)", m) for m in requests), (
            method, url, requests)
    [uid] = api.collection("users")
    assert any(re.fullmatch(rf"GET {re.escape(api.base_url)}/users/{uid} -> 200 \(\d+ ms\)", m) for m in requests)

    seen.values.update(v for r in api.requests for k, v in r.headers.items()
                       if k.lower() in ("authorization", "x-xsrf-token", "cookie"))
    seen.values.update(v.partition(" ")[2] for v in list(seen.values) if " " in v)
    secrets = {ONTAP_PASSWORD, KMIP_PASSWORD, VSP_PASSWORD, VAULT_TOKEN} | {v for v in seen.values if len(v) >= 8}
    assert len(secrets) >= 8, secrets  # the session's own tokens were captured: access token, CSRF tokens
    for secret in secrets:
        assert secret not in log, f"{secret[:12]}... is in Terraform's log"
    assert "basic " not in log.lower() and "bearer " not in log.lower()


def test_errors_are_logged_at_error_with_the_diagnostic(api, terraform, tmp_path):
    api.fail_with[("POST", "/api/things")] = (400, {"error": {"code": "917927", "message": "name is invalid"}})
    tf = terraform()
    tf.write(TERRAFORM_BLOCK + provider_block(api.base_url) + """
resource "rest_object" "x" {
  path = "/things"
  data = jsonencode({ name = "bad name" })
}
""")
    log_path = tmp_path / "provider.log"
    failed = tf.apply(check=False, env={"TF_LOG_PROVIDER": "DEBUG", "TF_LOG_PATH": str(log_path)})
    assert failed.returncode == 1
    errors = [(message, module) for level, message, module in provider_lines(log_path.read_text()) if level == "ERROR"]
    assert (f"ApplyResourceChange: Could not create the object: POST {api.base_url}/things answered 400: "
            "error 917927: name is invalid", "keyform.provider") in errors, errors


def test_a_slow_appliance_says_which_request_waits_and_for_how_long(terraform, tmp_path):
    silent = Silent()
    try:
        tf = terraform()
        base_url = f"http://127.0.0.1:{silent.port}/api"
        tf.write(TERRAFORM_BLOCK + provider_block(base_url, timeout_seconds=1.5, retry_max=1) + """
data "rest_object" "cluster" {
  path = "/cluster"
}
""")
        log_path = tmp_path / "provider.log"
        failed = tf.plan(check=False, env={"TF_LOG_PROVIDER": "WARN", "TF_LOG_PATH": str(log_path)})
    finally:
        silent.close()
    assert failed.returncode == 1
    error = re.sub(r"\s+", " ", failed.stderr)
    assert re.search(rf"GET {re.escape(base_url)}/cluster: no answer \(timed out waiting for the answer after 1.5 s\) "
                     r"after 1 retry, 3\.\d s in all", error), failed.stderr
    warnings = [message for level, message, module in provider_lines(log_path.read_text()) if level == "WARN"]
    clock = r"by about \d\d:\d\d:\d\d UTC, \d\.\d s from now"
    waiting = [m for m in warnings if "no answer yet" in m]
    assert re.fullmatch(rf"GET {re.escape(base_url)}/cluster: no answer yet after 0\.\d s \(attempt 1 of 2, each "
                        rf"waits up to 1.5 s\); gives up {clock}", waiting[0]), warnings
    assert any("(attempt 2 of 2," in m for m in waiting), warnings
    assert any(re.fullmatch(rf"GET {re.escape(base_url)}/cluster: attempt 1 of 2: no answer \(timed out waiting for "
                            rf"the answer after 1.5 s\); retrying in 0.05 s; gives up {clock}", m) for m in warnings)
    assert not [line for line in provider_lines(log_path.read_text()) if line[0] == "DEBUG"], "WARN asked for: no DEBUG"


# --------------------------------------------------------------------------- the logging set-up itself
SCRIPT = """
import logging, warnings
from keyform.provider import logs
logs.configure()
logging.getLogger("keyform.client").debug("GET http://h/api/x -> 200 (3 ms)")
logging.getLogger("keyform.client").warning("a slow request")
logging.getLogger("keyform.provider").error("ReadResource: failed")
logging.getLogger("urllib3.connectionpool").warning("GET /api/x?token=query-secret HTTP/1.1")
logging.getLogger().error("someone else's error")
warnings.warn("a library's warning")
"""


def run_script(**environ: str) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", **environ}
    return subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=60,
                          cwd=str(__import__("pathlib").Path(__file__).resolve().parents[2]))


def test_without_tf_log_the_provider_writes_nothing():
    for environ in ({}, {"TF_LOG": "OFF"}, {"TF_LOG_CORE": "TRACE"}, {"TF_LOG": "DEBUG", "TF_LOG_PROVIDER": "OFF"}):
        result = run_script(**environ)
        assert result.returncode == 0, result.stderr
        assert result.stderr == "" and result.stdout == "", environ


def test_tf_log_provider_gets_hclog_json_from_keyform_loggers_only():
    result = run_script(TF_LOG_PROVIDER="WARN")
    entries = [json.loads(line) for line in result.stderr.splitlines()]
    assert [(e["@level"], e["@module"], e["@message"]) for e in entries] == [
        ("warn", "keyform.client", "a slow request"),
        ("error", "keyform.provider", "ReadResource: failed"),
        ("warn", "py.warnings", entries[2]["@message"]),
    ]
    assert "a library's warning" in entries[2]["@message"]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", e["@timestamp"]) for e in entries)
    debug = run_script(TF_LOG="debug")
    assert [json.loads(line)["@level"] for line in debug.stderr.splitlines()] == ["debug", "warn", "error", "warn"]
    assert "query-secret" not in debug.stderr + result.stderr


def test_levels_follow_terraform():
    assert requested_level({}) is None
    assert requested_level({"TF_LOG": "off"}) is None
    assert requested_level({"TF_LOG_PROVIDER": "INFO", "TF_LOG": "ERROR"}) == logging.INFO
    assert requested_level({"TF_LOG": "WARN"}) == logging.WARNING
    assert requested_level({"TF_LOG": "JSON"}) == logging.DEBUG
    assert requested_level({"TF_LOG": "chatty"}) == logging.DEBUG  # Terraform: an unknown level is TRACE


def test_a_traceback_stays_in_one_line():
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        record = logging.getLogger("keyform.provider").makeRecord(
            "keyform.provider", logging.ERROR, __file__, 1, "ReadResource failed", (), sys.exc_info())
    line = HclogFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["@level"] == "error" and entry["@message"].startswith("ReadResource failed\nTraceback")


def test_an_internal_error_logs_its_traceback_redacted_as_the_diagnostic_says(caplog):
    caplog.set_level(logging.DEBUG, logger="keyform.provider")
    answer = read_of_a_broken_resource()
    [diagnostic] = answer.diagnostics
    assert "TF_LOG_PROVIDER=DEBUG (its log holds the traceback)" in diagnostic.detail
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.getMessage().startswith("ReadResource failed: internal error\nTraceback (most recent call last)")
    assert "RuntimeError: unforeseen, with *** inside" in record.getMessage()
    assert "s3cr3t-value" not in caplog.text
