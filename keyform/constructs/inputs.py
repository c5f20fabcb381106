"""Secrets enter as sensitive inputs: a ``TerraformVariable`` marked sensitive, set by ``TF_VAR_<name>``.

A literal string is refused: it would be written into ``cdk.tf.json`` in clear.
"""

from __future__ import annotations

from typing import Any

from cdktf import TerraformVariable
from constructs import Construct

from keyform.constructs.errors import KeyformConfigError


def secret(scope: Construct, name: str, description: str, required: bool = True) -> TerraformVariable:
    """A sensitive string variable. With ``required=False`` it defaults to "" (e.g. a DR operation
    token needed only when a failover is declared)."""
    extra: dict[str, Any] = {} if required else {"default": ""}
    return TerraformVariable(scope, name, type="string", sensitive=True, nullable=False,
                             description=f"{description} (sensitive; set TF_VAR_{name})", **extra)


def require_secret(value: Any, construct_path: str, field: str) -> TerraformVariable:
    if isinstance(value, TerraformVariable):
        return value
    kind = "a literal string" if isinstance(value, str) else type(value).__name__
    raise KeyformConfigError(
        construct_path, field, f"is {kind}; secrets must not be written into the synthesized JSON",
        "pass keyform.constructs.secret(scope, name, description) and set TF_VAR_<name> when deploying",
    )
