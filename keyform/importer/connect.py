"""Where an appliance is and how to log in, from ``KEYFORM_<NAME>_*``, and keyform's HTTP client for it.

The same variables the stacks' providers read: ``BASE_URL`` (required), ``USERNAME`` (ONTAP, VSP One
Object; default ``admin``), ``PASSWORD`` (ONTAP, VSP One Object), ``TOKEN`` (Vault), and optionally
``CA_CERT_FILE`` and ``INSECURE``. The clients authenticate as the provider and the main job's summary
do: HTTP basic (ONTAP), an OAuth2 password grant then a CSRF session (VSP One Object), ``X-Vault-Token``.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator, Mapping, Optional
from urllib.parse import urlsplit
from keyform.appliances import connection
from keyform.client import ClientConfig, ClientError, RestClient, header_fields
from keyform.importer.errors import ImportFailed, UsageError
from keyform.importer.model import env_var

DEFAULT_USERNAME = "admin"
TRUE = ("1", "true", "yes", "on")  # as the provider reads a boolean from the environment


SHARED_CA_CERT_FILE = "KEYFORM_CA_CERT_FILE"


@dataclass(frozen=True)
class Access:
    kind: str  # ontap | vsp | vault
    name: str  # as given on the command line
    base_url: str
    username: str = ""
    password: str = field(default="", repr=False)
    token: str = field(default="", repr=False)
    ca_cert_file: Optional[str] = None
    insecure: bool = False

    def __str__(self) -> str:
        return f"{self.kind}={self.name} ({self.base_url})"


def from_env(kind: str, name: str, environ: Mapping[str, str] = os.environ) -> Access:
    """The appliance's access from the environment; a :class:`UsageError` naming a missing variable."""

    def required(suffix: str, what: str) -> str:
        variable = env_var(name, suffix)
        value = environ.get(variable, "")
        if not value:
            raise UsageError(f"{kind}={name}: {variable} is not set: set it to {what}")
        return value

    base_url = required("BASE_URL", _URL_HINT[kind])
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"{kind}={name}: {env_var(name, 'BASE_URL')} is not an http:// or https:// URL")
    if parts.username or parts.password or parts.query or parts.fragment:
        # the URL is written into the generated code: it must not carry credentials
        raise UsageError(f"{kind}={name}: {env_var(name, 'BASE_URL')} must be a plain URL (no user:password@, "
                         f"no ?query): credentials go in {env_var(name, 'USERNAME')}/{env_var(name, 'PASSWORD')}"
                         f" or {env_var(name, 'TOKEN')}")
    # the appliance's own CA, else the one the stacks share (KEYFORM_CA_CERT_FILE: a private CA, the simulators')
    ca_variable = next((v for v in (env_var(name, "CA_CERT_FILE"), SHARED_CA_CERT_FILE) if environ.get(v)), "")
    ca_cert_file = environ.get(ca_variable) or None
    if ca_cert_file and not os.path.isfile(ca_cert_file):
        raise UsageError(f"{kind}={name}: {ca_variable} names no file ('{ca_cert_file}')")
    common = dict(kind=kind, name=name, base_url=base_url, ca_cert_file=ca_cert_file,
                  insecure=environ.get(env_var(name, "INSECURE"), "").strip().lower() in TRUE)
    if kind == "vault":
        token = required("TOKEN", "a Vault token that may read sys/replication/dr/status")
        problem = header_fields.value_problem(token)  # it is sent as a header: a newline would end it early
        if problem:
            raise UsageError(f"{kind}={name}: {env_var(name, 'TOKEN')} {problem}: set it to the token alone "
                             "(a token read from a file keeps its final newline: trim it)")
        return Access(**common, token=token)
    return Access(**common, username=environ.get(env_var(name, "USERNAME")) or DEFAULT_USERNAME,
                  password=required("PASSWORD", "the password of its user"))


_URL_HINT = {"ontap": "the cluster's API base, e.g. https://cluster1.example.com/api",
             "vsp": "the management API base, e.g. https://vsp.example.com/mapi",
             "vault": "the cluster's API base, e.g. https://vault-a.example.com:8200/v1"}


def client_config(access: Access) -> ClientConfig:
    """The client configuration of one appliance: its auth, its TLS settings, one retry."""
    return connection.client_config(access.kind, access.base_url, username=access.username, password=access.password,
                                    token=access.token, ca_cert_file=access.ca_cert_file, insecure=access.insecure)


def client(access: Access) -> RestClient:
    return RestClient(client_config(access))


@contextmanager
def reading(access: Access, what: str) -> Iterator[None]:
    """Turn a failed read into an :class:`ImportFailed` naming the appliance (client messages hold no secret)."""
    try:
        yield
    except ClientError as exc:
        raise ImportFailed(f"{access}: could not read {what}: {exc}") from None
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise ImportFailed(f"{access}: could not read {what}: the answer is not what keyform knows "
                           f"({type(exc).__name__}: {exc})") from None
