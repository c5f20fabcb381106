"""The KMIP simulators' PyKMIP engine: each request is checked against its own KMIP version's attribute policy,
built once per version."""

from __future__ import annotations

import pytest

from keyform.simulators.kmip.pykmip import AttributePolicy, contents, exceptions, new_engine


@pytest.fixture
def engine(tmp_path):
    made = new_engine(str(tmp_path / "kmip.db"))
    yield made
    made._data_store.dispose()


def _rules(attribute_policy) -> list[tuple[str, bool, bool]]:
    return [(name, attribute_policy.is_attribute_supported(name), attribute_policy.is_attribute_deprecated(name))
            for name in attribute_policy.get_all_attribute_names()]


def test_each_version_gets_its_own_policy_built_once(engine):
    kmip_1_2, kmip_2_0 = contents.ProtocolVersion(1, 2), contents.ProtocolVersion(2, 0)
    engine._set_protocol_version(kmip_1_2)
    first = engine._attribute_policy
    engine._set_protocol_version(kmip_2_0)
    assert engine._protocol_version == kmip_2_0
    assert _rules(engine._attribute_policy) == _rules(AttributePolicy(kmip_2_0))
    assert _rules(engine._attribute_policy) != _rules(first)
    engine._set_protocol_version(contents.ProtocolVersion(1, 2))
    assert engine._attribute_policy is first
    assert _rules(first) == _rules(AttributePolicy(kmip_1_2))


def test_a_version_it_does_not_serve_is_refused_as_pykmip_refuses_it(engine):
    with pytest.raises(exceptions.InvalidMessage, match="KMIP 3.0 is not supported by the server"):
        engine._set_protocol_version(contents.ProtocolVersion(3, 0))
