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
from keyform.provider import call_spec, imports, jsondata, object_actions, object_api
from keyform.provider.call_spec import SpecError
from keyform.provider.common import HYPERMEDIA_KEYS, attr, report, sanitized_json, string
from keyform.provider.object_spec import ObjectSpec, stored_json
from keyform.provider.write_only import WriteOnly

if TYPE_CHECKING:
    from keyform.client.session import RestClient
    from keyform.provider.provider import RestProvider

DIGEST = "write_only_data_hash"  # kept in private state (keyform.provider.private_state), never shown
VERSION = "write_only_data_version"
COMPUTED = ("id", "response", VERSION)


class ObjectResource:
    write_only_attributes = frozenset({"write_only_data"})
    private_attributes = (DIGEST,)
    identity_attributes = ("path", "id")  # an object's stored state, told apart from the others' (upgrade stash)
    json_keys = {"api": object_api.KEYS}  # the provider reference describes each key of these JSON attributes

    def __init__(self, provider: RestProvider) -> None:
        self.provider = provider

    # ------------------------------------------------------------------ schema
    @classmethod
    def get_name(cls) -> str:
        return "object"

    @classmethod
    def get_schema(cls) -> Schema:
        return Schema(
            version=2,
            description="A JSON object on a REST API with a create/read/update/destroy lifecycle. Only the keys "
            "written in `data` are managed and compared; fields the server adds never show as drift.",
            attributes=[
                string("path", "Collection path, relative to the provider's base_url (e.g. "
                       "`/security/key-managers`). Changing it replaces the object.", required=True),
                string("data", "The object, as JSON (`jsonencode({...})`). Only these keys are compared with the "
                       "server.", required=True),
                string("write_only_data", "JSON merged into create and update bodies and never stored: passwords, "
                       "passphrases, tokens. Terraform's private state keeps only a salted digest (never shown), so "
                       "a change still plans an update, counted by `write_only_data_version`.",
                       optional=True, sensitive=True),
                string("api", object_api.DESCRIPTION, optional=True),
                string("id", "The object's id.", computed=True),
                string("response", "The object as the server last showed it (read back after create and update, "
                       "and at every refresh), as JSON, without write-only and sensitive keys and without "
                       "hypermedia links (`_links`).", computed=True),
                attr(VERSION, t.Number(), "How many times write_only_data was sent, counting from 1 at the first "
                     "(null while none was: without write_only_data, or for an imported object whose "
                     "write_only_on_create keeps it unsent): a plan that sends it again shows this go up by one.",
                     computed=True),
            ],
        )

    # ---------------------------------------------------------------- validate
    def validate_config(self, diags: Diagnostics, config: dict[str, Any]) -> None:
        for name in ("data", "write_only_data"):
            if config.get(name) is not Unknown:
                _check(diags, partial(call_spec.json_object, config, name))
        if config.get("api") is not Unknown:
            for problem in object_api.problems(config.get("api")):
                diags.add_error(problem.summary, problem.detail, path=[problem.attribute])

    # ----------------------------------------------------------------- upgrade
    @staticmethod
    def upgrade_state(version: int, state: dict[str, Any]) -> dict[str, Any]:
        """A stored state of an earlier schema version as version 2. Version 0 had each key of ``api`` as an
        attribute; those set are folded into ``api`` (null when none is). Versions 0 and 1 kept the digest among
        the attributes (sensitive): the servicer moves it to private state; the count starts at 1."""
        if version == 0:
            api = object_api.from_v0(state)
            state = {k: v for k, v in state.items() if k not in object_api.KEYS}
            state["api"] = api
        if version < 2:
            state = dict(state, **{VERSION: None if state.get(DIGEST) is None else 1})
        return state

    # -------------------------------------------------------------------- plan
    def plan_change(self, diags: Diagnostics, prior: Optional[dict[str, Any]], proposed: dict[str, Any],
                    config: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
        planned = dict(proposed)
        planned["write_only_data"] = None  # write-only: never in plan or state
        try:
            secret = WriteOnly.from_config(config)
            digest = secret.plan_digest((prior or {}).get(DIGEST))
        except jsondata.JsonAttributeError as exc:
            diags.add_error("Invalid write_only_data", str(exc), path=["write_only_data"])
            return planned, []
        api = _api(planned)
        if prior is not None and api.get("write_only_on_create"):
            digest = prior.get(DIGEST)  # sent with the create only: nothing to update
        planned[DIGEST] = digest
        if prior is None:
            planned["id"] = Unknown
            planned["response"] = Unknown
            planned[VERSION] = 1 if secret.given else None
            return planned, []
        planned[VERSION] = _version(prior, digest)

        if planned.get("api") is Unknown:
            diags.add_error(
                "api must be known to plan a change",
                "api is known only at apply here (it is built from a value that is not known yet, such as another "
                "resource's attribute or timestamp()). It decides how the object is read, what a change sends and "
                "whether it replaces the object, so a change cannot be planned without it: build api from literal "
                "values and variables.", path=["api"])
            return planned, []
        planned["id"] = prior.get("id")
        # (The same text needs no comparing: the usual plan with nothing to change.)
        if planned.get("data") != prior.get("data") and _same_json(planned.get("data"), prior.get("data"),
                                                                    api.get("set_keys") or ()):
            planned["data"] = prior.get("data")  # same keys and values: keep the stored text, no diff
        if planned.get("api") != prior.get("api") and _api(prior) == api:
            planned["api"] = prior.get("api")  # the same settings written otherwise (key order, spacing): no diff
        changed = [k for k in planned if k not in COMPUTED and k != "write_only_data" and planned[k] != prior.get(k)]
        if not changed and digest == prior.get(DIGEST):
            return dict(prior, write_only_data=None), []
        replace: list[str] = []
        if "path" in changed:
            replace.append("path")
        if "data" in changed and self._force_new_changed(api, planned, prior):
            replace.append("data")
        calls = "data" in changed or digest != prior.get(DIGEST)
        planned["response"] = Unknown if (calls or replace) else prior.get("response")
        if replace:
            planned["id"] = Unknown
        return planned, replace

    @staticmethod
    def _force_new_changed(api: dict[str, Any], planned: dict[str, Any], prior: dict[str, Any]) -> bool:
        keys = api.get("force_new_keys") or []
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
                    **{DIGEST: secret.applied_digest(planned.get(DIGEST))})

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
        return sanitized_json(body, set(spec.omit_keys) | HYPERMEDIA_KEYS | secret.key_names(),
                              mask=secret.redactor(self.provider))

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
            if not _api(planned).get("write_only_on_create"):
                secret = WriteOnly.from_config(config)
        except jsondata.JsonAttributeError as exc:
            diags.add_error("Invalid write_only_data", str(exc), path=["write_only_data"])
            return None
        new_state = dict(planned, **{DIGEST: secret.applied_digest(planned.get(DIGEST))})
        secret_changed = planned.get(DIGEST) != prior.get(DIGEST)
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
        (``{"path": "/v1/kmip", "id": "...", "api": {"read_method": "POST", ...}}``): see :mod:`.imports`."""
        return imports.parse(diags, self.get_schema(), import_id)


def _version(prior: dict[str, Any], digest: Any) -> Optional[int]:
    """``write_only_data_version`` planned: null without a digest (no write_only_data, or an imported object's
    write_only_on_create secret, never sent), the prior count while the digest is
    the prior one, else one more (the value is sent: changed, or its digest lost or never known)."""
    if digest is None:
        return None
    if digest is not Unknown and digest == prior.get(DIGEST):
        return prior.get(VERSION)
    return int(prior.get(VERSION) or 0) + 1


def _api(state: dict[str, Any]) -> dict[str, Any]:
    """The ``api`` settings of a planned or stored state; {} while unknown or invalid (validation reports it)."""
    text = state.get("api")
    if text is Unknown:
        return {}
    try:
        return object_api.parse(text)
    except SpecError:
        return {}


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
