"""Resource ``rest_object``: a JSON object with a create/read/update/destroy lifecycle.

Lifecycle order: schema → validate → plan → create → read → update → delete → import. The
calls themselves, and what is done after a fault, are in :mod:`.object_actions`; the typed
view of the attributes in :mod:`.object_spec`.
"""

from __future__ import annotations

import json
from functools import partial
from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional

from tf import types as t
from tf.schema import Schema
from tf.types import Unknown
from tf.utils import Diagnostics

from keyform.client import jsonpath
from keyform.provider import call_spec, imports, jsondata, object_actions
from keyform.provider.call_spec import SpecError
from keyform.provider.common import POLLING_DESCRIPTION, attr, report, sanitized_json, string
from keyform.provider.common import DEFAULT_OMIT_KEYS
from keyform.provider.object_spec import ObjectSpec, stored_json
from keyform.provider.write_only import WriteOnly

if TYPE_CHECKING:
    from keyform.client.session import RestClient
    from keyform.provider.provider import RestProvider

TEMPLATE_HELP = "Placeholders: `{path}`, `{id}`, `{data.<key>}`, `{response.<key>}`, `{secret.<name>}`."

COMPUTED = ("id", "response", "write_only_data_hash")


class ObjectResource:
    write_only_attributes = frozenset({"write_only_data"})

    def __init__(self, provider: RestProvider) -> None:
        self.provider = provider

    # ------------------------------------------------------------------ schema
    @classmethod
    def get_name(cls) -> str:
        return "object"

    @classmethod
    def get_schema(cls) -> Schema:
        return Schema(
            version=0,
            description="A JSON object on a REST API with a create/read/update/destroy lifecycle. Only the keys "
            "written in `data` are managed and compared; fields the server adds never show as drift.",
            attributes=[
                string("path", "Collection path, relative to the provider's base_url (e.g. "
                       "`/security/key-managers`). Changing it replaces the object.", required=True),
                string("data", "The object, as JSON (`jsonencode({...})`). Only these keys are compared with the "
                       "server.", required=True),
                string("write_only_data", "JSON merged into create and update bodies and never stored: passwords, "
                       "passphrases, tokens. State keeps only a salted digest, so a change still plans an update.",
                       optional=True, sensitive=True),
                attr("write_only_on_create", t.Bool(), "Send write_only_data with the create only, for a value an "
                     "API takes only when the object is made (a certificate's private key): a change of it alone "
                     "plans nothing, and an imported object is not updated to send it.", optional=True),
                string("id_attribute", "Path into the create response that holds the id (`uuid`, `records/0/uuid`). "
                       "Default: `id`, else `uuid`.", optional=True),
                string("id_template", "Build the id instead of reading it, for APIs that answer 201/204 without one "
                       "(e.g. `{data.server}`). " + TEMPLATE_HELP, optional=True),
                string("create_method", "Method of the create call (default `POST`).", optional=True),
                string("create_path", "Path of the create call (default `{path}`). " + TEMPLATE_HELP, optional=True),
                string("read_method", "Method of the read call (default `GET`; `POST` for RPC-style reads).",
                       optional=True),
                string("read_path", "Path of the read call (default `{path}/{id}`). " + TEMPLATE_HELP, optional=True),
                string("read_body", "JSON body template of the read call (e.g. `{\"name\": \"{data.name}\"}`).",
                       optional=True),
                string("read_selector", "Path into the read response where the object is (e.g. `records/0`); "
                       "if absent there, the object is gone.", optional=True),
                string("update_method", "Method of the update call (default `PATCH`).", optional=True),
                string("update_path", "Path of the update call (default `{path}/{id}`). " + TEMPLATE_HELP,
                       optional=True),
                string("update_body", "JSON template merged into every update body (e.g. `{\"uuid\": \"{id}\"}`).",
                       optional=True),
                string("update_sends", "`changed` (default): only the changed keys of `data`; `all`: all of `data`.",
                       optional=True),
                string("destroy_method", "Method of the destroy call (default `DELETE`).", optional=True),
                string("destroy_path", "Path of the destroy call (default `{path}/{id}`). " + TEMPLATE_HELP,
                       optional=True),
                string("destroy_body", "JSON body template of the destroy call.", optional=True),
                string("lookup_path", "How to find the object by its natural key, without its id (e.g. "
                       "`{path}/{data.server}`, `{path}?svm.name={data.svm.name}`): after a lost answer, a 5xx or a "
                       "refusal of the create (\"already exists\"), the object found this way is taken into state "
                       "instead of being created twice or left behind. Placeholders: `{path}`, `{data.<key>}`, "
                       "`{secret.<name>}`.", optional=True),
                string("lookup_method", "Method of the lookup (default `GET`; `POST` for RPC-style reads).",
                       optional=True),
                string("lookup_body", "JSON body template of the lookup (e.g. `{\"name\": \"{data.name}\"}`).",
                       optional=True),
                string("lookup_selector", "Path into the lookup's answer where the object is (e.g. `records/0`); "
                       "absent there (or a 404): not found.", optional=True),
                attr("force_new_keys", t.List(t.String()), "Keys of `data` (paths like `svm/name`) whose change "
                     "replaces the object instead of updating it.", optional=True),
                attr("set_keys", t.List(t.String()), "Keys of `data` (paths like `secondary_key_servers`) holding "
                     "lists compared as sets: order and repeats do not count, and a server that answers one "
                     "comma-separated string for such a list is read as the list of its items.", optional=True),
                attr("response_omit_keys", t.List(t.String()), "Keys removed from `response` at any depth, besides "
                     "the keys of write_only_data (default: " + ", ".join(DEFAULT_OMIT_KEYS) + ").", optional=True),
                attr("polling", t.Map(t.String()), POLLING_DESCRIPTION, optional=True),
                string("id", "The object's id.", computed=True),
                string("response", "The object as the server last showed it (read back after create and update, "
                       "and at every refresh), as JSON, without write-only and sensitive keys.", computed=True),
                string("write_only_data_hash", "Salted digest of write_only_data (never the value).", computed=True,
                       sensitive=True),
            ],
        )

    # ---------------------------------------------------------------- validate
    def validate_config(self, diags: Diagnostics, config: dict[str, Any]) -> None:
        for name in ("data", "write_only_data", "read_body", "update_body", "destroy_body", "lookup_body"):
            if config.get(name) is not Unknown:
                _check(diags, partial(call_spec.json_object, config, name))
        for name in ("create_method", "read_method", "update_method", "destroy_method", "lookup_method"):
            if config.get(name) is not Unknown:
                _check(diags, partial(call_spec.method, config, name, "GET"))
        sends = config.get("update_sends")
        if isinstance(sends, str) and sends not in ("changed", "all"):
            diags.add_error("Invalid update_sends", f"'{sends}' must be 'changed' or 'all'.", path=["update_sends"])
        if config.get("polling") not in (None, Unknown):
            _check(diags, lambda: call_spec.polling(config["polling"]))
        if config.get("lookup_selector") and not config.get("lookup_path"):
            diags.add_error("lookup_selector needs lookup_path", "Name the call that finds the object, e.g. "
                            "lookup_path = \"{path}?name={data.name}\".", path=["lookup_selector"])

    # -------------------------------------------------------------------- plan
    def plan_change(self, diags: Diagnostics, prior: Optional[dict[str, Any]], proposed: dict[str, Any],
                    config: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
        planned = dict(proposed)
        planned["write_only_data"] = None  # write-only: never in plan or state
        try:
            digest = WriteOnly.from_config(config).plan_digest((prior or {}).get("write_only_data_hash"))
        except jsondata.JsonAttributeError as exc:
            diags.add_error("Invalid write_only_data", str(exc), path=["write_only_data"])
            return planned, []
        if prior is not None and planned.get("write_only_on_create"):
            digest = prior.get("write_only_data_hash")  # sent with the create only: nothing to update
        planned["write_only_data_hash"] = digest
        if prior is None:
            planned["id"] = Unknown
            planned["response"] = Unknown
            return planned, []

        planned["id"] = prior.get("id")
        if _same_json(planned.get("data"), prior.get("data"), planned.get("set_keys") or ()):
            planned["data"] = prior.get("data")  # same keys and values: keep the stored text, no diff
        changed = [k for k in planned if k not in COMPUTED and k != "write_only_data" and planned[k] != prior.get(k)]
        if not changed and digest == prior.get("write_only_data_hash"):
            return dict(prior, write_only_data=None), []
        replace: list[str] = []
        if "path" in changed:
            replace.append("path")
        if "data" in changed and self._force_new_changed(planned, prior):
            replace.append("data")
        api_changed = "data" in changed or digest != prior.get("write_only_data_hash")
        planned["response"] = Unknown if (api_changed or replace) else prior.get("response")
        if replace:
            planned["id"] = Unknown
        return planned, replace

    @staticmethod
    def _force_new_changed(planned: dict[str, Any], prior: dict[str, Any]) -> bool:
        keys = planned.get("force_new_keys") or []
        if not keys:
            return False
        if planned.get("data") is Unknown:
            return True
        new, old = json.loads(planned["data"]), json.loads(prior["data"])
        missing = object()
        return any(jsonpath.lookup(new, k, missing) != jsonpath.lookup(old, k, missing) for k in keys)

    # ------------------------------------------------------------------ create
    def create(self, diags: Diagnostics, planned: dict[str, Any], config: dict[str, Any]) -> Optional[dict[str, Any]]:
        client = self.provider.require_client(diags)
        if client is None:
            return None
        secret = WriteOnly()
        try:
            spec = ObjectSpec.from_state(planned)
            secret = WriteOnly.from_config(config)
            created = object_actions.create(client, spec, secret, self.provider.secrets)
        except SpecError as exc:
            diags.add_error(exc.summary, exc.detail, path=[exc.attribute])
            return None
        except Exception as exc:  # noqa: BLE001 - mapped to a diagnostic by report()
            summary = ("The object was created, but its id could not be determined"
                       if isinstance(exc, object_actions.NotTracked) else "Could not create the object")
            report(diags, exc, summary, secret.redactor(self.provider))
            return None
        # `response` holds the object as a refresh will see it, read back by its id, so the first refresh finds
        # no drift: a create's answer is often a wrapper, a job or empty, and a lookup's record holds only the
        # fields the lookup asked for. What the lookup found, then the create's answer, are the fallbacks.
        found = self._read_back(client, spec, created.id)
        if found is None:
            found = created.found
        body = found if found is not None else created.answer
        if created.adopted:
            self._report_adoption(diags, spec, created.id, created.adopted, found)
        return dict(planned, id=created.id, response=self._response_json(spec, body, secret),
                    write_only_data_hash=secret.applied_digest(planned.get("write_only_data_hash")))

    @staticmethod
    def _report_adoption(diags: Diagnostics, spec: ObjectSpec, object_id: str, reason: str, found: Any) -> None:
        found = spec.normalized(found)
        differing = sorted(k for k, v in spec.data.items()
                           if isinstance(found, dict) and k in found and not jsondata.matches(v, found[k]))
        detail = (f"{reason[0].upper()}{reason[1:]}: {spec.path} (id {object_id}) is now in "
                  "Terraform's state rather than created a second time.")
        if differing:
            detail += (f" Its {', '.join(differing)} differ{'s' if len(differing) == 1 else ''} from the "
                       "declaration: the next plan shows the update.")
        diags.add_warning("An existing object was taken into state", detail)

    def _response_json(self, spec: ObjectSpec, body: Any, secret: WriteOnly) -> Optional[str]:
        return sanitized_json(body, set(spec.omit_keys) | secret.key_names(), mask=secret.redactor(self.provider))

    # -------------------------------------------------------------------- read
    def read_imported(self, diags: Diagnostics, current: dict[str, Any]) -> Optional[dict[str, Any]]:
        """The first read after an import: ``data`` becomes everything the appliance shows (the import id may
        have given only the keys a read needs, such as a name); the configuration's keys are then compared with
        it, so an adopted object that matches plans no change."""
        return self.read(diags, current, adopt_all=True)

    def read(self, diags: Diagnostics, current: dict[str, Any], adopt_all: bool = False) -> Optional[dict[str, Any]]:
        client = self.provider.require_client(diags)
        if client is None:
            return current
        try:
            spec = ObjectSpec.from_state(current)
            if adopt_all:  # just imported: the object's own answer
                found = object_actions.read(client, spec, current["id"], self.provider.secrets)
            else:
                found = self.provider.reads.read(client, spec, current["id"], self.provider.secrets,
                                                 object_actions.read)
        except SpecError as exc:
            diags.add_error(exc.summary, exc.detail, path=[exc.attribute])
            return current
        except Exception as exc:  # noqa: BLE001
            report(diags, exc, "Could not read the object", self.provider.redact)
            return current
        if found is None:
            return None  # gone: Terraform plans it again
        stored = current.get("data")
        shown = spec.normalized(found)  # set_keys as lists, in data's order when they hold the same items
        if stored is None or adopt_all:  # just imported: adopt everything the server shows
            data_text = jsondata.canonical(shown)
        else:
            desired = json.loads(stored)
            projected = jsondata.project(desired, shown)
            data_text = stored if projected == desired else jsondata.canonical(projected)
        return dict(current, data=data_text, response=self._response_json(spec, found, WriteOnly()))

    def _read_back(self, client: RestClient, spec: ObjectSpec, object_id: str) -> Any:
        """The object after a successful create or update, or None if it cannot be read now (the
        write itself succeeded; the next refresh reads again)."""
        try:
            return object_actions.read(client, spec, object_id, self.provider.secrets)
        except Exception:  # noqa: BLE001
            return None

    # ------------------------------------------------------------------ update
    def update(self, diags: Diagnostics, prior: dict[str, Any], planned: dict[str, Any],
               config: dict[str, Any]) -> Optional[dict[str, Any]]:
        secret = WriteOnly()
        try:
            if not planned.get("write_only_on_create"):
                secret = WriteOnly.from_config(config)
        except jsondata.JsonAttributeError as exc:
            diags.add_error("Invalid write_only_data", str(exc), path=["write_only_data"])
            return None
        new_state = dict(planned, write_only_data_hash=secret.applied_digest(planned.get("write_only_data_hash")))
        secret_changed = planned.get("write_only_data_hash") != prior.get("write_only_data_hash")
        if planned.get("data") == prior.get("data") and not secret_changed:
            new_state["response"] = prior.get("response")
            return new_state  # only provider-side settings changed
        client = self.provider.require_client(diags)
        if client is None:
            return None
        try:
            spec = ObjectSpec.from_state(planned)
            answer = object_actions.update(client, spec, prior["id"], json.loads(prior["data"]),
                                           stored_json(prior, "response"), secret, self.provider.secrets)
        except SpecError as exc:
            diags.add_error(exc.summary, exc.detail, path=[exc.attribute])
            return None
        except Exception as exc:  # noqa: BLE001
            report(diags, exc, "Could not update the object", secret.redactor(self.provider))
            return None
        # `response` was planned unknown: keep what the server holds now. The answer to an update is
        # often empty or a job document, so read the object back; its answer is the fallback.
        found = self._read_back(client, spec, prior["id"])
        body = found if found is not None else (answer if isinstance(answer, dict) and answer else None)
        new_state["response"] = self._response_json(spec, body, secret) if body else prior.get("response")
        return new_state

    # ------------------------------------------------------------------ delete
    def delete(self, diags: Diagnostics, prior: dict[str, Any]) -> None:
        client = self.provider.require_client(diags)
        if client is None:
            return
        try:
            spec = ObjectSpec.from_state(prior)
            object_actions.delete(client, spec, prior["id"], stored_json(prior, "response"), self.provider.secrets)
        except SpecError as exc:
            diags.add_error(exc.summary, exc.detail, path=[exc.attribute])
        except Exception as exc:  # noqa: BLE001
            report(diags, exc, "Could not destroy the object", self.provider.redact)
    # ------------------------------------------------------------------ import
    def import_state(self, diags: Diagnostics, import_id: str) -> Optional[dict[str, Any]]:
        """Import by object path (``/security/key-managers/<uuid>``) or by a JSON object of attributes
        (``{"path": "/v1/kmip", "id": "...", "read_method": "POST", ...}``): see :mod:`.imports`."""
        return imports.parse(diags, self.get_schema(), import_id)


def _same_json(a: Any, b: Any, set_keys: Iterable[str] = ()) -> bool:
    """Config ``data`` equals (for its keys) the stored ``data`` (``set_keys`` compared as sets): then the stored
    text is kept."""
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    try:
        desired = json.loads(a)
        return jsondata.matches(desired, jsondata.align_sets(desired, json.loads(b), set_keys), strict=True)
    except ValueError:
        return False


def _check(diags: Diagnostics, parse: Callable[[], object]) -> None:
    try:
        parse()
    except SpecError as exc:
        diags.add_error(exc.summary, exc.detail, path=[exc.attribute])
