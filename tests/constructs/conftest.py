"""Fixtures of the construct tests: a cdktf test app per test, a private provider mirror and a
scratch directory for the terraform/cdktf runs (removed at the end), and the example stacks of
``main.py`` synthesized once per session."""

from __future__ import annotations

import json
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
from keyform.cdk import App, TerraformStack, Testing

from keyform.provider.install import cli_config, install_into
from tests.constructs.support import FOREIGN, STACKS


@pytest.fixture(scope="session")
def scratch():
    """A directory for everything these tests write (outdirs, project copies, TMPDIR of subprocesses)."""
    root = Path(tempfile.mkdtemp(prefix="keyform-constructs-"))
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def mirror(scratch) -> Path:
    """The provider in a private filesystem mirror with its CLI config (``<mirror>/terraformrc``)."""
    root = scratch / "mirror"
    install_into(root / "plugins")
    (root / "terraformrc").write_text(cli_config(root / "plugins"))
    return root


@pytest.fixture
def app(scratch) -> App:
    """A cdktf test app whose outdir is inside ``scratch`` (Testing.app() alone leaves one in $TMPDIR)."""
    (scratch / "apps").mkdir(exist_ok=True)
    return Testing.app(outdir=str(scratch / "apps" / uuid.uuid4().hex))


@pytest.fixture
def stack(app) -> TerraformStack:
    return TerraformStack(app, "test")


@pytest.fixture(scope="session")
def example_synth(scratch) -> dict:
    """``main.build`` synthesized once into ``scratch``: stack name → (directory, decoded cdk.tf.json).

    Built with the stacks' defaults (the embedded simulators' addresses: KEYFORM_SIMULATORS=1), whatever
    KEYFORM_* settings the caller's shell has."""
    import os

    import main

    saved = {k: os.environ.pop(k) for k in list(os.environ) if k.startswith(FOREIGN)}
    os.environ["KEYFORM_SIMULATORS"] = "1"
    try:
        outdir = scratch / "example-synth"
        main.build(App(outdir=str(outdir))).synth()
    finally:
        del os.environ["KEYFORM_SIMULATORS"]
        os.environ.update(saved)
    result = {}
    for name in STACKS:
        directory = outdir / "stacks" / name
        result[name] = (directory, json.loads((directory / "cdk.tf.json").read_text()))
    return result
