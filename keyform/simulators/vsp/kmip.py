"""External KMIP server endpoints, all ``POST`` (RPC style); any other method is a 405.

Supported:
- POST /mapi/v1/kmip/list_servers (no body) -> ``{"servers": {"<name>": <server>, ...}}``
- POST /mapi/v1/kmip/get_server {name} -> <server>
- POST /mapi/v1/kmip/add_server {name, host, port?, isTLS12Enabled?, kmipProtocol?, httpsCiphers?} -> <server>
- POST /mapi/v1/kmip/update_server {uuid, name?, host?, port?, isTLS12Enabled?, kmipProtocol?, httpsCiphers?}
  -> <server> (absent or null fields keep their value; ``name`` renames)
- POST /mapi/v1/kmip/delete_server {name} -> 200, empty body
- POST /mapi/v1/kmip/promote_server {name} -> <server> (now primary; the old primary is demoted)

<server> is ``{name, host, port, isPrimary, isTLS12Enabled, kmipProtocol, httpsCiphers, isOnline, uuid}``.
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify

from keyform.simulators.common.body import parse_json, read_body
from keyform.simulators.vsp.errors import BODY_NOT_OBJECT, OFFLINE_PROMOTE, ApiError
from keyform.simulators.vsp.reachability import Reachability
from keyform.simulators.vsp.store import KmipStore
from keyform.simulators.vsp.validation import bad, given_fields, new_server_fields, require_name, require_uuid

FIELD_ORDER = ("name", "host", "port", "isPrimary", "isTLS12Enabled", "kmipProtocol", "httpsCiphers", "isOnline",
               "uuid")


def _body() -> dict:
    """The JSON object sent (whatever its Content-Type), ``{}`` for no body; a 400 for anything else."""
    raw = read_body()
    if not raw:
        return {}
    try:
        payload = parse_json(raw)  # BodyTooDeep is a 400 in the error document, never the catch-all 500
    except ValueError:
        payload = None
    if not isinstance(payload, dict):
        raise bad(BODY_NOT_OBJECT)
    return payload


def create_blueprint(store: KmipStore, reach: Reachability) -> Blueprint:
    bp = Blueprint("vsp_kmip", __name__, url_prefix="/mapi/v1/kmip")

    def present(servers: list[dict]) -> list[dict]:
        """Servers as the API shows them, ``isOnline`` probed now."""
        online = reach.online(servers)
        return [{k: up if k == "isOnline" else s[k] for k in FIELD_ORDER} for s, up in zip(servers, online)]

    def one(server: dict) -> Response:
        return jsonify(present([server])[0])

    def post(rule: str):
        return bp.route(rule, methods=["POST"], provide_automatic_options=False)

    @post("/list_servers")
    def list_servers():
        return jsonify({"servers": {s["name"]: s for s in present(store.all())}})

    @post("/get_server")
    def get_server():
        return one(store.by_name(require_name(_body())))

    @post("/add_server")
    def add_server():
        return one(store.add(new_server_fields(_body())))

    @post("/update_server")
    def update_server():
        body = _body()
        server_uuid = require_uuid(body)
        return one(store.update(server_uuid, given_fields(body)))

    @post("/delete_server")
    def delete_server():
        store.delete(require_name(_body()))
        return Response(status=200)

    @post("/promote_server")
    def promote_server():
        name = require_name(_body())
        target = store.by_name(name)
        if not target["isPrimary"] and not reach.online([target])[0]:
            raise ApiError(400, OFFLINE_PROMOTE)
        return one(store.promote(name))

    return bp
