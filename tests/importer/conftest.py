"""Fixtures of the importer tests: the brownfield (simulators populated once per module) and an
environment that holds only its KEYFORM_* settings."""

from __future__ import annotations

import os

import pytest

from tests.importer import brownfield as field

FOREIGN = ("KEYFORM_", "TF_", "CDKTF_")


@pytest.fixture(scope="module")
def brownfield():
    running = field.build()
    yield running
    running.stop()


@pytest.fixture
def environ(monkeypatch, brownfield) -> dict:
    """``os.environ`` without the caller's KEYFORM_*/TF_*/CDKTF_* settings, with the brownfield's; the dict
    returned is that environment (tests may set more in it through ``monkeypatch``)."""
    for key in list(os.environ):
        if key.startswith(FOREIGN):
            monkeypatch.delenv(key)
    for key, value in brownfield.env.items():
        monkeypatch.setenv(key, value)
    return os.environ
