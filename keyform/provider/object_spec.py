"""``rest_object`` as a typed spec: its calls, how it is found, identified and compared — defaults in one place."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any, Mapping, Optional

from keyform.client import PollingConfig, jsonpath
from keyform.client.templates import render_value
from keyform.provider import call_spec, jsondata, object_api
from keyform.provider.call_spec import Call, Secrets
from keyform.provider.common import DEFAULT_OMIT_KEYS


@dataclass(frozen=True)
class ObjectSpec:
    path: str
    data: dict[str, Any]
    create: Call
    read: Call
    read_selector: Optional[str]
    update: Call
    update_sends_all: bool
    destroy: Call
    lookup: Optional[Call]
    lookup_selector: Optional[str]
    id_attribute: Optional[str]
    id_template: Optional[str]
    force_new_keys: tuple[str, ...]
    set_keys: tuple[str, ...]
    omit_keys: frozenset[str]
    polling: Optional[PollingConfig]

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> ObjectSpec:
        """The spec of a planned or stored object (``data`` known); raises SpecError for a malformed attribute."""
        data = call_spec.json_object(state, "data") or {}
        text = state.get("api")
        # a text is worked out once; anything else (an api still unknown) is refused by _api_settings each time
        settings = _api_settings_of_text(text) if text is None or isinstance(text, str) else _api_settings(text)
        return cls(path=state["path"], data=data, **settings)

    def normalized(self, found: Any) -> Any:
        """What the appliance shows, with the ``set_keys`` read as sets of ``data`` (:func:`jsondata.align_sets`):
        what every comparison with ``data`` uses (``response`` keeps the answer as it was)."""
        return jsondata.align_sets(self.data, found, self.set_keys) if self.set_keys else found

    def scope(self, object_id: Optional[str] = None, response: Any = None,
              secrets: Optional[Secrets] = None) -> dict[str, Any]:
        """What templates may name: ``{path}``, ``{data.…}``, and once known ``{id}``, ``{response.…}``,
        ``{secret.…}``."""
        scope: dict[str, Any] = {"path": self.path, "data": self.data}
        if object_id is not None:
            scope["id"] = object_id
        if response is not None:
            scope["response"] = response
        if secrets:
            scope["secret"] = secrets
        return scope

    def id_from_answer(self, body: Any) -> str:
        """The id after a create: from ``id_template``, else at ``id_attribute`` in the answer, else its id/uuid."""
        if self.id_template:
            return str(render_value(self.id_template, {"path": self.path, "data": self.data, "response": body or {}}))
        if self.id_attribute:
            return str(jsonpath.lookup(body, self.id_attribute))
        return self._id_field(body)

    def id_of_found(self, found: Any) -> str:
        """The id of an object found by the lookup: ``id_template``, else ``id_attribute`` or id/uuid in the object."""
        if self.id_template:
            return str(render_value(self.id_template, {"path": self.path, "data": self.data, "response": found or {}}))
        if self.id_attribute:
            value = jsonpath.lookup(found, self.id_attribute, None)
            if value not in (None, ""):
                return str(value)
        return self._id_field(found)

    @staticmethod
    def _id_field(body: Any) -> str:
        for candidate in ("id", "uuid"):
            if isinstance(body, dict) and body.get(candidate) not in (None, ""):
                return str(body[candidate])
        raise jsonpath.PathError("id (or uuid)", "id; set api.id_attribute or api.id_template")


def stored_json(state: Mapping[str, Any], attribute: str) -> Any:
    """A JSON attribute of a stored state (``response``), decoded; ``{}`` when empty."""
    text = state.get(attribute)
    return json.loads(text) if text else {}


def _api_settings(text: Any) -> dict[str, Any]:
    """Every field of a spec its ``api`` decides; raises SpecError for a malformed one."""
    api = object_api.parse(text)

    def call(verb: str, method: str, path: str) -> Call:
        return Call(call_spec.method(api, f"{verb}_method", method), api.get(f"{verb}_path") or path,
                    api.get(f"{verb}_body"))

    return {
        "create": Call(call_spec.method(api, "create_method", "POST"), api.get("create_path") or "{path}"),
        "read": call("read", "GET", "{path}/{id}"),
        "read_selector": api.get("read_selector") or None,
        "update": call("update", "PATCH", "{path}/{id}"),
        "update_sends_all": api.get("update_sends") == "all",
        "destroy": call("destroy", "DELETE", "{path}/{id}"),
        "lookup": Call(call_spec.method(api, "lookup_method", "GET"), api["lookup_path"], api.get("lookup_body"))
        if api.get("lookup_path") else None,
        "lookup_selector": api.get("lookup_selector") or None,
        "id_attribute": api.get("id_attribute") or None,
        "id_template": api.get("id_template") or None,
        "force_new_keys": tuple(api.get("force_new_keys") or ()),
        "set_keys": tuple(api.get("set_keys") or ()),
        "omit_keys": frozenset(api.get("response_omit_keys") or DEFAULT_OMIT_KEYS),
        "polling": call_spec.polling(object_api.polling_settings(api.get("polling"))),
    }


_api_settings_of_text = functools.lru_cache(maxsize=256)(_api_settings)
""":func:`_api_settings` of a text (or None), worked out once per text: a plan's objects mostly share a few. (Its
values are shared between specs: bodies are rendered into new values, never changed.)"""
