"""What the resources and the data source share: schema helpers, polling settings, error reporting."""

from __future__ import annotations

import json
from typing import Any, Callable, Optional

from tf import types as t
from tf.schema import Attribute
from tf.types import Unknown
from tf.utils import Diagnostics

from keyform.client import ClientError, PollingConfig
from keyform.client.jsonpath import PathError
from keyform.client.templates import TemplateError
from keyform.provider import jsondata

DEFAULT_OMIT_KEYS = ("password", "passphrase", "existing_passphrase", "secret", "client_token", "dr_operation_token")

POLLING_KEYS = {
    "href_path": "path of the job link in a 202 answer (default `job/_links/self/href`)",
    "state_path": "path of the state in the job (default `state`)",
    "success_states": "comma-separated states that end the job well (default `success`)",
    "failure_states": "comma-separated states that end it badly (default `failure,error`)",
    "message_path": "path of the job's message (default `message`)",
    "interval_seconds": "seconds between polls (default 0.2)",
    "timeout_seconds": "give up after this many seconds (default 300)",
    "enabled": "`false` to return a 202 answer without following it",
}

POLLING_DESCRIPTION = "How a `202 Accepted` with a job reference is followed until the job ends: " + "; ".join(
    f"`{k}`: {v}" for k, v in POLLING_KEYS.items()
) + ". The defaults follow ONTAP jobs."


def attr(name: str, type_, description: str, **flags) -> Attribute:
    return Attribute(name, type_, description=description, **flags)


def string(name: str, description: str, **flags) -> Attribute:
    return attr(name, t.String(), description, **flags)


def polling_config(diags: Diagnostics, settings: Optional[dict]) -> Optional[PollingConfig]:
    settings = dict(settings or {})
    unknown = set(settings) - set(POLLING_KEYS)
    if unknown:
        diags.add_error(
            f"polling has unknown key(s): {', '.join(sorted(unknown))}",
            f"Known keys: {', '.join(POLLING_KEYS)}.",
            path=["polling"],
        )
        return None
    if settings.pop("enabled", "true").lower() == "false":
        return None
    kwargs: dict[str, Any] = {}
    for key, value in settings.items():
        if key.endswith("_states"):
            kwargs[key] = tuple(s.strip() for s in value.split(",") if s.strip())
        elif key.endswith("_seconds"):
            try:
                kwargs[key] = float(value)
            except ValueError:
                diags.add_error(f"polling.{key} must be a number of seconds", f"Got '{value}'.", path=["polling"])
                return None
        else:
            kwargs[key] = value
    return PollingConfig(**kwargs)


def sanitized_json(body: Any, omit_names: set[str], remove_paths: tuple[str, ...] = ()) -> Optional[str]:
    """The response as canonical JSON without secret keys and without the values at ``remove_paths``."""
    if body is None or body == "":
        return None
    from keyform.client.jsonpath import remove_keys

    clean = remove_keys(body, omit_names)
    for path in remove_paths:
        clean = _without_path(clean, path)
    return jsondata.canonical(clean)


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
        copy = list(document)
        copy[int(head)] = _without_path(document[int(head)], rest) if rest else None
        return copy
    return document


def plan_secret_digest(config_text: Any, prior_digest: Any, attribute: str = "write_only_data") -> Any:
    """The digest state keeps of a write-only JSON value: the prior one while the value is unchanged,
    else unknown until apply (a fresh random salt at plan time would differ from the one at apply)."""
    if config_text is None:
        return None
    if config_text is Unknown:
        return Unknown
    value = jsondata.parse_object(config_text, attribute)
    if jsondata.digest_matches(value, prior_digest):
        return prior_digest
    return Unknown


def applied_secret_digest(config_text: Any, planned_digest: Any) -> Any:
    """The digest stored at apply: the planned one if known, else one made from the applied value."""
    if planned_digest is not Unknown:
        return planned_digest
    if config_text is None:
        return None
    return jsondata.secret_digest(jsondata.parse_object(config_text, "write_only_data"))


def write_only_redactor(provider, config: dict) -> Callable[[str], str]:
    """Redaction for diagnostics of a call that sent ``write_only_data``: an API may echo a value it
    was sent (``password 'x' is too weak``), so those values are masked as well as the provider's secrets."""
    from keyform.client.errors import redact

    secrets = _scalars(_parsed(config.get("write_only_data")))
    return lambda text: provider.redact(redact(text, secrets))


def _parsed(text: Any) -> Any:
    if not isinstance(text, str):
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def _scalars(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for item in value.values() for s in _scalars(item)]
    if isinstance(value, list):
        return [s for item in value for s in _scalars(item)]
    if value is None or isinstance(value, bool):
        return []
    return [str(value)]


def report(diags: Diagnostics, exc: Exception, summary: str, redact, path: Optional[list] = None) -> None:
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
