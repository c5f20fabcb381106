"""Validation of KMIP server fields; every refusal is a 400 naming the field.

A field that is absent or ``null`` counts as not given (the Ansible collection sends
``null`` for options the user left out): ``add_server`` applies the defaults,
``update_server`` keeps the current value.
"""

from __future__ import annotations

from keyform.simulators.vsp.errors import ApiError

KMIP_PROTOCOLS = ("V1_3", "V1_4", "V2_0", "V2_1", "V3_0")
NAME_MAX = 63

# Defaults where the reference guide is silent: the KMIP port (IANA 5696), TLS 1.2 on as in the
# Ansible module, and the guide's own example cipher list.
DEFAULTS = {
    "port": 5696,
    "isTLS12Enabled": True,
    "kmipProtocol": "V1_4",
    "httpsCiphers": (
        "TLS_RSA_WITH_AES_128_CBC_SHA256,TLS_RSA_WITH_AES_256_CBC_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384,"
        "SSL_RSA_WITH_3DES_EDE_CBC_SHA,TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256,"
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,"
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"
    ),
}

EDITABLE = ("name", "host", "port", "isTLS12Enabled", "kmipProtocol", "httpsCiphers")


def bad(message: str) -> ApiError:
    return ApiError(400, message)


def require_name(body: dict) -> str:
    """The ``name`` of get/delete/promote requests."""
    name = body.get("name")
    if name is None or name == "":
        raise bad("name is required.")
    if not isinstance(name, str):
        raise bad("name must be a string.")
    return name


def require_uuid(body: dict) -> str:
    value = body.get("uuid")
    if value is None or value == "":
        raise bad("uuid is required.")
    if not isinstance(value, str):
        raise bad("uuid must be a string.")
    return value


def _name(value) -> str:
    if not isinstance(value, str):
        raise bad("name must be a string.")
    if not value.strip():
        raise bad("name is required.")
    if len(value) > NAME_MAX:
        raise bad(f"name must be at most {NAME_MAX} characters.")
    return value


def _host(value) -> str:
    if not isinstance(value, str):
        raise bad("host must be a string.")
    if not value.strip() or any(c.isspace() for c in value.strip()):
        raise bad("host is required and must be a hostname or IP address.")
    return value.strip()


def _port(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 65535:
        raise bad("port must be an integer between 1 and 65535.")
    return value


def _tls12(value) -> bool:
    if not isinstance(value, bool):
        raise bad("isTLS12Enabled must be a boolean.")
    return value


def _protocol(value) -> str:
    if not isinstance(value, str) or value not in KMIP_PROTOCOLS:
        # "Unexpected value '<x>'" is what the real API says; the Ansible module looks for it.
        raise bad(f"Unexpected value '{value}' for kmipProtocol. Allowed values: {', '.join(KMIP_PROTOCOLS)}.")
    return value


def _ciphers(value) -> str:
    if not isinstance(value, str):
        raise bad("httpsCiphers must be a string of comma-separated ciphers.")
    items = [item.strip() for item in value.split(",")]
    if not all(items):
        raise bad("httpsCiphers must be a non-empty, comma-separated list of ciphers.")
    return ",".join(items)


CHECKS = {"name": _name, "host": _host, "port": _port, "isTLS12Enabled": _tls12,
          "kmipProtocol": _protocol, "httpsCiphers": _ciphers}


def given_fields(body: dict) -> dict:
    """The editable fields present and not ``null``, each validated."""
    return {key: CHECKS[key](body[key]) for key in EDITABLE if body.get(key) is not None}


def new_server_fields(body: dict) -> dict:
    """Fields of a new server: name and host required, defaults for the rest."""
    if body.get("name") is None:
        raise bad("name is required.")
    if body.get("host") is None:
        raise bad("host is required.")
    fields = dict(DEFAULTS)
    fields.update(given_fields(body))
    return fields
