"""Fixtures of the end-to-end scenarios: a cdktf project per scenario (see ``harness``)."""

from __future__ import annotations

import pytest

from tests.e2e.harness import Project


@pytest.fixture
def project(tmp_path):
    """``project(env)``: a fresh cdktf project in the test's temporary directory."""

    def _make(env: dict, name: str = "project") -> Project:
        return Project(tmp_path / name, env)

    return _make
