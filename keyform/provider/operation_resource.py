"""Resource ``rest_operation``: a call that is not CRUD (promote a KMIP server, enable DR replication).

It runs on create, runs again when anything that shapes the call changes (``triggers``
included), and makes an optional call on destroy. Both calls can be made conditional on
the appliance's live state (``condition_path`` + ``run_when``/``destroy_when``): a role
change such as "promote this DR secondary" is then a no-op where the cluster already
has that role, so one declaration converges from any starting point. Its ``outputs`` pick values from the
response; with ``sensitive_outputs`` they land in a sensitive map and are removed from
``response``.
"""

from __future__ import annotations

import json
import uuid
from typing import Any, Optional

from tf import types as t
from tf.schema import Schema
from tf.types import Unknown
from tf.utils import Diagnostics

from keyform.client import ApiError, jsonpath
from keyform.client.templates import render_path, render_value
from keyform.provider import jsondata
from keyform.provider.common import (
    as_text,
    DEFAULT_OMIT_KEYS,
    POLLING_DESCRIPTION,
    attr,
    applied_secret_digest,
    plan_secret_digest,
    polling_config,
    report,
    sanitized_json,
    string,
    write_only_redactor,
)

# Changing one of these runs the call again.
CALL_SHAPING = ("path", "method", "body", "triggers", "expected_status", "outputs", "sensitive_outputs",
                "condition_path", "run_when")
CONDITION_HELP = ("Map of path (into the `condition_path` answer) → expected text; `a|b` accepts either, "
                  "`!a` anything but `a`. All must hold")
COMPUTED = ("id", "response", "output_values", "sensitive_output_values", "write_only_data_hash")


class OperationResource:
    write_only_attributes = frozenset({"write_only_data"})

    def __init__(self, provider):
        self.provider = provider

    @classmethod
    def get_name(cls) -> str:
        return "operation"

    @classmethod
    def get_schema(cls) -> Schema:
        return Schema(
            version=0,
            description="A call that is not CRUD. Runs on create and again whenever path, method, body, "
            "write_only_data, triggers, expected_status or outputs change; optionally calls on destroy.",
            attributes=[
                string("path", "Path of the call, relative to base_url.", required=True),
                string("method", "Method of the call (default `POST`).", optional=True),
                string("body", "JSON body of the call.", optional=True),
                string("write_only_data", "JSON merged into the body and never stored (tokens, passphrases). "
                       "State keeps only a salted digest, so a change runs the call again.", optional=True, sensitive=True),
                attr("triggers", t.Map(t.String()), "Arbitrary values; when any changes, the call runs again.", optional=True),
                attr("expected_status", t.List(t.Number()), "Statuses that count as success (default: any 2xx).", optional=True),
                string("destroy_method", "Method of a call made on destroy (default `POST` when destroy_path is set).", optional=True),
                string("destroy_path", "Path of a call made on destroy; no call when unset. "
                       "Placeholders: `{id}`, `{response.<key>}`.", optional=True),
                string("destroy_body", "JSON body template of the destroy call.", optional=True),
                attr("polling", t.Map(t.String()), POLLING_DESCRIPTION, optional=True),
                string("condition_path", "Path read (GET) before the call and before the destroy call, to "
                       "evaluate `run_when` and `destroy_when` (e.g. `/sys/replication/dr/status`).", optional=True),
                attr("run_when", t.Map(t.String()), CONDITION_HELP + " for the call to be made; otherwise the "
                     "run is recorded as skipped.", optional=True),
                attr("destroy_when", t.Map(t.String()), CONDITION_HELP + " for the destroy call to be made.",
                     optional=True),
                attr("outputs", t.Map(t.String()), "Values to pick from the response: name → path "
                     "(e.g. `token = \"wrap_info/token\"`).", optional=True),
                attr("sensitive_outputs", t.Bool(), "Put the picked values in `sensitive_output_values` (and "
                     "remove them from `response`) instead of `output_values`.", optional=True),
                attr("response_omit_keys", t.List(t.String()), "Keys removed from `response` at any depth (default: "
                     + ", ".join(DEFAULT_OMIT_KEYS) + ").", optional=True),
                string("id", "A unique id of this run.", computed=True),
                string("response", "The response of the last run, as JSON, without secrets.", computed=True),
                attr("output_values", t.Map(t.String()), "The picked values (non-sensitive outputs).", computed=True),
                attr("sensitive_output_values", t.Map(t.String()), "The picked values (sensitive outputs).",
                     computed=True, sensitive=True),
                string("write_only_data_hash", "Salted digest of write_only_data (never the value).", computed=True,
                       sensitive=True),
            ],
        )

    def validate_config(self, diags: Diagnostics, config: dict) -> None:
        for name in ("body", "write_only_data", "destroy_body"):
            try:
                jsondata.parse_object(config.get(name), name)
            except jsondata.JsonAttributeError as exc:
                diags.add_error(f"Invalid {name}", str(exc), path=[name])
        if config.get("polling") not in (None, Unknown):
            polling_config(diags, config["polling"])
        for name in ("run_when", "destroy_when"):
            if config.get(name) and not config.get("condition_path"):
                diags.add_error(f"{name} needs condition_path",
                                "Name the path whose answer the conditions are checked against.", path=[name])

    def plan_change(self, diags: Diagnostics, prior: Optional[dict], proposed: dict, config: dict):
        planned = dict(proposed, write_only_data=None)
        try:
            planned["write_only_data_hash"] = plan_secret_digest(
                config.get("write_only_data"), (prior or {}).get("write_only_data_hash"))
        except jsondata.JsonAttributeError as exc:
            diags.add_error("Invalid write_only_data", str(exc), path=["write_only_data"])
            return planned, []
        runs = prior is None or any(planned.get(k) != prior.get(k) for k in CALL_SHAPING + ("write_only_data_hash",))
        if prior is not None and planned.get("body") != prior.get("body") and _same_json(planned.get("body"), prior.get("body")):
            planned["body"] = prior["body"]
            runs = prior is None or any(planned.get(k) != prior.get(k) for k in CALL_SHAPING + ("write_only_data_hash",))
        for key in ("id", "response", "output_values", "sensitive_output_values"):
            planned[key] = Unknown if runs else prior.get(key)
        return planned, []

    def create(self, diags: Diagnostics, planned: dict, config: dict) -> Optional[dict]:
        return self._run(diags, planned, config)

    def read(self, diags: Diagnostics, current: dict) -> dict:
        return current  # an operation has nothing to read back

    def update(self, diags: Diagnostics, prior: dict, planned: dict, config: dict) -> Optional[dict]:
        if planned.get("id") is not Unknown:
            return planned  # only destroy settings or polling changed
        return self._run(diags, planned, config)

    def _run(self, diags: Diagnostics, planned: dict, config: dict) -> Optional[dict]:
        client = self.provider.require_client(diags)
        if client is None:
            return None
        polling = polling_config(diags, planned.get("polling"))
        method = (planned.get("method") or "POST").upper()
        try:
            unmet = self._unmet(client, planned, "run_when")
            if unmet:
                return dict(planned, id=uuid.uuid4().hex, response=jsondata.canonical({"skipped": unmet}),
                            output_values=None, sensitive_output_values=None,
                            write_only_data_hash=applied_secret_digest(config.get("write_only_data"),
                                                                       planned.get("write_only_data_hash")))
            body = jsondata.parse_object(planned.get("body"), "body")
            secret = jsondata.parse_object(config.get("write_only_data"), "write_only_data")
            if secret:
                body = jsondata.deep_merge(body or {}, secret)
            expected = tuple(int(s) for s in planned.get("expected_status") or ()) or None
            response = client.request(method, planned["path"], body, expected=expected, polling=polling)
            picked = {name: as_text(jsonpath.lookup(response.body, path)) for name, path in (planned.get("outputs") or {}).items()}
        except Exception as exc:  # noqa: BLE001
            report(diags, exc, f"The operation {method} {planned['path']} failed",
                   write_only_redactor(self.provider, config))
            return None
        sensitive = bool(planned.get("sensitive_outputs"))
        omit = set(planned.get("response_omit_keys") or DEFAULT_OMIT_KEYS) | jsondata.key_names(secret or {})
        removed = tuple((planned.get("outputs") or {}).values()) if sensitive else ()
        return dict(
            planned,
            id=uuid.uuid4().hex,
            response=sanitized_json(response.body, omit, removed),
            output_values=None if sensitive else picked,
            sensitive_output_values=picked if sensitive else None,
            write_only_data_hash=applied_secret_digest(config.get("write_only_data"), planned.get("write_only_data_hash")),
        )

    def delete(self, diags: Diagnostics, prior: dict) -> None:
        if not prior.get("destroy_path"):
            return
        client = self.provider.require_client(diags)
        if client is None:
            return
        try:
            if self._unmet(client, prior, "destroy_when"):
                return
            scope = {"id": prior.get("id"), "path": prior.get("path"),
                     "response": json.loads(prior["response"]) if prior.get("response") else {}}
            url_path = render_path(prior["destroy_path"], scope)
            body = render_value(jsondata.parse_object(prior.get("destroy_body"), "destroy_body"), scope)
            try:
                client.request((prior.get("destroy_method") or "POST").upper(), url_path, body,
                               polling=polling_config(diags, prior.get("polling")))
            except ApiError:
                # The check and the call are not atomic: another call of the same apply may have changed
                # the appliance in between (a DR primary demoted while its old token is revoked). If the
                # condition no longer holds, the destroy call is moot; otherwise the error stands.
                if prior.get("destroy_when") and self._unmet(client, prior, "destroy_when"):
                    return
                raise
        except Exception as exc:  # noqa: BLE001
            report(diags, exc, "The destroy call of the operation failed", self.provider.redact)

    @staticmethod
    def _unmet(client, state: dict, conditions_name: str) -> Optional[str]:
        """Why the conditions in ``state[conditions_name]`` do not hold now, or None when they do."""
        conditions = state.get(conditions_name) or {}
        if not conditions:
            return None
        answer = client.request("GET", state["condition_path"]).body
        for path, expected in conditions.items():
            actual = as_text(jsonpath.lookup(answer, path, None))
            if not condition_holds(actual, expected):
                return f"{path} is '{actual}', the {conditions_name} condition wants '{expected}'"
        return None

    def import_state(self, diags: Diagnostics, import_id: str) -> None:
        diags.add_error("rest_operation cannot be imported", "An operation is a call, not an object: declare it and apply.")
        return None


def condition_holds(actual: str, expected: str) -> bool:
    """``a|b``: actual is one of them; ``!a``: actual is not ``a``."""
    if expected.startswith("!"):
        return actual not in expected[1:].split("|")
    return actual in expected.split("|")



def _same_json(a: Any, b: Any) -> bool:
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    try:
        return jsondata.equal(json.loads(a), json.loads(b))
    except ValueError:
        return False
