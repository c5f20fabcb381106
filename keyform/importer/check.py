"""Before anything is written: what was read must be text the generated code can carry, and the
rendered stack must pass the constructs' own checks (it is built once, in a throwaway app)."""

from __future__ import annotations

import dataclasses
import tempfile

from keyform.importer.errors import ImportFailed
from keyform.importer.model import Inventory
from keyform.importer.source import printable

TEMPLATE_MARKS = ("${", "%{")  # Terraform would evaluate these in the synthesized JSON


def check_text(inventory: Inventory) -> None:
    """Refuse a value read from an appliance that holds a control character or a Terraform template mark."""
    for kind, appliances in (("ontap", inventory.ontap), ("vsp", inventory.vsp)):
        for appliance in appliances:
            _walk(f"{kind}={appliance.name}", appliance)
    for dr_set in inventory.vault:
        _walk("vault=" + ",".join(m.cli_name for m in dr_set.members), dr_set)


def _walk(where: str, value) -> None:
    if dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            _walk(where, getattr(value, field.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            _walk(where, item)
    elif isinstance(value, str):
        if not value.isprintable():
            raise ImportFailed(f"{where}: the value '{printable(value)}' holds a control character: keyform "
                               "cannot declare it")
        if any(mark in value for mark in TEMPLATE_MARKS):
            raise ImportFailed(f"{where}: the value '{value}' holds '${{' or '%{{', which Terraform would read as "
                               "an expression: keyform cannot declare it")


def check_stack(text: str, class_name: str) -> None:
    """Build the stack of ``text``; a :class:`KeyformConfigError` becomes an :class:`ImportFailed`."""
    from keyform.cdk import App

    from keyform.constructs import KeyformConfigError

    namespace: dict = {"__name__": "keyform_import_check"}
    exec(compile(text, "<generated stack>", "exec"), namespace)  # noqa: S102 - our own generated code
    with tempfile.TemporaryDirectory(prefix="keyform-import-") as outdir:
        try:
            namespace[class_name](App(outdir=outdir), "adopted")
        except KeyformConfigError as exc:
            raise ImportFailed(f"what was read cannot be declared with keyform's constructs: {exc}") from None
