"""The provider process never outlives Terraform, and refuses to be started by hand."""

import os
import subprocess
import sys
import time

from keyform.provider.plugin_server import MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE
from tests.processes import alive, started

PLUGIN_ENV = {**os.environ, MAGIC_COOKIE_KEY: MAGIC_COOKIE_VALUE}


def test_provider_leaves_when_its_parent_dies_without_a_shutdown_call():
    # A parent (standing in for a Terraform that was killed) starts the provider, reads the
    # handshake and exits without stopping it.
    starter = ("import subprocess, sys; p = subprocess.Popen([sys.executable, '-m', 'keyform.provider'], "
               "stdout=subprocess.PIPE); print(p.stdout.readline().decode().split('|')[3], p.pid)")
    out = subprocess.run([sys.executable, "-c", starter], capture_output=True, text=True, env=PLUGIN_ENV, timeout=30)
    socket_path, pid = out.stdout.split()
    deadline = time.monotonic() + 10
    while alive(int(pid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive(int(pid)), "the provider outlived its parent"
    assert not os.path.exists(os.path.dirname(socket_path)), "its socket directory was left behind"


def test_started_by_hand_it_says_what_it_is():
    env = {k: v for k, v in os.environ.items() if k != MAGIC_COOKIE_KEY}
    done = subprocess.run([sys.executable, "-m", "keyform.provider"], capture_output=True, text=True, env=env,
                          timeout=30)
    assert done.returncode == 1
    assert "This is the keyform 'rest' Terraform provider" in done.stderr and done.stdout == ""


def test_a_client_certificate_that_is_not_one_is_refused_before_the_handshake_by_name(tmp_path):
    env = {**PLUGIN_ENV, "PLUGIN_CLIENT_CERT": "not a certificate", "TMPDIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "keyform.provider"], capture_output=True, text=True, env=env,
                          timeout=30)
    assert done.returncode == 1 and done.stdout == ""  # no handshake line
    assert "keyform rest provider: PLUGIN_CLIENT_CERT is not a PEM certificate" in done.stderr
    assert "Traceback" not in done.stderr
    assert os.listdir(tmp_path) == []  # its private folder and socket are gone


def test_sigterm_after_start_up_stops_the_provider_cleanly():
    # Signals may land on a gRPC thread; the main thread must still notice within its wait interval.
    with started([sys.executable, "-m", "keyform.provider"], stdout=subprocess.PIPE,
                          env=PLUGIN_ENV) as process:
        socket_path = process.stdout.readline().decode().split("|")[3]
        time.sleep(0.3)
        process.terminate()
        assert process.wait(timeout=5) == 0
    assert not os.path.exists(os.path.dirname(socket_path))


def test_sigterm_at_any_moment_stops_the_provider():
    # Right after the handshake, while the main thread enters its wait: a handler that took the wait's
    # lock could hang the provider there for ever. Each round must end promptly.
    for _ in range(6):
        with started([sys.executable, "-m", "keyform.provider"], stdout=subprocess.PIPE, env=PLUGIN_ENV) as process:
            socket_path = process.stdout.readline().decode().split("|")[3]
            process.terminate()
            assert process.wait(timeout=5) == 0
        assert not os.path.exists(os.path.dirname(socket_path))


def test_a_shutdown_call_ends_the_provider_and_removes_its_socket():
    import grpc
    from tf.gen import grpc_controller_pb2 as controller_pb
    from tf.gen import grpc_controller_pb2_grpc as controller_rpc

    env = {k: v for k, v in PLUGIN_ENV.items() if k != "PLUGIN_CLIENT_CERT"}
    with started([sys.executable, "-m", "keyform.provider"], stdout=subprocess.PIPE, env=env) as process:
        socket_path = process.stdout.readline().decode().split("|")[3]
        with grpc.insecure_channel(f"unix://{socket_path}") as channel:
            controller_rpc.GRPCControllerStub(channel).Shutdown(controller_pb.Empty(), timeout=10)
        assert process.wait(timeout=10) == 0
    assert not os.path.exists(os.path.dirname(socket_path))


def test_schema_and_validation_do_not_load_the_http_stack():
    # Terraform starts a provider just for the schema and another just for validation: neither
    # may pay for importing requests/urllib3 (~0.1 s each time).
    probe = (
        "import sys; from keyform.provider.provider import RestProvider; "
        "from keyform.provider.servicer import Servicer; from tf.gen import tfplugin_pb2 as pb; "
        "from tf.utils import to_dynamic_value; s = Servicer(RestProvider); s.GetProviderSchema(None, None); "
        "r = s.ValidateResourceConfig(pb.ValidateResourceConfig.Request(type_name='rest_object', "
        "config=to_dynamic_value({'path': '/x', 'data': '{}'})), None); assert not r.diagnostics, r; "
        "print(sorted(m for m in ('requests', 'urllib3') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_terraform_with_plugin_tls_disabled_talks_plain_grpc(api, terraform):
    # TF_DISABLE_PLUGIN_TLS=1 makes Terraform expect a handshake without a certificate (go-plugin
    # crashes Terraform on one it did not ask for).
    from tests.provider.conftest import config

    tf = terraform()
    tf.write(config(api.base_url,
                    'resource "rest_object" "x" {\n  path = "/things"\n  data = jsonencode({ name = "a" })\n}\n'))
    plain = {"TF_DISABLE_PLUGIN_TLS": "1"}
    assert "1 added" in tf.apply(env=plain).stdout
    assert "No changes." in tf.plan(env=plain).stdout


def test_with_a_timings_log_it_records_its_calls_and_what_the_process_cost(tmp_path):
    # The benchmark splits a Terraform run's CPU between Terraform, provider and API from this log.
    import grpc
    from tf.gen import grpc_controller_pb2 as controller_pb
    from tf.gen import grpc_controller_pb2_grpc as controller_rpc
    from tf.gen import tfplugin_pb2 as pb
    from tf.gen import tfplugin_pb2_grpc as rpc
    from tf.utils import to_dynamic_value

    log = tmp_path / "times.txt"
    env = {k: v for k, v in PLUGIN_ENV.items() if k != "PLUGIN_CLIENT_CERT"}
    env["KEYFORM_PROVIDER_TIMINGS"] = str(log)
    with started([sys.executable, "-m", "keyform.provider"], stdout=subprocess.PIPE, env=env) as process:
        socket_path = process.stdout.readline().decode().split("|")[3]
        with grpc.insecure_channel(f"unix://{socket_path}") as channel:
            rpc.ProviderStub(channel).ValidateResourceConfig(pb.ValidateResourceConfig.Request(
                type_name="rest_object", config=to_dynamic_value({"path": "/x", "data": "{}"})), timeout=30)
            controller_rpc.GRPCControllerStub(channel).Shutdown(controller_pb.Empty(), timeout=10)
        assert process.wait(timeout=10) == 0
    calls, exit_line = log.read_text().splitlines()
    kind, method, count, total_ms = calls.split()
    assert (kind, method, count) == ("calls", "ValidateResourceConfig", "1") and float(total_ms) > 0
    name, cpu_ms, peak_kib = exit_line.split()
    assert name == "process" and float(cpu_ms) > 10 and int(peak_kib) > 10 * 1024


def test_without_a_timings_log_it_writes_nothing(tmp_path):
    env = {k: v for k, v in PLUGIN_ENV.items() if k not in ("PLUGIN_CLIENT_CERT", "KEYFORM_PROVIDER_TIMINGS")}
    env["TMPDIR"] = str(tmp_path)
    with started([sys.executable, "-m", "keyform.provider"], stdout=subprocess.PIPE, env=env) as process:
        process.stdout.readline()
        process.terminate()
        assert process.wait(timeout=5) == 0
    assert list(tmp_path.iterdir()) == []
