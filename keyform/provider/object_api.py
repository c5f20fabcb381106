"""``rest_object``'s ``api`` attribute: how the object's API is called, as one JSON object.

One attribute instead of 24 rarely-set ones: Terraform's CPU per object grows with the schema's attribute
count, set or not. :data:`KEYS` is the contract (key → kind, description); :func:`problems` checks a value
and names the key and the fix; :func:`from_v0` folds a version-0 state's attributes into it.
"""

from __future__ import annotations

import difflib
import json
from typing import Any, Mapping, Optional

from keyform.provider import jsondata
from keyform.provider.call_spec import METHODS, SpecError
from keyform.provider.common import DEFAULT_OMIT_KEYS, POLLING_KEYS

ATTRIBUTE = "api"
TEMPLATE_HELP = "Placeholders: `{path}`, `{id}`, `{data.<key>}`, `{response.<key>}`, `{secret.<name>}`."

# kind: "string", "method", "body" (a JSON object template), "list" (of strings), "bool", "sends", "polling"
KEYS: dict[str, tuple[str, str]] = {
    "id_attribute": ("string", "Path into the create response that holds the id (`uuid`, `records/0/uuid`). "
                     "Default: `id`, else `uuid`."),
    "id_template": ("string", "Build the id instead of reading it, for APIs that answer 201/204 without one "
                    "(e.g. `{data.server}`). " + TEMPLATE_HELP),
    "create_method": ("method", "Method of the create call (default `POST`)."),
    "create_path": ("string", "Path of the create call (default `{path}`). " + TEMPLATE_HELP),
    "read_method": ("method", "Method of the read call (default `GET`; `POST` for RPC-style reads)."),
    "read_path": ("string", "Path of the read call (default `{path}/{id}`). " + TEMPLATE_HELP),
    "read_body": ("body", "Body template of the read call, an object (e.g. `{name = \"{data.name}\"}`)."),
    "read_selector": ("string", "Path into the read response where the object is (e.g. `records/0`); if absent "
                      "there, the object is gone."),
    "update_method": ("method", "Method of the update call (default `PATCH`)."),
    "update_path": ("string", "Path of the update call (default `{path}/{id}`). " + TEMPLATE_HELP),
    "update_body": ("body", "Object merged into every update body (e.g. `{uuid = \"{id}\"}`)."),
    "update_sends": ("sends", "`changed` (default): only the changed keys of `data`; `all`: all of `data`."),
    "destroy_method": ("method", "Method of the destroy call (default `DELETE`)."),
    "destroy_path": ("string", "Path of the destroy call (default `{path}/{id}`). " + TEMPLATE_HELP),
    "destroy_body": ("body", "Body template of the destroy call, an object."),
    "lookup_path": ("string", "How to find the object by its natural key, without its id (e.g. "
                    "`{path}/{data.server}`, `{path}?svm.name={data.svm.name}`): after a lost answer, a 5xx or a "
                    "refusal of the create (\"already exists\"), the object found this way is taken into state "
                    "instead of being created twice or left behind. Placeholders: `{path}`, `{data.<key>}`, "
                    "`{secret.<name>}`."),
    "lookup_method": ("method", "Method of the lookup (default `GET`; `POST` for RPC-style reads)."),
    "lookup_body": ("body", "Body template of the lookup, an object (e.g. `{name = \"{data.name}\"}`)."),
    "lookup_selector": ("string", "Path into the lookup's answer where the object is (e.g. `records/0`); absent "
                        "there (or a 404): not found. Needs `lookup_path`."),
    "force_new_keys": ("list", "Keys of `data` (paths like `svm/name`) whose change replaces the object instead "
                       "of updating it."),
    "set_keys": ("list", "Keys of `data` (paths like `secondary_key_servers`) holding lists compared as sets: "
                 "order and repeats do not count, and a server that answers one comma-separated string for such "
                 "a list is read as the list of its items."),
    "response_omit_keys": ("list", "Keys removed from `response` at any depth, besides the keys of write_only_data "
                           "(default: " + ", ".join(DEFAULT_OMIT_KEYS) + ")."),
    "polling": ("polling", "An object: how a `202 Accepted` with a job reference is followed until the job ends: "
                + "; ".join(f"`{k}`: {v}" for k, v in POLLING_KEYS.items()) + ". The defaults follow ONTAP jobs."),
    "write_only_on_create": ("bool", "Send write_only_data with the create only, for a value an API takes only "
                             "when the object is made (a certificate's private key): a change of it alone plans "
                             "nothing, and an imported object is not updated to send it."),
}

_TYPES: dict[str, type[Any]] = {"string": str, "method": str, "sends": str, "body": dict, "polling": dict,
                                 "bool": bool, "list": list}
_KINDS = {"string": "a string", "method": "a string", "body": "a JSON object", "list": "a list of strings",
          "bool": "true or false", "sends": "a string", "polling": "a JSON object"}

DESCRIPTION = ("How the object's API is called, as a JSON object (`jsonencode({...})`), for anything but the "
               "defaults (create `POST {path}`, read `GET {path}/{id}`, update `PATCH` of the changed keys, destroy "
               "`DELETE`; id `id`, else `uuid`). Keys, each optional: " + ", ".join(f"`{k}`" for k in KEYS) + ". "
               "Bodies (`*_body`) and `polling` are objects, `force_new_keys`, `set_keys` and `response_omit_keys` "
               "lists of strings, `write_only_on_create` a boolean; an unknown key is refused at plan. Each key is "
               "described in the provider reference (docs/provider.md).")

KINDS = {"string": "string", "method": "string (a method)", "body": "object (a template)", "list": "list of strings",
         "bool": "boolean", "sends": "string", "polling": "object"}
"""How the provider reference names each kind."""


def _error(summary: str, detail: str) -> SpecError:
    return SpecError(ATTRIBUTE, summary, detail)


def _type_name(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
            int: "a number", float: "a number"}.get(type(value), "null")


def _check_value(key: str, value: Any) -> Optional[SpecError]:
    kind = KEYS[key][0]
    where = f"api.{key}"
    if not isinstance(value, _TYPES[kind]):
        hint = " (write the object itself, not JSON text)" if kind in ("body", "polling") and isinstance(value, str) \
            else ""
        return _error(f"Invalid {where}", f"{where} must be {_KINDS[kind]}, got {_type_name(value)}{hint}.")
    odd = [v for v in value if not isinstance(v, str)] if kind == "list" else []
    if odd:
        return _error(f"Invalid {where}", f"{where} must be {_KINDS[kind]}, got {_type_name(odd[0])} in it.")
    if kind == "method" and value.upper() not in METHODS:
        return _error(f"Invalid {where}", f"'{value}' is not one of {', '.join(METHODS)}.")
    if kind == "sends" and value not in ("changed", "all"):
        return _error(f"Invalid {where}", f"'{value}' must be 'changed' or 'all'.")
    if kind == "polling":
        unknown = sorted(set(value) - set(POLLING_KEYS))
        if unknown:
            return _error(f"api.polling has unknown key(s): {', '.join(unknown)}",
                          f"Known keys: {', '.join(POLLING_KEYS)}.")
        for name, setting in value.items():
            if not isinstance(setting, (str, int, float, bool)):
                return _error(f"Invalid api.polling.{name}", f"It must be a string, number or boolean, got "
                              f"{_type_name(setting)}.")
            if name.endswith("_seconds") and _seconds(setting) is None:
                return _error(f"api.polling.{name} must be a number of seconds", f"Got '{setting}'.")
    return None


def _seconds(value: Any) -> Optional[float]:
    if isinstance(value, bool):
        return None
    try:
        return float(value)
    except ValueError:
        return None


def problems(text: Any) -> list[SpecError]:
    """Everything wrong with an ``api`` value (JSON text or null), each naming its key and the fix."""
    if text is None or (isinstance(text, str) and text in _VALID):
        return []
    found = _problems(text)
    if not found and isinstance(text, str) and len(_VALID) < _VALID_KEPT:
        _VALID.add(text)  # a plan's objects mostly share a few api texts, each checked at every call
    return found


_VALID: set[str] = set()
_VALID_KEPT = 1024


def _problems(text: Any) -> list[SpecError]:
    try:
        value = json.loads(text)
    except ValueError as exc:
        return [_error("Invalid api", f"api is not valid JSON ({jsondata.decode_problem(exc, position=True)}); "
                       "write it with jsonencode({...}).")]
    if not isinstance(value, dict):
        return [_error("Invalid api", f"api must be a JSON object, got {_type_name(value)}; write "
                       "jsonencode({read_method = \"POST\", ...}).")]
    found: list[SpecError] = []
    for key in sorted(set(value) - set(KEYS)):
        close = difflib.get_close_matches(key, KEYS, n=1)
        guess = f"Did you mean '{close[0]}'? " if close else ""
        found.append(_error(f"Unknown key '{key}' in api", f"{guess}Known keys: {', '.join(KEYS)}."))
    for key in KEYS:
        if value.get(key) is not None:
            problem = _check_value(key, value[key])
            if problem is not None:
                found.append(problem)
    if value.get("lookup_selector") and not value.get("lookup_path"):
        found.append(_error("api.lookup_selector needs api.lookup_path",
                            "Name the call that finds the object, e.g. lookup_path = \"{path}?name={data.name}\"."))
    return found


def parse(text: Any) -> dict[str, Any]:
    """The ``api`` settings (its non-null keys); raises the first :class:`SpecError` of :func:`problems`."""
    found = problems(text)
    if found:
        raise found[0]
    return {k: v for k, v in json.loads(text).items() if v is not None} if text is not None else {}


def polling_settings(value: Optional[Mapping[str, Any]]) -> Optional[dict[str, str]]:
    """``api.polling`` as the text map :func:`call_spec.polling` reads (``true`` → ``"true"``, 600 → ``"600"``)."""
    if value is None:
        return None
    return {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in value.items()}


def from_v0(state: Mapping[str, Any]) -> Optional[str]:
    """The ``api`` of a version-0 state (where each key was an attribute): its non-null ones, bodies decoded
    from their JSON text; None when none is set."""
    folded: dict[str, Any] = {}
    for key, (kind, _) in KEYS.items():
        value = state.get(key)
        if value is None:
            continue
        if kind == "body" and isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                pass  # left as text: the next plan names api.<key> as invalid
        folded[key] = value
    return jsondata.canonical(folded) if folded else None
