"""Import ids: an object path (``/security/key-managers/<uuid>``) or a JSON object of attributes.

A JSON id gives every attribute the resource is declared with, so that the imported state matches the
configuration and the plan after an import changes nothing (``N to import, 0 to change``). Values are
converted by the attribute's schema type: a JSON-text attribute (``data``, ``api``, a predicate) may
be given as an object and is stored as canonical text; maps and lists stay as they are.
"""

from __future__ import annotations

import json
from typing import Any, Optional
from urllib.parse import unquote

from tf import types as t
from tf.schema import Schema
from tf.utils import Diagnostics

from keyform.provider import jsondata
from keyform.provider.object_api import KEYS


def parse(diags: Diagnostics, schema: Schema, import_id: str, allow_path: bool = True) -> Optional[dict[str, Any]]:
    """The state an import id describes (every schema attribute present, unknown ones refused)."""
    state: dict[str, Any] = {a.name: None for a in schema.attributes}
    text = import_id.strip()
    if text.startswith("{"):
        try:
            given = json.loads(text)
        except ValueError as exc:
            diags.add_error("Invalid import id",
                            f"It starts with '{{' but is not valid JSON: {jsondata.decode_problem(exc)}.")
            return None
        unknown = set(given) - set(state)
        if unknown or "path" not in given or "id" not in given:
            nested = " (keys of 'api' go inside it: {\"api\": {...}})" if "api" in state and unknown & set(KEYS) else ""
            diags.add_error("Invalid import id", "A JSON import id needs 'path' and 'id' and may set the "
                            f"resource's attributes; unknown: {', '.join(sorted(unknown)) or 'none'}{nested}.")
            return None
        types = {a.name: a.type for a in schema.attributes}
        state.update({k: _typed(v, types[k]) for k, v in given.items()})
    elif allow_path:
        collection, _, last = text.rstrip("/").rpartition("/")
        if not collection or not last:
            diags.add_error("Invalid import id", f"'{text}' is not an object path like /collection/<id>.")
            return None
        state.update(path=collection, id=unquote(last))
    else:
        diags.add_error("Invalid import id", "Give the operation's attributes as a JSON object with 'path' and 'id'.")
        return None
    state["id"] = str(state["id"])
    return state


def _typed(value: Any, kind: t.TfType) -> Any:
    if isinstance(kind, t.String) and isinstance(value, (dict, list)):
        return jsondata.canonical(value)
    if isinstance(kind, t.Map) and isinstance(value, dict):
        return {k: v if isinstance(v, str) else json.dumps(v) for k, v in value.items()}
    return value
