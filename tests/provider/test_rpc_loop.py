"""The provider's own gRPC loop (keyform.provider.rpc_loop), spoken to by a real gRPC client over its socket."""

import os
import socket
import subprocess
import sys
import time
from concurrent import futures

import grpc
import msgpack
import pytest
from google.protobuf.empty_pb2 import Empty
from tf.gen import grpc_controller_pb2 as controller_pb
from tf.gen import grpc_controller_pb2_grpc as controller_rpc
from tf.gen import grpc_stdio_pb2_grpc as stdio_rpc
from tf.gen import tfplugin_pb2 as pb
from tf.gen import tfplugin_pb2_grpc as rpc
from tf.utils import Diagnostics

from keyform.provider.plugin_server import MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE
from keyform.provider.provider import RestProvider
from tests.processes import started

# plain gRPC (no PLUGIN_CLIENT_CERT): the loop is the same with TLS, which every terraform test speaks
PLUGIN_ENV = {**{k: v for k, v in os.environ.items() if k != "PLUGIN_CLIENT_CERT"},
              MAGIC_COOKIE_KEY: MAGIC_COOKIE_VALUE}


@pytest.fixture
def channel():
    with started([sys.executable, "-m", "keyform.provider"], stdout=subprocess.PIPE, env=PLUGIN_ENV) as process:
        socket_path = process.stdout.readline().decode().split("|")[3]
        with grpc.insecure_channel(f"unix://{socket_path}") as opened:
            yield opened
        process.terminate()
        assert process.wait(timeout=10) == 0


def _provider_config(**values):
    names = [a.name for a in RestProvider().get_provider_schema(Diagnostics()).attributes]
    return pb.DynamicValue(msgpack=msgpack.packb({**dict.fromkeys(names), **values}))


def _object_config(**values):
    names = [a.name for a in RestProvider().get_resources()[0].get_schema().attributes]
    return pb.DynamicValue(msgpack=msgpack.packb({**dict.fromkeys(names), **values}))


def test_a_method_it_does_not_serve_is_unimplemented_by_name(channel):
    call = channel.unary_unary("/plugin.GRPCBroker/StartStream")
    with pytest.raises(grpc.RpcError) as raised:
        call(b"", timeout=10)
    assert raised.value.code() == grpc.StatusCode.UNIMPLEMENTED
    assert "/plugin.GRPCBroker/StartStream" in raised.value.details()


def test_the_stdio_stream_ends_at_once_with_nothing_in_it(channel):
    answers = stdio_rpc.GRPCStdioStub(channel).StreamStdio(Empty(), timeout=10)
    assert list(answers) == []


def test_a_request_it_cannot_parse_is_an_error_status_not_a_hang(channel):
    call = channel.unary_unary("/tfplugin6.Provider/ValidateResourceConfig")
    with pytest.raises(grpc.RpcError) as raised:
        call(b"\xff\xff\xff", timeout=10)
    assert raised.value.code() == grpc.StatusCode.UNKNOWN
    assert "DecodeError" in raised.value.details()


def test_calls_that_compute_are_answered_while_a_read_waits_on_an_appliance(channel):
    # An "appliance" that takes connections and never answers: the read waits on it for its timeout.
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(16)
    try:
        stub = rpc.ProviderStub(channel)
        schema = stub.GetProviderSchema(pb.GetProviderSchema.Request(), timeout=30)
        assert "rest_object" in schema.resource_schemas
        configured = stub.ConfigureProvider(pb.ConfigureProvider.Request(config=_provider_config(
            base_url=f"http://127.0.0.1:{silent.getsockname()[1]}", timeout_seconds=20, retry_max=0)), timeout=30)
        assert not configured.diagnostics
        state = _object_config(path="/things", data='{"name":"a"}', id="a", response="{}")
        with futures.ThreadPoolExecutor(2) as pool:
            reads = [pool.submit(stub.ReadResource, pb.ReadResource.Request(type_name="rest_object",
                                                                             current_state=state), timeout=30)
                     for _ in range(2)]
            time.sleep(0.5)
            started_at = time.monotonic()
            validated = stub.ValidateResourceConfig(pb.ValidateResourceConfig.Request(
                type_name="rest_object", config=_object_config(path="/things", data="{not json")), timeout=10)
            assert time.monotonic() - started_at < 2, "a validation waited behind the reads"
            assert any("data" in d.summary or "data" in d.detail for d in validated.diagnostics)
            assert not any(read.done() for read in reads), "the silent appliance answered?"
            controller_rpc.GRPCControllerStub(channel).Shutdown(controller_pb.Empty(), timeout=10)
            for read in reads:  # the reads under way are cancelled with the process, not left hanging
                with pytest.raises(grpc.RpcError):
                    read.result(timeout=10)
    finally:
        silent.close()
