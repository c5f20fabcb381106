"""Asynchronous jobs. Supported: GET /api/cluster/jobs, GET /api/cluster/jobs/{uuid}.

Mutating calls take the query parameter ``return_timeout`` (0-120 seconds). With ``0`` the call
answers ``202 Accepted`` with ``{"job": {"uuid", "_links"}}`` and the work runs in the background:
the job shows ``state: running`` for ``job_seconds`` (default 0.3; ``settings.extra["job_seconds"]``
or ``KEYFORM_SIM_ONTAP_JOB_SECONDS``), then ``success`` (code 0, message "success") or ``failure``
with the ONTAP error's ``message`` and ``code``. With the ``fail_jobs`` fault on, every job ends in
failure: "Job failed: injected fault", code 1. Without ``return_timeout``, or above 0, the call
is answered synchronously. Operations that contact key servers probe them outside the store lock
(:mod:`.connectivity`), so other calls go on meanwhile.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid as uuidlib
from datetime import datetime, timezone
from typing import Callable

from flask import Flask, jsonify, request

from keyform.simulators.common import Settings
from keyform.simulators.ontap import records
from keyform.simulators.ontap.connectivity import ProbeFirst
from keyform.simulators.ontap.errors import CATALOG, OntapError
from keyform.simulators.ontap.store import Store

Operation = Callable[[], tuple[dict, dict]]
"""Validates and applies one change (caller holds the store lock); returns ``(body, headers)``."""

PROBE_ROUNDS = 3
"""Runs of an operation that asks for key-server probes: the others' changes in between may change what to probe."""

log = logging.getLogger("keyform.simulators.ontap.jobs")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def job_href(uuid: str) -> str:
    return f"{records.API}/cluster/jobs/{uuid}"


class Jobs:
    """Runs operations synchronously or as jobs, as ``return_timeout`` asks."""

    def __init__(self, store: Store, settings: Settings, job_seconds: float):
        self.store = store
        self.settings = settings
        self.job_seconds = job_seconds

    def run(self, operation: Operation, status: int):
        """Answer ``status`` with the operation's result, or 202 with a job when ``return_timeout=0``."""
        raw = request.args.get("return_timeout")
        timeout = None
        if raw is not None:
            timeout = int(raw) if raw.strip().isdigit() else -1
            if not 0 <= timeout <= 120:
                raise OntapError(262185, target="return_timeout", field="return_timeout",
                                 reason="an integer from 0 to 120 is expected.")
        if timeout == 0:
            job = self._start(f"{request.method} {request.path}", operation)
            return jsonify({"job": {"uuid": job["uuid"], "_links": records.link(job_href(job["uuid"]))}}), 202
        body, headers = self.apply(operation)
        return jsonify(body), status, headers

    def apply(self, operation: Operation) -> tuple[dict, dict]:
        """Run ``operation`` under the store lock and save. The key-server probes it asks for
        (:class:`ProbeFirst`) run first, outside the lock; the last of :data:`PROBE_ROUNDS` runs probes under it."""
        for round_ in range(PROBE_ROUNDS):
            with self.store.lock:
                try:
                    result = operation()
                except ProbeFirst as asked:
                    pending = asked
                else:
                    self.store.save()
                    return result
            pending.connectivity.probe(pending.check)
            pending.connectivity.inline = round_ == PROBE_ROUNDS - 2
        raise AssertionError("unreachable: the last round probes inline")  # pragma: no cover

    def _start(self, description: str, operation: Operation) -> dict:
        job = {
            "uuid": str(uuidlib.uuid4()),
            "description": description,
            "state": "running",
            "start_time": _now(),
            "_links": {},
        }
        job["_links"] = records.link(job_href(job["uuid"]))
        with self.store.lock:
            self.store.put_job(job)
            self.store.save()
        threading.Thread(target=self._work, args=(job["uuid"], operation), daemon=True,
                         name=f"ontap-job-{job['uuid'][:8]}").start()
        return job

    def _work(self, job_uuid: str, operation: Operation) -> None:
        time.sleep(self.job_seconds)
        if self.settings.faults.fail_jobs:
            outcome = ("failure", 1, CATALOG[1][1])
        else:
            try:
                self.apply(operation)
                outcome = ("success", 0, "success")
            except OntapError as exc:
                outcome = ("failure", exc.code, exc.message)
            except Exception:  # pragma: no cover - a simulator bug, reported as a failed job
                log.exception("job %s crashed", job_uuid)
                outcome = ("failure", 8, "Internal error.")
        with self.store.lock:
            job = self.store.job(job_uuid)
            state, code, message = outcome
            job.update(state=state, code=code, message=message, end_time=_now())
            if state == "failure":
                job["error"] = {"code": str(code), "message": message}
            self.store.save()


def register(app: Flask, store: Store) -> None:
    @app.get(f"{records.API}/cluster/jobs")
    def list_jobs():
        with store.lock:
            found = [j for j in store.jobs() if records.matches_filters(j)]
            return jsonify(records.collection(
                [records.project(j, records.requested_fields(), ["uuid"], default_full=False) for j in found]))

    @app.get(f"{records.API}/cluster/jobs/<uuid>")
    def get_job(uuid: str):
        with store.lock:
            job = store.job(uuid)
            if job is None:
                raise OntapError(4, target="uuid")
            return jsonify(records.project(job, records.requested_fields(), ["uuid"], default_full=True))
