"""``rest_operation``'s calls: the guarded call, its read-back, its preconditions and its destroy call.

Order of a run: the read-back (its effect already holds: skipped, nothing to do), ``run_when``
and ``run_if`` (not holding: the run is recorded as skipped), every precondition read and checked
(a failed one refuses the call: nothing is sent), then the call. After a
failure that leaves the appliance's state unknown (``may_have_committed``) the read-back decides:
the effect holds → done; it does not → the call is sent again (at most ``retry_max + 1`` sends);
no read-back → the failure is reported as an unknown outcome, never sent again blindly.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping, Optional

from keyform.client import ApiError, ClientError, may_have_committed, paging
from keyform.client.retries import IDEMPOTENT_METHODS
from keyform.client.templates import render_path, render_secrets, render_value, secret_names
from keyform.provider import conditions
from keyform.provider.call_spec import Call, Secrets, SpecError
from keyform.provider.conditions import Supplied
from keyform.provider.object_actions import OutcomeUnknown
from keyform.provider.operation_spec import OperationSpec
from keyform.provider.write_only import WriteOnly

if TYPE_CHECKING:  # the client loads `requests` on first use only
    from keyform.client.session import RestClient

log = logging.getLogger("keyform.provider")


class Refused(ClientError):
    """A precondition did not hold: the call was not made."""


@dataclass(frozen=True)
class Ran:
    answer: Any = None
    skipped: Optional[str] = None  # why run_when kept the call from being made
    verified: bool = False  # the answer was lost, the read-back shows the effect


def _scope(secrets: Secrets, **more: Any) -> dict[str, Any]:
    return {**({"secret": secrets} if secrets else {}), **more}


def _read(client: RestClient, call: Call, secrets: Secrets) -> Any:
    path, body = call.rendered(_scope(secrets))
    response = client.request(call.method, path, body, allow_not_found=True, idempotent=True)
    return None if response.status == 404 else response.body


# ----------------------------------------------------------------------------------- checks
def unmet_precondition(client: RestClient, spec: OperationSpec, secrets: Secrets, supplied: Supplied) -> Optional[str]:
    """The message of the first precondition that does not hold now, or None."""
    if not spec.preconditions:
        return None
    status = None
    if any(check.when is not None for check in spec.preconditions):
        status = _condition_status(client, spec, "preconditions")
    for check in spec.preconditions:
        if check.when is not None and not check.when.holds(status, supplied):
            continue
        path, body = check.read.rendered(_scope(secrets))
        answer = client.request(check.read.method, path, body, allow_not_found=True, idempotent=True)
        if answer.status == 404:  # nothing to check against: a pass only where the check says so
            if check.absent_passes:
                continue
            return f"{check.message} (The check could not be made: {check.read.method} {path} answered 404.)"
        if not check.require.holds(answer.body, supplied):
            return check.message
    return None


def effective(client: RestClient, spec: OperationSpec, secrets: Secrets,
              supplied: Optional[Supplied] = None) -> Optional[bool]:
    """Whether the call's effect holds now (None without a read-back); ``supplied`` defaults to the provider's
    secrets."""
    if spec.read is None or spec.effective_when is None:
        return None
    return spec.effective_when.holds(_read(client, spec.read, secrets), supplied or _provider_secrets(secrets))


def _condition_status(client: RestClient, spec: OperationSpec, needed_by: str) -> Any:
    """The ``condition_path`` answer that conditions are checked against. A state that was never validated (an
    import id) may name conditions without it: refused like a configuration."""
    if spec.condition_path is None:
        raise SpecError("condition_path", f"{needed_by} needs condition_path",
                        "Name the path whose answer the conditions are checked against.")
    return paging.get_all(client, spec.condition_path).body


def _provider_secrets(secrets: Secrets) -> Supplied:
    return lambda name: bool(secrets.get(name))


def _unmet(client: RestClient, spec: OperationSpec, conditions_map: Mapping[str, str], name: str,
           run_if: Optional[conditions.Predicate] = None, supplied: Supplied = lambda n: False) -> Optional[str]:
    if not conditions_map and run_if is None:
        return None
    answer = _condition_status(client, spec, name if conditions_map else name.replace("_when", "_if"))
    why = conditions.unmet(answer, conditions_map, name)
    if why is None and run_if is not None and not run_if.holds(answer, supplied):
        why = f"the {name.replace('_when', '_if')} condition {run_if.describe()} does not hold"
    return why


# -------------------------------------------------------------------------------------- run
def run(client: RestClient, spec: OperationSpec, secret: WriteOnly, secrets: Secrets, supplied: Supplied) -> Ran:
    if effective(client, spec, secrets, supplied):
        return Ran(skipped="its effect already holds (read-back)")
    skipped = _unmet(client, spec, spec.run_when, "run_when", spec.run_if, supplied)
    if skipped:
        return Ran(skipped=skipped)
    refusal = unmet_precondition(client, spec, secrets, supplied)
    if refusal:
        raise Refused(refusal)
    path = render_path(spec.call.path, _scope(secrets))
    body = secret.merged_into(render_secrets(spec.call.body, secrets))
    sends = client.config.retry_max + 1
    for send in range(1, sends + 1):
        try:
            response = client.request(spec.call.method, path, body, expected=spec.expected, polling=spec.polling)
            return Ran(answer=response.body)
        except ClientError as exc:
            if not may_have_committed(exc):
                raise
            now = effective(client, spec, secrets, supplied)
            if now is None:
                raise OutcomeUnknown(f"{exc}. The call may have been carried out: set read_path and effective_when "
                                     "so that keyform can tell, or check the appliance before applying again") from None
            if now:
                return Ran(verified=True)
            if send == sends:
                raise
            log.debug("operation %s: %s; not in effect: sending it again", path, exc)
            client.policy.sleep(send - 1, getattr(exc, "retry_after", None))
    raise AssertionError("unreachable")  # pragma: no cover


# ---------------------------------------------------------------------------------- destroy
def missing_destroy_secrets(spec: OperationSpec, secrets: Secrets) -> list[str]:
    """Provider secrets the destroy call names but that are empty."""
    if spec.destroy is None:
        return []
    needed = secret_names(spec.destroy.path) | secret_names(spec.destroy.body)
    return sorted(name for name in needed if not secrets.get(name))


def destroy_due(client: RestClient, spec: OperationSpec, secrets: Optional[Secrets] = None) -> Optional[str]:
    """Why the destroy call is not due now (destroy_when, destroy_if), or None when it is."""
    return _unmet(client, spec, spec.destroy_when, "destroy_when", spec.destroy_if, _provider_secrets(secrets or {}))


def refuse_destroy_without_secrets(client: RestClient, spec: OperationSpec, secrets: Secrets) -> None:
    """Raise Refused when the destroy call is due but needs a provider secret that is empty."""
    missing = missing_destroy_secrets(spec, secrets)
    if spec.destroy is None or not missing or destroy_due(client, spec, secrets):
        return
    raise Refused(f"The destroy call {spec.destroy.method} {spec.destroy.path} sends the provider secret(s) "
                  f"{', '.join(missing)}, which are empty here: supply them (the provider's `secrets`) and "
                  "apply again. Nothing was changed.")


def destroy(client: RestClient, spec: OperationSpec, state: Mapping[str, Any], secrets: Secrets) -> None:
    if spec.destroy is None or destroy_due(client, spec, secrets):
        return
    refuse_destroy_without_secrets(client, spec, secrets)
    response = json.loads(state["response"]) if state.get("response") else {}
    scope = _scope(secrets, id=state.get("id"), path=state.get("path"), response=response)
    path, body = render_path(spec.destroy.path, scope), render_value(spec.destroy.body, scope)
    idempotent = spec.destroy.method in IDEMPOTENT_METHODS
    sends = client.config.retry_max + 1
    for send in range(1, sends + 1):
        try:
            client.request(spec.destroy.method, path, body, polling=spec.polling)
            return
        except ApiError as exc:
            # The check and the call are not atomic: another call of the same apply may have changed the
            # appliance in between (a DR primary demoted while its old token is revoked). If the condition
            # no longer holds, the destroy call is moot; otherwise the error stands.
            if (spec.destroy_when or spec.destroy_if) and destroy_due(client, spec, secrets):
                return
            if idempotent or not may_have_committed(exc) or send == sends:
                raise
        except ClientError as exc:
            if not may_have_committed(exc) or not (spec.destroy_when or spec.destroy_if) or send == sends:
                raise
            if destroy_due(client, spec, secrets):
                return  # the lost call took effect
        client.policy.sleep(send - 1)
