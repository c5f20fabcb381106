"""Adoption: ``import`` blocks that take what an appliance already holds into state, found at plan time.

An object is imported only where it exists: a lookup data source (``allow_missing``) reads it by its natural
key while Terraform plans, and the import block iterates over what the lookup found — one element, or none,
and then the object is created as usual. An operation (a role, a promotion) is imported unconditionally: its
read-back decides at the next refresh whether its effect holds (nothing to do) or not (the plan shows the
call). The import id is a JSON object of every attribute the resource is declared with, so the plan after an
import changes nothing.

cdktf 0.21 writes ``import`` blocks only without ``for_each`` (``import_from``); these are written as stack
overrides instead, collected per stack so that several constructs can add theirs.
"""

from __future__ import annotations

import json
import weakref
from typing import Any, Optional

from keyform.cdk import TerraformResource, TerraformStack
from constructs import Construct

_IMPORTS: "weakref.WeakKeyDictionary[TerraformStack, list[dict[str, Any]]]" = weakref.WeakKeyDictionary()


class Expression(str):
    """An HCL expression written as is (``each.value``, ``data.rest_object.x.values["id"]``)."""


def hcl(value: Any) -> str:
    """A Python value (or an :class:`Expression`) as an HCL expression."""
    if isinstance(value, Expression):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if value is None:
        return "null"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(hcl(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_string(str(k))} = {hcl(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {type(value).__name__} as HCL")


def _string(text: str) -> str:
    """An HCL string literal: JSON escaping, and ``${``/``%{`` escaped so a template stays text."""
    return json.dumps(text).replace("${", "$${").replace("%{", "%%{")


def declare_import(scope: Construct, resource: TerraformResource, attributes: dict[str, Any],
                   for_each: Optional[str] = None) -> None:
    """Import ``resource`` with the JSON id ``attributes`` (values may be :class:`Expression`\\ s; with
    ``for_each``, ``each.value`` is the element found)."""
    stack = TerraformStack.of(scope)
    block: dict[str, Any] = {"to": f"{resource.terraform_resource_type}.{resource.friendly_unique_id}",
                             "id": "${jsonencode(" + hcl(attributes) + ")}"}
    if for_each is not None:
        block["for_each"] = "${" + for_each + "}"
    blocks = _IMPORTS.setdefault(stack, [])
    blocks.append(block)
    stack.add_override("import", list(blocks))
