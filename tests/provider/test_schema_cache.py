"""The schema answer a launch keeps for later launches of the same code (keyform.provider.schema_cache), through
real provider processes and a real gRPC client."""

import hashlib
import os
import stat
import subprocess
import sys
import time

import grpc
from google.protobuf.empty_pb2 import Empty
from tf.gen import grpc_controller_pb2 as controller_pb
from tf.gen import grpc_controller_pb2_grpc as controller_rpc
from tf.gen import grpc_stdio_pb2_grpc as stdio_rpc
from tf.gen import tfplugin_pb2 as pb
from tf.gen import tfplugin_pb2_grpc as rpc

from keyform import __version__
from keyform.provider import schema_cache
from keyform.provider.code import code_digest
from keyform.provider.plugin_server import MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE
from tests.processes import started

PLUGIN_ENV = {**{k: v for k, v in os.environ.items() if k not in ("PLUGIN_CLIENT_CERT", "KEYFORM_LAUNCHER_VERSION",
                                                                  "KEYFORM_LAUNCHER_DIGEST")},
              MAGIC_COOKIE_KEY: MAGIC_COOKIE_VALUE}


def _schema(env, imports_log=None) -> pb.GetProviderSchema.Response:
    """The schema, asked as Terraform's first launch of a command asks it (go-plugin's stdio stream first). With
    ``imports_log`` the process writes Python's ``-X importtime`` report there."""
    options = ["-X", "importtime"] if imports_log else []
    with open(imports_log or os.devnull, "w") as stderr, \
            started([sys.executable, *options, "-m", "keyform.provider"], stdout=subprocess.PIPE, stderr=stderr,
                    env=env) as process:
        socket_path = process.stdout.readline().decode().split("|")[3]
        with grpc.insecure_channel(f"unix://{socket_path}") as channel:
            assert list(stdio_rpc.GRPCStdioStub(channel).StreamStdio(Empty(), timeout=10)) == []
            answer = rpc.ProviderStub(channel).GetProviderSchema(pb.GetProviderSchema.Request(), timeout=30)
            controller_rpc.GRPCControllerStub(channel).Shutdown(controller_pb.Empty(), timeout=10)
        assert process.wait(timeout=10) == 0
    return answer


def test_a_launch_answers_the_schema_an_earlier_launch_of_its_code_kept(tmp_path):
    env = {**PLUGIN_ENV, "XDG_CACHE_HOME": str(tmp_path),
           "KEYFORM_LAUNCHER_VERSION": __version__, "KEYFORM_LAUNCHER_DIGEST": code_digest()}
    first = _schema(env)
    assert "rest_object" in first.resource_schemas
    kept = list((tmp_path / "keyform").glob("provider-schema-*.bin"))
    assert len(kept) == 1
    assert stat.S_IMODE(kept[0].stat().st_mode) == 0o600
    assert _kept_answer(kept[0]) == first.SerializeToString()
    # What the next launch answers is what was kept (marked here so that it shows), not a schema built anew.
    marked = pb.GetProviderSchema.Response.FromString(_kept_answer(kept[0]))
    marked.provider.block.description = "kept by an earlier launch"
    _keep(kept[0], marked.SerializeToString())
    imports = tmp_path / "imports.txt"
    assert _schema(env, imports).provider.block.description == "kept by an earlier launch"
    loaded = imports.read_text()
    assert "keyform.provider.rpc_loop" in loaded  # the report is there...
    assert "keyform.provider.servicer" not in loaded and "tf.gen.tfplugin_pb2" not in loaded  # ...the provider not


def test_a_launch_without_the_launcher_keeps_nothing(tmp_path):
    answer = _schema({**PLUGIN_ENV, "XDG_CACHE_HOME": str(tmp_path)})
    assert "rest_object" in answer.resource_schemas
    assert not list(tmp_path.rglob("provider-schema-*"))


def _kept_answer(path) -> bytes:
    """The answer in a kept file (after its SHA-256), checked."""
    kept = path.read_bytes()
    assert hashlib.sha256(kept[32:]).digest() == kept[:32]
    return kept[32:]


def _keep(path, answer: bytes) -> None:
    path.write_bytes(hashlib.sha256(answer).digest() + answer)


def test_a_kept_answer_damaged_on_disk_is_not_answered_but_built_and_kept_again(tmp_path):
    env = {**PLUGIN_ENV, "XDG_CACHE_HOME": str(tmp_path),
           "KEYFORM_LAUNCHER_VERSION": __version__, "KEYFORM_LAUNCHER_DIGEST": code_digest()}
    first = _schema(env)
    [kept] = (tmp_path / "keyform").glob("provider-schema-*.bin")
    whole = kept.read_bytes()
    for damaged in (whole[:len(whole) // 2], whole[:40] + bytes([whole[40] ^ 0xFF]) + whole[41:], b""):
        kept.write_bytes(damaged)
        assert _schema(env) == first
        assert kept.read_bytes() == whole  # built anew and kept again


def test_keeping_an_answer_removes_the_answers_of_other_code_not_written_for_a_month(tmp_path, monkeypatch):
    folder = tmp_path / "keyform"
    folder.mkdir()
    old, recent, other = folder / "provider-schema-old.bin", folder / "provider-schema-recent.bin", folder / "notes"
    for path in (old, recent, other):
        path.write_bytes(b"x")
    month_ago = time.time() - (schema_cache.PRUNE_AFTER_DAYS + 1) * 86400
    os.utime(old, (month_ago, month_ago))
    os.utime(other, (month_ago, month_ago))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("KEYFORM_LAUNCHER_DIGEST", code_digest())
    schema_cache.store(b"answer")
    assert schema_cache.load() == b"answer"
    assert not old.exists() and recent.exists() and other.exists()
