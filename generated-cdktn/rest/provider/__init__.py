r'''
# `provider`

Refer to the Terraform Registry for docs: [`rest`](https://keyform.local/providers/keyform/rest/0.1.0/docs).
'''
from pkgutil import extend_path
__path__ = extend_path(__path__, __name__)

import abc
import builtins
import datetime
import enum
import typing

import jsii
import publication
import typing_extensions

import typeguard
from importlib.metadata import version as _metadata_package_version
TYPEGUARD_MAJOR_VERSION = int(_metadata_package_version('typeguard').split('.')[0])

def check_type(argname: str, value: object, expected_type: typing.Any) -> typing.Any:
    if TYPEGUARD_MAJOR_VERSION <= 2:
        return typeguard.check_type(argname=argname, value=value, expected_type=expected_type) # type:ignore
    else:
        if isinstance(value, jsii._reference_map.InterfaceDynamicProxy): # pyright: ignore [reportAttributeAccessIssue]
           pass
        else:
            if TYPEGUARD_MAJOR_VERSION == 3:
                typeguard.config.collection_check_strategy = typeguard.CollectionCheckStrategy.ALL_ITEMS # type:ignore
                typeguard.check_type(value=value, expected_type=expected_type) # type:ignore
            else:
                typeguard.check_type(value=value, expected_type=expected_type, collection_check_strategy=typeguard.CollectionCheckStrategy.ALL_ITEMS) # type:ignore

from .._jsii import *

import cdktn as _cdktn_78ede62e
import constructs as _constructs_77d1e7e8


class RestProvider(
    _cdktn_78ede62e.TerraformProvider,
    metaclass=jsii.JSIIMeta,
    jsii_type="rest.provider.RestProvider",
):
    '''Represents a {@link https://keyform.local/providers/keyform/rest/0.1.0/docs rest}.'''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        alias: typing.Optional[builtins.str] = None,
        base_url: typing.Optional[builtins.str] = None,
        bearer_token: typing.Optional[builtins.str] = None,
        ca_cert_file: typing.Optional[builtins.str] = None,
        client_cert_file: typing.Optional[builtins.str] = None,
        client_key_file: typing.Optional[builtins.str] = None,
        collection_query: typing.Optional[builtins.str] = None,
        csrf_cookie: typing.Optional[builtins.str] = None,
        csrf_header: typing.Optional[builtins.str] = None,
        csrf_path: typing.Optional[builtins.str] = None,
        env_prefix: typing.Optional[builtins.str] = None,
        headers: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        insecure: typing.Optional[typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]] = None,
        oauth2_client_id: typing.Optional[builtins.str] = None,
        oauth2_token_url: typing.Optional[builtins.str] = None,
        password: typing.Optional[builtins.str] = None,
        rate_limit_per_second: typing.Optional[jsii.Number] = None,
        retry_backoff_seconds: typing.Optional[jsii.Number] = None,
        retry_max: typing.Optional[jsii.Number] = None,
        secrets: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        timeout_seconds: typing.Optional[jsii.Number] = None,
        token: typing.Optional[builtins.str] = None,
        token_header: typing.Optional[builtins.str] = None,
        username: typing.Optional[builtins.str] = None,
    ) -> None:
        '''Create a new {@link https://keyform.local/providers/keyform/rest/0.1.0/docs rest} Resource.

        :param scope: The scope in which to define this construct.
        :param id: The scoped construct ID. Must be unique amongst siblings in the same scope
        :param alias: Alias name. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#alias RestProvider#alias}
        :param base_url: Base URL of the API, e.g. ``https://cluster1/api``. Env: ``<env_prefix>BASE_URL``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#base_url RestProvider#base_url}
        :param bearer_token: Static bearer token (``Authorization: Bearer ...``). Env: ``<env_prefix>BEARER_TOKEN``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#bearer_token RestProvider#bearer_token}
        :param ca_cert_file: PEM file of CAs to trust for the API's certificate. Env: ``<env_prefix>CA_CERT_FILE``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#ca_cert_file RestProvider#ca_cert_file}
        :param client_cert_file: PEM client certificate for mutual TLS. Env: ``<env_prefix>CLIENT_CERT_FILE``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#client_cert_file RestProvider#client_cert_file}
        :param client_key_file: PEM key of the client certificate. Env: ``<env_prefix>CLIENT_KEY_FILE``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#client_key_file RestProvider#client_key_file}
        :param collection_query: Query of a collection read that answers a refresh's reads of the collection's objects, for an API whose collection records carry what an object's own GET does (ONTAP: ``fields=*``): ``GET {path}?<query>`` once per collection and provider process, for each ``rest_object`` read with the plain ``GET {path}/{id}``; an object it does not list is read on its own. Unset (default): every object is read on its own. Env: ``<env_prefix>COLLECTION_QUERY``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#collection_query RestProvider#collection_query}
        :param csrf_cookie: Cookie holding the CSRF token (default ``XSRF-TOKEN``). Env: ``<env_prefix>CSRF_COOKIE``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#csrf_cookie RestProvider#csrf_cookie}
        :param csrf_header: Header the CSRF token is echoed in (default ``X-XSRF-TOKEN``). Env: ``<env_prefix>CSRF_HEADER``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#csrf_header RestProvider#csrf_header}
        :param csrf_path: Path GET to start a CSRF session (cookies kept); enables the CSRF flow. Env: ``<env_prefix>CSRF_PATH``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#csrf_path RestProvider#csrf_path}
        :param env_prefix: Prefix of the environment variables read for any field not set here: ``<prefix><FIELD>``, e.g. ``KEYFORM_REST_PASSWORD``. Give each aliased instance its own prefix (``ONTAP_``, ``VAULT_A_``) to keep their secrets apart. Default ``KEYFORM_REST_``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#env_prefix RestProvider#env_prefix}
        :param headers: Static headers sent with every request. Env: ``<env_prefix>HEADERS``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#headers RestProvider#headers}
        :param insecure: Skip TLS certificate verification (testing only). Env: ``<env_prefix>INSECURE``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#insecure RestProvider#insecure}
        :param oauth2_client_id: Client id sent with the OAuth2 password grant. Env: ``<env_prefix>OAUTH2_CLIENT_ID``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#oauth2_client_id RestProvider#oauth2_client_id}
        :param oauth2_token_url: Token endpoint of an OAuth2 password grant (path or URL); its access token becomes the bearer token. Env: ``<env_prefix>OAUTH2_TOKEN_URL``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#oauth2_token_url RestProvider#oauth2_token_url}
        :param password: Password for HTTP basic auth or the OAuth2 password grant. Env: ``<env_prefix>PASSWORD``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#password RestProvider#password}
        :param rate_limit_per_second: At most this many requests a second (default: no limit). Env: ``<env_prefix>RATE_LIMIT_PER_SECOND``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#rate_limit_per_second RestProvider#rate_limit_per_second}
        :param retry_backoff_seconds: Base of the exponential backoff between retries (default 0.5); ``Retry-After`` wins. Env: ``<env_prefix>RETRY_BACKOFF_SECONDS``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#retry_backoff_seconds RestProvider#retry_backoff_seconds}
        :param retry_max: Retries of a call (default 4): reads on 429/5xx, connection errors and lost answers; other calls only when they never reached the appliance or were refused with 429 (after a lost answer or a 5xx, a write is sent again only once the object is looked up: see the resources). Env: ``<env_prefix>RETRY_MAX``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#retry_max RestProvider#retry_max}
        :param secrets: Named secrets that request templates use as ``{secret.<name>}`` (in a ``rest_operation`` body, any ``*_body``): a value a call needs but no resource can hold, such as the DR operation token of a destroy call (write-only values are gone at destroy). Set it from an ephemeral variable; never stored. Env: ``<env_prefix>SECRETS``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#secrets RestProvider#secrets}
        :param timeout_seconds: Timeout of one HTTP request (default 30). Env: ``<env_prefix>TIMEOUT_SECONDS``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#timeout_seconds RestProvider#timeout_seconds}
        :param token: Value sent in ``token_header``. Env: ``<env_prefix>TOKEN``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#token RestProvider#token}
        :param token_header: Name of a header carrying ``token``, e.g. ``X-Vault-Token``. Env: ``<env_prefix>TOKEN_HEADER``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#token_header RestProvider#token_header}
        :param username: User for HTTP basic auth, or for the OAuth2 password grant. Env: ``<env_prefix>USERNAME``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#username RestProvider#username}
        '''
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__7863876e67b3f4e96a784e8ccac679067c763479d89dc41ab6589547e2e2cdca)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        config = RestProviderConfig(
            alias=alias,
            base_url=base_url,
            bearer_token=bearer_token,
            ca_cert_file=ca_cert_file,
            client_cert_file=client_cert_file,
            client_key_file=client_key_file,
            collection_query=collection_query,
            csrf_cookie=csrf_cookie,
            csrf_header=csrf_header,
            csrf_path=csrf_path,
            env_prefix=env_prefix,
            headers=headers,
            insecure=insecure,
            oauth2_client_id=oauth2_client_id,
            oauth2_token_url=oauth2_token_url,
            password=password,
            rate_limit_per_second=rate_limit_per_second,
            retry_backoff_seconds=retry_backoff_seconds,
            retry_max=retry_max,
            secrets=secrets,
            timeout_seconds=timeout_seconds,
            token=token,
            token_header=token_header,
            username=username,
        )

        jsii.create(self.__class__, self, [scope, id, config])

    @jsii.member(jsii_name="generateConfigForImport")
    @builtins.classmethod
    def generate_config_for_import(
        cls,
        scope: "_constructs_77d1e7e8.Construct",
        import_to_id: builtins.str,
        import_from_id: builtins.str,
        provider: typing.Optional["_cdktn_78ede62e.TerraformProvider"] = None,
    ) -> "_cdktn_78ede62e.ImportableResource":
        '''Generates CDKTN code for importing a RestProvider resource upon running "cdktn plan ".

        :param scope: The scope in which to define this construct.
        :param import_to_id: The construct id used in the generated config for the RestProvider to import.
        :param import_from_id: The id of the existing RestProvider that should be imported. Refer to the {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#import import section} in the documentation of this resource for the id to use
        :param provider: ? Optional instance of the provider where the RestProvider to import is found.
        '''
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__981cd76b0ca66a65f985cda8a40f054b5561aa486906812113320126fdf2f6bd)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument import_to_id", value=import_to_id, expected_type=type_hints["import_to_id"])
            check_type(argname="argument import_from_id", value=import_from_id, expected_type=type_hints["import_from_id"])
            check_type(argname="argument provider", value=provider, expected_type=type_hints["provider"])
        return typing.cast("_cdktn_78ede62e.ImportableResource", jsii.sinvoke(cls, "generateConfigForImport", [scope, import_to_id, import_from_id, provider]))

    @jsii.member(jsii_name="resetAlias")
    def reset_alias(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetAlias", []))

    @jsii.member(jsii_name="resetBaseUrl")
    def reset_base_url(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetBaseUrl", []))

    @jsii.member(jsii_name="resetBearerToken")
    def reset_bearer_token(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetBearerToken", []))

    @jsii.member(jsii_name="resetCaCertFile")
    def reset_ca_cert_file(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetCaCertFile", []))

    @jsii.member(jsii_name="resetClientCertFile")
    def reset_client_cert_file(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetClientCertFile", []))

    @jsii.member(jsii_name="resetClientKeyFile")
    def reset_client_key_file(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetClientKeyFile", []))

    @jsii.member(jsii_name="resetCollectionQuery")
    def reset_collection_query(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetCollectionQuery", []))

    @jsii.member(jsii_name="resetCsrfCookie")
    def reset_csrf_cookie(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetCsrfCookie", []))

    @jsii.member(jsii_name="resetCsrfHeader")
    def reset_csrf_header(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetCsrfHeader", []))

    @jsii.member(jsii_name="resetCsrfPath")
    def reset_csrf_path(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetCsrfPath", []))

    @jsii.member(jsii_name="resetEnvPrefix")
    def reset_env_prefix(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetEnvPrefix", []))

    @jsii.member(jsii_name="resetHeaders")
    def reset_headers(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetHeaders", []))

    @jsii.member(jsii_name="resetInsecure")
    def reset_insecure(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetInsecure", []))

    @jsii.member(jsii_name="resetOauth2ClientId")
    def reset_oauth2_client_id(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetOauth2ClientId", []))

    @jsii.member(jsii_name="resetOauth2TokenUrl")
    def reset_oauth2_token_url(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetOauth2TokenUrl", []))

    @jsii.member(jsii_name="resetPassword")
    def reset_password(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetPassword", []))

    @jsii.member(jsii_name="resetRateLimitPerSecond")
    def reset_rate_limit_per_second(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetRateLimitPerSecond", []))

    @jsii.member(jsii_name="resetRetryBackoffSeconds")
    def reset_retry_backoff_seconds(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetRetryBackoffSeconds", []))

    @jsii.member(jsii_name="resetRetryMax")
    def reset_retry_max(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetRetryMax", []))

    @jsii.member(jsii_name="resetSecrets")
    def reset_secrets(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetSecrets", []))

    @jsii.member(jsii_name="resetTimeoutSeconds")
    def reset_timeout_seconds(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetTimeoutSeconds", []))

    @jsii.member(jsii_name="resetToken")
    def reset_token(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetToken", []))

    @jsii.member(jsii_name="resetTokenHeader")
    def reset_token_header(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetTokenHeader", []))

    @jsii.member(jsii_name="resetUsername")
    def reset_username(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetUsername", []))

    @jsii.member(jsii_name="synthesizeAttributes")
    def _synthesize_attributes(self) -> typing.Mapping[builtins.str, typing.Any]:
        return typing.cast(typing.Mapping[builtins.str, typing.Any], jsii.invoke(self, "synthesizeAttributes", []))

    @jsii.member(jsii_name="synthesizeHclAttributes")
    def _synthesize_hcl_attributes(self) -> typing.Mapping[builtins.str, typing.Any]:
        return typing.cast(typing.Mapping[builtins.str, typing.Any], jsii.invoke(self, "synthesizeHclAttributes", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="tfResourceType")
    def TF_RESOURCE_TYPE(cls) -> builtins.str:
        return typing.cast(builtins.str, jsii.sget(cls, "tfResourceType"))

    @builtins.property
    @jsii.member(jsii_name="aliasInput")
    def alias_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "aliasInput"))

    @builtins.property
    @jsii.member(jsii_name="baseUrlInput")
    def base_url_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "baseUrlInput"))

    @builtins.property
    @jsii.member(jsii_name="bearerTokenInput")
    def bearer_token_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "bearerTokenInput"))

    @builtins.property
    @jsii.member(jsii_name="caCertFileInput")
    def ca_cert_file_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "caCertFileInput"))

    @builtins.property
    @jsii.member(jsii_name="clientCertFileInput")
    def client_cert_file_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "clientCertFileInput"))

    @builtins.property
    @jsii.member(jsii_name="clientKeyFileInput")
    def client_key_file_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "clientKeyFileInput"))

    @builtins.property
    @jsii.member(jsii_name="collectionQueryInput")
    def collection_query_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "collectionQueryInput"))

    @builtins.property
    @jsii.member(jsii_name="csrfCookieInput")
    def csrf_cookie_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "csrfCookieInput"))

    @builtins.property
    @jsii.member(jsii_name="csrfHeaderInput")
    def csrf_header_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "csrfHeaderInput"))

    @builtins.property
    @jsii.member(jsii_name="csrfPathInput")
    def csrf_path_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "csrfPathInput"))

    @builtins.property
    @jsii.member(jsii_name="envPrefixInput")
    def env_prefix_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "envPrefixInput"))

    @builtins.property
    @jsii.member(jsii_name="headersInput")
    def headers_input(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], jsii.get(self, "headersInput"))

    @builtins.property
    @jsii.member(jsii_name="insecureInput")
    def insecure_input(
        self,
    ) -> typing.Optional[typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]]:
        return typing.cast(typing.Optional[typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]], jsii.get(self, "insecureInput"))

    @builtins.property
    @jsii.member(jsii_name="oauth2ClientIdInput")
    def oauth2_client_id_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "oauth2ClientIdInput"))

    @builtins.property
    @jsii.member(jsii_name="oauth2TokenUrlInput")
    def oauth2_token_url_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "oauth2TokenUrlInput"))

    @builtins.property
    @jsii.member(jsii_name="passwordInput")
    def password_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "passwordInput"))

    @builtins.property
    @jsii.member(jsii_name="rateLimitPerSecondInput")
    def rate_limit_per_second_input(self) -> typing.Optional[jsii.Number]:
        return typing.cast(typing.Optional[jsii.Number], jsii.get(self, "rateLimitPerSecondInput"))

    @builtins.property
    @jsii.member(jsii_name="retryBackoffSecondsInput")
    def retry_backoff_seconds_input(self) -> typing.Optional[jsii.Number]:
        return typing.cast(typing.Optional[jsii.Number], jsii.get(self, "retryBackoffSecondsInput"))

    @builtins.property
    @jsii.member(jsii_name="retryMaxInput")
    def retry_max_input(self) -> typing.Optional[jsii.Number]:
        return typing.cast(typing.Optional[jsii.Number], jsii.get(self, "retryMaxInput"))

    @builtins.property
    @jsii.member(jsii_name="secretsInput")
    def secrets_input(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], jsii.get(self, "secretsInput"))

    @builtins.property
    @jsii.member(jsii_name="timeoutSecondsInput")
    def timeout_seconds_input(self) -> typing.Optional[jsii.Number]:
        return typing.cast(typing.Optional[jsii.Number], jsii.get(self, "timeoutSecondsInput"))

    @builtins.property
    @jsii.member(jsii_name="tokenHeaderInput")
    def token_header_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "tokenHeaderInput"))

    @builtins.property
    @jsii.member(jsii_name="tokenInput")
    def token_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "tokenInput"))

    @builtins.property
    @jsii.member(jsii_name="usernameInput")
    def username_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "usernameInput"))

    @builtins.property
    @jsii.member(jsii_name="alias")
    def alias(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "alias"))

    @alias.setter
    def alias(self, value: typing.Optional[builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__fd0e9b83c605e483fd6091c0674863c4116cef7cfb8b7cbb2bcf7c364e0a9506)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "alias", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="baseUrl")
    def base_url(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "baseUrl"))

    @base_url.setter
    def base_url(self, value: typing.Optional[builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__0ba8320b31c2868b3b7da14116d154f73109e1542017f92fe173565ae94962f3)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "baseUrl", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="bearerToken")
    def bearer_token(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "bearerToken"))

    @bearer_token.setter
    def bearer_token(self, value: typing.Optional[builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__2825358097b8183d9ef51cae1059d32168d98ab785abc7f8589bc99bcb816ad8)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "bearerToken", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="caCertFile")
    def ca_cert_file(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "caCertFile"))

    @ca_cert_file.setter
    def ca_cert_file(self, value: typing.Optional[builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__8a6d295df9d5c2be4d2d7c568731a45805c0aa5fa215a06c6762bdfc700521e1)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "caCertFile", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="clientCertFile")
    def client_cert_file(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "clientCertFile"))

    @client_cert_file.setter
    def client_cert_file(self, value: typing.Optional[builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__57f4e43d850617dce99c7b4724ed4c0e8372a560a464fc7f8d2bd9e4f363a30c)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "clientCertFile", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="clientKeyFile")
    def client_key_file(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "clientKeyFile"))

    @client_key_file.setter
    def client_key_file(self, value: typing.Optional[builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__86a402fdf02c0c13563fb259bb21e27683183fcb0596e3d3afa0e00cebd0d246)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "clientKeyFile", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="collectionQuery")
    def collection_query(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "collectionQuery"))

    @collection_query.setter
    def collection_query(self, value: typing.Optional[builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__ab4bcd2608f8ed77964f8b194cf3a864c98ee58e68465a445fdc67805a9211f9)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "collectionQuery", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="csrfCookie")
    def csrf_cookie(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "csrfCookie"))

    @csrf_cookie.setter
    def csrf_cookie(self, value: typing.Optional[builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__6658beeaa2e7b97eca6dd96f2eb20064a9326e4800dc72dff43f7a05b889bf33)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "csrfCookie", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="csrfHeader")
    def csrf_header(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "csrfHeader"))

    @csrf_header.setter
    def csrf_header(self, value: typing.Optional[builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__f014b8710cba07622df4147714527aaa96ddb49633d26a6044537407d5cec5a1)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "csrfHeader", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="csrfPath")
    def csrf_path(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "csrfPath"))

    @csrf_path.setter
    def csrf_path(self, value: typing.Optional[builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__02fe2362fea687f15a663a7615154e1bd516e70ea6fe6399a281ed10a7b5d77c)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "csrfPath", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="envPrefix")
    def env_prefix(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "envPrefix"))

    @env_prefix.setter
    def env_prefix(self, value: typing.Optional[builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__0994bd25e16f72f49e77f58d03eafff6b46b5a368bb6fae8a7df7aa5f39fe717)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "envPrefix", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="headers")
    def headers(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], jsii.get(self, "headers"))

    @headers.setter
    def headers(
        self,
        value: typing.Optional[typing.Mapping[builtins.str, builtins.str]],
    ) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__06ed5c8595d341c453c238bc89a1bc592f7f67abb0017a2f080855044a6dedf3)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "headers", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="insecure")
    def insecure(
        self,
    ) -> typing.Optional[typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]]:
        return typing.cast(typing.Optional[typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]], jsii.get(self, "insecure"))

    @insecure.setter
    def insecure(
        self,
        value: typing.Optional[typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]],
    ) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__2f6f87f761d25de12c2df91ff1636d83c17a190ac8039c3800fb0fa3c662de6d)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "insecure", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="oauth2ClientId")
    def oauth2_client_id(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "oauth2ClientId"))

    @oauth2_client_id.setter
    def oauth2_client_id(self, value: typing.Optional[builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__e79e5fac4f7a8552ebc5ca04c17ef7ca92fec442d2837f412fa374e4b926be2a)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "oauth2ClientId", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="oauth2TokenUrl")
    def oauth2_token_url(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "oauth2TokenUrl"))

    @oauth2_token_url.setter
    def oauth2_token_url(self, value: typing.Optional[builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__5bf7ea6c23d24427b9d25ecd63e846d0e437e411cceb121a496909291153c822)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "oauth2TokenUrl", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="password")
    def password(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "password"))

    @password.setter
    def password(self, value: typing.Optional[builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__c642a0efa281dd7c999875345a2d08e8fd79fc6493b20dbcad8577e6e17f84f8)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "password", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="rateLimitPerSecond")
    def rate_limit_per_second(self) -> typing.Optional[jsii.Number]:
        return typing.cast(typing.Optional[jsii.Number], jsii.get(self, "rateLimitPerSecond"))

    @rate_limit_per_second.setter
    def rate_limit_per_second(self, value: typing.Optional[jsii.Number]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__1e0a38cdb51b4eeeac6fba68b47a5784e1da3824ca88ef7cb030b989007cfda1)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "rateLimitPerSecond", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="retryBackoffSeconds")
    def retry_backoff_seconds(self) -> typing.Optional[jsii.Number]:
        return typing.cast(typing.Optional[jsii.Number], jsii.get(self, "retryBackoffSeconds"))

    @retry_backoff_seconds.setter
    def retry_backoff_seconds(self, value: typing.Optional[jsii.Number]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__c43190b3cb4b41aea7b6f8a3a4438adff350d968ebe97d6bd0eddf9714d6753d)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "retryBackoffSeconds", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="retryMax")
    def retry_max(self) -> typing.Optional[jsii.Number]:
        return typing.cast(typing.Optional[jsii.Number], jsii.get(self, "retryMax"))

    @retry_max.setter
    def retry_max(self, value: typing.Optional[jsii.Number]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__403f8fcd2ad0ccb13a33b41403c8bb48a9c9c55fa30b2b70e9ce4a0e80196f8d)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "retryMax", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="secrets")
    def secrets(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], jsii.get(self, "secrets"))

    @secrets.setter
    def secrets(
        self,
        value: typing.Optional[typing.Mapping[builtins.str, builtins.str]],
    ) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__7433658286e9ab6a39fbacc57dbe598bda92a8fceb7fc385109e723c2a677818)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "secrets", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="timeoutSeconds")
    def timeout_seconds(self) -> typing.Optional[jsii.Number]:
        return typing.cast(typing.Optional[jsii.Number], jsii.get(self, "timeoutSeconds"))

    @timeout_seconds.setter
    def timeout_seconds(self, value: typing.Optional[jsii.Number]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__51f49640eea30fc7537a00f87418f4dfd051f5ec88e4c8a7e863e2e57b19da18)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "timeoutSeconds", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="token")
    def token(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "token"))

    @token.setter
    def token(self, value: typing.Optional[builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__66075a9f2e4c98a9a7d3e3dd50dd4712fe087683b71b5a686216f632e5366a07)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "token", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="tokenHeader")
    def token_header(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "tokenHeader"))

    @token_header.setter
    def token_header(self, value: typing.Optional[builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__b6c0230e2e0656ec423226cfc581bc8b1b5c541bfaea1f7fdae3c5c7a173a9dd)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "tokenHeader", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="username")
    def username(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "username"))

    @username.setter
    def username(self, value: typing.Optional[builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__04f6941ae3e2b2d94b803af3dc7bcc1000549b18c85754ce35666974c6b0aa67)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "username", value) # pyright: ignore[reportArgumentType]


@jsii.data_type(
    jsii_type="rest.provider.RestProviderConfig",
    jsii_struct_bases=[],
    name_mapping={
        "alias": "alias",
        "base_url": "baseUrl",
        "bearer_token": "bearerToken",
        "ca_cert_file": "caCertFile",
        "client_cert_file": "clientCertFile",
        "client_key_file": "clientKeyFile",
        "collection_query": "collectionQuery",
        "csrf_cookie": "csrfCookie",
        "csrf_header": "csrfHeader",
        "csrf_path": "csrfPath",
        "env_prefix": "envPrefix",
        "headers": "headers",
        "insecure": "insecure",
        "oauth2_client_id": "oauth2ClientId",
        "oauth2_token_url": "oauth2TokenUrl",
        "password": "password",
        "rate_limit_per_second": "rateLimitPerSecond",
        "retry_backoff_seconds": "retryBackoffSeconds",
        "retry_max": "retryMax",
        "secrets": "secrets",
        "timeout_seconds": "timeoutSeconds",
        "token": "token",
        "token_header": "tokenHeader",
        "username": "username",
    },
)
class RestProviderConfig:
    def __init__(
        self,
        *,
        alias: typing.Optional[builtins.str] = None,
        base_url: typing.Optional[builtins.str] = None,
        bearer_token: typing.Optional[builtins.str] = None,
        ca_cert_file: typing.Optional[builtins.str] = None,
        client_cert_file: typing.Optional[builtins.str] = None,
        client_key_file: typing.Optional[builtins.str] = None,
        collection_query: typing.Optional[builtins.str] = None,
        csrf_cookie: typing.Optional[builtins.str] = None,
        csrf_header: typing.Optional[builtins.str] = None,
        csrf_path: typing.Optional[builtins.str] = None,
        env_prefix: typing.Optional[builtins.str] = None,
        headers: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        insecure: typing.Optional[typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]] = None,
        oauth2_client_id: typing.Optional[builtins.str] = None,
        oauth2_token_url: typing.Optional[builtins.str] = None,
        password: typing.Optional[builtins.str] = None,
        rate_limit_per_second: typing.Optional[jsii.Number] = None,
        retry_backoff_seconds: typing.Optional[jsii.Number] = None,
        retry_max: typing.Optional[jsii.Number] = None,
        secrets: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        timeout_seconds: typing.Optional[jsii.Number] = None,
        token: typing.Optional[builtins.str] = None,
        token_header: typing.Optional[builtins.str] = None,
        username: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param alias: Alias name. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#alias RestProvider#alias}
        :param base_url: Base URL of the API, e.g. ``https://cluster1/api``. Env: ``<env_prefix>BASE_URL``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#base_url RestProvider#base_url}
        :param bearer_token: Static bearer token (``Authorization: Bearer ...``). Env: ``<env_prefix>BEARER_TOKEN``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#bearer_token RestProvider#bearer_token}
        :param ca_cert_file: PEM file of CAs to trust for the API's certificate. Env: ``<env_prefix>CA_CERT_FILE``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#ca_cert_file RestProvider#ca_cert_file}
        :param client_cert_file: PEM client certificate for mutual TLS. Env: ``<env_prefix>CLIENT_CERT_FILE``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#client_cert_file RestProvider#client_cert_file}
        :param client_key_file: PEM key of the client certificate. Env: ``<env_prefix>CLIENT_KEY_FILE``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#client_key_file RestProvider#client_key_file}
        :param collection_query: Query of a collection read that answers a refresh's reads of the collection's objects, for an API whose collection records carry what an object's own GET does (ONTAP: ``fields=*``): ``GET {path}?<query>`` once per collection and provider process, for each ``rest_object`` read with the plain ``GET {path}/{id}``; an object it does not list is read on its own. Unset (default): every object is read on its own. Env: ``<env_prefix>COLLECTION_QUERY``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#collection_query RestProvider#collection_query}
        :param csrf_cookie: Cookie holding the CSRF token (default ``XSRF-TOKEN``). Env: ``<env_prefix>CSRF_COOKIE``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#csrf_cookie RestProvider#csrf_cookie}
        :param csrf_header: Header the CSRF token is echoed in (default ``X-XSRF-TOKEN``). Env: ``<env_prefix>CSRF_HEADER``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#csrf_header RestProvider#csrf_header}
        :param csrf_path: Path GET to start a CSRF session (cookies kept); enables the CSRF flow. Env: ``<env_prefix>CSRF_PATH``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#csrf_path RestProvider#csrf_path}
        :param env_prefix: Prefix of the environment variables read for any field not set here: ``<prefix><FIELD>``, e.g. ``KEYFORM_REST_PASSWORD``. Give each aliased instance its own prefix (``ONTAP_``, ``VAULT_A_``) to keep their secrets apart. Default ``KEYFORM_REST_``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#env_prefix RestProvider#env_prefix}
        :param headers: Static headers sent with every request. Env: ``<env_prefix>HEADERS``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#headers RestProvider#headers}
        :param insecure: Skip TLS certificate verification (testing only). Env: ``<env_prefix>INSECURE``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#insecure RestProvider#insecure}
        :param oauth2_client_id: Client id sent with the OAuth2 password grant. Env: ``<env_prefix>OAUTH2_CLIENT_ID``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#oauth2_client_id RestProvider#oauth2_client_id}
        :param oauth2_token_url: Token endpoint of an OAuth2 password grant (path or URL); its access token becomes the bearer token. Env: ``<env_prefix>OAUTH2_TOKEN_URL``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#oauth2_token_url RestProvider#oauth2_token_url}
        :param password: Password for HTTP basic auth or the OAuth2 password grant. Env: ``<env_prefix>PASSWORD``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#password RestProvider#password}
        :param rate_limit_per_second: At most this many requests a second (default: no limit). Env: ``<env_prefix>RATE_LIMIT_PER_SECOND``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#rate_limit_per_second RestProvider#rate_limit_per_second}
        :param retry_backoff_seconds: Base of the exponential backoff between retries (default 0.5); ``Retry-After`` wins. Env: ``<env_prefix>RETRY_BACKOFF_SECONDS``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#retry_backoff_seconds RestProvider#retry_backoff_seconds}
        :param retry_max: Retries of a call (default 4): reads on 429/5xx, connection errors and lost answers; other calls only when they never reached the appliance or were refused with 429 (after a lost answer or a 5xx, a write is sent again only once the object is looked up: see the resources). Env: ``<env_prefix>RETRY_MAX``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#retry_max RestProvider#retry_max}
        :param secrets: Named secrets that request templates use as ``{secret.<name>}`` (in a ``rest_operation`` body, any ``*_body``): a value a call needs but no resource can hold, such as the DR operation token of a destroy call (write-only values are gone at destroy). Set it from an ephemeral variable; never stored. Env: ``<env_prefix>SECRETS``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#secrets RestProvider#secrets}
        :param timeout_seconds: Timeout of one HTTP request (default 30). Env: ``<env_prefix>TIMEOUT_SECONDS``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#timeout_seconds RestProvider#timeout_seconds}
        :param token: Value sent in ``token_header``. Env: ``<env_prefix>TOKEN``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#token RestProvider#token}
        :param token_header: Name of a header carrying ``token``, e.g. ``X-Vault-Token``. Env: ``<env_prefix>TOKEN_HEADER``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#token_header RestProvider#token_header}
        :param username: User for HTTP basic auth, or for the OAuth2 password grant. Env: ``<env_prefix>USERNAME``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#username RestProvider#username}
        '''
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__18753210ed9fab785a91f453c94c2bfe564e82832a8cc2852c7bdd8329e7606e)
            check_type(argname="argument alias", value=alias, expected_type=type_hints["alias"])
            check_type(argname="argument base_url", value=base_url, expected_type=type_hints["base_url"])
            check_type(argname="argument bearer_token", value=bearer_token, expected_type=type_hints["bearer_token"])
            check_type(argname="argument ca_cert_file", value=ca_cert_file, expected_type=type_hints["ca_cert_file"])
            check_type(argname="argument client_cert_file", value=client_cert_file, expected_type=type_hints["client_cert_file"])
            check_type(argname="argument client_key_file", value=client_key_file, expected_type=type_hints["client_key_file"])
            check_type(argname="argument collection_query", value=collection_query, expected_type=type_hints["collection_query"])
            check_type(argname="argument csrf_cookie", value=csrf_cookie, expected_type=type_hints["csrf_cookie"])
            check_type(argname="argument csrf_header", value=csrf_header, expected_type=type_hints["csrf_header"])
            check_type(argname="argument csrf_path", value=csrf_path, expected_type=type_hints["csrf_path"])
            check_type(argname="argument env_prefix", value=env_prefix, expected_type=type_hints["env_prefix"])
            check_type(argname="argument headers", value=headers, expected_type=type_hints["headers"])
            check_type(argname="argument insecure", value=insecure, expected_type=type_hints["insecure"])
            check_type(argname="argument oauth2_client_id", value=oauth2_client_id, expected_type=type_hints["oauth2_client_id"])
            check_type(argname="argument oauth2_token_url", value=oauth2_token_url, expected_type=type_hints["oauth2_token_url"])
            check_type(argname="argument password", value=password, expected_type=type_hints["password"])
            check_type(argname="argument rate_limit_per_second", value=rate_limit_per_second, expected_type=type_hints["rate_limit_per_second"])
            check_type(argname="argument retry_backoff_seconds", value=retry_backoff_seconds, expected_type=type_hints["retry_backoff_seconds"])
            check_type(argname="argument retry_max", value=retry_max, expected_type=type_hints["retry_max"])
            check_type(argname="argument secrets", value=secrets, expected_type=type_hints["secrets"])
            check_type(argname="argument timeout_seconds", value=timeout_seconds, expected_type=type_hints["timeout_seconds"])
            check_type(argname="argument token", value=token, expected_type=type_hints["token"])
            check_type(argname="argument token_header", value=token_header, expected_type=type_hints["token_header"])
            check_type(argname="argument username", value=username, expected_type=type_hints["username"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if alias is not None:
            self._values["alias"] = alias
        if base_url is not None:
            self._values["base_url"] = base_url
        if bearer_token is not None:
            self._values["bearer_token"] = bearer_token
        if ca_cert_file is not None:
            self._values["ca_cert_file"] = ca_cert_file
        if client_cert_file is not None:
            self._values["client_cert_file"] = client_cert_file
        if client_key_file is not None:
            self._values["client_key_file"] = client_key_file
        if collection_query is not None:
            self._values["collection_query"] = collection_query
        if csrf_cookie is not None:
            self._values["csrf_cookie"] = csrf_cookie
        if csrf_header is not None:
            self._values["csrf_header"] = csrf_header
        if csrf_path is not None:
            self._values["csrf_path"] = csrf_path
        if env_prefix is not None:
            self._values["env_prefix"] = env_prefix
        if headers is not None:
            self._values["headers"] = headers
        if insecure is not None:
            self._values["insecure"] = insecure
        if oauth2_client_id is not None:
            self._values["oauth2_client_id"] = oauth2_client_id
        if oauth2_token_url is not None:
            self._values["oauth2_token_url"] = oauth2_token_url
        if password is not None:
            self._values["password"] = password
        if rate_limit_per_second is not None:
            self._values["rate_limit_per_second"] = rate_limit_per_second
        if retry_backoff_seconds is not None:
            self._values["retry_backoff_seconds"] = retry_backoff_seconds
        if retry_max is not None:
            self._values["retry_max"] = retry_max
        if secrets is not None:
            self._values["secrets"] = secrets
        if timeout_seconds is not None:
            self._values["timeout_seconds"] = timeout_seconds
        if token is not None:
            self._values["token"] = token
        if token_header is not None:
            self._values["token_header"] = token_header
        if username is not None:
            self._values["username"] = username

    @builtins.property
    def alias(self) -> typing.Optional[builtins.str]:
        '''Alias name.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#alias RestProvider#alias}
        '''
        result = self._values.get("alias")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def base_url(self) -> typing.Optional[builtins.str]:
        '''Base URL of the API, e.g. ``https://cluster1/api``. Env: ``<env_prefix>BASE_URL``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#base_url RestProvider#base_url}
        '''
        result = self._values.get("base_url")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def bearer_token(self) -> typing.Optional[builtins.str]:
        '''Static bearer token (``Authorization: Bearer ...``). Env: ``<env_prefix>BEARER_TOKEN``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#bearer_token RestProvider#bearer_token}
        '''
        result = self._values.get("bearer_token")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def ca_cert_file(self) -> typing.Optional[builtins.str]:
        '''PEM file of CAs to trust for the API's certificate. Env: ``<env_prefix>CA_CERT_FILE``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#ca_cert_file RestProvider#ca_cert_file}
        '''
        result = self._values.get("ca_cert_file")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def client_cert_file(self) -> typing.Optional[builtins.str]:
        '''PEM client certificate for mutual TLS. Env: ``<env_prefix>CLIENT_CERT_FILE``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#client_cert_file RestProvider#client_cert_file}
        '''
        result = self._values.get("client_cert_file")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def client_key_file(self) -> typing.Optional[builtins.str]:
        '''PEM key of the client certificate. Env: ``<env_prefix>CLIENT_KEY_FILE``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#client_key_file RestProvider#client_key_file}
        '''
        result = self._values.get("client_key_file")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def collection_query(self) -> typing.Optional[builtins.str]:
        '''Query of a collection read that answers a refresh's reads of the collection's objects, for an API whose collection records carry what an object's own GET does (ONTAP: ``fields=*``): ``GET {path}?<query>`` once per collection and provider process, for each ``rest_object`` read with the plain ``GET {path}/{id}``; an object it does not list is read on its own. Unset (default): every object is read on its own. Env: ``<env_prefix>COLLECTION_QUERY``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#collection_query RestProvider#collection_query}
        '''
        result = self._values.get("collection_query")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def csrf_cookie(self) -> typing.Optional[builtins.str]:
        '''Cookie holding the CSRF token (default ``XSRF-TOKEN``). Env: ``<env_prefix>CSRF_COOKIE``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#csrf_cookie RestProvider#csrf_cookie}
        '''
        result = self._values.get("csrf_cookie")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def csrf_header(self) -> typing.Optional[builtins.str]:
        '''Header the CSRF token is echoed in (default ``X-XSRF-TOKEN``). Env: ``<env_prefix>CSRF_HEADER``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#csrf_header RestProvider#csrf_header}
        '''
        result = self._values.get("csrf_header")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def csrf_path(self) -> typing.Optional[builtins.str]:
        '''Path GET to start a CSRF session (cookies kept); enables the CSRF flow. Env: ``<env_prefix>CSRF_PATH``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#csrf_path RestProvider#csrf_path}
        '''
        result = self._values.get("csrf_path")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def env_prefix(self) -> typing.Optional[builtins.str]:
        '''Prefix of the environment variables read for any field not set here: ``<prefix><FIELD>``, e.g. ``KEYFORM_REST_PASSWORD``. Give each aliased instance its own prefix (``ONTAP_``, ``VAULT_A_``) to keep their secrets apart. Default ``KEYFORM_REST_``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#env_prefix RestProvider#env_prefix}
        '''
        result = self._values.get("env_prefix")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def headers(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''Static headers sent with every request. Env: ``<env_prefix>HEADERS``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#headers RestProvider#headers}
        '''
        result = self._values.get("headers")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def insecure(
        self,
    ) -> typing.Optional[typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]]:
        '''Skip TLS certificate verification (testing only). Env: ``<env_prefix>INSECURE``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#insecure RestProvider#insecure}
        '''
        result = self._values.get("insecure")
        return typing.cast(typing.Optional[typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]], result)

    @builtins.property
    def oauth2_client_id(self) -> typing.Optional[builtins.str]:
        '''Client id sent with the OAuth2 password grant. Env: ``<env_prefix>OAUTH2_CLIENT_ID``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#oauth2_client_id RestProvider#oauth2_client_id}
        '''
        result = self._values.get("oauth2_client_id")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def oauth2_token_url(self) -> typing.Optional[builtins.str]:
        '''Token endpoint of an OAuth2 password grant (path or URL); its access token becomes the bearer token. Env: ``<env_prefix>OAUTH2_TOKEN_URL``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#oauth2_token_url RestProvider#oauth2_token_url}
        '''
        result = self._values.get("oauth2_token_url")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def password(self) -> typing.Optional[builtins.str]:
        '''Password for HTTP basic auth or the OAuth2 password grant. Env: ``<env_prefix>PASSWORD``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#password RestProvider#password}
        '''
        result = self._values.get("password")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def rate_limit_per_second(self) -> typing.Optional[jsii.Number]:
        '''At most this many requests a second (default: no limit). Env: ``<env_prefix>RATE_LIMIT_PER_SECOND``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#rate_limit_per_second RestProvider#rate_limit_per_second}
        '''
        result = self._values.get("rate_limit_per_second")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def retry_backoff_seconds(self) -> typing.Optional[jsii.Number]:
        '''Base of the exponential backoff between retries (default 0.5); ``Retry-After`` wins. Env: ``<env_prefix>RETRY_BACKOFF_SECONDS``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#retry_backoff_seconds RestProvider#retry_backoff_seconds}
        '''
        result = self._values.get("retry_backoff_seconds")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def retry_max(self) -> typing.Optional[jsii.Number]:
        '''Retries of a call (default 4): reads on 429/5xx, connection errors and lost answers;

        other calls only when they never reached the appliance or were refused with 429 (after a lost answer or a 5xx, a write is sent again only once the object is looked up: see the resources). Env: ``<env_prefix>RETRY_MAX``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#retry_max RestProvider#retry_max}
        '''
        result = self._values.get("retry_max")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def secrets(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''Named secrets that request templates use as ``{secret.<name>}`` (in a ``rest_operation`` body, any ``*_body``): a value a call needs but no resource can hold, such as the DR operation token of a destroy call (write-only values are gone at destroy). Set it from an ephemeral variable; never stored. Env: ``<env_prefix>SECRETS``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#secrets RestProvider#secrets}
        '''
        result = self._values.get("secrets")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def timeout_seconds(self) -> typing.Optional[jsii.Number]:
        '''Timeout of one HTTP request (default 30). Env: ``<env_prefix>TIMEOUT_SECONDS``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#timeout_seconds RestProvider#timeout_seconds}
        '''
        result = self._values.get("timeout_seconds")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def token(self) -> typing.Optional[builtins.str]:
        '''Value sent in ``token_header``. Env: ``<env_prefix>TOKEN``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#token RestProvider#token}
        '''
        result = self._values.get("token")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def token_header(self) -> typing.Optional[builtins.str]:
        '''Name of a header carrying ``token``, e.g. ``X-Vault-Token``. Env: ``<env_prefix>TOKEN_HEADER``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#token_header RestProvider#token_header}
        '''
        result = self._values.get("token_header")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def username(self) -> typing.Optional[builtins.str]:
        '''User for HTTP basic auth, or for the OAuth2 password grant. Env: ``<env_prefix>USERNAME``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs#username RestProvider#username}
        '''
        result = self._values.get("username")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "RestProviderConfig(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


__all__ = [
    "RestProvider",
    "RestProviderConfig",
]

publication.publish()

def _typecheckingstub__7863876e67b3f4e96a784e8ccac679067c763479d89dc41ab6589547e2e2cdca(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    alias: typing.Optional[builtins.str] = None,
    base_url: typing.Optional[builtins.str] = None,
    bearer_token: typing.Optional[builtins.str] = None,
    ca_cert_file: typing.Optional[builtins.str] = None,
    client_cert_file: typing.Optional[builtins.str] = None,
    client_key_file: typing.Optional[builtins.str] = None,
    collection_query: typing.Optional[builtins.str] = None,
    csrf_cookie: typing.Optional[builtins.str] = None,
    csrf_header: typing.Optional[builtins.str] = None,
    csrf_path: typing.Optional[builtins.str] = None,
    env_prefix: typing.Optional[builtins.str] = None,
    headers: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    insecure: typing.Optional[typing.Union[builtins.bool, _cdktn_78ede62e.IResolvable]] = None,
    oauth2_client_id: typing.Optional[builtins.str] = None,
    oauth2_token_url: typing.Optional[builtins.str] = None,
    password: typing.Optional[builtins.str] = None,
    rate_limit_per_second: typing.Optional[jsii.Number] = None,
    retry_backoff_seconds: typing.Optional[jsii.Number] = None,
    retry_max: typing.Optional[jsii.Number] = None,
    secrets: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    timeout_seconds: typing.Optional[jsii.Number] = None,
    token: typing.Optional[builtins.str] = None,
    token_header: typing.Optional[builtins.str] = None,
    username: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__981cd76b0ca66a65f985cda8a40f054b5561aa486906812113320126fdf2f6bd(
    scope: _constructs_77d1e7e8.Construct,
    import_to_id: builtins.str,
    import_from_id: builtins.str,
    provider: typing.Optional[_cdktn_78ede62e.TerraformProvider] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__fd0e9b83c605e483fd6091c0674863c4116cef7cfb8b7cbb2bcf7c364e0a9506(
    value: typing.Optional[builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__0ba8320b31c2868b3b7da14116d154f73109e1542017f92fe173565ae94962f3(
    value: typing.Optional[builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__2825358097b8183d9ef51cae1059d32168d98ab785abc7f8589bc99bcb816ad8(
    value: typing.Optional[builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__8a6d295df9d5c2be4d2d7c568731a45805c0aa5fa215a06c6762bdfc700521e1(
    value: typing.Optional[builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__57f4e43d850617dce99c7b4724ed4c0e8372a560a464fc7f8d2bd9e4f363a30c(
    value: typing.Optional[builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__86a402fdf02c0c13563fb259bb21e27683183fcb0596e3d3afa0e00cebd0d246(
    value: typing.Optional[builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ab4bcd2608f8ed77964f8b194cf3a864c98ee58e68465a445fdc67805a9211f9(
    value: typing.Optional[builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__6658beeaa2e7b97eca6dd96f2eb20064a9326e4800dc72dff43f7a05b889bf33(
    value: typing.Optional[builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__f014b8710cba07622df4147714527aaa96ddb49633d26a6044537407d5cec5a1(
    value: typing.Optional[builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__02fe2362fea687f15a663a7615154e1bd516e70ea6fe6399a281ed10a7b5d77c(
    value: typing.Optional[builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__0994bd25e16f72f49e77f58d03eafff6b46b5a368bb6fae8a7df7aa5f39fe717(
    value: typing.Optional[builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__06ed5c8595d341c453c238bc89a1bc592f7f67abb0017a2f080855044a6dedf3(
    value: typing.Optional[typing.Mapping[builtins.str, builtins.str]],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__2f6f87f761d25de12c2df91ff1636d83c17a190ac8039c3800fb0fa3c662de6d(
    value: typing.Optional[typing.Union[builtins.bool, _cdktn_78ede62e.IResolvable]],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__e79e5fac4f7a8552ebc5ca04c17ef7ca92fec442d2837f412fa374e4b926be2a(
    value: typing.Optional[builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__5bf7ea6c23d24427b9d25ecd63e846d0e437e411cceb121a496909291153c822(
    value: typing.Optional[builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__c642a0efa281dd7c999875345a2d08e8fd79fc6493b20dbcad8577e6e17f84f8(
    value: typing.Optional[builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__1e0a38cdb51b4eeeac6fba68b47a5784e1da3824ca88ef7cb030b989007cfda1(
    value: typing.Optional[jsii.Number],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__c43190b3cb4b41aea7b6f8a3a4438adff350d968ebe97d6bd0eddf9714d6753d(
    value: typing.Optional[jsii.Number],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__403f8fcd2ad0ccb13a33b41403c8bb48a9c9c55fa30b2b70e9ce4a0e80196f8d(
    value: typing.Optional[jsii.Number],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__7433658286e9ab6a39fbacc57dbe598bda92a8fceb7fc385109e723c2a677818(
    value: typing.Optional[typing.Mapping[builtins.str, builtins.str]],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__51f49640eea30fc7537a00f87418f4dfd051f5ec88e4c8a7e863e2e57b19da18(
    value: typing.Optional[jsii.Number],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__66075a9f2e4c98a9a7d3e3dd50dd4712fe087683b71b5a686216f632e5366a07(
    value: typing.Optional[builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b6c0230e2e0656ec423226cfc581bc8b1b5c541bfaea1f7fdae3c5c7a173a9dd(
    value: typing.Optional[builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__04f6941ae3e2b2d94b803af3dc7bcc1000549b18c85754ce35666974c6b0aa67(
    value: typing.Optional[builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__18753210ed9fab785a91f453c94c2bfe564e82832a8cc2852c7bdd8329e7606e(
    *,
    alias: typing.Optional[builtins.str] = None,
    base_url: typing.Optional[builtins.str] = None,
    bearer_token: typing.Optional[builtins.str] = None,
    ca_cert_file: typing.Optional[builtins.str] = None,
    client_cert_file: typing.Optional[builtins.str] = None,
    client_key_file: typing.Optional[builtins.str] = None,
    collection_query: typing.Optional[builtins.str] = None,
    csrf_cookie: typing.Optional[builtins.str] = None,
    csrf_header: typing.Optional[builtins.str] = None,
    csrf_path: typing.Optional[builtins.str] = None,
    env_prefix: typing.Optional[builtins.str] = None,
    headers: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    insecure: typing.Optional[typing.Union[builtins.bool, _cdktn_78ede62e.IResolvable]] = None,
    oauth2_client_id: typing.Optional[builtins.str] = None,
    oauth2_token_url: typing.Optional[builtins.str] = None,
    password: typing.Optional[builtins.str] = None,
    rate_limit_per_second: typing.Optional[jsii.Number] = None,
    retry_backoff_seconds: typing.Optional[jsii.Number] = None,
    retry_max: typing.Optional[jsii.Number] = None,
    secrets: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    timeout_seconds: typing.Optional[jsii.Number] = None,
    token: typing.Optional[builtins.str] = None,
    token_header: typing.Optional[builtins.str] = None,
    username: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass
