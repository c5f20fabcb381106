"""Shared state in a real PostgreSQL (``KEYFORM_STATE_BACKEND=pg``) with real ``cdktf deploy`` against the
simulators: concurrent deploys meet the lock, two stacks keep apart in one database, a stack's local state moves
to pg by the README's command, the main job runs on pg; the PG password is never written or shown."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time

import pytest

from keyform import toolchain
from tests.e2e.harness import CDKTF, REPO, Ontap, Vsp, run_process, tool_env, unique, write_cdktf_json
from tests.postgres import postgres  # noqa: F401  (the session's PostgreSQL)

pytestmark = pytest.mark.e2e
LOCK_ERROR = "Error acquiring the state lock"
LOCKS_HELD = ("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
              "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
LATENCY_MS = 2500  # every appliance answer slowed down: the first deploy holds the lock for tens of seconds


@pytest.fixture
def database(postgres, request):  # noqa: F811
    """A new database for the test; its name."""
    name = re.sub(r"[^a-z0-9]", "_", request.node.name.lower())[:50]
    postgres.new_database(name)
    return name


def vsp_servers(listeners: list) -> dict:
    return {"primary": "kms-a", "servers": [{"name": f"kms-{c}", "host": "127.0.0.1", "port": s.port}
                                            for c, s in zip("abc", listeners)]}


def managed(state_text: str) -> dict:
    """``{address: id}`` of the managed objects in a state document."""
    state = json.loads(state_text)
    return {f"{r['type']}.{r['name']}": i["attributes"].get("id")
            for r in state.get("resources", []) if r["mode"] == "managed" for i in r["instances"]}


def wait_for_lock(postgres, database: str, runner: threading.Thread) -> bool:  # noqa: F811
    """Wait until a Terraform holds the pg backend's lock (an advisory lock in ``database``)."""
    deadline = time.monotonic() + 120
    while runner.is_alive() and time.monotonic() < deadline:
        if postgres.psql(database, LOCKS_HELD) != "0":
            return True
        time.sleep(0.1)
    return False


def scan(postgres, *projects) -> None:  # noqa: F811
    """The PG password is in no file of the projects (synth output, .terraform, plans, states) nor any CLI output."""
    for proj in projects:
        proj.assert_secrets_absent({"PG password": postgres.password})


@pytest.fixture
def vsp_sim(simulator):
    password = unique("vsp-admin")
    sim = simulator("vsp", name="vsp-state", password=password)
    return Vsp(sim), {"E2E_VSP_URL": sim.url + "/mapi", "KEYFORM_VSP_PASSWORD": password}


def test_concurrent_deploys_one_fails_on_the_lock_then_nothing_is_lost(postgres, database, project, vsp_sim,  # noqa: F811
                                                                      kmip_servers):
    vsp, env = vsp_sim
    pg_env = {**env, "KEYFORM_STATE_BACKEND": "pg", "PG_CONN_STR": postgres.url(database)}  # password in the URL
    first, second = project(pg_env, "first"), project(pg_env, "second")  # two checkouts (two CI runners)
    servers = vsp_servers(kmip_servers(3))
    first.declare(vsp=servers)
    first.deploy("vsp")  # the stack exists, its state in pg
    servers["primary"] = "kms-b"  # the change both checkouts deploy at once
    first.declare(vsp=servers)
    second.declare(vsp=servers)
    vsp.sim.settings.faults.latency_ms = LATENCY_MS

    results: dict = {}
    runner = threading.Thread(target=lambda: results.update(first=first.deploy("vsp", ok=None)))
    runner.start()
    held_lock = wait_for_lock(postgres, database, runner)
    results["second"] = second.deploy("vsp", ok=None)
    runner.join(300)
    vsp.sim.settings.faults.latency_ms = 0
    assert held_lock, "the first deploy never held the state lock"

    assert results["first"].returncode == 0, results["first"].describe()
    assert "0 added, 1 changed, 0 destroyed" in results["first"].output, results["first"].tail()
    refused = results["second"]  # fails at once, saying who holds the lock; it changed nothing
    assert refused.returncode != 0, refused.describe()
    assert LOCK_ERROR in refused.output and "Lock Info:" in refused.output, refused.describe()
    assert "Apply complete" not in refused.output, refused.describe()

    # nothing lost: the state in pg holds exactly what the appliance holds, no object without its state entry
    held = vsp.servers()
    state = managed(postgres.state(database, "keyform_vsp"))
    assert set(held) == {"kms-a", "kms-b", "kms-c"} and vsp.primary() == "kms-b"
    assert {s["uuid"] for s in held.values()} == {i for a, i in state.items() if a.startswith("rest_object.")}
    # the refused checkout, run again, finds everything in place
    second.assert_no_changes("vsp")
    first.assert_no_changes("vsp")
    scan(postgres, first, second)


def test_a_deploy_killed_while_it_holds_the_lock_leaves_no_lock_and_nothing_unknown(postgres, database, project,  # noqa: F811
                                                                                   vsp_sim, kmip_servers):
    """A runner that dies mid-deploy (its whole process group SIGKILLed, cdktf and Terraform with it): the pg
    backend's lock is a session lock, gone with the connection, so the next deploy is not stuck; it finishes the
    change, and the state then holds exactly what the appliance holds."""
    vsp, env = vsp_sim
    pg_env = {**env, "KEYFORM_STATE_BACKEND": "pg", "PG_CONN_STR": postgres.url(database)}
    proj = project(pg_env)
    servers = vsp_servers(kmip_servers(3))
    proj.declare(vsp=servers)
    proj.deploy("vsp")
    servers["primary"] = "kms-b"
    proj.declare(vsp=servers)
    vsp.sim.settings.faults.latency_ms = LATENCY_MS

    started: list = []
    # What the killed processes cannot remove (the provider's socket folder) is left here, and removed below.
    # (Not under tmp_path: a socket path there would be longer than a Unix socket address allows.)
    scratch = tempfile.mkdtemp(prefix="kf-killed-")
    runner = threading.Thread(target=lambda: toolchain.run(
        [CDKTF, "deploy", "vsp", "--auto-approve", "--skip-provider-lock"], proj.root, {**proj.env, "TMPDIR": scratch},
        timeout=300, on_start=started.append))
    runner.start()
    try:
        held_lock = wait_for_lock(postgres, database, runner)
        time.sleep(LATENCY_MS / 1000)  # an appliance call under way
        os.killpg(started[0], signal.SIGKILL)
        runner.join(60)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    vsp.sim.settings.faults.latency_ms = 0
    assert held_lock, "the deploy never held the state lock"
    deadline = time.monotonic() + 30  # PostgreSQL ends the session once it sees the connection gone
    while postgres.psql(database, LOCKS_HELD) != "0" and time.monotonic() < deadline:
        time.sleep(0.2)
    assert postgres.psql(database, LOCKS_HELD) == "0", "the killed deploy's lock is still held"

    result = proj.deploy("vsp")  # not stuck on a lock: it takes it, and finishes the change
    assert LOCK_ERROR not in result.output, result.describe()
    held = vsp.servers()
    state = managed(postgres.state(database, "keyform_vsp"))
    assert set(held) == {"kms-a", "kms-b", "kms-c"} and vsp.primary() == "kms-b"
    assert {s["uuid"] for s in held.values()} == {i for a, i in state.items() if a.startswith("rest_object.")}
    proj.assert_no_changes("vsp")
    scan(postgres, proj)


def test_a_waiting_deploy_gets_the_lock_with_a_lock_timeout(postgres, database, project, vsp_sim,  # noqa: F811
                                                            kmip_servers):
    """With ``TF_CLI_ARGS_plan``/``TF_CLI_ARGS_apply`` = ``-lock-timeout=…`` (README) the second deploy waits."""
    vsp, env = vsp_sim
    servers = vsp_servers(kmip_servers(3))
    wait = {"TF_CLI_ARGS_plan": "-lock-timeout=180s", "TF_CLI_ARGS_apply": "-lock-timeout=180s"}
    pg_env = {**env, **postgres.env(database), "KEYFORM_STATE_BACKEND": "pg", **wait}
    first, second = project(pg_env, "first"), project(pg_env, "second")
    first.declare(vsp=servers)
    second.declare(vsp=servers)
    vsp.sim.settings.faults.latency_ms = LATENCY_MS
    results: dict = {}
    runner = threading.Thread(target=lambda: results.update(first=first.deploy("vsp", ok=None)))
    runner.start()
    held_lock = wait_for_lock(postgres, database, runner)
    results["second"] = second.deploy("vsp", ok=None)
    runner.join(300)
    assert held_lock, "the first deploy never held the state lock"
    vsp.sim.settings.faults.latency_ms = 0
    assert results["first"].returncode == 0, results["first"].describe()
    assert results["second"].returncode == 0, results["second"].describe()
    assert "No changes" in results["second"].output, results["second"].tail()
    assert set(managed(postgres.state(database, "keyform_vsp")).values()) >= {s["uuid"] for s in vsp.servers().values()}
    scan(postgres, first, second)


def test_two_stacks_in_one_database_keep_apart(postgres, database, project, simulator, vsp_sim,  # noqa: F811
                                               kmip_servers):
    vsp, env = vsp_sim
    ontap_password = unique("ontap-admin")
    ontap = Ontap(simulator("ontap", name="ontap-state", password=ontap_password))
    [kms] = kmip_servers(1)
    proj = project({**env, **postgres.env(database), "KEYFORM_STATE_BACKEND": "pg", "E2E_ONTAP_URL": ontap.base,
                    "KEYFORM_ONTAP_PASSWORD": ontap_password, "TF_VAR_kmip_password": unique("kmip")})
    proj.declare(ontap={"svm": "svm1", "key_servers": [{"server": kms.address}]}, vsp=vsp_servers(kmip_servers(3)))
    # new stacks in one database: one at a time (README), then in parallel with a lock timeout (README: each
    # stack's lock takes the database's creation lock for an instant, and two at that instant would fail)
    proj.cdktf("deploy", "ontap", "vsp", "--auto-approve", "--skip-provider-lock", "--parallelism", "1")
    assert postgres.schemas(database) == ["keyform_ontap", "keyform_vsp"]
    proj.env.update({"TF_CLI_ARGS_plan": "-lock-timeout=60s", "TF_CLI_ARGS_apply": "-lock-timeout=60s"})
    again = proj.deploy("ontap", "vsp")
    assert again.output.count("No changes.") == 2, again.tail()
    ontap_state = postgres.state(database, "keyform_ontap")
    assert all(t.startswith("rest_") for t in managed(ontap_state)) and managed(ontap_state)
    assert not list(proj.root.glob("terraform.*.tfstate")), "local state written although the backend is pg"

    proj.destroy("vsp")
    assert vsp.servers() == {}
    assert managed(postgres.state(database, "keyform_vsp")) == {}
    assert postgres.state(database, "keyform_ontap") == ontap_state  # untouched, byte for byte
    [manager] = ontap.key_managers()
    assert set(ontap.key_servers(manager["uuid"])) == {kms.address}
    proj.assert_no_changes("ontap")
    scan(postgres, proj)


def test_moving_a_stack_from_local_state_to_pg_as_the_readme_says(postgres, database, project, vsp_sim,  # noqa: F811
                                                                   kmip_servers):
    vsp, env = vsp_sim
    proj = project(env)
    proj.declare(vsp=vsp_servers(kmip_servers(3)))
    proj.deploy("vsp")
    local = managed(proj.state_path("vsp").read_text())
    uuids = {s["uuid"] for s in vsp.servers().values()}

    # README "Shared state": set the variables, then `cdktf diff <stack> --migrate-state` once
    # README "Shared state", moving a stack: 1. where it was deployed, with local state, the diff is clean
    proj.assert_no_changes("vsp")
    # without the flag, Terraform refuses the new backend (nothing is planned against an empty state)
    proj.env.update({**postgres.env(database), "KEYFORM_STATE_BACKEND": "pg"})
    refused = proj.cdktf("diff", "vsp", "--skip-provider-lock", ok=False)
    assert "Error: Backend configuration changed" in refused.output and "Plan:" not in refused.output, refused.tail()
    # 2. with the pg variables set, once: cdktf diff <stack> --migrate-state
    moved = proj.cdktf("diff", "vsp", "--migrate-state", "--skip-provider-lock")
    assert "No changes" in moved.output and "Plan:" not in moved.output, moved.tail()
    assert managed(postgres.state(database, "keyform_vsp")) == local
    assert managed(proj.state_path("vsp").read_text()) == local  # the local file stays, no longer read (README)
    proj.assert_no_changes("vsp")
    deploy = proj.deploy("vsp")
    assert "Plan:" not in deploy.output and "created" not in deploy.output, deploy.tail()
    assert {s["uuid"] for s in vsp.servers().values()} == uuids  # nothing re-created
    scan(postgres, proj)


@pytest.fixture
def example_project(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    shutil.copyfile(REPO / "main.py", project / "main.py")
    shutil.copytree(REPO / "stacks", project / "stacks", ignore=shutil.ignore_patterns("__pycache__"))
    write_cdktf_json(project, bindings_here=True)
    return project, tmp_path / "run"


def main_job(project, run_dir, env: dict, *flags: str):
    command = [sys.executable, "-m", "keyform.main_job", "--free-ports", "--project-dir", str(project),
               "--run-dir", str(run_dir), *flags]
    return run_process(command, project.parent, {**tool_env(), **env}, timeout=600)


def test_main_job_runs_on_pg_and_refuses_fresh_there(postgres, database, example_project):  # noqa: F811
    project, run_dir = example_project
    env = {**postgres.env(database), "KEYFORM_STATE_BACKEND": "pg"}
    fresh = main_job(project, run_dir, env, "--fresh")
    assert fresh.returncode == 2, fresh.describe()
    assert ("error: --fresh deletes only local Terraform state, but KEYFORM_STATE_BACKEND=pg keeps it in "
            "PostgreSQL") in fresh.output, fresh.output

    run = main_job(project, run_dir, env)
    assert run.returncode == 0, run.describe()
    assert postgres.schemas(database) == ["keyform_ontap", "keyform_site", "keyform_vault_dr", "keyform_vsp"]
    assert all(managed(postgres.state(database, s)) for s in postgres.schemas(database))
    assert not list(project.glob("terraform.*.tfstate"))
    texts = [run.output, fresh.output] + [p.read_text(errors="replace") for p in project.rglob("*")
                                          if p.is_file() and "providers" not in p.parts]
    assert not [t for t in texts if postgres.password in t], "the PG password leaked"
