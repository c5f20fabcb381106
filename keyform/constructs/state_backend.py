"""Where each stack keeps its Terraform state, chosen by ``KEYFORM_STATE_BACKEND`` with no change to a stack's code.

- ``local`` (default): cdktf's local backend, ``terraform.<stack>.tfstate`` in the project root;
- ``pg``: PostgreSQL, one schema per stack (``keyform_<stack>``); where and as whom to connect comes only from
  Terraform's environment (``PG_CONN_STR`` or libpq's ``PGHOST``, ``PGPASSWORD`` …), never from cdk.tf.json;
- ``s3``: bucket ``KEYFORM_STATE_S3_BUCKET``, key ``<KEYFORM_STATE_S3_PREFIX>keyform/<stack>.tfstate``, S3 lock
  file; region, endpoint and credentials from ``AWS_*``;
- ``http``: ``<KEYFORM_STATE_HTTP_ADDRESS>/<stack>`` with LOCK/UNLOCK there; credentials from
  ``TF_HTTP_USERNAME``/``TF_HTTP_PASSWORD``.

:func:`apply_state_backends` gives every stack of an app its backend; :func:`keyform.constructs.synth` calls it
before ``app.synth()``. A wrong setting raises :class:`KeyformConfigError` naming the variable and the fix.
"""

from __future__ import annotations

import os
import re
from typing import Mapping, Optional
from urllib.parse import quote, urlsplit

from keyform.cdk import App, HttpBackend, PgBackend, S3Backend, TerraformBackend, TerraformStack

from keyform.constructs.errors import KeyformConfigError

VARIABLE = "KEYFORM_STATE_BACKEND"
KINDS = ("local", "pg", "s3", "http")
MARK = "keyform:state-backend"
PG_WHERE = ("PG_CONN_STR", "PGHOST")  # one of them says where the database is (lib/pq: PGHOST defaults to localhost)


def schema_name(stack: str) -> str:
    """The PostgreSQL schema of a stack's state: ``keyform_<stack>``, non-alphanumerics made ``_``."""
    return "keyform_" + re.sub(r"[^A-Za-z0-9]", "_", stack)


def backend_kind(env: Mapping[str, str]) -> str:
    """``KEYFORM_STATE_BACKEND`` (``local`` when unset or empty), refused when it is not one keyform knows."""
    kind = env.get(VARIABLE, "").strip() or "local"
    if kind not in KINDS:
        raise KeyformConfigError("app", VARIABLE, f"{kind!r} is not a state backend keyform knows",
                                 f"set {VARIABLE} to one of {', '.join(KINDS)} (or unset it for local state)")
    return kind


def apply_state_backends(app: App, env: Optional[Mapping[str, str]] = None) -> None:
    """Give every stack of ``app`` the backend ``KEYFORM_STATE_BACKEND`` names (in ``env``, default
    ``os.environ``); a stack that has its keyform backend already is left alone."""
    env = os.environ if env is None else env
    kind = backend_kind(env)
    for child in app.node.children:
        if isinstance(child, TerraformStack):
            apply_state_backend(child, kind, env)


def apply_state_backend(stack: TerraformStack, kind: str, env: Mapping[str, str]) -> None:
    """``stack``'s backend of ``kind``. A stack declaring a backend of its own keeps it with ``local``; with
    another kind that is a conflict, refused."""
    name = stack.node.id
    backends = [c for c in stack.node.children if TerraformBackend.is_backend(c)]
    if any(MARK in (m.type for m in b.node.metadata) for b in backends):
        return
    if backends:
        if kind == "local":
            return
        raise KeyformConfigError(stack.node.path, VARIABLE, f"{VARIABLE}={kind}, but the stack declares a "
                                 "backend of its own", f"remove the stack's backend, or unset {VARIABLE}")
    if kind == "local":
        return  # cdktf adds its local backend at synth: exactly as without keyform
    backend = {"pg": _pg, "s3": _s3, "http": _http}[kind](stack, name, env)
    backend.node.add_metadata(MARK, kind)


def _pg(stack: TerraformStack, name: str, env: Mapping[str, str]) -> TerraformBackend:
    if not any(env.get(v) for v in PG_WHERE):
        raise KeyformConfigError("app", VARIABLE, f"{VARIABLE}=pg, but neither PG_CONN_STR nor PGHOST is set, so "
                                 "Terraform would not know which database holds the state",
                                 "export PG_CONN_STR=postgres://USER@HOST:PORT/DB?sslmode=require with PGPASSWORD, "
                                 "or PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE")
    if env.get("PG_SCHEMA_NAME"):
        raise KeyformConfigError("app", "PG_SCHEMA_NAME", "it is set, but keyform gives every stack a schema of its "
                                 f"own ({schema_name(name)} for {name})", "unset PG_SCHEMA_NAME")
    backend = PgBackend(stack, conn_str="", schema_name=schema_name(name))
    # cdktf 0.21 requires conn_str; without the key Terraform reads PG_CONN_STR / PG* at init
    stack.add_override("terraform.backend.pg.conn_str", None)
    return backend


def _s3(stack: TerraformStack, name: str, env: Mapping[str, str]) -> TerraformBackend:
    bucket = env.get("KEYFORM_STATE_S3_BUCKET", "")
    if not bucket:
        raise KeyformConfigError("app", "KEYFORM_STATE_S3_BUCKET", f"{VARIABLE}=s3 needs the bucket of the state",
                                 "export KEYFORM_STATE_S3_BUCKET=<bucket> (credentials and region: AWS_* variables)")
    if not (env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION")):
        raise KeyformConfigError("app", "AWS_REGION", f"{VARIABLE}=s3 needs the bucket's region",
                                 "export AWS_REGION=<region> (any value for an S3-compatible store)")
    prefix = env.get("KEYFORM_STATE_S3_PREFIX", "")
    backend = S3Backend(stack, bucket=bucket, key=f"{prefix}keyform/{name}.tfstate")
    stack.add_override("terraform.backend.s3.use_lockfile", True)  # S3-native lock (Terraform >= 1.10)
    return backend


def _http(stack: TerraformStack, name: str, env: Mapping[str, str]) -> TerraformBackend:
    base = env.get("KEYFORM_STATE_HTTP_ADDRESS", "").rstrip("/")
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise KeyformConfigError("app", "KEYFORM_STATE_HTTP_ADDRESS", f"{VARIABLE}=http needs the base URL of the "
                                 f"state service (got {base!r})", "export KEYFORM_STATE_HTTP_ADDRESS=https://host/path")
    if parts.username or parts.password:
        raise KeyformConfigError("app", "KEYFORM_STATE_HTTP_ADDRESS", "it holds credentials, which would be written "
                                 "into cdk.tf.json", "remove them from the URL; export TF_HTTP_USERNAME and "
                                 "TF_HTTP_PASSWORD instead")
    address = f"{base}/{quote(name, safe='')}"
    return HttpBackend(stack, address=address, lock_address=address, unlock_address=address)
