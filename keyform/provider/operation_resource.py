"""Resource ``rest_operation``: a call that is not CRUD (promote a KMIP server, enable DR replication).

It runs on create, runs again when anything that shapes the call changes (``triggers``
included), and makes an optional call on destroy. Both calls can be made conditional on
the appliance's live state (``condition_path`` + ``run_when``/``destroy_when``): a role
change such as "promote this DR secondary" is then a no-op where the cluster already
has that role, so one declaration converges from any starting point.

Its effect is read back (``read_path`` + ``effective_when``): at every refresh ``in_effect``
says whether it still holds, and when it does not (a role changed by hand), the plan replaces
the operation — its destroy call, then the call again — so drift shows in the plan and the
next apply restores the declaration. ``preconditions`` are checked whenever the call is planned
and again right before it is made: one that does not hold refuses the plan (nothing is sent).
Its ``outputs`` pick values from the response; with ``sensitive_outputs`` they land in a
sensitive map and are removed from ``response``. The calls are in :mod:`.operation_actions`.
"""

from __future__ import annotations

import json
import uuid
from typing import TYPE_CHECKING, Any, Callable, Optional

from tf import types as t
from tf.schema import Schema
from tf.types import Unknown
from tf.utils import Diagnostics

from keyform.client import jsonpath
from keyform.provider import call_spec, imports, jsondata, operation_actions
from keyform.provider.call_spec import SpecError
from keyform.provider.common import POLLING_DESCRIPTION, as_text, attr, report, sanitized_json, string
from keyform.provider.common import DEFAULT_OMIT_KEYS
from keyform.provider.conditions import Supplied
from keyform.provider.operation_spec import OperationSpec, parse_preconditions, predicate
from keyform.provider.write_only import WriteOnly

if TYPE_CHECKING:
    from keyform.provider.provider import RestProvider

# Changing one of these runs the call again. Guards added or changed (run_if, effective_when, preconditions,
# destroy settings) do not: the call's effect does not depend on them.
CALL_SHAPING = ("path", "method", "body", "triggers", "expected_status", "outputs", "sensitive_outputs",
                "condition_path", "run_when")
CONDITION_HELP = ("Map of path (into the `condition_path` answer) → expected text; `a|b` accepts either, "
                  "`!a` anything but `a`. All must hold")
PREDICATE_HELP = ("A predicate, as JSON: `{\"path\": \"data/mode\", \"equals\": \"primary\"}`; tests `equals`, `in`, "
                  "`not_in`, `contains`, `subset_of`, `keys_subset_of`, `some` (a predicate on list items), `exists`; "
                  "`{\"supplied\": \"<secret>\"}`; combined with `all`, `any`, `not`")
COMPUTED = ("id", "response", "output_values", "sensitive_output_values", "write_only_data_hash", "in_effect")
ADOPTED = "adopted"
"""write_only_data_hash of an imported operation: the value it was made with is not known."""


class OperationResource:
    write_only_attributes = frozenset({"write_only_data"})

    def __init__(self, provider: RestProvider) -> None:
        self.provider = provider

    @classmethod
    def get_name(cls) -> str:
        return "operation"

    @classmethod
    def get_schema(cls) -> Schema:
        return Schema(
            version=0,
            description="A call that is not CRUD. Runs on create and again whenever path, method, body, "
            "write_only_data, triggers, expected_status or outputs change, or when its read-back shows its "
            "effect gone; optionally calls on destroy.",
            attributes=[
                string("path", "Path of the call, relative to base_url.", required=True),
                string("method", "Method of the call (default `POST`).", optional=True),
                string("body", "JSON body of the call, sent as written but for `{secret.<name>}` placeholders "
                       "(the provider's `secrets`).", optional=True),
                string("write_only_data", "JSON merged into the body and never stored (tokens, passphrases). "
                       "State keeps only a salted digest, so a change runs the call again.", optional=True,
                       sensitive=True),
                attr("triggers", t.Map(t.String()), "Arbitrary values; when any changes, the call runs again.",
                     optional=True),
                attr("expected_status", t.List(t.Number()), "Statuses that count as success (default: any 2xx).",
                     optional=True),
                string("destroy_method", "Method of a call made on destroy (default `POST` when destroy_path is set).",
                       optional=True),
                string("destroy_path", "Path of a call made on destroy; no call when unset. "
                       "Placeholders: `{id}`, `{response.<key>}`, `{secret.<name>}`.", optional=True),
                string("destroy_body", "JSON body template of the destroy call (same placeholders). A destroy call "
                       "that needs an empty provider secret is refused at plan.", optional=True),
                attr("polling", t.Map(t.String()), POLLING_DESCRIPTION, optional=True),
                string("condition_path", "Path read (GET) before the call and before the destroy call, to "
                       "evaluate `run_when` and `destroy_when` (e.g. `/sys/replication/dr/status`).", optional=True),
                attr("run_when", t.Map(t.String()), CONDITION_HELP + " for the call to be made; otherwise the "
                     "run is recorded as skipped.", optional=True),
                string("run_if", PREDICATE_HELP + ", on the `condition_path` answer: must hold (with `run_when`) "
                       "for the call to be made; otherwise the run is recorded as skipped.", optional=True),
                attr("destroy_when", t.Map(t.String()), CONDITION_HELP + " for the destroy call to be made.",
                     optional=True),
                string("destroy_if", PREDICATE_HELP + ", on the `condition_path` answer: must hold (with "
                       "`destroy_when`) for the destroy call to be made.", optional=True),
                string("read_path", "Read-back: the path whose answer says whether the call's effect holds "
                       "(with `effective_when`). Read at every refresh (`in_effect`), and after a lost answer "
                       "to tell whether the call was carried out.", optional=True),
                string("read_method", "Method of the read-back (default `GET`; `POST` for RPC-style reads).",
                       optional=True),
                string("read_body", "JSON body of the read-back (`{secret.<name>}` placeholders).", optional=True),
                string("effective_when", PREDICATE_HELP + ". Holds on the `read_path` answer while the call's "
                       "effect is in place (e.g. the cluster is a DR primary); while it holds, the call is not made.",
                       optional=True),
                string("preconditions", "Checks made whenever the call is planned and right before it is made, as "
                       "a JSON list of `{\"path\", \"method\"?, \"body\"?, \"when\"?, \"require\", \"message\", "
                       "\"if_absent\"?}`: each path is read and the predicate `require` must hold, else the plan (or "
                       "the call) is refused with `message` and nothing is sent; `when`, a predicate on the "
                       "`condition_path` answer, limits a check to some states; a 404 answer refuses unless "
                       "`if_absent` is `pass`. " + PREDICATE_HELP + ".", optional=True),
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
                attr("in_effect", t.Bool(), "Whether the call's effect held at the last refresh (always true "
                     "without a read-back); false replaces the operation: the call is made again.", computed=True),
            ],
        )

    # ---------------------------------------------------------------- validate
    def validate_config(self, diags: Diagnostics, config: dict[str, Any]) -> None:
        checks: list[Callable[[], object]] = [
            *[(lambda n=n: call_spec.json_object(config, n)) for n in ("body", "write_only_data", "destroy_body",
                                                                       "read_body")],
            *[(lambda n=n: call_spec.method(config, n, "GET")) for n in ("method", "destroy_method", "read_method")],
            lambda: predicate(config, "effective_when"),
            lambda: predicate(config, "run_if"),
            lambda: predicate(config, "destroy_if"),
            lambda: parse_preconditions(config.get("preconditions")),
        ]
        if config.get("polling") not in (None, Unknown):
            checks.append(lambda: call_spec.polling(config["polling"]))
        for check in checks:
            try:
                check()
            except SpecError as exc:
                diags.add_error(exc.summary, exc.detail, path=[exc.attribute])
            except TypeError:
                pass  # a value known only at apply: checked then
        needs_status = config.get("preconditions") not in (None, Unknown) and '"when"' in config["preconditions"]
        for name in ("run_when", "destroy_when", "run_if", "destroy_if", *(("preconditions",) if needs_status else ())):
            if config.get(name) and not config.get("condition_path"):
                diags.add_error(f"{name} needs condition_path",
                                "Name the path whose answer the conditions are checked against.", path=[name])
        if config.get("effective_when") and not config.get("read_path"):
            diags.add_error("effective_when needs read_path", "Name the path whose answer shows the effect.",
                            path=["effective_when"])
        if config.get("read_path") and not config.get("effective_when"):
            diags.add_error("read_path needs effective_when", "Say which answer of the read-back means the call's "
                            "effect holds, e.g. effective_when = jsonencode({path = \"data/mode\", equals = "
                            "\"primary\"}).", path=["read_path"])

    # -------------------------------------------------------------------- plan
    def plan_change(self, diags: Diagnostics, prior: Optional[dict[str, Any]], proposed: dict[str, Any],
                    config: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
        planned = dict(proposed, write_only_data=None)
        try:
            secret = WriteOnly.from_config(config)
        except jsondata.JsonAttributeError as exc:
            diags.add_error("Invalid write_only_data", str(exc), path=["write_only_data"])
            return planned, []
        prior_digest = (prior or {}).get("write_only_data_hash")
        planned["write_only_data_hash"] = secret.plan_digest(prior_digest)
        if prior_digest == ADOPTED and not secret.unknown:
            planned["write_only_data_hash"] = ADOPTED  # adopted: only a value made in this run calls again
        if prior is not None and planned.get("body") != prior.get("body") \
                and _same_json(planned.get("body"), prior.get("body")):
            planned["body"] = prior["body"]
        replace: list[str] = []
        if prior is not None and prior.get("in_effect") is False:
            replace = ["in_effect"]  # its effect is gone: destroy call, then the call again
            self.plan_destroy(diags, prior)
        runs = prior is None or bool(replace) or any(
            planned.get(k) != prior.get(k) for k in CALL_SHAPING + ("write_only_data_hash",))
        for key in COMPUTED:
            if key != "write_only_data_hash":
                planned[key] = Unknown if runs else (prior or {}).get(key)
        if runs:
            self._check_before_plan(diags, planned, secret)
        return planned, replace

    def _check_before_plan(self, diags: Diagnostics, planned: dict[str, Any], secret: WriteOnly) -> None:
        """Preconditions, read live: a call that would be refused is refused now, before anything is sent."""
        if not planned.get("preconditions") or any(
                planned.get(k) is Unknown for k in ("preconditions", "path", "read_path", "effective_when")):
            return
        client = self.provider.client
        if client is None:
            return
        try:
            spec = OperationSpec.from_state(planned)
            if operation_actions.effective(client, spec, self.provider.secrets, self._supplied(secret)):
                return  # nothing will be sent
            refusal = operation_actions.unmet_precondition(client, spec, self.provider.secrets,
                                                           self._supplied(secret))
        except SpecError as exc:
            diags.add_error(exc.summary, exc.detail, path=[exc.attribute])
            return
        except Exception as exc:  # noqa: BLE001
            report(diags, exc, "Could not check the operation's preconditions", self.provider.redact)
            return
        if refusal:
            diags.add_error(f"Refused: {planned['path']}", refusal)

    def plan_destroy(self, diags: Diagnostics, prior: dict[str, Any]) -> None:
        """A destroy call that needs a provider secret nobody supplied is refused at plan, if it is due."""
        try:
            spec = OperationSpec.from_state(prior)
            missing = operation_actions.missing_destroy_secrets(spec, self.provider.secrets)
            if spec.destroy is None or not missing:
                return
            client = self.provider.client
            if client is None or operation_actions.destroy_due(client, spec, self.provider.secrets):
                return
        except SpecError:
            return
        except Exception as exc:  # noqa: BLE001
            report(diags, exc, "Could not check the destroy call's condition", self.provider.redact)
            return
        names = ", ".join(missing)
        diags.add_error(f"Refused: the destroy call {spec.destroy.method} {spec.destroy.path} needs a secret",
                        f"It sends the provider secret(s) {names}, which are empty here: supply them (the "
                        "provider's `secrets`), then destroy again. Nothing was changed.")

    def _supplied(self, secret: WriteOnly) -> Supplied:
        """``{"supplied": name}``: a provider secret of that name, else the write-only key (assumed supplied
        while the write-only value is known only at apply)."""
        def supplied(name: str) -> bool:
            if name in self.provider.secrets:
                return self.provider.supplied(name)
            return secret.unknown or secret.supplied(name)

        return supplied

    # ------------------------------------------------------------------- apply
    def create(self, diags: Diagnostics, planned: dict[str, Any], config: dict[str, Any]) -> Optional[dict[str, Any]]:
        return self._run(diags, planned, config)

    def read(self, diags: Diagnostics, current: dict[str, Any]) -> dict[str, Any]:
        if not current.get("read_path"):
            return dict(current, in_effect=True)
        client = self.provider.require_client(diags)
        if client is None:
            return current
        try:
            in_effect = operation_actions.effective(client, OperationSpec.from_state(current), self.provider.secrets)
            if in_effect is None:
                return dict(current, in_effect=True)
        except SpecError as exc:
            diags.add_error(exc.summary, exc.detail, path=[exc.attribute])
            return current
        except Exception as exc:  # noqa: BLE001
            report(diags, exc, f"Could not read back the effect of {current.get('path')}", self.provider.redact)
            return current
        return dict(current, in_effect=bool(in_effect))

    def update(self, diags: Diagnostics, prior: dict[str, Any], planned: dict[str, Any],
               config: dict[str, Any]) -> Optional[dict[str, Any]]:
        if planned.get("id") is not Unknown:
            return planned  # only destroy settings or polling changed
        return self._run(diags, planned, config)

    def _run(self, diags: Diagnostics, planned: dict[str, Any], config: dict[str, Any]) -> Optional[dict[str, Any]]:
        client = self.provider.require_client(diags)
        if client is None:
            return None
        secret, method = WriteOnly(), (planned.get("method") or "POST").upper()
        try:
            spec = OperationSpec.from_state(planned)
            secret = WriteOnly.from_config(config)
            ran = operation_actions.run(client, spec, secret, self.provider.secrets, self._supplied(secret))
            picked = None
            if ran.skipped:  # nothing answered: each output is empty, so references to it still resolve
                picked = {name: "" for name in spec.outputs} or None
            elif not ran.verified:
                picked = {name: as_text(jsonpath.lookup(ran.answer, path)) for name, path in spec.outputs.items()}
        except SpecError as exc:
            diags.add_error(exc.summary, exc.detail, path=[exc.attribute])
            return None
        except operation_actions.Refused as exc:
            diags.add_error(f"Refused: {planned['path']}", f"{exc} Nothing was sent.")
            return None
        except Exception as exc:  # noqa: BLE001
            report(diags, exc, f"The operation {method} {planned['path']} failed",
                   secret.redactor(self.provider))
            return None
        if spec.outputs and ran.verified:
            diags.add_error(f"The answer of {planned['path']} was lost", "The read-back shows the call took effect, "
                            "but the values it answered (outputs) are gone: apply again to make the call anew.")
            return None
        digest = secret.applied_digest(planned.get("write_only_data_hash"))
        response: Optional[str]
        if ran.skipped:
            response = jsondata.canonical({"skipped": ran.skipped})
        elif ran.verified:
            response = jsondata.canonical({"verified": "the answer was lost; the read-back shows the effect"})
        else:
            omit = set(spec.omit_keys) | secret.key_names()
            removed = tuple(spec.outputs.values()) if spec.sensitive_outputs else ()
            response = sanitized_json(ran.answer, omit, removed, mask=secret.redactor(self.provider))
        sensitive = spec.sensitive_outputs
        return dict(planned, id=uuid.uuid4().hex, response=response,
                    output_values=None if sensitive else picked,
                    sensitive_output_values=picked if sensitive else None,
                    write_only_data_hash=digest, in_effect=True)

    def delete(self, diags: Diagnostics, prior: dict[str, Any]) -> None:
        if not prior.get("destroy_path"):
            return
        client = self.provider.require_client(diags)
        if client is None:
            return
        try:
            operation_actions.destroy(client, OperationSpec.from_state(prior), prior, self.provider.secrets)
        except SpecError as exc:
            diags.add_error(exc.summary, exc.detail, path=[exc.attribute])
        except Exception as exc:  # noqa: BLE001
            report(diags, exc, "The destroy call of the operation failed", self.provider.redact)

    def import_state(self, diags: Diagnostics, import_id: str) -> Optional[dict[str, Any]]:
        """Adopt a call whose effect is already in place: the id is a JSON object of the operation's attributes
        (see :mod:`.imports`). Nothing is called; the next refresh reads its effect back (a call whose effect
        does not hold is then planned), its outputs are empty, and its write-only input is marked adopted
        (the value it was made with is unknown; a new one known only at apply runs it again)."""
        state = imports.parse(diags, self.get_schema(), import_id, allow_path=False)
        if state is None:
            return None
        outputs = {name: "" for name in (state.get("outputs") or {})} or None
        sensitive = bool(state.get("sensitive_outputs"))
        return dict(state, output_values=None if sensitive else outputs,
                    sensitive_output_values=outputs if sensitive else None,
                    write_only_data_hash=ADOPTED, in_effect=True,
                    response=jsondata.canonical({"adopted": "imported; no call made"}))


def _same_json(a: Any, b: Any) -> bool:
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    try:
        return jsondata.equal(json.loads(a), json.loads(b))
    except ValueError:
        return False
