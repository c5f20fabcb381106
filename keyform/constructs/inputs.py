"""Secrets enter as sensitive inputs: a ``TerraformVariable`` set by ``TF_VAR_<name>``.

The variable is ``sensitive`` (masked in output) and ``ephemeral`` (Terraform >= 1.10: never
written to a plan file or state; usable only where nothing is persisted, such as the
provider's write-only attributes). cdktf 0.21 has no ``ephemeral`` option, hence the override.
A literal string is refused: it would be written into ``cdk.tf.json`` in clear.
"""

from __future__ import annotations

from typing import Any

from keyform.cdk import TerraformVariable
from constructs import Construct

from keyform.constructs.adoption import hcl
from keyform.constructs.errors import KeyformConfigError


def secret(scope: Construct, name: str, description: str, required: bool = True) -> TerraformVariable:
    """A sensitive string variable. With ``required=False`` it defaults to "" (e.g. a DR operation
    token needed only when a failover is declared)."""
    extra: dict[str, Any] = {} if required else {"default": ""}
    variable = TerraformVariable(scope, name, type="string", sensitive=True, nullable=False,
                                 description=f"{description} (sensitive; set TF_VAR_{name})", **extra)
    variable.add_override("ephemeral", True)
    return variable


def require_secret(value: Any, construct_path: str, field: str) -> TerraformVariable:
    if isinstance(value, TerraformVariable):
        return value
    kind = "a literal string" if isinstance(value, str) else type(value).__name__
    raise KeyformConfigError(
        construct_path, field, f"is {kind}; secrets must not be written into the synthesized JSON",
        "pass keyform.constructs.secret(scope, name, description) and set TF_VAR_<name> when deploying",
    )


def when_set(secret: TerraformVariable, value: dict[str, Any]) -> str:
    """A ``write_only_data`` value, or null when the secret input is empty: nothing is sent for a value not supplied.
    (Written as HCL text: cdktf 0.21 turns the literals "" and 0 of ``Op.eq`` into ``undefined``.)"""
    return "${length(" + secret.fqn + ") == 0 ? null : jsonencode(" + hcl(value) + ")}"
