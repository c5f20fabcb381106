"""The shared primary/secondary model: rules no single construct reaches on its own, and Endpoint parsing."""

from __future__ import annotations

import pytest

from keyform.constructs import Endpoint, KeyformConfigError, Topology
from tests.constructs.support import raises_config_error


def test_exactly_one_primary():
    topology = Topology("stack/set")
    topology.add_primary("a")
    topology.add_primary("b")
    with raises_config_error("stack/set", "primary", "2 primaries declared", "mark exactly one member as primary"):
        topology.validate("member", exactly_one_primary=True)
    with raises_config_error("stack/set", "primary", "0 primaries declared", "mark exactly one member as primary"):
        Topology("stack/set", []).validate("member", exactly_one_primary=True)


def test_a_secondary_of_two_primaries_unless_allowed():
    topology = Topology("stack/set")
    for primary in ("a", "b"):
        topology.add_primary(primary)
        topology.add_secondary("s", of=primary)
    topology.validate("member", secondaries_unique_per_primary_only=True)
    with raises_config_error("stack/set", "secondaries", "s is a secondary of more than one primary",
                             "give each secondary one primary"):
        topology.validate("member")


def test_error_carries_its_parts():
    error = KeyformConfigError("stack/km", "key_servers[0].timeout", "99 is out of range", "use 1 to 60 seconds")
    assert (error.construct_path, error.field, error.problem, error.fix) == (
        "stack/km", "key_servers[0].timeout", "99 is out of range", "use 1 to 60 seconds")
    assert str(error) == "stack/km: key_servers[0].timeout: 99 is out of range. Fix: use 1 to 60 seconds"
    assert isinstance(error, ValueError)


@pytest.mark.parametrize("text, host, port", [
    ("kms1.example.com", "kms1.example.com", 5696),
    (" KMS1.example.com:5697 ", "kms1.example.com", 5697),
    ("10.0.0.1", "10.0.0.1", 5696),
    ("[FD00::1]", "[fd00::1]", 5696),
    ("[fd00::1]:443", "[fd00::1]", 443),
])
def test_endpoint_parse(text, host, port):
    endpoint = Endpoint.parse(text, "p", "f")
    assert (endpoint.host, endpoint.port) == (host, port)
    assert str(endpoint) == f"{host}:{port}"


def test_endpoint_parse_none_is_empty():
    with raises_config_error("p", "f", "is empty", "give a host name or address, e.g. 'kms1.example.com:5696'"):
        Endpoint.parse(None, "p", "f")
