"""Following an asynchronous job (a ``202 Accepted`` with a job link) until it ends.

ONTAP answers mutating calls made with ``return_timeout=0`` with a job; the change happens when
the job runs, whatever happens to the client. So once a job is accepted, a failed poll says
nothing about the change: polls are reads, retried by the client, and a poll that still fails is
tolerated until the polling timeout. Only then is the outcome reported as unknown
(:class:`~keyform.client.errors.JobOutcomeUnknown`), which callers treat like a lost answer.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Callable

from keyform.client import jsonpath
from keyform.client.config import PollingConfig
from keyform.client.errors import ApiError, ClientError, JobFailed, JobOutcomeUnknown, api_message

if TYPE_CHECKING:
    from keyform.client.session import Response

Get = Callable[[str], "Response"]
"""``get(url)`` -> the client's Response of an authenticated, retried GET."""

Redact = Callable[[str], str]
"""``redact(text)`` -> the text without the client's secrets."""


def follow(get: Get, method: str, url: str, job_url: str, polling: PollingConfig, redact: Redact) -> Response:
    """Poll ``job_url`` until its state is a success (its document is returned) or a failure (raised)."""
    deadline = time.monotonic() + polling.timeout_seconds
    problem = "no answer yet"
    while True:
        try:
            job = get(job_url)
        except ClientError as exc:  # the poll, not the job, failed: the job goes on regardless
            problem = f"its polls failed ({exc})"
        else:
            if job.status == 404:
                raise JobOutcomeUnknown(method, url, job_url, "the job is gone (404) before its end was seen")
            if job.status in (401, 403):
                raise ApiError("GET", job_url, job.status, redact(api_message(job.body)), job.body)
            if job.status >= 400:
                problem = f"its polls failed (answered {job.status}: {redact(api_message(job.body))})"
            else:
                state = str(jsonpath.lookup(job.body, polling.state_path, ""))
                if state in polling.success_states:
                    return job
                if state in polling.failure_states:
                    message = jsonpath.lookup(job.body, polling.message_path, "") or "(no message)"
                    code = jsonpath.lookup(job.body, polling.code_path, None)
                    text = f"error {code}: {message}" if code not in (None, "", 0) else str(message)
                    raise JobFailed(method, url, job_url, redact(text))
                problem = f"still '{state}'"
        if time.monotonic() > deadline:
            raise JobOutcomeUnknown(method, url, job_url, f"{problem} after {polling.timeout_seconds:g} s")
        time.sleep(polling.interval_seconds)
