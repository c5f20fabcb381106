"""``rest_object``'s calls: one function per action, from the spec to the client, safe under faults.

Nothing here is sent twice blindly. After a failure that leaves the appliance's state unknown (a
lost answer, a 5xx to a write, a job whose end was never seen: ``may_have_committed``), the
object is looked at first:

- **create**: found by its natural key (``lookup_*``) → taken into state instead of created again;
  not there → the create is sent again. A refusal (409 "already exists", ONTAP 65536870/65536823, a
  failed job) is also followed by the lookup: an object with that key is taken into state.
- **update**: read back; the changed keys already hold → done; not → sent again. An update that
  carried write-only values cannot be verified and is reported instead.
- **delete**: read back; gone → done; still there → sent again.

Each sends at most ``retry_max + 1`` times, waiting as the client waits between retries
(``Retry-After`` wins).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional

from keyform.client import ClientError, JobOutcomeUnknown, jsonpath, may_have_committed, paging
from keyform.provider import jsondata
from keyform.provider.call_spec import Secrets
from keyform.provider.object_spec import ObjectSpec
from keyform.provider.write_only import WriteOnly

if TYPE_CHECKING:  # the client loads `requests` on first use only
    from keyform.client.session import Response, RestClient

log = logging.getLogger("keyform.provider")


class OutcomeUnknown(ClientError):
    """A call whose effect on the appliance is unknown and could not be verified."""


class NotTracked(ClientError):
    """A create that succeeded without an id the provider could determine."""


@dataclass(frozen=True)
class Found:
    id: str
    object: Any


@dataclass(frozen=True)
class Created:
    id: str
    answer: Any
    found: Any = None
    adopted: Optional[str] = None  # why an object already on the appliance was taken into state


def _sends(client: RestClient) -> int:
    return client.config.retry_max + 1


def _pause(client: RestClient, send: int, failure: ClientError) -> None:
    """Wait before sending a call again, as the client waits before a retry."""
    client.policy.sleep(send - 1, getattr(failure, "retry_after", None))


# ---------------------------------------------------------------------------------------- read
def read(client: RestClient, spec: ObjectSpec, object_id: str, secrets: Optional[Secrets] = None) -> Any:
    """The object as the appliance shows it now, or None when it is gone (404, or absent at read_selector)."""
    url, body = spec.read.rendered(spec.scope(object_id, secrets=secrets))
    response = paging.read(client, spec.read.method, url, body, allow_not_found=True)
    if response.status == 404:
        return None
    found = response.body
    if spec.read_selector:
        found = jsonpath.lookup(found, spec.read_selector, None)
    return found


def lookup(client: RestClient, spec: ObjectSpec, secrets: Optional[Secrets] = None) -> Optional[Found]:
    """The object with this spec's natural key, found with the ``lookup_*`` call, or None (also without one)."""
    if spec.lookup is None:
        return None
    url, body = spec.lookup.rendered(spec.scope(secrets=secrets))
    response = paging.read(client, spec.lookup.method, url, body, allow_not_found=True)
    if response.status == 404:
        return None
    found = response.body
    if spec.lookup_selector:
        found = jsonpath.lookup(found, spec.lookup_selector, None)
    if found in (None, "", [], {}):
        return None
    return Found(spec.id_of_found(found), found)


# -------------------------------------------------------------------------------------- create
def create(client: RestClient, spec: ObjectSpec, secret: WriteOnly, secrets: Optional[Secrets] = None) -> Created:
    url, _ = spec.create.rendered(spec.scope(secrets=secrets))
    body = secret.merged_into(spec.data)
    for send in range(1, _sends(client) + 1):
        try:
            response = client.request(spec.create.method, url, body, polling=spec.polling, idempotent=False)
        except ClientError as exc:
            if spec.lookup is None:
                if may_have_committed(exc):
                    raise OutcomeUnknown(f"{exc}. The object may have been created, but Terraform's state does not "
                                         "know it: set api.lookup_path (how to find it by its natural key) so that it "
                                         "is taken into state, or check the appliance and import it") from None
                raise
            found = _lookup_after(client, spec, secrets, exc)
            if found is not None:
                return Created(found.id, None, found.object, adopted=_adoption_reason(exc))
            if may_have_committed(exc) and not isinstance(exc, JobOutcomeUnknown) and send < _sends(client):
                log.debug("create %s: %s; the lookup does not find it: sending it again", url, exc)
                _pause(client, send, exc)
                continue
            raise
        return _identified(client, spec, secrets, response)
    raise AssertionError("unreachable")  # pragma: no cover


def _lookup_after(client: RestClient, spec: ObjectSpec, secrets: Optional[Secrets],
                  failure: ClientError) -> Optional[Found]:
    try:
        return lookup(client, spec, secrets)
    except ClientError as exc:
        if may_have_committed(failure):
            raise OutcomeUnknown(f"{failure}; looking the object up failed as well ({exc}): it may exist on the "
                                 "appliance. Apply again: the next create looks it up first") from None
        raise failure from None


def _adoption_reason(failure: ClientError) -> str:
    if may_have_committed(failure):
        return f"the answer to the create was lost ({failure}), and the object is on the appliance"
    return f"the appliance refused the create ({failure}), and an object with the same key is already there"


def _identified(client: RestClient, spec: ObjectSpec, secrets: Optional[Secrets], response: Response) -> Created:
    try:
        return Created(spec.id_from_answer(response.body), response.body)
    except (jsonpath.PathError, ValueError) as exc:
        found = lookup(client, spec, secrets) if spec.lookup is not None else None
        if found is None:
            raise NotTracked(f"the create succeeded, so the object exists on the appliance, but its id could not be "
                             f"determined ({exc}): set api.id_attribute, api.id_template or api.lookup_path, then "
                             "import it (or delete it by hand)") from None
        return Created(found.id, response.body, found.object)


# -------------------------------------------------------------------------------------- update
def update(client: RestClient, spec: ObjectSpec, object_id: str, old_data: dict[str, Any], prior_response: Any,
           secret: WriteOnly, secrets: Optional[Secrets] = None) -> Any:
    """Send the change; the answer's body (None when the change was verified after a lost answer)."""
    if spec.update_sends_all:
        changed = dict(spec.data)
    else:
        changed = {k: v for k, v in spec.data.items() if k not in old_data or not jsondata.equal(v, old_data[k])}
    url, template = spec.update.rendered(spec.scope(object_id, prior_response, secrets))
    body = secret.merged_into(jsondata.deep_merge(template or {}, changed))
    for send in range(1, _sends(client) + 1):
        try:
            return client.request(spec.update.method, url, body, polling=spec.polling).body
        except ClientError as exc:
            if not may_have_committed(exc):
                raise
            if secret.value:
                raise OutcomeUnknown(f"{exc}. The change carried write-only values, which cannot be read back to "
                                     "verify it: apply again to send it again") from None
            found = read(client, spec, object_id, secrets)
            if found is not None and jsondata.matches(changed, spec.normalized(found)):
                return None
            if found is None or send == _sends(client):
                raise
            log.debug("update %s: %s; not in effect: sending it again", url, exc)
            _pause(client, send, exc)
    raise AssertionError("unreachable")  # pragma: no cover


# -------------------------------------------------------------------------------------- delete
def delete(client: RestClient, spec: ObjectSpec, object_id: str, prior_response: Any,
           secrets: Optional[Secrets] = None) -> None:
    url, body = spec.destroy.rendered(spec.scope(object_id, prior_response, secrets))
    for send in range(1, _sends(client) + 1):
        try:
            client.request(spec.destroy.method, url, body, polling=spec.polling, allow_not_found=True)
            return
        except ClientError as exc:
            if not may_have_committed(exc):
                raise
            if read(client, spec, object_id, secrets) is None:
                return  # gone: the delete took effect
            if send == _sends(client):
                raise
            log.debug("delete %s: %s; still there: sending it again", url, exc)
            _pause(client, send, exc)
