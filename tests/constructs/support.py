"""Helpers for the construct tests: synthesize a stack, find a construct's resource, check an error.

``tool_env`` is the environment terraform and the cdktf CLI need (:func:`keyform.toolchain.environment`,
what ``.keyform/env.sh`` sets) without the caller's own settings, so the tests do not depend on its shell.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from keyform.cdk import TerraformStack, Testing

from keyform import toolchain
from keyform.constructs import KeyformConfigError

REPO = Path(__file__).resolve().parents[2]
STACKS = ("ontap", "vsp", "vault-dr", "site")
# Settings of stacks/endpoints.py and secrets a caller's shell may hold: never inherited.
FOREIGN = toolchain.FOREIGN


def tool_env(root: Path, mirror: Path, **extra: str) -> dict:
    """The environment of ``.keyform/env.sh`` for the repository, without the caller's FOREIGN settings:
    this Python and the cdktf CLI on PATH, the provider from a private filesystem mirror (its
    ``terraformrc``), temp files under ``root``."""
    return toolchain.environment(REPO, config=mirror / "terraformrc", drop=FOREIGN, TMPDIR=str(root),
                                 PYTHONDONTWRITEBYTECODE="1", **extra)


def synth(stack: TerraformStack) -> dict:
    """The stack's Terraform JSON (cdktf.Testing.synth, decoded)."""
    return json.loads(Testing.synth(stack))


def logical_id(construct) -> str:
    return TerraformStack.of(construct).get_logical_id(construct)


def ref(construct) -> str:
    """How ``depends_on`` names a resource: ``rest_object.<logical id>``."""
    return f"{construct.terraform_resource_type}.{logical_id(construct)}"


def resource(synthesized: dict, construct) -> dict:
    """The synthesized block of one resource construct."""
    return synthesized["resource"][construct.terraform_resource_type][logical_id(construct)]


def decoded(block: dict, key: str) -> Any:
    return json.loads(block[key])


def has_resource(stack: TerraformStack, construct, properties: dict) -> bool:
    """cdktf.Testing's matcher on the stack's synthesized JSON, for the construct's resource type."""
    return Testing.to_have_resource_with_properties(Testing.synth(stack), construct.terraform_resource_type, properties)


def raises_config_error(construct_path: str, field: str, problem: str, fix: str):
    """Context manager: a KeyformConfigError with exactly this path, field, problem and fix (and message)."""
    message = f"{construct_path}: {field}: {problem}. Fix: {fix}"
    return pytest.raises(KeyformConfigError, match=f"^{re.escape(message)}$")


def walk(value: Any, trail: tuple = ()):
    """Every (trail, key, value) of a decoded JSON document, JSON strings that hold objects included."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield trail, key, item
            yield from walk(item, trail + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, trail + (index,))
    elif isinstance(value, str) and value[:1] in "{[":
        try:
            inner = json.loads(value)
        except ValueError:
            return
        yield from walk(inner, trail + ("<json>",))
