"""What the resources and the data source share: schema helpers, response cleaning, error reporting."""

from __future__ import annotations

import json
from typing import Any, Callable, Optional

from tf import types as t
from tf.schema import Attribute
from tf.utils import Diagnostics

from keyform.client import ClientError
from keyform.client.jsonpath import PathError
from keyform.client.templates import TemplateError
from keyform.provider import jsondata

DEFAULT_OMIT_KEYS = ("password", "passphrase", "existing_passphrase", "secret", "client_token", "dr_operation_token")

HYPERMEDIA_KEYS = frozenset({"_links"})
"""HAL's navigation links (ONTAP's ``_links``, in every record and every reference in it): where an object is, not
what it holds. Kept out of an object's ``response`` and a read's ``result``: Terraform writes the whole state again
after each object it applies, so every byte of ``response`` is paid once per object applied after it."""

POLLING_KEYS = {
    "href_path": "path of the job link in a 202 answer (default `job/_links/self/href`)",
    "state_path": "path of the state in the job (default `state`)",
    "success_states": "comma-separated states that end the job well (default `success`)",
    "failure_states": "comma-separated states that end it badly (default `failure,error`)",
    "message_path": "path of the job's message (default `message`)",
    "interval_seconds": "seconds between polls (default 0.2)",
    "timeout_seconds": "give up after this many seconds (default 300); the job's outcome is then unknown",
    "enabled": "`false` to return a 202 answer without following it",
}

POLLING_DESCRIPTION = "How a `202 Accepted` with a job reference is followed until the job ends: " + "; ".join(
    f"`{k}`: {v}" for k, v in POLLING_KEYS.items()
) + ". The defaults follow ONTAP jobs."


def attr(name: str, type_: t.TfType, description: str, **flags: bool) -> Attribute:
    return Attribute(name, type_, description=description, **flags)


def string(name: str, description: str, **flags: bool) -> Attribute:
    return attr(name, t.String(), description, **flags)


def sanitized_json(body: Any, omit_names: set[str], remove_paths: tuple[str, ...] = (),
                   mask: Optional[Callable[[str], str]] = None) -> Optional[str]:
    """The response as canonical JSON without secret keys, without the values at ``remove_paths`` and, with
    ``mask``, without any secret value an API echoed inside another value (``"accepted token s3cr3t"``)."""
    if body is None or body == "":
        return None
    from keyform.client.jsonpath import remove_keys

    clean = remove_keys(body, omit_names)
    for path in remove_paths:
        clean = _without_path(clean, path)
    if mask is not None:
        clean = _masked(clean, mask)
    return jsondata.canonical(clean)


def _masked(value: Any, mask: Callable[[str], str]) -> Any:
    """``value`` with ``mask`` applied to each of its strings. Mostly no string holds a secret: the mask then
    runs once, over all of them joined (a secret inside one string is inside the joined text, so an unchanged
    joined text means every string is unchanged), instead of once per string (~50 µs per object read)."""
    strings: list[str] = []
    _collect_strings(value, strings)
    joined = "\x00".join(strings)
    if mask(joined) == joined:
        return value
    return _mask_each(value, mask)


def _collect_strings(value: Any, into: list[str]) -> None:
    if isinstance(value, str):
        into.append(value)
    elif isinstance(value, dict):
        for item in value.values():
            _collect_strings(item, into)
    elif isinstance(value, list):
        for item in value:
            _collect_strings(item, into)


def _mask_each(value: Any, mask: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, dict):
        return {k: _mask_each(v, mask) for k, v in value.items()}
    if isinstance(value, list):
        return [_mask_each(v, mask) for v in value]
    return value


def _without_path(document: Any, path: str) -> Any:
    head, _, rest = path.strip("/").partition("/")
    if isinstance(document, dict) and head in document:
        copy = dict(document)
        if rest:
            copy[head] = _without_path(document[head], rest)
        else:
            del copy[head]
        return copy
    if isinstance(document, list) and head.isdigit() and int(head) < len(document):
        items = list(document)
        items[int(head)] = _without_path(document[int(head)], rest) if rest else None
        return items
    return document


def report(diags: Diagnostics, exc: Exception, summary: str, redact: Callable[[str], str],
           path: Optional[list[str]] = None) -> None:
    """One diagnostic for an expected failure: the API's words, the URL without credentials, no secrets."""
    if isinstance(exc, (ClientError, TemplateError, PathError, jsondata.JsonAttributeError)):
        diags.add_error(summary, redact(str(exc)), path=path)
    else:
        raise exc


def as_text(value: Any) -> str:
    """A value picked from a response, as a Terraform map(string) holds it: text as is, "" for null,
    anything else as compact JSON."""
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True, separators=(",", ":"))
