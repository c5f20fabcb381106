"""The ``rest`` provider: configuration (every field also from the environment) and its types."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping, Optional

from tf import types as t
from tf.iface import Provider
from tf.schema import Attribute, Schema
from tf.types import Unknown
from tf.utils import Diagnostics

from keyform import PROVIDER_SOURCE, __version__

if TYPE_CHECKING:
    from keyform.client import ClientConfig
    from keyform.client.session import RestClient
    from keyform.provider.servicer import DataSource, Resource

SOURCE = PROVIDER_SOURCE
VERSION = __version__  # the provider's version is the package's
DEFAULT_ENV_PREFIX = "KEYFORM_REST_"


@dataclass(frozen=True)
class Field:
    name: str
    type: t.TfType
    description: str
    sensitive: bool = False

    @property
    def env_suffix(self) -> str:
        return self.name.upper()


FIELDS = [
    Field("base_url", t.String(), "Base URL of the API, e.g. `https://cluster1/api`."),
    Field("headers", t.Map(t.String()), "Static headers sent with every request.", sensitive=True),
    Field("username", t.String(), "User for HTTP basic auth, or for the OAuth2 password grant."),
    Field("password", t.String(), "Password for HTTP basic auth or the OAuth2 password grant.", sensitive=True),
    Field("bearer_token", t.String(), "Static bearer token (`Authorization: Bearer ...`).", sensitive=True),
    Field("token_header", t.String(), "Name of a header carrying `token`, e.g. `X-Vault-Token`."),
    Field("token", t.String(), "Value sent in `token_header`.", sensitive=True),
    Field("oauth2_token_url", t.String(), "Token endpoint of an OAuth2 password grant (path or URL); its access "
          "token becomes the bearer token."),
    Field("oauth2_client_id", t.String(), "Client id sent with the OAuth2 password grant."),
    Field("csrf_path", t.String(), "Path GET to start a CSRF session (cookies kept); enables the CSRF flow."),
    Field("csrf_cookie", t.String(), "Cookie holding the CSRF token (default `XSRF-TOKEN`)."),
    Field("csrf_header", t.String(), "Header the CSRF token is echoed in (default `X-XSRF-TOKEN`)."),
    Field("insecure", t.Bool(), "Skip TLS certificate verification (testing only)."),
    Field("ca_cert_file", t.String(), "PEM file of CAs to trust for the API's certificate."),
    Field("client_cert_file", t.String(), "PEM client certificate for mutual TLS."),
    Field("client_key_file", t.String(), "PEM key of the client certificate."),
    Field("timeout_seconds", t.Number(), "Timeout of one HTTP request (default 30)."),
    Field("retry_max", t.Number(), "Retries of a call (default 4): reads on 429/5xx, connection errors and lost "
          "answers; other calls only when they never reached the appliance or were refused with 429 (after a "
          "lost answer or a 5xx, a write is sent again only once the object is looked up: see the resources)."),
    Field("retry_backoff_seconds", t.Number(), "Base of the exponential backoff between retries (default 0.5); "
          "`Retry-After` wins."),
    Field("rate_limit_per_second", t.Number(), "At most this many requests a second (default: no limit)."),
    Field("collection_query", t.String(), "Query of a collection read that answers a refresh's reads of the "
          "collection's objects, for an API whose collection records carry what an object's own GET does (ONTAP: "
          "`fields=*`): `GET {path}?<query>` once per collection and provider process, for each `rest_object` read "
          "with the plain `GET {path}/{id}`; an object it does not list is read on its own. Unset (default): every "
          "object is read on its own."),
    Field("secrets", t.Map(t.String()), "Named secrets that request templates use as `{secret.<name>}` (in a "
          "`rest_operation` body, any `*_body`): a value a call needs but no resource can hold, such as the "
          "DR operation token of a destroy call (write-only values are gone at destroy). Set it from an "
          "ephemeral variable; never stored.", sensitive=True),
]

ENV_PREFIX_DESCRIPTION = (
    "Prefix of the environment variables read for any field not set here: `<prefix><FIELD>`, e.g. "
    "`KEYFORM_REST_PASSWORD`. Give each aliased instance its own prefix (`ONTAP_`, `VAULT_A_`) to keep "
    "their secrets apart. Default `KEYFORM_REST_`."
)


def _from_env(field: Field, raw: str) -> Any:
    if isinstance(field.type, t.Bool):
        return raw.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(field.type, t.Number):
        try:
            return float(raw)
        except ValueError:
            return raw  # refused with the variable's name when the client is built
    if isinstance(field.type, t.Map):
        # NAME=value pairs separated by newlines or ';'
        pairs = [p for chunk in raw.split("\n") for p in chunk.split(";") if "=" in p]
        return {k.strip(): v.strip() for k, v in (p.split("=", 1) for p in pairs)}
    return raw


def resolve_settings(config: Mapping[str, Any], environ: Mapping[str, str] = os.environ) -> dict[str, Any]:
    """The effective provider settings: configuration first, then ``<env_prefix><FIELD>``; ``env_prefix`` is
    the prefix in use (messages name the variables to set)."""
    prefix = config.get("env_prefix") or DEFAULT_ENV_PREFIX
    settings: dict[str, Any] = {"env_prefix": prefix}
    for field in FIELDS:
        value = config.get(field.name)
        if value is None and (prefix + field.env_suffix) in environ:
            value = _from_env(field, environ[prefix + field.env_suffix])
        settings[field.name] = value
    return settings


class RestProvider(Provider):  # type: ignore[misc]  # tf has no type information: its Provider is Any
    def __init__(self) -> None:
        self._client_config: Optional[ClientConfig] = None  # checked at ConfigureProvider
        self._client: Optional[RestClient] = None
        self._building_client = threading.Lock()
        self.settings: dict[str, Any] = {}
        self.secrets: dict[str, str] = {}
        self._configured_secrets: Optional[list[str]] = None  # what redact() masks of the settings, once known
        from keyform.provider.collection_reads import CollectionReads

        self.reads = CollectionReads()  # refresh reads answered from one collection read (per process)

    # -------------------------------------------------------------- identity
    def get_model_prefix(self) -> str:
        return "rest_"

    def full_name(self) -> str:
        return SOURCE

    def get_provider_schema(self, diags: Diagnostics) -> Schema:
        attributes = [
            Attribute(f.name, f.type, description=f"{f.description} Env: `<env_prefix>{f.env_suffix}`.",
                      optional=True, sensitive=f.sensitive)
            for f in FIELDS
        ]
        attributes.append(Attribute("env_prefix", t.String(), description=ENV_PREFIX_DESCRIPTION, optional=True))
        return Schema(
            version=0,
            attributes=attributes,
            description="A generic REST provider for appliance APIs: CRUD objects, one-shot operations, lookups.",
        )

    def get_resources(self) -> list[type[Resource]]:
        from keyform.provider.object_resource import ObjectResource
        from keyform.provider.operation_resource import OperationResource

        return [ObjectResource, OperationResource]

    def get_data_sources(self) -> list[type[DataSource]]:
        from keyform.provider.object_data_source import ObjectDataSource

        return [ObjectDataSource]

    # ---------------------------------------------------------- configuration
    def validate_config(self, diags: Diagnostics, config: dict[str, Any]) -> None:
        if config.get("client_key_file") not in (None, Unknown) and config.get("client_cert_file") is None:
            diags.add_error("client_key_file needs client_cert_file",
                            "Set client_cert_file to the certificate that goes with the key.", path=["client_key_file"])

    def configure_provider(self, diags: Diagnostics, config: dict[str, Any]) -> None:
        if any(v is Unknown for v in config.values()):
            diags.add_error("Provider configuration depends on values known only after apply",
                            "Configure the rest provider from variables or literals, not from resource outputs.")
            return
        from keyform.provider.client_config import checked_config

        from keyform.provider import logs

        self.settings = resolve_settings(config)
        self.secrets = {k: v for k, v in (self.settings.get("secrets") or {}).items() if v is not None}
        self._configured_secrets = None
        logs.redact_with(self.redact)  # every log line from now on, whatever wrote it
        self._client, self._client_config = None, checked_config(diags, self.settings)
        self.reads.query = self.settings.get("collection_query") or None

    @property
    def client(self) -> Optional[RestClient]:
        """The HTTP client of the configured settings (None before, or when they were refused), built on first
        use: the provider Terraform starts to plan an apply that only creates sends nothing, and never loads
        ``requests``."""
        if self._client is None and self._client_config is not None:
            with self._building_client:  # calls run on several threads: one client, one session, one login
                if self._client is None:
                    from keyform.client.session import RestClient

                    self._client = RestClient(self._client_config)
        return self._client

    def forget_reads(self) -> None:
        """A write is being made: no earlier collection read answers a refresh again."""
        self.reads.forget()

    def redact(self, text: str) -> str:
        """``text`` without any secret of this provider: credentials, the session's tokens, ``secrets``."""
        from keyform.client.errors import redact

        if self._configured_secrets is None:  # the settings' secret values: fixed once configured
            known = list(self.secrets.values())
            for field in FIELDS:
                value = self.settings.get(field.name) if field.sensitive else None
                known += list(value.values()) if isinstance(value, dict) else [value] if isinstance(value, str) else []
            self._configured_secrets = known
        client, config = self._client, self._client_config  # a client not built yet holds no session token
        live = client.secrets() if client is not None else config.secrets() if config is not None else []
        return redact(text, self._configured_secrets + live)

    def supplied(self, name: str) -> bool:
        """Whether the provider secret ``name`` is set and not empty."""
        return bool(self.secrets.get(name))

    def require_client(self, diags: Diagnostics) -> Optional[RestClient]:
        if self.client is None and not diags.has_errors():
            diags.add_error("The rest provider is not configured",
                            "Set base_url in the provider block or its environment variable.")
        return self.client
