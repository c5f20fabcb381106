"""Simulator of the NetApp ONTAP REST API for external and onboard key managers.

Supported (base ``/api``, HTTP basic auth; two users, :data:`DEFAULT_CREDENTIALS` of role ``admin`` and
:data:`READONLY_CREDENTIALS` of role ``readonly``, which may only read: any other method answers 403):
GET /api/svm/svms, GET /api/svm/svms/{uuid};
GET|POST /api/security/certificates, GET|DELETE /api/security/certificates/{uuid};
GET|POST /api/security/key-managers, GET|PATCH|DELETE /api/security/key-managers/{uuid};
GET|POST /api/security/key-managers/{uuid}/key-servers,
GET|PATCH|DELETE /api/security/key-managers/{uuid}/key-servers/{server};
GET /api/cluster (its version per the release profile, :mod:`.profile`);
GET /api/cluster/jobs, GET /api/cluster/jobs/{uuid};
plus GET|PUT /_admin/faults (common) and GET|PUT /_admin/ontap (cluster conditions).

Adding key servers and creating or re-certifying an external key manager really connect to the primary key servers
over KMIP (:mod:`.connectivity`).
"""

from __future__ import annotations

import hmac
import os

from flask import Flask, jsonify, request
from werkzeug.exceptions import BadRequest

from keyform.simulators.common import Settings, create_base_app
from keyform.simulators.common.body import BodyTooDeep
from keyform.simulators.ontap import admin, certificates, cluster, key_managers, key_servers, svms
from keyform.simulators.ontap.errors import NOT_AUTHORIZED, OntapError, error_document, http_error_body
from keyform.simulators.ontap.jobs import Jobs, register as register_jobs
from keyform.simulators.ontap.store import SEED_SVMS, Store

DEFAULT_CREDENTIALS = {"username": "admin", "password": "ontap-sim-Passw0rd"}
READONLY_CREDENTIALS = {"username": "keyform-ro", "password": "ontap-sim-ReadOnly1"}
"""The user of the built-in role ``readonly`` (``security login create ... -role readonly``); ``settings.extra``
``readonly_username``/``readonly_password`` replace these."""
BASE_PATH = "/api"
READ_METHODS = ("GET", "HEAD", "OPTIONS")

__all__ = ["BASE_PATH", "DEFAULT_CREDENTIALS", "READONLY_CREDENTIALS", "create_app"]


def _job_seconds(settings: Settings) -> float:
    value = settings.extra.get("job_seconds", os.environ.get("KEYFORM_SIM_ONTAP_JOB_SECONDS", 0.3))
    return max(0.0, float(value))


def _role(settings: Settings) -> str | None:
    """The role of the request's user: ``admin``, ``readonly``, or None (unknown user or wrong password)."""
    auth = request.authorization
    if auth is None or auth.type != "basic":
        return None
    readonly = (settings.extra.get("readonly_username", READONLY_CREDENTIALS["username"]),
                settings.extra.get("readonly_password", READONLY_CREDENTIALS["password"]))
    for role, (username, password) in (("admin", (settings.username, settings.password)), ("readonly", readonly)):
        if hmac.compare_digest((auth.username or "").encode(), username.encode()) and hmac.compare_digest(
                (auth.password or "").encode(), password.encode()):
            return role
    return None


def create_app(settings: Settings) -> Flask:
    """The ONTAP simulator app; objects load from and save to ``settings.state_path``. With ``settings.ca`` (the
    run's CA, which issues the real KMIP servers' certificates) the seeded "kmip-ca" is that CA (:mod:`.pki`)."""
    app = create_base_app(settings, http_error_body)
    store = Store(settings.state_path, tuple((settings.extra or {}).get("svms") or SEED_SVMS), settings.ca)
    conditions = dict(admin.DEFAULTS)
    if settings.ontap_version:
        conditions["ontap_version"] = settings.ontap_version
    conditions.update(admin.validate({k: v for k, v in settings.extra.items() if k in admin.DEFAULTS}))
    admin.validate({"ontap_version": conditions["ontap_version"]})
    jobs = Jobs(store, settings, _job_seconds(settings))
    app.config["ONTAP_STORE"] = store
    app.config["ONTAP_CONDITIONS"] = conditions

    @app.before_request
    def _authenticate():
        if request.path.startswith(BASE_PATH + "/") or request.path == BASE_PATH:
            role = _role(settings)
            if role is None:
                error = OntapError(6)
                return jsonify(error.body()), 401, {"WWW-Authenticate": 'Basic realm="ONTAP"'}
            if role == "readonly" and request.method not in READ_METHODS:
                return jsonify(error_document(*NOT_AUTHORIZED)), 403
        return None

    @app.errorhandler(OntapError)
    def _ontap_error(exc: OntapError):
        return jsonify(exc.body()), exc.status

    @app.errorhandler(BadRequest)
    def _bad_request(exc: BadRequest):
        message = exc.description if isinstance(exc, BodyTooDeep) else f"Invalid JSON input: {exc.description}."
        return jsonify(error_document("262179", message)), 400

    svms.register(app, store)
    certificates.register(app, store)
    key_managers.register(app, store, jobs, conditions)
    key_servers.register(app, store, jobs, conditions)
    register_jobs(app, store)
    cluster.register(app, settings.name, conditions)
    admin.register(app, conditions)
    return app
