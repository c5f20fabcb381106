"""ONTAP error codes in one place: HTTP status, message and the error body.

Codes from the seed documents (POST key-servers, PATCH key-server, PATCH key manager) keep
their documented message verbatim (including the seed's "passhrase" typo in 65536917).
Codes marked CHOSEN are the simulator's choice where the seeds are silent:

- ``4`` / 404 "entry doesn't exist" (target ``uuid``): the seeds' example error, used for unknown objects.
- ``6`` / 401: wrong or missing credentials.
- ``6`` / 403 "not authorized for that command" (:data:`NOT_AUTHORIZED`): a call the user's role does not allow
  (a ``POST``/``PATCH``/``DELETE`` of a ``readonly`` user); the seeds document no error for it.
- ``65536823`` / 409: a second key manager for the same SVM (or the cluster).
- ``65536039`` / 400: more than 3 secondary key servers for one primary.
- ``65536040`` / 400: a secondary key server that is also a primary of the same key manager.
- ``65537301`` / 400 "The Onboard Key Manager is not enabled.": onboard settings patched on an external
  key manager (ONTAP's message for that situation on ``/security/key-manager-configs``).
- ``2621462``: unknown SVM; ``262179`` unexpected field; ``262185`` invalid value;
  ``262186`` mutually exclusive fields (``server`` with ``records``); ``262197`` missing required field.
- ``3735622`` / 409: a certificate name already used in the same scope (SVM or cluster) on POST
  /security/certificates; ``3735644`` / 400: a private key that does not belong to the public certificate;
  ``3735645`` / 400: a public certificate or private key that does not read as PEM; ``3735646`` / 400: DELETE of
  a certificate an external key manager uses. (NetApp's pages for these calls list no codes for these cases.)
- ``1``: a job failed by the injected ``fail_jobs`` fault.
- ``262179`` / 400 also answers invalid JSON input and a body nested too deeply (``__init__``).
- ``413`` / 413: a body over the simulators' size limit (``common.body``); the seeds document no code
  for it, so the HTTP status is the code, as for the other errors answered outside the API handlers.
"""

from __future__ import annotations

from typing import Optional

# code -> (HTTP status, message template)
CATALOG: dict[int, tuple[int, str]] = {
    # seeds 001 / 002 / 004
    65536038: (400, "A maximum of 4 active key servers are allowed."),
    65536139: (400, "The existing passphrase value provided does not match the configured passphrase."),
    65536150: (400, "The new passphrase is same as old passphrase."),
    65536404: (400, "The passphrase does not match the accepted length."),
    65536406: (400, "The change of passphrase failed."),
    65536407: (400, "The passphrase update failed on some nodes."),
    65536408: (400, "The passphrase update failed on some nodes."),
    65536802: (400, "The passphrase does not match the accepted length in common criteria mode."),
    65536821: (400, "Certificate is not installed."),
    65536822: (400, "Multitenant key management is not supported in the current cluster version."),
    65536824: (400, "Multitenant key management is not supported in MetroCluster configurations."),
    65536828: (400, "External key management is not enabled for the SVM."),
    65536834: (400, "Failed to get existing key-server details for the SVM."),
    65536843: (404, "The key management server is not configured for the SVM."),
    65536845: (400, "Missing username."),
    65536846: (400, "Missing password."),
    65536850: (400, "New client certificate public or private keys are different from the existing client certificate."),  # noqa: E501 - verbatim
    65536852: (400, "Failed to query supported KMIP protocol versions."),
    65536870: (409, "Key management servers already configured."),
    65536871: (400, "Duplicate key management servers exist."),
    65536917: (400, "Updating an onboard passhrase requires both new and existing cluster passphrase."),
    65537242: (400, "The Onboard Key Manager existing_passphrase must be provided when performing a PATCH/synchronize operation."),  # noqa: E501 - verbatim
    65537243: (400, "The Onboard Key Manager passphrase must not be provided when performing a PATCH/synchronize operation."),  # noqa: E501 - verbatim
    66060338: (400, "Failed to establish secure connection for a key management server due to incorrect server_ca certificates."),  # noqa: E501 - verbatim
    66060339: (400, "Failed to establish secure connection for a key management server due to incorrect client certificates."),  # noqa: E501 - verbatim
    66060340: (400, "Failed to establish secure connection for a key management server due to Cryptsoft error."),
    66060341: (400, "Failed to establish secure connection for a key management server due to network configuration issues."),  # noqa: E501 - verbatim
    # CHOSEN (see module docstring)
    1: (500, "Job failed: injected fault"),
    4: (404, "entry doesn't exist"),
    6: (401, "The user name or password is incorrect."),
    65536039: (400, "A maximum of 3 secondary key servers are allowed per primary key server."),
    65536040: (400, "A secondary key server cannot also be a primary key server: \"{server}\"."),
    65536823: (409, "A key manager is already configured for {owner}."),
    65537301: (400, "The Onboard Key Manager is not enabled."),
    3735622: (409, "A certificate named \"{name}\" already exists in {scope}."),
    3735644: (400, "The private key does not match the public key of the certificate."),
    3735645: (400, "Invalid certificate or key: {reason}"),
    3735646: (400, "The certificate \"{name}\" is in use by the external key manager of {owner} and cannot be deleted."),  # noqa: E501
    2621462: (400, "SVM \"{svm}\" does not exist."),
    262179: (400, "Unexpected argument \"{field}\"."),
    262185: (400, "Invalid value for field \"{field}\": {reason}"),
    262186: (400, "Field \"{field}\" cannot be used with field \"{other}\"."),
    262197: (400, "Missing value for required field \"{field}\"."),
}

# Seed 004 (PATCH key manager) words 65536821 differently from seed 001.
PATCH_CERTIFICATE_MESSAGE = "The certificate is not installed."

# Failures the admin conditions can inject where the cluster would talk to key servers.
KMIP_FAILURES = (65536834, 65536852, 66060338, 66060339, 66060340, 66060341)
NOT_AUTHORIZED = ("6", "not authorized for that command")
"""CHOSEN (see module docstring): code and message of the 403 answering a call the user's role does not allow."""

PASSPHRASE_UPDATE_FAILURES = (65536406, 65536407, 65536408)


class OntapError(Exception):
    """An ONTAP error: ``code`` from :data:`CATALOG`, message filled from ``arguments``."""

    def __init__(self, code: int, target: str = "", message: Optional[str] = None, **arguments):
        status, template = CATALOG[code]
        self.code = code
        self.status = status
        self.target = target
        self.arguments = arguments
        self.message = message or template.format(**arguments)
        super().__init__(self.message)

    def body(self) -> dict:
        return error_document(
            str(self.code),
            self.message,
            self.target,
            [{"code": str(self.code), "message": str(value)} for value in self.arguments.values()],
        )


def error_document(code: str, message: str, target: str = "", arguments: Optional[list] = None) -> dict:
    """ONTAP's error shape."""
    error = {"code": code, "message": message, "arguments": arguments or []}
    if target:
        error["target"] = target
    return {"error": error}


def http_error_body(status: int, message: str) -> dict:
    """Body for errors raised outside the API handlers (faults, unknown routes, bad JSON)."""
    code = {401: "6", 404: "4", 413: "413"}.get(status, str(status))
    return error_document(code, message)
