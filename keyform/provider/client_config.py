"""Map the provider's effective settings onto a :class:`keyform.client.ClientConfig`, checked.

Only the settings are checked here, at ``ConfigureProvider``: the :class:`~keyform.client.session.RestClient`
(and with it ``requests``, ~45 ms of imports) is built on first use (:attr:`RestProvider.client`), so the
plan of an apply that only creates never loads it."""

from __future__ import annotations

import os
from typing import Any, Mapping, Optional

from tf.utils import Diagnostics

from keyform.client import ClientConfig, CsrfConfig, OAuth2Config, header_fields
from keyform.client.errors import safe_url


def checked_config(diags: Diagnostics, s: Mapping[str, Any]) -> Optional[ClientConfig]:
    prefix = s.get("env_prefix") or "KEYFORM_REST_"
    base_url = s.get("base_url")
    if not base_url:
        diags.add_error(
            f"{prefix}BASE_URL is not set",
            f"Set it to the API's base URL, e.g. https://cluster1.example.com/api, or set base_url in the "
            f"provider block (the provider reads every setting it is not given from <env_prefix><SETTING>, "
            f"here {prefix}*).",
            path=["base_url"],
        )
        return None
    if not base_url.startswith(("http://", "https://")):
        diags.add_error("base_url must start with http:// or https://", f"Got '{base_url}'.", path=["base_url"])
        return None
    for key in ("ca_cert_file", "client_cert_file", "client_key_file"):
        if s.get(key) and not os.path.isfile(s[key]):
            diags.add_error(f"{key} does not exist", f"No file at '{s[key]}'.", path=[key])
    _check_credentials(diags, s, prefix, safe_url(base_url))
    _check_numbers(diags, s, prefix)
    _check_header_fields(diags, s, prefix)
    if diags.has_errors():
        return None
    return ClientConfig(
        base_url=base_url,
        headers=dict(s.get("headers") or {}),
        username=s.get("username"),
        password=s.get("password"),
        bearer_token=s.get("bearer_token"),
        token_header=s.get("token_header"),
        token=s.get("token"),
        csrf=CsrfConfig(
            path=s["csrf_path"],
            cookie=s.get("csrf_cookie") or "XSRF-TOKEN",
            header=s.get("csrf_header") or "X-XSRF-TOKEN",
        ) if s.get("csrf_path") else None,
        oauth2=(OAuth2Config(s["oauth2_token_url"], s.get("oauth2_client_id") or "")
                if s.get("oauth2_token_url") else None),
        insecure=bool(s.get("insecure")),
        ca_cert_file=s.get("ca_cert_file"),
        client_cert_file=s.get("client_cert_file"),
        client_key_file=s.get("client_key_file"),
        timeout_seconds=float(s.get("timeout_seconds") or 30),
        retry_max=int(s["retry_max"]) if s.get("retry_max") is not None else 4,
        retry_backoff_seconds=(float(s["retry_backoff_seconds"]) if s.get("retry_backoff_seconds") is not None
                               else 0.5),
        rate_limit_per_second=float(s.get("rate_limit_per_second") or 0),
    )


# field: (lowest, highest, whole numbers only, what it counts). A negative backoff made every retry crash, a
# retry_max above ~1000 overflowed the backoff, and a timeout of 0 silently became the default.
NUMBER_LIMITS: dict[str, tuple[float, float, bool, str]] = {
    "timeout_seconds": (0.1, 3600, False, "seconds"),
    "retry_max": (0, 100, True, "retries"),
    "retry_backoff_seconds": (0, 300, False, "seconds"),
    "rate_limit_per_second": (0, 100000, False, "requests a second, 0 for no limit"),
}


def _check_numbers(diags: Diagnostics, s: Mapping[str, Any], prefix: str) -> None:
    """Numbers out of their range (or not numbers, from an environment variable) are refused at plan, naming
    the setting and its variable."""
    for field, (lowest, highest, whole, unit) in NUMBER_LIMITS.items():
        value = s.get(field)
        if value is None:
            continue
        number = _number(value)
        if number is None or not lowest <= number <= highest or (whole and number != int(number)):
            kind = "a whole number" if whole else "a number"
            diags.add_error(
                f"{field} must be {kind} from {lowest:g} to {highest:g} ({unit}); got {str(value)[:40]!r}",
                f"Set {field} in the provider block or {prefix}{field.upper()} to {kind} from {lowest:g} to "
                f"{highest:g}.",
                path=[field])


# settings sent as a header's name, and as a header's value
HEADER_NAMES = ("token_header", "csrf_header")
HEADER_VALUES = ("token", "bearer_token")


def _check_header_fields(diags: Diagnostics, s: Mapping[str, Any], prefix: str) -> None:
    """Settings sent as HTTP header fields that cannot be sent as they are (a token read from a file with its
    newline) are refused at plan, naming the setting: never quoting a value, since ``headers`` and the tokens
    are secrets. Names are quoted: they are what the API documents."""

    def refuse(field: str, summary: str, what: str) -> None:
        diags.add_error(summary, f"Set {field} in the provider block or {prefix}{field.upper()} to {what} (a value "
                        "read from a file keeps its final newline: trim it, e.g. with trimspace()).", path=[field])

    headers = s.get("headers") or {}
    for name, value in headers.items() if isinstance(headers, Mapping) else ():
        problem = header_fields.name_problem(name)
        if problem:
            refuse("headers", f"headers: {_quoted(name)} {problem}", "a map of valid header names")
        elif isinstance(value, str) and (problem := header_fields.value_problem(value)):
            refuse("headers", f"headers[{_quoted(name)}] {problem}", "values of printable text")
    for field in HEADER_NAMES:
        value = s.get(field)
        if isinstance(value, str) and value and (problem := header_fields.name_problem(value)):
            refuse(field, f"{field}: {_quoted(value)} {problem}", "a header name such as X-Auth-Token")
    for field in HEADER_VALUES:
        value = s.get(field)
        if isinstance(value, str) and (problem := header_fields.value_problem(value)):
            refuse(field, f"{field} {problem}", "printable text")


def _quoted(name: str) -> str:
    """A header name as it reads in a message: JSON-quoted (control characters escaped), at most 60 characters."""
    import json

    return json.dumps(name if len(name) <= 60 else name[:60] + "...")


def _number(value: Any) -> Optional[float]:
    """``value`` as a number: Terraform sends a number that float64 cannot hold exactly (0.05) as its decimal
    text, and environment variables are text; None when it is not one."""
    if isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _check_credentials(diags: Diagnostics, s: Mapping[str, Any], prefix: str, where: str,
                       environ: Mapping[str, str] = os.environ) -> None:
    """A credential the configuration asks for but nobody set is refused here, at plan, with the variable
    to set: not sent empty for the appliance to refuse with a 401 that does not say what is missing.
    (Values Terraform does not know yet never get here: configure_provider refuses them first.)"""

    def missing(field: str, what: str) -> None:
        variable = prefix + field.upper()
        if s.get(field) == "" and variable not in environ:
            summary = f"{field} is empty in the provider block"
        else:
            summary = f"{variable} is {'empty' if s.get(field) == '' else 'not set'}"
        diags.add_error(summary, f"Set {variable} to {what}, or set {field} in the provider block.", path=[field])

    username, oauth2 = s.get("username"), s.get("oauth2_token_url")
    if oauth2:
        if not username:
            missing("username", f"the user of the OAuth2 password grant at {safe_url(oauth2)}")
        if not s.get("password"):
            user = f"user {username}" if username else "the user"
            missing("password", f"the password of {user} for the OAuth2 password grant at {safe_url(oauth2)}")
    elif username and not s.get("password") and not (s.get("bearer_token") or s.get("token")):
        missing("password", f"the password of user {username} on {where}")
    elif not username and (s.get("password") or username == "") and not (s.get("bearer_token") or s.get("token")):
        # basic auth needs both: without a user no credentials would be sent, and the appliance would answer 401
        missing("username", f"the user the password is for (HTTP basic auth) on {where}")
    if s.get("token_header") and not s.get("token"):
        missing("token", f"the token sent in the {s['token_header']} header to {where}")
