"""Simulator of the Hitachi VSP One Object management API for external KMIP servers.

Supported:
- POST /auth/realms/object/protocol/openid-connect/token (Keycloak password grant; see ``auth``)
- GET  /mapi/v1/csrf (XSRF-TOKEN and vertx-web.session cookies; see ``auth``)
- POST /mapi/v1/kmip/{list_servers,get_server,add_server,update_server,delete_server,promote_server}
  (see ``kmip``)

Errors are ``{"statusCode": <int>, "message": "<text>"}`` (see ``errors``). Servers persist in
``settings.state_path`` (see ``store``); ``isOnline`` is a live KMIP Discover Versions over mutual TLS, with a
client certificate from the run's CA (see ``reachability``).
``settings.extra`` may tune ``token_ttl``, ``csrf_ttl``, ``reachability_timeout``, ``reachability_deadline``.
"""

from __future__ import annotations

from flask import Flask

from keyform.simulators.common import Settings, StateFile, create_base_app
from keyform.simulators.common.tls import process_ca
from keyform.simulators.vsp import auth
from keyform.simulators.vsp.errors import error_body, register_error_handlers
from keyform.simulators.vsp.kmip import create_blueprint
from keyform.simulators.vsp.reachability import DEADLINE, PROBE_TIMEOUT, Reachability
from keyform.simulators.vsp.store import KmipStore

DEFAULT_CREDENTIALS = {"username": "admin", "password": "vsp-sim-Passw0rd"}
BASE_PATH = "/mapi"

__all__ = ["BASE_PATH", "DEFAULT_CREDENTIALS", "create_app"]


def create_app(settings: Settings) -> Flask:
    app = create_base_app(settings, error_body)
    app.json.sort_keys = False  # keep the field order of the reference guide
    register_error_handlers(app)
    auth.install(app, settings)
    store = KmipStore(StateFile(settings.state_path))
    reach = Reachability(
        lambda: settings.ca or process_ca(),  # the run's CA (set when serving starts)
        settings.name,
        float(settings.extra.get("reachability_timeout", PROBE_TIMEOUT)),
        float(settings.extra.get("reachability_deadline", DEADLINE)),
    )
    app.register_blueprint(create_blueprint(store, reach))
    return app
