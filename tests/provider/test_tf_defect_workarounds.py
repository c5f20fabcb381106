"""One test per workaround of a known defect of the `tf` 1.2.0 framework (see docs: terraform-here notes)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import stat
import threading
import time

from keyform.provider.install import cli_config, install_into, launcher, package_hash
from keyform.provider.provider import VERSION
from tests.provider.conftest import RawBody, Terraform, config, read_of_a_broken_resource, terraform_env


# 1. data sources do not encode values -------------------------------------------------------------
def test_1_data_source_result_is_json_text_that_decodes(api, terraform):
    api.collection("settings")["s-1"] = {"uuid": "s-1", "kmip": {"port": 5696, "servers": ["a", "b"]}, "on": True}
    tf = terraform()
    tf.write(config(api.base_url, """
data "rest_object" "s" {
  path = "/settings/s-1"
  pick = { port = "kmip/port", on = "on", servers = "kmip/servers" }
}
output "decoded" { value = jsondecode(data.rest_object.s.result) }
output "values" { value = data.rest_object.s.values }
"""))
    tf.apply()
    outputs = tf.show_json()["values"]["outputs"]
    assert outputs["decoded"]["value"] == {"uuid": "s-1", "kmip": {"port": 5696, "servers": ["a", "b"]}, "on": True}
    assert outputs["values"]["value"] == {"port": "5696", "on": "true", "servers": '["a","b"]'}
    result = tf.resource("data.rest_object.s")["result"]
    assert result == '{"kmip":{"port":5696,"servers":["a","b"]},"on":true,"uuid":"s-1"}'


# 2. NormalizedJson encodes with spaces --------------------------------------------------------------
def test_2_json_is_compact_and_sorted_so_import_then_plan_is_clean(api, terraform):
    api.collection("things")["t-1"] = {
        "zeta": 1, "name": "café & <co>", "nested": {"b": [1, 2], "a": {"y": True, "x": None}}, "uuid": "t-1",
    }
    tf = terraform()
    tf.write(config(api.base_url, """
resource "rest_object" "x" {
  path = "/things"
  data = jsonencode({ zeta = 1, name = "café & <co>", nested = { b = [1, 2], a = { y = true, x = null } } })
}
"""))
    tf.import_("rest_object.x", "/things/t-1")
    values = tf.resource("rest_object.x")
    assert values["data"] == ('{"name":"café & <co>","nested":{"a":{"x":null,"y":true},"b":[1,2]},'
                              '"uuid":"t-1","zeta":1}')
    assert ": " not in values["response"] and ", " not in values["response"]
    planned = tf.plan()
    assert "No changes." in planned.stdout
    assert "jsonencode" not in planned.stdout

    # created by terraform: the state holds exactly the text jsonencode wrote, no whitespace diff
    tf.remove_state()
    api.clear()
    tf.apply()
    data = tf.resource("rest_object.x")["data"]
    assert data == ('{"name":"café \\u0026 \\u003cco\\u003e","nested":{"a":{"x":null,"y":true},"b":[1,2]},'
                    '"zeta":1}')  # jsonencode's own text, kept as it is
    assert "No changes." in tf.plan().stdout


# 3. computed attributes not marked unknown on update --------------------------------------------------
def test_3_update_marks_response_unknown_and_applies_consistently(api, terraform):
    tf = terraform()
    resource = """
resource "rest_object" "x" {
  path = "/things"
  data = jsonencode({ name = "n", size = SIZE })
}
output "size_seen" { value = jsondecode(rest_object.x.response).size }
"""
    tf.write(config(api.base_url, resource.replace("SIZE", "1")))
    tf.apply()
    api.server_added = {"server_added": "v2"}
    tf.write(config(api.base_url, resource.replace("SIZE", "2")))
    applied = tf.apply()  # prints the plan it applies
    assert re.search(r"~ response\s+= jsonencode\(", applied.stdout)
    assert re.search(r"\) -> \(known after apply\)", applied.stdout)
    assert applied.returncode == 0
    assert "inconsistent result" not in applied.output
    assert "1 changed" in applied.stdout
    assert "No changes." in tf.plan().stdout


# 4. a schema without version prints "Using default upgrade" -------------------------------------------
def test_4_schema_versions_set_no_default_upgrade_warning(api, terraform):
    tf = terraform()
    tf.write(config(api.base_url, """
resource "rest_object" "x" {
  path = "/things"
  data = jsonencode({ name = "n" })
}
resource "rest_operation" "op" { path = "/ops/noop" }
"""))
    tf.apply()
    state = json.loads(tf.state_text())
    assert {r["type"]: r["instances"][0]["schema_version"] for r in state["resources"]} == {
        "rest_object": 2, "rest_operation": 0}
    planned = tf.plan()  # upgrades the stored state of both resources
    assert "No changes." in planned.stdout
    assert "Using default upgrade" not in planned.output
    assert "Warning" not in planned.output


# 5. lock file: offline init, an h1: hash that does not depend on paths ----------------------------------
def _h1(files: dict[str, bytes]) -> str:
    """Terraform's h1: directory hash (golang.org/x/mod/sumdb/dirhash.Hash1)."""
    summary = "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(files.items()))
    return "h1:" + base64.b64encode(hashlib.sha256(summary.encode()).digest()).decode()


def _lock_hashes(tf: Terraform) -> list[str]:
    return re.findall(r'"(h1:[A-Za-z0-9+/=]+)"', (tf.dir / ".terraform.lock.hcl").read_text())


def test_5_lock_file_written_offline_with_the_same_h1_hash_everywhere(api, terraform, tmp_path):
    body = config(api.base_url, "")
    one, two = terraform("one"), terraform("two")
    # a second installation in another place, as another checkout would make it
    other_mirror = tmp_path / "elsewhere" / "plugins"
    install_into(other_mirror)
    (tmp_path / "elsewhere" / "terraformrc").write_text(cli_config(other_mirror))
    three = Terraform(tmp_path / "three", terraform_env(tmp_path / "elsewhere", terraform.tmpdir))
    expected = _h1({f"terraform-provider-rest_v{VERSION}": launcher().encode()})
    assert expected == package_hash()  # what keyform.constructs.synth writes into a stack's lock file
    for tf in (one, two, three):
        tf.write(body)
        initialised = tf.init()
        assert "Terraform has been successfully initialized!" in initialised.stdout
        lock = (tf.dir / ".terraform.lock.hcl").read_text()
        assert 'provider "registry.terraform.io/' not in lock
        assert 'provider "keyform.local/keyform/rest"' in lock
        assert f'version = "{VERSION}"' in lock
        assert _lock_hashes(tf) == [expected]


# 6. an exception reaches the user as "Exception calling application" -----------------------------------
def test_6_failures_are_diagnostics_never_tracebacks(api, terraform):
    tf = terraform()
    tf.write(config(api.base_url, """
resource "rest_object" "x" {
  path        = "/things"
  data        = jsonencode({ name = "n" })
  api         = jsonencode({
    id_template = "{data.nope}"
  })
}
"""))
    failed = tf.apply(check=False)
    assert failed.returncode == 1
    assert "Error: The object was created, but its id could not be determined" in failed.stderr
    flat = " ".join(failed.stderr.split())
    assert "template '{data.nope}' uses '{data.nope}', but data has no 'nope'" in flat
    assert "the create succeeded, so the object exists on the appliance" in flat
    assert "set api.id_attribute, api.id_template or api.lookup_path, then import it" in flat
    for text in ("Traceback", "Exception calling application", "plugin crashed", "panic"):
        assert text not in failed.output

    # an answer the provider cannot handle at all still ends as one diagnostic
    nested = RawBody("[" * 100_000 + "]" * 100_000)
    api.fail_with[("POST", "/api/crash")] = (201, nested)
    tf.write(config(api.base_url, """
resource "rest_object" "y" {
  path = "/crash"
  data = jsonencode({ name = "n" })
}
"""))
    crashed = tf.apply(check=False)
    assert crashed.returncode == 1
    assert "Error: The object was created, but its id could not be determined" in crashed.stderr
    for text in ("Traceback", "RecursionError", "Exception calling application", "plugin crashed", "panic"):
        assert text not in crashed.output


def test_6_an_unexpected_exception_becomes_one_diagnostic_without_secrets():
    """What no resource foresaw (a bug) still reaches Terraform as a diagnostic, redacted."""
    answer = read_of_a_broken_resource()
    [diagnostic] = answer.diagnostics
    assert diagnostic.summary == "Internal error in the keyform rest provider"
    assert "RuntimeError: unforeseen, with *** inside" in diagnostic.detail
    assert "s3cr3t-value" not in diagnostic.detail


# 7. socket dirs left in $TMPDIR; certificates in ~/.cache/tf-python-provider ---------------------------
def test_7_nothing_left_in_tmpdir_and_no_tf_python_certificate(api, terraform, tmp_path):
    tf = terraform()
    home = tmp_path / "home"
    home.mkdir()
    tf.env.update(HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"))
    tf.write(config(api.base_url, """
resource "rest_object" "x" {
  path = "/things"
  data = jsonencode({ name = "n" })
}
"""))
    seen: set[str] = set()
    running = threading.Event()

    def watch():  # what the provider keeps in $TMPDIR while terraform runs
        while running.is_set():
            seen.update(p.name for p in terraform.tmpdir.glob("keyform-provider-*"))
            time.sleep(0.01)

    running.set()
    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        tf.apply()
        tf.destroy()
    finally:
        running.clear()
        watcher.join()

    assert seen, "the provider never made its socket folder in this $TMPDIR: the check below would mean nothing"
    assert sorted(p.name for p in terraform.tmpdir.glob("keyform-provider-*")) == []
    assert not (home / ".cache" / "tf-python-provider").exists()
    cert = home / ".cache" / "keyform" / "provider-tls.json"
    assert stat.S_IMODE(cert.stat().st_mode) == 0o600
