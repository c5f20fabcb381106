"""The state backend switch (``KEYFORM_STATE_BACKEND``) at synth: what each kind writes into cdk.tf.json, that no
credential is ever written, and the errors a wrong setting gets (also through the real ``python main.py``)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from keyform.cdk import App, LocalBackend, TerraformStack

from keyform.constructs import KeyformConfigError
from keyform.constructs.state_backend import apply_state_backends, schema_name
from tests.constructs.support import REPO, synth

PG_PASSWORD = "pg-secret-Zq81"
PG_ENV = {"KEYFORM_STATE_BACKEND": "pg", "PG_CONN_STR": f"postgres://keyform:{PG_PASSWORD}@db.example:5432/state",
          "PGPASSWORD": PG_PASSWORD}


def backend_of(app: App, name: str, env: dict) -> dict:
    """The backend block of a stack ``name`` in ``app`` after applying ``env``'s setting."""
    stack = TerraformStack(app, name)
    apply_state_backends(app, env)
    return synth(stack)["terraform"]["backend"]


@pytest.mark.parametrize("env", [{}, {"KEYFORM_STATE_BACKEND": "local"}, {"KEYFORM_STATE_BACKEND": " "}])
def test_local_adds_nothing_to_the_stack(app, env):
    stack = TerraformStack(app, "ontap")
    apply_state_backends(app, env)
    assert "backend" not in synth(stack).get("terraform", {})  # cdktf's own local backend follows at synth


def test_pg_writes_the_schema_and_no_connection_string(app):
    backend = backend_of(app, "vault-dr", PG_ENV)
    assert backend == {"pg": {"schema_name": "keyform_vault_dr"}}
    assert PG_PASSWORD not in json.dumps(backend) and "db.example" not in json.dumps(backend)


def test_pg_with_libpq_variables_only(app):
    assert backend_of(app, "site", {"KEYFORM_STATE_BACKEND": "pg", "PGHOST": "db"}) == \
        {"pg": {"schema_name": "keyform_site"}}


def test_one_schema_per_stack():
    assert [schema_name(n) for n in ("ontap", "vault-dr", "site.2 b")] == \
        ["keyform_ontap", "keyform_vault_dr", "keyform_site_2_b"]


def test_pg_without_a_database_is_refused_naming_the_variables(app):
    with pytest.raises(KeyformConfigError) as error:
        backend_of(app, "ontap", {"KEYFORM_STATE_BACKEND": "pg", "PGPASSWORD": PG_PASSWORD})
    assert "KEYFORM_STATE_BACKEND=pg, but neither PG_CONN_STR nor PGHOST is set" in str(error.value)
    assert "Fix: export PG_CONN_STR=" in str(error.value) and PG_PASSWORD not in str(error.value)


def test_pg_schema_name_from_the_environment_is_refused(app):
    with pytest.raises(KeyformConfigError, match=r"PG_SCHEMA_NAME: .*keyform_ontap for ontap.*Fix: unset"):
        backend_of(app, "ontap", {**PG_ENV, "PG_SCHEMA_NAME": "shared"})


def test_unknown_backend_is_refused(app):
    with pytest.raises(KeyformConfigError) as error:
        backend_of(app, "ontap", {"KEYFORM_STATE_BACKEND": "postgres"})
    assert str(error.value) == ("app: KEYFORM_STATE_BACKEND: 'postgres' is not a state backend keyform knows. Fix: "
                                "set KEYFORM_STATE_BACKEND to one of local, pg, s3, http (or unset it for local state)")


def test_s3_key_per_stack_lock_file_and_no_credentials(app):
    env = {"KEYFORM_STATE_BACKEND": "s3", "KEYFORM_STATE_S3_BUCKET": "states", "KEYFORM_STATE_S3_PREFIX": "team-a/",
           "AWS_REGION": "eu-west-1", "AWS_SECRET_ACCESS_KEY": "aws-secret-Qx7", "AWS_ACCESS_KEY_ID": "AKIAEXAMPLE"}
    backend = backend_of(app, "vault-dr", env)
    assert backend == {"s3": {"bucket": "states", "key": "team-a/keyform/vault-dr.tfstate", "use_lockfile": True}}


@pytest.mark.parametrize("env, field", [
    ({"KEYFORM_STATE_BACKEND": "s3", "AWS_REGION": "x"}, "KEYFORM_STATE_S3_BUCKET"),
    ({"KEYFORM_STATE_BACKEND": "s3", "KEYFORM_STATE_S3_BUCKET": "b"}, "AWS_REGION"),
    ({"KEYFORM_STATE_BACKEND": "http"}, "KEYFORM_STATE_HTTP_ADDRESS"),
    ({"KEYFORM_STATE_BACKEND": "http", "KEYFORM_STATE_HTTP_ADDRESS": "state.example/x"}, "KEYFORM_STATE_HTTP_ADDRESS"),
])
def test_s3_and_http_settings_missing_are_refused(app, env, field):
    with pytest.raises(KeyformConfigError) as error:
        backend_of(app, "ontap", env)
    assert error.value.field == field and "Fix: export " in str(error.value)


def test_http_address_per_stack_with_lock_and_no_credentials(app):
    env = {"KEYFORM_STATE_BACKEND": "http", "KEYFORM_STATE_HTTP_ADDRESS": "https://state.example/keyform/",
           "TF_HTTP_PASSWORD": "http-secret-Pw3"}
    address = "https://state.example/keyform/vault-dr"
    assert backend_of(app, "vault-dr", env) == {"http": {"address": address, "lock_address": address,
                                                         "unlock_address": address}}


def test_http_address_with_credentials_is_refused(app):
    with pytest.raises(KeyformConfigError, match=r"holds credentials.*TF_HTTP_USERNAME and TF_HTTP_PASSWORD") as error:
        backend_of(app, "ontap", {"KEYFORM_STATE_BACKEND": "http",
                                  "KEYFORM_STATE_HTTP_ADDRESS": "https://u:http-secret-Pw3@state.example/"})
    assert "http-secret-Pw3" not in str(error.value)


def test_a_stack_with_its_own_backend_keeps_it_with_local_and_conflicts_otherwise(app):
    stack = TerraformStack(app, "own")
    LocalBackend(stack, path="elsewhere.tfstate")
    apply_state_backends(app, {})
    assert synth(stack)["terraform"]["backend"] == {"local": {"path": "elsewhere.tfstate"}}
    with pytest.raises(KeyformConfigError, match=r"own: KEYFORM_STATE_BACKEND: .*declares a backend of its own"):
        apply_state_backends(app, PG_ENV)


def test_applying_twice_keeps_one_backend(app):
    stack = TerraformStack(app, "twice")
    apply_state_backends(app, PG_ENV)
    apply_state_backends(app, PG_ENV)
    assert synth(stack)["terraform"]["backend"] == {"pg": {"schema_name": "keyform_twice"}}


def run_main(tmp_path, **env: str) -> subprocess.CompletedProcess:
    """The example app (``python main.py``, what ``cdktf synth`` runs) with ``env``, writing into ``tmp_path``."""
    from keyform import toolchain

    return subprocess.run([sys.executable, str(REPO / "main.py")], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120, env=toolchain.environment(REPO, drop=toolchain.FOREIGN, pythonpath=REPO,
                                                                 KEYFORM_SIMULATORS="1", **env))


def test_example_stacks_keep_todays_local_state_by_default(tmp_path):
    result = run_main(tmp_path)
    assert result.returncode == 0, result.stderr
    for name in ("ontap", "vsp", "vault-dr", "site"):
        synthesized = json.loads((tmp_path / "cdktf.out" / "stacks" / name / "cdk.tf.json").read_text())
        assert synthesized["terraform"]["backend"] == {"local": {"path": str(tmp_path / f"terraform.{name}.tfstate")}}


def test_example_stacks_all_get_pg_from_the_environment(tmp_path):
    result = run_main(tmp_path, KEYFORM_STATE_BACKEND="pg", PG_CONN_STR="postgres://keyform@db:5432/state",
                      PGPASSWORD=PG_PASSWORD)
    assert result.returncode == 0, result.stderr
    for name in ("ontap", "vsp", "vault-dr", "site"):
        text = (tmp_path / "cdktf.out" / "stacks" / name / "cdk.tf.json").read_text()
        assert json.loads(text)["terraform"]["backend"] == {"pg": {"schema_name": schema_name(name)}}
        assert PG_PASSWORD not in text and "db:5432" not in text


def test_example_app_stops_on_pg_without_a_database(tmp_path):
    result = run_main(tmp_path, KEYFORM_STATE_BACKEND="pg")
    assert result.returncode == 1
    assert result.stderr.startswith("error: app: KEYFORM_STATE_BACKEND: KEYFORM_STATE_BACKEND=pg, but neither "
                                    "PG_CONN_STR nor PGHOST is set"), result.stderr
    assert not list(tmp_path.rglob("cdk.tf.json"))  # nothing synthesized


def test_state_settings_reach_terraform_unless_dropped():
    from keyform import toolchain

    shell = {"PATH": "/usr/bin", "KEYFORM_STATE_BACKEND": "pg", "PG_CONN_STR": "postgres://db/state",
             "PGPASSWORD": PG_PASSWORD, "PGHOST": "db", "HOME": "/root"}
    kept = toolchain.environment(REPO, base=shell)
    assert {k: kept[k] for k in ("KEYFORM_STATE_BACKEND", "PG_CONN_STR", "PGPASSWORD", "PGHOST")} == \
        {k: shell[k] for k in ("KEYFORM_STATE_BACKEND", "PG_CONN_STR", "PGPASSWORD", "PGHOST")}
    dropped = toolchain.environment(REPO, base=shell, drop=toolchain.FOREIGN)
    assert not {"KEYFORM_STATE_BACKEND", "PG_CONN_STR", "PGPASSWORD", "PGHOST"} & set(dropped)


def test_scaffolded_stacks_get_pg_from_the_environment(tmp_path):
    """``keyform init``'s main.py and stacks, unchanged: every stack's state in its own schema."""
    from keyform import toolchain
    from keyform.scaffold import files

    for name, text in files().items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    urls = {"KEYFORM_ONTAP_BASE_URL": "https://ontap.example/api", "KEYFORM_VSP_BASE_URL": "https://vsp.example/mapi",
            "KEYFORM_VAULT_A_BASE_URL": "https://vault-a.example:8200/v1",
            "KEYFORM_VAULT_B_BASE_URL": "https://vault-b.example:8200/v1"}
    env = toolchain.environment(REPO, drop=toolchain.FOREIGN, pythonpath=f"{tmp_path}:{REPO}", KEYFORM_KMIP_HOST="kms",
                                KEYFORM_STATE_BACKEND="pg", PGHOST="db", PGPASSWORD=PG_PASSWORD, **urls)
    result = subprocess.run([sys.executable, "main.py"], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                            env=env)
    assert result.returncode == 0, result.stderr
    for name in ("ontap", "vsp", "vault-dr"):
        text = (tmp_path / "cdktf.out" / "stacks" / name / "cdk.tf.json").read_text()
        assert json.loads(text)["terraform"]["backend"] == {"pg": {"schema_name": schema_name(name)}}
        assert PG_PASSWORD not in text
