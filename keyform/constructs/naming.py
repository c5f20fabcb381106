"""Text the constructs synthesize: request bodies as ``jsonencode`` writes them, and construct ids."""

from __future__ import annotations

import json
import re
from typing import Any, Iterable, Optional


def canonical(value: Any) -> str:
    """Compact JSON with sorted keys, byte for byte what Terraform's ``jsonencode`` writes."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def slug(text: str) -> str:
    """A construct id part from a name or address (``kms1.example.com:5696`` → ``kms1_example_com_5696``)."""
    return re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_")


def slug_clash(names: Iterable[str]) -> Optional[tuple[str, str]]:
    """Two distinct names that would get the same construct id, if any."""
    seen: dict[str, str] = {}
    for name in names:
        other = seen.setdefault(slug(name), name)
        if other != name:
            return name, other
    return None


# rest_operation's attributes that hold JSON text (bodies, predicates); maps and lists are passed as they are.
JSON_ATTRIBUTES = frozenset({"body", "read_body", "destroy_body", "effective_when", "run_if", "destroy_if",
                             "preconditions"})


def api_json(settings: dict[str, Any]) -> Optional[str]:
    """``rest_object``'s ``api`` attribute from an appliance module's settings: canonical JSON (sorted keys,
    compact), so a synth gives the same text every time and a review's diff shows only real changes."""
    return canonical(settings) if settings else None


def attributes(settings: dict[str, Any]) -> dict[str, Any]:
    """Resource attributes from an appliance module's settings: the JSON-valued ones as the canonical text the
    provider compares, everything else as it is."""
    return {k: canonical(v) if k in JSON_ATTRIBUTES and not isinstance(v, str) else v for k, v in settings.items()}
