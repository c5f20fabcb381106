"""The simulated cluster's objects: SVMs, certificates, key managers, jobs.

Everything lives in one JSON document behind one lock and is written to the state file
after every change, so a restarted simulator keeps its objects. Passwords and passphrases
are kept only as salted SHA-256 hashes (``{"salt", "sha256"}``): the simulator needs only
to compare them, never to return them. Certificates keep their PEM text and (client and server
certificates) their private key, as the cluster's disk does; the API never returns a private key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
import uuid as uuidlib
from typing import Optional

from keyform.simulators.common import StateFile
from keyform.simulators.common.run_ca import RunCa
from keyform.simulators.ontap import pki
from keyform.simulators.ontap.errors import OntapError

_NAMESPACE = uuidlib.UUID("6f1d3c62-4b8e-4f0e-9a53-0b9d6e1c7a10")

SEED_SVMS = ("svm1", "svm2")

def stable_uuid(kind: str, name: str) -> str:
    """The same uuid on every start for the seeded objects."""
    return str(uuidlib.uuid5(_NAMESPACE, f"{kind}/{name}"))


def hash_secret(value: str) -> dict:
    salt = secrets.token_hex(16)
    return {"salt": salt, "sha256": hashlib.sha256((salt + value).encode("utf-8")).hexdigest()}


def secret_matches(stored: Optional[dict], value: str) -> bool:
    if not stored:
        return False
    digest = hashlib.sha256((stored["salt"] + value).encode("utf-8")).hexdigest()
    return hmac.compare_digest(digest, stored["sha256"])


def fake_key_backup() -> str:
    """An opaque onboard key backup block shaped like ONTAP's (random, carries no secret)."""
    blob = base64.b64encode(b"NetApp Key Blob\x00" + secrets.token_bytes(176)).decode("ascii")
    lines = [blob[i : i + 64] for i in range(0, len(blob), 64)]
    return "\n".join(
        ["--------------------------BEGIN BACKUP--------------------------", *lines,
         "---------------------------END BACKUP---------------------------"]
    )


def seed_certificates(ca: Optional[RunCa] = None) -> list[dict]:
    """The pre-installed certificates, cluster-scoped, with stable uuids and freshly generated keys ("kmip-ca" is
    ``ca``'s certificate when given: :mod:`.pki`)."""
    out = []
    for seed in pki.seed_certificates(ca):
        cert = {"uuid": stable_uuid("certificate", seed["name"]), "name": seed["name"], "type": seed["type"],
                "svm_uuid": None}
        cert.update(pki.describe(pki.load_certificate(seed["public_certificate"])))
        if "private_key" in seed:
            cert["private_key"] = seed["private_key"]
        out.append(cert)
    return out


def _initial_document(svm_names=SEED_SVMS, ca: Optional[RunCa] = None) -> dict:
    svms = [{"uuid": stable_uuid("svm", name), "name": name} for name in svm_names]
    return {"version": 1, "svms": svms, "certificates": seed_certificates(ca), "key_managers": {}, "jobs": {}}


def _upgrade_certificates(doc: dict, ca: Optional[RunCa]) -> None:
    """Seeded certificates made for another CA (or, in a state file written before certificates were real PEM,
    none at all) are made again, with the same uuids, from ``ca`` (kept when they match it, or without one)."""
    run_ca_uuid = stable_uuid("certificate", pki.RUN_CA_SEED)
    kept_ca = next((c for c in doc["certificates"] if c["uuid"] == run_ca_uuid), None)
    stale = ca is not None and kept_ca is not None and \
        kept_ca.get("public_certificate", "").strip() != ca.certificate_pem.strip()
    if not stale and all("public_certificate" in c for c in doc["certificates"]):
        return
    fresh = {c["uuid"]: c for c in seed_certificates(ca)}
    doc["certificates"] = [fresh.get(c["uuid"], c) for c in doc["certificates"] if c["uuid"] in fresh
                           or "public_certificate" in c]


class Store:
    """In-memory model + persistence. Callers hold :attr:`lock` around read-modify-save sequences."""

    def __init__(self, state_path: Optional[str], svm_names=SEED_SVMS, ca: Optional[RunCa] = None):
        """``svm_names``: the SVMs a new cluster has (``settings.extra["svms"]``; default svm1, svm2); ``ca``: the
        run's CA, which "kmip-ca" is (:mod:`.pki`)."""
        self.lock = threading.RLock()
        self._file = StateFile(state_path)
        self.doc = self._file.load(None) or _initial_document(svm_names, ca)
        _upgrade_certificates(self.doc, ca)
        for job in self.doc["jobs"].values():
            if job["state"] in ("queued", "running"):
                job.update(state="failure", message="Job was interrupted by a restart of the cluster.", code=1)
        self.save()

    def save(self) -> None:
        with self.lock:
            self._file.save(self.doc)

    # SVMs
    def svms(self) -> list[dict]:
        return self.doc["svms"]

    def svm(self, uuid: Optional[str] = None, name: Optional[str] = None) -> Optional[dict]:
        for svm in self.doc["svms"]:
            if (uuid is not None and svm["uuid"] == uuid) or (name is not None and svm["name"] == name):
                return svm
        return None

    def require_svm(self, uuid: str) -> dict:
        svm = self.svm(uuid=uuid)
        if svm is None:
            raise OntapError(4, target="uuid")
        return svm

    # certificates
    def certificates(self) -> list[dict]:
        return self.doc["certificates"]

    def certificate(self, uuid: Optional[str] = None, name: Optional[str] = None,
                    svm_uuid: Optional[str] = None) -> Optional[dict]:
        """By uuid (any scope), or by name within one scope (``svm_uuid``; None: the cluster)."""
        for cert in self.doc["certificates"]:
            if uuid is not None and cert["uuid"] == uuid:
                return cert
            if uuid is None and name is not None and cert["name"] == name and cert.get("svm_uuid") == svm_uuid:
                return cert
        return None

    def require_certificate(self, uuid: str) -> dict:
        cert = self.certificate(uuid=uuid)
        if cert is None:
            raise OntapError(4, target="uuid")
        return cert

    def add_certificate(self, cert: dict) -> None:
        self.doc["certificates"].append(cert)

    def delete_certificate(self, uuid: str) -> None:
        self.doc["certificates"] = [c for c in self.doc["certificates"] if c["uuid"] != uuid]

    # key managers
    def key_managers(self) -> list[dict]:
        return list(self.doc["key_managers"].values())

    def key_manager(self, uuid: str) -> Optional[dict]:
        return self.doc["key_managers"].get(uuid)

    def require_key_manager(self, uuid: str) -> dict:
        manager = self.key_manager(uuid)
        if manager is None:
            raise OntapError(4, target="uuid")
        return manager

    def manager_for(self, svm_uuid: Optional[str]) -> Optional[dict]:
        """The key manager of an SVM, or of the cluster when ``svm_uuid`` is None."""
        for manager in self.doc["key_managers"].values():
            if manager.get("svm_uuid") == svm_uuid:
                return manager
        return None

    def add_key_manager(self, manager: dict) -> None:
        self.doc["key_managers"][manager["uuid"]] = manager

    def delete_key_manager(self, uuid: str) -> None:
        self.doc["key_managers"].pop(uuid, None)

    # jobs
    def jobs(self) -> list[dict]:
        return list(self.doc["jobs"].values())

    def job(self, uuid: str) -> Optional[dict]:
        return self.doc["jobs"].get(uuid)

    def put_job(self, job: dict) -> None:
        self.doc["jobs"][job["uuid"]] = job
