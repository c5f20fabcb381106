"""keyform.toolchain: the environment cdktf and Terraform run with, finding them, and running a process."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from keyform import toolchain
from tests.processes import alive

SHELL = {"PATH": os.environ.get("PATH", os.defpath), "HOME": "/nonexistent", "KEYFORM_ONTAP_PASSWORD": "mine",
         "TF_VAR_kmip_password": "mine", "TF_LOG": "trace", "CDKTF_OUTDIR": "/elsewhere", "E2E_FLAG": "1",
         "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "18"}


@pytest.fixture(autouse=True)
def no_cdk_chosen_by_the_shell(monkeypatch):
    """The project's own choice (``.keyform/cdk``) decides, not the shell's ``KEYFORM_CDK`` (env.sh sets it)."""
    monkeypatch.delenv("KEYFORM_CDK", raising=False)


def test_environment_is_env_sh_for_the_project(tmp_path):
    python = tmp_path / "venv" / "bin" / "python"
    env = toolchain.environment(tmp_path, provider_python=python, base=SHELL)
    assert env["TF_CLI_CONFIG_FILE"] == str(tmp_path / ".keyform" / "terraformrc")
    assert env["KEYFORM_PROVIDER_PYTHON"] == str(python)
    assert env["PATH"].split(os.pathsep)[:2] == [str(python.parent), str(tmp_path / "node_modules" / ".bin")]
    assert env["PATH"].endswith(SHELL["PATH"])
    assert {k: env[k] for k in ("CHECKPOINT_DISABLE", "DISABLE_VERSION_CHECK", "CDKTF_DISABLE_PLUGIN_CACHE_ENV",
                                "TF_PLUGIN_CACHE_DIR", "CI", "NO_COLOR")} == {
        "CHECKPOINT_DISABLE": "1", "DISABLE_VERSION_CHECK": "1", "CDKTF_DISABLE_PLUGIN_CACHE_ENV": "1",
        "TF_PLUGIN_CACHE_DIR": "", "CI": "1", "NO_COLOR": "1"}
    # nothing dropped unless asked: the caller's settings reach the run
    assert {k: env[k] for k in SHELL if k not in ("PATH", "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION")} == {
        k: v for k, v in SHELL.items() if k not in ("PATH", "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION")}
    assert "PYTHONPATH" not in env


def test_environment_drops_what_the_caller_names_and_takes_its_own_settings(tmp_path):
    config = tmp_path / "mirror" / "terraformrc"
    env = toolchain.environment(tmp_path, config=config, drop=(*toolchain.FOREIGN, "E2E_"), pythonpath=tmp_path,
                                base=SHELL, TMPDIR=str(tmp_path), TF_VAR_x="1")
    assert not [k for k in env if k.startswith(("KEYFORM_", "TF_", "CDKTF_", "E2E_"))
                and k not in ("KEYFORM_PROVIDER_PYTHON", "KEYFORM_CDK", "TF_CLI_CONFIG_FILE", "TF_PLUGIN_CACHE_DIR",
                              "CDKTF_DISABLE_PLUGIN_CACHE_ENV", "TF_VAR_x")]
    assert env["TF_CLI_CONFIG_FILE"] == str(config)
    assert env["KEYFORM_PROVIDER_PYTHON"] == sys.executable
    assert env["PYTHONPATH"] == str(tmp_path) and env["TMPDIR"] == str(tmp_path) and env["TF_VAR_x"] == "1"


def test_jsii_banners_silenced_for_supported_node_keeping_the_callers_list():
    assert toolchain.quiet_jsii({})["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] == "20,22"
    quiet = toolchain.quiet_jsii({"JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "18, 20",
                                  "JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION": "yes"})
    assert quiet["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] == "18,20,22"
    assert quiet["JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION"] == "yes"
    assert toolchain.environment(base=SHELL)["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] == "18,20,22"


def test_missing_names_what_make_setup_provides(tmp_path):
    missing = toolchain.missing(tmp_path)
    assert f"the cdktf CLI ({tmp_path / 'node_modules' / '.bin' / 'cdktf'})" in missing
    assert f"the provider's Terraform CLI config ({tmp_path / '.keyform' / 'terraformrc'})" in missing
    assert toolchain.cdktf(tmp_path).name == "cdktf"


def test_cdk_terrain_remembered_by_setup_gives_its_cli_node_and_name(tmp_path, monkeypatch):
    assert toolchain.cdk_name(tmp_path) == "cdktf"  # nothing remembered: CDK for Terraform
    (tmp_path / ".keyform").mkdir()
    (tmp_path / ".keyform" / "cdk").write_text("cdktn\n")  # what `KEYFORM_CDK=cdktn make setup` leaves
    bin_dir = tmp_path / ".keyform" / "cdktn" / "node_modules" / ".bin"
    assert toolchain.cdk_name(tmp_path) == "cdktn" and toolchain.cdk_bin(tmp_path) == bin_dir
    assert f"the cdktn CLI ({bin_dir / 'cdktn'})" in toolchain.missing(tmp_path)
    env = toolchain.environment(tmp_path, base=SHELL)
    assert env["KEYFORM_CDK"] == "cdktn" and env["PATH"].split(os.pathsep)[1] == str(bin_dir)  # its Node 22 too
    bin_dir.mkdir(parents=True)
    (bin_dir / "cdktn").touch()
    assert toolchain.cdk_cli(tmp_path) == bin_dir / "cdktn"
    assert not [m for m in toolchain.missing(tmp_path) if " CLI (" in m]
    monkeypatch.setenv("KEYFORM_CDK", "cdktf")  # the variable wins over what was remembered
    assert toolchain.cdk_name(tmp_path) == "cdktf" and toolchain.cdk_bin(tmp_path) == tmp_path / "node_modules" / ".bin"
    monkeypatch.setenv("KEYFORM_CDK", "terrain")
    with pytest.raises(ValueError, match=r"KEYFORM_CDK='terrain': choose cdktf \(CDK for Terraform\) or cdktn"):
        toolchain.cdk_name(tmp_path)


def test_run_captures_stdout_and_stderr_without_colour(tmp_path):
    lines: list[str] = []
    script = "import sys; print('\\x1b[32mgreen\\x1b[0m', flush=True); print('oops', file=sys.stderr); sys.exit(3)"
    result = toolchain.run([sys.executable, "-c", script], tmp_path, os.environ, on_line=lines.append)
    assert (result.returncode, result.output, lines) == (3, "green\noops\n", ["green", "oops"])
    assert result.command[0] == sys.executable and result.seconds > 0
    assert result.describe().startswith(f"`{sys.executable} -c ") and " exited 3 after " in result.describe()
    assert result.describe().endswith("its output ends:\ngreen\noops") and result.tail(1) == "oops"


def test_run_kills_its_process_group_on_time_out(tmp_path):
    pid_file = tmp_path / "grandchild"
    script = f"sleep 60 & echo $! > {pid_file}; echo started; wait"
    started = time.monotonic()
    with pytest.raises(toolchain.TimedOut) as raised:
        toolchain.run(["sh", "-c", script], tmp_path, os.environ, timeout=1)
    assert time.monotonic() - started < 30
    assert raised.value.run.output == "started\n"
    assert str(raised.value).startswith("`sh -c ") and "did not end within 1 s" in str(raised.value)
    grandchild = int(pid_file.read_text())
    deadline = time.monotonic() + 10
    while alive(grandchild) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(grandchild), "the grandchild outlived the time-out"


def test_stderr_kept_apart_when_asked(tmp_path):
    script = "import sys; print('out'); print('err', file=sys.stderr)"
    apart = toolchain.run([sys.executable, "-c", script], tmp_path, os.environ, separate_stderr=True)
    assert (apart.output, apart.errors) == ("out\n", "err\n")
    together = toolchain.run([sys.executable, "-c", script], tmp_path, os.environ)
    assert sorted(together.output.split()) == ["err", "out"] and together.errors == ""


CTRL_C_DRIVER = """
import os, signal, sys
from keyform import toolchain

# Ctrl-C as a terminal's shell leaves it: a shell's background job (a CI step run with `&`) starts with SIGINT
# ignored, and Python then raises no KeyboardInterrupt.
signal.signal(signal.SIGINT, signal.default_int_handler)

CHILD = '''
import signal, sys, time
{on_sigint}
print("working", flush=True)
time.sleep(30)
'''

def on_line(line):
    print(line, flush=True)
    if line == "working":
        {ctrl_c}

try:
    toolchain.run([sys.executable, "-c", CHILD], ".", dict(os.environ), timeout=60, on_line=on_line, own_group=False,
                  outlive_us={outlive_us})
except KeyboardInterrupt:
    print("interrupted, after the command ended", flush=True)
    sys.exit(130)
"""


def _driver(on_sigint: str, ctrl_c: str, outlive_us: bool) -> str:
    """The driver: its command handles SIGINT with ``on_sigint``; ``ctrl_c`` runs once the command works; the
    command's output comes through a pipe, or a followed file (``outlive_us``: as cdktf's in the main job)."""
    return (CTRL_C_DRIVER.replace("{on_sigint}", on_sigint).replace("{ctrl_c}", ctrl_c)
            .replace("{outlive_us}", str(outlive_us)))


@pytest.mark.parametrize("outlive_us", [False, True], ids=["pipe", "followed-file"])
def test_a_ctrl_c_that_reached_the_command_too_lets_it_end_as_it_means_to(tmp_path, outlive_us):
    """In our process group (cdktf, and Terraform under it), a command gets a terminal's Ctrl-C itself: it is read
    to its end, not killed while it finishes what is under way (Terraform saving the state)."""
    driver = _driver(on_sigint='signal.signal(signal.SIGINT, lambda *_: (print("stopping: finishing what is under '
                              'way", flush=True), time.sleep(0.5), print("done", flush=True), sys.exit(1)))',
                     ctrl_c="os.killpg(0, signal.SIGINT)  # a terminal's Ctrl-C: the whole foreground group, us too",
                     outlive_us=outlive_us)
    done = subprocess.run([sys.executable, "-c", driver], cwd=tmp_path, capture_output=True, text=True,
                          timeout=60, start_new_session=True)  # a group of its own: the Ctrl-C reaches no one else
    assert done.returncode == 130, done.stdout + done.stderr
    assert done.stdout.splitlines() == ["working", "stopping: finishing what is under way", "done",
                                        "interrupted, after the command ended"]


@pytest.mark.parametrize("outlive_us", [False, True], ids=["pipe", "followed-file"])
def test_a_second_ctrl_c_kills_a_command_that_goes_on(tmp_path, outlive_us):
    driver = _driver(on_sigint="signal.signal(signal.SIGINT, signal.SIG_IGN)  # a command that does not stop",
                     ctrl_c="import threading; threading.Timer(1.0, os.killpg, (0, signal.SIGINT)).start(); "
                            "os.killpg(0, signal.SIGINT)  # Ctrl-C, and again 1 s later", outlive_us=outlive_us)
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", driver], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                          start_new_session=True)
    assert done.returncode == 130, done.stdout + done.stderr
    assert done.stdout.splitlines() == ["working", "interrupted, after the command ended"]
    assert time.monotonic() - started < 20  # killed, not waited for (it would sleep 30 s)
